#if canImport(Glibc)
import Glibc
#endif

/// Byte streams, one per term, that grow in slices of a shared pool of 1 MB blocks (the way
/// Lucene's byte block pool does) instead of an array per term: small slices for the many rare
/// terms, growing ones for the common, and no block ever moves or doubles. A slice ends with the
/// 4-byte address of the next one, so a stream costs only its head, cursor and level to keep.
/// Blocks are mapped from the system, not taken from the allocator, so that a finished segment's
/// postings go back to the system at once (freed to the allocator, they stay in the process).
final class SlicePool {
    private struct Stream {
        var first: UInt32
        var cursor: UInt32
        /// Where the current slice's data ends and the address of the next slice goes.
        var limit: UInt32
        var level: UInt32
    }

    static let blockBits = 20
    static let blockSize = 1 << blockBits
    /// Slices are 16 bytes at level 0, doubling to 4 KB at the top level.
    private static let topLevel: UInt32 = 8
    @inline(__always) private static func size(_ level: UInt32) -> UInt32 { 16 << level }

    private var streams = RawVector<Stream>(capacity: 1 << 12)
    private var blocks = RawVector<UnsafeMutablePointer<UInt8>>(capacity: 64)
    /// Bytes handed out in the last block.
    private var used = SlicePool.blockSize

    deinit {
        streams.deallocate()
        for i in 0..<blocks.count { munmap(blocks[i], Self.blockSize) }
        blocks.deallocate()
    }

    /// Memory held, for the ingest's budget.
    var footprint: Int { blocks.count * Self.blockSize + streams.capacity * MemoryLayout<Stream>.stride }

    func addStream() {
        let s = allocate(level: 0)
        streams.append(Stream(first: s, cursor: s, limit: s + Self.size(0) - 4, level: 0))
    }

    @inline(__always) private func pointer(_ address: UInt32) -> UnsafeMutablePointer<UInt8> {
        blocks[Int(address >> UInt32(Self.blockBits))] + Int(address & UInt32(Self.blockSize - 1))
    }

    private func allocate(level: UInt32) -> UInt32 {
        let size = Int(Self.size(level))
        if used + size > Self.blockSize {
            let block = mmap(nil, Self.blockSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            guard let block, block != MAP_FAILED else { fatalError("out of memory for postings") }
            blocks.append(block.assumingMemoryBound(to: UInt8.self))
            used = 0
        }
        let address = UInt32((blocks.count - 1) << Self.blockBits + used)
        used += size
        return address
    }

    /// Reads where stream `t` writes next, so that a later append finds it in the cache.
    @inline(__always) func touch(_ t: Int) -> UInt64 {
        UInt64(pointer(streams[t].cursor).pointee)
    }

    /// Appends bytes to stream `t`.
    @inline(__always) func append(_ src: UnsafeRawBufferPointer, to t: Int) {
        var from = 0
        let n = src.count
        while from < n {
            var s = streams[t]
            if s.cursor == s.limit {
                let level = min(s.level + 1, Self.topLevel)
                let next = allocate(level: level)
                UnsafeMutableRawPointer(pointer(s.limit)).storeBytes(of: next.littleEndian, as: UInt32.self)
                s.cursor = next
                s.limit = next + Self.size(level) - 4
                s.level = level
            }
            let k = min(n - from, Int(s.limit - s.cursor))
            let to = pointer(s.cursor)
            for j in 0..<k { to[j] = src[from + j] }
            s.cursor += UInt32(k)
            from += k
            streams[t] = s
        }
    }

    /// Hands over stream `t` in order, a slice at a time.
    func forEachPart<E: Error>(of t: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        let s = streams[t]
        var at = s.first
        var level: UInt32 = 0
        while true {
            let last = s.cursor >= at && s.cursor <= at + Self.size(level) - 4
            let end = last ? s.cursor : at + Self.size(level) - 4
            try body(UnsafeBufferPointer(start: pointer(at), count: Int(end - at)))
            if last { return }
            let p = pointer(end)
            at = UInt32(p[0]) | UInt32(p[1]) << 8 | UInt32(p[2]) << 16 | UInt32(p[3]) << 24
            level = min(level + 1, Self.topLevel)
        }
    }
}
