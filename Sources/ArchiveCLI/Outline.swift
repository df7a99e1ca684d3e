import ParseCore

/// The readable layout of parsed pieces: one block per piece, the headline block first.
enum Outline {
    static func page(path: String, articles: [Article]) -> String {
        var s = "== \(path): \(articles.count) piece\(articles.count == 1 ? "" : "s")\n"
        for (i, a) in articles.enumerated() {
            s += "\n[\(i + 1)] \(a.kind.rawValue)  \(a.headline ?? "(no headline)")\n"
            s += fields(a)
            let count = a.paragraphs.count
            s += "    \(count) paragraph\(count == 1 ? "" : "s")\n"
            for p in a.paragraphs.prefix(3) { s += "      | \(opening(p))\n" }
            if count > 3 { s += "      | …\n" }
        }
        return s + "\n"
    }

    static func fields(_ a: Article) -> String {
        var s = ""
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { s += "    \(label.padding(toLength: 16, withPad: " ", startingAt: 0))\(value)\n" }
        }
        func names(_ n: [String]) -> String? { n.isEmpty ? nil : n.joined(separator: ", ") }
        add("kicker", a.kicker)
        add("subheadline", a.subheadline)
        add("column", a.column)
        add("summary", a.summary)
        add("dateline", a.dateline)
        add("reporters", names(a.reporters))
        add("correspondents", names(a.correspondents))
        add("photographers", names(a.photographers))
        add("authors", names(a.authors))
        add("agency", a.agency)
        add("continued from", a.continuedFrom.map { "page \($0)" })
        add("continues to", a.continuesTo.map { "page \($0)" })
        add("unions", a.unions.isEmpty ? nil : a.unions.map(\.name).joined(separator: ", "))
        return s
    }

    /// The first characters of a paragraph, cut on a scalar boundary.
    static func opening(_ p: String, limit: Int = 40) -> String {
        let scalars = p.unicodeScalars
        guard scalars.count > limit else { return p }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: scalars.prefix(limit))
        return String(v) + "…"
    }
}
