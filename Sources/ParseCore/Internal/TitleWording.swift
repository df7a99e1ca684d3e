import Foundation

/// Whether a short line is worded like a headline or like a short paragraph (an intertitle, a
/// quote, a list item), from the pair counts of `Resources/title-words.bin` (see
/// `make_title_words.py`): a naive Bayes log-odds per character.
enum TitleWording {
    private static let table = PairTable(PackageResources.title_words_bin, headerWords: 2, columns: 2)
    private static let smoothing = 0.5, vocabulary = 60_000.0
    private static let headlineTotal = Double(table.header[0]) + smoothing * vocabulary
    private static let paragraphTotal = Double(table.header[1]) + smoothing * vocabulary

    /// Positive when the line reads like a headline, negative like a paragraph; per character.
    static func logOdds(_ t: ArraySlice<Unicode.Scalar>) -> Double {
        guard !t.isEmpty else { return 0 }
        let start = Unicode.Scalar(2)!, end = Unicode.Scalar(3)!
        var sum = 0.0
        var prev = start
        for s in t.lazy.map(Self.fold) + [end] {
            let c = table.counts(prev, s)
            sum += log((Double(c[c.startIndex]) + smoothing) / headlineTotal)
                - log((Double(c[c.startIndex + 1]) + smoothing) / paragraphTotal)
            prev = s
        }
        return sum / Double(t.count)
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
