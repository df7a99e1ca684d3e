/// Character unigram, bigram and trigram counts, and how often each character opens a paragraph.
/// The join decisions read them as evidence that two halves make real Chinese.
struct CharCounts: Sendable {
    private(set) var unigrams: [UInt32: UInt32] = [:]
    private(set) var bigrams: [UInt64: UInt32] = [:]
    private(set) var trigrams: [UInt64: UInt32] = [:]
    private(set) var starts: [UInt32: UInt32] = [:]
    /// How often each character stands right before a comma or sentence mark: characters that
    /// never do (及, 的, 和) leave a cut paragraph visibly open.
    private(set) var ends: [UInt32: UInt32] = [:]
    private(set) var totalChars = 0
    private(set) var totalStarts = 0
    private(set) var totalEnds = 0
    let keepTrigrams: Bool

    init(keepTrigrams: Bool) { self.keepTrigrams = keepTrigrams }

    static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 21 | UInt64(b.value)
    }

    static func triple(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 42 | UInt64(b.value) << 21 | UInt64(c.value)
    }

    /// Counts one line of text. Its first character counts as a paragraph opening only when
    /// the line before it was closed: a line after an open one may be the second half of a cut.
    mutating func add(_ p: ArraySlice<Unicode.Scalar>, opensParagraph: Bool) {
        guard let first = p.first else { return }
        if opensParagraph {
            starts[first.value, default: 0] += 1
            totalStarts += 1
        }
        var prev: Unicode.Scalar?
        var prev2: Unicode.Scalar?
        for s in p {
            unigrams[s.value, default: 0] += 1
            if let a = prev {
                bigrams[Self.pair(a, s), default: 0] += 1
                if Self.isClauseEnd(s) && !Self.isClauseEnd(a) {
                    ends[a.value, default: 0] += 1
                    totalEnds += 1
                }
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
        for (k, v) in o.ends { ends[k, default: 0] += v }
        totalChars += o.totalChars
        totalStarts += o.totalStarts
        totalEnds += o.totalEnds
    }

    func bigram(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int { Int(bigrams[Self.pair(a, b)] ?? 0) }
    func trigram(_ a: Unicode.Scalar, _ b: Unicode.Scalar, _ c: Unicode.Scalar) -> Int {
        Int(trigrams[Self.triple(a, b, c)] ?? 0)
    }
    func unigram(_ a: Unicode.Scalar) -> Int { Int(unigrams[a.value] ?? 0) }
    func startCount(_ a: Unicode.Scalar) -> Int { Int(starts[a.value] ?? 0) }
    func endCount(_ a: Unicode.Scalar) -> Int { Int(ends[a.value] ?? 0) }

    static func isClauseEnd(_ s: Unicode.Scalar) -> Bool {
        Scalars.isClauseMark(s) || Scalars.isSentenceEnd(s) || Scalars.isSemicolon(s) || Scalars.isColon(s)
    }
}

extension CharCounts {
    /// Counts the text lines of a page, in order.
    mutating func add(lines: [Line]) {
        var previousClosed = true
        for line in lines where line.kind == .text {
            add(line.slice, opensParagraph: previousClosed)
            previousClosed = Scalars.endsClosed(line.slice)
        }
    }
}
