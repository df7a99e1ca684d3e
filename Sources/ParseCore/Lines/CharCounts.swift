/// Character unigram and bigram counts, and how often each character opens a paragraph.
/// The join decisions read them as evidence that two halves make real Chinese.
struct CharCounts: Sendable {
    private var unigrams: FastMap<UInt32>
    private var bigrams: FastMap<UInt32>
    private var starts = FastMap<UInt32>(zero: 0)
    /// How often each character stands right before a comma or sentence mark: characters that
    /// never do (及, 的, 和) leave a cut paragraph visibly open.
    private var ends = FastMap<UInt32>(zero: 0)
    private(set) var totalChars = 0
    private(set) var totalStarts = 0
    private(set) var totalEnds = 0
    /// - Parameter characters: about how many characters will be counted, to size the tables.
    init(characters: Int = 4096) {
        unigrams = FastMap(zero: 0, capacity: min(4096, max(64, characters / 8)))
        bigrams = FastMap(zero: 0, capacity: min(1 << 16, max(256, characters / 2)))
    }

    static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 21 | UInt64(b.value)
    }

    /// Counts one line of text. Its first character counts as a paragraph opening only when
    /// the line before it was closed: a line after an open one may be the second half of a cut.
    mutating func add(_ p: ArraySlice<Unicode.Scalar>, opensParagraph: Bool) {
        guard let first = p.first else { return }
        if opensParagraph {
            starts.increment(UInt64(first.value))
            totalStarts += 1
        }
        p.withUnsafeBufferPointer { t in
            unigrams.incrementEach(t.count) { UInt64(t[$0].value) }
            bigrams.incrementEach(t.count - 1) { Self.pair(t[$0], t[$0 + 1]) }
            for i in 1..<max(1, t.count) where Self.isClauseEnd(t[i]) && !Self.isClauseEnd(t[i - 1]) {
                ends.increment(UInt64(t[i - 1].value))
                totalEnds += 1
            }
        }
        totalChars += p.count
    }

    func bigram(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int { Int(bigrams.get(Self.pair(a, b))) }
    func bigram(key: UInt64) -> Int { Int(bigrams.get(key)) }
    func unigram(_ a: Unicode.Scalar) -> Int { Int(unigrams.get(UInt64(a.value))) }
    func startCount(_ a: Unicode.Scalar) -> Int { Int(starts.get(UInt64(a.value))) }
    func endCount(_ a: Unicode.Scalar) -> Int { Int(ends.get(UInt64(a.value))) }

    static func isClauseEnd(_ s: Unicode.Scalar) -> Bool {
        Scalars.isClauseMark(s) || Scalars.isSentenceEnd(s) || Scalars.isSemicolon(s) || Scalars.isColon(s)
    }
}

extension CharCounts {
    /// Counts the text lines of a page, in order.
    /// The counts of one page's lines, sized for them: what every stage's evidence on a page reads.
    static func page(_ lines: [Line]) -> CharCounts {
        var c = CharCounts(characters: lines.reduce(0) { $0 + $1.scalars.count })
        c.add(lines: lines)
        return c
    }

    mutating func add(lines: [Line]) {
        var previousClosed = true
        for line in lines where line.kind == .text {
            add(line.slice, opensParagraph: previousClosed)
            previousClosed = Scalars.endsClosed(line.slice)
        }
    }
}
