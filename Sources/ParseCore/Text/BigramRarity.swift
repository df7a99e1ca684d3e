import Foundation

/// How rare a character pair is in news text at large: the inverse document frequency of
/// `Resources/bigram-df.bin` (see `make_bigram_df.py`). Topic overlap weighed by it ignores
/// the pairs every article prints (我们, 发展, 工作) and hears names, places and subjects.
enum BigramRarity {
    private static let table = PairTable(PackageResources.bigram_df_bin, headerWords: 1, columns: 1)
    private static let articles = Double(table.header[0])

    /// The squared inverse document frequency of a pair; pairs the table does not list are rare.
    static func weight(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Double {
        let idf = log((articles + 1) / (Double(table.counts(a, b).first!) + 1))
        return idf * idf
    }

    /// The distinct Chinese character pairs of some texts, each with its weight.
    static func pairs<S: Sequence>(_ texts: S) -> [UInt64: Double] where S.Element == ArraySlice<Unicode.Scalar> {
        var out: [UInt64: Double] = [:]
        for t in texts {
            var prev: Unicode.Scalar?
            for s in t {
                let cjk = Scalars.isCJK(s)
                if cjk, let p = prev {
                    let key = CharCounts.pair(p, s)
                    if out[key] == nil { out[key] = weight(p, s) }
                }
                prev = cjk ? s : nil
            }
        }
        return out
    }

    /// Weighted overlap of two texts' pairs, from 0 (nothing shared) to 1.
    static func cosine(_ a: [UInt64: Double], _ b: [UInt64: Double]) -> Double {
        let na = a.values.reduce(0, +), nb = b.values.reduce(0, +)
        guard na > 0, nb > 0 else { return 0 }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        let shared = small.reduce(0.0) { $0 + (large[$1.key] != nil ? $1.value : 0) }
        return shared / (na * nb).squareRoot()
    }

    /// The share of `part`'s weight that `whole` holds.
    static func containment(_ part: [UInt64: Double], in whole: [UInt64: Double]) -> Double {
        let total = part.values.reduce(0, +)
        guard total > 0 else { return 0 }
        return part.reduce(0.0) { $0 + (whole[$1.key] != nil ? $1.value : 0) } / total
    }
}
