/// RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line
/// breaks; rows end in CRLF.
enum CSVReader {
    struct Malformed: Error {}

    static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false; afterQuote = true }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case ",": row.append(field); field = ""; afterQuote = false
            case "\r":
                guard chars.popFirst() == "\n" else { throw Malformed() }
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            default:
                if afterQuote || c == "\n" || c == "\"" { throw Malformed() }
                field.unicodeScalars.append(c)
            }
        }
        guard row.isEmpty, field.isEmpty, !quoted else { throw Malformed() }
        return rows
    }
}
