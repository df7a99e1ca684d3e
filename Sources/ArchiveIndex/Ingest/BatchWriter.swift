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
    /// Each catalog entry's place, by real path.
    var byPath: [String: Int] = [:]
    /// For each content hash, the real path of the file whose pieces it has: a file of the same
    /// bytes is a copy of it, or, when that file is gone, the same file moved.
    var ownerOfHash: [String: String] = [:]
    /// Entries that are to go from the catalog (a file moved onto another's entry, or pruned).
    private var retired = Set<Int>()
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
            byPath[e.path] = i
            if e.copyOf == nil { ownerOfHash[e.hash] = e.path }
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
            if let i = byPath[input.path] { catalog.entries[i].mtime = input.mtime; catalog.entries[i].size = input.size }
        case .parsed(let hash, let bytes, let articles, let prepared):
            summary.bytesRead += bytes
            let previous = byPath[input.path]
            var movedFrom: Int?
            if let owner = ownerOfHash[hash], owner != input.path, let o = byPath[owner] {
                guard !FileManager.default.fileExists(atPath: owner) else {
                    if let i = previous { retire(i) }
                    count(asNew: previous == nil, input)
                    place(Catalog.Entry(source: input.source, path: input.path, hash: hash, size: input.size, mtime: input.mtime,
                                        segment: "", docs: [], jumps: [], copyOf: owner), at: previous)
                    summary.copies.append("\(input.shown): the same bytes as \(catalog.entries[o].source)")
                    return
                }
                movedFrom = o
            }
            let w = try currentWriter()
            let first = w.docCount
            for d in prepared { try w.add(d) }
            let entry = Catalog.Entry(source: input.source, path: input.path, hash: hash, size: input.size, mtime: input.mtime,
                                      segment: w.name, docs: Array(first..<w.docCount), jumps: articles.compactMap(Continuations.Part.init))
            if let o = movedFrom {
                // The same pieces under the new path: neither added nor removed.
                retire(o, counted: false)
                retired.insert(o)
                if let i = previous { retire(i) }
                place(entry, at: previous)
                summary.movedFiles += 1
            } else {
                if let i = previous { retire(i) }
                place(entry, at: previous)
                summary.piecesAdded += articles.count
                count(asNew: previous == nil, input)
            }
            ownerOfHash[hash] = input.path
            if w.isFull { try finishSegment() }
        }
    }

    private func count(asNew: Bool, _ input: Ingester.Input) {
        if asNew { summary.newFiles += 1 } else if !input.reread { summary.changedFiles += 1 }
    }

    /// Puts an entry in the catalog, in place of the one at `i` when there is one.
    private func place(_ entry: Catalog.Entry, at i: Int?) {
        if let i {
            catalog.entries[i] = entry
        } else {
            byPath[entry.path] = catalog.entries.count
            catalog.entries.append(entry)
        }
    }

    /// Marks the pieces of entry `i` dead; a hash whose pieces they were has no owner any more.
    private func retire(_ i: Int, counted: Bool = true) {
        let e = catalog.entries[i]
        if !e.docs.isEmpty { deletions[e.segment, default: []].formUnion(e.docs) }
        if counted { summary.piecesRemoved += e.docs.count }
        if ownerOfHash[e.hash] == e.path { ownerOfHash[e.hash] = nil }
    }

    /// Drops the entries of files that are gone (`--prune`).
    func prune() {
        for (i, e) in catalog.entries.enumerated() where !retired.contains(i) && !FileManager.default.fileExists(atPath: e.path) {
            retire(i)
            retired.insert(i)
            summary.prunedFiles += 1
        }
    }

    /// Copies whose original changed or went: their pieces must now come from themselves.
    func orphanedCopies() -> [Catalog.Entry] {
        catalog.entries.enumerated().filter { i, e in
            !retired.contains(i) && e.copyOf != nil && ownerOfHash[e.hash] == nil && FileManager.default.fileExists(atPath: e.path)
        }.map(\.element)
    }

    /// The catalog as it is to be committed: retired entries gone, each copy naming its original
    /// where it is now.
    func finishedCatalog() -> Catalog {
        var out = Catalog()
        for (i, e) in catalog.entries.enumerated() where !retired.contains(i) {
            var e = e
            if e.copyOf != nil { e.copyOf = ownerOfHash[e.hash] ?? e.copyOf }
            out.entries.append(e)
        }
        return out
    }
}
