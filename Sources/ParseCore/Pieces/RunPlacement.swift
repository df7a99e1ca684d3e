/// Where each chain of runs with no headline above it goes (`RunAssembly`): to the free headline
/// its text fits, to the piece it talks on about, to the piece printed above it, or to a new
/// headless piece. Each piece's topic grows with what it is given. Where the conventions would
/// leave a chain with the piece above or make a headless piece of it, the trained attachment
/// scorer decides instead, with the conventions' choice among its features.
struct RunPlacement {
    private(set) var drafts: [Draft]
    let runs: [Run]
    let chains: [[Int]]
    let paras: [Para]
    let salience: Salience.Lazy
    let separatedBlocks: Bool
    /// Who decides what the conventions leave open; the conventions alone without one.
    let placer: Placer?
    private(set) var ownerOfChain: [Int?]
    /// Per draft: its topic (only when some chain is detached) and whether it has text yet.
    private var vectors: [Salience.Vector]
    private var hasBody: [Bool]
    private var ownerOfRun: [Int?]
    /// Chains in the order they are printed.
    let chainOrder: [Int]

    init(drafts: [Draft], runs: [Run], chains: [[Int]], paras: [Para], salience: Salience.Lazy, separatedBlocks: Bool, placer: Placer?) {
        self.drafts = drafts; self.runs = runs; self.chains = chains; self.paras = paras
        self.salience = salience; self.separatedBlocks = separatedBlocks; self.placer = placer
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
        let adjoining = RunAssembly.neighbour(of: chain[0], runs: runs, owners: ownerOfRun)
        let closedAbove = adjoining.map { RunAssembly.isClosed($0, runs: runs, owners: ownerOfRun, before: chain[0]) } ?? false
        let rule = conventions(chain, topic: v, sims: sims, neighbour: closedAbove ? nil : adjoining, adjoining: adjoining)
        // A clear topic match away from the piece above stands; the rest is the model's to decide.
        guard let placer, rule == nil || rule == adjoining else { return rule }
        // Text is printed below its headline: a chain goes to a piece printed above it, or to a new one.
        let first = paras[firstParagraph(of: chain)]
        let open = drafts.indices.filter { drafts[$0].line < first.line }
        let features = candidates(open, chain, first: first, topic: v, sims: sims, adjoining: adjoining, closedAbove: closedAbove, rule: rule)
        switch placer {
        case .model(let weights):
            let k = weights.choose(features)
            return k < open.count ? open[k] : nil
        case .teacher(let teacher):
            guard let k = teacher.answer(query(chain)), let truth = k < drafts.count ? open.firstIndex(of: k) : open.count else { return rule }
            teacher.record(AttachmentExample(candidates: features, truth: truth, rule: rule.flatMap(open.firstIndex(of:)) ?? open.count))
            return k < drafts.count ? k : nil
        }
    }

    /// The features of each piece of `open` as the chain's owner, then of a new piece.
    private func candidates(_ open: [Int], _ chain: [Int], first: Para, topic v: Salience.Vector, sims: [Double],
                            adjoining: Int?, closedAbove: Bool, rule: Int?) -> [[UInt32]] {
        let head = runs[chain[0]]
        let firstLine = first.line
        let c = AttachmentFeatures.Chain(kind: head.startsPiece ? (head.headCredit != Credit() ? 2 : 1) : 0,
                                         paragraphs: UInt32(chain.reduce(0) { $0 + runs[$1].paras.count }),
                                         titleLike: first.scalars.count <= 24 && !Scalars.endsClosed(first.slice))
        let top = sims.max() ?? 0
        var out: [[UInt32]] = open.map { d in
            let line = drafts[d].line
            let between = drafts.indices.filter { e in
                e != d && !drafts[e].titles.isEmpty && drafts[e].line > line && drafts[e].line < firstLine
            }.count
            let candidate = AttachmentFeatures.Candidate(
                relation: d == adjoining ? (closedAbove ? 1 : 2) : 0, hasBody: hasBody[d], titled: !drafts[d].titles.isEmpty,
                photo: drafts[d].isPhoto, similarity: sims[d], share: top > 0 ? sims[d] / top : 0,
                best: top > 0 && sims[d] == top, fit: WeightedPairs.containment(vectors[d], in: v), chosenByRule: rule == d,
                between: between, opened: opened(d))
            return AttachmentFeatures.pair(c, candidate, separatedBlocks: separatedBlocks)
        }
        out.append(AttachmentFeatures.newPiece(c, bestSimilarity: top, chosenByRule: rule == nil,
                                               neighbour: adjoining == nil ? 0 : closedAbove ? 1 : 2))
        return out
    }

    /// How a piece's text opened, from the first run printed under its headline block.
    private func opened(_ d: Int) -> UInt32 {
        guard hasBody[d] else { return 0 }
        if drafts[d].credit.hasNames { return 2 }
        guard let r = runs.indices.first(where: { ownerOfRun[$0] == d && !runs[$0].paras.isEmpty }) else { return 0 }
        if runs[r].headCredit != Credit() { return 2 }
        return paras[runs[r].paras[0]].credit.dateline != nil ? 1 : 3
    }

    /// The decision as the teacher reads it: texts, not indices.
    private func query(_ chain: [Int]) -> AttachmentQuery {
        func strings(_ ps: [Int]) -> [String] { ps.map { Scalars.string(paras[$0].scalars) } }
        let owned = drafts.indices.map { d in runs.indices.filter { ownerOfRun[$0] == d }.flatMap { runs[$0].paras } }
        return AttachmentQuery(chain: strings(chain.flatMap { runs[$0].paras }),
                               candidates: drafts.indices.map { d in (drafts[d].titles.map { Scalars.string($0.scalars) }, strings(owned[d])) } + [([], [])])
    }

    /// Where the conventions put the chain: a beginning under the free headline it fits, text
    /// to the piece it talks on about if that is clearly better than the open piece above it.
    private func conventions(_ chain: [Int], topic v: Salience.Vector, sims: [Double], neighbour: Int?, adjoining: Int?) -> Int? {
        if runs[chain[0]].startsPiece {
            // The beginning of a piece: its headline, if printed, heads a block with no body yet.
            let free = drafts.indices.filter { !hasBody[$0] && !drafts[$0].titles.isEmpty && !drafts[$0].isPhoto }
            let fit = free.map { WeightedPairs.containment(vectors[$0], in: v) }
            guard let best = fit.indices.max(by: { fit[$0] < fit[$1] }), fit[best] >= RunAssembly.headlineFit else { return nil }
            return free[best]
        }
        let weighted = sims.indices.map { d -> Double in
            drafts[d].isPhoto ? 0 : sims[d] * (hasBody[d] || drafts[d].titles.isEmpty ? 1 : RunAssembly.moveMargin)
        }
        if separatedBlocks {
            // Blocks of one piece are never set apart by a wide gap, so a block after the
            // gap continues some earlier piece, not the one just above it.
            let firstLine = paras[firstParagraph(of: chain)].line
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

    /// The first paragraph printed in a chain (one of its runs has text).
    private func firstParagraph(of chain: [Int]) -> Int {
        chain.lazy.compactMap { runs[$0].paras.first }.first!
    }

    /// A headless piece for a chain that belongs nowhere else.
    private mutating func newDraft(for chain: [Int]) -> Int {
        drafts.append(Draft(line: paras[firstParagraph(of: chain)].line))
        vectors.append(Salience.Vector())
        hasBody.append(false)
        return drafts.count - 1
    }
}
