/// What a line's characters say of its shape, asked by every stage: whether it is short and
/// ends no sentence, how a dash opens or closes it, how its brackets balance. Functions of the
/// text alone, so they serve lines, paragraphs and joined halves alike.
enum LineShape {
    /// Whether a line is short and ends no sentence, as headlines, intertitles and list items
    /// are: such a line may stand alone, and is no evidence of a cut.
    static func isShort(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        let dashEnd = endsWithDash(t) || startsWithDash(t)
        guard t.count >= 2, t.count - columnTagLength(t) <= (dashEnd ? 70 : 45), let first = t.first else { return false }
        if Scalars.cannotStartParagraph(first) || Scalars.endsClosed(t) { return false }
        if t.contains("。") || t.contains(where: Scalars.isSemicolon) { return false }
        // Headlines balance their quotes and brackets and never stop on a comma.
        if Scalars.isClauseMark(t[t.endIndex - 1]) || hasUnclosedBracket(t) { return false }
        if Credits.leadDateline(t) != nil || Credits.trailingGroup(t) != nil { return false }
        return t.lazy.filter(Scalars.isClauseMark).count <= (dashEnd ? 6 : 3)
    }

    /// The length of a column tag closing a headline, 开放发展勇开新局(在习近平新时代…指引下——…):
    /// it says where the piece runs, not what it says, so it does not count against the shape.
    static func columnTagLength(_ t: ArraySlice<Unicode.Scalar>) -> Int {
        guard let open = Scalars.closingGroupStart(t), open > t.startIndex, t.endIndex - open <= 60 else { return 0 }
        return t.endIndex - open
    }

    /// X——: a kicker introducing what follows.
    static func endsWithDash(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        t.count >= 2 && Scalars.isDash(t[t.endIndex - 1]) && Scalars.isDash(t[t.endIndex - 2])
    }

    /// ——X: a subheadline, never a headline or kicker.
    static func startsWithDash(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        t.count >= 3 && Scalars.isDash(t[t.startIndex]) && Scalars.isDash(t[t.startIndex + 1])
    }

    static func hasUnclosedBracket(_ t: ArraySlice<Unicode.Scalar>) -> Bool { Brackets(t).unclosed }

    /// How a text's quotes, brackets and book-title marks balance, in one pass: whether one is
    /// left open at its end, and whether one closes before any has opened.
    struct Brackets {
        private(set) var unclosed = false
        private(set) var unopened = false

        init(_ t: ArraySlice<Unicode.Scalar>) {
            var quote = 0, paren = 0, book = 0
            for s in t {
                // Chinese characters, most of any text, are none of the marks.
                if s.value >= 0x3400 && s.value < 0xFF00 { continue }
                switch s {
                case "“": quote += 1
                case "”": if quote == 0 { unopened = true } else { quote -= 1 }
                case "(", "（": paren += 1
                case ")", "）": if paren == 0 { unopened = true } else { paren -= 1 }
                case "《": book += 1
                case "》": if book == 0 { unopened = true } else { book -= 1 }
                default: break
                }
            }
            unclosed = quote > 0 || paren > 0 || book > 0
        }
    }
}
