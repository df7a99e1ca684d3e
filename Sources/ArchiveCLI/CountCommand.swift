import ArchiveIndex
import Foundation
import ParseCore

/// `archive count TERM... [--by month|year] [--per N] [--totals] [--json] [--chart] [--svg FILE]` or `archive count --from FILE|-`
struct CountCommand {
    let args: Arguments
    /// The base of a rate (--per N), read once.
    let per: Int?

    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, spec: Usage.count)
        if args.positional.isEmpty && args.value("--from") == nil && !args.has("--help") {
            throw UsageError(message: "count needs at least one term (or --from FILE)", usage: args.usage)
        }
        if args.has("--json") && args.has("--chart") {
            throw UsageError(message: "--json and --chart print different things: choose one", usage: args.usage)
        }
        let periods = args.value("--by") != nil || args.has("--chart") || args.value("--svg") != nil
        per = args.value("--per").flatMap { Int($0) }
        if let text = args.value("--per") {
            guard let n = per, n > 0 else {
                throw UsageError(message: "--per needs a whole number of pieces above 0, not '\(shortened(text))'", usage: args.usage)
            }
            guard periods else { throw UsageError(message: "--per is a rate per period: give --by month|year (or --chart, --svg)", usage: args.usage) }
            if args.has("--totals") { throw UsageError(message: "--totals are what --per divides by: show them without --per", usage: args.usage) }
        }
        if args.has("--totals") && !periods {
            throw UsageError(message: "--totals are pieces per period: give --by month|year (or --chart, --svg)", usage: args.usage)
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
        let searcher = Searcher(archive: archive, exactScript: args.has("--exact-script"))
        let periods = period?.all(in: archive.dateRange) ?? []
        // Every piece in each period: what a rate divides by, and the --totals row.
        let all = per != nil || args.has("--totals") ? TrendSeries(term: Self.totalsLabel, count: (archive.pieceCount, nil, archive.piecesByMonth), periods: periods, by: period ?? .month) : nil
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
            var s = TrendSeries(term: entry.text, count: searcher.count(q, byMonth: period != nil), periods: periods, by: period ?? .month)
            if let per, let all { s.rate = (per, all.values, all.undated) }
            series.append(s)
            write(s, periods: periods, by: period, json: json, into: &out)
        }
        if args.has("--totals"), let all {
            series.append(all)
            write(all, periods: periods, by: period, json: json, into: &out)
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

    /// The label of the --totals row: no query reads it as a term.
    static let totalsLabel = "(all pieces)"

    /// One series as a table row or a JSON object; a chart draws them all at the end instead.
    private func write(_ s: TrendSeries, periods: [UInt32], by period: Period?, json: Bool, into out: inout Console) {
        if json {
            out.write(bytes: Self.json(s, periods: periods, by: period))
        } else if !args.has("--chart") {
            var cells = [s.term, String(s.pieces), s.occurrences.map(String.init) ?? "-"]
            if period != nil {
                if let rate = s.rate {
                    cells += zip(s.values, rate.all).map { TrendSeries.rate($0, of: $1, per: rate.per).map(shownRate) ?? "-" }
                    cells.append(TrendSeries.rate(s.undated, of: rate.undated, per: rate.per).map(shownRate) ?? "-")
                } else {
                    cells += s.values.map(String.init) + [String(s.undated)]
                }
            }
            out.line(cells.joined(separator: "\t"))
        }
    }

    /// A rate in a table: always two places, so that a column reads evenly.
    private func shownRate(_ v: Double) -> String { String(format: "%.2f", v) }

    /// {"term", "pieces", "occurrences", "by", "periods": [{"period", "pieces"}...], "undated"}; the
    /// last three with --by only. With a rate, "per" and, in each period and for the undated,
    /// the archive's pieces ("all") and the rate (null where it holds none).
    static func json(_ s: TrendSeries, periods: [UInt32], by period: Period?) -> [UInt8] {
        var w = JSONWriter()
        w.raw("{"); w.key("term", first: true); w.string(s.term)
        w.key("pieces"); w.raw(String(s.pieces))
        w.key("occurrences"); w.raw(s.occurrences.map(String.init) ?? "null")
        if let period {
            w.key("by"); w.string(period.rawValue)
            if let rate = s.rate { w.key("per"); w.raw(String(rate.per)) }
            func rateKeys(_ n: Int, all: Int?, prefix: String = "") {
                guard let rate = s.rate, let all else { return }
                w.key(prefix + "all"); w.raw(String(all))
                w.key(prefix + "rate")
                if let r = TrendSeries.rate(n, of: all, per: rate.per) { w.number(r, decimals: 4) } else { w.raw("null") }
            }
            w.key("periods"); w.raw("[")
            for (i, (p, v)) in zip(periods, s.values).enumerated() {
                if i > 0 { w.raw(",") }
                w.raw("{"); w.key("period", first: true); w.string(period.label(p)); w.key("pieces"); w.raw(String(v))
                rateKeys(v, all: s.rate?.all[i])
                w.raw("}")
            }
            w.raw("]")
            w.key("undated"); w.raw(String(s.undated))
            rateKeys(s.undated, all: s.rate?.undated, prefix: "undated_")
        }
        w.raw("}\n")
        return w.bytes
    }
}
