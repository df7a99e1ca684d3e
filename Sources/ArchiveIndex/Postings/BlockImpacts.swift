/// The few (frequency, length norm) pairs that bound what any document of a posting block can
/// score, as Lucene keeps "impacts": BM25 rises with the frequency and falls with the length, so
/// only the pairs no other pair beats on both count (the Pareto front), and when there are more
/// than `count` of them, neighbours are joined into one that beats both (the higher frequency, the
/// shorter length), where that loosens the bound least for a record of `average` length.
struct BlockImpacts {
    static let count = 3
    /// Highest frequency first, so lengths fall along it too.
    private(set) var front: [(tf: UInt16, length: UInt16)] = []
    /// The front's last pair, kept beside it: the one most documents are tested against.
    private var lastTF: UInt16 = 0, lastLength: UInt16 = 0

    mutating func reset() {
        front.removeAll(keepingCapacity: true)
        lastTF = 0
    }

    /// Takes in one document's pair: every block's posting passes here, so it scans the few
    /// pairs of the front instead of sorting the block.
    @inline(__always) mutating func add(tf: UInt32, length: UInt16) {
        let tf = UInt16(clamping: tf)
        // The last pair has the lowest frequency and the shortest length: most documents (one
        // occurrence, not the shortest record of the block) are beaten by it, and end here. An
        // empty front has frequency 0, which beats nothing.
        if lastTF >= tf && lastLength <= length { return }
        insert(tf: tf, length: length)
    }

    private mutating func insert(tf: UInt16, length: UInt16) {
        var i = 0
        while i < front.count && front[i].tf > tf { i += 1 }
        // A pair before `i` with no greater length, or one at `i` with the same frequency, beats it.
        if i > 0 && front[i - 1].length <= length { return }
        if i < front.count && front[i].tf == tf && front[i].length <= length { return }
        var j = i
        while j < front.count && front[j].length >= length { j += 1 }
        if i < j { front[i] = (tf, length); front.removeSubrange((i + 1)..<j) } else { front.insert((tf, length), at: i) }
        (lastTF, lastLength) = front[front.count - 1]
    }

    /// Joins the front down to `count` pairs.
    mutating func reduce(average: Double) {
        func bound(_ p: (tf: UInt16, length: UInt16)) -> Double {
            let tf = Double(p.tf)
            return tf / (tf + Searcher.k1 * (1 - Searcher.b + Searcher.b * Double(p.length) / max(1, average)))
        }
        while front.count > Self.count {
            var best = 0, least = Double.infinity
            for i in 0..<(front.count - 1) {
                let loss = bound((front[i].tf, front[i + 1].length)) - max(bound(front[i]), bound(front[i + 1]))
                if loss < least { least = loss; best = i }
            }
            front[best].length = front[best + 1].length
            front.remove(at: best + 1)
        }
        if let last = front.last { (lastTF, lastLength) = last }
    }
}
