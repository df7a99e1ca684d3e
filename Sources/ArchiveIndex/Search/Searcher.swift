import Dispatch
import Foundation
import ParseCore

/// A record that matched, with its rank score.
public struct Hit: Sendable {
    public let ref: Archive.DocRef
    public let score: Double
}

/// Answers queries over an archive. Candidates come from the bigram postings; every text
/// term is then verified as an exact substring of the record, so there are no false hits, and
/// the postings miss nothing, so there are no misses.
public final class Searcher {
    public let archive: Archive
    static let k1 = 1.2, b = 0.75, headlineBoost = 3.0

    /// Matches of one text term in one segment: documents, occurrences, occurrences in the headline block.
    struct TermMatches {
        var docs: [Int32] = []
        var tfs: [UInt32] = []
        var headlineTfs: [UInt32] = []
    }

    private struct TermKey: Hashable { let text: String; let scope: Query.Scope; let segment: Int }
    private var cache: [TermKey: TermMatches] = [:]
    /// What each union of the query reaches (a recognition run), worked out once per query text.
    private var unionKeys: [String: [String]] = [:]
    private struct UnionKey: Hashable { let union: String; let segment: Int }
    /// Matches of each union per segment, like `cache`: evaluating and counting both ask.
    private var unionCache: [UnionKey: (docs: [Int32], tfs: [UInt32])] = [:]

    public init(archive: Archive) { self.archive = archive }

    // MARK: queries

    /// Every matching record, best first: BM25 over the query's text terms with headline
    /// matches counting triple; ties by date, then archive order.
    public func search(_ q: Query) -> [Hit] { search(q, top: nil).hits }

    /// How many records match, and the best `top` of them (all when nil) in rank order:
    /// only those are sorted, so a common term costs no full sort.
    public func search(_ q: Query, top: Int?) -> (total: Int, hits: [Hit]) {
        let terms = uniqueTerms(q)
        var dfs: [Int] = Array(repeating: 0, count: terms.count)
        var perSegment: [[Int32]] = []
        for s in archive.segments.indices {
            perSegment.append(evaluate(q, segment: s))
            for (i, t) in terms.enumerated() { dfs[i] += termMatches(t.0, t.1, segment: s).docs.count }
        }
        let n = Double(max(1, archive.pieceCount))
        let idfs = dfs.map { log(1 + (n - Double($0) + 0.5) / (Double($0) + 0.5)) }
        var hits: [Hit] = []
        for (s, docs) in perSegment.enumerated() {
            let seg = archive.segments[s]
            let termSets = terms.map { termMatches($0.0, $0.1, segment: s) }
            for d in docs {
                var score = 0.0
                let dl = Double(seg.textRange(Int(d)).length)
                for (i, m) in termSets.enumerated() {
                    guard let at = Self.find(d, in: m.docs) else { continue }
                    let tf = terms[i].1 == .headline
                        ? Double(m.headlineTfs[at]) * Self.headlineBoost
                        : Double(m.tfs[at]) + Double(m.headlineTfs[at]) * (Self.headlineBoost - 1)
                    score += idfs[i] * tf * (Self.k1 + 1) / (tf + Self.k1 * (1 - Self.b + Self.b * dl / archive.averageLength))
                }
                hits.append(Hit(ref: Archive.DocRef(segment: s, doc: Int(d)), score: score))
            }
        }
        func before(_ a: Hit, _ b: Hit) -> Bool {
            if a.score != b.score { return a.score > b.score }
            let da = archive.date(a.ref), db = archive.date(b.ref)
            if da != db { return (da == 0 ? UInt32.max : da) < (db == 0 ? UInt32.max : db) }
            return a.ref < b.ref
        }
        let total = hits.count
        if let top, top < hits.count / 4 {
            // Keep the best `top` seen so far, sorted; most hits fail the first comparison.
            var best: [Hit] = []
            best.reserveCapacity(top + 1)
            for h in hits where best.count < top || before(h, best[best.count - 1]) {
                let at = best.firstIndex { before(h, $0) } ?? best.count
                best.insert(h, at: at)
                if best.count > top { best.removeLast() }
            }
            return (total, best)
        }
        hits.sort(by: before)
        return (total, top.map { Array(hits.prefix($0)) } ?? hits)
    }

    /// Matching records in archive order, unranked: what export streams.
    public func matches(_ q: Query) -> [Archive.DocRef] {
        archive.segments.indices.flatMap { s in evaluate(q, segment: s).map { Archive.DocRef(segment: s, doc: Int($0)) } }
    }

    /// How many records match, how often the query's text terms and unions occur in them, and how many
    /// matching records fall in each month (yyyymm; 0 for records without a date).
    public func count(_ q: Query) -> (pieces: Int, occurrences: Int, byMonth: [UInt32: Int]) {
        let terms = uniqueTerms(q)
        var pieces = 0, occurrences = 0
        var months: [UInt32: Int] = [:]
        for s in archive.segments.indices {
            let docs = evaluate(q, segment: s)
            pieces += docs.count
            for t in terms {
                let m = termMatches(t.0, t.1, segment: s)
                for d in docs {
                    if let at = Self.find(d, in: m.docs) { occurrences += Int(t.1 == .headline ? m.headlineTfs[at] : m.tfs[at]) }
                }
            }
            for u in Set(q.positiveUnions) {
                let m = unionMatches(u, segment: s)
                for d in docs { if let at = Self.find(d, in: m.docs) { occurrences += Int(m.tfs[at]) } }
            }
            for d in docs { months[archive.segments[s].date(Int(d)) / 100, default: 0] += 1 }
        }
        return (pieces, occurrences, months)
    }

    func uniqueTerms(_ q: Query) -> [(String, Query.Scope)] {
        var seen = Set<String>()
        return q.positiveTexts.filter { seen.insert("\($0.1)\u{0}\($0.0)").inserted }
    }

    @inline(__always) static func find(_ d: Int32, in docs: [Int32]) -> Int? {
        var lo = 0, hi = docs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if docs[mid] < d { lo = mid + 1 } else { hi = mid }
        }
        return lo < docs.count && docs[lo] == d ? lo : nil
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
            let needle = SearchText.folded(text)
            return allLive(s).filter { Self.contains(needle, in: seg.source(Int($0))) }
        case .union(let u):
            return unionMatches(u, segment: s).docs
        case .reporter(let name):
            let needle = SearchText.folded(name)
            return termMatches(name, .all, segment: s).docs.filter { d in
                seg.names(Int(d), reportersOnly: false).contains { Self.contains(needle, in: $0) }
            }
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
            var d: [Int32] = [], tf: [UInt32] = []
            seg.unions.postings(i, docs: &d, tfs: &tf, isLive: seg.isLive)
            for (doc, n) in zip(d, tf) { best[doc] = max(best[doc] ?? 0, n) }
        }
        let docs = best.keys.sorted()
        return (docs, docs.map { best[$0]! })
    }

    // MARK: text terms

    func termMatches(_ text: String, _ scope: Query.Scope, segment s: Int) -> TermMatches {
        let key = TermKey(text: text, scope: scope, segment: s)
        if let m = cache[key] { return m }
        let m = computeMatches(SearchText.folded(text), scope, archive.segments[s])
        cache[key] = m
        return m
    }

    private func computeMatches(_ q: [UInt16], _ scope: Query.Scope, _ seg: Segment) -> TermMatches {
        var out = TermMatches()
        guard !q.isEmpty else { return out }
        let (pairs, singles) = Self.keys(q)
        var candidates: [Int32]?
        var lists: [(docs: [Int32], tfs: [UInt32])] = []
        let dict = seg.body
        for k in pairs {
            guard let t = dict.find(k) else { return out }
            var d: [Int32] = [], tf: [UInt32] = []
            seg.postings(dict, t, docs: &d, tfs: &tf)
            lists.append((d, tf))
        }
        for c in singles {
            // A letter is under a pair it begins, a pair it ends, or alone: every such list.
            var seen = [Bool](repeating: false, count: seg.docCount)
            var d: [Int32] = [], tf: [UInt32] = []
            var t = dict.lowerBound(UInt32(c) << 16)
            while t < dict.termCount, dict.key(t) >> 16 == UInt32(c) {
                seg.postings(dict, t, docs: &d, tfs: &tf)
                t += 1
            }
            for t in 0..<dict.termCount where dict.key(t) & 0xFFFF == UInt32(c) {
                seg.postings(dict, t, docs: &d, tfs: &tf)
            }
            for x in d { seen[Int(x)] = true }
            lists.append((seen.indices.filter { seen[$0] }.map { Int32($0) }, []))
        }
        lists.sort { $0.docs.count < $1.docs.count }
        for l in lists { candidates = candidates.map { Self.intersect($0, l.docs) } ?? l.docs }
        // A lone pair of two different letters needs no verifying: its postings are exact.
        let exact = singles.isEmpty && lists.count == 1 && q.count == 2 && q[0] != q[1] && q.allSatisfy(SearchText.isWord)
        let docs = candidates ?? (0..<seg.docCount).filter(seg.isLive).map { Int32($0) }
        if exact {
            // Headline occurrences come from the headline postings: the text is never read.
            var hd: [Int32] = [], htf: [UInt32] = []
            if let t = seg.headline.find(pairs[0]) { seg.postings(seg.headline, t, docs: &hd, tfs: &htf) }
            var j = 0
            for (i, d) in docs.enumerated() {
                while j < hd.count && hd[j] < d { j += 1 }
                let h = j < hd.count && hd[j] == d ? htf[j] : 0
                if scope == .headline && h == 0 { continue }
                out.docs.append(d)
                out.tfs.append(lists[0].tfs[i])
                out.headlineTfs.append(h)
            }
            return out
        }
        // A query with nothing to fold is found by comparing coded bytes; otherwise each
        // candidate is decoded and folded. Many candidates are verified on every core.
        let coded: [UInt8]? = q.allSatisfy { $0 >= 0x80 } ? seg.code.encode(q) : nil
        var counts = [(tf: UInt32, headline: UInt32)](repeating: (0, 0), count: docs.count)
        let chunk = 2048
        counts.withUnsafeMutableBufferPointer { out in
            let slots = UnsafeMutableSendableBuffer(out)
            DispatchQueue.concurrentPerform(iterations: (docs.count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(docs.count, (c + 1) * chunk) {
                    slots.buffer[i] = Self.occurrences(q, coded: coded, in: seg, doc: Int(docs[i]), headlineOnly: scope == .headline)
                }
            }
        }
        for (d, c) in zip(docs, counts) where (scope == .headline ? c.headline : c.tf) > 0 {
            out.docs.append(d)
            out.tfs.append(c.tf)
            out.headlineTfs.append(c.headline)
        }
        return out
    }

    /// Occurrences of folded `q` (coded as `coded` when it has nothing to fold) in a record,
    /// and in its headline block.
    private static func occurrences(_ q: [UInt16], coded: [UInt8]?, in seg: Segment, doc d: Int,
                                    headlineOnly: Bool) -> (tf: UInt32, headline: UInt32) {
        let h: Int, rest: Int
        if let coded {
            (h, rest) = seg.withBytes(d) { b in
                let split = seg.headlineLength(d)
                let head = TextCode.count(coded, in: UnsafeBufferPointer(rebasing: b[0..<split]))
                return (head, headlineOnly ? 0 : TextCode.count(coded, in: UnsafeBufferPointer(rebasing: b[split...])))
            }
        } else {
            let (t, split) = seg.units(d)
            (h, rest) = t.withUnsafeBufferPointer { t in
                let head = count(q, in: UnsafeBufferPointer(rebasing: t[0..<split]))
                return (head, headlineOnly ? 0 : count(q, in: UnsafeBufferPointer(rebasing: t[split...])))
            }
        }
        return (UInt32(h + rest), UInt32(h))
    }

    /// The index keys a folded query needs: pairs of adjacent word letters, and the letters
    /// that stand alone between non-letters (found under any key they begin).
    static func keys(_ q: [UInt16]) -> (pairs: [UInt32], singles: [UInt16]) {
        var pairs = Set<UInt32>(), singles: [UInt16] = []
        var i = 0
        while i < q.count {
            guard SearchText.isWord(q[i]) else { i += 1; continue }
            var j = i
            while j < q.count, SearchText.isWord(q[j]) { j += 1 }
            if j - i == 1 { singles.append(q[i]) }
            for k in i..<(j - 1) { pairs.insert(UInt32(q[k]) << 16 | UInt32(q[k + 1])) }
            i = j
        }
        return (Array(pairs), singles)
    }

    /// Whether a short field (a source path, a name) holds folded `q`.
    static func contains(_ q: [UInt16], in field: String) -> Bool {
        field.utf16.map(SearchText.fold).withUnsafeBufferPointer { count(q, in: $0) > 0 }
    }

    /// Non-overlapping occurrences of folded `q` in a record's text, folding the text as it
    /// goes: the scan every candidate of a longer query pays, so it runs on raw buffers.
    static func count(_ q: [UInt16], in t: UnsafeBufferPointer<UInt16>) -> Int {
        let m = q.count
        guard m > 0, t.count >= m, let base = t.baseAddress else { return 0 }
        return q.withUnsafeBufferPointer { qb -> Int in
            let first = qb[0]
            // Folding maps only to ASCII: a query letter above it matches its own printed form only.
            let firstFolds = first < 0x80
            var i = 0, c = 0
            let last = t.count - m
            while i <= last {
                let u = base[i]
                if u == first || (firstFolds && SearchText.fold(u) == first) {
                    var j = 1
                    while j < m {
                        let v = base[i + j], w = qb[j]
                        if v != w && (w >= 0x80 || SearchText.fold(v) != w) { break }
                        j += 1
                    }
                    if j == m { c += 1; i += m; continue }
                }
                i += 1
            }
            return c
        }
    }

}
