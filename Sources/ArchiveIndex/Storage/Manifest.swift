import Foundation
import ParseCore

/// The index's table of contents. It is the only file ever replaced: a commit writes every
/// new file first, then swaps this one in by a rename, so readers see the old index or the new.
struct Manifest: Codable, Equatable {
    static let fileName = "MANIFEST.json"
    /// 9: a catalog entry is known by its real path, and a copy's entry holds no pieces.
    /// 10: terms are indexed with traditional characters folded to simplified (ScriptFolding).
    static let currentFormat = 10

    struct File: Codable, Equatable {
        var name: String
        var size: Int
        var checksum: String
    }

    struct SegmentEntry: Codable, Equatable {
        var name: String
        var docs: Int
        var textUnits: Int
        var files: [File]
        var deletions: File?
        var deleted: Int

        /// A segment just written: nothing in it deleted yet.
        init(_ s: SegmentInfo) {
            self.init(name: s.name, docs: s.docCount, textUnits: s.textUnits, files: s.files.map(Manifest.file),
                      deletions: nil, deleted: 0)
        }

        init(name: String, docs: Int, textUnits: Int, files: [File], deletions: File?, deleted: Int) {
            self.name = name; self.docs = docs; self.textUnits = textUnits
            self.files = files; self.deletions = deletions; self.deleted = deleted
        }
    }

    var format = Manifest.currentFormat
    var generation = 0
    var segments: [SegmentEntry] = []
    var catalog: File?
    /// The folder sources are relative to (`ArchiveRoot`), from the index's first ingest.
    var root: String?
    /// The articles linked across pages (`ContinuationLinks`).
    var links: File?

    var liveDocs: Int { segments.reduce(0) { $0 + $1.docs - $1.deleted } }

    /// The number of the newest segment; new segments are numbered on from it.
    var lastSegmentNumber: Int { segments.compactMap { Int($0.name.dropFirst(4)) }.max() ?? 0 }

    /// Every file the manifest names, with what it must be.
    var allFiles: [File] {
        segments.flatMap { $0.files + ($0.deletions.map { [$0] } ?? []) } + (catalog.map { [$0] } ?? []) + (links.map { [$0] } ?? [])
    }

    static func load(dir: String) throws(IndexError) -> Manifest? {
        let path = "\(dir)/\(fileName)"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw IndexError("\(path): cannot be read") }
        let m: Manifest
        do { m = try JSONDecoder().decode(Manifest.self, from: data) } catch {
            throw IndexError("\(path): not a valid manifest; the index is damaged, run 'archive ingest --rebuild'")
        }
        guard m.format == currentFormat else {
            throw IndexError("\(path): index format \(m.format), this archive reads format \(currentFormat); run 'archive ingest --rebuild'")
        }
        return m
    }

    /// Writes the manifest under a temporary name, syncs it and renames it into place; `previous`
    /// is the manifest it replaces, whose files were checked before they were built upon.
    func commit(dir: String, replacing previous: Manifest?) throws(IndexError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(self) } catch { throw IndexError("\(dir)/\(Self.fileName): cannot encode") }
        let sink = try FileSink(path: "\(dir)/\(Self.fileName)")
        try sink.write([UInt8](data))
        try sink.finish()
        Disk.syncDirectory(dir)
        Integrity.vouch(dir: dir, manifest: self, previous: previous)
    }

    static func hex(_ v: UInt64) -> String { Fingerprint.hex(v) }

    static func file(_ r: FileRecord) -> File { File(name: r.name, size: r.size, checksum: hex(r.checksum)) }
}

/// What the index knows of each dump it has read: enough to skip it when unchanged and to
/// find its pieces when it changes or goes away.
struct Catalog: Codable, Equatable {
    struct Entry: Codable, Equatable {
        /// How the file's records name it (`ArchiveRoot.source`).
        var source: String
        /// The file's real path: what it is known by, and where to tell whether it is gone.
        var path: String
        var hash: String
        var size: Int
        var mtime: Double
        var segment: String
        var docs: [Int]
        /// The file's pieces that jump to or from another page, for linking them.
        var jumps: [Continuations.Part]
        /// The real path of the file with the same bytes whose pieces stand for this one's: a
        /// copy holds no pieces of its own.
        var copyOf: String?
    }
    var entries: [Entry] = []

    static func load(dir: String, file: Manifest.File?) throws(IndexError) -> Catalog {
        guard let file else { return Catalog() }
        let path = "\(dir)/\(file.name)"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IndexError("\(path): missing; the index is damaged, run 'archive ingest --rebuild'")
        }
        do { return try JSONDecoder().decode(Catalog.self, from: data) } catch {
            throw IndexError("\(path): not a valid catalog; the index is damaged, run 'archive ingest --rebuild'")
        }
    }

    func write(dir: String, name: String) throws(IndexError) -> Manifest.File {
        try Manifest.writeJSON(self, dir: dir, name: name)
    }
}

extension Manifest {
    /// Writes a small JSON file of the index, synced, and returns its manifest entry.
    static func writeJSON<T: Encodable>(_ value: T, dir: String, name: String) throws(IndexError) -> File {
        let data: Data
        do { data = try JSONEncoder().encode(value) } catch { throw IndexError("\(dir)/\(name): cannot encode") }
        let sink = try FileSink(path: "\(dir)/\(name)")
        try sink.write([UInt8](data))
        try sink.finish()
        return File(name: name, size: sink.size, checksum: hex(sink.checksum.value))
    }
}
