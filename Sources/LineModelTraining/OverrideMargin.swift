import ParseCore

/// How sure the model must be to override the conventions. The conventions were written for
/// Workers' Daily's own pages, which the laid-out training pages only imitate, so a line an override
/// makes wrong costs more than one that is right gains: `wrongCost` times as much. The margin
/// is the one that does best by that count on pages the model did not learn from. Three rather
/// than eight raised held-out pieces by up to 0.005 and body by up to 0.006, and lowered no
/// row of `make eval`.
enum OverrideMargin {
    static let wrongCost = 3.0

    static func fit(_ model: LineModel, on pages: [LabelledPage]) -> Double {
        var overrides: [(margin: Double, gain: Double)] = []
        for p in pages {
            for o in model.overrides(p.observation) {
                var gain = 0.0
                for (k, label) in zip(o.lines, o.labels) where (label == .heading) != p.observation.verdict[k] {
                    gain += (label == .heading) == (p.labels[k] == .heading) ? 1 : -wrongCost
                }
                overrides.append((o.margin, gain))
            }
        }
        overrides.sort { $0.margin > $1.margin }
        var gain = 0.0, best = 0.0, margin = Double.greatestFiniteMagnitude
        for o in overrides {
            gain += o.gain
            if gain > best { best = gain; margin = o.margin }
        }
        return margin
    }
}
