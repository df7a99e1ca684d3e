import Foundation

/// Topic overlap between stretches of one page, by character bigrams weighted by how rare they
/// are on the page: names, places and subjects weigh most, function words almost nothing.
struct Salience {
    private var idf: [UInt64: Double] = [:]

    init<S: Sequence>(documents: S) where S.Element == ArraySlice<Unicode.Scalar> {
        var df: [UInt64: Int] = [:]
        var n = 0
        for d in documents {
            n += 1
            for b in Set(Self.bigrams(d)) { df[b, default: 0] += 1 }
        }
        for (b, f) in df { idf[b] = log(Double(n + 1) / Double(f)) }
    }

    static func bigrams(_ t: ArraySlice<Unicode.Scalar>) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(t.count)
        var prev: Unicode.Scalar?
        for s in t {
            let word = Scalars.isCJK(s) || Scalars.isLatin(s) || Scalars.isDigit(s)
            if word, let p = prev { out.append(CharCounts.pair(p, s)) }
            prev = word ? s : nil
        }
        return out
    }

    /// A stretch of text as a set of weighted bigrams.
    func vector<S: Sequence>(_ texts: S) -> [UInt64: Double] where S.Element == ArraySlice<Unicode.Scalar> {
        var v: [UInt64: Double] = [:]
        for t in texts {
            for b in Self.bigrams(t) { v[b] = idf[b] ?? 0 }
        }
        return v
    }

    /// The share of `part`'s weight that `whole` contains: how well a headline fits a text.
    static func containment(_ part: [UInt64: Double], in whole: [UInt64: Double]) -> Double {
        var inside = 0.0, total = 0.0
        for (k, w) in part {
            total += w * w
            if whole[k] != nil { inside += w * w }
        }
        return total > 0 ? inside / total : 0
    }

    static func cosine(_ a: [UInt64: Double], _ b: [UInt64: Double]) -> Double {
        let (small, large) = a.count < b.count ? (a, b) : (b, a)
        var dot = 0.0
        for (k, w) in small where large[k] != nil { dot += w * w }
        let na = a.values.reduce(0) { $0 + $1 * $1 }
        let nb = b.values.reduce(0) { $0 + $1 * $1 }
        guard na > 0, nb > 0 else { return 0 }
        return dot / (na * nb).squareRoot()
    }
}
