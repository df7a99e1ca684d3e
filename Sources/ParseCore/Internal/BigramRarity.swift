import Foundation

/// How rare a character pair is in news text at large: the inverse document frequency of
/// `Resources/bigram-df.bin` (see `make_bigram_df.py`). Topic overlap weighed by it ignores
/// the pairs every article prints (我们, 发展, 工作) and hears names, places and subjects.
enum BigramRarity {
    private static let table: (articles: Double, keys: [UInt32], counts: [UInt16]) = {
        let b = PackageResources.bigram_df_bin
        func u32(_ i: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(b[i + $1]) << (8 * $1) } }
        let n = Int(u32(4))
        var keys = [UInt32](), counts = [UInt16]()
        keys.reserveCapacity(n); counts.reserveCapacity(n)
        for e in 0..<n {
            let at = 8 + e * 6
            keys.append(u32(at))
            counts.append(UInt16(b[at + 4]) | UInt16(b[at + 5]) << 8)
        }
        return (Double(u32(0)), keys, counts)
    }()

    /// The squared inverse document frequency of a pair; pairs the table does not list are rare.
    static func weight(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Double {
        let df = count(a.value < 0x10000 && b.value < 0x10000 ? a.value << 16 | b.value : nil)
        let idf = log((table.articles + 1) / (Double(df) + 1))
        return idf * idf
    }

    private static func count(_ key: UInt32?) -> Int {
        guard let key else { return 0 }
        var lo = 0, hi = table.keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if table.keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < table.keys.count && table.keys[lo] == key ? Int(table.counts[lo]) : 0
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
