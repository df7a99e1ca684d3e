import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One ingest at a time per index: a second one waits, or with `wait: false` gives up at once.
/// The kernel drops the lock when its process ends, however it ends, so a lock is never stale:
/// the process id written into the file only says who holds it.
final class IndexLock {
    private var fd: Int32

    init(dir: String, wait: Bool, onWait: (() -> Void)? = nil) throws(IndexError) {
        let path = "\(dir)/LOCK"
        fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw IndexError("\(path): cannot open the lock file") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else { close(fd); throw IndexError("\(path): cannot lock the index") }
            let holder = Self.holder(fd)
            guard wait else {
                close(fd)
                throw IndexError("\(dir): another ingest\(holder.map { " (process \($0))" } ?? "") is writing this index; try again when it is done", kind: .busy)
            }
            onWait?()
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else { close(fd); throw IndexError("\(path): cannot lock the index") }
            }
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
    }

    private static func holder(_ fd: Int32) -> Int? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, buffer.count, 0)
        guard n > 0 else { return nil }
        return Int(String(decoding: buffer[..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }
}
