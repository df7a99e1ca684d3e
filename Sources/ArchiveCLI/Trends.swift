/// How counts are spread over time: months or years, every period from the index's first
/// date to its last, so a series has no holes where nothing matched.
enum Period: String {
    case month, year

    /// The periods between two dates (yyyymmdd), both included.
    func all(in range: ClosedRange<UInt32>?) -> [UInt32] {
        guard let range else { return [] }
        let first = range.lowerBound / 100, last = range.upperBound / 100
        switch self {
        case .year:
            return Array(first / 100...last / 100)
        case .month:
            var out: [UInt32] = []
            var m = first
            while m <= last {
                out.append(m)
                m = m % 100 == 12 ? (m / 100 + 1) * 100 + 1 : m + 1
            }
            return out
        }
    }

    /// The period a month (yyyymm) falls in.
    func of(month: UInt32) -> UInt32 { self == .month ? month : month / 100 }

    func label(_ p: UInt32) -> String {
        self == .month ? "\(p / 100)-\(p % 100 < 10 ? "0" : "")\(p % 100)" : "\(p)"
    }

    var plural: String { self == .month ? "months" : "years" }
}

/// One term's counts, and the pieces matching it in each period; the pieces whose path gave
/// no date are a period of their own, so that the periods and `undated` add up to `pieces`.
/// With a rate, each period's pieces are also shown per `per` pieces the archive holds then.
struct TrendSeries {
    let term: String
    let pieces: Int
    /// How often the term occurs; nil for the row of all pieces, which counts no term.
    let occurrences: Int?
    let values: [Int]
    let undated: Int
    /// The rate's base and the pieces of every period (the archive's), when counts are rates.
    var rate: (per: Int, all: [Int], undated: Int)?

    init(term: String, count: (pieces: Int, occurrences: Int?, byMonth: [UInt32: Int]), periods: [UInt32], by period: Period) {
        self.term = term
        pieces = count.pieces
        occurrences = count.occurrences
        var per: [UInt32: Int] = [:]
        for (month, n) in count.byMonth where month > 0 { per[period.of(month: month), default: 0] += n }
        values = periods.map { per[$0] ?? 0 }
        undated = count.byMonth[0] ?? 0
    }

    /// `n` pieces of `all` per `per`: nil when the period holds no pieces at all.
    static func rate(_ n: Int, of all: Int, per: Int) -> Double? {
        all == 0 ? nil : Double(n) * Double(per) / Double(all)
    }

    /// What a chart shows, `merge` periods to a mark: the pieces, or their rate over the merged
    /// periods (0 where the archive holds none).
    func shown(merging merge: Int = 1) -> [Double] {
        stride(from: 0, to: values.count, by: merge).map { i in
            let r = i..<min(i + merge, values.count)
            let n = values[r].reduce(0, +)
            guard let rate else { return Double(n) }
            return Self.rate(n, of: rate.all[r].reduce(0, +), per: rate.per) ?? 0
        }
    }

    /// The total as a legend shows it: "57", or "57, 35 undated".
    var totalLabel: String { undated > 0 ? "\(pieces), \(undated) undated" : "\(pieces)" }

    /// What is counted, as a chart's title and axis name it.
    var unit: String { rate.map { "pieces per \(grouped($0.per)) pieces" } ?? "pieces" }

    /// 1000 as 1,000.
    private func grouped(_ n: Int) -> String {
        var digits = Array(String(n)), out = ""
        while digits.count > 3 { out = "," + String(digits.suffix(3)) + out; digits.removeLast(3) }
        return String(digits) + out
    }
}

/// A number as a chart or table prints it: whole numbers as they are, others to two places.
func shownNumber(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(format: "%.2f", v)
}
