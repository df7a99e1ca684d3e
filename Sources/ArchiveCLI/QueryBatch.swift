import ArchiveIndex
import Foundation
import ParseCore

/// The queries of a `--from` file, one a line, blank lines skipped. A line that cannot be read
/// is kept with its error, so one typo in a list of thousands costs that line alone.
struct QueryBatch {
    struct Line {
        let number: Int
        let text: String
        let query: Result<Query, QueryError>
    }

    let source: String
    let lines: [Line]

    init(from: String) throws(IndexError) {
        let data: Data?
        if from == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: from) }
        guard let data else { throw IndexError("\(from): cannot be read") }
        source = from == "-" ? "standard input" : from
        var out: [Line] = []
        for (i, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            out.append(Line(number: i + 1, text: text, query: Result { () throws(QueryError) in try QueryParser.parse(text) }))
        }
        lines = out
    }

    /// Whether any line failed: the batch then ends with the usage status.
    var hasErrors: Bool { lines.contains { if case .failure = $0.query { true } else { false } } }

    /// Reports a line that cannot be read: one line on stderr, and with JSON an object in its place.
    func report(_ line: Line, _ error: QueryError, json: Bool, into out: inout Console) {
        Console.error("\(source):\(line.number): \(error.quoting(line.text))")
        guard json else { return }
        var w = JSONWriter()
        w.raw("{"); w.key("query", first: true); w.string(line.text)
        w.key("line"); w.raw(String(line.number))
        w.key("error"); w.string(error.description)
        w.raw("}\n")
        out.write(bytes: w.bytes)
    }
}
