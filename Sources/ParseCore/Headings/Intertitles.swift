import Foundation

/// One to three headline-shaped lines printed between two paragraphs: the headline block of a
/// new piece, or intertitles inside the piece that goes on around them.
struct TitleGroup {
    let first: Int
    let last: Int
}

/// Weighs whether a headline-shaped group between paragraphs opens a new piece, as an editor
/// would: intertitles sit in text that keeps talking about the same people, places and things,
/// come in series and interrupt long pieces, while a new piece talks about others, announces
/// itself in its headline, is worded as headlines are and often carries a column tag or a ——
/// line. The weights are a logistic model fitted by `Resources/fit_title_groups.py` on
/// real-article pages (see its header; `archive-train title-groups` writes what it learns
/// from), rounded.
struct Intertitles {
    let lines: [Line]
    let shape: [Bool]
    let wording: TitleWording

    /// How many paragraphs on each side make the text a group is compared with.
    static let window = 6
    static let reach = 200

    /// The groups that stand between two paragraphs with nothing else to tell them apart:
    /// no wider gap above, the paragraph above does not close its piece and the one below
    /// opens with no credit.
    func candidates() -> [TitleGroup] {
        var out: [TitleGroup] = []
        var i = 0
        while i < lines.count {
            guard shape[i] else { i += 1; continue }
            var j = i
            while j + 1 < lines.count, shape[j + 1] { j += 1 }
            if i > 0, j + 1 < lines.count, j - i < 3, lines[i].gap < 2, isPlainParagraph(i - 1), isPlainParagraph(j + 1),
               !lines[i - 1].closes, lines[j + 1].lead == nil {
                out.append(TitleGroup(first: i, last: j))
            }
            i = j + 1
        }
        return out
    }

    private func isPlainParagraph(_ i: Int) -> Bool { lines[i].kind == .text && !shape[i] }

    /// Paragraph lines on one side of a group, read across other headline-shaped lines (which
    /// may be intertitles of the same piece) up to anything that only starts or ends a piece.
    private func text(from start: Int, step: Int, limit: Int) -> [Int] {
        var out: [Int] = []
        var i = start
        while i >= 0, i < lines.count, out.count < limit, lines[i].kind == .text {
            if !shape[i] {
                if step < 0 && lines[i].closes { break }
                if step > 0 && i != start && lines[i].lead != nil { break }
                out.append(i)
            }
            i += step
        }
        return out
    }

    static let featureNames = ["overlap6", "overlap2", "lines", "meanLength", "maxLength", "before", "after",
                               "fitsAfter", "fitsBefore", "columnTag", "dashSubheadline", "dashKicker",
                               "comma", "datedLead", "leadLength", "closedBefore", "wording",
                               "sinceHeading", "creditedAbove", "siblings"]

    /// The evidence on one group, in the order of `featureNames`; `lengths` from `lengthCounts`,
    /// `pairs` each line's character pairs as far as made yet.
    private func features(_ g: TitleGroup, lengths: [Int: Int], pairs: inout [WeightedPairs?]) -> [Double] {
        let before = text(from: g.first - 1, step: -1, limit: Self.window)
        let after = text(from: g.last + 1, step: 1, limit: Self.window)
        let titles = (g.first...g.last).map { lines[$0].slice }
        func of(_ i: Int) -> WeightedPairs {
            if pairs[i] == nil { pairs[i] = BigramRarity.pairs(lines[i].slice) }
            return pairs[i]!
        }
        /// The sets of the first 0, 1, 2 … lines of a side, each grown from the one before.
        func prefixes(_ side: [Int]) -> [WeightedPairs] {
            side.reduce(into: [WeightedPairs()]) { sets, i in sets.append(sets.last!.union(of(i))) }
        }
        let head = prefixes(Array(g.first...g.last)).last!
        let textBefore = prefixes(before), textAfter = prefixes(after)
        func overlap(_ k: Int) -> Double {
            log(WeightedPairs.cosine(textBefore[min(k, before.count)], textAfter[min(k, after.count)]) + 0.002)
        }
        let sizes = titles.map { Double($0.count) }
        let endsInTag = [titles.first!, titles.last!].contains { $0.last.map(Scalars.isRightParen) == true }
        let lead = after.first.map { lines[$0].slice } ?? []
        let above = above(g)
        return [
            overlap(Self.window), overlap(2), Double(titles.count),
            sizes.reduce(0, +) / Double(sizes.count), sizes.max()!,
            Double(before.count), Double(after.count),
            WeightedPairs.containment(head, in: textAfter[min(3, after.count)]),
            WeightedPairs.containment(head, in: textBefore[min(3, before.count)]),
            endsInTag ? 1 : 0,
            LineShape.startsWithDash(titles.last!) ? 1 : 0,
            LineShape.endsWithDash(titles.first!) ? 1 : 0,
            titles.contains { $0.contains(where: Scalars.isClauseMark) } ? 1 : 0,
            Self.opensWithDate(lead) ? 1 : 0,
            log(1 + Double(lead.count)),
            before.first.map { Scalars.endsClosed(lines[$0].slice) } == true ? 1 : 0,
            wording.logOdds(titles.first!),
            log(1 + Double(above.paragraphs)), above.credited ? 1 : 0,
            Double(siblings(of: g, lengths: lengths)),
        ]
    }

    /// What lies between the group and the last line that only a piece's start or end can be:
    /// how many paragraphs, and whether a byline or dateline lead opened them. Looks back at
    /// most `reach` lines, so that a page of a million short lines costs linear time.
    private func above(_ g: TitleGroup) -> (paragraphs: Int, credited: Bool) {
        var n = 0, i = g.first - 1
        let stop = max(-1, i - Self.reach)
        while i > stop, lines[i].kind == .text, !lines[i].closes {
            if !shape[i] {
                if lines[i].lead != nil { return (n + 1, true) }
                n += 1
            }
            i -= 1
        }
        if i > stop, case .byline = lines[i].kind { return (n, true) }
        return (n, false)
    }

    /// Every candidate group of the page with the evidence on it, in the order of `featureNames`:
    /// what the parser weighs, the line model reads and `fit_title_groups.py` learns from.
    func evidence() -> [(group: TitleGroup, features: [Double])] {
        let all = candidates()
        let lengths = lengthCounts(all)
        var pairs = [WeightedPairs?](repeating: nil, count: all.isEmpty ? 0 : lines.count)
        return all.map { ($0, features($0, lengths: lengths, pairs: &pairs)) }
    }

    /// How many candidates' first lines have each length: intertitles come in series of like lines.
    private func lengthCounts(_ all: [TitleGroup]) -> [Int: Int] {
        all.reduce(into: [:]) { $0[lines[$1.first].scalars.count, default: 0] += 1 }
    }

    /// Other groups on the page of about the same length.
    private func siblings(of g: TitleGroup, lengths: [Int: Int]) -> Int {
        let n = lines[g.first].scalars.count
        return (n - 1...n + 1).reduce(-1) { $0 + (lengths[$1] ?? 0) }
    }

    static let weights: [Double] = [-1, -0.728, 1.02, -0.0257, 0.0168, 0.062, -0.0395, 1.16, 1.86,
                                    1.94, 1.54, 0.352, -1.7, 0.223, 0.657, -1.89, 2.38, 0.0448, 0.624, -0.694]
    static let bias = -10.8

    /// The fitted log-odds that a group with this evidence opens a new piece.
    static func score(_ features: [Double]) -> Double {
        zip(features, weights).reduce(bias) { $0 + $1.0 * $1.1 }
    }

    /// A lead that opens on a date or on 近日/日前: the first sentence of a news piece.
    static func opensWithDate(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        for word in ["近日", "日前", "今年", "去年"] where t.starts(with: word.unicodeScalars) { return true }
        var i = t.startIndex
        while i < t.endIndex, Scalars.isDigit(t[i]) { i += 1 }
        guard i > t.startIndex, i < t.endIndex else { return false }
        return t[i] == "月" || t[i] == "年"
    }
}
