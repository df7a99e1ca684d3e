import ArchiveIndex
import Foundation

/// `archive count TERM... [--by month]` or `archive count --from FILE|-`
struct CountCommand {
    let args: Arguments
    static let usage = Usage.firstLine(Usage.count)

    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, flags: [], options: ["--index", "--from", "--by"], usage: Self.usage)
        if args.positional.isEmpty && args.value("--from") == nil && !args.has("--help") {
            throw UsageError(message: "count needs at least one term (or --from FILE)", usage: Self.usage)
        }
        if let by = args.value("--by"), by != "month" {
            throw UsageError(message: "--by takes 'month', not '\(by)'", usage: Self.usage)
        }
    }

    func run() throws -> Int32 {
        if args.has("--help") { print(Usage.count); return ExitCode.ok }
        let terms = try args.value("--from").map(readLines) ?? args.positional
        let queries = try terms.map { t throws(UsageError) in try parseQuery(t, usage: Self.usage) }
        let searcher = Searcher(archive: try openArchive(args))
        let results = queries.map(searcher.count)
        var out = Console()
        let byMonth = args.value("--by") == "month"
        let months = byMonth ? Set(results.flatMap { $0.byMonth.keys }).filter { $0 > 0 }.sorted() : []
        func label(_ m: UInt32) -> String { String(format: "%04d-%02d", m / 100, m % 100) }
        if byMonth { out.line((["term", "pieces", "occurrences"] + months.map(label)).joined(separator: "\t")) }
        for (t, r) in zip(terms, results) {
            var row = [t, String(r.pieces), String(r.occurrences)]
            row += months.map { String(r.byMonth[$0] ?? 0) }
            out.line(row.joined(separator: "\t"))
        }
        out.flush()
        return ExitCode.ok
    }
}
