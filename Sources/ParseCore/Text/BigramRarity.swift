import Foundation

/// How rare a character pair is in news text at large: the inverse document frequency of
/// `Resources/bigram-df.bin` (see `make_bigram_df.py`). Topic overlap weighed by it ignores
/// the pairs every article prints (我们, 发展, 工作) and hears names, places and subjects.
enum BigramRarity {
    private static let table = PairTable(PackageResources.bigram_df_bin, headerWords: 1, columns: 1)!
    private static let articles = Double(table.header[0])

    /// Each listed pair's weight by its `CharCounts.pair` key, worked out once; a pair the table
    /// does not list weighs as one no article printed.
    private static let weights = table.values(weight(of:))

    /// The squared inverse document frequency of a pair.
    private static func weight(of counts: ArraySlice<UInt16>) -> Double {
        let idf = log((articles + 1) / (Double(counts.first!) + 1))
        return idf * idf
    }

    /// The distinct Chinese character pairs of a text, each with its weight. A line's set is
    /// made once and merged into every window of text it is part of, so each pair is looked
    /// up in the table once per line, not once per window.
    static func pairs(_ t: ArraySlice<Unicode.Scalar>) -> WeightedPairs {
        let keys = WeightedPairs.distinctKeys(CollectionOfOne(t), keeping: Scalars.isCJK)
        return WeightedPairs(keys: keys, weights: keys.map(weights.get))
    }
}
