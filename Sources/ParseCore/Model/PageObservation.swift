/// A page as the line model sees it: its lines, what the conventions decided of them, their
/// features and the labels each may take. The parser and the trainer build it the same way.
package struct PageObservation {
    let lines: [Line]
    /// `TitleLines`' verdicts: whether a text line heads a block.
    package let verdict: [Bool]
    let sectionBylines: Set<Int>
    let style: GapStyle
    /// Features and allowed labels are empty when the parser has no model to use them.
    package let features: [[UInt32]]
    package let allowed: [[Bool]]

    /// The printed text of each line, markup removed.
    package var texts: [String] { lines.map(\.text) }

    init(lines: [Line], evidence: JoinEvidence, wording: TitleWording, withFeatures: Bool) {
        self.lines = lines
        style = GapStyle.detect(lines)
        let decided = TitleLines(lines: lines, style: style, evidence: evidence, wording: wording).decide()
        verdict = decided.titles
        sectionBylines = decided.sectionBylines
        guard withFeatures else { features = []; allowed = []; return }
        let overOpenings = Self.headingsOverOpenings(lines, verdict: verdict)
        var allowed: [[Bool]] = []
        allowed.reserveCapacity(lines.count)
        for (i, line) in lines.enumerated() {
            // A 阅读提示 box's text and a roundup section's opening are settled by the page's
            // structure: the model only decides what is left open.
            let settled = line.kind != .text || (i > 0 && lines[i - 1].kind == .readingTip) || sectionBylines.contains(i)
            // Four verdicts the model may not reverse. A line that ends a sentence with 。 heads no
            // block the conventions did not make it head: of 26,441 kickers, headlines and
            // subheadlines of the training pages, 4 do. A line they head over a paragraph that
            // closes its piece at once is the title of a photo's caption or a brief: 97 of the
            // 119 such lines there are. Lines they head right above a line that opens a piece on
            // its own, a credit line (本报记者 …) or a dateline lead (本报讯, …电), head a block
            // in 8,851 of the 10,057 such stretches there: read as text, they would leave that
            // line opening a piece without its headline. Not after a signature: there the
            // stretch may title the next item of a briefs column, which the attachment scorer
            // then keeps in it. A line they head that ends in —— right above a marked headline is
            // its kicker: all 1,279 such lines there are.
            let sentence = !verdict[i] && line.scalars.last == "。"
            let titlesOneParagraph = verdict[i] && i + 1 < lines.count && lines[i + 1].kind == .text && !verdict[i + 1]
                && lines[i + 1].closes
            let kicksMarkedHeadline = verdict[i] && i + 1 < lines.count && LineShape.endsWithDash(line.slice)
                && { if case .marked = lines[i + 1].kind { return true } else { return false } }()
            allowed.append(LineLabel.allCases.map { label in
                if settled { return label == .other }
                if titlesOneParagraph || overOpenings[i] || kicksMarkedHeadline { return label == .heading }
                return label != .other && !(sentence && label == .heading)
            })
        }
        self.allowed = allowed
        // A line that may take one label only adds the same score to every reading of the page.
        features = LineFeatures.extract(lines, decided: decided, evidence: evidence, wording: wording,
                                        scored: allowed.map { $0.lazy.filter { $0 }.count > 1 })
    }

    /// The text lines of each stretch of verdicts that ends right above a line that opens a
    /// piece, unless a signature or another closing line is printed right above the stretch.
    private static func headingsOverOpenings(_ lines: [Line], verdict: [Bool]) -> [Bool] {
        var out = [Bool](repeating: false, count: lines.count)
        var i = 0
        while i < lines.count {
            guard verdict[i] else { i += 1; continue }
            var j = i
            while j + 1 < lines.count, verdict[j + 1] { j += 1 }
            if j + 1 < lines.count, Self.opensPiece(lines[j + 1]), i == 0 || !lines[i - 1].closes {
                for k in i...j where lines[k].kind == .text { out[k] = true }
            }
            i = j + 1
        }
        return out
    }

    /// A byline line, or a paragraph opening with a dateline (本报讯, 新华社北京2月1日电).
    private static func opensPiece(_ line: Line) -> Bool {
        if case .byline = line.kind { return true }
        return line.kind == .text && line.lead != nil
    }

    /// A page read from its text, as `PageParser` reads it, for the trainer.
    package init(text: String, stats: LanguageStats = LanguageStats(), wording: TitleWording = .bundled) {
        let lines = PageLines.split(text)
        self.init(lines: lines, evidence: JoinEvidence(page: CharCounts.page(lines), global: stats.counts), wording: wording, withFeatures: true)
    }
}
