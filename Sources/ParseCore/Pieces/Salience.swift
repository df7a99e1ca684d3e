import Foundation

/// Topic overlap between stretches of one page, by character bigrams weighted by how rare they
/// are on the page: names, places and subjects weigh most, function words almost nothing.
struct Salience {
    private let counts: CharCounts
    private let paragraphs: Double

    /// Builds on first use: most pages never need topic overlap.
    final class Lazy {
        private let make: () -> Salience
        private var built: Salience?
        init(_ make: @escaping () -> Salience) { self.make = make }
        var value: Salience {
            if let built { return built }
            let s = make()
            built = s
            return s
        }
    }

    /// Weights come from the page's own bigram counts, already gathered for the join evidence:
    /// a bigram printed once weighs most, one printed in every paragraph almost nothing.
    init(counts: CharCounts, paragraphs: Int) {
        self.counts = counts
        let p = Double(max(1, paragraphs))
        self.paragraphs = p
        weights = (0..<64).map { Self.square(log(1 + p / Double(max(1, $0)))) }
    }

    private let weights: [Double]

    /// A stretch of text as its bigrams, each weighing the square of its rarity on the page.
    typealias Vector = WeightedPairs

    func vector<S: Sequence>(_ texts: S) -> Vector where S.Element == ArraySlice<Unicode.Scalar> {
        let keys = WeightedPairs.distinctKeys(texts, keeping: Scalars.isWordLetter)
        return Vector(keys: keys, weights: keys.map { weight(counts.bigram(key: $0)) })
    }

    /// log(1 + paragraphs / count), squared, from a table for the small counts nearly every bigram has.
    private func weight(_ count: Int) -> Double {
        let c = max(1, count)
        return c < weights.count ? weights[c] : Self.square(log(1 + paragraphs / Double(c)))
    }

    private static func square(_ x: Double) -> Double { x * x }
}
