/// UTF-8 by hand, for the loops that run on every piece: Swift's scalar and UTF-16 views of a
/// string cost several times more. Input strings are valid UTF-8 (Swift guarantees it), so the
/// decoder does not validate; `TextDecoding` validates bytes from disk. Shared with the index.
package enum UTF8Codec {
    /// Calls `body` with each scalar value of `s`, in order.
    @inlinable package static func forEachScalar(in s: String, _ body: (UInt32) -> Void) {
        var s = s
        s.withUTF8 { b in
            var i = 0
            let n = b.count
            while i < n {
                let x = UInt32(b[i])
                if x < 0x80 {
                    body(x); i += 1
                } else if x < 0xE0 {
                    body((x & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)); i += 2
                } else if x < 0xF0 {
                    body((x & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)); i += 3
                } else {
                    body((x & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F))
                    i += 4
                }
            }
        }
    }

    /// Writes scalar value `v` at `p` and says how many bytes it took (1 to 4).
    @inlinable @inline(__always) package static func write(_ v: UInt32, to p: UnsafeMutablePointer<UInt8>) -> Int {
        if v < 0x80 {
            p[0] = UInt8(v)
            return 1
        } else if v < 0x800 {
            p[0] = UInt8(0xC0 | v >> 6); p[1] = UInt8(0x80 | v & 0x3F)
            return 2
        } else if v < 0x10000 {
            p[0] = UInt8(0xE0 | v >> 12); p[1] = UInt8(0x80 | v >> 6 & 0x3F); p[2] = UInt8(0x80 | v & 0x3F)
            return 3
        }
        p[0] = UInt8(0xF0 | v >> 18); p[1] = UInt8(0x80 | v >> 12 & 0x3F)
        p[2] = UInt8(0x80 | v >> 6 & 0x3F); p[3] = UInt8(0x80 | v & 0x3F)
        return 4
    }
}
