import ParseCore
import Dispatch

/// Matches of one text term in one segment: documents, occurrences and, when asked for (ranking
/// and headline: queries need them, counting does not), occurrences in the headline block.
struct TermMatches {
    var docs: [Int32] = []
    var tfs: [UInt32] = []
    var headlineTfs: [UInt32] = []
    var hasHeadlineCounts = false
}

/// Finds a folded text term in a segment exactly, the cheapest way its letters allow: a pair of
/// two different word letters straight from its postings; a longer run of word letters from the
/// positions of its pairs (`PhraseMatching`); anything else (a letter alone, punctuation, spaces)
/// by reading the text of the records the postings leave as candidates.
enum TermMatching {
    static func matches(_ q: [UInt16], _ scope: Query.Scope, in seg: Segment, headlineCounts: Bool) -> TermMatches {
        guard !q.isEmpty else { return TermMatches(hasHeadlineCounts: true) }
        let headlineCounts = headlineCounts || scope == .headline
        if let key = pairKey(q) { return pair(key, scope, in: seg, headlineCounts: headlineCounts) }
        if q.count >= 2 && q.allSatisfy(SearchText.isWord) {
            return PhraseMatching.matches(q, scope, in: seg, headlineCounts: headlineCounts)
        }
        return verified(q, scope, in: seg)
    }

    /// A term's documents and occurrences when they can be read without its postings: a pair of
    /// two different word letters in a segment with nothing deleted, counted from its skip data
    /// (as a search engine counts a term by its document frequency).
    static func pairCounts(_ q: [UInt16], in seg: Segment) -> (docs: Int, occurrences: Int)? {
        guard seg.deleted == nil, let key = pairKey(q) else { return nil }
        guard let t = seg.body.find(key) else { return (0, 0) }
        let c = seg.body.counts(t)
        return (c.docs, c.positions)
    }

    /// The index key of a term that is two different word letters, whose postings are exact.
    static func pairKey(_ q: [UInt16]) -> UInt32? {
        guard q.count == 2, q[0] != q[1], q.allSatisfy(SearchText.isWord) else { return nil }
        return UInt32(q[0]) << 16 | UInt32(q[1])
    }

    /// A pair's postings are exact, and its headline occurrences come from the headline postings.
    private static func pair(_ key: UInt32, _ scope: Query.Scope, in seg: Segment, headlineCounts: Bool) -> TermMatches {
        var out = TermMatches(hasHeadlineCounts: headlineCounts)
        guard let t = seg.body.find(key) else { return out }
        let all = seg.list(seg.body, t)
        let docs = all.docs, tfs = all.tfs
        guard headlineCounts else {
            out.docs = docs
            out.tfs = tfs
            return out
        }
        let head = seg.headline.find(key).map { seg.list(seg.headline, $0) } ?? PostingList()
        let hd = head.docs, htf = head.tfs
        if scope == .headline {
            out.docs = hd
            out.headlineTfs = htf
            var j = 0
            out.tfs = hd.map { d in
                while docs[j] < d { j += 1 }
                return tfs[j]
            }
            return out
        }
        out.docs = docs
        out.tfs = tfs
        out.headlineTfs = [UInt32](repeating: 0, count: docs.count)
        var j = 0
        for (i, d) in docs.enumerated() where j < hd.count && hd[j] == d {
            out.headlineTfs[i] = htf[j]
            j += 1
        }
        return out
    }

    /// Candidates from the postings of every key the term needs, each then read and counted.
    private static func verified(_ q: [UInt16], _ scope: Query.Scope, in seg: Segment) -> TermMatches {
        var out = TermMatches(hasHeadlineCounts: true)
        let (pairs, singles) = keys(q)
        var lists: [[Int32]] = []
        let dict = seg.body
        var terms: [Int] = []
        for k in pairs {
            guard let t = dict.find(k) else { return out }
            terms.append(t)
        }
        // The rarest pair first; the others read only in the blocks that can hold its documents.
        for t in terms.sorted(by: { dict.size($0) < dict.size($1) }) {
            lists.append(seg.list(dict, t, within: lists.first).docs)
        }
        for c in singles {
            // A letter is under a pair it begins, a pair it ends, or alone: every such list.
            var seen = [Bool](repeating: false, count: seg.docCount)
            var t = dict.lowerBound(UInt32(c) << 16)
            while t < dict.termCount, dict.key(t) >> 16 == UInt32(c) {
                for x in seg.list(dict, t).docs { seen[Int(x)] = true }
                t += 1
            }
            for t in 0..<dict.termCount where dict.key(t) & 0xFFFF == UInt32(c) {
                for x in seg.list(dict, t).docs { seen[Int(x)] = true }
            }
            lists.append(seen.indices.filter { seen[$0] }.map { Int32($0) })
        }
        lists.sort { $0.count < $1.count }
        let docs = lists.dropFirst().reduce(lists.first) { acc, l in acc.map { Searcher.intersect($0, l) } }
            ?? (0..<seg.docCount).filter(seg.isLive).map { Int32($0) }
        // A query whose printed forms are few is found by comparing coded bytes; otherwise each
        // candidate is decoded and folded. Many candidates are verified on every core.
        let coded = printedForms(q).map { $0.map(seg.code.encode) }
        var counts = [(tf: UInt32, headline: UInt32)](repeating: (0, 0), count: docs.count)
        let chunk = 2048
        counts.withUnsafeMutableBufferPointer { out in
            let slots = UnsafeMutableSendableBuffer(out)
            DispatchQueue.concurrentPerform(iterations: (docs.count + chunk - 1) / chunk) { c in
                for i in (c * chunk)..<min(docs.count, (c + 1) * chunk) {
                    slots.buffer[i] = occurrences(q, coded: coded, in: seg, doc: Int(docs[i]), headlineOnly: scope == .headline)
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

    /// Every way folded `q` may be printed, when they are few and counting each apart counts
    /// `q`: no unit that Latin case or width folds to, at most `maxForms` forms, and no two
    /// occurrences able to overlap (`q` folded has no border), so that the forms' counts add up.
    static func printedForms(_ q: [UInt16]) -> [[UInt16]]? {
        guard q.allSatisfy({ $0 >= 0x80 }) else { return nil }
        let perUnit = q.map { SearchText.printsAsItself($0) ? [$0] : ScriptFolding.forms(of: $0) }
        guard perUnit.reduce(1, { $0 * $1.count }) <= maxForms else { return nil }
        if perUnit.contains(where: { $0.count > 1 }), (1..<q.count).contains(where: { q[..<$0].elementsEqual(q[(q.count - $0)...]) }) { return nil }
        return perUnit.reduce([[]]) { forms, units in forms.flatMap { f in units.map { f + [$0] } } }
    }

    static let maxForms = 8

    /// Occurrences of folded `q` (coded as each of its printed forms in `coded`, when those are
    /// few) in a record, and in its headline block, read from its text; `exactScript` as in
    /// `count`.
    static func occurrences(_ q: [UInt16], coded: [[UInt8]]?, in seg: Segment, doc d: Int,
                            headlineOnly: Bool, exactScript: Bool = false) -> (tf: UInt32, headline: UInt32) {
        let h: Int, rest: Int
        if let coded {
            (h, rest) = seg.withBytes(d) { b in
                let split = seg.headlineBytes(d)
                func count(_ part: UnsafeBufferPointer<UInt8>) -> Int { TextCode.count(anyOf: coded, in: part) }
                let head = count(UnsafeBufferPointer(rebasing: b[0..<split]))
                return (head, headlineOnly ? 0 : count(UnsafeBufferPointer(rebasing: b[split...])))
            }
        } else {
            let (t, split) = seg.units(d)
            (h, rest) = t.withUnsafeBufferPointer { t in
                let head = count(q, in: UnsafeBufferPointer(rebasing: t[0..<split]), exactScript: exactScript)
                return (head, headlineOnly ? 0 : count(q, in: UnsafeBufferPointer(rebasing: t[split...]), exactScript: exactScript))
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

    /// The matches of a term folded as the index folds kept to those whose text holds it in the
    /// script typed (`q` folded by `SearchText.foldWidth` only), with those counts. Units that
    /// fold in width or case aside, the script typed is the one way to print it.
    static func asPrinted(_ m: TermMatches, _ q: [UInt16], _ scope: Query.Scope, in seg: Segment) -> TermMatches {
        let coded = q.allSatisfy { $0 >= 0x80 } ? [seg.code.encode(q)] : nil
        var out = TermMatches(hasHeadlineCounts: true)
        for d in m.docs {
            let c = occurrences(q, coded: coded, in: seg, doc: Int(d), headlineOnly: scope == .headline, exactScript: true)
            guard (scope == .headline ? c.headline : c.tf) > 0 else { continue }
            out.docs.append(d)
            out.tfs.append(c.tf)
            out.headlineTfs.append(c.headline)
        }
        return out
    }

    /// Non-overlapping occurrences of folded `q` in a record's text, folding the text as it
    /// goes (width and case only when `exactScript`): the scan every candidate of a longer query
    /// pays, so it runs on raw buffers.
    static func count(_ q: [UInt16], in t: UnsafeBufferPointer<UInt16>, exactScript: Bool = false) -> Int {
        let m = q.count
        guard m > 0, t.count >= m, let base = t.baseAddress else { return 0 }
        return q.withUnsafeBufferPointer { qb -> Int in
            let first = qb[0]
            // A query letter nothing folds to matches its own printed form only.
            @inline(__always) func fold(_ u: UInt16) -> UInt16 { exactScript ? SearchText.foldWidth(u) : SearchText.fold(u) }
            @inline(__always) func asItself(_ f: UInt16) -> Bool { exactScript ? f >= 0x80 : SearchText.printsAsItself(f) }
            let firstFolds = !asItself(first)
            var i = 0, c = 0
            let last = t.count - m
            while i <= last {
                let u = base[i]
                if u == first || (firstFolds && fold(u) == first) {
                    var j = 1
                    while j < m {
                        let v = base[i + j], w = qb[j]
                        if v != w && (asItself(w) || fold(v) != w) { break }
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
