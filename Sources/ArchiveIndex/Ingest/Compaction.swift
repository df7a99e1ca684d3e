import Foundation
import ParseCore

/// Keeps the number of segments small as incremental ingests add them. Segments that are small
/// (see `isSmall`) or mostly replaced records are merged (see `SegmentMerger`), their live records
/// renumbered, into as few segments as 32-bit offsets allow; large healthy segments are left
/// alone. The commit is the same as an ingest's: all or nothing.
enum Compaction {
    static let maxSmallSegments = 8

    /// A segment whose postings and positions are under a quarter of an ingest's memory budget
    /// comes from an ingest of a few files.
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
        let names = Set(manifest.segments.filter { isSmall($0) || isMostlyDead($0) }.map(\.name))
        let victims = archive.segments.filter { names.contains($0.info.name) }
        var number = manifest.lastSegmentNumber
        var written: [SegmentInfo] = []
        for g in SegmentMerger.groups(victims.map { SegmentMerger.sizes(of: $0.info.files) }) {
            number += 1
            let m = try SegmentMerger.merge(Array(victims[g]), dir: dir, name: SegmentWriter.name(number: number))
            catalog.move(from: victims[g].map(\.info.name), to: m)
            written.append(m.info)
        }
        manifest.segments.removeAll { names.contains($0.name) }
        manifest.segments += written.map(Manifest.SegmentEntry.init)
        manifest.catalog = try catalog.write(dir: dir, name: "catalog-\(manifest.generation).json")
        try manifest.commit(dir: dir, replacing: archive.manifest)
        Ingester.removeUnreferenced(dir: dir, manifest: manifest)
    }
}
