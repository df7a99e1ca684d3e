import Dispatch
import Foundation
import ParseCore

/// A record that matched, with its rank score.
public struct Hit: Sendable {
    public let ref: Archive.DocRef
    public let score: Double
}

/// Answers queries over an archive: text terms are matched exactly (see `TermMatching`), then
/// combined by merging sorted document lists, ranked by BM25 and counted.
public final class Searcher {
    public let archive: Archive
    static let k1 = 1.2, b = 0.75, headlineBoost = 3.0

    private struct TermKey: Hashable { let text: String; let scope: Query.Scope; let segment: Int }
    private var cache: [TermKey: TermMatches] = [:]
    /// What each union of the query reaches (a recognition run), worked out once per query text.
    private var unionKeys: [String: [String]] = [:]
    private struct UnionKey: Hashable { let union: String; let segment: Int }
    /// Matches of each union per segment, like `cache`: evaluating and counting both ask.
    private var unionCache: [UnionKey: (docs: [Int32], tfs: [UInt32])] = [:]

    /// Whether text terms match only as typed in their script (工會 not 工会), width and Latin
    /// case still folded: the index finds the candidates, each is then read to check.
    public let exactScript: Bool

    public init(archive: Archive, exactScript: Bool = false) {
        self.archive = archive
        self.exactScript = exactScript
    }

    /// A query term as it is compared: folded as the index folds, or with --exact-script in its
    /// own script.
    func folded(_ text: String) -> [UInt16] { exactScript ? text.utf16.map(SearchText.foldWidth) : SearchText.folded(text) }

    // MARK: queries

    /// Every matching record, best first: BM25 over the query's text terms with headline
    /// matches counting triple; ties by date, then archive order.
    public func search(_ q: Query) -> [Hit] { search(q, top: nil).hits }

    /// How many records match, and the best `top` of them (all when nil) in rank order:
    /// only those are sorted, so a common term costs no full sort.
    public func search(_ q: Query, top: Int?) -> (total: Int, hits: [Hit]) {
        if let top, let best = bestOfPair(q, top: top) { return best }
        let (perSegment, ranking) = matchesToRank(q)
        var best = TopHits(limit: top, archive: archive)
        ranking.score(perSegment) { best.offer($0) }
        return (perSegment.reduce(0) { $0 + $1.count }, best.ranked())
    }

    /// How many records match, and the first `top` of them (all when nil) in date order, each
    /// with its BM25 score as a ranked search gives it; only those are scored.
    public func search(_ q: Query, top: Int?, order: DateOrder) -> (total: Int, hits: [Hit]) {
        let (perSegment, ranking) = matchesToRank(q)
        let all = perSegment.enumerated().flatMap { s, docs in docs.map { Archive.DocRef(segment: s, doc: Int($0)) } }
        let first = archive.sorted(all, by: order).prefix(top ?? all.count)
        var chosen = [[Int32]](repeating: [], count: perSegment.count)
        for r in first { chosen[r.segment].append(Int32(r.doc)) }
        var scores: [Archive.DocRef: Double] = [:]
        ranking.score(chosen.map { $0.sorted() }) { scores[$0.ref] = $0.score }
        return (all.count, first.map { Hit(ref: $0, score: scores[$0]!) })
    }

    /// The records matching `q` in each segment, and what scores them.
    private func matchesToRank(_ q: Query) -> ([[Int32]], Ranking) {
        let terms = uniqueTerms(q)
        var dfs: [Int] = Array(repeating: 0, count: terms.count)
        var perSegment: [[Int32]] = []
        for s in archive.segments.indices {
            // Asked with headline counts first, so that evaluating finds them made.
            for (i, t) in terms.enumerated() { dfs[i] += termMatches(t.0, t.1, segment: s, headlineCounts: true).docs.count }
            perSegment.append(evaluate(q, segment: s))
        }
        return (perSegment, Ranking(searcher: self, terms: terms, idfs: dfs.map(idf)))
    }

    /// BM25 over a query's text terms, given their weights across the archive.
    private struct Ranking {
        let searcher: Searcher
        let terms: [(String, Query.Scope)]
        let idfs: [Double]

        /// Scores the records `perSegment` holds (sorted in each segment), handing each to `offer`.
        func score(_ perSegment: [[Int32]], offer: (Hit) -> Void) {
            for (s, docs) in perSegment.enumerated() {
                let seg = searcher.archive.segments[s]
                let termSets = terms.map { searcher.termMatches($0.0, $0.1, segment: s, headlineCounts: true) }
                func weight(_ i: Int, _ tf: UInt32, _ headlineTf: UInt32, _ d: Int) -> Double {
                    searcher.score(idfs[i], weighted: Searcher.weighted(tf: tf, headlineTf: headlineTf, headlineOnly: terms[i].1 == .headline),
                                   length: seg.lengthNorm(d))
                }
                if terms.count == 1 && termSets[0].docs == docs {
                    // The one term's documents are the records: no walk to line them up. (The
                    // same count is not enough: 工会 OR kind:photo may match as many others.)
                    let m = termSets[0]
                    for j in docs.indices {
                        let d = Int(docs[j])
                        offer(Hit(ref: Archive.DocRef(segment: s, doc: d), score: weight(0, m.tfs[j], m.headlineTfs[j], d)))
                    }
                    continue
                }
                // Both the matches and each term's documents are sorted: a cursor per term walks along.
                var cursors = [Int](repeating: 0, count: terms.count)
                for d in docs {
                    var score = 0.0
                    for (i, m) in termSets.enumerated() {
                        while cursors[i] < m.docs.count && m.docs[cursors[i]] < d { cursors[i] += 1 }
                        let at = cursors[i]
                        guard at < m.docs.count && m.docs[at] == d else { continue }
                        score += weight(i, m.tfs[at], m.headlineTfs[at], Int(d))
                    }
                    offer(Hit(ref: Archive.DocRef(segment: s, doc: Int(d)), score: score))
                }
            }
        }
    }

    /// BM25's weight of a term that `df` records hold.
    func idf(_ df: Int) -> Double {
        let n = Double(max(1, archive.pieceCount))
        return log(1 + (n - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    /// How much a term's `tf` occurrences in a record count, `headlineTf` of them in the
    /// headline block, which count `headlineBoost` times (and alone for a headline: query).
    static func weighted(tf: UInt32, headlineTf: UInt32, headlineOnly: Bool = false) -> Double {
        headlineOnly ? Double(headlineTf) * headlineBoost : Double(tf) + Double(headlineTf) * (headlineBoost - 1)
    }

    /// BM25 for one term of weight `idf` counting `tf` (see `weighted`) in a record of `length`
    /// (see `Segment.lengthNorm`): what ranking and its bounds both compute, so they agree.
    func score(_ idf: Double, weighted tf: Double, length: Int) -> Double {
        let k1 = Self.k1, b = Self.b
        return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * Double(length) / archive.averageLength))
    }

    /// Matching records in archive order, unranked: what export streams.
    public func matches(_ q: Query) -> [Archive.DocRef] {
        archive.segments.indices.flatMap { s in evaluate(q, segment: s).map { Archive.DocRef(segment: s, doc: Int($0)) } }
    }

    /// How many records match, how often the query's text terms and unions occur in them and, when
    /// asked, how many matching records fall in each month (yyyymm; 0 for records without a date).
    public func count(_ q: Query, byMonth: Bool = true) -> (pieces: Int, occurrences: Int, byMonth: [UInt32: Int]) {
        let terms = uniqueTerms(q)
        var pieces = 0, occurrences = 0
        var months: [UInt32: Int] = [:]
        for s in archive.segments.indices {
            if !byMonth, !exactScript, case .text(let t, .all) = q, let c = TermMatching.pairCounts(SearchText.folded(t), in: archive.segments[s]) {
                pieces += c.docs
                occurrences += c.occurrences
                continue
            }
            let docs = evaluate(q, segment: s)
            pieces += docs.count
            for t in terms {
                let m = termMatches(t.0, t.1, segment: s)
                occurrences += Self.sum(t.1 == .headline ? m.headlineTfs : m.tfs, of: m.docs, over: docs)
            }
            for u in Set(q.positiveUnions) {
                let m = unionMatches(u, segment: s)
                occurrences += Self.sum(m.tfs, of: m.docs, over: docs)
            }
            if byMonth { for d in docs { months[archive.segments[s].date(Int(d)) / 100, default: 0] += 1 } }
        }
        return (pieces, occurrences, months)
    }

    /// The sum of `values` (one per document of `docs`) over the documents in `chosen`; both sorted.
    static func sum(_ values: [UInt32], of docs: [Int32], over chosen: [Int32]) -> Int {
        var total = 0, j = 0
        for d in chosen {
            while j < docs.count && docs[j] < d { j += 1 }
            if j < docs.count && docs[j] == d { total += Int(values[j]) }
        }
        return total
    }

    func uniqueTerms(_ q: Query) -> [(String, Query.Scope)] {
        var seen = Set<String>(), seenInHeadline = Set<String>()
        return q.positiveTexts.filter { $0.1 == .headline ? seenInHeadline.insert($0.0).inserted : seen.insert($0.0).inserted }
    }

    // MARK: evaluation

    private func allLive(_ s: Int) -> [Int32] {
        let seg = archive.segments[s]
        return (0..<seg.docCount).filter(seg.isLive).map { Int32($0) }
    }

    private func evaluate(_ q: Query, segment s: Int) -> [Int32] {
        let seg = archive.segments[s]
        switch q {
        case .text(let t, let scope):
            return termMatches(t, scope, segment: s).docs
        case .kind(let k):
            return allLive(s).filter { seg.isPhoto(Int($0)) == (k == .photo) }
        case .date(let lo, let hi):
            return allLive(s).filter { (lo...hi).contains(seg.date(Int($0))) }
        case .source(let text):
            return seg.sources.docs(containing: SearchText.folded(text)).filter { seg.isLive(Int($0)) }
        case .union(let u):
            return unionMatches(u, segment: s).docs
        case .reporter(let name):
            return seg.names.docs(containing: SearchText.folded(name)).filter { seg.isLive(Int($0)) }
        case .not(let inner):
            return Self.subtract(allLive(s), evaluate(inner, segment: s))
        case .or(let parts):
            return parts.reduce(into: [Int32]()) { acc, p in acc = Self.union(acc, evaluate(p, segment: s)) }
        case .and(let parts):
            let positive = parts.filter { if case .not = $0 { return false }; return true }
            var result = positive.isEmpty ? allLive(s) : evaluate(positive[0], segment: s)
            for p in positive.dropFirst() where !result.isEmpty { result = Self.intersect(result, evaluate(p, segment: s)) }
            for case .not(let inner) in parts where !result.isEmpty { result = Self.subtract(result, evaluate(inner, segment: s)) }
            return result
        }
    }

    // MARK: unions

    /// Records naming a union, by any key the query reaches, and how often each names it.
    func unionMatches(_ u: String, segment s: Int) -> (docs: [Int32], tfs: [UInt32]) {
        let key = UnionKey(union: u, segment: s)
        if let m = unionCache[key] { return m }
        let keys = unionKeys[u] ?? Unions.queryKeys(u)
        unionKeys[u] = keys
        let m = Self.unionMatches(keys, in: archive.segments[s])
        unionCache[key] = m
        return m
    }

    private static func unionMatches(_ keys: [String], in seg: Segment) -> (docs: [Int32], tfs: [UInt32]) {
        var best: [Int32: UInt32] = [:]
        for k in keys {
            guard let i = seg.unions.find(k) else { continue }
            let l = seg.unions.list(i, deleted: seg.deleted)
            for (doc, n) in zip(l.docs, l.tfs) { best[doc] = max(best[doc] ?? 0, n) }
        }
        let docs = best.keys.sorted()
        return (docs, docs.map { best[$0]! })
    }

    // MARK: text terms

    func termMatches(_ text: String, _ scope: Query.Scope, segment s: Int, headlineCounts: Bool = false) -> TermMatches {
        let key = TermKey(text: text, scope: scope, segment: s)
        if let m = cache[key], m.hasHeadlineCounts || !headlineCounts { return m }
        var m = TermMatching.matches(SearchText.folded(text), scope, in: archive.segments[s], headlineCounts: headlineCounts)
        if exactScript { m = TermMatching.asPrinted(m, folded(text), scope, in: archive.segments[s]) }
        cache[key] = m
        return m
    }

    /// Whether a short field (a source path, a name) holds folded `q`.
    static func contains(_ q: [UInt16], in field: String) -> Bool {
        field.utf16.map(SearchText.fold).withUnsafeBufferPointer { TermMatching.count(q, in: $0) > 0 }
    }
}
