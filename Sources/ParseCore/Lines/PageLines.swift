/// What a printed line is, judged from the line alone.
enum LineKind: Equatable {
    case marked(level: Int)
    case bold
    case readingTip
    case jumpFrom(Int)
    case jumpTo(Int)
    case advert
    case byline(Credit)
    case photoCredit(Credit)
    case text
}

/// One non-blank line of a dump, with its markup removed and the blank lines above it counted,
/// and the facts about it that every stage asks, found once here.
struct Line {
    let number: Int
    let gap: Int
    let scalars: [Unicode.Scalar]
    let kind: LineKind
    /// The dateline the line opens with (本报北京2月1日电 (记者…)), and where it ends.
    let lead: (credit: Credit, end: Int)?
    /// The credit group the line closes with ((记者 王珂) or (作者为…)).
    let trailingCredit: Credit?
    /// Whether it opens with an agency's dateline relayed (据新华社北京2月1日电): a piece taken
    /// from the wire, whose dateline the paper prints as text, not as its own.
    let relayed: Bool
    /// Whether it ends the piece it belongs to: a photo credit, a jump marker, an advertisement,
    /// or text that closes on a signature, a trailing dateline, a credit or a picture's source.
    let closes: Bool

    var text: String { Scalars.string(scalars) }
    var slice: ArraySlice<Unicode.Scalar> { scalars[...] }
}

enum PageLines {
    static func split(_ text: String) -> [Line] {
        var lines: [Line] = []
        var current: [Unicode.Scalar] = []
        var number = 0, gap = 0
        var lastWasCR = false
        func flush() {
            number += 1
            let t = Scalars.trimmed(current)
            current.removeAll(keepingCapacity: true)
            if t.isEmpty { gap += 1; return }
            lines.append(classify(Array(t), number: number, gap: gap))
            gap = 0
        }
        for s in text.unicodeScalars {
            if s == "\n" {
                if lastWasCR { lastWasCR = false; continue }
                flush()
            } else if s == "\r" {
                flush()
                lastWasCR = true
                continue
            } else {
                current.append(s)
            }
            lastWasCR = false
        }
        if !current.isEmpty { flush() }
        return lines
    }

    static func classify(_ raw: [Unicode.Scalar], number: Int, gap: Int) -> Line {
        var t = raw[...]
        var level = 0
        while t.first == "#" { level += 1; t = t.dropFirst() }
        if level > 0 { t = Scalars.trimmed(Array(t)) }
        var bold = false
        if t.count > 4, t.starts(with: ["*", "*"]), t.hasSuffix(["*", "*"]) {
            t = Scalars.trimmed(Array(t.dropFirst(2).dropLast(2)))
            bold = true
        }
        let scalars = Array(t)
        let lead = Credits.leadDateline(scalars[...]).map { (credit: $0.0, end: $0.1) }
        let trailing = Credits.trailingGroup(scalars[...])
        let relayed = lead == nil && scalars.first == "据" && Credits.leadDateline(scalars.dropFirst()) != nil
        func line(_ kind: LineKind) -> Line {
            let closes: Bool
            switch kind {
            case .photoCredit, .jumpTo, .advert: closes = true
            case .text: closes = trailing != nil || Credits.inlineCredit(scalars[...]) != nil
                || Credits.layoutCredit(scalars[...]) || Credits.isPictureSource(scalars[...])
            default: closes = false
            }
            return Line(number: number, gap: gap, scalars: scalars, kind: kind, lead: lead, trailingCredit: trailing,
                        relayed: relayed, closes: closes)
        }
        if let jump = jumpMarker(t) { return line(jump) }
        if t.count <= 6 {
            let bare = t.filter { !Scalars.isColon($0) }
            if bare.elementsEqual("阅读提示".unicodeScalars) { return line(.readingTip) }
            // Marked as a headline, 广告 heads an advertisement as a piece of its own.
            if level == 0, bare.elementsEqual("广告".unicodeScalars) { return line(.advert) }
        }
        if t.count <= 40, let c = Credits.photoCredit(t) { return line(.photoCredit(c)) }
        if let c = Credits.bylineLine(t) { return line(.byline(c)) }
        if level > 0 { return line(.marked(level: level)) }
        if bold { return line(.bold) }
        return line(.text)
    }

    /// A whole line (上接第1版) or (下转第2版).
    static func jumpMarker(_ t: ArraySlice<Unicode.Scalar>) -> LineKind? {
        guard let first = t.first, let last = t.last, Scalars.isLeftParen(first), Scalars.isRightParen(last) else { return nil }
        return jump(in: t.dropFirst().dropLast())
    }

    /// 上接第N版 / 下转第N版 without the brackets.
    static func jump(in inner: ArraySlice<Unicode.Scalar>) -> LineKind? {
        let s = Scalars.trimmed(Array(inner))
        guard s.count >= 5, s[s.startIndex + 2] == "第", s.last == "版" else { return nil }
        let head = Scalars.string(s.prefix(2))
        guard let n = Scalars.number(s[(s.startIndex + 3)..<(s.endIndex - 1)]) else { return nil }
        switch head {
        case "上接": return .jumpFrom(n)
        case "下转": return .jumpTo(n)
        default: return nil
        }
    }
}

extension ArraySlice where Element == Unicode.Scalar {
    func hasSuffix(_ s: [Unicode.Scalar]) -> Bool {
        count >= s.count && self.suffix(s.count).elementsEqual(s)
    }
}
