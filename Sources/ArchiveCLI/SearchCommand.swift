import ArchiveIndex
import Foundation
import ParseCore

/// `archive search [QUERY] [--union NAME] [--sort ORDER] [--limit N] [--offset N] [--json]` and `archive search --from FILE|-`.
struct SearchCommand {
    let args: Arguments

    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, spec: Usage.search)
        if args.positional.isEmpty && args.value("--from") == nil && args.value("--union") == nil && !args.has("--help") {
            throw UsageError(message: "search needs a query (or --union NAME, or --from FILE)", usage: args.usage)
        }
    }

    func run() throws -> Int32 {
        if args.has("--help") { print(Usage.search.helpText); return ExitCode.ok }
        let limit = try args.int("--limit", default: 10)
        let offset = try args.int("--offset", default: 0)
        let json = args.has("--json")
        let searcher = Searcher(archive: try openArchive(args), exactScript: args.has("--exact-script"))
        let order: DateOrder? = switch args.value("--sort") {
        case "date": .oldestFirst
        case "-date": .newestFirst
        default: nil
        }
        func find(_ q: Query) -> (total: Int, hits: [Hit]) {
            order.map { searcher.search(q, top: offset + limit, order: $0) } ?? searcher.search(q, top: offset + limit)
        }
        var out = Console()
        if let from = args.value("--from") {
            let batch = try QueryBatch(from: from)
            var any = false
            for entry in batch.lines {
                let q: Query, line = entry.text
                switch entry.query {
                case .success(let parsed): q = parsed
                case .failure(let error): batch.report(entry, error, json: json, into: &out); continue
                }
                let (total, hits) = find(q)
                any = any || total > 0
                if json {
                    var w = JSONWriter()
                    w.raw("{"); w.key("query", first: true); w.string(line)
                    w.key("total"); w.raw(String(total)); w.key("hits"); w.raw("[")
                    for (i, h) in hits.dropFirst(offset).enumerated() {
                        if i > 0 { w.raw(",") }
                        HitPrinter.json(h, query: q, searcher: searcher, into: &w)
                    }
                    w.raw("]}\n")
                    out.write(bytes: w.bytes)
                } else {
                    out.write("== \(line): \(HitPrinter.total(total))\n")
                    HitPrinter.plain(Array(hits.dropFirst(offset)), from: offset, query: q, searcher: searcher, colour: args.colour, into: &out)
                }
            }
            out.flush()
            return batch.hasErrors ? ExitCode.usage : any ? ExitCode.ok : ExitCode.failure
        }
        var text = args.positional.joined(separator: " ")
        var q: Query
        if let union = args.value("--union") {
            q = text.isEmpty ? .union(union) : .and([try parseQuery(text, usage: args.usage), .union(union)])
            text = text.isEmpty ? "union \(union)" : "\(text), union \(union)"
        } else {
            q = try parseQuery(text, usage: args.usage)
        }
        let (total, hits) = find(q)
        let page = Array(hits.dropFirst(offset))
        if json {
            var w = JSONWriter()
            for h in page {
                w.clear()
                HitPrinter.json(h, query: q, searcher: searcher, into: &w)
                w.raw("\n")
                out.write(bytes: w.bytes)
            }
        } else {
            out.write("\(HitPrinter.total(total)) match \(text)\n")
            HitPrinter.plain(page, from: offset, query: q, searcher: searcher, colour: args.colour, into: &out)
        }
        out.flush()
        return total == 0 ? ExitCode.failure : ExitCode.ok
    }
}

/// How hits are shown: ranked lines with a highlighted snippet, or JSON records.
enum HitPrinter {
    static func total(_ n: Int) -> String { "\(n) piece\(n == 1 ? "" : "s")" }

    /// The match is shown in bold when colouring, else in [brackets].
    static func plain(_ hits: [Hit], from offset: Int, query: Query, searcher: Searcher, colour bold: Bool, into out: inout Console) {
        for (i, h) in hits.enumerated() {
            let (a, snippet) = searcher.shown(h.ref, for: query, linked: false)
            let place = a.date.map { d in a.page.map { "\(d) p\($0)" } ?? d } ?? a.source
            out.write("\(String(format: "%3d", offset + i + 1)). \(a.id)  \(place)  \(a.headline ?? "(no headline)")\n")
            if let s = snippet {
                out.write("     \(s.before)\(bold ? "\u{1B}[1m" : "[")\(s.match)\(bold ? "\u{1B}[0m" : "]")\(s.after)\n")
            }
        }
    }

    static func json(_ h: Hit, query: Query, searcher: Searcher, into w: inout JSONWriter) {
        let (a, shown) = searcher.shown(h.ref, for: query, linked: true)
        let snippet = shown.map { "\($0.before)[\($0.match)]\($0.after)" }
        a.writeJSON(to: &w) { w in
            w.key("score"); w.number(h.score, decimals: 4)
            w.key("snippet"); w.optional(snippet)
        }
    }
}
