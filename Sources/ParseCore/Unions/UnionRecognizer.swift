/// Finds the trade-union organisations a piece names: federations of every level (总工会 and
/// its abbreviation 总), industry unions, and unions of named enterprises. A bare 市总工会 is
/// given the place the piece is about, and only when the piece leaves no doubt which.
struct UnionRecognizer {
    let g = Gazetteer.shared
    let s: [Unicode.Scalar]
    /// Where the headline block ends in `s`, and the dateline's places.
    let headlineEnd: Int
    let datelinePlaces: [Int]
    /// What is worked out from the whole piece at most once.
    final class Context {
        var mentioned: [(at: Int, places: [Int])]?
    }
    let context = Context()

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
    static func isLetter(_ c: Unicode.Scalar) -> Bool { Scalars.isWordLetter(c) }

    /// Bare 公司工会 seen: where, the word before 工会, and the form printed.
    var companyUnions: [(at: Int, kind: String, surface: String)] = []

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
            } else if c == "全" && at(i + 1, "总") && isNationalShortName(at: i) {
                found.append(Found(name: "中华全国总工会", surface: "全总", at: i, place: nil))
                i += 2
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

    @inline(__always) func at(_ i: Int, _ c: Unicode.Scalar) -> Bool { i < s.count && s[i] == c }

    func text(_ r: Range<Int>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s[r])
        return String(v)
    }

    // MARK: federations (总工会)

    /// Letters that end a word in 全 (安全总监, 完全总结, 健全总工会), so the 全总 after them is
    /// not the paper's short name for 中华全国总工会.
    static let endingIn全: Set<Unicode.Scalar> = ["安", "完", "健", "齐", "周", "保", "成", "双", "万", "两", "俱", "顾",
                                                 "求", "大", "十", "瓦", "不", "苟", "全"]
    /// Letters that make 总 after 全 the start of another word (全总体, 全总数): not the short name.
    /// Kept short, as 全总 is followed by 统计, 计划, 决定, 经费 and 指导 too.
    static let notAfter全总: Set<Unicode.Scalar> = ["体", "量", "数", "额", "值", "结", "理", "监", "裁", "则", "纲", "共",
                                                   "之", "揽", "占", "比", "线", "冠", "价", "长", "导", "站", "局"]

    /// Whether the 全总 at `i` is the name 全总 (全总党组书记, 据全总统计, 全总书记处), not part of
    /// other words on either side.
    private func isNationalShortName(at i: Int) -> Bool {
        if i > 0, Self.endingIn全.contains(s[i - 1]) { return false }
        if at(i + 2, "工") && at(i + 3, "会") { return false }
        if i + 2 < s.count, Self.notAfter全总.contains(s[i + 2]) { return false }
        return true
    }

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
    func placeChain(end: Int) -> (own: Int, start: Int)? {
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
        let own = pool.count == 1 ? pool[0] : pool.first { p in mentioned.contains { $0.places.contains { g.isWithin(p, $0) || g.isWithin($0, p) } } } ?? pool[0]
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
}
