/// Which paragraph continues which: the cut halves of the page, paired one to one.
struct Joins {
    private(set) var next: [Int?]
    private(set) var prev: [Int?]

    /// How many paragraphs away a continuation is looked for. A printed page holds far fewer;
    /// the bound keeps a huge or malformed file from costing quadratic time.
    static let reach = 200

    /// Pairs open ends with continuations, strongest evidence first. The halves may stand
    /// next to each other or far apart; a pair far apart needs more evidence.
    init(paras: [Para], evidence: JoinEvidence) {
        let n = paras.count
        next = Array(repeating: nil, count: n)
        prev = Array(repeating: nil, count: n)
        var candidates: [(score: Double, l: Int, m: Int, adjacent: Bool)] = []
        let halves = paras.map { JoinEvidence.Half($0.slice, evidence, leads: $0.leads) }
        for l in 0..<n where halves[l].open != nil {
            let neighbour = paras[l].adjacentToNext && l + 1 < n
                ? evidence.score(halves[l], halves[l + 1], adjacent: true) ?? 0 : 0
            for m in max(0, l - Self.reach)..<min(n, l + Self.reach + 1) where m != l {
                let adjacent = paras[l].adjacentToNext && m == l + 1
                guard let s = evidence.score(halves[l], halves[m], adjacent: adjacent) else { continue }
                if !adjacent && neighbour >= 2.0 && s < neighbour + JoinEvidence.distantMargin { continue }
                // An intertitle is short and open-ended by nature: it joins only on real evidence.
                let needed = adjacent ? (LineShape.isShort(paras[l].slice) ? JoinEvidence.distantThreshold : JoinEvidence.adjacentThreshold) : JoinEvidence.distantThreshold
                if s >= needed {
                    candidates.append((s, l, m, adjacent))
                }
            }
        }
        candidates.sort {
            if $0.score != $1.score { return $0.score > $1.score }
            if $0.adjacent != $1.adjacent { return $0.adjacent }
            return abs($0.m - $0.l) < abs($1.m - $1.l)
        }
        for c in candidates where next[c.l] == nil && prev[c.m] == nil && !closesCycle(c.l, c.m) {
            next[c.l] = c.m
            prev[c.m] = c.l
        }
    }

    private func closesCycle(_ l: Int, _ m: Int) -> Bool {
        var at: Int? = m
        while let x = at {
            if x == l { return true }
            at = next[x]
        }
        return false
    }

    func isJoined(_ l: Int, to m: Int) -> Bool { next[l] == m }
}
