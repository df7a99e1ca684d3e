import ArchiveIndex
import Foundation
import ParseCore

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

/// `archive show ID [--json]`
struct ShowCommand {
    let args: Arguments
    init(arguments: [String]) throws(UsageError) {
        let usage = Usage.firstLine(Usage.show)
        args = try Arguments(arguments, flags: ["--json"], options: ["--index"], usage: usage)
        if args.positional.count != 1 && !args.has("--help") { throw UsageError(message: "show needs one id", usage: usage) }
    }

    func run() throws(IndexError) -> Int32 {
        if args.has("--help") { print(Usage.show); return ExitCode.ok }
        let archive = try openArchive(args)
        guard let ref = archive.find(id: args.positional[0]) else {
            Console.error("no piece with id \(args.positional[0]) in \(archive.dir)")
            return ExitCode.failure
        }
        let a = archive.article(ref)
        var out = Console()
        if args.has("--json") {
            out.write(a.json + "\n")
        } else {
            out.write(Layout.piece(a))
        }
        out.flush()
        return ExitCode.ok
    }
}

/// `archive export [QUERY] [--format json|ndjson|es-bulk] [--output FILE]`
struct ExportCommand {
    let args: Arguments
    static let usage = Usage.firstLine(Usage.export)

    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, flags: [], options: ["--index", "--format", "--output"], usage: Self.usage)
        if let f = args.value("--format"), !["json", "ndjson", "es-bulk"].contains(f) {
            throw UsageError(message: "--format is json, ndjson or es-bulk, not '\(f)'", usage: Self.usage)
        }
    }

    func run() throws -> Int32 {
        if args.has("--help") { print(Usage.export); return ExitCode.ok }
        let format = args.value("--format") ?? "json"
        let archive = try openArchive(args)
        let refs: [Archive.DocRef]
        if args.positional.isEmpty {
            refs = archive.allDocs
        } else {
            refs = Searcher(archive: archive).matches(try parseQuery(args.positional.joined(separator: " "), usage: Self.usage))
        }
        var sink = try ExportSink(path: args.value("--output"))
        var w = JSONWriter()
        if format == "json" { w.raw("{\"articles\":[") }
        for (i, r) in refs.enumerated() {
            let a = archive.article(r)
            switch format {
            case "json":
                if i > 0 { w.raw(",") }
                w.raw("\n")
                a.writeJSON(to: &w)
            case "ndjson":
                a.writeJSON(to: &w)
                w.raw("\n")
            default:
                w.raw("{\"index\":{\"_index\":\"archive\",\"_id\":"); w.string(a.id); w.raw("}}\n")
                a.writeJSON(to: &w)
                w.raw("\n")
            }
            if w.bytes.count > 1 << 16 { try sink.write(w.bytes); w.clear() }
        }
        if format == "json" { w.raw("\n]}\n") }
        try sink.write(w.bytes)
        try sink.close()
        return ExitCode.ok
    }
}

/// Standard output, or a file written whole under a temporary name and renamed at the end.
struct ExportSink {
    private var handle: FileHandle?
    private let path: String?
    private var console = Console()

    init(path: String?) throws(IndexError) {
        self.path = path
        if let path {
            guard FileManager.default.createFile(atPath: path + ".tmp", contents: nil),
                  let h = FileHandle(forWritingAtPath: path + ".tmp") else { throw IndexError("\(path): cannot be written") }
            handle = h
        }
    }

    mutating func write(_ bytes: [UInt8]) throws(IndexError) {
        if let handle {
            do { try handle.write(contentsOf: Data(bytes)) } catch { throw IndexError("\(path!): write failed") }
        } else {
            console.write(bytes: bytes)
        }
    }

    mutating func close() throws(IndexError) {
        console.flush()
        guard let handle, let path else { return }
        try? handle.close()
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: path + ".tmp", toPath: path)
        } catch { throw IndexError("\(path): cannot be written") }
    }
}

/// `archive stats [--json]`
struct StatsCommand {
    let args: Arguments
    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, flags: ["--json"], options: ["--index"], usage: Usage.firstLine(Usage.stats))
    }

    func run() throws(IndexError) -> Int32 {
        if args.has("--help") { print(Usage.stats); return ExitCode.ok }
        let archive = try openArchive(args)
        let refs = archive.allDocs
        let photos = refs.filter(archive.isPhoto).count
        let dates = refs.map(archive.date).filter { $0 > 0 }
        func iso(_ d: UInt32) -> String { String(format: "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100) }
        var reporters: [String: Int] = [:]
        for r in refs { for n in Set(archive.article(r).reporters) { reporters[n, default: 0] += 1 } }
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
            w.key("first_date"); w.optional(dates.min().map(iso))
            w.key("last_date"); w.optional(dates.max().map(iso))
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
            out.line("dates          \(dates.min().map { "\(iso($0)) to \(iso(dates.max()!))" } ?? "none in the file names")")
            out.line("top reporters  \(top.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))")
            out.line("top unions     \(unions.map { "\($0.name) (\($0.pieces))" }.joined(separator: ", "))")
        }
        out.flush()
        return ExitCode.ok
    }
}

/// A piece laid out for reading.
enum Layout {
    static func piece(_ a: Article) -> String {
        var s = ""
        if let c = a.column { s += "【\(c)】\n" }
        if let k = a.kicker { s += "\(k)\n" }
        s += "\(a.headline ?? "(no headline)")\n"
        if let sub = a.subheadline { s += "\(sub)\n" }
        var meta = [a.id, a.source]
        if let d = a.date { meta.append(d) }
        if let p = a.page { meta.append("page \(p)") }
        if a.kind == .photo { meta.append("photo") }
        s += meta.joined(separator: " · ") + "\n"
        var credits: [String] = []
        if let d = a.dateline { credits.append(d) }
        if !a.reporters.isEmpty { credits.append("记者 " + a.reporters.joined(separator: " ")) }
        if !a.correspondents.isEmpty { credits.append("通讯员 " + a.correspondents.joined(separator: " ")) }
        if !a.photographers.isEmpty { credits.append(a.photographers.joined(separator: " ") + " 摄") }
        if !a.authors.isEmpty { credits.append(a.authors.joined(separator: " ")) }
        if let g = a.agency { credits.append(g) }
        if let f = a.continuedFrom { credits.append("上接第\(f)版") }
        if let t = a.continuesTo { credits.append("下转第\(t)版") }
        if !credits.isEmpty { s += credits.joined(separator: " · ") + "\n" }
        if let sum = a.summary { s += "\n阅读提示: \(sum)\n" }
        s += "\n"
        for p in a.paragraphs { s += "    \(p)\n\n" }
        return s
    }
}
