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
        weights = (0..<64).map { log(1 + p / Double(max(1, $0))) }
    }

    private let weights: [Double]

    /// A stretch of text as a set of weighted bigrams, kept sorted so that sets meet by merging.
    struct Vector {
        var keys: [UInt64] = []
        var weights: [Double] = []

        var norm2: Double { weights.reduce(0) { $0 + $1 * $1 } }

        func union(_ o: Vector) -> Vector {
            var out = Vector()
            out.keys.reserveCapacity(keys.count + o.keys.count)
            out.weights.reserveCapacity(keys.count + o.keys.count)
            var i = 0, j = 0
            while i < keys.count || j < o.keys.count {
                if j == o.keys.count || (i < keys.count && keys[i] < o.keys[j]) {
                    out.keys.append(keys[i]); out.weights.append(weights[i]); i += 1
                } else if i == keys.count || o.keys[j] < keys[i] {
                    out.keys.append(o.keys[j]); out.weights.append(o.weights[j]); j += 1
                } else {
                    out.keys.append(keys[i]); out.weights.append(weights[i]); i += 1; j += 1
                }
            }
            return out
        }

        /// The summed squared weight of the bigrams both hold.
        func shared(_ o: Vector) -> Double {
            var i = 0, j = 0, dot = 0.0
            while i < keys.count && j < o.keys.count {
                if keys[i] < o.keys[j] { i += 1 } else if o.keys[j] < keys[i] { j += 1 } else {
                    dot += weights[i] * weights[i]; i += 1; j += 1
                }
            }
            return dot
        }
    }

    private static func uniqueBigrams<S: Sequence>(_ texts: S) -> [UInt64] where S.Element == ArraySlice<Unicode.Scalar> {
        var out: [UInt64] = []
        for t in texts {
            var prev: Unicode.Scalar?
            for s in t {
                let word = Scalars.isWordLetter(s)
                if word, let p = prev { out.append(CharCounts.pair(p, s)) }
                prev = word ? s : nil
            }
        }
        RadixSort.sort(&out)
        // Each distinct bigram once, closed up in place.
        var n = 0
        for i in out.indices where n == 0 || out[n - 1] != out[i] {
            out[n] = out[i]
            n += 1
        }
        out.removeLast(out.count - n)
        return out
    }

    func vector<S: Sequence>(_ texts: S) -> Vector where S.Element == ArraySlice<Unicode.Scalar> {
        let keys = Self.uniqueBigrams(texts)
        return Vector(keys: keys, weights: keys.map { weight(counts.bigram(key: $0)) })
    }

    /// log(1 + paragraphs / count), from a table for the small counts nearly every bigram has.
    private func weight(_ count: Int) -> Double {
        let c = max(1, count)
        return c < weights.count ? weights[c] : log(1 + paragraphs / Double(c))
    }

    /// The share of `part`'s weight that `whole` contains: how well a headline fits a text.
    static func containment(_ part: Vector, in whole: Vector) -> Double {
        let total = part.norm2
        return total > 0 ? part.shared(whole) / total : 0
    }

    static func cosine(_ a: Vector, _ b: Vector) -> Double {
        let na = a.norm2, nb = b.norm2
        guard na > 0, nb > 0 else { return 0 }
        return a.shared(b) / (na * nb).squareRoot()
    }
}
