/// Finds a run of word letters from the positions of its letter pairs, without reading text: the
/// run starts at s wherever the pairs at offsets 0, 2, 4, … (and the last pair) all sit at s plus
/// their offset, which covers every letter. Occurrences are counted without overlap, as a scan of
/// the text would count them; fields are apart (each ends with a separator), so none spans two.
/// A record whose positions run past what 16 bits hold is read instead.
enum PhraseMatching {
    static func matches(_ q: [UInt16], _ scope: Query.Scope, in seg: Segment, headlineCounts: Bool) -> TermMatches {
        var out = TermMatches(hasHeadlineCounts: headlineCounts)
        let m = q.count
        var offsets = Array(stride(from: 0, to: m - 1, by: 2))
        if offsets.last != m - 2 { offsets.append(m - 2) }
        // Candidates start from the rarest pair at any offset (often one across two words, which
        // no cover needs); each cover pair's list is then read only where they are.
        var terms: [Int] = []
        for o in 0..<(m - 1) {
            guard let t = seg.body.find(UInt32(q[o]) << 16 | UInt32(q[o + 1])) else { return out }
            terms.append(t)
        }
        let rarest = terms.min { seg.body.size($0) < seg.body.size($1) }!
        var lists = [PostingList](repeating: PostingList(), count: offsets.count)
        // A cover pair that is the rarest is read whole once: its documents are the candidates.
        let first = offsets.indices.first { terms[offsets[$0]] == rarest }
        var candidates: [Int32]
        if let first {
            lists[first] = seg.list(seg.body, rarest)
            candidates = lists[first].docs
        } else {
            candidates = seg.list(seg.body, rarest).docs
        }
        let order = offsets.indices.sorted { seg.body.size(terms[offsets[$0]]) < seg.body.size(terms[offsets[$1]]) }.filter { $0 != first }
        for (k, i) in order.enumerated() {
            guard !candidates.isEmpty else { return out }
            lists[i] = seg.list(seg.body, terms[offsets[i]], within: candidates)
            // The last list is lined up by the walk below.
            if k < order.count - 1 { candidates = Searcher.intersect(candidates, lists[i].docs) }
        }
        var coded: [[UInt8]]??
        let positions = lists.map(\.positions)
        // Only a term packed at 16 bits can hold the 65,535 that stands for a position beyond.
        let mayRunPast = positions.map { $0.width == 16 }
        // Per pair: where the walk through its documents has got to, and the current record's
        // positions; raw buffers, since this runs for every candidate.
        let n = lists.count
        let scratch = UnsafeMutableBufferPointer<Int>.allocate(capacity: 4 * n)
        scratch.initialize(repeating: 0)
        defer { scratch.deallocate() }
        let cursors = UnsafeMutableBufferPointer(rebasing: scratch[0..<n]), from = UnsafeMutableBufferPointer(rebasing: scratch[n..<(2 * n)])
        let to = UnsafeMutableBufferPointer(rebasing: scratch[(2 * n)..<(3 * n)]), offs = UnsafeMutableBufferPointer(rebasing: scratch[(3 * n)...])
        for i in 0..<n { offs[i] = offsets[i] }
        let docs = lists.map(\.docs), starts = lists.map(\.starts), tfs = lists.map(\.tfs)
        walk: for d in candidates {
            var saturated = false
            for i in 0..<n {
                var c = cursors[i]
                let listDocs = docs[i]
                while c < listDocs.count && listDocs[c] < d { c += 1 }
                cursors[i] = c
                guard c < listDocs.count && listDocs[c] == d else { continue walk }
                from[i] = Int(starts[i][c])
                to[i] = from[i] + Int(tfs[i][c])
                if mayRunPast[i] && positions[i][to[i] - 1] == UInt16.max { saturated = true }
            }
            let tf: UInt32, headline: UInt32
            if saturated {
                if coded == nil { coded = .some(TermMatching.printedForms(q).map { $0.map(seg.code.encode) }) }
                (tf, headline) = TermMatching.occurrences(q, coded: coded!, in: seg, doc: Int(d), headlineOnly: scope == .headline)
            } else {
                (tf, headline) = count(offs, positions, from: from, to: to, length: m, headlineUnits: headlineCounts ? seg.headlineUnits(Int(d)) : 0)
            }
            if (scope == .headline ? headline : tf) > 0 {
                out.docs.append(d)
                out.tfs.append(tf)
                if headlineCounts { out.headlineTfs.append(headline) }
            }
        }
        return out
    }

    /// Occurrences in one record, given each pair's positions there (`from[i]..<to[i]`, `from`
    /// moved on as they are passed), and how many lie in the headline block (its first `h` units).
    private static func count(_ offsets: UnsafeMutableBufferPointer<Int>, _ positions: [PackedPositions],
                              from next: UnsafeMutableBufferPointer<Int>, to ends: UnsafeMutableBufferPointer<Int>,
                              length m: Int, headlineUnits h: Int) -> (UInt32, UInt32) {
        // Driven by the pair with fewest positions; the others are walked forward alongside.
        var lead = 0
        for i in offsets.indices where ends[i] - next[i] < ends[lead] - next[lead] { lead = i }
        var total: UInt32 = 0, headline: UInt32 = 0
        var free = 0
        let leading = positions[lead]
        for n in next[lead]..<ends[lead] {
            let s = Int(leading[n]) - offsets[lead]
            guard s >= free else { continue }
            var all = true
            for i in offsets.indices where i != lead {
                let want = s + offsets[i]
                let p = positions[i]
                var k = next[i]
                while k < ends[i] && Int(p[k]) < want { k += 1 }
                next[i] = k
                if k == ends[i] || Int(p[k]) != want { all = false; break }
            }
            guard all else { continue }
            total += 1
            if s < h { headline += 1 }
            free = s + m
        }
        return (total, headline)
    }
}
