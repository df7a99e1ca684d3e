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

extension TrendSeries {
    /// The total as a legend shows it: "57", or "57, 35 undated".
    var totalLabel: String { undated > 0 ? "\(pieces), \(undated) undated" : "\(pieces)" }
}

/// One term's counts, and the pieces matching it in each period; the pieces whose path gave
/// no date are a period of their own, so that the periods and `undated` add up to `pieces`.
struct TrendSeries {
    let term: String
    let pieces: Int
    let occurrences: Int
    let values: [Int]
    let undated: Int

    init(term: String, count: (pieces: Int, occurrences: Int, byMonth: [UInt32: Int]), periods: [UInt32], by period: Period) {
        self.term = term
        pieces = count.pieces
        occurrences = count.occurrences
        var per: [UInt32: Int] = [:]
        for (month, n) in count.byMonth where month > 0 { per[period.of(month: month), default: 0] += n }
        values = periods.map { per[$0] ?? 0 }
        undated = count.byMonth[0] ?? 0
    }
}
