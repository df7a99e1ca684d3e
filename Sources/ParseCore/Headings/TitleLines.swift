/// How the page separates its blocks. Most dumps put one blank line between everything;
/// some put two between a piece's blocks and one inside them, which is then the best evidence there is.
enum GapStyle {
    case single, double

    /// Double when most bylines and dateline leads sit two or more blank lines below what precedes them.
    static func detect(_ lines: [Line]) -> GapStyle {
        var wide = 0, narrow = 0
        for (i, line) in lines.enumerated() where i > 0 {
            let isByline: Bool
            if case .byline = line.kind { isByline = true } else { isByline = false }
            guard isByline || (line.kind == .text && line.lead != nil) else { continue }
            if line.gap >= 2 { wide += 1 } else { narrow += 1 }
        }
        return wide > narrow ? .double : .single
    }
}

/// What `TitleLines` decided of a page.
struct HeadingVerdicts {
    /// Whether each line heads a block.
    let titles: [Bool]
    /// Byline lines that credit a roundup's section, not a piece.
    let sectionBylines: Set<Int>
    /// Lines that title such a section.
    let sectionTitles: Set<Int>
    /// The groups between paragraphs that were weighed, with their evidence.
    let groups: [(group: TitleGroup, features: [Double])]
    /// Whether each line could be printed as a headline-block line at all.
    let titleShaped: [Bool]
}

/// Decides which text lines are headline-block lines (headline, kicker, subheadline, label)
/// and which are paragraphs: intertitles and halves of cut paragraphs look alike on their own.
struct TitleLines {
    let lines: [Line]
    let style: GapStyle
    let evidence: JoinEvidence
    let wording: TitleWording

    /// Join weight above which a short line is taken for the first half of a cut paragraph.
    static let fragmentThreshold = 4.5

    /// Whether a line could be printed as a headline-block line at all.
    static func hasTitleShape(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        // (法国)阿兰·拉巴特, (五)…: headlines do not open on a bracket; ●… is a key point of the text.
        guard LineShape.isShort(t), !Scalars.isLeftParen(t.first!), !Scalars.isBullet(t.first!) else { return false }
        return !Credits.layoutCredit(t)
    }

    static func isHeadingElement(_ kind: LineKind) -> Bool {
        switch kind {
        case .marked, .bold, .readingTip, .jumpFrom, .byline: return true
        default: return false
        }
    }

    /// Which lines head blocks, which byline lines credit a roundup's section, not a piece, and
    /// which lines title such a section, with the evidence on the groups between paragraphs it
    /// weighed, which the line model reads too.
    func decide() -> HeadingVerdicts {
        var title = [Bool](repeating: false, count: lines.count)
        let titleShaped = lines.map { $0.kind == .text && Self.hasTitleShape($0.slice) }
        let shape = shapes(titleShaped)
        let markedPage = marksItsHeadlines(shape: shape)
        let groups = Intertitles(lines: lines, shape: shape, wording: wording)
        let weighed = style == .single && !markedPage ? groups.evidence() : []
        var decided: [Int: Bool] = [:]
        if style == .single {
            // A page that marks its headlines with # prints a new piece's headline marked, so its
            // unmarked groups between paragraphs are intertitles: no need to weigh them.
            let opens = markedPage ? groups.candidates().map { ($0, false) } : weighed.map { ($0.group, Intertitles.score($0.features) > 0) }
            for (g, o) in opens { for i in g.first...g.last { decided[i] = o } }
        }
        var summaryNext = false
        var sectionBylines = Set<Int>(), sectionTitles = Set<Int>()
        var sectionEnd = -1
        for i in lines.indices {
            let line = lines[i]
            if line.kind == .readingTip { summaryNext = true; continue }
            guard line.kind == .text else { continue }
            if summaryNext { summaryNext = false; continue }
            guard shape[i], i > sectionEnd else { continue }
            if let d = decided[i] { title[i] = d; continue }
            if style == .single, let end = sectionTitleEnd(at: i, shape: shape, title: title, sectionBylines: sectionBylines) {
                sectionBylines.insert(end + 1)
                sectionTitles.formUnion(i...end)
                // Short lines under a section's byline (时间:… 地点:…) open its text.
                sectionEnd = end + 1
                while sectionEnd + 1 < lines.count, sectionEnd - end < 4, lines[sectionEnd + 1].kind == .text,
                      shape[sectionEnd + 1] { sectionEnd += 1 }
                continue
            }
            if style == .single && markedPage && !besideMarkedHeadline(i, shape: shape) { continue }
            let prev: Line? = i > 0 ? lines[i - 1] : nil
            let next: Line? = i + 1 < lines.count ? lines[i + 1] : nil
            let prevIsHeading = prev.map { Self.isHeadingElement($0.kind) || ($0.kind == .text && title[i - 1]) } ?? false
            switch style {
            case .double:
                title[i] = i == 0 || line.gap >= 2 || (prevIsHeading && line.gap <= 1)
            case .single:
                title[i] = decideSingle(i, prev: prev, next: next, prevIsHeading: prevIsHeading, shape: shape, title: title)
            }
        }
        return HeadingVerdicts(titles: title, sectionBylines: sectionBylines, sectionTitles: sectionTitles,
                               groups: weighed, titleShaped: titleShaped)
    }

    /// Which text lines could be headline-block lines, once halves of cut paragraphs, long
    /// subheadlines and column tags are told apart.
    /// `titleShaped`: whether each line has a headline-block line's shape on its own.
    func shapes(_ titleShaped: [Bool]) -> [Bool] {
        var shape = titleShaped
        // A short line that reads on into the next is half of a cut paragraph, whatever its shape.
        for i in lines.indices where shape[i] && isFirstHalf(i, shape: shape) { shape[i] = false }
        for i in lines.indices where isLongSubheadline(i, shape: shape) || isTagUnder(i, shape: shape) { shape[i] = true }
        return shape
    }

    /// (体坛观澜) printed tight under a headline-shaped line: the headline's column tag.
    private func isTagUnder(_ i: Int, shape: [Bool]) -> Bool {
        let t = lines[i].slice
        guard i > 0, shape[i - 1], lines[i].gap == 0, lines[i].kind == .text, t.count <= 20,
              let first = t.first, let last = t.last, Scalars.isLeftParen(first), Scalars.isRightParen(last) else { return false }
        return !t.dropFirst().dropLast().contains(where: { Scalars.isLeftParen($0) || Scalars.isRightParen($0) })
    }

    /// A byline line or a dateline lead: what a piece opens with.
    func opensPiece(_ line: Line) -> Bool {
        if case .byline = line.kind { return true }
        return line.kind == .text && line.lead != nil
    }

    /// A subheadline may run to a sentence or two (截至8月底,山东PPP项目有1038个,总投资额…):
    /// a line that does not end on a full stop, between a headline and a lead or byline, is one.
    private func isLongSubheadline(_ i: Int, shape: [Bool]) -> Bool {
        guard i > 0, i + 1 < lines.count, !shape[i], lines[i].kind == .text, lines[i].scalars.count <= 150 else { return false }
        let t = lines[i].slice, next = lines[i + 1]
        guard shape[i - 1] || Self.isHeadingElement(lines[i - 1].kind) else { return false }
        guard opensPiece(next), let first = t.first, let last = t.last else { return false }
        return !Scalars.endsClosed(t) && !Scalars.cannotStartParagraph(first)
            && !Scalars.isClauseMark(last) && !LineShape.hasUnclosedBracket(t) && lines[i].lead == nil
    }

    /// Whether line `i` is the first half of a paragraph cut at a column break. Two
    /// headline-shaped lines in a row are a headline block unless punctuation proves a cut.
    private func isFirstHalf(_ i: Int, shape: [Bool]) -> Bool {
        guard i + 1 < lines.count else { return false }
        let next = lines[i + 1]
        guard next.kind == .text, next.lead == nil else { return false }
        if style == .double && next.gap >= 2 { return false }
        if shape[i + 1] && evidence.continuation(next.slice, leads: false) < 2.5 { return false }
        let halves = (JoinEvidence.Half(lines[i].slice, evidence, leads: lines[i].lead != nil), JoinEvidence.Half(next.slice, evidence, leads: false))
        guard let s = evidence.score(halves.0, halves.1, adjacent: true) else { return false }
        return s >= Self.fragmentThreshold
    }

    private func decideSingle(_ i: Int, prev: Line?, next: Line?, prevIsHeading: Bool,
                              shape: [Bool], title: [Bool]) -> Bool {
        let line = lines[i]
        if let next, Self.isHeadingElement(next.kind) || shape[i + 1] || opensPiece(next) { return true }
        // 院长曲青山: over the text it introduces names a speaker; a kicker ending so has its headline below.
        if line.scalars.last.map(Scalars.isColon) == true { return false }
        if prevIsHeading {
            if LineShape.startsWithDash(line.slice) { return true }
            let nextIsPlain = next?.kind == .text
            return !(nextIsPlain && blockHasMarkedHeadline(endingAt: i - 1, title: title))
        }
        if i == 0 || line.gap >= 2 { return true }
        if let prev, prev.closes { return true }
        return signedAfterByline(i, title: title)
    }

    /// A piece carries either a byline or a signature, not both: a short line in a piece that
    /// opened with a byline, followed by text that ends in a signature, heads a piece of its own.
    private func signedAfterByline(_ i: Int, title: [Bool]) -> Bool {
        var j = i + 1
        while j < lines.count, lines[j].kind == .text, !Self.hasTitleShape(lines[j].slice) {
            if let c = lines[j].trailingCredit {
                guard !c.authors.isEmpty else { return false }
                var k = i - 1
                while k >= 0 {
                    let line = lines[k]
                    if case .byline = line.kind { return true }
                    if line.kind == .text, line.lead?.0.hasNames == true { return true }
                    if title[k] || Self.isHeadingElement(line.kind) || line.closes { return false }
                    k -= 1
                }
                return false
            }
            j += 1
        }
        return false
    }

    /// Whether the headline block that ends at `end` already holds a `#` headline; an
    /// unmarked line after it followed by text is then an intertitle, not a subheadline.
    private func blockHasMarkedHeadline(endingAt end: Int, title: [Bool]) -> Bool {
        var j = end
        while j >= 0 {
            switch lines[j].kind {
            case .marked: if !ColumnLabels.isLabel(lines[j].slice) { return true }
            case .bold, .readingTip, .jumpFrom, .byline: break
            case .text: if !title[j] { return false }
            default: return false
            }
            j -= 1
        }
        return false
    }
}
