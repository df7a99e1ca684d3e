/// Character statistics gathered from every page the parser has seen. Feeding the pages of an
/// archive before parsing them lets the join decisions draw on the whole archive, not one page.
/// No dictionary is involved: what counts as real Chinese is learnt from the text itself.
public struct LanguageStats: Sendable {
    var counts = CharCounts()

    public init() {}

    /// Adds the text of one dump: every non-blank line counts as a paragraph.
    public mutating func add(text: String) {
        counts.add(lines: PageLines.split(text))
    }
}
