/// Puts every run of text under the piece it belongs to, in reading order: runs follow the
/// joins between their cut halves; runs with no join are placed by topic overlap, and stay
/// with the piece printed above them when the evidence is weak.
struct RunAssembly {
    private(set) var drafts: [Draft]
    private(set) var runs: [Run]
    /// For each draft, its runs in reading order.
    private(set) var body: [[Int]]

    /// How much better another piece must match a detached run to take it from its neighbour.
    static let moveMargin = 1.5
    static let minimumOverlap = 0.06
    /// Share of a headline's weight its text must contain for a detached beginning to take it.
    static let headlineFit = 0.2

    init(layout: PageLayout, joins: Joins, salience: Salience.Lazy, separatedBlocks: Bool) {
        var drafts = layout.drafts
        let runs = Self.split(layout.runs, joins: joins)
        Self.splitUnrelatedTitles(&drafts, runs: runs, paras: layout.paras, salience: salience)
        var body = [[Int]](repeating: [], count: drafts.count)

        var runOf = [Int](repeating: -1, count: layout.paras.count)
        for (r, run) in runs.enumerated() { for p in run.paras { runOf[p] = r } }
        var nextRun = [Int?](repeating: nil, count: runs.count)
        var hasPrev = [Bool](repeating: false, count: runs.count)
        for (r, run) in runs.enumerated() {
            guard let last = run.paras.last, let m = joins.next[last] else { continue }
            let target = runOf[m]
            if target != r, runs[target].paras.first == m { nextRun[r] = target; hasPrev[target] = true }
        }
        let chains = Self.chains(runs: runs, next: nextRun, hasPrev: hasPrev)

        var ownerOfChain = chains.map { chain in chain.lazy.compactMap { runs[$0].owner }.first }
        let detached = ownerOfChain.indices.contains { ownerOfChain[$0] == nil && chains[$0].contains { !runs[$0].paras.isEmpty } }
        var vectors = detached ? drafts.map { d in salience.value.vector(d.titles.map(\.slice)) } : []
        func text(_ chain: [Int]) -> [ArraySlice<Unicode.Scalar>] {
            chain.flatMap { runs[$0].paras.map { layout.paras[$0].slice } }
        }
        for (c, owner) in ownerOfChain.enumerated() {
            if detached, let o = owner { vectors[o] = vectors[o].union(salience.value.vector(text(chains[c]))) }
        }
        var hasBody = drafts.indices.map { d in ownerOfChain.contains(d) }
        let chainOrder = chains.indices.sorted { chains[$0][0] < chains[$1][0] }
        var finalOwnerOfRun = [Int?](repeating: nil, count: runs.count)
        for c in chainOrder where ownerOfChain[c] != nil { for r in chains[c] { finalOwnerOfRun[r] = ownerOfChain[c] } }

        for c in chainOrder where ownerOfChain[c] == nil {
            let chain = chains[c]
            guard !chain.allSatisfy({ runs[$0].paras.isEmpty }) else { continue }
            let v = salience.value.vector(text(chain))
            let sims = vectors.map { Salience.cosine(v, $0) }
            var choice: Int?
            if runs[chain[0]].startsPiece {
                // The beginning of a piece: its headline, if printed, heads a block with no body yet.
                let free = drafts.indices.filter { !hasBody[$0] && !drafts[$0].titles.isEmpty && !drafts[$0].isPhoto }
                let fit = free.map { Salience.containment(vectors[$0], in: v) }
                if let best = fit.indices.max(by: { fit[$0] < fit[$1] }), fit[best] >= Self.headlineFit { choice = free[best] }
            } else {
                let adjoining = Self.neighbour(of: chain[0], runs: runs, owners: finalOwnerOfRun)
                let neighbour = adjoining.flatMap { o -> Int? in
                    Self.isClosed(o, runs: runs, owners: finalOwnerOfRun, before: chain[0]) ? nil : o
                }
                let weighted = sims.indices.map { d -> Double in
                    drafts[d].isPhoto ? 0 : sims[d] * (hasBody[d] || drafts[d].titles.isEmpty ? 1 : Self.moveMargin)
                }
                if separatedBlocks {
                    // Blocks of one piece are never set apart by a wide gap, so a block after the
                    // gap continues some earlier piece, not the one just above it.
                    let firstLine = layout.paras[chain.lazy.compactMap { runs[$0].paras.first }.first!].line
                    let earlier = drafts.indices.filter {
                        $0 != adjoining && !drafts[$0].isPhoto && drafts[$0].line < firstLine && hasBody[$0]
                    }
                    choice = earlier.max { (weighted[$0], drafts[$0].line) < (weighted[$1], drafts[$1].line) } ?? neighbour
                } else {
                    let best = weighted.indices.max(by: { weighted[$0] < weighted[$1] })
                    if let best, best != neighbour, weighted[best] >= Self.minimumOverlap,
                       weighted[best] >= Self.moveMargin * (neighbour.map { sims[$0] } ?? 0) + 0.02 {
                        choice = best
                    } else if let neighbour {
                        choice = neighbour
                    } else if let best, weighted[best] >= Self.minimumOverlap {
                        choice = best
                    }
                }
            }
            let owner: Int
            if let choice { owner = choice } else {
                let first = chain.lazy.compactMap { runs[$0].paras.first }.first!
                drafts.append(Draft(line: layout.paras[first].line))
                vectors.append(Salience.Vector())
                hasBody.append(false)
                body.append([])
                owner = drafts.count - 1
            }
            ownerOfChain[c] = owner
            hasBody[owner] = true
            vectors[owner] = vectors[owner].union(v)
            for r in chain { finalOwnerOfRun[r] = owner }
        }

        // Reading order inside a piece: a chain that opens the piece first, then the chain under
        // its headline, then the rest as printed.
        var chainsOf = [[Int]](repeating: [], count: drafts.count)
        for c in chainOrder { if let o = ownerOfChain[c] { chainsOf[o].append(c) } }
        for d in drafts.indices {
            let ordered = chainsOf[d].sorted { a, b in
                func rank(_ c: Int) -> Int {
                    if runs[chains[c][0]].startsPiece { return 0 }
                    return chains[c].contains(where: { runs[$0].owner == d }) ? 1 : 2
                }
                return (rank(a), chains[a][0]) < (rank(b), chains[b][0])
            }
            body[d] = ordered.flatMap { chains[$0] }
        }
        self.drafts = drafts
        self.runs = runs
        self.body = body
    }

    /// Three or more unmarked headline lines over one text may be two headline blocks: the head
    /// of a piece whose text is printed elsewhere, then the headline of the text below. Leading
    /// lines that share nothing with the text below, followed by lines that it repeats, are split off.
    private static func splitUnrelatedTitles(_ drafts: inout [Draft], runs: [Run], paras: [Para], salience: Salience.Lazy) {
        for d in drafts.indices {
            let t = drafts[d].titles
            guard t.count >= 3, t.allSatisfy({
                $0.level == 0 && !$0.bold && !ColumnLabels.isLabel($0.slice) && !LineShape.endsWithDash($0.slice)
            }), let run = runs.first(where: { $0.owner == d && !$0.paras.isEmpty }) else { continue }
            let text = salience.value.vector(run.paras.map { paras[$0].slice })
            let fit = t.map { Salience.containment(salience.value.vector([$0.slice]), in: text) }
            guard let k = (2..<t.count).first(where: { k in
                fit[..<k].allSatisfy { $0 < Self.unrelatedFit } && fit[k...].contains { $0 >= Self.relatedFit }
            }) else { continue }
            // Under a ——subheadline, a line the text repeats is its first line (9.73万亿), unless a lead follows.
            if LineShape.startsWithDash(t[k - 1].slice), Credits.leadDateline(paras[run.paras[0]].slice) == nil { continue }
            var head = Draft(line: drafts[d].line)
            head.titles = Array(t[..<k])
            drafts[d].titles = Array(t[k...])
            drafts[d].line = t[k].line
            drafts.append(head)
        }
    }

    static let unrelatedFit = 0.25
    static let relatedFit = 0.6

    /// Cuts runs where a join leaves or enters them in the middle: the text after a half whose
    /// other half is elsewhere, and a half continuing another, each start a run of their own.
    private static func split(_ runs: [Run], joins: Joins) -> [Run] {
        var out: [Run] = []
        for run in runs {
            var part = run
            part.paras = []
            part.tailCredit = Credit(); part.tailPhoto = false; part.tailContinuesTo = nil; part.closed = false
            for p in run.paras {
                if let prevPara = part.paras.last, joins.next[prevPara] != p,
                   joins.prev[p] != nil || joins.next[prevPara] != nil {
                    out.append(part)
                    part = Run(paras: [])
                }
                part.paras.append(p)
            }
            part.tailCredit = run.tailCredit
            part.tailPhoto = run.tailPhoto
            part.tailContinuesTo = run.tailContinuesTo
            part.closed = run.closed
            out.append(part)
        }
        return out
    }

    /// Runs linked by joins, each chain in reading order; a chain takes at most one headline,
    /// so a link into a second headline's run is cut.
    private static func chains(runs: [Run], next: [Int?], hasPrev: [Bool]) -> [[Int]] {
        var seen = [Bool](repeating: false, count: runs.count)
        var out: [[Int]] = []
        func walk(from start: Int) {
            var chain: [Int] = []
            var owner: Int?
            var at: Int? = start
            while let r = at, !seen[r] {
                if let o = runs[r].owner {
                    if owner != nil && owner != o { out.append(chain); chain = []; owner = nil }
                    owner = o
                }
                seen[r] = true
                chain.append(r)
                at = next[r]
            }
            if !chain.isEmpty { out.append(chain) }
        }
        for r in runs.indices where !hasPrev[r] { walk(from: r) }
        for r in runs.indices where !seen[r] { walk(from: r) }
        return out
    }

    /// The piece of the nearest run printed before `run`.
    private static func neighbour(of run: Int, runs: [Run], owners: [Int?]) -> Int? {
        var r = run - 1
        while r >= 0 {
            if !runs[r].paras.isEmpty, let o = owners[r] { return o }
            r -= 1
        }
        return nil
    }

    /// Whether the piece's text printed before `run` ended with a signature, credit or jump.
    private static func isClosed(_ draft: Int, runs: [Run], owners: [Int?], before run: Int) -> Bool {
        var r = run - 1
        while r >= 0 {
            if owners[r] == draft, !runs[r].paras.isEmpty { return runs[r].closed }
            r -= 1
        }
        return false
    }
}
