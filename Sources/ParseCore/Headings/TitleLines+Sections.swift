/// Roundups (组稿): one headline over several reports, each section under a title of its own
/// and a byline line of its own. A titled, bylined section reads like a new piece; what tells
/// them apart is the text above it. A piece that opened with a dateline lead, was continued
/// from another page, closed with a signature or ran one paragraph is done when the next title
/// comes; an opening text of two or more paragraphs under a headline (with at most a byline line,
/// which a roundup's writers may share), or an earlier section, is a roundup's.
extension TitleLines {
    /// The last line of a section title group starting at `i`, or nil when `i` opens a piece.
    func sectionTitleEnd(at i: Int, shape: [Bool], title: [Bool], sectionBylines: Set<Int>) -> Int? {
        guard i > 0, lines[i].gap < 2 else { return nil }
        var j = i
        while j + 1 < lines.count, j - i < 2, lines[j + 1].kind == .text, shape[j + 1], lines[j + 1].gap < 2 { j += 1 }
        guard j + 1 < lines.count, case .byline = lines[j + 1].kind, lines[j + 1].gap < 2 else { return nil }
        let prev = lines[i - 1]
        if case .marked = prev.kind { return isFirstSection(at: i, title: title) ? j : nil }
        guard prev.kind == .text else { return nil }
        if title[i - 1] { return isFirstSection(at: i, title: title) ? j : nil }
        guard !shape[i - 1], !prev.closes else { return nil }
        return opensWithoutLead(before: i, title: title, sectionBylines: sectionBylines) ? j : nil
    }

    /// A roundup may print its first section straight under its headline: a kicker ending in ——
    /// introduces the title below it, so a one-line headline above that kicker is another
    /// block's, the roundup's, and the kicker opens its text.
    private func isFirstSection(at i: Int, title: [Bool]) -> Bool {
        guard LineShape.endsWithDash(lines[i].slice), !LineShape.startsWithDash(lines[i - 1].slice),
              !LineShape.endsWithDash(lines[i - 1].slice), !ColumnLabels.isLabel(lines[i - 1].slice) else { return false }
        return i < 2 || (!title[i - 2] && !Self.isHeadingElement(lines[i - 2].kind))
    }

    /// Whether the text above line `i` belongs to a headline with no lead of its own and runs to
    /// two paragraphs or an earlier section.
    private func opensWithoutLead(before i: Int, title: [Bool], sectionBylines: Set<Int>) -> Bool {
        var paragraphs = 0, sections = 0
        var k = i - 1
        // A page of endless sections must not cost a walk to the top for each of them.
        while k >= max(0, i - Self.roundupLookBack) {
            let line = lines[k]
            switch line.kind {
            case .text where title[k]:
                return paragraphs >= Self.roundupOpening || sections > 0
            case .text:
                if line.lead != nil { return false }
                if line.closes { return false }
                paragraphs += 1
            case .byline:
                if sectionBylines.contains(k) { sections += 1; break }
                // Only a byline printed under the headline, not one inside the text.
                guard k > 0, title[k - 1] || Self.isHeadingElement(lines[k - 1].kind) else { return false }
            case .marked, .bold, .readingTip:
                return paragraphs >= Self.roundupOpening || sections > 0
            default:
                return false
            }
            k -= 1
        }
        return false
    }

    /// Lines looked back for a roundup's headline: longer than any roundup prints.
    static let roundupLookBack = 400

    /// Paragraphs of uncredited text under a headline before a titled, bylined section belongs to it.
    static let roundupOpening = 2
}
