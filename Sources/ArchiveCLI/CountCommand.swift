import ArchiveIndex
import Foundation
import ParseCore

/// `archive count TERM... [--by month|year] [--json] [--chart] [--svg FILE]` or `archive count --from FILE|-`
struct CountCommand {
    let args: Arguments

    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, spec: Usage.count)
        if args.positional.isEmpty && args.value("--from") == nil && !args.has("--help") {
            throw UsageError(message: "count needs at least one term (or --from FILE)", usage: args.usage)
        }
        if args.has("--json") && args.has("--chart") {
            throw UsageError(message: "--json and --chart print different things: choose one", usage: args.usage)
        }
    }

    func run() throws -> Int32 {
        if args.has("--help") { print(Usage.count.helpText); return ExitCode.ok }
        let batch = try args.value("--from").map { from throws(IndexError) in try QueryBatch(from: from) }
        let entries: [(text: String, query: Query?, line: QueryBatch.Line?)]
        if let batch {
            entries = batch.lines.map { line in (line.text, try? line.query.get(), line) }
        } else {
            entries = try args.positional.map { t throws(UsageError) in (t, try parseQuery(t, usage: args.usage), nil) }
        }
        let charting = args.has("--chart") || args.value("--svg") != nil
        let period = args.value("--by").flatMap(Period.init) ?? (charting ? .month : nil)
        let archive = try openArchive(args)
        let searcher = Searcher(archive: archive)
        let periods = period?.all(in: archive.dateRange) ?? []
        var series: [TrendSeries] = []
        var out = Console()
        let json = args.has("--json")
        if let period, !json && !args.has("--chart") {
            out.line((["term", "pieces", "occurrences"] + periods.map(period.label) + ["undated"]).joined(separator: "\t"))
        }
        for entry in entries {
            guard let q = entry.query else {
                if let batch, let line = entry.line, case .failure(let error) = line.query { batch.report(line, error, json: json, into: &out) }
                continue
            }
            let s = TrendSeries(term: entry.text, count: searcher.count(q, byMonth: period != nil), periods: periods, by: period ?? .month)
            series.append(s)
            if json {
                out.write(bytes: Self.json(s, periods: periods, by: period))
            } else if !args.has("--chart") {
                out.line(([s.term, String(s.pieces), String(s.occurrences)] + (period == nil ? [] : s.values.map(String.init) + [String(s.undated)])).joined(separator: "\t"))
            }
        }
        if args.has("--chart") {
            let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
            out.write(TrendChart.draw(series, periods: periods, by: period ?? .month, width: columns))
        }
        out.flush()
        if let path = args.value("--svg") {
            var sink = try ExportSink(path: path)
            try sink.write(Array(TrendSVG.render(series, periods: periods, by: period ?? .month).utf8))
            try sink.close()
        }
        return batch?.hasErrors == true ? ExitCode.usage : ExitCode.ok
    }

    /// {"term", "pieces", "occurrences", "by", "periods": [{"period", "pieces"}...], "undated"}; the
    /// last three with --by only.
    static func json(_ s: TrendSeries, periods: [UInt32], by period: Period?) -> [UInt8] {
        var w = JSONWriter()
        w.raw("{"); w.key("term", first: true); w.string(s.term)
        w.key("pieces"); w.raw(String(s.pieces))
        w.key("occurrences"); w.raw(String(s.occurrences))
        if let period {
            w.key("by"); w.string(period.rawValue)
            w.key("periods"); w.raw("[")
            for (i, (p, v)) in zip(periods, s.values).enumerated() {
                if i > 0 { w.raw(",") }
                w.raw("{"); w.key("period", first: true); w.string(period.label(p)); w.key("pieces"); w.raw(String(v)); w.raw("}")
            }
            w.raw("]")
            w.key("undated"); w.raw(String(s.undated))
        }
        w.raw("}\n")
        return w.bytes
    }
}
