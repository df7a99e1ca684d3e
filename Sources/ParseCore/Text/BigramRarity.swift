import Foundation

/// How rare a character pair is in news text at large: the inverse document frequency of
/// `Resources/bigram-df.bin` (see `make_bigram_df.py`). Topic overlap weighed by it ignores
/// the pairs every article prints (我们, 发展, 工作) and hears names, places and subjects.
enum BigramRarity {
    private static let table = PairTable(PackageResources.bigram_df_bin, headerWords: 1, columns: 1)
    private static let articles = Double(table.header[0])

    /// Each listed pair's weight, and the weight of the pairs it does not list, worked out once.
    private static let weights = (0..<table.entries).map { weight(of: table.counts(at: $0)) }
    private static let unlisted = weight(of: table.counts(at: nil))

    /// The squared inverse document frequency of a pair; pairs the table does not list are rare.
    private static func weight(of counts: ArraySlice<UInt16>) -> Double {
        let idf = log((articles + 1) / (Double(counts.first!) + 1))
        return idf * idf
    }

    private static func weight(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Double {
        table.entry(a, b).map { weights[$0] } ?? unlisted
    }

    /// The distinct Chinese character pairs of a text, each with its weight. A line's set is
    /// made once and merged into every window of text it is part of, so each pair is looked
    /// up in the table once per line, not once per window.
    static func pairs(_ t: ArraySlice<Unicode.Scalar>) -> WeightedPairs {
        let keys = WeightedPairs.distinctKeys(CollectionOfOne(t), keeping: Scalars.isCJK)
        return WeightedPairs(keys: keys, weights: keys.map { key in
            let (a, b) = CharCounts.scalars(ofPair: key)
            return weight(a, b)
        })
    }
}
