/// What the line model says a line of a page is. The model decides text lines only: markup
/// lines, credits, jump markers and the 阅读提示 box are what their shape says they are.
package enum LineLabel: Int, CaseIterable, Sendable {
    /// A kicker, headline, subheadline or column label: a line of a headline block.
    case heading
    /// Paragraph text that goes on: intertitles and halves of cut paragraphs included.
    case text
    /// A line the model does not decide.
    case other
    /// The first paragraph of a piece's text (or its first half), where a piece begins below its
    /// headline block and byline, or without either.
    case opening

    /// Whether the label makes the line a paragraph, as opposed to a headline-block line.
    var isText: Bool { self == .text || self == .opening }
}
