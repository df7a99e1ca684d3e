/// Bare 省总工会 and 市总: which place the piece is about, and when it cannot tell.
extension UnionRecognizer {
    func bareLevel(end: Int, unionEnd: Int) -> (at: Int, level: String, surface: String)? {
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

    /// Places the piece speaks of, and where: official names anywhere, short names of provinces
    /// and prefectures. Scanned once per piece, and only when a union needs the context.
    var mentioned: [(at: Int, places: [Int])] {
        if let m = context.mentioned { return m }
        let m = Self.mentions(in: s, 0..<s.count, g: g)
        context.mentioned = m
        return m
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
    func resolve(level: String, at: Int, found: [Found]) -> Int? {
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
        let headline = lift(mentioned.filter { $0.at < headlineEnd }.flatMap(\.places))
        if headline.count == 1 { return headline.first }
        let all = lift(mentioned.flatMap(\.places))
        return all.count == 1 ? all.first : nil
    }
}
