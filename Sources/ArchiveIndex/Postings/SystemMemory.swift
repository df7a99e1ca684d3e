#if canImport(Glibc)
import Glibc
#endif

/// Memory mapped from the system, zeroed, instead of taken from the allocator: what a segment's
/// postings hold goes back to the system the moment it is let go of. Freed to glibc, a block of
/// megabytes raises its threshold for mapping, so the next ones come from its arenas and stay in
/// the process: an ingest's memory would grow with every segment it writes. Mapped with its pages
/// present, since all of it is written soon: one fault a mapping instead of one a page.
enum SystemMemory {
    static func map(_ bytes: Int) -> UnsafeMutableRawPointer {
        let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0)
        guard let p, p != MAP_FAILED else { fatalError("out of memory for postings") }
        return p
    }

    static func unmap(_ p: UnsafeMutableRawPointer, _ bytes: Int) {
        munmap(p, bytes)
    }
}
