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

    init(layout: PageLayout, joins: Joins, salience: Salience.Lazy, separatedBlocks: Bool, placer: Placer?) {
        var drafts = layout.drafts
        let runs = Self.split(layout.runs, joins: joins)
        Self.splitUnrelatedTitles(&drafts, runs: runs, paras: layout.paras, salience: salience)
        let chains = Self.chains(runs: runs, joins: joins, paragraphs: layout.paras.count)
        var placement = RunPlacement(drafts: drafts, runs: runs, chains: chains, paras: layout.paras,
                                     salience: salience, separatedBlocks: separatedBlocks, placer: placer)
        placement.placeDetachedChains()
        self.drafts = placement.drafts
        self.runs = runs
        body = Self.readingOrder(drafts: placement.drafts.count, chains: chains, printed: placement.chainOrder,
                                 owners: placement.ownerOfChain, runs: runs)
    }

    /// Runs linked into chains where the last paragraph of one is joined to the first of another.
    private static func chains(runs: [Run], joins: Joins, paragraphs: Int) -> [[Int]] {
        var runOf = [Int](repeating: -1, count: paragraphs)
        for (r, run) in runs.enumerated() { for p in run.paras { runOf[p] = r } }
        var nextRun = [Int?](repeating: nil, count: runs.count)
        var hasPrev = [Bool](repeating: false, count: runs.count)
        for (r, run) in runs.enumerated() {
            guard let last = run.paras.last, let m = joins.next[last] else { continue }
            let target = runOf[m]
            if target != r, runs[target].paras.first == m { nextRun[r] = target; hasPrev[target] = true }
        }
        return chains(runs: runs, next: nextRun, hasPrev: hasPrev)
    }

    /// Reading order inside a piece: a chain that opens the piece first, then the chain under
    /// its headline, then the rest as printed.
    private static func readingOrder(drafts: Int, chains: [[Int]], printed: [Int], owners: [Int?], runs: [Run]) -> [[Int]] {
        var chainsOf = [[Int]](repeating: [], count: drafts)
        for c in printed { if let o = owners[c] { chainsOf[o].append(c) } }
        return (0..<drafts).map { d in
            let ordered = chainsOf[d].sorted { a, b in
                func rank(_ c: Int) -> Int {
                    if runs[chains[c][0]].startsPiece { return 0 }
                    return chains[c].contains(where: { runs[$0].owner == d }) ? 1 : 2
                }
                return (rank(a), chains[a][0]) < (rank(b), chains[b][0])
            }
            return ordered.flatMap { chains[$0] }
        }
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
            let fit = t.map { WeightedPairs.containment(salience.value.vector([$0.slice]), in: text) }
            guard let k = (2..<t.count).first(where: { k in
                fit[..<k].allSatisfy { $0 < Self.unrelatedFit } && fit[k...].contains { $0 >= Self.relatedFit }
            }) else { continue }
            // Under a ——subheadline, a line the text repeats is its first line (9.73万亿), unless a lead follows.
            if LineShape.startsWithDash(t[k - 1].slice), !paras[run.paras[0]].leads { continue }
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
    static func neighbour(of run: Int, runs: [Run], owners: [Int?]) -> Int? {
        var r = run - 1
        while r >= 0 {
            if !runs[r].paras.isEmpty, let o = owners[r] { return o }
            r -= 1
        }
        return nil
    }

    /// Whether the piece's text printed before `run` ended with a signature, credit or jump.
    static func isClosed(_ draft: Int, runs: [Run], owners: [Int?], before run: Int) -> Bool {
        var r = run - 1
        while r >= 0 {
            if owners[r] == draft, !runs[r].paras.isEmpty { return runs[r].closed }
            r -= 1
        }
        return false
    }
}
