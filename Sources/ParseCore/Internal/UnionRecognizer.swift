/// Finds the trade-union organisations a piece names: federations of every level (总工会 and
/// its abbreviation 总), industry unions, and unions of named enterprises. A bare 市总工会 is
/// given the place the piece is about, and only when the piece leaves no doubt which.
struct UnionRecognizer {
    private let g = Gazetteer.shared
    private let s: [Unicode.Scalar]
    /// Where the headline block ends in `s`, and the dateline's places.
    private let headlineEnd: Int
    private let datelinePlaces: [Int]

    /// One organisation found: its canonical name, the form printed, where, and its place;
    /// for a place the gazetteer does not hold (襄樊市, renamed 襄阳市), its name and the place
    /// printed above it.
    struct Found {
        let name: String
        let surface: String
        let at: Int
        let place: Int?
        var unlisted: String? = nil
        var above: Int? = nil
    }

    init(headline: [String], body: [String], dateline: String?) {
        var s: [Unicode.Scalar] = []
        s.reserveCapacity((headline + body).reduce(0) { $0 + $1.utf8.count / 2 })
        for t in headline { Scalars.append(t, to: &s); s.append("\n") }
        headlineEnd = s.count
        for t in body { Scalars.append(t, to: &s); s.append("\n") }
        self.s = s
        let d = Array((dateline ?? "").unicodeScalars)
        datelinePlaces = Self.mentions(in: d, 0..<d.count, g: Gazetteer.shared).flatMap(\.places)
    }

    static let levelWords: Set<Unicode.Scalar> = ["省", "市", "县", "区", "州", "盟", "旗"]
    /// Words after 总 that make it part of another word (总体, 总书记, 总人口), not 总工会 shortened.
    static let notAbbreviation: Set<Unicode.Scalar> = ["体", "量", "数", "额", "书", "人", "部", "计", "值", "经", "队", "医", "站",
                                                      "规", "理", "结", "统", "共", "面", "投", "产", "收", "和", "之", "是",
                                                      "能", "局", "公", "厂", "院", "台", "裁", "监", "指", "编", "导", "务", "价",
                                                      "成", "长", "动", "督", "揽", "分", "占", "比", "线", "冠", "决", "目", "则",
                                                      "纲", "署", "社", "司", "行", "汇", "会", "工", "的", "支", "师", "干",
                                                      "路", "馆", "厅", "科", "处"]
    /// Words a bare 市总工会 may follow; after anything else (县区总工会, 建强县总工会) it is generic.
    static let beforeBare: Set<Unicode.Scalar> = ["在", "由", "和", "与", "及", "据", "向", "从", "经", "对", "将", "为", "是", "了",
                                                 "的", "该", "本", "同", "到", "请", "让", "被", "把", "给", "受", "获", "至", "后", "称"]
    /// Letters that make 县区, 全市, 自治区 or 随后市 a kind of place or a clause, not a name.
    static let notPlaceName: Set<Unicode.Scalar> = ["省", "市", "县", "区", "州", "旗", "盟", "乡", "镇", "各", "全", "本", "该",
                                                   "两", "多", "上", "下", "级", "地", "基", "城", "自", "治", "后", "随",
                                                   "此", "并", "也", "还", "又", "再", "前", "中", "内", "外", "其", "这",
                                                   "那", "每", "由", "在", "和", "与", "及", "向", "对", "从", "让", "为",
                                                   "把", "将", "被", "是", "了", "的", "等", "给", "到", "据", "经", "同"]
    static let zones = ["高新技术产业开发区", "经济技术开发区", "高新区", "经开区", "开发区", "保税区", "新区"]
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

    static func isLetter(_ c: Unicode.Scalar) -> Bool { Scalars.isWordLetter(c) }

    /// Bare 公司工会 seen: where, the word before 工会, and the form printed.
    private var companyUnions: [(at: Int, kind: String, surface: String)] = []

    mutating func recognize() -> [Found] {
        var found: [Found] = []
        var bare: [(at: Int, level: String, surface: String)] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "总" && at(i + 1, "工") && at(i + 2, "会") {
                let n = federation(end: i, unionEnd: i + 3, into: &found)
                if n == nil, let b = bareLevel(end: i, unionEnd: i + 3) { bare.append(b) }
                i += 3
            } else if c == "总", i > 0, Self.levelWords.contains(s[i - 1]), i + 1 < s.count, !Self.notAbbreviation.contains(s[i + 1]) {
                if federation(end: i, unionEnd: i + 1, into: &found) == nil, let b = bareLevel(end: i, unionEnd: i + 1) { bare.append(b) }
                i += 1
            } else if c == "工" && at(i + 1, "会") && (i == 0 || s[i - 1] != "总") {
                let federated = at(i + 2, "联") && at(i + 3, "合") && at(i + 4, "会")
                named(end: i, unionEnd: federated ? i + 5 : i + 2, into: &found)
                i += 2
            } else {
                i += 1
            }
        }
        for b in bare {
            if let p = resolve(level: b.level, at: b.at, found: found) {
                found.append(Found(name: g.places[p].name + "总工会", surface: b.surface, at: b.at, place: p))
            }
        }
        if !companyUnions.isEmpty {
            let names = companies()
            for c in companyUnions {
                if let company = resolveCompany(c.kind, at: c.at, among: names) {
                    found.append(Found(name: company + "工会", surface: c.surface, at: c.at, place: nil))
                }
            }
        }
        return found
    }

    @inline(__always) private func at(_ i: Int, _ c: Unicode.Scalar) -> Bool { i < s.count && s[i] == c }

    private func text(_ r: Range<Int>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s[r])
        return String(v)
    }

    // MARK: federations (总工会)

    /// A federation whose place is printed before `end`; nil when none is.
    private func federation(end: Int, unionEnd: Int, into found: inout [Found]) -> Int? {
        if end >= 2 && s[end - 2] == "全" && s[end - 1] == "国" {
            let start = end >= 4 && s[end - 4] == "中" && s[end - 3] == "华" ? end - 4 : end - 2
            found.append(Found(name: "中华全国总工会", surface: text(start..<unionEnd), at: start, place: nil))
            return start
        }
        if let z = zone(end: end) {
            found.append(Found(name: z.name, surface: text(z.start..<unionEnd), at: z.start, place: z.place))
            return z.start
        }
        if let chain = placeChain(end: end) {
            let own = chain.own
            found.append(Found(name: g.places[own].name + "总工会", surface: text(chain.start..<unionEnd), at: chain.start, place: own))
            enumeration(before: chain.start, unionWord: text(end..<unionEnd), into: &found)
            return chain.start
        }
        if let u = unlistedPlace(end: end) {
            found.append(Found(name: u.name + "总工会", surface: text(u.start..<unionEnd), at: u.start, place: nil,
                               unlisted: u.name, above: u.above))
            return u.start
        }
        if let start = listBeforeLevels(end: end) {
            // 六盘水市、黔西南州、安顺市等市州总工会: each place listed is a federation.
            enumeration(before: start, unionWord: text(end..<unionEnd), into: &found, first: true)
            return start
        }
        return nil
    }

    /// Places printed before `end`, the nearest being the union's own: 甘肃省平凉市灵台县.
    private func placeChain(end: Int) -> (own: Int, start: Int)? {
        guard let last = g.form(endingAt: end, in: s) else { return nil }
        var start = last.start
        var above: [[Int]] = []
        while let f = g.form(endingAt: start, in: s) {
            above.append(f.places)
            start = f.start
        }
        // The own form must end in a level word (安庆市, 黔西南州), or be a province (江苏总工会).
        let candidates = last.places.filter { p in
            let name = g.places[p]
            return Self.levelWords.contains(s[end - 1]) || name.level == .province || name.name == text(last.start..<end)
        }
        guard !candidates.isEmpty else { return nil }
        let placed = candidates.filter { p in above.allSatisfy { ps in ps.contains { g.isWithin(p, $0) } } }
        let pool = placed.isEmpty ? candidates : placed
        let own = pool.count == 1 ? pool[0] : pool.first { p in contextPlaces.contains { g.isWithin(p, $0) || g.isWithin($0, p) } } ?? pool[0]
        return (own, start)
    }

    /// A place the gazetteer does not hold, read as two letters and a level word when what
    /// stands before them bounds it: the start of a clause, a word such as 在 or 由, or a place
    /// the gazetteer knows (湖北省襄樊市). Anything less certain is left alone.
    private func unlistedPlace(end: Int) -> (name: String, start: Int, above: Int?)? {
        let start = end - 3
        guard start >= 0, Self.levelWords.contains(s[end - 1]),
              Scalars.isCJK(s[start]), Scalars.isCJK(s[start + 1]),
              !Self.notPlaceName.contains(s[start]), !Self.notPlaceName.contains(s[start + 1]) else { return nil }
        if start == 0 || !Self.isLetter(s[start - 1]) { return (text(start..<end), start, nil) }
        if let higher = g.form(endingAt: start, in: s) {
            let p = higher.places.first { g.places[$0].level != .county } ?? higher.places[0]
            return (text(start..<end), higher.start, p)
        }
        let word = Self.before.contains { w in
            let ws = Array(w.unicodeScalars)
            return start >= ws.count && s[(start - ws.count)..<start].elementsEqual(ws)
        }
        return word ? (text(start..<end), start, nil) : nil
    }

    /// 济南高新区: a development zone under a city, named with the city's short name.
    private func zone(end: Int) -> (name: String, start: Int, place: Int)? {
        for z in Self.zones {
            let zs = Array(z.unicodeScalars)
            guard end - zs.count >= 2, s[(end - zs.count)..<end].elementsEqual(zs) else { continue }
            guard let city = g.form(endingAt: end - zs.count, in: s) else { return nil }
            let p = city.places.first { g.places[$0].level != .county } ?? city.places[0]
            // A gazetteer district such as 浦东新区 is a place, not a zone.
            if g.form(endingAt: end, in: s).map({ $0.start <= city.start }) == true { return nil }
            let short = g.places[p].short ?? g.places[p].name
            return (short + z + "总工会", city.start, p)
        }
        return nil
    }

    /// Places listed before `start` with 、 (和, 及) between them: 厦门市、泉州市总工会.
    private func enumeration(before start: Int, unionWord: String, into found: inout [Found], first: Bool = false) {
        var at = start
        var needSeparator = !first
        while at > 0 {
            if needSeparator {
                guard s[at - 1] == "、" || s[at - 1] == "和" || s[at - 1] == "及" else { return }
                at -= 1
            }
            needSeparator = true
            guard let f = g.form(endingAt: at, in: s), Self.levelWords.contains(s[at - 1]) else { return }
            let p = f.places.count == 1 ? f.places[0] : (f.places.first { g.places[$0].level != .county } ?? f.places[0])
            found.append(Found(name: g.places[p].name + "总工会", surface: text(f.start..<at) + unionWord, at: f.start, place: p))
            at = f.start
        }
    }

    /// Where 等 stands in 安顺市等市州总工会, the list of places before it.
    private func listBeforeLevels(end: Int) -> Int? {
        var i = end
        while i > 0 && (Self.levelWords.contains(s[i - 1]) || s[i - 1] == "、") { i -= 1 }
        guard i < end, i > 0, s[i - 1] == "等" else { return nil }
        return i - 1 > 0 && g.form(endingAt: i - 1, in: s) != nil ? i - 1 : nil
    }

    // MARK: bare levels (省总工会, 市总)

    private func bareLevel(end: Int, unionEnd: Int) -> (at: Int, level: String, surface: String)? {
        var start = end - 1
        guard start >= 0, Self.levelWords.contains(s[start]) else { return nil }
        var level = String(s[start])
        if level == "区" && start >= 2 && s[start - 2] == "自" && s[start - 1] == "治" { start -= 2; level = "自治区" }
        if level == "州" && start >= 2 && s[start - 2] == "自" && s[start - 1] == "治" { start -= 2; level = "自治州" }
        if start > 0 {
            let p = s[start - 1]
            guard !Self.isLetter(p) || Self.beforeBare.contains(p) else { return nil }
            // 各级, 两级 and 各县(市、区) are many unions, not one.
            if p == "各" || p == ")" || p == "）" { return nil }
        }
        let surfaceStart = start > 0 && s[start - 1] == "该" ? start - 1 : start
        return (start, level, text(surfaceStart..<unionEnd))
    }

    /// Places the piece speaks of: official names anywhere, short names of provinces and prefectures.
    private var contextPlaces: [Int] {
        Self.mentions(in: s, 0..<s.count, g: g).flatMap(\.places)
    }

    static func mentions(in s: [Unicode.Scalar], _ r: Range<Int>, g: Gazetteer) -> [(at: Int, places: [Int])] {
        var out: [(Int, [Int])] = []
        var i = r.lowerBound
        while i < r.upperBound {
            if let f = g.form(at: i, in: s) {
                let printed = f.places.filter { p in
                    let place = g.places[p]
                    return place.level != .county || place.name.unicodeScalars.count == f.length
                }
                if !printed.isEmpty { out.append((i, printed)) }
                i += f.length
            } else {
                i += 1
            }
        }
        return out
    }

    /// The place of a bare 市总工会: the nearest federation of that level named in the piece,
    /// else the dateline's place, else the headline's, else the one place of that level the
    /// piece mentions. Nil when none of these is single.
    private func resolve(level: String, at: Int, found: [Found]) -> Int? {
        func fits(_ p: Int) -> Bool {
            let place = g.places[p]
            switch level {
            case "省": return place.level == .province && place.suffix == "省"
            case "自治区": return place.level == .province && place.suffix == "自治区"
            case "市": return place.suffix == "市"
            case "州": return place.suffix == "州" || place.suffix == "自治州"
            default: return place.suffix == level
            }
        }
        /// The places of that level at or above `ps`.
        func lift(_ ps: [Int]) -> Set<Int> { Set(ps.flatMap { g.chain($0) }.filter(fits)) }
        let qualified = found.filter { $0.place != nil && fits($0.place!) }
        if let nearest = qualified.filter({ $0.at < at }).max(by: { $0.at < $1.at }) ?? qualified.min(by: { $0.at < $1.at }) {
            return nearest.place
        }
        let fromUnions = lift(found.compactMap(\.place))
        if fromUnions.count == 1 { return fromUnions.first }
        let dateline = lift(datelinePlaces)
        if dateline.count == 1 { return dateline.first }
        let mentioned = Self.mentions(in: s, 0..<s.count, g: g)
        let headline = lift(mentioned.filter { $0.at < headlineEnd }.flatMap(\.places))
        if headline.count == 1 { return headline.first }
        let all = lift(mentioned.flatMap(\.places))
        return all.count == 1 ? all.first : nil
    }

    // MARK: industry and enterprise unions (工会)

    private mutating func named(end: Int, unionEnd: Int, into found: inout [Found]) {
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
    private func letterRun(end: Int) -> Int {
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
    private func nameStart(from start: Int, end: Int) -> Int {
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
    private func companies() -> [(at: Int, name: String)] {
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
    private func resolveCompany(_ kind: String, at: Int, among names: [(at: Int, name: String)]) -> String? {
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

    private func startsWithPlace(_ i: Int) -> Bool { g.form(at: i, in: s) != nil }

    /// Whether a number and a counter follow: 工会联合会20家.
    private func isCounted(after i: Int) -> Bool {
        var j = i
        while j < s.count && (s[j].properties.numericType != nil) { j += 1 }
        return j > i && j < s.count && (s[j] == "家" || s[j] == "个")
    }

    /// Whether `k..<k+n` lies inside a place name printed there (和田, 同江 hold 和 and 同).
    private func insidePlace(_ k: Int, _ n: Int) -> Bool {
        var i = max(0, k - 6)
        while i <= k {
            if let f = g.form(at: i, in: s), i + f.length >= k + n, i + f.length > k { return true }
            i += 1
        }
        return false
    }
}
