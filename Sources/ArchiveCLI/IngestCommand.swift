import ArchiveIndex
import Foundation
import ParseCore

/// `archive ingest PATH... [--prune] [--rebuild] [--no-wait] [--memory MB] [--json]`
struct IngestCommand {
    let args: Arguments
    /// Megabytes of postings held before a segment is written.
    let memory: Int

    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, spec: Usage.ingest)
        if args.positional.isEmpty && !args.has("--help") {
            throw UsageError(message: "ingest needs at least one file or folder", usage: args.usage)
        }
        memory = try args.int("--memory", default: Ingester.segmentBudget >> 20)
        guard (1...4096).contains(memory) else {
            throw UsageError(message: "--memory takes megabytes from 1 to 4096, not \(memory)", usage: args.usage)
        }
    }

    func run() throws(IndexError) -> Int32 {
        if args.has("--help") { print(Usage.ingest.helpText); return ExitCode.ok }
        let tty = Console.stderrIsTerminal || args.has("--progress")
        let shown = ProgressLine()
        let progress: (@Sendable (IngestProgress) -> Void)? = tty ? { @Sendable p in shown.show(p) } : nil
        let dir = indexDirectory(args)
        let stop = Interruption.watch()
        let s = try Ingester.run(index: dir, paths: args.positional,
                                 options: IngestOptions(prune: args.has("--prune"), rebuild: args.has("--rebuild"),
                                                        wait: !args.has("--no-wait"),
                                                        onWait: { Console.error("\(dir): waiting for another ingest of this index to finish") },
                                                        progress: progress, shouldStop: { stop.requested },
                                                        segmentBudget: memory << 20))
        if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        for f in s.failures { Console.error(f) }
        for n in s.skipped { Console.error(n) }
        if let first = s.copies.first {
            Console.error("\(s.copies.count) \(s.copies.count == 1 ? "file is a copy" : "files are copies") of a file in the index, indexed once (first: \(first))")
        }
        if let first = s.undated.first {
            let one = s.undated.count == 1
            Console.error("\(s.undated.count) \(one ? "file has no date in its path, so its pieces are" : "files have no date in their paths, so their pieces are") undated (first: \(first))")
        }
        let mb = Double(s.bytesRead) / 1e6
        if args.has("--json") {
            var w = JSONWriter()
            w.raw("{"); w.key("index", first: true); w.string(dir)
            for (k, v) in [("new_files", s.newFiles), ("changed_files", s.changedFiles), ("unchanged_files", s.unchangedFiles),
                           ("failed_files", s.failedFiles), ("pruned_files", s.prunedFiles), ("moved_files", s.movedFiles),
                           ("copied_files", s.copies.count), ("undated_files", s.undated.count), ("pieces_added", s.piecesAdded),
                           ("pieces_removed", s.piecesRemoved), ("pieces", s.piecesTotal), ("linked_articles", s.linkedArticles),
                           ("bytes_read", s.bytesRead)] {
                w.key(k); w.raw(String(v))
            }
            w.key("seconds"); w.raw(String(format: "%.3f", s.seconds))
            w.key("failures"); w.strings(s.failures)
            w.raw("}\n")
            var out = Console()
            out.write(bytes: w.bytes)
            out.flush()
            return s.failures.isEmpty ? ExitCode.ok : ExitCode.failure
        }
        var line = "\(s.newFiles) new, \(s.changedFiles) changed, \(s.unchangedFiles) unchanged, \(s.failedFiles) failed"
        if s.movedFiles > 0 { line += ", \(s.movedFiles) moved" }
        if s.prunedFiles > 0 { line += ", \(s.prunedFiles) pruned" }
        line += " files; \(s.piecesAdded) pieces added, \(s.piecesRemoved) removed, \(s.piecesTotal) in the index; "
        line += String(format: "%.1f MB read in %.2f s (%.1f MB/s)", mb, s.seconds, s.seconds > 0 ? mb / s.seconds : 0)
        print(line)
        return s.failures.isEmpty ? ExitCode.ok : ExitCode.failure
    }
}
