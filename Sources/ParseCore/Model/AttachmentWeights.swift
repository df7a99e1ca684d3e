/// The trained scorer of where a detached chain goes: one weight per hashed feature of a
/// (chain, candidate) pair (`AttachmentFeatures`); the candidate that scores highest takes the
/// chain. Only the slots with a weight are kept, found by hash.
package struct AttachmentWeights: Sendable {
    let used: [UInt32]
    let weights: [Float]
    private let rowOfSlot: FastMap<Int32>

    /// `dense[slot]`, as the trainer fits them.
    package init(dense: [Float]) {
        let used = dense.indices.filter { dense[$0] != 0 }
        self.init(used: used.map(UInt32.init), weights: used.map { dense[$0] })
    }

    init(used: [UInt32], weights: [Float]) {
        self.used = used; self.weights = weights
        var rowOfSlot = FastMap<Int32>(zero: -1, capacity: used.count)
        for (row, slot) in used.enumerated() { rowOfSlot.set(UInt64(slot), Int32(row)) }
        self.rowOfSlot = rowOfSlot
    }

    package func score(_ features: [UInt32]) -> Double {
        let mask = UInt32(LineModel.slots - 1)
        var s = 0.0
        for f in features {
            let row = Int(rowOfSlot.get(UInt64(f & mask)))
            if row >= 0 { s += Double(weights[row]) }
        }
        return s
    }

    /// The best candidate; ties go to the first.
    package func choose(_ candidates: [[UInt32]]) -> Int {
        var best = 0, top = -Double.infinity
        for (i, c) in candidates.enumerated() {
            let s = score(c)
            if s > top { top = s; best = i }
        }
        return best
    }
}
