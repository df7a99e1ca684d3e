import Foundation
import ParseCore

/// Keeps the number of segments small as incremental ingests add them. Segments that are small
/// (see `isSmall`) or mostly replaced records are rewritten, their live records re-coded but not
/// re-parsed, with the same ids, into as few segments as the budget allows; large healthy
/// segments are left alone. The commit is the same as an ingest's: all or nothing.
enum Compaction {
    static let maxSmallSegments = 8

    /// A segment an ingest filled writes postings and positions of about half its memory budget;
    /// one under a quarter is the tail of an ingest.
    static func isSmall(_ s: Manifest.SegmentEntry) -> Bool {
        s.files.filter { $0.name.hasSuffix(".post") || $0.name.hasSuffix(".pos") }.reduce(0) { $0 + $1.size } < Ingester.segmentBudget / 4
    }

    static func isMostlyDead(_ s: Manifest.SegmentEntry) -> Bool { s.deleted * 2 > s.docs }

    static func isDue(_ m: Manifest) -> Bool {
        m.segments.filter(isSmall).count > maxSmallSegments || m.segments.contains(where: isMostlyDead)
    }

    /// Compacts the committed index in `dir`; the caller holds the ingest lock.
    static func run(dir: String) throws(IndexError) {
        let archive = try Archive.open(dir: dir)
        var manifest = archive.manifest
        var catalog = try Catalog.load(dir: dir, file: manifest.catalog)
        manifest.generation += 1
        let victims = Set(manifest.segments.filter { isSmall($0) || isMostlyDead($0) }.map(\.name))
        let segmentIndex = Dictionary(uniqueKeysWithValues: archive.segments.enumerated().map { ($1.info.name, $0) })
        // File by file, in archive order, so that a file's records never straddle two segments.
        let moving = catalog.entries.indices
            .filter { victims.contains(catalog.entries[$0].segment) }
            .sorted { a, b in
                let x = catalog.entries[a], y = catalog.entries[b]
                return (segmentIndex[x.segment] ?? 0, x.docs.first ?? 0) < (segmentIndex[y.segment] ?? 0, y.docs.first ?? 0)
            }
        var number = manifest.lastSegmentNumber
        var written: [SegmentInfo] = []
        var writer: SegmentWriter?
        let sample = moving.prefix(300).flatMap { e in
            catalog.entries[e].docs.map { archive.segments[segmentIndex[catalog.entries[e].segment]!].units($0).text }
        }
        for e in moving {
            let entry = catalog.entries[e]
            guard let s = segmentIndex[entry.segment] else { continue }
            if writer == nil {
                number += 1
                writer = try SegmentWriter(dir: dir, name: SegmentWriter.name(number: number), code: TextCode(sample: sample))
            }
            let w = writer!
            let first = w.docCount
            for d in entry.docs { try w.add(PreparedDoc(archive.article(Archive.DocRef(segment: s, doc: d)))) }
            catalog.entries[e].segment = w.name
            catalog.entries[e].docs = Array(first..<w.docCount)
            if w.isFull {
                written.append(try w.finish())
                writer = nil
            }
        }
        if let w = writer { written.append(try w.finish()) }
        manifest.segments.removeAll { victims.contains($0.name) }
        manifest.segments += written.map(Manifest.SegmentEntry.init)
        manifest.catalog = try catalog.write(dir: dir, name: "catalog-\(manifest.generation).json")
        try manifest.commit(dir: dir)
        Ingester.removeUnreferenced(dir: dir, manifest: manifest)
    }
}
