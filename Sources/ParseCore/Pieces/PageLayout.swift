/// A line of a headline block, with the markup it was printed with.
struct TitleLine {
    let scalars: [Unicode.Scalar]
    let level: Int
    let bold: Bool
    let gap: Int
    let line: Int

    var slice: ArraySlice<Unicode.Scalar> { scalars[...] }
}

/// A piece as its headline block announces it; its body comes from the runs it is given.
struct Draft {
    var titles: [TitleLine] = []
    var credit = Credit()
    var summary: String?
    var continuedFrom: Int?
    var continuesTo: Int?
    var isPhoto = false
    var line: Int
}

/// A body paragraph as printed, with credits run into it already taken off.
struct Para {
    var scalars: [Unicode.Scalar]
    let line: Int
    /// Whether a dateline (本报讯, …电) opens it, as its line was read.
    let leads: Bool
    /// Whether the next paragraph follows it with nothing but one blank line between.
    var adjacentToNext = false
    /// Credits printed in it: a dateline lead, a signature, a caption's credit.
    var credit = Credit()
    var isPhoto = false
    var continuesTo: Int?

    var slice: ArraySlice<Unicode.Scalar> { scalars[...] }
}

/// Consecutive paragraphs that read on from one another. A run belongs to the piece whose
/// headline block it follows, or is detached: it must then be placed by the evidence.
struct Run {
    var paras: [Int]
    var owner: Int?
    /// Opens with a dateline lead or a byline line: the beginning of some piece.
    var startsPiece = false
    /// A byline line printed above the run.
    var headCredit = Credit()
    /// A credit or jump line printed below the run.
    var tailCredit = Credit()
    var tailPhoto = false
    var tailContinuesTo: Int?
    var closed = false
}

/// The first reading of a page: headline blocks, and the runs of text printed under them.
struct PageLayout {
    var drafts: [Draft]
    var paras: [Para]
    var runs: [Run]

    /// `sectionBylines`: byline lines of a roundup's sections, printed in its text as the paper stores them.
    init(lines: [Line], titles: [Bool], sectionBylines: Set<Int>, style: GapStyle) {
        var reading = LayoutReading(lines: lines, titles: titles, sectionBylines: sectionBylines, style: style)
        for i in lines.indices { reading.read(i) }
        (drafts, paras, runs) = (reading.drafts, reading.paras, reading.runs)
    }

    /// A run of nothing but ●… lines: the key points boxed under a headline.
    static func isKeyPoints(_ run: Run, _ paras: [Para]) -> Bool {
        !run.paras.isEmpty && run.paras.allSatisfy { paras[$0].scalars.first.map(Scalars.isBullet) == true }
    }

    /// "(下转第2版)" printed at the end of a paragraph.
    static func trailingJump(_ t: ArraySlice<Unicode.Scalar>) -> (Int, Int)? {
        guard let open = Scalars.closingGroupStart(t),
              case .jumpTo(let n)? = PageLines.jump(in: t[(open + 1)..<(t.endIndex - 1)]) else { return nil }
        var end = open
        while end > t.startIndex, Scalars.isSpace(t[end - 1]) { end -= 1 }
        return (n, end)
    }
}
