import ParseCore

/// A record as one CSV row (RFC 4180): fields holding a comma, a quote or a line break are
/// quoted with their quotes doubled; rows end in CRLF. Lists are joined by ";", paragraphs by
/// a line break, so pandas, R and spreadsheets read one piece per row.
enum CSVRecord {
    static let header = ["id", "date", "page", "source", "kind", "headline", "kicker", "subheadline", "dateline",
                         "reporters", "correspondents", "photographers", "authors", "unions", "text"]

    static func fields(_ a: Article) -> [String] {
        [a.id, a.date ?? "", a.page.map(String.init) ?? "", a.source, a.kind.rawValue, a.headline ?? "", a.kicker ?? "",
         a.subheadline ?? "", a.dateline ?? "", a.reporters.joined(separator: ";"), a.correspondents.joined(separator: ";"),
         a.photographers.joined(separator: ";"), a.authors.joined(separator: ";"),
         a.unions.map(\.name).joined(separator: ";"), a.paragraphs.joined(separator: "\n")]
    }

    static func row(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    private static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
