/// Writes a segment's records in order: the document table (see `Segment`), the coded text, the
/// metadata and the norms. A new segment codes each record's text; a merge copies records coded
/// already.
final class RecordWriter {
    let code: TextCode
    private let docs: FileSink, text: FileSink, meta: FileSink
    private var norms = ByteWriter()
    private(set) var count = 0
    private(set) var textBytes: UInt64 = 0
    private var metaBytes: UInt64 = 0
    private var coded: [UInt8] = []

    init(dir: String, name: String, code: TextCode) throws(IndexError) {
        self.code = code
        docs = try FileSink(path: "\(dir)/\(name).docs")
        text = try FileSink(path: "\(dir)/\(name).text")
        meta = try FileSink(path: "\(dir)/\(name).meta")
    }

    /// The fields of a record's entry that are copied as they are.
    struct Entry {
        let idHash: UInt64
        let date: UInt32
        let page: UInt16
        let kind: UInt8
    }

    /// Appends a record, coding its text (the headline block's `headlineLength` units first).
    func add(text units: [UInt16], headlineLength: Int, meta m: [UInt8], entry: Entry) throws(IndexError) {
        coded.removeAll(keepingCapacity: true)
        code.encode(units[..<headlineLength], into: &coded)
        let headlineBytes = coded.count
        code.encode(units[headlineLength...], into: &coded)
        try text.write(coded)
        try meta.write(m)
        try append(textCount: coded.count, headlineBytes: headlineBytes, headlineUnits: headlineLength, metaCount: m.count, entry: entry)
    }

    /// Appends a record whose text is coded with this writer's code already.
    func add(coded c: UnsafeBufferPointer<UInt8>, headlineBytes: Int, headlineUnits: Int,
             meta m: UnsafeBufferPointer<UInt8>, entry: Entry) throws(IndexError) {
        try text.write(c)
        try meta.write(m)
        try append(textCount: c.count, headlineBytes: headlineBytes, headlineUnits: headlineUnits, metaCount: m.count, entry: entry)
    }

    /// Appends every record of `s`, which has none deleted and this writer's code: its text and
    /// metadata are copied whole, its entries moved by where they now start, and the pages read
    /// let go of.
    func addAll(of s: Segment) throws(IndexError) {
        for (from, to) in [(s.text, text), (s.meta, meta)] {
            var at = 0
            while at < from.count {
                let n = min(1 << 20, from.count - at)
                try to.write(from.bytes(at, n))
                from.release(at..<(at + n))
                at += n
            }
        }
        var e = ByteWriter()
        for d in 0..<s.docCount {
            let at = d * SegmentWriter.docEntrySize
            e.u64(s.docs.u64(at) + textBytes)
            e.u64(s.docs.u64(at + 8) + metaBytes)
            e.bytes += s.docs.bytes(at + 16, SegmentWriter.docEntrySize - 16)
            if e.bytes.count >= 1 << 16 { try docs.write(&e) }
        }
        try docs.write(&e)
        norms.bytes += s.norms.bytes(0, s.norms.count)
        textBytes += UInt64(s.text.count)
        metaBytes += UInt64(s.meta.count)
        count += s.docCount
    }

    private func append(textCount: Int, headlineBytes: Int, headlineUnits: Int, metaCount: Int, entry: Entry) throws(IndexError) {
        var e = ByteWriter()
        e.u64(textBytes)
        e.u64(metaBytes)
        e.u32(UInt32(textCount))
        e.u32(UInt32(headlineBytes))
        e.u64(entry.idHash)
        e.u32(entry.date)
        e.u16(entry.page)
        e.u8(entry.kind)
        e.u8(0)
        try docs.write(&e)
        norms.u16(UInt16(clamping: (textCount + SegmentWriter.normUnit - 1) / SegmentWriter.normUnit))
        norms.u16(UInt16(clamping: headlineUnits))
        textBytes += UInt64(textCount)
        metaBytes += UInt64(metaCount)
        count += 1
    }

    /// Each record's length norm (see `Segment.lengthNorm`), in order.
    var lengths: [UInt16] {
        stride(from: 0, to: norms.bytes.count, by: 4).map { UInt16(norms.bytes[$0]) | UInt16(norms.bytes[$0 + 1]) << 8 }
    }

    /// Gives the records up: their files so far are closed and removed.
    func discard() {
        for sink in [docs, text, meta] { sink.discard() }
    }

    /// Writes the norms; the files come back unfinished, to be finished with the segment's others.
    func close(dir: String, name: String) throws(IndexError) -> [FileSink] {
        let normFile = try FileSink(path: "\(dir)/\(name).norms")
        try normFile.write(&norms)
        return [docs, text, meta, normFile]
    }
}
