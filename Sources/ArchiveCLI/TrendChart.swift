/// A trend drawn on the terminal: one row of block characters per term, all rows on one scale
/// so terms compare, periods merged into marks when there are more than the width allows.
enum TrendChart {
    private static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func draw(_ series: [TrendSeries], periods: [UInt32], by period: Period, width: Int) -> String {
        guard let first = periods.first, let last = periods.last else {
            return "no dated pieces in the index: nothing to chart\n"
        }
        let labelWidth = series.map { DisplayWidth.of($0.term) }.max() ?? 0
        let room = max(10, width - labelWidth - 12)
        let perMark = (periods.count + room - 1) / room
        let rows = series.map { $0.shown(merging: perMark) }
        let top = rows.flatMap { $0 }.max() ?? 0
        var out = "\(series.first?.unit ?? "pieces") per \(period.rawValue), \(period.label(first)) to \(period.label(last)) (\(periods.count) \(period.plural)"
        out += perMark > 1 ? ", \(perMark) to a mark" : ""
        out += "; full block = \(shownNumber(top)))\n"
        for (s, row) in zip(series, rows) {
            // The eighth a value reaches, rounded up: any value above zero shows.
            let marks = row.map { v -> Character in
                v <= 0 || top == 0 ? " " : blocks[min(blocks.count - 1, max(0, Int((v * Double(blocks.count) / top).rounded(.up)) - 1))]
            }
            out += DisplayWidth.pad(s.term, to: labelWidth) + "  " + String(marks) + "  \(s.totalLabel)\n"
        }
        return out
    }
}
