import ArchiveIndex
import Foundation
import ParseCore

/// `archive export [QUERY] [--format json|ndjson|es-bulk|csv] [--sort ORDER] [--limit N] [--bom] [--output FILE] [--join-continuations]`
struct ExportCommand {
    let args: Arguments

    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, spec: Usage.export)
        if args.has("--bom") && args.value("--format") != "csv" {
            throw UsageError(message: "--bom is for --format csv", usage: args.usage)
        }
    }

    func run() throws -> Int32 {
        if args.has("--help") { print(Usage.export.helpText); return ExitCode.ok }
        let format = args.value("--format") ?? "json"
        let archive = try openArchive(args)
        let limit = try args.int("--limit", default: Int.max)
        var refs: [Archive.DocRef]
        if args.positional.isEmpty {
            refs = archive.allDocs
        } else {
            refs = Searcher(archive: archive, exactScript: args.has("--exact-script")).matches(try parseQuery(args.positional.joined(separator: " "), usage: args.usage))
        }
        switch args.value("--sort") {
        case "date": refs = archive.sorted(refs, by: .oldestFirst)
        case "-date": refs = archive.sorted(refs, by: .newestFirst)
        default: break
        }
        var sink = try ExportSink(path: args.value("--output"))
        var w = JSONWriter()
        if format == "json" { w.raw("{\"articles\":[") }
        if args.has("--bom") { w.raw("\u{FEFF}") }
        if format == "csv" { w.raw(CSVRecord.row(CSVRecord.header)) }
        let join = args.has("--join-continuations")
        let parts = join ? archive.find(ids: archive.linkedIds) : [:]
        var joined = Set<String>()
        var written = 0
        for r in refs {
            guard written < limit else { break }
            var a = archive.record(r)
            var partIds: [String] = []
            if join, a.continuesToId != nil || a.continuedFromId != nil {
                // One record per article, wherever its first or second part comes in the order.
                guard !joined.contains(a.id) else { continue }
                let whole = archive.wholeArticle(a) { parts[$0] }
                joined.formUnion(whole.map(\.id))
                partIds = whole.map(\.id)
                a = whole[0]
                a.paragraphs = whole.flatMap(\.paragraphs)
                a.continuesTo = nil
                a.continuesToId = nil
            }
            let extra: ((inout JSONWriter) -> Void)? = partIds.isEmpty ? nil : { w in w.key("part_ids"); w.strings(partIds) }
            switch format {
            case "json":
                if written > 0 { w.raw(",") }
                w.raw("\n")
                a.writeJSON(to: &w, extra: extra)
            case "csv":
                w.raw(CSVRecord.row(CSVRecord.fields(a)))
            case "ndjson":
                a.writeJSON(to: &w, extra: extra)
                w.raw("\n")
            default:
                w.raw("{\"index\":{\"_index\":\"archive\",\"_id\":"); w.string(a.id); w.raw("}}\n")
                a.writeJSON(to: &w, extra: extra)
                w.raw("\n")
            }
            written += 1
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
