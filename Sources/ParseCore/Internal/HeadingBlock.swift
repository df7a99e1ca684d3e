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
    static func interpret(_ lines: [TitleLine], bodyContains: (String) -> Bool) -> HeadingFields {
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
        let lastDash = titles.lastIndex { endsWithDash($0.slice) }
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
            if visibleLength(restLines[0].slice) < visibleLength(restLines[1].slice) {
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

    /// A headline broken over two lines with no blank between them is one headline when the
    /// body prints the two halves together.
    private static func mergeBroken(_ titles: [TitleLine], bodyContains: (String) -> Bool) -> [TitleLine] {
        var out: [TitleLine] = []
        for t in titles {
            if let last = out.last, t.gap == 0, t.level == 0, last.level == 0,
               !endsWithDash(last.slice), !t.scalars.isEmpty, !last.scalars.isEmpty {
                let seam = Scalars.string(last.scalars.suffix(3) + t.scalars.prefix(3))
                if bodyContains(seam) {
                    out[out.count - 1] = TitleLine(scalars: last.scalars + t.scalars, level: 0, bold: false, gap: last.gap, line: last.line)
                    continue
                }
            }
            out.append(t)
        }
        return out
    }

    static func endsWithDash(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        t.count >= 2 && Scalars.isDash(t[t.endIndex - 1]) && Scalars.isDash(t[t.endIndex - 2])
    }

    /// Length as the eye reads it: quotes and spaces take no room in a headline's weight.
    static func visibleLength(_ t: ArraySlice<Unicode.Scalar>) -> Int {
        t.filter { !Scalars.isSpace($0) && !"“”‘’\"'".unicodeScalars.contains($0) }.count
    }

    private static func joined<S: Sequence>(_ parts: S) -> String? where S.Element == String {
        let a = Array(parts)
        return a.isEmpty ? nil : a.joined(separator: " ")
    }
}
