import ArchiveIndex
import Foundation
import ParseCore

/// `archive kwic QUERY [--width N] [--limit N] [--sort date|left|right] [--json]`
struct KwicCommand {
    let args: Arguments

    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, spec: Usage.kwic)
        if args.positional.isEmpty && !args.has("--help") { throw UsageError(message: "kwic needs a query", usage: args.usage) }
    }

    func run() throws -> Int32 {
        if args.has("--help") { print(Usage.kwic.helpText); return ExitCode.ok }
        let width = try args.int("--width", default: 20)
        let limit = try args.int("--limit", default: 0)
        let text = args.positional.joined(separator: " ")
        let q = try parseQuery(text, usage: args.usage)
        guard !q.positiveTexts.isEmpty else {
            throw UsageError(message: "kwic needs a word or phrase to show in context: \(shortened(text))", usage: args.usage)
        }
        let archive = try openArchive(args)
        let searcher = Searcher(archive: archive, exactScript: args.has("--exact-script"))
        let sort = args.value("--sort") ?? "date"
        // By date, the records are read oldest first and the scan stops at the limit; a sort by
        // context needs every occurrence first.
        let refs = archive.sorted(searcher.matches(q), by: .oldestFirst)
        var lines = searcher.concordance(q, in: refs, width: width, limit: sort == "date" && limit > 0 ? limit : nil)
        switch sort {
        case "left": lines.sort { $0.left.reversed().lexicographicallyPrecedes($1.left.reversed()) }
        case "right": lines.sort { $0.right < $1.right }
        default: break
        }
        if limit > 0 { lines = Array(lines.prefix(limit)) }
        var out = Console()
        // Each record decoded once, however many of its occurrences are shown.
        var records: [Archive.DocRef: Article] = [:]
        for l in lines where records[l.ref] == nil { records[l.ref] = archive.article(l.ref) }
        if args.has("--json") {
            for l in lines { out.write(bytes: Self.json(l, records[l.ref]!)) }
        } else {
            let keyWidth = lines.map { DisplayWidth.of($0.match) }.max() ?? 0
            let leftWidth = lines.map { DisplayWidth.of($0.left) }.max() ?? 0
            let (on, off) = args.colour ? ("\u{1B}[1m", "\u{1B}[0m") : ("", "")
            // Date and page, or the dump's path when its name carries no date, as search shows them.
            let places = lines.map { l in
                let a = records[l.ref]!
                return (a.date.map { d in a.page.map { "\(d) p\($0)" } ?? d } ?? a.source, a.id)
            }
            let placeWidth = places.map { DisplayWidth.of($0.0) }.max() ?? 0
            for (l, (place, id)) in zip(lines, places) {
                out.line("\(DisplayWidth.pad(place, to: placeWidth))  \(id)  \(DisplayWidth.pad(l.left, to: leftWidth, leading: true))  "
                         + "\(on)\(DisplayWidth.pad(l.match, to: keyWidth))\(off)  \(l.right)")
            }
        }
        out.flush()
        return lines.isEmpty ? ExitCode.failure : ExitCode.ok
    }

    /// {"id", "date", "page", "left", "match", "right"}
    static func json(_ l: Concordance, _ a: Article) -> [UInt8] {
        var w = JSONWriter()
        w.raw("{"); w.key("id", first: true); w.string(a.id)
        w.key("date"); w.optional(a.date)
        w.key("page"); w.raw(a.page.map(String.init) ?? "null")
        w.key("left"); w.string(l.left)
        w.key("match"); w.string(l.match)
        w.key("right"); w.string(l.right)
        w.raw("}\n")
        return w.bytes
    }
}
