/// Character unigram, bigram and trigram counts, and how often each character opens a paragraph.
/// The join decisions read them as evidence that two halves make real Chinese.
struct CharCounts {
    private(set) var unigrams: [UInt32: UInt32] = [:]
    private(set) var bigrams: [UInt64: UInt32] = [:]
    private(set) var trigrams: [UInt64: UInt32] = [:]
    private(set) var starts: [UInt32: UInt32] = [:]
    private(set) var totalChars = 0
    private(set) var totalStarts = 0
    let keepTrigrams: Bool

    init(keepTrigrams: Bool) { self.keepTrigrams = keepTrigrams }

    static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 21 | UInt64(b.value)
    }

    static func triple(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 42 | UInt64(b.value) << 21 | UInt64(c.value)
    }

    /// Counts one paragraph of text: its first character counts as a paragraph opening.
    mutating func add(_ p: ArraySlice<Unicode.Scalar>) {
        guard let first = p.first else { return }
        starts[first.value, default: 0] += 1
        totalStarts += 1
        var prev: Unicode.Scalar?
        var prev2: Unicode.Scalar?
        for s in p {
            unigrams[s.value, default: 0] += 1
            if let a = prev {
                bigrams[Self.pair(a, s), default: 0] += 1
                if keepTrigrams, let z = prev2 { trigrams[Self.triple(z, a, s), default: 0] += 1 }
            }
            prev2 = prev
            prev = s
        }
        totalChars += p.count
    }

    mutating func merge(_ o: CharCounts) {
        for (k, v) in o.unigrams { unigrams[k, default: 0] += v }
        for (k, v) in o.bigrams { bigrams[k, default: 0] += v }
        for (k, v) in o.trigrams { trigrams[k, default: 0] += v }
        for (k, v) in o.starts { starts[k, default: 0] += v }
        totalChars += o.totalChars
        totalStarts += o.totalStarts
    }

    func bigram(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int { Int(bigrams[Self.pair(a, b)] ?? 0) }
    func trigram(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar) -> Int {
        Int(trigrams[Self.triple(a, b, c)] ?? 0)
    }
    func unigram(_ a: Unicode.Scalar) -> Int { Int(unigrams[a.value] ?? 0) }
    func startCount(_ a: Unicode.Scalar) -> Int { Int(starts[a.value] ?? 0) }
}
