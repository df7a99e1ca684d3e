import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every index file is checked against the checksum its manifest records before it is read.
/// Checking 200 MB on every search would cost more than the search, so each file is checked once
/// per version: the `VERIFIED` file lists the files vouched for by their identity (size, inode
/// and change time, which any write, truncation or replacement alters and no one can set back).
/// An ingest checks the index it builds on first, then vouches for the files it has just written
/// and checksummed and for the others only while they are as they were vouched for; a reader
/// checks any file not vouched for and, when it may, records that it did. `archive verify` checks
/// everything.
enum Integrity {
    static let fileName = "VERIFIED"

    private static func identity(_ path: String) -> String? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return "\(st.st_size) \(st.st_ino) \(st.st_ctim.tv_sec) \(st.st_ctim.tv_nsec)"
    }

    private static func load(_ dir: String) -> [String: String] {
        guard let text = try? String(contentsOfFile: "\(dir)/\(fileName)", encoding: .utf8) else { return [:] }
        var out: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { out[String(parts[0])] = String(parts[1]) }
        }
        return out
    }

    /// Records `files` as checked; best effort, as a reader may not be allowed to write.
    private static func record(_ files: [Manifest.File], dir: String) {
        var text = ""
        for f in files { if let id = identity("\(dir)/\(f.name)") { text += "\(f.name) \(id)\n" } }
        let tmp = "\(dir)/\(fileName).\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: tmp, contents: Data(text.utf8)) else { return }
        if rename(tmp, "\(dir)/\(fileName)") != 0 { unlink(tmp) }
    }

    /// After a commit: the files that `previous` did not name were written and checksummed just
    /// now; the others stay vouched for only if they still are the version that was.
    static func vouch(dir: String, manifest: Manifest, previous: Manifest?) {
        let vouched = load(dir)
        let old = Set(previous?.allFiles.map(\.name) ?? [])
        record(manifest.allFiles.filter { f in
            !old.contains(f.name) || (vouched[f.name] != nil && vouched[f.name] == identity("\(dir)/\(f.name)"))
        }, dir: dir)
    }

    /// Before reading: each file not vouched for in its present version is checked whole.
    static func check(dir: String, manifest: Manifest) throws(IndexError) {
        let vouched = load(dir)
        var checked = false
        for f in manifest.allFiles {
            let path = "\(dir)/\(f.name)"
            guard let id = identity(path) else { throw damaged(path, "missing") }
            if vouched[f.name] == id { continue }
            if let problem = problem(f, path: path) { throw damaged(path, problem) }
            checked = true
        }
        if checked { record(manifest.allFiles, dir: dir) }
    }

    /// What is wrong with a file, checked whole against the manifest; nil when nothing is.
    static func problem(_ f: Manifest.File, path: String) -> String? {
        guard let m = try? MappedFile(path: path) else { return "missing" }
        if m.count != f.size { return "\(m.count) bytes, the manifest says \(f.size)" }
        if Manifest.hex(m.checksum()) != f.checksum { return "checksum mismatch" }
        return nil
    }

    static func damaged(_ path: String, _ problem: String) -> IndexError {
        IndexError("\(path): \(problem); the index is damaged, run 'archive ingest --rebuild'")
    }
}
