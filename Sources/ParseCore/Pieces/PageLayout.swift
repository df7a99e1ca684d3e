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
    var drafts: [Draft] = []
    var paras: [Para] = []
    var runs: [Run] = []

    /// `sectionBylines`: byline lines of a roundup's sections, printed in its text as the paper stores them.
    init(lines: [Line], titles: [Bool], sectionBylines: Set<Int>, style: GapStyle) {
        var open: Int?            // the draft whose headline block is still being read
        var current: Int?         // the run receiving paragraphs
        var summaryNext = false
        var lastWasPara = false

        func newDraft(_ line: Line) -> Int {
            drafts.append(Draft(line: line.number))
            return drafts.count - 1
        }
        func addTitle(_ line: Line, level: Int, bold: Bool) {
            if level > 0, !ColumnLabels.isLabel(line.slice), let o = open, let split = splitPoint(drafts[o]) {
                // A second headline in one block: the unmarked lines above it are its kicker.
                var d = Draft(line: line.number)
                d.titles = Array(drafts[o].titles[split...])
                drafts[o].titles.removeSubrange(split...)
                drafts.append(d)
                open = drafts.count - 1
            }
            let o = open ?? newDraft(line)
            drafts[o].titles.append(TitleLine(scalars: line.scalars, level: level, bold: bold, gap: line.gap, line: line.number))
            open = o
            current = nil
        }

        for (i, line) in lines.enumerated() {
            var isPara = false
            defer { lastWasPara = isPara }
            if summaryNext, line.kind == .text {
                summaryNext = false
                let o = open ?? newDraft(line)
                drafts[o].summary = line.text
                open = o
                current = nil
                continue
            }
            switch line.kind {
            case .marked(let level):
                addTitle(line, level: level, bold: false)
            case .bold:
                addTitle(line, level: 0, bold: true)
            case .readingTip:
                if open == nil { open = newDraft(line) }
                current = nil
                summaryNext = true
            case .jumpFrom(let n):
                let o = open ?? newDraft(line)
                drafts[o].continuedFrom = n
                open = o
                current = nil
            case .byline where sectionBylines.contains(i) && current.map({ !runs[$0].closed }) == true:
                isPara = true
                if lastWasPara { paras[paras.count - 1].adjacentToNext = true }
                paras.append(Para(scalars: line.scalars, line: line.number))
                runs[current!].paras.append(paras.count - 1)
            case .byline(let c):
                if let o = open {
                    drafts[o].credit.merge(c)
                } else if let r = current, runs[r].startsPiece, runs[r].paras.isEmpty {
                    runs[r].headCredit.merge(c)
                } else {
                    runs.append(Run(paras: [], startsPiece: true, headCredit: c))
                    current = runs.count - 1
                }
            case .photoCredit(let c):
                if let r = current ?? (open == nil && !runs.isEmpty ? runs.count - 1 : nil) {
                    runs[r].tailCredit.merge(c); runs[r].tailPhoto = true; runs[r].closed = true
                } else if let o = open {
                    drafts[o].credit.merge(c); drafts[o].isPhoto = true
                    open = nil
                }
            case .jumpTo(let n):
                if let r = current { runs[r].tailContinuesTo = n; runs[r].closed = true }
                else if let o = open { drafts[o].continuesTo = n }
            case .advert where lines.count == 1:
                // A page of nothing but an advertisement.
                addTitle(line, level: 0, bold: false)
            case .advert:
                if let r = current { runs[r].closed = true }
                open = nil
            case .text:
                if titles[i] {
                    addTitle(line, level: 0, bold: false)
                    continue
                }
                isPara = true
                // A paragraph printed twice in a row is read once.
                if lastWasPara, let last = paras.last, last.scalars == line.scalars { continue }
                var text = line.scalars
                let lead = line.lead
                let startNew: Bool = {
                    guard let r = current else { return true }
                    if open != nil || runs[r].closed { return true }
                    // A lead may follow a box of key points (●…) printed under the headline.
                    if lead != nil && !(runs[r].startsPiece && runs[r].paras.isEmpty) && !Self.isKeyPoints(runs[r], paras) { return true }
                    return style == .double && line.gap >= 2
                }()
                if startNew {
                    runs.append(Run(paras: [], owner: open, startsPiece: open == nil && lead != nil))
                    current = runs.count - 1
                }
                let r = current!
                var para = Para(scalars: [], line: line.number)
                if let (c, _) = lead { para.credit.merge(c) }
                if let (jump, end) = Self.trailingJump(text[...]) {
                    para.continuesTo = jump
                    runs[r].closed = true
                    text = Array(text[..<end])
                }
                if let (c, end, isPhoto) = Credits.inlineCredit(text[...]) {
                    para.credit.merge(c)
                    para.isPhoto = isPhoto || Scalars.string(text).contains("图为")
                    runs[r].closed = true
                    text = Array(Scalars.trimmed(Array(text[..<end])))
                } else if let c = Credits.trailingGroup(text[...]) {
                    para.credit.merge(c)
                    runs[r].closed = true
                }
                if lastWasPara && !startNew {
                    paras[paras.count - 1].adjacentToNext = true
                }
                para.scalars = text
                paras.append(para)
                runs[r].paras.append(paras.count - 1)
                open = nil
            }
        }
    }

    /// Where a block must split when another marked headline arrives: after the last marked
    /// headline already in it, so that the unmarked lines between become the newcomer's kicker.
    private func splitPoint(_ d: Draft) -> Int? {
        guard let last = d.titles.lastIndex(where: { $0.level > 0 && !ColumnLabels.isLabel($0.slice) }) else { return nil }
        return last + 1
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
