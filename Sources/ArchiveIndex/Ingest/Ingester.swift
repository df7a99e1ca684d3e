import Dispatch
import Foundation
import ParseCore

/// What an ingest did.
public struct IngestSummary: Sendable {
    public var newFiles = 0, changedFiles = 0, unchangedFiles = 0, failedFiles = 0, prunedFiles = 0
    /// Files found at a new path with the bytes of a file gone from its old one: their pieces
    /// are the same, now under the new source.
    public var movedFiles = 0
    public var piecesAdded = 0, piecesRemoved = 0, piecesTotal = 0
    public var bytesRead = 0
    /// Articles continued across pages whose parts the index links.
    public var linkedArticles = 0
    public var seconds = 0.0
    public var failures: [String] = []
    /// What was passed over on purpose, such as a link back to a folder above it.
    public var skipped: [String] = []
    /// Files with the same bytes as a file in the index, whose pieces stand for both: one line
    /// each, naming the other.
    public var copies: [String] = []
    /// The files of this call whose path carries no date, as reached: their pieces are undated.
    public var undated: [String] = []
}

/// How far an ingest has come: files looked at (unchanged ones count at once) of how many,
/// and the bytes of the files to read that have been read, of how many.
public struct IngestProgress: Sendable {
    public let files: Int
    public let totalFiles: Int
    public let bytes: Int
    public let totalBytes: Int
}

public struct IngestOptions: Sendable {
    public var prune = false
    public var rebuild = false
    /// Wait for another ingest of the same index to finish; when false, fail at once (`.busy`).
    public var wait = true
    /// Called once when the ingest has to wait for another one.
    public var onWait: (@Sendable () -> Void)?
    /// Called from the ingesting thread before the first batch and after each one.
    public var progress: (@Sendable (IngestProgress) -> Void)?
    /// Asked between batches; true stops the ingest before it commits (`.interrupted`).
    public var shouldStop: (@Sendable () -> Bool)?
    /// The bytes of memory postings may hold before a segment is written: what bounds the
    /// ingest's memory (see `Ingester.segmentBudget`).
    public var segmentBudget = Ingester.segmentBudget
    public init(prune: Bool = false, rebuild: Bool = false, wait: Bool = true, onWait: (@Sendable () -> Void)? = nil,
                progress: (@Sendable (IngestProgress) -> Void)? = nil, shouldStop: (@Sendable () -> Bool)? = nil,
                segmentBudget: Int = Ingester.segmentBudget) {
        self.prune = prune; self.rebuild = rebuild; self.wait = wait; self.onWait = onWait
        self.progress = progress; self.shouldStop = shouldStop; self.segmentBudget = segmentBudget
    }
}

/// Reads dumps into the index: unchanged files are skipped by size and time, then by content;
/// new and changed files are parsed on every core and written to a new segment; the commit
/// swaps the manifest in at the end, so an interrupted ingest leaves the previous index whole.
public enum Ingester {
    /// Memory the postings of a segment may hold before it is written out: what bounds an
    /// ingest's memory, whatever the size of the archive.
    public static let segmentBudget = 128 << 20
    static let batchSize = 256

    struct Input {
        /// The real path: what the file is known by.
        let path: String
        /// The path as it was reached, for messages.
        let shown: String
        let size: Int
        let mtime: Double
        /// How its records name it; set once the archive's root is known.
        var source = ""
        /// The date and page its path gives.
        var info: SourceInfo { SourceInfo(path: path) }
        /// A copy read again because its original changed or went: not a change of its own.
        var reread = false
    }

    public static func run(index dir: String, paths: [String], options: IngestOptions = IngestOptions()) throws(IndexError) -> IngestSummary {
        let started = Date()
        var summary = IngestSummary()
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch {
            throw IndexError("\(dir): cannot create the index folder")
        }
        let lock = try IndexLock(dir: dir, wait: options.wait, onWait: options.onWait)
        defer { lock.release() }
        // A rebuild is the repair for a damaged index, so it must not need the manifest.
        let committed = options.rebuild ? ((try? Manifest.load(dir: dir)) ?? nil) : try Manifest.load(dir: dir)
        // What an ingest killed before its commit left behind goes first.
        if let committed { removeUnreferenced(dir: dir, manifest: committed) }
        let old = options.rebuild ? nil : committed
        // Nothing is built on a damaged file: it would be vouched for, and served, again.
        if let old { try Integrity.check(dir: dir, manifest: old) }
        var manifest = old ?? Manifest()
        // New files never take the name of one the committed index (or a damaged one) still uses:
        // a rebuild killed half-way must leave the old index whole.
        let used = usedNumbers(in: dir)
        manifest.generation = max(manifest.generation, used.generation)
        var catalog = options.rebuild ? Catalog() : try Catalog.load(dir: dir, file: old?.catalog)
        let catalogBefore = catalog
        manifest.generation += 1
        if options.rebuild { manifest.segments = [] }
        let generation = manifest.generation

        let finder = DumpFinder(paths: paths)
        summary.failures += finder.failures
        summary.skipped = finder.skipped
        manifest.root = manifest.root ?? ArchiveRoot.choose(for: finder.inputs.map(\.path))
        let inputs = finder.inputs.map { found in
            var input = found
            input.source = ArchiveRoot.source(of: input.path, root: manifest.root ?? "/")
            return input
        }
        let state = BatchWriter(dir: dir, catalog: catalog, summary: summary,
                                segmentNumber: max(manifest.lastSegmentNumber, used.segment), budget: options.segmentBudget)
        let toRead = inputs.filter { input in
            guard let i = state.byPath[input.path] else { return true }
            return catalog.entries[i].size != input.size || catalog.entries[i].mtime != input.mtime
        }
        state.summary.unchangedFiles = inputs.count - toRead.count
        let known = Dictionary(catalog.entries.map { ($0.path, $0.hash) }) { a, _ in a }
        // Parsing a batch on every core overlaps with appending the previous one to the segment.
        let queue = DispatchQueue(label: "archive.ingest.append")
        let group = DispatchGroup()
        var done = 0, bytesDone = 0
        let bytesToRead = toRead.reduce(0) { $0 + $1.size }
        func report() {
            options.progress?(IngestProgress(files: inputs.count - toRead.count + done, totalFiles: inputs.count,
                                             bytes: bytesDone, totalBytes: bytesToRead))
        }
        func stopIfAsked() throws(IndexError) {
            guard options.shouldStop?() == true else { return }
            group.wait()
            state.abandon()
            if let committed { removeUnreferenced(dir: dir, manifest: committed) }
            throw IndexError("\(dir): interrupted; the index is as it was before this ingest", kind: .interrupted)
        }
        func read(_ files: [Input], known: [String: String]) throws(IndexError) {
            for start in stride(from: 0, to: files.count, by: batchSize) {
                try stopIfAsked()
                let batch = Array(files[start..<min(files.count, start + batchSize)])
                let results = parse(batch, known: known)
                group.wait()
                if let e = state.error { throw e }
                queue.async(group: group) { state.absorb(batch, results) }
                done += batch.count
                bytesDone += batch.reduce(0) { $0 + $1.size }
                report()
            }
            group.wait()
            if let e = state.error {
                state.abandon()
                throw e
            }
        }
        report()
        try read(toRead, known: known)
        if options.prune { state.prune() }
        // A copy whose original changed or was pruned is read again to hold the pieces itself.
        try read(state.orphanedCopies().compactMap(Input.reread), known: [:])
        try stopIfAsked()
        try state.finishSegment()
        do { try state.mergeFinished(shouldStop: options.shouldStop) } catch {
            if error.kind == .interrupted { try stopIfAsked() }
            throw error
        }
        catalog = state.finishedCatalog()
        summary = state.summary
        let holding = Set(catalog.entries.filter { $0.copyOf == nil }.map(\.path))
        summary.undated = inputs.filter { $0.info.date == nil && holding.contains($0.path) }.map(\.shown)
        let deletions = state.deletions
        let finished = state.finished

        try writeDeletions(deletions, into: &manifest, dir: dir, generation: generation)
        summary.piecesTotal = manifest.liveDocs + finished.reduce(0) { $0 + $1.docCount }
        summary.failedFiles = summary.failures.count
        guard catalog != catalogBefore || !finished.isEmpty || !deletions.isEmpty || options.rebuild || old == nil else {
            // Nothing changed: the index is left exactly as it was.
            summary.piecesTotal = old?.liveDocs ?? 0
            summary.seconds = Date().timeIntervalSince(started)
            return summary
        }
        manifest.segments.removeAll { $0.deleted == $0.docs }
        manifest.segments += finished.map(Manifest.SegmentEntry.init)
        manifest.catalog = try catalog.write(dir: dir, name: "catalog-\(generation).json")
        let links = ContinuationLinks(catalog)
        summary.linkedArticles = links.pairs.count
        manifest.links = try links.write(dir: dir, name: "links-\(generation).json")
        try manifest.commit(dir: dir, replacing: old)
        removeUnreferenced(dir: dir, manifest: manifest)
        if Compaction.isDue(manifest) { try Compaction.run(dir: dir) }
        summary.piecesTotal = manifest.liveDocs
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Marks replaced and pruned records dead: each touched segment gets a new bitmap file.
    private static func writeDeletions(_ deletions: [String: Set<Int>], into manifest: inout Manifest,
                                       dir: String, generation: Int) throws(IndexError) {
        for i in manifest.segments.indices {
            let name = manifest.segments[i].name
            guard let dead = deletions[name], !dead.isEmpty else { continue }
            var words = try manifest.segments[i].deletions.map { f throws(IndexError) in
                try Archive.loadDeletions(dir: dir, file: f, docs: manifest.segments[i].docs)
            } ?? Array(repeating: 0, count: (manifest.segments[i].docs + 63) / 64)
            for d in dead { words[d >> 6] |= 1 << UInt64(d & 63) }
            let sink = try FileSink(path: "\(dir)/\(name).del-\(generation)")
            var w = ByteWriter()
            for x in words { w.u64(x) }
            try sink.write(&w)
            try sink.finish()
            manifest.segments[i].deletions = Manifest.File(name: "\(name).del-\(generation)", size: sink.size, checksum: Manifest.hex(sink.checksum.value))
            manifest.segments[i].deleted = words.reduce(0) { $0 + $1.nonzeroBitCount }
        }
    }

    enum Result: Sendable {
        case failed(String)
        case unchanged(bytes: Int)
        case parsed(hash: String, bytes: Int, articles: [Article], prepared: [PreparedDoc])
    }

    /// Reads and parses a batch on every core; results come back in input order.
    static func parse(_ batch: [Input], known hashes: [String: String]) -> [Result] {
        let known: [String?] = batch.map { hashes[$0.path] }
        var results = [Result](repeating: .failed(""), count: batch.count)
        results.withUnsafeMutableBufferPointer { out in
            let slots = UnsafeMutableSendableBuffer(out)
            DispatchQueue.concurrentPerform(iterations: batch.count) { i in
                slots.buffer[i] = parseOne(batch[i], knownHash: known[i])
            }
        }
        return results
    }

    static func parseOne(_ input: Input, knownHash: String?) -> Result {
        guard let data = FileManager.default.contents(atPath: input.path) else {
            return .failed("\(input.shown): cannot be read")
        }
        let bytes = [UInt8](data)
        let fingerprint = Fingerprint.fnv1a(bytes)
        let hash = Fingerprint.hex(fingerprint)
        if hash == knownHash { return .unchanged(bytes: bytes.count) }
        var text: String
        do { text = try TextDecoding.decode(bytes) } catch { return .failed("\(input.shown): \(error.description)") }
        let asRead = text.withUTF8 { t in t.count == bytes.count && (t.isEmpty || memcmp(t.baseAddress!, bytes, t.count) == 0) }
        let articles = PageParser().parse(text, source: input.source, info: input.info,
                                          fingerprint: asRead ? fingerprint : Fingerprint.fnv1a(text))
        return .parsed(hash: hash, bytes: bytes.count, articles: articles, prepared: articles.map(PreparedDoc.init))
    }

    /// The highest generation and segment number any file in the folder carries.
    static func usedNumbers(in dir: String) -> (generation: Int, segment: Int) {
        var generation = 0, segment = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
            let stem = name.split(separator: ".").first.map(String.init) ?? name
            if stem.hasPrefix("seg-"), let n = Int(stem.dropFirst(4)) { segment = max(segment, n) }
            if stem.hasPrefix("catalog-"), let n = Int(stem.dropFirst(8)) { generation = max(generation, n) }
            if let del = name.range(of: ".del-"), let n = Int(name[del.upperBound...].prefix { $0.isNumber }) {
                generation = max(generation, n)
            }
        }
        return (generation, segment)
    }

    /// Deletes what no manifest names any more: old catalogs, replaced deletion lists, dropped
    /// segments, and temporary files of an ingest that was interrupted.
    static func removeUnreferenced(dir: String, manifest: Manifest) {
        let keep = Set(manifest.allFiles.map(\.name) + [Manifest.fileName, "LOCK", Integrity.fileName])
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
        for n in names where !keep.contains(n) && (n.hasPrefix("seg-") || n.hasPrefix("catalog-") || n.hasPrefix("links-") || n.hasSuffix(".tmp")) {
            try? FileManager.default.removeItem(atPath: "\(dir)/\(n)")
        }
    }
}

extension Ingester.Input {
    /// A catalogued file to be read again whatever its size and time say.
    static func reread(_ e: Catalog.Entry) -> Ingester.Input? {
        var st = stat()
        guard stat(e.path, &st) == 0 else { return nil }
        var input = Ingester.Input(path: e.path, shown: e.path, size: Int(st.st_size), mtime: DumpFinder.mtime(st))
        input.source = e.source
        input.reread = true
        return input
    }
}

/// Lets concurrent workers fill distinct slots of one buffer.
struct UnsafeMutableSendableBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(_ b: UnsafeMutableBufferPointer<T>) { buffer = b }
}
