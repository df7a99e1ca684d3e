/// A model's weights by slot (per label), in an open-addressing table at least twice the size of what it
/// holds. Most of a line's features carry no weight, and a miss reads only the table's 4-byte
/// keys, which stay in cache; a hit reads one run of label weights beside them.
struct SlotTable: Sendable {
    private static let empty = UInt32.max
    private let keys: [UInt32]
    private let weights: [Float]
    private let mask: Int
    private let labels: Int

    /// `rows[row * labels + label]` the weights of `used[row]`.
    init(used: [UInt32], rows: [Float], labels: Int) {
        var capacity = 16
        while capacity < used.count * 2 { capacity <<= 1 }
        var keys = [UInt32](repeating: Self.empty, count: capacity)
        var weights = [Float](repeating: 0, count: capacity * labels)
        for (row, slot) in used.enumerated() {
            // Slots are hashes already: their low bits spread evenly.
            var i = Int(slot) & (capacity - 1)
            while keys[i] != Self.empty { i = (i + 1) & (capacity - 1) }
            keys[i] = slot
            for y in 0..<labels { weights[i * labels + y] = rows[row * labels + y] }
        }
        self.keys = keys; self.weights = weights; mask = capacity - 1; self.labels = labels
    }

    /// Adds the weights of each feature's slot (its bits under `slotMask`) to `scores`, label by
    /// label, in the order given.
    func add(_ features: [UInt32], slotMask: UInt32, to scores: inout [Double]) {
        let k = labels
        keys.withUnsafeBufferPointer { keys in
            weights.withUnsafeBufferPointer { w in
                scores.withUnsafeMutableBufferPointer { s in
                    for f in features {
                        let slot = f & slotMask
                        var i = Int(slot) & mask
                        while keys[i] != slot {
                            if keys[i] == Self.empty { break }
                            i = (i + 1) & mask
                        }
                        guard keys[i] == slot else { continue }
                        for y in 0..<k { s[y] += Double(w[i * k + y]) }
                    }
                }
            }
        }
    }
}
