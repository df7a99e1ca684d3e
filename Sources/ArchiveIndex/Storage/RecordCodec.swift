import ParseCore

/// How a record is kept: its searchable text as one UTF-16 blob (fields each ended by a line
/// break, so no match can span two fields), and the rest as compact metadata.
enum RecordCodec {
    static let separator: UInt16 = 0x0A

    struct Encoded {
        var text: [UInt16]
        /// Units of the headline block (headline, kicker, subheadline) at the start of `text`.
        var headlineLength: Int
        var meta: ByteWriter
    }

    static func encode(_ a: Article) -> Encoded {
        var text: [UInt16] = []
        text.reserveCapacity(a.paragraphs.reduce(64) { $0 + $1.utf8.count / 2 })
        func field(_ s: String) {
            SearchText.appendUTF16(of: s, to: &text)
            text.append(separator)
        }
        var flags: UInt64 = 0
        for (bit, value) in [a.headline, a.kicker, a.subheadline].enumerated() {
            if let value { flags |= 1 << UInt64(bit); field(value) }
        }
        let headlineLength = text.count
        for (bit, value) in [a.column, a.summary].enumerated() {
            if let value { flags |= 1 << UInt64(bit + 3); field(value) }
        }
        for n in a.allNames { field(n) }
        for p in a.paragraphs { field(p) }
        var m = ByteWriter()
        m.string(a.id)
        m.string(a.source)
        if a.dateline != nil { flags |= 1 << 5 }
        if a.agency != nil { flags |= 1 << 6 }
        if a.kind == .photo { flags |= 1 << 7 }
        m.varint(flags)
        if let d = a.dateline { m.string(d) }
        if let g = a.agency { m.string(g) }
        m.varint(UInt64(a.continuedFrom.map { $0 + 1 } ?? 0))
        m.varint(UInt64(a.continuesTo.map { $0 + 1 } ?? 0))
        for list in [a.reporters, a.correspondents, a.photographers, a.authors] { m.varint(UInt64(list.count)) }
        m.varint(UInt64(a.paragraphs.count))
        m.varint(UInt64(a.unions.count))
        for u in a.unions {
            m.string(u.name)
            m.varint(UInt64(u.mentions.count))
            for s in u.mentions { m.string(s) }
            m.varint(UInt64(u.occurrences))
            m.varint(UInt64(u.places.count))
            for p in u.places { m.string(p) }
        }
        return Encoded(text: text, headlineLength: headlineLength, meta: m)
    }

    /// The fixed head of a record's metadata, before its unions: what every reader of it needs.
    struct Head {
        var id: String
        var source: String
        var flags: UInt64
        var dateline: String?
        var agency: String?
        var continuedFrom: Int?
        var continuesTo: Int?
        /// Reporters, correspondents, photographers, authors, paragraphs.
        var counts: [Int]
        /// Where the unions begin.
        var end: Int

        /// Text fields after the headline block and before the names: column, summary.
        var fieldsBeforeNames: Int { (flags & 8 != 0 ? 1 : 0) + (flags & 16 != 0 ? 1 : 0) }
    }

    static func head(meta file: MappedFile, at offset: Int) -> Head {
        var at = offset
        let id = file.string(&at), source = file.string(&at)
        let flags = file.varint(&at)
        let dateline = flags & (1 << 5) != 0 ? file.string(&at) : nil
        let agency = flags & (1 << 6) != 0 ? file.string(&at) : nil
        let from = Int(file.varint(&at)), to = Int(file.varint(&at))
        let counts = (0..<5).map { _ in Int(file.varint(&at)) }
        return Head(id: id, source: source, flags: flags, dateline: dateline, agency: agency,
                    continuedFrom: from > 0 ? from - 1 : nil, continuesTo: to > 0 ? to - 1 : nil, counts: counts, end: at)
    }

    /// Rebuilds the record from its metadata and text blob.
    static func decode(meta file: MappedFile, at offset: Int, text: [UInt16], date: String?, page: Int?) -> Article {
        let h = head(meta: file, at: offset)
        var at = h.end
        let flags = h.flags, counts = h.counts
        var a = Article(id: h.id, source: h.source, kind: flags & (1 << 7) != 0 ? .photo : .article, dateline: h.dateline,
                        agency: h.agency, continuedFrom: h.continuedFrom, continuesTo: h.continuesTo)
        let unionCount = Int(file.varint(&at))
        for _ in 0..<unionCount {
            let name = file.string(&at)
            let mentions = (0..<Int(file.varint(&at))).map { _ in file.string(&at) }
            let occurrences = Int(file.varint(&at))
            let places = (0..<Int(file.varint(&at))).map { _ in file.string(&at) }
            a.unions.append(UnionMention(name: name, mentions: mentions, occurrences: occurrences, places: places))
        }
        var fields: [String] = []
        text.withUnsafeBufferPointer { t in
            var start = 0
            for i in t.indices where t[i] == separator {
                fields.append(SearchText.string(UnsafeBufferPointer(rebasing: t[start..<i])))
                start = i + 1
            }
            fields.append(SearchText.string(UnsafeBufferPointer(rebasing: t[start...])))
        }
        var taken = 0
        func next() -> String {
            defer { taken += 1 }
            return taken < fields.count ? fields[taken] : ""
        }
        if flags & 1 != 0 { a.headline = next() }
        if flags & 2 != 0 { a.kicker = next() }
        if flags & 4 != 0 { a.subheadline = next() }
        if flags & 8 != 0 { a.column = next() }
        if flags & 16 != 0 { a.summary = next() }
        a.reporters = (0..<counts[0]).map { _ in next() }
        a.correspondents = (0..<counts[1]).map { _ in next() }
        a.photographers = (0..<counts[2]).map { _ in next() }
        a.authors = (0..<counts[3]).map { _ in next() }
        a.paragraphs = (0..<counts[4]).map { _ in next() }
        a.date = date
        a.page = page
        return a
    }
}
