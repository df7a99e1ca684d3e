/// The reading of a page's lines in order into headline blocks and runs (`PageLayout`): what
/// is still open as it goes, and what each kind of line does to it.
struct LayoutReading {
    let lines: [Line]
    let titles: [Bool]
    let sectionBylines: Set<Int>
    let style: GapStyle
    private(set) var drafts: [Draft] = []
    private(set) var paras: [Para] = []
    private(set) var runs: [Run] = []
    /// The draft whose headline block is still being read.
    private var open: Int?
    /// The run receiving paragraphs.
    private var current: Int?
    private var summaryNext = false
    private var lastWasPara = false
    /// A page of nothing but 广告 lines and column labels is an advertisement, one piece headed
    /// by its first 广告; anywhere else a 广告 line is page furniture.
    private let advertPage: Bool
    private var advertHeaded = false

    init(lines: [Line], titles: [Bool], sectionBylines: Set<Int>, style: GapStyle) {
        self.lines = lines; self.titles = titles; self.sectionBylines = sectionBylines; self.style = style
        advertPage = lines.contains { $0.kind == .advert }
            && lines.allSatisfy { $0.kind == .advert || ColumnLabels.isLabel($0.slice) }
    }

    mutating func read(_ i: Int) {
        let line = lines[i]
        var isPara = false
        defer { lastWasPara = isPara }
        if summaryNext, line.kind == .text {
            summaryNext = false
            let o = open ?? newDraft(line)
            drafts[o].summary = line.text
            open = o
            current = nil
            return
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
            paras.append(Para(scalars: line.scalars, line: line.number, leads: line.lead != nil))
            runs[current!].paras.append(paras.count - 1)
        case .byline(let c):
            addByline(c)
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
        case .advert where advertPage && !advertHeaded:
            advertHeaded = true
            addTitle(line, level: 0, bold: false)
        case .advert:
            if let r = current { runs[r].closed = true }
            open = nil
        case .text where titles[i] || advertPage:
            addTitle(line, level: 0, bold: false)
        case .text:
            isPara = true
            // A paragraph printed twice in a row is read once.
            if lastWasPara, let last = paras.last, last.scalars == line.scalars { return }
            addParagraph(line)
        }
    }

    private mutating func newDraft(_ line: Line) -> Int {
        drafts.append(Draft(line: line.number))
        return drafts.count - 1
    }

    private mutating func addTitle(_ line: Line, level: Int, bold: Bool) {
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

    /// Where a block must split when another marked headline arrives: after the last marked
    /// headline already in it, so that the unmarked lines between become the newcomer's kicker.
    private func splitPoint(_ d: Draft) -> Int? {
        guard let last = d.titles.lastIndex(where: { $0.level > 0 && !ColumnLabels.isLabel($0.slice) }) else { return nil }
        return last + 1
    }

    private mutating func addByline(_ c: Credit) {
        if let o = open {
            drafts[o].credit.merge(c)
        } else if let r = current, runs[r].startsPiece, runs[r].paras.isEmpty {
            runs[r].headCredit.merge(c)
        } else {
            runs.append(Run(paras: [], startsPiece: true, headCredit: c))
            current = runs.count - 1
        }
    }

    /// Whether a text line opens a new run: nothing is receiving, a headline block or a closed
    /// run is above it, or it opens with a lead.
    private func opensRun(_ line: Line) -> Bool {
        guard let r = current else { return true }
        if open != nil || runs[r].closed { return true }
        // A lead may follow a box of key points (●…) printed under the headline.
        let run = runs[r]
        if line.lead != nil && !(run.startsPiece && run.paras.isEmpty) && !PageLayout.isKeyPoints(run, paras) { return true }
        return style == .double && line.gap >= 2
    }

    /// A paragraph, with the credits and jump run into it taken off into its facts.
    private mutating func addParagraph(_ line: Line) {
        var text = line.scalars
        let startNew = opensRun(line)
        if startNew {
            runs.append(Run(paras: [], owner: open, startsPiece: open == nil && line.lead != nil))
            current = runs.count - 1
        }
        let r = current!
        var para = Para(scalars: [], line: line.number, leads: line.lead != nil)
        if let lead = line.lead { para.credit.merge(lead.credit) }
        if let (jump, end) = PageLayout.trailingJump(text[...]) {
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
