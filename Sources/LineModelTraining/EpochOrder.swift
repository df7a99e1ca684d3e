import ParseCore

/// The order an epoch visits its items in: each epoch shuffles the last one's order
/// (Fisher–Yates, drawn from a fixed seed), so the same items give the same model.
struct EpochOrder {
    private var order: [Int]
    private var rng: SplitMix64

    init(count: Int, seed: UInt64) {
        order = Array(0..<count)
        rng = SplitMix64(seed: seed)
    }

    mutating func next() -> [Int] {
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.below(i + 1)) }
        return order
    }
}
