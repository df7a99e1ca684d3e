/// Byte streams that grow in slices of a shared pool of 1 MB blocks (the way Lucene's byte block
/// pool does) instead of an array each: small slices for the many rare terms, growing ones for the
/// common, and no block ever moves or doubles. A slice ends with the 4-byte address of the next
/// one. A stream's `Cursor` is kept by its owner, beside whatever else an append touches, so that
/// an append costs one cache miss for the cursor and one for the bytes.
/// Blocks are mapped from the system (see `SystemMemory`).
final class SlicePool {
    /// Where a stream writes next: 8 bytes, so that its owner can keep it in a small hash slot.
    struct Cursor {
        var at: UInt32
        /// Bytes left in the current slice before the address of the next one.
        var left: UInt16
        var level: UInt16
    }

    static let blockBits = 20
    static let blockSize = 1 << blockBits
    /// Slices are 16 bytes at level 0, doubling to 4 KB at the top level.
    private static let topLevel: UInt16 = 8
    @inline(__always) private static func size(_ level: UInt16) -> UInt32 { 16 << level }

    private var blocks = RawVector<UnsafeMutablePointer<UInt8>>(capacity: 64)
    /// Bytes handed out in the last block.
    private var used = SlicePool.blockSize

    deinit {
        for i in 0..<blocks.count { SystemMemory.unmap(blocks[i], Self.blockSize) }
        blocks.deallocate()
    }

    /// Memory held, for the ingest's budget.
    var footprint: Int { blocks.count * Self.blockSize }

    /// A new stream: its first slice, where reading it starts (`at`) and writing continues.
    func start() -> Cursor {
        let s = allocate(level: 0)
        return Cursor(at: s, left: UInt16(Self.size(0) - 4), level: 0)
    }

    @inline(__always) private func pointer(_ address: UInt32) -> UnsafeMutablePointer<UInt8> {
        blocks[Int(address >> UInt32(Self.blockBits))] + Int(address & UInt32(Self.blockSize - 1))
    }

    private func allocate(level: UInt16) -> UInt32 {
        let size = Int(Self.size(level))
        if used + size > Self.blockSize {
            blocks.append(SystemMemory.map(Self.blockSize).assumingMemoryBound(to: UInt8.self))
            used = 0
        }
        let address = UInt32((blocks.count - 1) << Self.blockBits + used)
        used += size
        return address
    }

    /// Reads the byte at `address`, so that a later append or read there finds it in the cache.
    @inline(__always) func touch(at address: UInt32) -> UInt64 {
        UInt64(pointer(address).pointee)
    }

    /// Appends the low `n` (at most 8) bytes of `word`, lowest first, to the stream `c` writes:
    /// one store while the slice has 8 bytes left, since what lands past `n` is room the stream
    /// has not written yet.
    @inline(__always) func append(word: UInt64, count n: Int, to c: inout Cursor) {
        guard c.left >= 8 else {
            return withUnsafeBytes(of: word.littleEndian) { append(UnsafeRawBufferPointer(rebasing: $0[..<n]), to: &c) }
        }
        UnsafeMutableRawPointer(pointer(c.at)).storeBytes(of: word.littleEndian, as: UInt64.self)
        c.at += UInt32(n)
        c.left -= UInt16(n)
    }

    /// Appends 16-bit numbers, in the machine's order, to the stream `c` writes.
    @inline(__always) func append(_ src: UnsafeBufferPointer<UInt16>, to c: inout Cursor) {
        let n = src.count * 2
        guard n <= Int(c.left) else { return append(UnsafeRawBufferPointer(src), to: &c) }
        let to = UnsafeMutableRawPointer(pointer(c.at))
        for j in 0..<src.count { to.storeBytes(of: src[j], toByteOffset: 2 * j, as: UInt16.self) }
        c.at += UInt32(n)
        c.left -= UInt16(n)
    }

    /// Appends bytes to the stream `c` writes.
    @inline(__always) func append(_ src: UnsafeRawBufferPointer, to c: inout Cursor) {
        var from = 0
        let n = src.count
        while from < n {
            if c.left == 0 {
                let level = min(c.level + 1, Self.topLevel)
                let next = allocate(level: level)
                UnsafeMutableRawPointer(pointer(c.at)).storeBytes(of: next.littleEndian, as: UInt32.self)
                c = Cursor(at: next, left: UInt16(Self.size(level) - 4), level: level)
            }
            let k = min(n - from, Int(c.left))
            let to = pointer(c.at)
            for j in 0..<k { to[j] = src[from + j] }
            c.at += UInt32(k)
            c.left -= UInt16(k)
            from += k
        }
    }

    /// Hands over in order, a slice at a time, the stream that starts at `first` and that `end`
    /// writes.
    func forEachPart<E: Error>(from first: UInt32, to end: Cursor, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        var at = first
        var level: UInt16 = 0
        while true {
            let last = end.at >= at && end.at <= at + Self.size(level) - 4
            let stop = last ? end.at : at + Self.size(level) - 4
            try body(UnsafeBufferPointer(start: pointer(at), count: Int(stop - at)))
            if last { return }
            let p = pointer(stop)
            at = UInt32(p[0]) | UInt32(p[1]) << 8 | UInt32(p[2]) << 16 | UInt32(p[3]) << 24
            level = min(level + 1, Self.topLevel)
        }
    }
}
