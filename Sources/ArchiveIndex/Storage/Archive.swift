import Foundation
import ParseCore

/// An index opened for reading. Opening maps the segments and reads only the manifest.
public final class Archive: @unchecked Sendable {
    public let dir: String
    let manifest: Manifest
    let segments: [Segment]
    /// Mean text length of the records, for BM25. Replaced records still count until their
    /// segment is compacted: opening an index must not cost a pass over every record.
    let averageLength: Double

    /// Where a record is: its segment and its number there. Archive order is this order.
    public struct DocRef: Hashable, Comparable, Sendable {
        public let segment: Int
        public let doc: Int
        public static func < (a: DocRef, b: DocRef) -> Bool { (a.segment, a.doc) < (b.segment, b.doc) }
    }

    public static func open(dir: String) throws(IndexError) -> Archive {
        guard var manifest = try Manifest.load(dir: dir) else {
            throw IndexError("\(dir): no index here; build one with 'archive ingest PATH --index \(dir)'")
        }
        var attempts = 0
        while true {
            do {
                return try Archive(dir: dir, manifest: manifest)
            } catch {
                // An ingest may have committed between reading the manifest and opening its
                // files, and removed some of them: a newer manifest names files that are there.
                attempts += 1
                guard attempts < 5, let newer = try Manifest.load(dir: dir), newer.generation != manifest.generation else { throw error }
                manifest = newer
            }
        }
    }

    init(dir: String, manifest: Manifest) throws(IndexError) {
        self.dir = dir
        self.manifest = manifest
        try Integrity.check(dir: dir, manifest: manifest)
        var segments: [Segment] = []
        for s in manifest.segments {
            let deleted = try s.deletions.map { f throws(IndexError) in try Self.loadDeletions(dir: dir, file: f, docs: s.docs) }
            let info = SegmentInfo(name: s.name, docCount: s.docs, textUnits: s.textUnits,
                                   files: s.files.map { FileRecord(name: $0.name, size: $0.size, checksum: 0) })
            let seg = try Segment(dir: dir, info: info, deleted: deleted)
            segments.append(seg)
        }
        self.segments = segments
        averageLength = Double(manifest.segments.reduce(0) { $0 + $1.textUnits }) / Double(max(1, manifest.segments.reduce(0) { $0 + $1.docs }))
    }

    static func loadDeletions(dir: String, file: Manifest.File, docs: Int) throws(IndexError) -> [UInt64] {
        let m = try MappedFile(path: "\(dir)/\(file.name)")
        let words = (docs + 63) / 64
        guard m.count == words * 8 else {
            throw IndexError("\(m.path): wrong size for \(docs) documents; the index is damaged, run 'archive ingest --rebuild'")
        }
        return (0..<words).map { m.u64($0 * 8) }
    }

    public var pieceCount: Int { manifest.liveDocs }

    /// The UTF-16 units of text the segments hold (a record replaced counts until its segment
    /// is merged): the archive's size as collocation measures weigh it.
    public var textUnits: Int { manifest.segments.reduce(0) { $0 + $1.textUnits } }

    /// Every live record in archive order.
    public var allDocs: [DocRef] {
        var out: [DocRef] = []
        out.reserveCapacity(pieceCount)
        for (s, seg) in segments.enumerated() {
            for d in 0..<seg.docCount where seg.isLive(d) { out.append(DocRef(segment: s, doc: d)) }
        }
        return out
    }

    public func article(_ r: DocRef) -> Article { segments[r.segment].article(r.doc) }

    /// A record as the JSON outputs print it: with the ids of the other part of an article
    /// continued across pages.
    public func record(_ r: DocRef) -> Article { linked(article(r)) }

    /// The record with the ids of the other part of its article, if continued across pages.
    func linked(_ record: Article) -> Article {
        var a = record
        if let link = continuations[a.id] { a.continuesToId = link.rest; a.continuedFromId = link.first }
        return a
    }

    /// Each linked part's other half, read on first use (a search printing no record never
    /// reads it; its checksum was checked on open): (first part, continuation) by id.
    private lazy var continuations: [String: (first: String?, rest: String?)] = {
        var out: [String: (first: String?, rest: String?)] = [:]
        for p in (try? ContinuationLinks.load(dir: dir, file: manifest.links))?.pairs ?? [] {
            out[p[0], default: (nil, nil)].rest = p[1]
            out[p[1], default: (nil, nil)].first = p[0]
        }
        return out
    }()

    /// The first and last date (yyyymmdd) of the live records that have one.
    public var dateRange: ClosedRange<UInt32>? {
        let days = allDocs.map(date).filter { $0 > 0 }
        guard let first = days.min(), let last = days.max() else { return nil }
        return first...last
    }

    /// How many live records fall in each month (yyyymm; 0 for those without a date): what a
    /// rate per 1,000 pieces of a period divides by.
    public var piecesByMonth: [UInt32: Int] {
        var out: [UInt32: Int] = [:]
        for r in allDocs { out[date(r) / 100, default: 0] += 1 }
        return out
    }

    public func date(_ r: DocRef) -> UInt32 { segments[r.segment].date(r.doc) }
    public func reporters(_ r: DocRef) -> [String] { segments[r.segment].reporters(r.doc) }
    public func isPhoto(_ r: DocRef) -> Bool { segments[r.segment].isPhoto(r.doc) }

    /// The ids of every part the index has linked to another.
    public var linkedIds: Set<String> { Set(continuations.keys) }

    /// Where each of `ids` is, in one pass over the records (find(id:) for many ids at once).
    public func find(ids: Set<String>) -> [String: DocRef] {
        let hashes = Set(ids.map { Fingerprint.fnv1a($0.utf8) })
        var out: [String: DocRef] = [:]
        for (s, seg) in segments.enumerated() {
            for d in 0..<seg.docCount where hashes.contains(seg.idHash(d)) && seg.isLive(d) {
                let r = DocRef(segment: s, doc: d)
                let id = article(r).id
                if ids.contains(id) { out[id] = r }
            }
        }
        return out
    }

    public func find(id: String) -> DocRef? { find(ids: [id])[id] }

    /// Bytes of every file the manifest names, plus the manifest.
    public var sizeOnDisk: Int {
        manifest.allFiles.reduce(0) { $0 + $1.size }
            + ((try? FileManager.default.attributesOfItem(atPath: "\(dir)/\(Manifest.fileName)")[.size] as? Int) ?? 0)
    }

    /// Checks every index file against the manifest, whole: present, of the recorded size and
    /// checksum. Works on a damaged index, which cannot be opened, and lists every problem.
    public static func verify(dir: String) throws(IndexError) -> (problems: [String], pieces: Int) {
        guard let manifest = try Manifest.load(dir: dir) else {
            throw IndexError("\(dir): no index here; build one with 'archive ingest PATH --index \(dir)'")
        }
        var problems: [String] = []
        for f in manifest.allFiles {
            let path = "\(dir)/\(f.name)"
            if let p = Integrity.problem(f, path: path) { problems.append("\(path): \(p)") }
        }
        return (problems, manifest.liveDocs)
    }

    public var files: [(source: String, pieces: Int)] {
        ((try? Catalog.load(dir: dir, file: manifest.catalog))?.entries ?? []).map { ($0.source, $0.docs.count) }
    }
}
