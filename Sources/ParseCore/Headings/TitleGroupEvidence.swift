package enum TitleGroupEvidence {
    /// The groups between paragraphs that the fitted weights of `Intertitles` decide on a page,
    /// each with its lines and the evidence weighed: what `fit_title_groups.py` learns from
    /// (`archive-train title-groups` writes it). Pages that mark their headlines, or separate
    /// blocks by double gaps, decide no group by weights, and give none.
    package static func of(page text: String, wording: TitleWording = .bundled) -> [(lines: [String], features: [Double])] {
        let lines = PageLines.split(text)
        let style = GapStyle.detect(lines)
        let titles = TitleLines(lines: lines, style: style, evidence: JoinEvidence(page: CharCounts.page(lines), global: CharCounts()), wording: wording)
        return titles.decide().groups.map { g, f in ((g.first...g.last).map { lines[$0].text }, f) }
    }
}
