import ArchiveIndex
import Foundation
import ParseCore

/// `archive collocates TERM [--window N] [--min N] [--measure logdice|mi|t] [--limit N] [--json]`
struct CollocatesCommand {
    let args: Arguments

    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, spec: Usage.collocates)
        if args.positional.isEmpty && !args.has("--help") { throw UsageError(message: "collocates needs a term", usage: args.usage) }
    }

    func run() throws -> Int32 {
        if args.has("--help") { print(Usage.collocates.helpText); return ExitCode.ok }
        let window = try args.int("--window", default: 5)
        let minimum = try args.int("--min", default: 3)
        let limit = try args.int("--limit", default: 20)
        guard (1...50).contains(window) else { throw UsageError(message: "--window takes 1 to 50 characters, not \(window)", usage: args.usage) }
        let measure = CollocationMeasure(rawValue: args.value("--measure") ?? "logdice")!
        let text = args.positional.joined(separator: " ")
        let q = try parseQuery(text, usage: args.usage)
        guard !q.positiveTexts.isEmpty else {
            throw UsageError(message: "collocates needs a word or phrase to look around: \(shortened(text))", usage: args.usage)
        }
        let searcher = Searcher(archive: try openArchive(args))
        let (occurrences, found) = searcher.collocates(q, window: window, minimum: max(1, minimum), measure: measure, limit: limit == 0 ? nil : limit)
        var out = Console()
        if args.has("--json") {
            for c in found {
                var w = JSONWriter()
                w.raw("{"); w.key("collocate", first: true); w.string(c.text)
                w.key("near"); w.raw(String(c.near))
                w.key("archive"); w.raw(String(c.archive))
                w.key(measure.rawValue); w.number(c.score, decimals: 4)
                w.raw("}\n")
                out.write(bytes: w.bytes)
            }
        } else {
            out.line("\(occurrences) occurrence\(occurrences == 1 ? "" : "s") of \(text); strings within \(window) characters, near at least \(max(1, minimum)) times, by \(measure.rawValue)")
            out.line(["collocate", "near", "archive", measure.rawValue].joined(separator: "\t"))
            for c in found {
                out.line([c.text, String(c.near), String(c.archive), String(format: "%.2f", c.score)].joined(separator: "\t"))
            }
        }
        out.flush()
        return found.isEmpty ? ExitCode.failure : ExitCode.ok
    }
}
