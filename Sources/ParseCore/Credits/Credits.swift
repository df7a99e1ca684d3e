/// Names and datelines credited on a piece, gathered from wherever the page prints them.
struct Credit: Equatable {
    var reporters: [String] = []
    var correspondents: [String] = []
    var photographers: [String] = []
    var authors: [String] = []
    var agency: String?
    var dateline: String?

    var hasNames: Bool { !(reporters.isEmpty && correspondents.isEmpty && photographers.isEmpty && authors.isEmpty) }

    mutating func merge(_ o: Credit) {
        reporters += o.reporters.filter { !reporters.contains($0) }
        correspondents += o.correspondents.filter { !correspondents.contains($0) }
        photographers += o.photographers.filter { !photographers.contains($0) }
        authors += o.authors.filter { !authors.contains($0) }
        agency = agency ?? o.agency
        dateline = dateline ?? o.dateline
    }
}

/// Recognisers for every credit form printed in the dumps.
enum Credits {
    private enum Role { case reporter, correspondent }

    /// Longest first, so that 本报记者 wins over 记者.
    private static let roleWords: [(String, Role, String?)] = [
        ("本报特约记者", .reporter, nil), ("本报见习记者", .reporter, nil), ("本报实习记者", .reporter, nil),
        ("本报特约通讯员", .correspondent, nil), ("本报记者", .reporter, nil), ("本报通讯员", .correspondent, nil),
        ("本报实习生", .correspondent, nil), ("新华社记者", .reporter, "新华社"), ("中新社记者", .reporter, "中新社"),
        ("特约记者", .reporter, nil), ("见习记者", .reporter, nil), ("实习记者", .reporter, nil),
        ("特约通讯员", .correspondent, nil), ("通讯员", .correspondent, nil), ("实习生", .correspondent, nil),
        ("记者", .reporter, nil),
    ]
    private static let roles: [([Unicode.Scalar], Role, String?)] = roleWords.map { (Array($0.0.unicodeScalars), $0.1, $0.2) }

    private static let agencies = ["新华社", "中新社", "人民日报", "中国新闻社", "央视新闻", "工人日报"]

    /// A personal name: two to four Chinese characters, or a transliterated name joined by a middle dot.
    static func isName(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        let dots = t.filter { $0 == "·" || $0 == "•" || $0 == "・" }.count
        guard t.allSatisfy({ Scalars.isCJK($0) || $0 == "·" || $0 == "•" || $0 == "・" }) else { return false }
        if dots > 0 { return t.count <= 16 && t.first.map(Scalars.isCJK) == true && t.last.map(Scalars.isCJK) == true }
        return (2...4).contains(t.count)
    }

    private static func tokens(_ s: ArraySlice<Unicode.Scalar>) -> [ArraySlice<Unicode.Scalar>] {
        s.split(whereSeparator: { Scalars.isSpace($0) || $0 == "、" })
    }

    private static func role(at t: ArraySlice<Unicode.Scalar>) -> (Role, Int, String?)? {
        for (word, role, agency) in roles where t.starts(with: word) { return (role, word.count, agency) }
        return nil
    }

    /// "本报记者 A B 本报通讯员 C" or "记者A 通讯员B C": a role must come first.
    static func roleCredit(_ s: ArraySlice<Unicode.Scalar>) -> Credit? {
        var credit = Credit()
        var current: Role?
        var any = false
        for tok in tokens(s) {
            var name = tok
            if let (r, n, agency) = role(at: tok) {
                current = r
                credit.agency = credit.agency ?? agency
                name = tok.dropFirst(n)
                if name.isEmpty { continue }
            }
            guard let r = current, isName(name) else { return nil }
            let str = Scalars.string(name)
            switch r {
            case .reporter: credit.reporters.append(str)
            case .correspondent: credit.correspondents.append(str)
            }
            any = true
        }
        return any ? credit : nil
    }

    /// A bare list of names, as in a trailing signature (李唯睿).
    static func nameList(_ s: ArraySlice<Unicode.Scalar>) -> [String]? {
        let toks = tokens(s)
        guard !toks.isEmpty, toks.count <= 4, toks.allSatisfy(isName) else { return nil }
        return toks.map(Scalars.string)
    }

    /// "本报记者 杨登峰 摄", "程学虎 摄/中新社", "新华社记者 X 摄": every name is a photographer.
    /// A column tag may follow (张建成摄(影像中国)), and a picture story reads 摄影报道.
    static func photoCredit(_ s: ArraySlice<Unicode.Scalar>) -> Credit? {
        var body = s
        var agency: String?
        if let open = Scalars.closingGroupStart(body), open > body.startIndex, body[open - 1] == "摄" {
            body = body[..<open]
        }
        for suffix in ["摄影报道", "摄影"] where body.hasSuffix(Array(suffix.unicodeScalars)) {
            body = body.dropLast(suffix.unicodeScalars.count - 1)
            break
        }
        if let slash = body.lastIndex(where: { $0 == "/" || $0 == "／" }) {
            let tail = body[(slash + 1)...].filter { !Scalars.isSpace($0) }
            guard !tail.isEmpty, tail.count <= 8, tail.allSatisfy(Scalars.isCJK) else { return nil }
            agency = Scalars.string(tail)
            body = body[..<slash]
        }
        while let last = body.last, Scalars.isSpace(last) { body = body.dropLast() }
        guard body.last == "摄" else { return nil }
        body = body.dropLast()
        var credit: Credit
        if let c = roleCredit(body) {
            credit = Credit(photographers: c.reporters + c.correspondents, agency: c.agency)
        } else if let names = nameList(body) {
            credit = Credit(photographers: names)
        } else {
            return nil
        }
        credit.agency = agency ?? credit.agency
        return credit
    }

    /// The dateline that leads a paragraph, as in 本报讯(记者陈华) or 本报西安9月11日电(记者…).
    /// Returns the credit and where the prefix ends.
    static func leadDateline(_ p: ArraySlice<Unicode.Scalar>) -> (Credit, Int)? {
        guard let (dateline, end) = datelinePrefix(p) else { return nil }
        var credit = Credit(dateline: Scalars.string(p[p.startIndex..<end]))
        if let agency = agencies.first(where: { dateline.hasPrefix($0) }), agency != "工人日报" { credit.agency = agency }
        var i = end
        while i < p.endIndex, Scalars.isSpace(p[i]) { i += 1 }
        if i < p.endIndex, Scalars.isLeftParen(p[i]),
           let close = p[i...].firstIndex(where: Scalars.isRightParen), close - i < 60 {
            if let names = roleCredit(p[(i + 1)..<close]) {
                credit.reporters = names.reporters
                credit.correspondents = names.correspondents
                credit.agency = credit.agency ?? names.agency
            }
            return (credit, close + 1)
        }
        return (credit, end)
    }

    /// 本报讯, 本报西安9月11日电, 新华社北京9月1日电 at the start of a text.
    private static func datelinePrefix(_ p: ArraySlice<Unicode.Scalar>) -> (String, Int)? {
        let s = p.startIndex
        if p.starts(with: "本报讯".unicodeScalars) { return ("本报讯", s + 3) }
        let starts = ["本报"] + agencies
        guard let head = starts.first(where: { p.starts(with: $0.unicodeScalars) }) else { return nil }
        var i = s + head.unicodeScalars.count
        let limit = min(p.endIndex, i + 16)
        var sawDigitOrDay = false
        while i < limit {
            let c = p[i]
            if c == "电" {
                // 新华社电 and 本报电 name no place or day.
                guard sawDigitOrDay || i == s + head.unicodeScalars.count else { return nil }
                return (Scalars.string(p[s...i]), i + 1)
            }
            if Scalars.isDigit(c) || c == "月" || c == "日" { sawDigitOrDay = true }
            else if !Scalars.isCJK(c) { return nil }
            i += 1
        }
        return nil
    }

    /// A whole text that is a dateline, as in the trailing (本报厦门9月11日电).
    static func wholeDateline(_ p: ArraySlice<Unicode.Scalar>) -> String? {
        guard let (d, end) = datelinePrefix(p), end == p.endIndex else { return nil }
        return d
    }

    /// A credit printed in brackets at the very end of a paragraph, after its last sentence:
    /// a signature (李唯睿), a dateline (本报厦门9月11日电) or a byline (记者 A).
    /// Returns the credit; the text stays in the paragraph as printed.
    /// A line that is nothing but such a group closes its piece too, and so does one that
    /// tells who wrote it or where it came from: (作者为…), (据新华社…电 记者…), (本报记者 A、B).
    static func trailingGroup(_ p: ArraySlice<Unicode.Scalar>) -> Credit? {
        guard let open = Scalars.closingGroupStart(p) else { return nil }
        let whole = open == p.startIndex
        guard whole ? p.count <= 90 : p.endIndex - open <= 40 else { return nil }
        if !whole {
            // After a closed sentence (。 or 。”): a headline's column tag follows no full stop.
            var before = open - 1
            while before > p.startIndex, Scalars.isCloser(p[before]) { before -= 1 }
            guard Scalars.isSentenceEnd(p[before]) else { return nil }
        }
        let inner = p[(open + 1)..<(p.endIndex - 1)]
        if let d = wholeDateline(inner) { return Credit(dateline: d) }
        if let c = roleCredit(inner) { return c }
        // A bare name signs a paragraph; after a short exclamation it tags a headline: 收莲藕喽!(暖相册).
        if whole || open - p.startIndex > 20, let names = nameList(inner) { return Credit(authors: names) }
        if whole, closingWords.contains(where: { inner.starts(with: $0) }) || inner.last == "电" { return Credit() }
        return nil
    }

    /// (荷兰)西布兰德·彭浦曼: an author and where the author is from, over a contribution.
    static func isAuthorLine(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = t.first, Scalars.isLeftParen(first),
              let close = t.prefix(10).firstIndex(where: Scalars.isRightParen) else { return false }
        let rest = t[(close + 1)...]
        return !rest.isEmpty && nameList(rest) != nil
    }

    /// 采访整理:A B, 本版制图:C: who put the page together, printed under the last piece it made.
    static func layoutCredit(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let colon = t.prefix(6).firstIndex(where: Scalars.isColon) else { return false }
        let label = t[t.startIndex..<colon]
        return layoutLabels.contains { label.elementsEqual($0) }
    }

    private static let layoutLabels = ["采访整理", "本版摄影", "本版制图", "版式设计", "本版编辑", "责任编辑", "制图", "图片设计",
                                       "数据来源", "资料来源", "来源", "执笔", "整理"].map { Array($0.unicodeScalars) }

    private static let closingWords = ["作者", "据", "本报", "新华社", "记者", "本系列", "相关报道", "详见", "见第"].map { Array($0.unicodeScalars) }

    /// A credit run into the end of a caption: "…现场。本报记者 刘友婷" or "…就业。程学虎 摄/中新社".
    /// Returns the credit and the end of the caption text proper.
    static func inlineCredit(_ p: ArraySlice<Unicode.Scalar>) -> (Credit, Int, isPhoto: Bool)? {
        // The caption ends on a sentence mark and its closers; a credit's own tag (影像中国) is no closer.
        let end = Scalars.closingGroupStart(p) ?? p.endIndex
        guard let cut = p[..<end].lastIndex(where: { Scalars.isSentenceEnd($0) || Scalars.isCloser($0) }),
              cut + 1 < p.endIndex else { return nil }
        let tail = Scalars.trimmed(Array(p[(cut + 1)...]))
        guard !tail.isEmpty, tail.count <= 40 else { return nil }
        if let c = photoCredit(tail) { return (c, cut + 1, true) }
        if role(at: tail) != nil, let c = roleCredit(tail) { return (c, cut + 1, false) }
        return nil
    }

    /// A line naming only where a picture came from, under its caption: 新华社发, 资料图片.
    static func isPictureSource(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        if t.last == "发", agencies.contains(where: { t.dropLast().elementsEqual($0.unicodeScalars) }) { return true }
        return pictureSources.contains { t.elementsEqual($0.unicodeScalars) }
    }

    private static let pictureSources = ["资料图片", "人民视觉", "视觉中国"]

    /// A line that is nothing but a byline: it must start with a role word.
    static func bylineLine(_ s: ArraySlice<Unicode.Scalar>) -> Credit? {
        guard role(at: s) != nil else { return nil }
        return roleCredit(s)
    }
}
