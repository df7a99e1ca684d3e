/// Pages that mark their headlines with #: there a new piece's headline is always marked, so an
/// unmarked headline-shaped line is a kicker or subheadline beside a marked one, or text.
extension TitleLines {
    /// Whether the page marks every headline with #: it marks one, and no unmarked line away
    /// from them stands where only a headline can: at the top of the page, after a wide gap or
    /// a photo credit, or over a byline or dateline lead.
    func marksItsHeadlines(shape: [Bool]) -> Bool {
        var marked = 0
        for (i, line) in lines.enumerated() {
            switch line.kind {
            case .marked: if !ColumnLabels.isLabel(line.slice) { marked += 1 }
            case .text where shape[i] && !besideMarkedHeadline(i, shape: shape):
                if i == 0 || line.gap >= 2 { return false }
                if case .photoCredit = lines[i - 1].kind { return false }
                if i + 1 < lines.count, opensPiece(lines[i + 1]) { return false }
            default: break
            }
        }
        return marked > 0
    }

    /// On a page that marks its headlines, an unmarked line belongs to a headline block only as
    /// the kicker above a marked headline or the subheadline below one: elsewhere it is an
    /// intertitle or the title of a section inside a longer piece.
    func besideMarkedHeadline(_ i: Int, shape: [Bool]) -> Bool {
        func reaches(_ step: Int) -> Bool {
            var j = i + step, seen = 0
            while j >= 0, j < lines.count, seen < 3 {
                switch lines[j].kind {
                case .marked: return true
                case .bold, .readingTip, .jumpFrom, .byline: break
                case .text where shape[j]: seen += 1
                default: return false
                }
                j += step
            }
            return false
        }
        return reaches(-1) || reaches(1)
    }
}
