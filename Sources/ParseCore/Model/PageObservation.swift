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

    init(lines: [Line], evidence: JoinEvidence, withFeatures: Bool) {
        self.lines = lines
        style = GapStyle.detect(lines)
        let sectionTitles: Set<Int>
        (verdict, sectionBylines, sectionTitles) = TitleLines(lines: lines, style: style, evidence: evidence).decide()
        guard withFeatures else { features = []; allowed = []; return }
        features = LineFeatures.extract(lines, verdict: verdict, sectionTitles: sectionTitles, evidence: evidence)
        var allowed: [[Bool]] = []
        allowed.reserveCapacity(lines.count)
        for (i, line) in lines.enumerated() {
            // A 阅读提示 box's text and a roundup section's opening are settled by the page's
            // structure: the model only decides what is left open.
            let settled = line.kind != .text || (i > 0 && lines[i - 1].kind == .readingTip) || sectionBylines.contains(i)
            allowed.append(settled ? [false, false, true] : [true, true, false])
        }
        self.allowed = allowed
    }

    /// A page read from its text, as `PageParser` reads it, for the trainer.
    package init(text: String, stats: LanguageStats = LanguageStats()) {
        let lines = PageLines.split(text)
        self.init(lines: lines, evidence: JoinEvidence(page: CharCounts.page(lines), global: stats.counts), withFeatures: true)
    }
}
