/// Turns the bytes of a dump into text, or says precisely why they are not text. Dumps come from
/// many hands: UTF-8 with or without a byte-order mark, UTF-16 with one, GB 18030 (and so GBK and
/// GB 2312), with LF, CRLF or CR line ends. Every one of these yields the same text, with LF line
/// ends, so the same page parses to the same pieces, ids included, whatever its encoding.
public enum TextDecoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", gb18030 = "GB18030"
    }

    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "\(reason) at byte \(offset)" }
    }

    /// A page dump is tens of kilobytes; a file past this size is something else, and is refused
    /// unread so that memory stays bounded.
    public static let maxDumpBytes = 64 << 20

    public static func decode(_ bytes: [UInt8]) throws(Failure) -> String {
        try decodeDetecting(bytes).text
    }

    /// A few damaged places are tolerated (their bytes become U+FFFD): one in ten thousand bytes,
    /// and two more. A sequence cut off by the end of the file always is (half-copied files are common).
    static func tolerance(_ byteCount: Int) -> Int { 2 + byteCount / 10_000 }

    /// The text and the encoding it was found in: a byte-order mark decides; otherwise UTF-8 unless
    /// GB 18030 reads the bytes with fewer invalid sequences and within the tolerance.
    public static func decodeDetecting(_ bytes: [UInt8]) throws(Failure) -> (text: String, encoding: Encoding) {
        try bytes.withUnsafeBufferPointer { b throws(Failure) in
            if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF {
                return (try utf8(b, from: 3, strictly: false), .utf8)
            }
            if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return (try utf16(b, bigEndian: false), .utf16LE) }
            if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return (try utf16(b, bigEndian: true), .utf16BE) }
            if let nul = b.firstIndex(of: 0) { throw Failure(offset: nul, reason: "not text: NUL byte") }
            // Nearly every dump is valid UTF-8 with LF line ends: validated once, as the string is made.
            if !b.contains(0x0D), let text = String(validating: b, as: UTF8.self) { return (text, .utf8) }
            let (utf8Errors, firstUTF8Error) = UTF8Scan.errors(b, from: 0)
            if utf8Errors == 0 { return (try utf8(b, from: 0, strictly: true), .utf8) }
            let gbErrors = gb18030Errors(b)
            if gbErrors < utf8Errors && gbErrors <= tolerance(b.count) {
                return (decodeGB18030(b), .gb18030)
            }
            guard utf8Errors <= tolerance(b.count) else {
                let bad = b[firstUTF8Error]
                throw Failure(offset: firstUTF8Error, reason: "not text in UTF-8, UTF-16 or GB18030: invalid byte 0x\(String(bad, radix: 16, uppercase: true))")
            }
            return (try utf8(b, from: 0, strictly: false), .utf8)
        }
    }

    // MARK: UTF-8

    private static func utf8(_ b: UnsafeBufferPointer<UInt8>, from start: Int, strictly: Bool) throws(Failure) -> String {
        let body = UnsafeBufferPointer(rebasing: b[start...])
        if !strictly {
            let (errors, first) = UTF8Scan.errors(b, from: start)
            if errors > tolerance(b.count) {
                throw Failure(offset: first, reason: "not UTF-8 text: invalid sequence")
            }
            if let nul = body.firstIndex(of: 0) { throw Failure(offset: start + nul, reason: "not text: NUL byte") }
        }
        let end = start + UTF8Scan.completeLength(body)
        let complete = UnsafeBufferPointer(rebasing: b[start..<end])
        guard complete.contains(0x0D) else { return String(decoding: complete, as: UTF8.self) }
        // CR never occurs inside a UTF-8 sequence, so line ends are mended byte by byte.
        var out: [UInt8] = []
        out.reserveCapacity(complete.count)
        var i = 0
        while i < complete.count {
            let c = complete[i]
            if c == 0x0D {
                out.append(0x0A)
                if i + 1 < complete.count && complete[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(c)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: UTF-16

    private static func utf16(_ b: UnsafeBufferPointer<UInt8>, bigEndian: Bool) throws(Failure) -> String {
        var out = UTF8Writer(capacity: b.count * 3 / 2)
        var errors = 0, firstError = 0
        var i = 2
        func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(b[at]) << 8 | UInt32(b[at + 1]) : UInt32(b[at + 1]) << 8 | UInt32(b[at])
        }
        while i + 1 < b.count {
            let u = unit(i)
            if u == 0 { throw Failure(offset: i, reason: "not text: NUL character") }
            if u >= 0xD800 && u <= 0xDBFF {
                guard i + 3 < b.count else { break }  // a pair cut off by the end of the file
                let v = unit(i + 2)
                if v >= 0xDC00 && v <= 0xDFFF {
                    out.append(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00))
                    i += 4
                    continue
                }
            }
            if u >= 0xD800 && u <= 0xDFFF {
                if errors == 0 { firstError = i }
                errors += 1
                out.append(0xFFFD)
            } else {
                out.append(u)
            }
            i += 2
        }
        guard errors <= tolerance(b.count) else {
            throw Failure(offset: firstError, reason: "not UTF-16 text: unpaired surrogate")
        }
        return out.string
    }

    // MARK: GB 18030

    /// Damaged places, counted as UTF-8's are.
    private static func gb18030Errors(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0, errors = 0
        var inRun = false
        while i < b.count {
            guard let (s, n) = GB18030.scalar(b, at: i) else { break }
            if s == nil && !inRun { errors += 1 }
            inRun = s == nil
            i += n
        }
        return errors
    }

    private static func decodeGB18030(_ b: UnsafeBufferPointer<UInt8>) -> String {
        var out = UTF8Writer(capacity: b.count * 3 / 2)
        var i = 0
        while i < b.count {
            guard let (s, n) = GB18030.scalar(b, at: i) else { break }
            out.append(s ?? 0xFFFD)
            i += n
        }
        return out.string
    }
}

/// Validating UTF-8, a sequence at a time.
enum UTF8Scan {
    /// The length of the valid sequence starting at `i`, 0 when it is invalid, or nil when the
    /// bytes end inside it.
    @inline(__always) static func sequence(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let c = b[i]
        if c < 0x80 { return 1 }
        let len: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: len = 2
        case 0xE0: len = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: len = 3
        case 0xED: len = 3; upper = 0x9F
        case 0xF0: len = 4; lower = 0x90
        case 0xF1...0xF3: len = 4
        case 0xF4: len = 4; upper = 0x8F
        default: return 0
        }
        for k in 1..<len {
            if i + k >= b.count { return nil }
            let x = b[i + k]
            let (lo, hi) = k == 1 ? (lower, upper) : (0x80, 0xBF)
            if x < lo || x > hi { return 0 }
        }
        return len
    }

    /// Damaged places from `start` (runs of bytes that are no valid sequence), and where the
    /// first begins; a final cut-off sequence is not counted.
    static func errors(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (count: Int, first: Int) {
        var i = start, count = 0, first = 0
        var inRun = false
        while i < b.count {
            guard let n = sequence(b, at: i) else { break }
            if n == 0 {
                if count == 0 { first = i }
                if !inRun { count += 1 }
                inRun = true
                i += 1
            } else {
                inRun = false
                i += n
            }
        }
        return (count, first)
    }

    /// Bytes up to a sequence cut off by the end, if there is one.
    static func completeLength(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var i = max(0, b.count - 3)
        while i < b.count {
            if b[i] >= 0xC0, sequence(b, at: i) == nil { return i }
            i += 1
        }
        return b.count
    }
}

/// UTF-8 bytes written a scalar at a time, CR and CRLF line ends turned into LF.
struct UTF8Writer {
    private(set) var bytes: [UInt8] = []
    private var afterCR = false

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    @inline(__always) mutating func append(_ v: UInt32) {
        defer { afterCR = v == 0x0D }
        if v == 0x0A && afterCR { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4) { b in
            bytes.append(contentsOf: b[..<UTF8Codec.write(v == 0x0D ? 0x0A : v, to: b.baseAddress!)])
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
