import Foundation

extension Searcher {
    /// The best `top` records for a query that is one pair of word letters, and how many match,
    /// without decoding every posting: the count comes from the skip data, and a list's blocks are
    /// scored best bound first (see `blockBounds`), stopping at the first whose bound cannot reach
    /// the `top`-th score: block-max pruning, as Lucene's and tantivy's top-k collectors do. Ranks exactly as
    /// `search` ranks every match; nil for any other query, or when records are deleted.
    func bestOfPair(_ q: Query, top: Int) -> (total: Int, hits: [Hit])? {
        guard !exactScript, case .text(let text, .all) = q, let key = TermMatching.pairKey(SearchText.folded(text)),
              archive.segments.allSatisfy({ $0.deleted == nil }) else { return nil }
        let terms = archive.segments.map { $0.body.find(key) }
        let total = zip(archive.segments, terms).reduce(0) { n, st in n + (st.1.map { st.0.body.counts($0).docs } ?? 0) }
        let idf = self.idf(total)
        var best = TopHits(limit: top, archive: archive)
        for (s, seg) in archive.segments.enumerated() {
            guard let t = terms[s] else { continue }
            // Headline matches are few: read whole, and looked up by document.
            let head = seg.headline.find(key).map { seg.list(seg.headline, $0) } ?? PostingList()
            let skips = seg.body.skips(t)
            // Best bound first; a list without skip data is one block, read whole.
            let blocks = skips.count == 0 ? [(0, Double.infinity)]
                : blockBounds(skips, headline: head, idf: idf).enumerated().map { ($0.offset, $0.element) }.sorted { $0.1 > $1.1 }
            for (k, bound) in blocks {
                if bound < best.floor { break }
                let part = skips.part(k)
                var h = Self.lowerBound(Int32(part.docBase + 1), in: head.docs)
                seg.body.forEachPosting(in: part) { d, tf in
                    while h < head.docs.count && head.docs[h] < d { h += 1 }
                    let headlineTf = h < head.docs.count && head.docs[h] == d ? head.tfs[h] : 0
                    let sc = score(idf, weighted: Self.weighted(tf: tf, headlineTf: headlineTf), length: seg.lengthNorm(Int(d)))
                    if sc >= best.floor { best.offer(Hit(ref: Archive.DocRef(segment: s, doc: Int(d)), score: sc)) }
                }
            }
        }
        return (total, best.ranked())
    }

    /// Per block of a list with skip data, the most any of its documents can score for a term of
    /// weight `idf` whose headline postings are `head`: the best of its impacts (see
    /// `BlockImpacts`), each with the most headline occurrences any of its documents has added.
    func blockBounds(_ skips: SkipBlocks.Header, headline head: PostingList, idf: Double) -> [Double] {
        (0..<skips.count).map { k in
            let first = k == 0 ? 0 : Int32(skips.lastDoc(k - 1) + 1)
            var i = Self.lowerBound(first, in: head.docs), headlineTf: UInt32 = 0
            while i < head.docs.count && Int64(head.docs[i]) <= skips.lastDoc(k) { headlineTf = max(headlineTf, head.tfs[i]); i += 1 }
            let most = skips.impacts(k).map { p in
                score(idf, weighted: Self.weighted(tf: p.tf, headlineTf: min(headlineTf, p.tf)), length: p.length * SegmentWriter.normUnit)
            }.max() ?? .infinity
            // A hair above, so that rounding never drops a block that ties.
            return most * (1 + 1e-9)
        }
    }

    /// The first index of sorted `docs` whose document is not below `d`.
    private static func lowerBound(_ d: Int32, in docs: [Int32]) -> Int {
        var lo = 0, hi = docs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if docs[mid] < d { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
