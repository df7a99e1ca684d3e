import ParseCore

/// A record made ready for a segment: encoded, and its index keys counted. Preparing is the
/// costly part and runs on many threads; adding to the segment is a cheap serial append.
struct PreparedDoc: Sendable {
    let text: [UInt16]
    let headlineLength: Int
    let meta: [UInt8]
    let keys: [UInt32]
    let tfs: [UInt32]
    /// Each key's positions in the text, in key order (see `PostingTable`).
    let positions: [UInt16]
    let headlineKeys: [UInt32]
    let headlineTfs: [UInt32]
    let unionKeys: [UnionTable.Key]
    let source: String
    /// Every name the record credits: reporters, correspondents, photographers, authors.
    let names: [String]
    let idHash: UInt64
    let date: UInt32
    let page: UInt16
    let kind: UInt8

    init(_ a: Article) {
        let e = RecordCodec.encode(a)
        text = e.text
        headlineLength = e.headlineLength
        meta = e.meta.bytes
        var all: [UInt64] = []
        all.reserveCapacity(text.count)
        text.withUnsafeBufferPointer { t in
            var folded = [UInt16](repeating: 0, count: t.count)
            for i in t.indices { folded[i] = SearchText.fold(t[i]) }
            folded.withUnsafeBufferPointer { f in
                SearchText.keys(UnsafeBufferPointer(rebasing: f[..<e.headlineLength]), base: 0, into: &all)
                SearchText.keys(UnsafeBufferPointer(rebasing: f[e.headlineLength...]), base: e.headlineLength, into: &all)
            }
        }
        (keys, tfs, positions, headlineKeys, headlineTfs) = Self.grouped(&all, headlineLength: e.headlineLength)
        unionKeys = UnionTable.keys(of: a.unions)
        source = a.source
        names = a.allNames
        idHash = Fingerprint.fnv1a(a.id.utf8)
        date = a.date.map(Self.packedDate) ?? 0
        page = UInt16(clamping: a.page ?? 0)
        kind = a.kind == .photo ? 1 : 0
    }

    /// YYYY-MM-DD as the number YYYYMMDD.
    static func packedDate(_ s: String) -> UInt32 {
        var v: UInt32 = 0
        for b in s.utf8 where b != UInt8(ascii: "-") {
            guard b >= 0x30 && b <= 0x39 else { return 0 }
            v = v &* 10 &+ UInt32(b - 0x30)
        }
        return v
    }

    /// Keys with positions (key in the high half) sorted into the distinct keys, how often each
    /// occurs, and the positions of each in turn, 65,535 standing for any beyond; and the keys of
    /// the headline block (positions below `headlineLength`) with how often each occurs there.
    private static func grouped(_ all: inout [UInt64], headlineLength: Int)
        -> ([UInt32], [UInt32], [UInt16], [UInt32], [UInt32]) {
        RadixSort.sortInOrderOfLowHalves(&all)
        var headlineKeys: [UInt32] = [], headlineTfs: [UInt32] = []
        var keys = [UInt32](repeating: 0, count: all.count), tfs = [UInt32](repeating: 0, count: all.count)
        var positions = [UInt16](repeating: 0, count: all.count)
        var n = 0
        all.withUnsafeBufferPointer { all in
            keys.withUnsafeMutableBufferPointer { keys in
                tfs.withUnsafeMutableBufferPointer { tfs in
                    positions.withUnsafeMutableBufferPointer { positions in
                        for (i, x) in all.enumerated() {
                            let k = UInt32(x >> 32)
                            if n > 0 && keys[n - 1] == k { tfs[n - 1] += 1 } else { keys[n] = k; tfs[n] = 1; n += 1 }
                            positions[i] = UInt16(clamping: x & 0xFFFF_FFFF)
                            if x & 0xFFFF_FFFF < UInt64(headlineLength) {
                                if headlineKeys.last == k { headlineTfs[headlineTfs.count - 1] += 1 } else { headlineKeys.append(k); headlineTfs.append(1) }
                            }
                        }
                    }
                }
            }
        }
        keys.removeLast(keys.count - n)
        tfs.removeLast(tfs.count - n)
        return (keys, tfs, positions, headlineKeys, headlineTfs)
    }
}

/// What the manifest records of a file: its size and fingerprint.
public struct FileRecord: Equatable, Sendable {
    public let name: String
    public let size: Int
    public let checksum: UInt64
}

/// What the manifest records of a finished segment.
public struct SegmentInfo: Equatable, Sendable {
    public let name: String
    public let docCount: Int
    public let textUnits: Int
    public let files: [FileRecord]
}

/// Builds one immutable segment: records go to disk as they come; postings stay in memory
/// until `finish`, which the ingester calls before they outgrow their budget.
/// Used by one thread at a time: filled on the appending queue, then written out on another.
final class SegmentWriter: @unchecked Sendable {
    static let docEntrySize = 40
    /// Coded lengths are kept in the norms in units of this many bytes.
    static let normUnit = 4
    /// Postings of one segment must stay addressable by 32-bit offsets.
    static let maxPostingBytes = Int(UInt32.max) / 2
    let name: String
    private let dir: String
    private let records: RecordWriter
    private let table = PostingTable(positions: true)
    private let headlines = PostingTable(positions: false)
    private var unions = UnionTable()
    private var sources = FieldTable()
    private var names = FieldTable()
    var docCount: Int { records.count }
    /// Whether the memory the postings being gathered hold has reached the budget, so the segment
    /// should end; what they write is less, so it also stays addressable.
    var isFull: Bool { table.footprint + headlines.footprint > min(budget, Self.maxPostingBytes) }
    private let budget: Int

    static func name(number: Int) -> String { String(format: "seg-%06d", number) }

    /// - Parameters:
    ///   - code: how the segment's text is stored, built from a sample of it.
    ///   - budget: the memory its postings may take (see `Ingester.segmentBudget`).
    init(dir: String, name: String, code: TextCode, budget: Int) throws(IndexError) {
        self.dir = dir
        self.name = name
        self.budget = budget
        records = try RecordWriter(dir: dir, name: name, code: code)
    }

    func add(_ d: PreparedDoc) throws(IndexError) {
        let doc = Int32(docCount)
        try records.add(text: d.text, headlineLength: d.headlineLength, meta: d.meta,
                        entry: RecordWriter.Entry(idHash: d.idHash, date: d.date, page: d.page, kind: d.kind))
        table.add(doc: doc, keys: d.keys, tfs: d.tfs, positions: d.positions)
        headlines.add(doc: doc, keys: d.headlineKeys, tfs: d.headlineTfs)
        unions.add(doc: doc, keys: d.unionKeys)
        sources.add(doc: doc, values: [d.source])
        names.add(doc: doc, values: d.names)
    }

    /// Gives the segment up: its files so far are closed and removed.
    func discard() {
        records.discard()
    }

    /// Writes the term dictionaries, postings and positions, and closes every file; synced to
    /// disk unless the segment is to be merged (see `Disk.sync`).
    func finish(sync: Bool) throws(IndexError) -> SegmentInfo {
        let lengths = records.lengths
        let path = "\(dir)/\(name)"
        let (table, headlines) = (self.table, self.headlines)
        // On the cores at once: the body's terms in two runs of keys, the second appended to the
        // first, and the headline postings with the small tables.
        let terms = table.termsByKey()
        let half = terms.count / 2
        let (body, high, (head, tables)) = try ThreeParts.run({ () throws(IndexError) in
            try Self.write(table, terms[..<half], into: TermDictionaryWriter(postings: "\(path).post", positions: "\(path).pos", lengths: lengths))
        }, { () throws(IndexError) in
            try Self.write(table, terms[half...], into: TermDictionaryWriter(postings: "\(path).post.high", positions: "\(path).pos.high", lengths: lengths))
        }, { [self] () throws(IndexError) in
            let head = try Self.write(headlines, headlines.termsByKey()[...], into: TermDictionaryWriter(postings: "\(path).hpost", positions: nil, lengths: lengths))
            return (try head.close(terms: "\(path).hterms"), (unions.bytes(), sources.bytes(), names.bytes()))
        })
        try body.append(high)
        return try Self.seal(dir: dir, name: name, records: records, postings: try body.close(terms: "\(path).terms") + head,
                             tables: tables, sync: sync)
    }

    /// Writes a segment's small files (its code, and its unions, sources and names tables) and
    /// finishes all of them with the records' and postings' (see `TermDictionaryWriter`).
    static func seal(dir: String, name: String, records: RecordWriter, postings: [FileSink],
                     tables: (unions: [UInt8], sources: [UInt8], names: [UInt8]), sync: Bool = true) throws(IndexError) -> SegmentInfo {
        var w = ByteWriter()
        for u in records.code.units { w.u16(u) }
        var sinks = try records.close(dir: dir, name: name) + postings
        for (ext, bytes) in [("codes", w.bytes), ("unions", tables.unions), ("sources", tables.sources), ("names", tables.names)] {
            let sink = try FileSink(path: "\(dir)/\(name).\(ext)")
            try sink.write(bytes)
            sinks.append(sink)
        }
        var files: [FileRecord] = []
        for sink in sinks {
            try sink.finish(sync: sync)
            files.append(FileRecord(name: String(sink.path.split(separator: "/").last!), size: sink.size, checksum: sink.checksum.value))
        }
        return SegmentInfo(name: name, docCount: records.count, textUnits: Int(records.textBytes), files: files)
    }

    /// Writes `terms` of a table (in key order) to `out`.
    private static func write(_ table: PostingTable, _ terms: ArraySlice<PostingTable.Term>,
                              into out: TermDictionaryWriter) throws(IndexError) -> TermDictionaryWriter {
        var list: [UInt8] = [], positions: [UInt16] = []
        var touched: UInt64 = 0
        for i in terms.indices {
            // A term's stream is touched a few terms before it is read, so the misses overlap.
            if i + touchAhead < terms.endIndex { touched &+= table.touch(terms[i + touchAhead]) }
            table.read(terms[i], list: &list, positions: &positions)
            try out.add(key: terms[i].key, list: list, positions: positions)
        }
        out.touched = touched
        return out
    }

    private static let touchAhead = 8
}
