import Foundation
import ParseCore
#if canImport(Glibc)
import Glibc
#endif

/// Finds the dumps under the paths an ingest is given: files named, and `*.txt` files in folders
/// named, recursively, following links to folders but never into a folder already walked (a link
/// loop is reported once and skipped). A file is known by its real path, so one reached twice
/// (named twice, or from two folders, or through a link) is read once.
struct DumpFinder {
    private(set) var inputs: [Ingester.Input] = []
    private(set) var failures: [String] = []
    private(set) var skipped: [String] = []
    /// Folders read, and the folders above the one being read: a folder reached again is passed
    /// over (its files are in already), and only one that leads back above itself is a loop.
    private var walked = Set<[UInt64]>(), above: [[UInt64]] = []

    init(paths: [String]) {
        for path in paths {
            var st = stat()
            guard stat(path, &st) == 0 else { failures.append("\(path): no such file or folder"); continue }
            if st.st_mode & S_IFMT == S_IFDIR {
                walk(path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path, st)
            } else {
                add(path, st)
            }
        }
        var seen = Set<String>()
        inputs = inputs.filter { seen.insert($0.path).inserted }
    }

    private mutating func walk(_ dir: String, _ st: stat) {
        let key = [UInt64(st.st_dev), UInt64(st.st_ino)]
        guard !above.contains(key) else {
            skipped.append("\(dir): a link back to a folder above it; not followed")
            return
        }
        guard walked.insert(key).inserted else { return }
        above.append(key)
        defer { above.removeLast() }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            failures.append("\(dir): cannot be read")
            return
        }
        for name in names.sorted() {
            let path = "\(dir)/\(name)"
            var s = stat()
            guard stat(path, &s) == 0 else {
                if name.hasSuffix(".txt") { failures.append("\(path): a link to nothing") }
                continue
            }
            if s.st_mode & S_IFMT == S_IFDIR {
                walk(path, s)
            } else if name.hasSuffix(".txt") {
                add(path, s)
            }
        }
    }

    private mutating func add(_ path: String, _ st: stat) {
        guard st.st_mode & S_IFMT == S_IFREG else { failures.append("\(path): not a regular file"); return }
        let size = Int(st.st_size)
        guard size <= TextDecoding.maxDumpBytes else {
            failures.append("\(path): \(size >> 20) MB is too large for a page dump (at most \(TextDecoding.maxDumpBytes >> 20) MB)")
            return
        }
        guard let real = realpath(path, nil) else { failures.append("\(path): cannot be resolved"); return }
        defer { free(real) }
        inputs.append(Ingester.Input(path: String(cString: real), shown: path, size: size, mtime: Self.mtime(st)))
    }

    static func mtime(_ st: stat) -> Double { Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9 }
}
