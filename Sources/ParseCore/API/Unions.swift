import Foundation

/// Trade-union organisations: recognising them in a piece, and what a search by union or by
/// place should match. Places come from the GB/T 2260 gazetteer built into the library.
public enum Unions {
    /// The organisations a piece names, in order of first mention, with canonical names.
    public static func recognize(in a: Article) -> [UnionMention] {
        let headline = [a.kicker, a.headline, a.subheadline].compactMap { $0 }
        let body = [a.summary].compactMap { $0 } + a.paragraphs
        var r = UnionRecognizer(headline: headline, body: body, dateline: a.dateline)
        return group(r.recognize())
    }

    /// The index keys a union is found under: its name, each printed form, each place it is in.
    public static func keys(of u: UnionMention) -> [String] {
        var out = ["n:" + u.name]
        out += u.mentions.map { "m:" + $0 }
        out += u.places.map { "p:" + $0 }
        return Array(Set(out)).sorted()
    }

    /// The keys a query by union matches: the name or a printed form as given, the canonical
    /// name of what it names (安庆市总 → 安庆市总工会), and a place it names (厦门, 福建省).
    public static func queryKeys(_ q: String) -> [String] {
        let text = q.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return [] }
        var out: Set<String> = ["n:" + text, "m:" + text]
        var r = UnionRecognizer(headline: [], body: [text], dateline: nil)
        for f in r.recognize() { out.insert("n:" + f.name) }
        let g = Gazetteer.shared
        for p in g.places(named: text) { out.insert("p:" + g.places[p].name) }
        return out.sorted()
    }

    /// The official name of the province a place name (安徽, 安徽省, 安庆) lies in, when single.
    public static func province(of place: String) -> String? {
        let g = Gazetteer.shared
        let provinces = Set(g.places(named: place).compactMap { g.chain($0).first }.map { g.places[$0].name })
        return provinces.count == 1 ? provinces.first : nil
    }

    /// One mention per organisation; an enterprise printed with and without a place inside its
    /// name (国网辽宁大连供电公司, 国网大连供电公司) is one organisation, under the fuller name.
    static func group(_ found: [UnionRecognizer.Found]) -> [UnionMention] {
        let g = Gazetteer.shared
        var names: [String] = []
        for f in found.sorted(by: { $0.at < $1.at }) where !names.contains(f.name) { names.append(f.name) }
        var canonical: [String: String] = [:]
        for n in names {
            canonical[n] = names.first { full in full != n && UnionRecognizer.shortened(full, to: n, g: g) } ?? n
        }
        var out: [UnionMention] = []
        for f in found.sorted(by: { $0.at < $1.at }) {
            let name = canonical[f.name] ?? f.name
            if let i = out.firstIndex(where: { $0.name == name }) {
                if !out[i].mentions.contains(f.surface) { out[i].mentions.append(f.surface) }
                out[i].occurrences += 1
            } else {
                var places = (f.place ?? f.above).map { g.chain($0).map { g.places[$0].name } } ?? []
                if let u = f.unlisted { places.append(u) }
                out.append(UnionMention(name: name, mentions: [f.surface], occurrences: 1, places: places))
            }
        }
        return out
    }
}
