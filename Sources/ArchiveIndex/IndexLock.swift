#if canImport(Glibc)
import Glibc
#endif

/// One ingest at a time per index: a second one waits. The kernel drops the lock when its
/// process ends, however it ends, so a crashed ingest never leaves a stale lock behind.
final class IndexLock {
    private var fd: Int32

    init(dir: String) throws(IndexError) {
        fd = open("\(dir)/LOCK", O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw IndexError("\(dir)/LOCK: cannot open the lock file") }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { close(fd); throw IndexError("\(dir)/LOCK: cannot lock the index") }
        }
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }
}
