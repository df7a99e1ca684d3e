import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Errors of the index, each one line naming the file and the problem.
public struct IndexError: Error, CustomStringConvertible, Equatable {
    public enum Kind: Sendable {
        /// The index or a file is unusable as it stands.
        case failed
        /// Another ingest holds the index, and the caller would not wait.
        case busy
        /// The ingest was asked to stop; the index is as it was before it.
        case interrupted
    }

    public let message: String
    public let kind: Kind
    public init(_ message: String, kind: Kind = .failed) {
        self.message = message
        self.kind = kind
    }
    public var description: String { message }
}

/// Appends little-endian integers and varints to a byte buffer.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func varint(_ v: UInt64) {
        var x = v
        while x >= 0x80 { bytes.append(UInt8(x & 0x7F) | 0x80); x >>= 7 }
        bytes.append(UInt8(x))
    }
    /// A posting list's entry (see `PostingTable`).
    mutating func posting(gap: Int, tf: UInt32) {
        varint(UInt64(gap) << 1 | (tf > 1 ? 1 : 0))
        if tf > 1 { varint(UInt64(tf)) }
    }
    mutating func string(_ s: String) {
        let u = Array(s.utf8)
        varint(UInt64(u.count))
        bytes.append(contentsOf: u)
    }
    mutating func string(_ utf8: UnsafeRawBufferPointer) {
        varint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }
}

/// Packs numbers of a fixed width into bytes, lowest bits first.
struct BitPacker {
    private(set) var bytes: [UInt8] = []
    private var pending: UInt64 = 0
    private var pendingBits = 0

    /// Appends each of `values` at `width` bits: every position an ingest or a merge writes
    /// comes through here, so it runs on raw buffers, whole bytes out as they fill.
    mutating func append(_ values: [UInt16], width: Int) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: (values.count * width + pendingBits) / 8))
        var pending = self.pending, bits = pendingBits, n = start
        values.withUnsafeBufferPointer { v in
            bytes.withUnsafeMutableBufferPointer { out in
                for x in v {
                    pending |= UInt64(x) << UInt64(bits)
                    bits += width
                    while bits >= 8 {
                        out[n] = UInt8(truncatingIfNeeded: pending)
                        n += 1
                        pending >>= 8
                        bits -= 8
                    }
                }
            }
        }
        self.pending = pending
        pendingBits = bits
    }

    /// Pads to a byte boundary.
    mutating func align() {
        if pendingBits > 0 { bytes.append(UInt8(truncatingIfNeeded: pending)) }
        pending = 0
        pendingBits = 0
    }

    /// The whole bytes so far, handed over and forgotten.
    mutating func take() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}

/// A read-only view of a file mapped into memory: opening an index costs no reading.
final class MappedFile: @unchecked Sendable {
    let path: String
    let count: Int
    let base: UnsafeRawPointer?
    private let mapping: UnsafeMutableRawPointer?

    init(path: String) throws(IndexError) {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IndexError("\(path): cannot open (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw IndexError("\(path): cannot stat") }
        count = Int(st.st_size)
        if count == 0 {
            mapping = nil
            base = nil
            return
        }
        let m = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0)
        guard let m, m != MAP_FAILED else { throw IndexError("\(path): cannot map into memory") }
        mapping = m
        base = UnsafeRawPointer(m)
    }

    deinit { if let mapping { munmap(mapping, count) } }

    /// Lets go of the whole pages within `r` (the kernel keeps them cached): a merge reads whole
    /// files once, front to back, and would otherwise hold every page it has read.
    func release(_ r: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (r.lowerBound + page - 1) / page * page, end = r.upperBound / page * page
        guard let mapping, end > start else { return }
        madvise(mapping + start, end - start, MADV_DONTNEED)
    }

    /// Bytes read from the file, not through the mapping (empty when it cannot be read). Opening
    /// an index checks every file's header: read through the mapping, each check would map a
    /// whole page-cache folio (a megabyte or more), and a one-word search of a 1 GB index held
    /// 120 MB of pages it never used.
    func peek(_ at: Int, _ n: Int) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var out = [UInt8](repeating: 0, count: n)
        let got = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, n, off_t(at)) }
        return got == n ? out : []
    }

    /// The 32-bit number at `at`, read as `peek` reads (0 when it cannot be read).
    func peekU32(_ at: Int) -> UInt32 {
        let b = peek(at, 4)
        return b.count == 4 ? UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24 : 0
    }

    @inline(__always) func u8(_ at: Int) -> UInt8 { base!.load(fromByteOffset: at, as: UInt8.self) }
    @inline(__always) func u16(_ at: Int) -> UInt16 { base!.loadUnaligned(fromByteOffset: at, as: UInt16.self).littleEndian }
    @inline(__always) func u32(_ at: Int) -> UInt32 { base!.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian }
    @inline(__always) func u64(_ at: Int) -> UInt64 { base!.loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndian }

    /// `n` bytes from `at`, where they lie.
    func bytes(_ at: Int, _ n: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: n == 0 ? nil : (base! + at).assumingMemoryBound(to: UInt8.self), count: n)
    }

    /// Reads a varint at `at`, advancing it.
    @inline(__always) func varint(_ at: inout Int) -> UInt64 {
        var v: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = u8(at)
            at += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }

    /// Where the string at `at` (its length, then its UTF-8 bytes) lies, moving `at` past it.
    func stringBytes(_ at: inout Int) -> UnsafeRawBufferPointer {
        let n = Int(varint(&at))
        defer { at += n }
        return UnsafeRawBufferPointer(start: n == 0 ? nil : base! + at, count: n)
    }

    func string(_ at: inout Int) -> String {
        let n = Int(varint(&at))
        let s = String(decoding: UnsafeRawBufferPointer(start: base! + at, count: n), as: UTF8.self)
        at += n
        return s
    }

    /// The file's FNV-1a fingerprint, as the manifest records it.
    func checksum() -> UInt64 {
        guard let base else { return Checksum().value }
        var c = Checksum()
        c.add(UnsafeRawBufferPointer(start: base, count: count))
        return c.value
    }
}

/// A streaming checksum over everything written to a file: FNV-1a's step taken on 64-bit
/// words instead of bytes (eight times fewer multiplications on the path every byte of an index
/// is written by), the length mixed in at the end. Each step is one-to-one, so any one word
/// damaged changes the sum.
struct Checksum {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    /// Bytes of a word not yet complete, and how many.
    private var pending: UInt64 = 0
    private var pendingBytes = 0
    private var length: UInt64 = 0
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var i = 0
        while pendingBytes > 0 && i < bytes.count { take(bytes[i]); i += 1 }
        var h = state
        while i + 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian) &* Self.prime
            i += 8
        }
        state = h
        while i < bytes.count { take(bytes[i]); i += 1 }
    }

    private mutating func take(_ b: UInt8) {
        pending |= UInt64(b) << UInt64(8 * pendingBytes)
        pendingBytes += 1
        if pendingBytes == 8 {
            state = (state ^ pending) &* Self.prime
            pending = 0
            pendingBytes = 0
        }
    }

    var value: UInt64 { ((state ^ pending) &* Self.prime ^ length) &* Self.prime }
}

/// Writes a new file under a temporary name; `finish` syncs it to disk and gives it its name.
/// Nothing is ever written in place, so a crash leaves either the old state or the new one.
final class FileSink {
    let path: String
    private let tmp: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private(set) var size = 0
    private(set) var checksum = Checksum()

    init(path: String) throws(IndexError) {
        self.path = path
        tmp = path + ".tmp"
        fd = open(tmp, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw IndexError("\(tmp): cannot create (\(String(cString: strerror(errno))))") }
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if fd >= 0 { close(fd); unlink(tmp) }
    }

    func write(_ bytes: [UInt8]) throws(IndexError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(IndexError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func write(_ w: inout ByteWriter) throws(IndexError) {
        try write(w.bytes)
        w.bytes.removeAll(keepingCapacity: true)
    }

    private func flush() throws(IndexError) {
        let ok = buffer.withUnsafeBytes { raw -> Bool in
            checksum.add(raw)
            var off = 0
            while off < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 { if errno == EINTR { continue }; return false }
                off += n
            }
            return true
        }
        guard ok else { throw IndexError("\(tmp): write failed (\(String(cString: strerror(errno))))") }
        size += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Copies everything written so far to the end of `other`, then gives this file up.
    func drain(into other: FileSink) throws(IndexError) {
        try flush()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var at = 0
        while at < size {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, min($0.count, size - at), off_t(at)) }
            guard n > 0 else { throw IndexError("\(tmp): cannot be read back (\(String(cString: strerror(errno))))") }
            try other.write(n == chunk.count ? chunk : Array(chunk[..<n]))
            at += n
        }
        discard()
    }

    /// Gives the file up unfinished: closed and removed.
    func discard() {
        guard fd >= 0 else { return }
        close(fd)
        fd = -1
        unlink(tmp)
    }

    /// Flushes, syncs (unless it is to be merged away, see `Disk.sync`) and renames the file into place.
    func finish(sync: Bool = true) throws(IndexError) {
        try flush()
        guard !sync || fsync(fd) == 0 else { throw IndexError("\(tmp): cannot sync to disk") }
        close(fd)
        fd = -1
        guard rename(tmp, path) == 0 else { throw IndexError("\(path): cannot rename into place") }
    }
}

enum Disk {
    /// Syncs files finished unsynced, for a commit that keeps them after all.
    static func sync(_ paths: [String]) throws(IndexError) {
        for p in paths {
            let fd = open(p, O_RDONLY)
            defer { if fd >= 0 { close(fd) } }
            guard fd >= 0, fsync(fd) == 0 else { throw IndexError("\(p): cannot sync to disk") }
        }
    }

    /// Makes renames in `dir` durable.
    static func syncDirectory(_ dir: String) {
        let fd = open(dir, O_RDONLY)
        if fd >= 0 { fsync(fd); close(fd) }
    }
}
