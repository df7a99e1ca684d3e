import Foundation

/// China's places at province, prefecture and county level, to bound place names in union names
/// and to put a county under its prefecture and province. Built once from the embedded
/// `Resources/places.txt`, which `make_places.py` writes from `pca-code.json`: GB/T 2260
/// divisions (National Bureau of Statistics, 2023 edition) as compiled by
/// github.com/modood/Administrative-divisions-of-China (WTFPL).
struct Gazetteer: Sendable {
    enum Level: Int, Sendable { case province = 0, prefecture, county }

    struct Place: Sendable {
        /// The official name, 安庆市, 黔西南布依族苗族自治州.
        let name: String
        /// Without its level word or peoples, 安庆, 黔西南; nil when that would be one letter.
        let short: String?
        let level: Level
        /// The place above, or -1 for a province.
        let parent: Int
        /// The level word the official name ends with: 省, 市, 县, 区, 州, 盟, 旗, 自治区 ….
        let suffix: String
    }

    let places: [Place]
    /// Printed forms (official, short with a level word, short alone) to the places they name.
    private let forms: [String: [Int]]
    /// Forms by their first two letters, so a scan tries only the few that can start anywhere.
    private let starts: [UInt64: [(form: [Unicode.Scalar], places: [Int])]]

    static let shared = Gazetteer(tree: PackageResources.places_txt)

    /// Peoples named in autonomous places, longest first so 布依 is cut before 依.
    private static let peoples = ["维吾尔", "哈萨克", "柯尔克孜", "塔吉克", "达斡尔", "鄂温克", "鄂伦春", "土家", "布依", "朝鲜",
                                  "哈尼", "傈僳", "拉祜", "景颇", "仫佬", "毛南", "仡佬", "纳西", "普米", "阿昌", "德昂",
                                  "撒拉", "保安", "东乡", "裕固", "锡伯", "蒙古", "各族", "独龙", "基诺", "布朗",
                                  "壮", "回", "藏", "苗", "侗", "彝", "傣", "白", "羌", "瑶", "黎", "畲", "满", "水", "佤", "怒", "土"]
    private static let suffixes = ["特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "特区", "地区", "省", "市", "县", "区", "旗", "州", "盟"]

    /// - Parameter tree: one place a line, depth-first: its depth in the tree, a tab, its name.
    init(tree: [UInt8]) {
        var places: [Place] = []
        // Per depth, the node last seen there: a place, or a group whose places go to its parent.
        var open: [(place: Int, level: Level, isGroup: Bool)] = []
        for line in tree.split(separator: UInt8(ascii: "\n")) {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")), let depth = Int(String(decoding: line[..<tab], as: UTF8.self)),
                  depth <= open.count else { continue }
            let name = String(decoding: line[(tab + 1)...], as: UTF8.self)
            open.removeLast(open.count - depth)
            let above = open.last
            let parent = above?.place ?? -1
            let level: Level = above.map { $0.isGroup ? .county : Level(rawValue: min(2, $0.level.rawValue + 1))! } ?? .province
            // 市辖区, 县 and 省直辖县级行政区划 group counties under a province: not places themselves.
            if name == "市辖区" || name == "县" || Self.contains(name.unicodeScalars, Self.directlyGoverned) {
                open.append((parent, level, true))
                continue
            }
            let (short, suffix) = Self.shorten(name)
            places.append(Place(name: name, short: short.count >= 2 ? short : nil, level: level, parent: parent, suffix: suffix))
            open.append((places.count - 1, level, false))
        }
        self.places = places

        var forms: [String: [Int]] = [:]
        for (i, p) in places.enumerated() {
            var names: Set<String> = [p.name]
            if let s = p.short {
                names.insert(s)
                // 黔西南州, 松桃县, 鄂伦春旗: the short name with the plain level word.
                if p.suffix.hasPrefix("自治") { names.insert(s + String(p.suffix.dropFirst(2))) }
                if p.suffix == "特别行政区" { names.insert(s) }
            }
            for n in names { forms[n, default: []].append(i) }
        }
        self.forms = forms
        var starts: [UInt64: [(form: [Unicode.Scalar], places: [Int])]] = [:]
        for (f, ps) in forms {
            let s = Array(f.unicodeScalars)
            starts[Self.pair(s[0], s[1]), default: []].append((s, ps))
        }
        for k in starts.keys { starts[k]!.sort { $0.form.count > $1.form.count } }
        self.starts = starts
    }

    private static let directlyGoverned = Array("直辖".unicodeScalars)
    private static let peopleScalars = peoples.map { Array($0.unicodeScalars) }
    private static let suffixScalars = suffixes.map { Array($0.unicodeScalars) }

    /// The official name without its level word and the peoples of an autonomous place. Worked on
    /// scalars: every query for a union builds the gazetteer, and String's suffix tests are slow.
    static func shorten(_ name: String) -> (short: String, suffix: String) {
        var s = Array(name.unicodeScalars)
        var suffix = ""
        for (x, xs) in zip(suffixes, suffixScalars) where s.count > xs.count && s.suffix(xs.count).elementsEqual(xs) {
            suffix = x
            s.removeLast(xs.count)
            break
        }
        if suffix.hasPrefix("自治") {
            while s.last == "族" {
                let stem = s.dropLast()
                guard let p = peopleScalars.first(where: { stem.count > $0.count && stem.suffix($0.count).elementsEqual($0) }) else { break }
                s = Array(stem.dropLast(p.count))
            }
        }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s)
        return (String(v), suffix)
    }

    private static func contains(_ s: String.UnicodeScalarView, _ part: [Unicode.Scalar]) -> Bool {
        let a = Array(s)
        guard a.count >= part.count else { return false }
        return (0...(a.count - part.count)).contains { a[$0..<($0 + part.count)].elementsEqual(part) }
    }

    @inline(__always) static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 {
        UInt64(a.value) << 21 | UInt64(b.value)
    }

    func places(named form: String) -> [Int] { forms[form] ?? [] }

    /// The longest place form starting at `i`, and the places it names.
    func form(at i: Int, in s: [Unicode.Scalar]) -> (length: Int, places: [Int])? {
        guard i + 1 < s.count, let list = starts[Self.pair(s[i], s[i + 1])] else { return nil }
        for (f, ps) in list where i + f.count <= s.count {
            var k = 2
            while k < f.count && s[i + k] == f[k] { k += 1 }
            if k == f.count { return (f.count, ps) }
        }
        return nil
    }

    /// The longest place form ending just before `end`.
    func form(endingAt end: Int, in s: [Unicode.Scalar]) -> (start: Int, places: [Int])? {
        var best: (Int, [Int])?
        for start in stride(from: end - 2, through: max(0, end - 12), by: -1) {
            if let f = form(exactly: start..<end, in: s) { best = (start, f) }
        }
        return best
    }

    private func form(exactly r: Range<Int>, in s: [Unicode.Scalar]) -> [Int]? {
        guard r.count >= 2, let list = starts[Self.pair(s[r.lowerBound], s[r.lowerBound + 1])] else { return nil }
        for (f, ps) in list where f.count == r.count && f.elementsEqual(s[r]) { return ps }
        return nil
    }

    /// The place and those above it, outermost first.
    func chain(_ p: Int) -> [Int] {
        var out: [Int] = []
        var at = p
        while at >= 0 { out.insert(at, at: 0); at = places[at].parent }
        return out
    }

    func isWithin(_ p: Int, _ ancestor: Int) -> Bool { chain(p).contains(ancestor) }
}
