import ParseCore

/// A record made ready for a segment: encoded, and its index keys counted. Preparing is the
/// costly part and runs on many threads; adding to the segment is a cheap serial append.
struct PreparedDoc: Sendable {
    let text: [UInt16]
    let headlineLength: Int
    let meta: [UInt8]
    let keys: [UInt32]
    let tfs: [UInt32]
    let headlineKeys: [UInt32]
    let headlineTfs: [UInt32]
    let idHash: UInt64
    let date: UInt32
    let page: UInt16
    let kind: UInt8

    init(_ a: Article) {
        let e = RecordCodec.encode(a)
        text = e.text
        headlineLength = e.headlineLength
        meta = e.meta.bytes
        let folded = text.map(SearchText.fold)
        (keys, tfs) = folded.withUnsafeBufferPointer { Self.counted($0) }
        (headlineKeys, headlineTfs) = folded.withUnsafeBufferPointer { Self.counted(UnsafeBufferPointer(rebasing: $0[..<e.headlineLength])) }
        idHash = Fingerprint.fnv1a(a.id.utf8)
        date = a.date.flatMap { UInt32($0.replacingOccurrences(of: "-", with: "")) } ?? 0
        page = UInt16(clamping: a.page ?? 0)
        kind = a.kind == .photo ? 1 : 0
    }

    /// The distinct keys of a folded text, sorted, with how often each occurs.
    private static func counted(_ f: UnsafeBufferPointer<UInt16>) -> ([UInt32], [UInt32]) {
        var all: [UInt32] = []
        all.reserveCapacity(f.count)
        SearchText.keys(f, into: &all)
        RadixSort.sort(&all)
        var keys: [UInt32] = [], tfs: [UInt32] = []
        for k in all {
            if keys.last == k { tfs[tfs.count - 1] += 1 } else { keys.append(k); tfs.append(1) }
        }
        return (keys, tfs)
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
final class SegmentWriter {
    static let docEntrySize = 40
    /// Postings of one segment must stay addressable by 32-bit offsets.
    static let maxPostingBytes = Int(UInt32.max) / 2
    let name: String
    private let dir: String
    private let docs: FileSink, text: FileSink, meta: FileSink
    private let code: TextCode
    private var textBytes: UInt64 = 0
    private var metaBytes: UInt64 = 0
    private var table = PostingTable()
    private var headlines = PostingTable()
    private(set) var docCount = 0
    var postingBytes: Int { table.bytes + headlines.bytes }
    /// Whether the postings held in memory have reached the budget, so the segment should end.
    var isFull: Bool { postingBytes > min(Ingester.segmentBudget, Self.maxPostingBytes) }

    static func name(number: Int) -> String { String(format: "seg-%06d", number) }

    /// - Parameter code: how the segment's text is stored, built from a sample of it.
    init(dir: String, name: String, code: TextCode) throws(IndexError) {
        self.dir = dir
        self.name = name
        self.code = code
        docs = try FileSink(path: "\(dir)/\(name).docs")
        text = try FileSink(path: "\(dir)/\(name).text")
        meta = try FileSink(path: "\(dir)/\(name).meta")
    }

    func add(_ d: PreparedDoc) throws(IndexError) {
        let doc = Int32(docCount)
        var coded: [UInt8] = []
        coded.reserveCapacity(d.text.count * 2)
        for u in d.text[..<d.headlineLength] { code.encode(u, into: &coded) }
        let headlineBytes = coded.count
        for u in d.text[d.headlineLength...] { code.encode(u, into: &coded) }
        var e = ByteWriter()
        e.u64(textBytes)
        e.u64(metaBytes)
        e.u32(UInt32(coded.count))
        e.u32(UInt32(headlineBytes))
        e.u64(d.idHash)
        e.u32(d.date)
        e.u16(d.page)
        e.u8(d.kind)
        e.u8(0)
        try docs.write(&e)
        try text.write(coded)
        try meta.write(d.meta)
        textBytes += UInt64(coded.count)
        metaBytes += UInt64(d.meta.count)
        table.add(doc: doc, keys: d.keys, tfs: d.tfs)
        headlines.add(doc: doc, keys: d.headlineKeys, tfs: d.headlineTfs)
        docCount += 1
    }

    /// Writes the term dictionary and postings and closes every file.
    func finish() throws(IndexError) -> SegmentInfo {
        let body = try Self.write(table, terms: "\(dir)/\(name).terms", postings: "\(dir)/\(name).post")
        let head = try Self.write(headlines, terms: "\(dir)/\(name).hterms", postings: "\(dir)/\(name).hpost")
        var files: [FileRecord] = []
        let codes = try FileSink(path: "\(dir)/\(name).codes")
        var w = ByteWriter()
        for u in code.units { w.u16(u) }
        try codes.write(&w)
        for sink in [docs, text, meta, codes, body.0, body.1, head.0, head.1] {
            try sink.finish()
            files.append(FileRecord(name: String(sink.path.split(separator: "/").last!), size: sink.size, checksum: sink.checksum.value))
        }
        return SegmentInfo(name: name, docCount: docCount, textUnits: Int(textBytes), files: files)
    }

    /// Writes a term dictionary (sorted keys, then 32-bit offsets into the postings) and its
    /// postings; the sinks are returned unfinished, to be finished with the segment's other files.
    private static func write(_ table: PostingTable, terms path: String, postings postPath: String) throws(IndexError) -> (FileSink, FileSink) {
        let order = table.keys.indices.sorted { table.keys[$0] < table.keys[$1] }
        let post = try FileSink(path: postPath)
        let terms = try FileSink(path: path)
        var w = ByteWriter()
        w.u32(TermDictionary.magic)
        w.u32(UInt32(order.count))
        for i in order { w.u32(table.keys[i]) }
        var offset: UInt32 = 0
        for i in order {
            w.u32(offset)
            offset += UInt32(table.lists[i].count)
            try post.write(table.lists[i])
        }
        w.u32(offset)
        try terms.write(&w)
        return (terms, post)
    }
}

/// Postings being gathered for a segment, term by term, in document order.
struct PostingTable {
    private var slots = FastMap<Int32>(zero: -1, capacity: 1 << 18)
    private(set) var keys: [UInt32] = []
    private(set) var lists: [[UInt8]] = []
    private var lastDoc: [Int32] = []
    private(set) var bytes = 0

    mutating func add(doc: Int32, keys docKeys: [UInt32], tfs: [UInt32]) {
        for (k, tf) in zip(docKeys, tfs) {
            var slot = slots.get(UInt64(k))
            if slot < 0 {
                slot = Int32(lists.count)
                slots.set(UInt64(k), slot)
                keys.append(k)
                lists.append([])
                lastDoc.append(-1)
            }
            let s = Int(slot)
            let before = lists[s].count
            Postings.append(doc: doc, tf: tf, after: lastDoc[s], to: &lists[s])
            bytes += lists[s].count - before
            lastDoc[s] = doc
        }
    }
}

/// Posting lists: per document, the gap from the previous one shifted left once, its low bit
/// saying whether a term frequency above one follows.
enum Postings {
    @inline(__always) static func append(doc: Int32, tf: UInt32, after last: Int32, to out: inout [UInt8]) {
        let gap = UInt64(doc - last)
        write(gap << 1 | (tf > 1 ? 1 : 0), to: &out)
        if tf > 1 { write(UInt64(tf), to: &out) }
    }

    @inline(__always) static func write(_ v: UInt64, to out: inout [UInt8]) {
        var x = v
        while x >= 0x80 { out.append(UInt8(x & 0x7F) | 0x80); x >>= 7 }
        out.append(UInt8(x))
    }
}

/// Least-significant-digit radix sort of 32-bit keys, a byte at a time: a record's keys number
/// in the thousands, where a comparison sort costs several times more.
enum RadixSort {
    static func sort(_ a: inout [UInt32]) {
        guard a.count > 64 else { a.sort(); return }
        var buffer = [UInt32](repeating: 0, count: a.count)
        var counts = [Int](repeating: 0, count: 256)
        for shift in stride(from: 0, to: 32, by: 8) {
            for i in 0..<256 { counts[i] = 0 }
            for x in a { counts[Int(x >> UInt32(shift) & 0xFF)] += 1 }
            var total = 0
            for i in 0..<256 { let c = counts[i]; counts[i] = total; total += c }
            for x in a {
                let b = Int(x >> UInt32(shift) & 0xFF)
                buffer[counts[b]] = x
                counts[b] += 1
            }
            swap(&a, &buffer)
        }
    }
}
