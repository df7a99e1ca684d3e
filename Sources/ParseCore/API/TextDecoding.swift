/// Turns the bytes of a dump into text, or says precisely why they are not text.
public enum TextDecoding {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let offset: Int
        public let reason: String
        public var description: String { "\(reason) at byte \(offset)" }
    }

    /// Decodes UTF-8, with or without a byte-order mark. A sequence cut off by the end of the
    /// file is tolerated (half-copied files are common); anything else invalid is refused.
    public static func decode(_ bytes: [UInt8]) throws(Failure) -> String {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let end = try validUTF8End(bytes, from: start)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Where valid UTF-8 ends: the whole buffer, or the start of a sequence truncated at the end.
    static func validUTF8End(_ b: [UInt8], from start: Int) throws(Failure) -> Int {
        var i = start
        let n = b.count
        while i < n {
            let c = b[i]
            if c == 0 { throw Failure(offset: i, reason: "not text: NUL byte") }
            if c < 0x80 { i += 1; continue }
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
            default: throw Failure(offset: i, reason: "not UTF-8 text: invalid byte 0x\(String(c, radix: 16))")
            }
            for k in 1..<len {
                if i + k >= n { return i }
                let x = b[i + k]
                let (lo, hi) = k == 1 ? (lower, upper) : (0x80, 0xBF)
                if x < lo || x > hi {
                    throw Failure(offset: i, reason: "not UTF-8 text: invalid sequence")
                }
            }
            i += len
        }
        return n
    }
}
