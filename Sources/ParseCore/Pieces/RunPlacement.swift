/// Where each chain of runs with no headline above it goes (`RunAssembly`): to the free headline
/// its text fits, to the piece it talks on about, to the piece printed above it, or to a new
/// headless piece. Each piece's topic grows with what it is given.
struct RunPlacement {
    private(set) var drafts: [Draft]
    let runs: [Run]
    let chains: [[Int]]
    let paras: [Para]
    let salience: Salience.Lazy
    let separatedBlocks: Bool
    private(set) var ownerOfChain: [Int?]
    /// Per draft: its topic (only when some chain is detached) and whether it has text yet.
    private var vectors: [Salience.Vector]
    private var hasBody: [Bool]
    private var ownerOfRun: [Int?]
    /// Chains in the order they are printed.
    let chainOrder: [Int]

    init(drafts: [Draft], runs: [Run], chains: [[Int]], paras: [Para], salience: Salience.Lazy, separatedBlocks: Bool) {
        self.drafts = drafts; self.runs = runs; self.chains = chains; self.paras = paras
        self.salience = salience; self.separatedBlocks = separatedBlocks
        let owners = chains.map { chain in chain.lazy.compactMap { runs[$0].owner }.first }
        ownerOfChain = owners
        let detached = owners.indices.contains { owners[$0] == nil && chains[$0].contains { !runs[$0].paras.isEmpty } }
        vectors = detached ? drafts.map { d in salience.value.vector(d.titles.map(\.slice)) } : []
        hasBody = drafts.indices.map { d in owners.contains(d) }
        chainOrder = chains.indices.sorted { chains[$0][0] < chains[$1][0] }
        ownerOfRun = [Int?](repeating: nil, count: runs.count)
        for (c, owner) in owners.enumerated() {
            if detached, let o = owner { vectors[o] = vectors[o].union(salience.value.vector(text(chains[c]))) }
        }
        for c in chainOrder where owners[c] != nil { for r in chains[c] { ownerOfRun[r] = owners[c] } }
    }

    private func text(_ chain: [Int]) -> [ArraySlice<Unicode.Scalar>] {
        chain.flatMap { runs[$0].paras.map { paras[$0].slice } }
    }

    mutating func placeDetachedChains() {
        for c in chainOrder where ownerOfChain[c] == nil {
            let chain = chains[c]
            guard !chain.allSatisfy({ runs[$0].paras.isEmpty }) else { continue }
            let v = salience.value.vector(text(chain))
            let owner = choose(chain, topic: v) ?? newDraft(for: chain)
            ownerOfChain[c] = owner
            hasBody[owner] = true
            vectors[owner] = vectors[owner].union(v)
            for r in chain { ownerOfRun[r] = owner }
        }
    }

    private func choose(_ chain: [Int], topic v: Salience.Vector) -> Int? {
        let sims = vectors.map { WeightedPairs.cosine(v, $0) }
        if runs[chain[0]].startsPiece {
            // The beginning of a piece: its headline, if printed, heads a block with no body yet.
            let free = drafts.indices.filter { !hasBody[$0] && !drafts[$0].titles.isEmpty && !drafts[$0].isPhoto }
            let fit = free.map { WeightedPairs.containment(vectors[$0], in: v) }
            guard let best = fit.indices.max(by: { fit[$0] < fit[$1] }), fit[best] >= RunAssembly.headlineFit else { return nil }
            return free[best]
        }
        let adjoining = RunAssembly.neighbour(of: chain[0], runs: runs, owners: ownerOfRun)
        let neighbour = adjoining.flatMap { o -> Int? in
            RunAssembly.isClosed(o, runs: runs, owners: ownerOfRun, before: chain[0]) ? nil : o
        }
        let weighted = sims.indices.map { d -> Double in
            drafts[d].isPhoto ? 0 : sims[d] * (hasBody[d] || drafts[d].titles.isEmpty ? 1 : RunAssembly.moveMargin)
        }
        if separatedBlocks {
            // Blocks of one piece are never set apart by a wide gap, so a block after the
            // gap continues some earlier piece, not the one just above it.
            let firstLine = paras[chain.lazy.compactMap { runs[$0].paras.first }.first!].line
            let earlier = drafts.indices.filter {
                $0 != adjoining && !drafts[$0].isPhoto && drafts[$0].line < firstLine && hasBody[$0]
            }
            return earlier.max { (weighted[$0], drafts[$0].line) < (weighted[$1], drafts[$1].line) } ?? neighbour
        }
        let best = weighted.indices.max(by: { weighted[$0] < weighted[$1] })
        if let best, best != neighbour, weighted[best] >= RunAssembly.minimumOverlap,
           weighted[best] >= RunAssembly.moveMargin * (neighbour.map { sims[$0] } ?? 0) + 0.02 {
            return best
        }
        if let neighbour { return neighbour }
        if let best, weighted[best] >= RunAssembly.minimumOverlap { return best }
        return nil
    }

    /// A headless piece for a chain that belongs nowhere else.
    private mutating func newDraft(for chain: [Int]) -> Int {
        let first = chain.compactMap { runs[$0].paras.first }[0]
        drafts.append(Draft(line: paras[first].line))
        vectors.append(Salience.Vector())
        hasBody.append(false)
        return drafts.count - 1
    }
}
