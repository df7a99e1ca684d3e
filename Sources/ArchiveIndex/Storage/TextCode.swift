/// How a segment stores text: a byte code built from the segment's own character frequencies.
/// The 240 most frequent UTF-16 units take one byte, the next 3,840 two bytes (a lead byte of
/// 240 to 254 and one more), anything else three (an escape and the unit): Chinese news text
/// comes to about 1.4 bytes a character against 3 in UTF-8 (the 4,080 most frequent characters
/// of a segment are more than 99.5% of its text), and a query coded the same way is found by
/// comparing bytes.
struct TextCode: Sendable {
    static let oneByteCodes = 240
    static let firstLead = UInt8(oneByteCodes)
    static let leads = 0xFF - oneByteCodes
    static let capacity = oneByteCodes + leads * 256
    static let escape: UInt8 = 0xFF

    /// Units in code order.
    let units: [UInt16]
    /// Code of each unit plus one; 0 for units outside the table.
    private let codes: [UInt16]

    init(units: [UInt16]) {
        self.units = Array(units.prefix(Self.capacity))
        var codes = [UInt16](repeating: 0, count: 65536)
        for (i, u) in self.units.enumerated() { codes[Int(u)] = UInt16(i + 1) }
        self.codes = codes
    }

    /// A table for texts like these: their units, most frequent first.
    init(sample texts: [[UInt16]]) {
        var counts = [Int](repeating: 0, count: 65536)
        for t in texts { for u in t { counts[Int(u)] += 1 } }
        let ranked = (0..<65536).filter { counts[$0] > 0 }.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        self.init(units: ranked.map { UInt16($0) })
    }

    /// Appends the code of `text` to `out`: every record an ingest writes comes through here, so
    /// it writes into room made at once (three bytes a unit at most), not a byte at a time.
    func encode(_ text: ArraySlice<UInt16>, into out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: text.count * 3))
        var n = start
        codes.withUnsafeBufferPointer { codes in
            text.withUnsafeBufferPointer { t in
                out.withUnsafeMutableBufferPointer { o in
                    for u in t {
                        let c = Int(codes[Int(u)])
                        if c == 0 {
                            o[n] = Self.escape; o[n + 1] = UInt8(u >> 8); o[n + 2] = UInt8(u & 0xFF); n += 3
                        } else if c <= Self.oneByteCodes {
                            o[n] = UInt8(c - 1); n += 1
                        } else {
                            let k = c - 1 - Self.oneByteCodes
                            o[n] = Self.firstLead + UInt8(k >> 8); o[n + 1] = UInt8(k & 0xFF); n += 2
                        }
                    }
                }
            }
        }
        out.removeLast(out.count - n)
    }

    func encode(_ text: [UInt16]) -> [UInt8] {
        var out: [UInt8] = []
        encode(text[...], into: &out)
        return out
    }

    /// Bytes of the code starting with `b`.
    @inline(__always) static func length(_ b: UInt8) -> Int { b < firstLead ? 1 : (b == escape ? 3 : 2) }

    /// Decodes a coded text: every record a search prints comes through here, so it writes
    /// straight into the result's storage (a code is a unit at least, so its bytes bound it).
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt16] {
        units.withUnsafeBufferPointer { table in
            [UInt16](unsafeUninitializedCapacity: bytes.count) { out, count in
                var i = 0, n = 0
                while i < bytes.count {
                    out[n] = Self.unit(bytes, &i, table)
                    n += 1
                }
                count = n
            }
        }
    }

    /// The unit coded at `i` under the code whose `units` are `table`, moving `i` past its code.
    @inline(__always) private static func unit(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int,
                                               _ table: UnsafeBufferPointer<UInt16>) -> UInt16 {
        let b = bytes[i]
        if b < firstLead { i += 1; return table[Int(b)] }
        if b == escape { i += 3; return UInt16(bytes[i - 2]) << 8 | UInt16(bytes[i - 1]) }
        i += 2
        return table[oneByteCodes + Int(b - firstLead) << 8 + Int(bytes[i - 1])]
    }

    /// Fields `skip ..< skip + take` of a coded text (fields end in a line break), decoding no
    /// further than the last of them.
    func fields(_ bytes: UnsafeBufferPointer<UInt8>, skip: Int, take: Int) -> [String] {
        var out: [String] = [], field: [UInt16] = []
        var seen = 0, i = 0
        units.withUnsafeBufferPointer { table in
            while i < bytes.count, out.count < take {
                let unit = Self.unit(bytes, &i, table)
                if unit == RecordCodec.separator {
                    if seen >= skip { out.append(field.withUnsafeBufferPointer(SearchText.string)) }
                    seen += 1
                    field.removeAll(keepingCapacity: true)
                } else if seen >= skip {
                    field.append(unit)
                }
            }
        }
        return out
    }

    /// Non-overlapping occurrences of coded `q` in coded `t`, counting only matches that start
    /// on a code boundary (a byte inside a code may equal a query's first byte).
    static func count(_ q: [UInt8], in t: UnsafeBufferPointer<UInt8>) -> Int {
        let m = q.count
        guard m > 0, t.count >= m, let base = t.baseAddress else { return 0 }
        return q.withUnsafeBufferPointer { qb -> Int in
            let first = qb[0]
            var i = 0, c = 0
            let last = t.count - m
            while i <= last {
                let b = base[i]
                if b == first {
                    var j = 1
                    while j < m, base[i + j] == qb[j] { j += 1 }
                    if j == m { c += 1; i += m; continue }
                }
                i += length(b)
            }
            return c
        }
    }

    /// Occurrences of any of the coded `forms` (which cannot overlap one another) in coded `t`,
    /// in one pass: a term printed in either script.
    static func count(anyOf forms: [[UInt8]], in t: UnsafeBufferPointer<UInt8>) -> Int {
        if forms.count == 1 { return count(forms[0], in: t) }
        guard let base = t.baseAddress else { return 0 }
        var starts = [Bool](repeating: false, count: 256)
        for q in forms { starts[Int(q[0])] = true }
        var i = 0, c = 0
        next: while i < t.count {
            let b = base[i]
            if starts[Int(b)] {
                for q in forms where q[0] == b && i + q.count <= t.count {
                    var j = 1
                    while j < q.count, base[i + j] == q[j] { j += 1 }
                    if j == q.count { c += 1; i += q.count; continue next }
                }
            }
            i += length(b)
        }
        return c
    }
}
