import Foundation
import ParseCore
#if canImport(Glibc)
import Glibc
#endif

/// Finds the dumps under the paths an ingest is given: files named, and `*.txt` files in folders
/// named, recursively, following links to folders but never into a folder already walked (a link
/// loop is reported once and skipped).
struct DumpFinder {
    private(set) var inputs: [Ingester.Input] = []
    private(set) var failures: [String] = []
    private(set) var skipped: [String] = []
    private var walked = Set<[UInt64]>()

    init(paths: [String]) {
        for path in paths {
            var st = stat()
            guard stat(path, &st) == 0 else { failures.append("\(path): no such file or folder"); continue }
            if st.st_mode & S_IFMT == S_IFDIR {
                let root = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
                walk(root, relative: "", st)
            } else {
                add(source: path, path: path, st)
            }
        }
        var seen = Set<String>()
        inputs = inputs.filter { seen.insert($0.source).inserted }
    }

    private mutating func walk(_ dir: String, relative: String, _ st: stat) {
        guard walked.insert([UInt64(st.st_dev), UInt64(st.st_ino)]).inserted else {
            skipped.append("\(dir): a link to a folder already read; not followed again")
            return
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            failures.append("\(dir): cannot be read")
            return
        }
        for name in names.sorted() {
            let path = "\(dir)/\(name)", rel = relative.isEmpty ? name : "\(relative)/\(name)"
            var s = stat()
            guard stat(path, &s) == 0 else {
                if name.hasSuffix(".txt") { failures.append("\(path): a link to nothing") }
                continue
            }
            if s.st_mode & S_IFMT == S_IFDIR {
                walk(path, relative: rel, s)
            } else if name.hasSuffix(".txt") {
                add(source: rel, path: path, s)
            }
        }
    }

    private mutating func add(source: String, path: String, _ st: stat) {
        guard st.st_mode & S_IFMT == S_IFREG else { failures.append("\(path): not a regular file"); return }
        let size = Int(st.st_size)
        guard size <= TextDecoding.maxDumpBytes else {
            failures.append("\(path): \(size >> 20) MB is too large for a page dump (at most \(TextDecoding.maxDumpBytes >> 20) MB)")
            return
        }
        let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        inputs.append(Ingester.Input(source: source, path: path, size: size, mtime: mtime))
    }
}
