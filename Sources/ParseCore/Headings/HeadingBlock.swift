/// The fields a headline block fills in.
struct HeadingFields: Equatable {
    var headline: String?
    var kicker: String?
    var subheadline: String?
    var column: String?
}

/// Reads a headline block the way an editor does: a `#` line is the headline, unmarked lines
/// above it the kicker and below it the subheadline; bold banners and the paper's labels are
/// columns. Without markup, a line ending in —— is a kicker and the shorter of two lines is the
/// headline (引题 and 副题 run longer than the 主题 they frame).
enum HeadingBlock {
    static func interpret(_ lines: [TitleLine], wording: TitleWording, bodyContains: (String) -> Bool) -> HeadingFields {
        var columns: [String] = []
        var titles: [TitleLine] = []
        var headlineMarked = false
        var afterColumn = false
        for line in lines {
            let isColumn = line.bold || ColumnLabels.isLabel(line.slice)
                || (afterColumn && headlineMarked && line.level == 0)
            if isColumn {
                columns.append(ColumnLabels.normalized(line.slice))
            } else {
                titles.append(line)
                if line.level > 0 { headlineMarked = true }
            }
            afterColumn = isColumn
        }
        titles = mergeBroken(titles, bodyContains: bodyContains)
        var f = HeadingFields()
        f.column = joined(columns)
        if let top = titles.filter({ $0.level > 0 }).map(\.level).min(),
           let h = titles.firstIndex(where: { $0.level == top }) {
            f.headline = Scalars.string(titles[h].scalars)
            f.kicker = joined(titles[..<h].map { Scalars.string($0.scalars) })
            f.subheadline = joined(titles[(h + 1)...].map { Scalars.string($0.scalars) })
            return f
        }
        let texts = titles.map { Scalars.string($0.scalars) }
        let lastDash = titles.lastIndex { LineShape.endsWithDash($0.slice) }
        let kickers = lastDash.map { Array(texts[...$0]) } ?? []
        let rest = Array(texts[(lastDash.map { $0 + 1 } ?? 0)...])
        let restLines = Array(titles[(lastDash.map { $0 + 1 } ?? 0)...])
        switch rest.count {
        case 0:
            f.kicker = joined(kickers)
        case 1:
            f.kicker = joined(kickers)
            f.headline = rest[0]
        case 2 where !kickers.isEmpty:
            f.kicker = joined(kickers)
            f.headline = rest[0]
            f.subheadline = rest[1]
        case 2:
            if opensWithHeadline(restLines[0].slice, restLines[1].slice, wording: wording) {
                f.headline = rest[0]; f.subheadline = rest[1]
            } else {
                f.kicker = rest[0]; f.headline = rest[1]
            }
        default:
            f.kicker = joined(kickers + rest[..<(rest.count - 2)])
            f.headline = rest[rest.count - 2]
            f.subheadline = rest[rest.count - 1]
        }
        return f
    }

    /// Two unmarked lines: headline and subheadline, or kicker and headline. A ——line or a
    /// bracketed date below is a subheadline; a line ending in ——, a colon or "…上强调" above is a
    /// kicker; the paper's column tag "(…)" rides on the headline; a line that reports who
    /// attended is a subheadline; a lower line that runs clearly longer is a subheadline, as
    /// subheadlines do. Otherwise the wording decides (中组部 over its news is a kicker,
    /// 栗战书主持会议 under it a subheadline), leaning to kicker and headline, the more common pair.
    static func opensWithHeadline(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>, wording: TitleWording) -> Bool {
        if LineShape.startsWithDash(b) || isBracketed(b) { return true }
        if LineShape.endsWithDash(a) || a.last.map(Scalars.isColon) == true { return false }
        let tagA = a.last.map(Scalars.isRightParen) == true, tagB = b.last.map(Scalars.isRightParen) == true
        if tagA != tagB { return tagA }
        if kickerEndings.contains(where: { a.hasSuffix($0) }) { return false }
        if subheadlineEndings.contains(where: { b.hasSuffix($0) }) { return true }
        if visibleLength(a) + 4 < visibleLength(b) { return true }
        return wordingWeight * wording.kickerOverHeadlineOdds(a, b) + kickerPrior <= 0
    }

    /// The wording's naive-Bayes odds run overconfident; scaled, and with the kicker pair's head
    /// start, they were fitted on the pairs of one month read with a table of the other.
    private static let wordingWeight = 0.15, kickerPrior = 1.25

    /// How many lines of a block are its headline block: a ——subheadline closes it, so unmarked
    /// lines printed under one open the text (a figure such as 9.73万亿, an intertitle).
    static func linesBeforeText(_ titles: [TitleLine]) -> Int {
        guard let dash = titles.indices.first(where: { $0 > 0 && titles[$0].level == 0 && LineShape.startsWithDash(titles[$0].slice) }),
              titles[(dash + 1)...].allSatisfy({ $0.level == 0 && !$0.bold && !LineShape.startsWithDash($0.slice) }) else { return titles.count }
        return dash + 1
    }

    private static let kickerEndings = ["强调", "指出", "表示", "要求", "提出", "希望", "上", "时", "中", "之际"].map { Array($0.unicodeScalars) }
    private static let subheadlineEndings = ["出席", "致辞", "讲话", "会见"].map { Array($0.unicodeScalars) }

    private static func isBracketed(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let f = t.first, let l = t.last else { return false }
        return Scalars.isLeftParen(f) && Scalars.isRightParen(l)
    }

    /// A headline broken over two lines with no blank between them is one headline when the
    /// break falls inside it: inside a bracket or quote, inside a word the body prints whole, or
    /// in a headline short enough to be one. A longer tight pair is a kicker over its headline.
    private static func mergeBroken(_ titles: [TitleLine], bodyContains: (String) -> Bool) -> [TitleLine] {
        var out: [TitleLine] = []
        for t in titles {
            if let last = out.last, t.gap == 0, t.level == 0, last.level == 0,
               !LineShape.endsWithDash(last.slice), !LineShape.startsWithDash(t.slice), !t.scalars.isEmpty, !last.scalars.isEmpty {
                let joined = last.scalars + t.scalars
                let seam = Scalars.string(last.scalars.suffix(3) + t.scalars.prefix(3))
                if LineShape.hasUnclosedBracket(last.slice) || bodyContains(seam)
                    || joined.count - LineShape.columnTagLength(joined[...]) <= maxBrokenHeadline {
                    out[out.count - 1] = TitleLine(scalars: joined, level: 0, bold: false, gap: last.gap, line: last.line)
                    continue
                }
            }
            out.append(t)
        }
        return out
    }

    /// Longest headline, column tag aside, that two tight lines are taken to be without other evidence.
    static let maxBrokenHeadline = 28

    /// Length as the eye reads it: quotes and spaces take no room in a headline's weight.
    static func visibleLength(_ t: ArraySlice<Unicode.Scalar>) -> Int {
        t.filter { !Scalars.isSpace($0) && !"“”‘’\"'".unicodeScalars.contains($0) }.count
    }

    private static func joined<S: Sequence>(_ parts: S) -> String? where S.Element == String {
        let a = Array(parts)
        return a.isEmpty ? nil : a.joined(separator: " ")
    }
}
