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
        var candidates = seg.list(seg.body, rarest).docs
        var lists = [PostingList](repeating: PostingList(), count: offsets.count)
        for i in offsets.indices.sorted(by: { seg.body.size(terms[offsets[$0]]) < seg.body.size(terms[offsets[$1]]) }) {
            guard !candidates.isEmpty else { return out }
            lists[i] = seg.list(seg.body, terms[offsets[i]], within: candidates)
            candidates = Searcher.intersect(candidates, lists[i].docs)
        }
        var coded: [UInt8]??
        let positions = lists.map(\.positions)
        // Only a term packed at 16 bits can hold the 65,535 that stands for a position beyond.
        let mayRunPast = positions.map { $0.width == 16 }
        // Per pair: where the walk through its documents has got to, and the current record's positions.
        var cursors = [Int](repeating: 0, count: lists.count)
        var from = [Int](repeating: 0, count: lists.count), to = from
        for d in candidates {
            var saturated = false
            for i in lists.indices {
                let docs = lists[i].docs
                var c = cursors[i]
                while docs[c] < d { c += 1 }
                cursors[i] = c
                from[i] = Int(lists[i].starts[c])
                to[i] = from[i] + Int(lists[i].tfs[c])
                if mayRunPast[i] && positions[i][to[i] - 1] == UInt16.max { saturated = true }
            }
            let tf: UInt32, headline: UInt32
            if saturated {
                if coded == nil { coded = .some(q.allSatisfy { $0 >= 0x80 } ? seg.code.encode(q) : nil) }
                (tf, headline) = TermMatching.occurrences(q, coded: coded!, in: seg, doc: Int(d), headlineOnly: scope == .headline)
            } else {
                (tf, headline) = count(offsets, positions, from: &from, to: to, length: m, headlineUnits: headlineCounts ? seg.headlineUnits(Int(d)) : 0)
            }
            if (scope == .headline ? headline : tf) > 0 {
                out.docs.append(d)
                out.tfs.append(tf)
                if headlineCounts { out.headlineTfs.append(headline) }
            }
        }
        return out
    }

    /// Occurrences in one record, given each pair's positions there (`from[i]..<to[i]`), and how
    /// many lie in the headline block (its first `h` units).
    private static func count(_ offsets: [Int], _ positions: [PackedPositions], from next: inout [Int], to ends: [Int],
                              length m: Int, headlineUnits h: Int) -> (UInt32, UInt32) {
        // Driven by the pair with fewest positions; the others are walked forward alongside.
        var lead = 0
        for i in offsets.indices where ends[i] - next[i] < ends[lead] - next[lead] { lead = i }
        var total: UInt32 = 0, headline: UInt32 = 0
        var free = 0
        for n in next[lead]..<ends[lead] {
            let s = Int(positions[lead][n]) - offsets[lead]
            guard s >= free else { continue }
            var all = true
            for i in offsets.indices where i != lead {
                let want = s + offsets[i]
                while next[i] < ends[i] && Int(positions[i][next[i]]) < want { next[i] += 1 }
                if next[i] == ends[i] || Int(positions[i][next[i]]) != want { all = false; break }
            }
            guard all else { continue }
            total += 1
            if s < h { headline += 1 }
            free = s + m
        }
        return (total, headline)
    }
}
