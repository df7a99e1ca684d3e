import Foundation
import ParseCore

/// Rewrites an index whose segments have piled up, or that holds mostly replaced records, into
/// one segment of its live records, in archive order, with the same ids. Records are re-coded
/// but not re-parsed. The commit is the same as an ingest's: all or nothing.
enum Compaction {
    static let maxSegments = 8

    static func isDue(_ m: Manifest) -> Bool {
        let docs = m.segments.reduce(0) { $0 + $1.docs }
        let dead = m.segments.reduce(0) { $0 + $1.deleted }
        return m.segments.count > maxSegments || (docs > 0 && dead * 2 > docs)
    }

    /// Compacts the committed index in `dir`; the caller holds the ingest lock.
    static func run(dir: String) throws(IndexError) {
        let archive = try Archive.open(dir: dir)
        var manifest = archive.manifest
        var catalog = try Catalog.load(dir: dir, file: manifest.catalog)
        manifest.generation += 1
        let name = String(format: "seg-%06d", (manifest.segments.compactMap { Int($0.name.dropFirst(4)) }.max() ?? 0) + 1)
        let refs = archive.allDocs
        var newNumber: [String: [Int: Int]] = [:]
        let sample = refs.prefix(2000).map { archive.segments[$0.segment].units($0.doc).text }
        let writer = try SegmentWriter(dir: dir, name: name, code: TextCode(sample: Array(sample)))
        for (i, r) in refs.enumerated() {
            try writer.add(PreparedDoc(archive.article(r)))
            newNumber[archive.segments[r.segment].info.name, default: [:]][r.doc] = i
        }
        let info = try writer.finish()
        for e in catalog.entries.indices {
            let old = catalog.entries[e]
            catalog.entries[e].segment = name
            catalog.entries[e].docs = old.docs.compactMap { newNumber[old.segment]?[$0] }
        }
        manifest.segments = [Manifest.SegmentEntry(name: name, docs: info.docCount, textUnits: info.textUnits,
                                                   files: info.files.map(Manifest.file), deletions: nil, deleted: 0)]
        manifest.catalog = try catalog.write(dir: dir, name: "catalog-\(manifest.generation).json")
        try manifest.commit(dir: dir)
        Ingester.removeUnreferenced(dir: dir, manifest: manifest)
    }
}
