import Foundation

/// A trend as a standalone SVG line chart to put in a paper: one line per term over the
/// periods, a y axis of pieces with round ticks, period labels on the x axis, a legend. Each
/// line carries its term and values (data-term, data-values) so other tools can read it back.
enum TrendSVG {
    private static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
    private static let width = 800.0, height = 420.0
    private static let left = 60.0, right = 170.0, top = 40.0, bottom = 60.0

    static func render(_ series: [TrendSeries], periods: [UInt32], by period: Period) -> String {
        let plotW = width - left - right, plotH = height - top - bottom
        let shown = series.map { $0.shown() }
        let maxValue = shown.flatMap { $0 }.max() ?? 0
        let unit = series.first?.unit ?? "pieces"
        // Counts tick in whole pieces; a rate may tick in hundredths.
        let step = tickStep(maxValue, smallest: series.first?.rate == nil ? 1 : 0.01)
        let yMax = max(step, (maxValue / step).rounded(.up) * step)
        func x(_ i: Int) -> Double { left + (periods.count > 1 ? plotW * Double(i) / Double(periods.count - 1) : plotW / 2) }
        func y(_ v: Double) -> Double { top + plotH * (1 - v / yMax) }
        func n(_ v: Double) -> String { String(format: "%.1f", v) }

        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        let title = periods.isEmpty ? "no dated pieces" : "\(unit) per \(period.rawValue), \(period.label(periods.first!)) to \(period.label(periods.last!))"
        s += "<text x=\"\(n(left))\" y=\"24\" font-size=\"14\">\(escape(title))</text>\n"
        s += "<g class=\"axes\" stroke=\"#333\">"
        s += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + plotH))\"/>"
        s += "<line x1=\"\(n(left))\" y1=\"\(n(top + plotH))\" x2=\"\(n(left + plotW))\" y2=\"\(n(top + plotH))\"/></g>\n"
        s += "<g class=\"y-ticks\">"
        for k in 0...Int((yMax / step).rounded()) {
            let v = Double(k) * step
            s += "<line x1=\"\(n(left - 4))\" y1=\"\(n(y(v)))\" x2=\"\(n(left))\" y2=\"\(n(y(v)))\" stroke=\"#333\"/>"
            s += "<text x=\"\(n(left - 8))\" y=\"\(n(y(v) + 4))\" text-anchor=\"end\">\(shownNumber(v))</text>"
        }
        s += "</g>\n<g class=\"x-ticks\">"
        let every = max(1, (periods.count + 11) / 12)
        for (i, p) in periods.enumerated() where i % every == 0 || i == periods.count - 1 {
            s += "<text x=\"\(n(x(i)))\" y=\"\(n(top + plotH + 18))\" text-anchor=\"middle\">\(period.label(p))</text>"
        }
        s += "</g>\n"
        for (k, t) in series.enumerated() {
            let colour = palette[k % palette.count]
            let points = shown[k].enumerated().map { "\(n(x($0.offset))),\(n(y($0.element)))" }.joined(separator: " ")
            s += "<polyline class=\"series\" data-term=\"\(escape(t.term))\" data-values=\"\(shown[k].map(shownNumber).joined(separator: ","))\" data-undated=\"\(t.undated)\" "
            s += "fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points)\"/>\n"
            let ly = top + 10 + Double(k) * 20
            s += "<g class=\"legend\"><line x1=\"\(n(width - right + 20))\" y1=\"\(n(ly))\" x2=\"\(n(width - right + 44))\" y2=\"\(n(ly))\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            s += "<text x=\"\(n(width - right + 50))\" y=\"\(n(ly + 4))\">\(escape(t.term)) (\(t.totalLabel))</text></g>\n"
        }
        s += "<text x=\"14\" y=\"\(n(top + plotH / 2))\" transform=\"rotate(-90 14 \(n(top + plotH / 2)))\" text-anchor=\"middle\">\(escape(unit))</text>\n"
        s += "</svg>\n"
        return s
    }

    /// A round step (1, 2 or 5 times a power of ten, at least `smallest`) giving at most
    /// about six ticks.
    static func tickStep(_ maxValue: Double, smallest: Double) -> Double {
        var magnitude = smallest
        while true {
            for m in [1.0, 2, 5] where (maxValue / (m * magnitude)).rounded(.down) <= 5 { return m * magnitude }
            magnitude *= 10
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(c)
            }
        }
        return out
    }
}
