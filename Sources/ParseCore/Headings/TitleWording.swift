import Foundation

/// How a short line is worded, from the pair counts of `Resources/title-words.bin` (see
/// `make_title_words.py`): like a headline-block line or like a short paragraph (an intertitle,
/// a quote, a list item), and within a block like a kicker, a headline or a subheadline.
/// Naive Bayes log-odds over character pairs.
package struct TitleWording: Sendable {
    private enum Column: Int { case kicker, headline, subheadline, paragraph }
    private static let smoothing = 0.5, vocabulary = 60_000.0
    private let table: PairTable
    private let totals: [Double]
    /// Each listed pair's share of `logOdds` by its `CharCounts.pair` key, worked out once; the
    /// pairs it does not list share as pairs never counted.
    private let pairOdds: FastMap<Double>

    /// The table compiled into the library, read once, on first use.
    package static let bundled = TitleWording(PairTable(PackageResources.title_words_bin, headerWords: 4, columns: 4)!)

    /// A table `make_title_words.py` wrote: the trainer's held-out evaluation reads a month
    /// with a table counted from the other months only, as months to come meet the bundled one.
    package init?(bytes: [UInt8]) {
        guard let table = PairTable(bytes, headerWords: 4, columns: 4) else { return nil }
        self.init(table)
    }

    private init(_ table: PairTable) {
        self.table = table
        let totals = (0..<4).map { Double(table.header[$0]) + Self.smoothing * Self.vocabulary }
        let block = Double(table.header[0] + table.header[1] + table.header[2]) + Self.smoothing * Self.vocabulary
        pairOdds = table.values { c in
            let inBlock = Double(c[c.startIndex]) + Double(c[c.startIndex + 1]) + Double(c[c.startIndex + 2])
            return log((inBlock + Self.smoothing) / block) - log((Double(c[c.startIndex + 3]) + Self.smoothing) / totals[3])
        }
        self.totals = totals
    }

    /// Positive when the line reads like a headline-block line, negative like a paragraph; per character.
    func logOdds(_ t: ArraySlice<Unicode.Scalar>) -> Double {
        guard !t.isEmpty else { return 0 }
        var sum = 0.0
        Self.forEachPair(t) { a, b in sum += pairOdds.get(CharCounts.pair(a, b)) }
        return sum / Double(t.count)
    }

    /// Two unmarked lines of one block: positive when they read as kicker over headline,
    /// negative as headline over subheadline.
    func kickerOverHeadlineOdds(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>) -> Double {
        logLikelihood(a, .kicker) + logLikelihood(b, .headline) - logLikelihood(a, .headline) - logLikelihood(b, .subheadline)
    }

    private func logLikelihood(_ t: ArraySlice<Unicode.Scalar>, _ column: Column) -> Double {
        var sum = 0.0
        Self.forEachPair(t) { a, b in
            let c = table.counts(at: table.entry(a, b))
            sum += log((Double(c[c.startIndex + column.rawValue]) + Self.smoothing) / totals[column.rawValue])
        }
        return sum
    }

    /// Each pair of the line as the table counts them: punctuation folded, its start and end marked.
    private static func forEachPair(_ t: ArraySlice<Unicode.Scalar>, _ body: (Unicode.Scalar, Unicode.Scalar) -> Void) {
        var prev = Unicode.Scalar(2)!
        for s in t {
            let folded = fold(s)
            body(prev, folded)
            prev = folded
        }
        body(prev, Unicode.Scalar(3)!)
    }

    /// Full-width punctuation as the dumps print it, the form the table was counted in.
    private static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s {
        case "，": return ","
        case "（": return "("
        case "）": return ")"
        case "：": return ":"
        case "；": return ";"
        case "？": return "?"
        case "！": return "!"
        case "\u{3000}": return " "
        default: return s
        }
    }
}
