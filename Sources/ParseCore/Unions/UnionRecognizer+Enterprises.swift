/// Unions named by what precedes 工会: industry unions (中国能源化学地质工会), enterprises with their
/// company (红运物流工会), federations (…工会联合会), and a bare 公司工会 given its company.
extension UnionRecognizer {
    static let industries = ["能源化学地质", "海员建设", "教科文卫体", "机械冶金建材", "国防邮电", "农林水利气象",
                             "财贸轻纺烟草", "金融", "铁路", "民航", "教育", "建设建材"]
    static let enterprises = ["股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "集团", "物流", "客栈", "银行", "医院",
                              "酒店", "超市", "商场", "煤矿", "电厂", "工厂", "厂", "矿业", "供电局"]
    /// Words that end the text before an enterprise's name: 成立红运物流工会, 组成零工客栈工会.
    static let before = ["成立", "组建", "建立", "组成", "指导", "推动", "帮助", "联合", "依托", "通过", "来自", "走进", "参观",
                         "协助", "支持", "督促", "要求", "鼓励", "引导", "配合", "邀请", "依靠", "发挥", "加入", "牵头",
                         "推进", "协调", "召开", "举办", "据悉", "记者", "获悉", "表示", "介绍", "带领", "会同", "所在",
                         "在", "由", "与", "和", "及", "向", "对", "从", "让", "为", "把", "将", "被", "是", "了",
                         "的", "等", "给", "到", "其", "该", "本", "各", "这", "那", "每"]
    /// Kinds of union federation that need a place or a proper name before them to be one body.
    static let genericKinds = ["新业态", "新就业形态", "行业", "区域", "楼宇", "园区", "产业", "市场", "社区", "村", "镇", "街道", "联合"]
    static let genericNames: Set<String> = ["公司", "分公司", "子公司", "总公司", "母公司", "集团", "企业", "物流", "银行", "医院", "工厂", "厂"]

    mutating func named(end: Int, unionEnd: Int, into found: inout [Found]) {
        let start = letterRun(end: end)
        guard start < end else { return }
        let word = text(end..<unionEnd)
        for ind in Self.industries {
            let n = Array(ind.unicodeScalars)
            guard end - n.count >= start, s[(end - n.count)..<end].elementsEqual(n) else { continue }
            let before = end - n.count
            if before >= 2 && s[before - 2] == "中" && s[before - 1] == "国" {
                found.append(Found(name: "中国" + ind + "工会", surface: text((before - 2)..<unionEnd), at: before - 2, place: nil))
            } else if let chain = placeChain(end: before) {
                found.append(Found(name: g.places[chain.own].name + ind + "工会", surface: text(chain.start..<unionEnd), at: chain.start, place: chain.own))
            }
            return
        }
        let nameStart = self.nameStart(from: start, end: end)
        guard nameStart < end else { return }
        let name = text(nameStart..<end)
        let federated = unionEnd - end == 5
        if !federated, Self.genericNames.contains(name) {
            // 公司工会 in a piece about a company is that company's union; 企业工会 is any firm's.
            if ["公司", "分公司", "集团"].contains(name) { companyUnions.append((nameStart, name, text(nameStart..<unionEnd))) }
            return
        }
        guard federated || Self.enterprises.contains(where: { name.hasSuffix($0) }) else { return }
        guard name.unicodeScalars.count >= (federated ? 2 : 3) else { return }
        // 成立新业态工会联合会20家: a kind of union, counted, is not one organisation.
        if federated && Self.genericKinds.contains(where: { name.hasSuffix($0) }) && !startsWithPlace(nameStart) { return }
        if federated && isCounted(after: unionEnd) { return }
        found.append(Found(name: name + word, surface: name + word, at: nameStart, place: nil))
    }

    /// Where the letters before `end` begin: a name runs back no further than another union
    /// (江苏省总工会杭州物流有限公司工会 names two) or 24 letters.
    func letterRun(end: Int) -> Int {
        var start = end
        while start > 0 && end - start < 24 && Self.isLetter(s[start - 1]) {
            if start >= 2 && s[start - 2] == "工" && s[start - 1] == "会" { break }
            // 湖里区总昆明机床有限公司工会: a shortened 总工会 ends a name too.
            if start >= 3 && s[start - 1] == "总" && Self.levelWords.contains(s[start - 2]) { break }
            start -= 1
        }
        return start
    }

    /// Where a name ending at `end` begins: after the nearest word that cannot be part of it.
    func nameStart(from start: Int, end: Int) -> Int {
        var nameStart = start
        for b in Self.before {
            let bs = Array(b.unicodeScalars)
            var k = end - bs.count
            while k >= nameStart {
                if s[k..<(k + bs.count)].elementsEqual(bs) && !insidePlace(k, bs.count) {
                    nameStart = k + bs.count
                    break
                }
                k -= 1
            }
        }
        return nameStart
    }

    /// Companies the piece names (盐城神瑞胶业有限公司一些职工…): where, and the name as printed.
    func companies() -> [(at: Int, name: String)] {
        var out: [(Int, String)] = []
        var i = 1
        while i < s.count {
            if (s[i - 1] == "公" && s[i] == "司") || (s[i - 1] == "集" && s[i] == "团") {
                let end = i + 1
                let from = nameStart(from: letterRun(end: end), end: end)
                let name = text(from..<end)
                if name.unicodeScalars.count >= 4 && !Self.genericNames.contains(name) { out.append((from, name)) }
            }
            i += 1
        }
        return out
    }

    /// The company a bare 公司工会 (分公司工会, 集团工会) belongs to: the nearest of that kind
    /// named before it, else the first named after it.
    func resolveCompany(_ kind: String, at: Int, among names: [(at: Int, name: String)]) -> String? {
        let fits = names.filter { c in
            kind == "公司" ? c.name.hasSuffix("公司") && !c.name.hasSuffix("分公司") : c.name.hasSuffix(kind)
        }
        return (fits.last { $0.at < at } ?? fits.first)?.name
    }

    /// Whether `short` is `full` with one place name left out of it.
    static func shortened(_ full: String, to short: String, g: Gazetteer) -> Bool {
        let f = Array(full.unicodeScalars), s = Array(short.unicodeScalars)
        guard f.count > s.count, !full.hasSuffix("总工会") else { return false }
        var p = 0
        while p < s.count && f[p] == s[p] { p += 1 }
        let cut = f.count - s.count
        guard f[(p + cut)...].elementsEqual(s[p...]) else { return false }
        return !g.places(named: String(String.UnicodeScalarView(f[p..<(p + cut)]))).isEmpty
    }

    func startsWithPlace(_ i: Int) -> Bool { g.form(at: i, in: s) != nil }

    /// Whether a number and a counter follow: 工会联合会20家.
    func isCounted(after i: Int) -> Bool {
        var j = i
        while j < s.count && (s[j].properties.numericType != nil) { j += 1 }
        return j > i && j < s.count && (s[j] == "家" || s[j] == "个")
    }

    /// Whether `k..<k+n` lies inside a place name printed there (和田, 同江 hold 和 and 同).
    func insidePlace(_ k: Int, _ n: Int) -> Bool {
        var i = max(0, k - 6)
        while i <= k {
            if let f = g.form(at: i, in: s), i + f.length >= k + n, i + f.length > k { return true }
            i += 1
        }
        return false
    }
}
