import Foundation
import ParseCore
#if canImport(Glibc)
import Glibc
#endif

/// Appends parsed batches to segments and records them in the catalog. It runs on one queue
/// at a time, beside the parsing of the next batch; the ingester reads it only after waiting.
final class BatchWriter: @unchecked Sendable {
    let dir: String
    var catalog: Catalog
    var summary: IngestSummary
    var bySource: [String: Int] = [:]
    /// For each content hash, the first source holding it: a second source gets other ids.
    var ownerOfHash: [String: String] = [:]
    var deletions: [String: Set<Int>] = [:]
    var writer: SegmentWriter?
    /// Segments written out, in order; read once `waitForFinishing` returns.
    private(set) var finished: [SegmentInfo] = []
    /// A full segment is written out here while the next one fills; one at a time, so that no
    /// more than two segments' postings are ever held.
    private let finishing = DispatchQueue(label: "archive.ingest.finish")
    private let finishingGroup = DispatchGroup()
    private var finishError: IndexError?
    var segmentNumber: Int
    var error: IndexError?
    /// Texts of the batch being absorbed: the ingest's code is built from the first.
    private var sample: [[UInt16]] = []
    /// How the ingest stores text: one code for all its segments, so that merging them copies
    /// their text as it is.
    private var code: TextCode?
    let budget: Int

    init(dir: String, catalog: Catalog, summary: IngestSummary, segmentNumber: Int, budget: Int) {
        self.dir = dir
        self.budget = budget
        self.catalog = catalog
        self.summary = summary
        self.segmentNumber = segmentNumber
        for (i, e) in catalog.entries.enumerated() {
            bySource[e.source] = i
            ownerOfHash[e.hash] = ownerOfHash[e.hash] ?? e.source
        }
    }

    func absorb(_ batch: [Ingester.Input], _ results: [Ingester.Result]) {
        do throws(IndexError) {
            sample = results.flatMap { r -> [[UInt16]] in
                if case .parsed(_, _, _, let prepared) = r { return prepared.map(\.text) }
                return []
            }
            for (input, result) in zip(batch, results) { try absorb(input, result) }
        } catch {
            self.error = error
        }
    }

    private func currentWriter() throws(IndexError) -> SegmentWriter {
        if let w = writer { return w }
        segmentNumber += 1
        let code = self.code ?? TextCode(sample: sample)
        self.code = code
        let w = try SegmentWriter(dir: dir, name: SegmentWriter.name(number: segmentNumber), code: code, budget: budget)
        writer = w
        return w
    }

    /// Gives up the segment being written, for an ingest that stops before its commit.
    func abandon() {
        finishingGroup.wait()
        writer?.discard()
        writer = nil
    }

    /// Hands the segment being filled to be written out (see `finishing`), once the one before
    /// it is written.
    func finishSegment() throws(IndexError) {
        try waitForFinishing()
        guard let w = writer else { return }
        writer = nil
        finishing.async(group: finishingGroup) { [self] in
            // Unsynced: most are merged away (see `mergeFinished`).
            do throws(IndexError) { finished.append(try w.finish(sync: false)) } catch { finishError = error }
        }
    }

    /// Waits until every segment handed over is written, and reports the first that failed.
    func waitForFinishing() throws(IndexError) {
        finishingGroup.wait()
        if let e = finishError { throw e }
    }

    /// Joins the segments this ingest wrote into as few as 32-bit offsets allow (one, short of
    /// gigabytes of postings): a query pays for every segment it looks in.
    func mergeFinished(shouldStop: (@Sendable () -> Bool)?) throws(IndexError) {
        try waitForFinishing()
        #if canImport(Glibc)
        // What parsing freed goes back to the system before the merge maps its inputs (glibc
        // keeps freed memory in its arenas, 150 MB of it after 1 GB; its header is not in the
        // Glibc module, hence the lookup).
        if let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(f, to: (@convention(c) (Int) -> Int32).self)(0)
        }
        #endif
        var merged: [SegmentInfo] = []
        for g in SegmentMerger.groups(finished.map { SegmentMerger.sizes(of: $0.files) }) {
            let group = Array(finished[g])
            guard group.count > 1 else {
                try Disk.sync(group[0].files.map { "\(dir)/\($0.name)" })
                merged += group
                continue
            }
            segmentNumber += 1
            let inputs = try group.map { info throws(IndexError) in try Segment(dir: dir, info: info, deleted: nil) }
            let m = try SegmentMerger.merge(inputs, dir: dir, name: SegmentWriter.name(number: segmentNumber), shouldStop: shouldStop)
            catalog.move(from: group.map(\.name), to: m)
            merged.append(m.info)
            // No manifest names them: they go now rather than at the commit, to spare the disk.
            for f in group.flatMap(\.files) { try? FileManager.default.removeItem(atPath: "\(dir)/\(f.name)") }
        }
        finished = merged
    }

    private func absorb(_ input: Ingester.Input, _ result: Ingester.Result) throws(IndexError) {
        switch result {
        case .failed(let message):
            summary.failures.append(message)
        case .unchanged(let bytes):
            summary.unchangedFiles += 1
            summary.bytesRead += bytes
            if let i = bySource[input.source] { catalog.entries[i].mtime = input.mtime; catalog.entries[i].size = input.size }
        case .parsed(let hash, let bytes, var articles, var prepared):
            summary.bytesRead += bytes
            if let owner = ownerOfHash[hash], owner != input.source {
                // The same text under another name: its ids must not collide.
                let salt = Fingerprint.hex(Fingerprint.fnv1a((input.source + hash).utf8)).prefix(12)
                for k in articles.indices { articles[k].id = "\(salt)-\(articles[k].id.split(separator: "-").last ?? "")" }
                prepared = articles.map(PreparedDoc.init)
            }
            ownerOfHash[hash] = ownerOfHash[hash] ?? input.source
            let w = try currentWriter()
            let first = w.docCount
            for d in prepared { try w.add(d) }
            let entry = Catalog.Entry(source: input.source, path: input.path, hash: hash, size: input.size, mtime: input.mtime,
                                      segment: w.name, docs: Array(first..<w.docCount), jumps: articles.compactMap(Continuations.Part.init))
            if let i = bySource[input.source] {
                let previous = catalog.entries[i]
                deletions[previous.segment, default: []].formUnion(previous.docs)
                summary.piecesRemoved += previous.docs.count
                catalog.entries[i] = entry
                summary.changedFiles += 1
            } else {
                bySource[input.source] = catalog.entries.count
                catalog.entries.append(entry)
                summary.newFiles += 1
            }
            summary.piecesAdded += articles.count
            if w.isFull { try finishSegment() }
        }
    }
}
