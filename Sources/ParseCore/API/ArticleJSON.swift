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
            // Runs that need no escape are copied whole.
            var run = 0
            for (i, b) in u.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                run = i + 1
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

    public mutating func optional(_ s: String?) {
        if let s { string(s) } else { raw("null") }
    }

    public mutating func optional(_ n: Int?) {
        if let n { raw(String(n)) } else { raw("null") }
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
