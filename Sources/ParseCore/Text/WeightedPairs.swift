/// A set of character pairs, each with a weight, kept sorted by key so that sets meet by
/// merging: the topic of a stretch of text, for overlap between stretches.
struct WeightedPairs {
    private(set) var keys: [UInt64] = []
    private(set) var weights: [Double] = []

    init() {}

    /// `keys` sorted and distinct, `weights` one per key.
    init(keys: [UInt64], weights: [Double]) {
        self.keys = keys; self.weights = weights
    }

    /// The distinct keys (`CharCounts.pair`) of neighbouring characters that both pass `keep`,
    /// sorted: what a set of a stretch of text is made from.
    static func distinctKeys<S: Sequence>(_ texts: S, keeping keep: (Unicode.Scalar) -> Bool) -> [UInt64]
    where S.Element == ArraySlice<Unicode.Scalar> {
        var out: [UInt64] = []
        for t in texts {
            var prev: Unicode.Scalar?
            for s in t {
                let kept = keep(s)
                if kept, let p = prev { out.append(CharCounts.pair(p, s)) }
                prev = kept ? s : nil
            }
        }
        RadixSort.sort(&out)
        // Each distinct key once, closed up in place.
        var n = 0
        for i in out.indices where n == 0 || out[n - 1] != out[i] {
            out[n] = out[i]
            n += 1
        }
        out.removeLast(out.count - n)
        return out
    }

    /// Every pair of either set once.
    func union(_ o: WeightedPairs) -> WeightedPairs {
        var out = WeightedPairs()
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

    var total: Double { weights.reduce(0, +) }

    /// The summed weight of the pairs both hold.
    func shared(_ o: WeightedPairs) -> Double {
        var i = 0, j = 0, sum = 0.0
        while i < keys.count && j < o.keys.count {
            if keys[i] < o.keys[j] { i += 1 } else if o.keys[j] < keys[i] { j += 1 } else {
                sum += weights[i]; i += 1; j += 1
            }
        }
        return sum
    }

    /// Weighted overlap of two sets, from 0 (nothing shared) to 1.
    static func cosine(_ a: WeightedPairs, _ b: WeightedPairs) -> Double {
        let na = a.total, nb = b.total
        guard na > 0, nb > 0 else { return 0 }
        return a.shared(b) / (na * nb).squareRoot()
    }

    /// The share of `part`'s weight that `whole` holds: how well a headline fits a text.
    static func containment(_ part: WeightedPairs, in whole: WeightedPairs) -> Double {
        let total = part.total
        return total > 0 ? part.shared(whole) / total : 0
    }
}
