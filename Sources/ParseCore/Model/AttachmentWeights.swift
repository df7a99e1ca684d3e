/// The trained scorer of where a detached chain goes: one weight per hashed feature of a
/// (chain, candidate) pair (`AttachmentFeatures`); the candidate that scores highest takes the
/// chain. Only the slots with a weight are kept, in the line model's `SlotTable` with one label.
package struct AttachmentWeights: Sendable {
    let used: [UInt32]
    let weights: [Float]
    private let table: SlotTable

    /// `dense[slot]`, as the trainer fits them.
    package init(dense: [Float]) {
        let used = dense.indices.filter { dense[$0] != 0 }
        self.init(used: used.map(UInt32.init), weights: used.map { dense[$0] })
    }

    init(used: [UInt32], weights: [Float]) {
        self.used = used; self.weights = weights
        table = SlotTable(used: used, rows: weights, labels: 1)
    }

    package func score(_ features: [UInt32]) -> Double {
        var s = [0.0]
        table.add(features, slotMask: UInt32(LineModel.slots - 1), to: &s)
        return s[0]
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
