import ArchiveIndex
import Foundation
import ParseCore

/// `archive stats [--json]`
struct StatsCommand {
    let args: Arguments
    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, spec: Usage.stats)
    }

    func run() throws(IndexError) -> Int32 {
        if args.has("--help") { print(Usage.stats.helpText); return ExitCode.ok }
        let archive = try openArchive(args)
        let refs = archive.allDocs
        let photos = refs.filter(archive.isPhoto).count
        let dates = archive.dateRange
        let undated = refs.filter { archive.date($0) == 0 }.count
        func iso(_ d: UInt32) -> String { String(format: "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100) }
        var reporters: [String: Int] = [:]
        for r in refs { for n in Set(archive.reporters(r)) { reporters[n, default: 0] += 1 } }
        let top = reporters.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10)
        let unions = archive.unionCounts().prefix(10)
        let files = archive.files.count
        var out = Console()
        if args.has("--json") {
            var w = JSONWriter()
            w.raw("{"); w.key("index", first: true); w.string(archive.dir)
            w.key("bytes"); w.raw(String(archive.sizeOnDisk))
            w.key("files"); w.raw(String(files))
            w.key("pieces"); w.raw(String(refs.count))
            w.key("articles"); w.raw(String(refs.count - photos))
            w.key("photos"); w.raw(String(photos))
            w.key("undated_pieces"); w.raw(String(undated))
            w.key("first_date"); w.optional(dates.map { iso($0.lowerBound) })
            w.key("last_date"); w.optional(dates.map { iso($0.upperBound) })
            w.key("top_reporters"); w.raw("[")
            for (i, (name, n)) in top.enumerated() {
                if i > 0 { w.raw(",") }
                w.raw("{"); w.key("name", first: true); w.string(name); w.key("pieces"); w.raw(String(n)); w.raw("}")
            }
            w.raw("]")
            w.key("top_unions"); w.raw("[")
            for (i, u) in unions.enumerated() {
                if i > 0 { w.raw(",") }
                UnionsCommand.json(u, into: &w)
            }
            w.raw("]}\n")
            out.write(bytes: w.bytes)
        } else {
            out.line("index          \(archive.dir) (\(String(format: "%.1f", Double(archive.sizeOnDisk) / 1e6)) MB)")
            out.line("files          \(files)")
            out.line("pieces         \(refs.count) (\(refs.count - photos) articles, \(photos) photos)")
            out.line("dates          \(dates.map { "\(iso($0.lowerBound)) to \(iso($0.upperBound))" } ?? "none in the file paths")")
            out.line("undated        \(undated) pieces (no date in their files' paths)")
            out.line("top reporters  \(top.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))")
            out.line("top unions     \(unions.map { "\($0.name) (\($0.pieces))" }.joined(separator: ", "))")
        }
        out.flush()
        return ExitCode.ok
    }
}
