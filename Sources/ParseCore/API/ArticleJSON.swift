/// Writes records as JSON in the schema's key order, straight into UTF-8 bytes: faster than
/// Foundation's encoder, and keys come out in the order the schema documents them.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    public mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { u in
            // Runs that need no escape are copied whole, found eight bytes at a time.
            var run = 0, i = 0
            while i < u.count {
                if i + 8 <= u.count, !Self.mayNeedEscape(UnsafeRawPointer(u.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = u[i]
                i += 1
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<(i - 1)]))
                run = i
                switch b {
                case 0x22: bytes.append(0x5C); bytes.append(0x22)
                case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
                case 0x0D: bytes.append(0x5C); bytes.append(0x72)
                case 0x09: bytes.append(0x5C); bytes.append(0x74)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(hex[Int(b >> 4)]); bytes.append(hex[Int(b & 15)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run...]))
        }
        bytes.append(0x22)
    }

    /// Whether any of eight bytes is a control character, a quote or a backslash (the bit
    /// tricks find a byte below a bound, or equal to one, without looking at each).
    @inline(__always) static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        return (w &- ones &* 0x20) & ~w & highs != 0 || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C))
    }

    public mutating func optional(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    public mutating func optional(_ n: Int?) {
        if let n { raw(String(n)) } else { raw("null") }
    }

    /// A number with `decimals` digits after the point, as `String(format: "%.Nf")` prints it,
    /// without Foundation's formatter (a search prints a score per hit): the scaled value is
    /// rounded as an integer unless it lies too near a tie to be sure, which Foundation settles.
    public mutating func number(_ x: Double, decimals: Int) {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = x * Double(scale)
        let fraction = scaled - scaled.rounded(.down)
        guard x >= 0, scaled < 1e15, abs(fraction - 0.5) > 1e-6 else {
            raw(String(format: "%.\(decimals)f", x))
            return
        }
        let n = Int64(scaled.rounded())
        raw(String(n / scale))
        guard decimals > 0 else { return }
        let digits = String(n % scale)
        raw("." + String(repeating: "0", count: decimals - digits.count) + digits)
    }

    public mutating func strings(_ a: [String]) {
        bytes.append(0x5B)
        for (i, s) in a.enumerated() {
            if i > 0 { bytes.append(0x2C) }
            string(s)
        }
        bytes.append(0x5D)
    }

    public mutating func key(_ k: String, first: Bool = false) {
        if !first { bytes.append(0x2C) }
        string(k)
        bytes.append(0x3A)
    }

    public mutating func clear() { bytes.removeAll(keepingCapacity: true) }
}

extension Article {
    /// Appends the record as one JSON object; `extra` adds keys after the schema's own.
    public func writeJSON(to w: inout JSONWriter, extra: ((inout JSONWriter) -> Void)? = nil) {
        w.raw("{")
        w.key("id", first: true); w.string(id)
        w.key("source"); w.string(source)
        w.key("date"); w.optional(date)
        w.key("page"); w.optional(page)
        w.key("kind"); w.string(kind.rawValue)
        w.key("headline"); w.optional(headline)
        w.key("kicker"); w.optional(kicker)
        w.key("subheadline"); w.optional(subheadline)
        w.key("column"); w.optional(column)
        w.key("summary"); w.optional(summary)
        w.key("dateline"); w.optional(dateline)
        w.key("reporters"); w.strings(reporters)
        w.key("correspondents"); w.strings(correspondents)
        w.key("photographers"); w.strings(photographers)
        w.key("authors"); w.strings(authors)
        w.key("agency"); w.optional(agency)
        w.key("continued_from"); w.optional(continuedFrom)
        w.key("continues_to"); w.optional(continuesTo)
        w.key("continued_from_id"); w.optional(continuedFromId)
        w.key("continues_to_id"); w.optional(continuesToId)
        w.key("paragraphs"); w.strings(paragraphs)
        w.key("unions")
        w.raw("[")
        for (i, u) in unions.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{")
            w.key("name", first: true); w.string(u.name)
            w.key("mentions"); w.strings(u.mentions)
            w.raw("}")
        }
        w.raw("]")
        extra?(&w)
        w.raw("}")
    }

    public var json: String {
        var w = JSONWriter()
        writeJSON(to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }
}
