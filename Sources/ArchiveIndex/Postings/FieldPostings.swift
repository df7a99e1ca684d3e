/// Short strings of a segment's records (the path of the dump each came from, the names each
/// credits) with the records holding each, so that source: and reporter: filters read a table of
/// a few thousand strings instead of every record.
struct FieldTable {
    private var docs: [String: [Int32]] = [:]

    mutating func add(doc: Int32, values: [String]) {
        for v in Set(values) { add(doc: doc, value: v) }
    }

    /// Adds a string's next document; documents come in order.
    mutating func add(doc: Int32, value: String) {
        docs[value, default: []].append(doc)
    }

    /// The file: magic, string count, then per string (sorted by UTF-8 bytes) its length and bytes,
    /// its document count and the gaps between its documents, as variable-length integers.
    func bytes() -> [UInt8] {
        var w = ByteWriter()
        w.u32(FieldDictionary.magic)
        w.u32(UInt32(docs.count))
        for k in docs.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            w.string(k)
            let list = docs[k]!
            w.varint(UInt64(list.count))
            var previous: Int32 = -1
            for d in list {
                w.varint(UInt64(d - previous))
                previous = d
            }
        }
        return w.bytes
    }
}

/// A segment's field table, read in place.
struct FieldDictionary {
    static let magic: UInt32 = 0x444C_4641  // "AFLD"
    let file: MappedFile

    init(_ file: MappedFile) throws(IndexError) {
        guard file.count >= 8, file.peekU32(0) == Self.magic else {
            throw IndexError("\(file.path): not a field table; the index is damaged, run 'archive ingest --rebuild'")
        }
        self.file = file
    }

    /// The documents (sorted, live or not) holding a string that contains folded `needle`.
    func docs(containing needle: [UInt16]) -> [Int32] {
        var out: [Int32] = []
        forEach(where: { Searcher.contains(needle, in: $0) }) { out += $1 }
        out.sort()
        var unique: [Int32] = []
        for d in out where unique.last != d { unique.append(d) }
        return unique
    }

    /// Each string that `wanted` accepts, in order, with its documents (live or not).
    func forEach(where wanted: (String) -> Bool = { _ in true }, _ body: (String, [Int32]) -> Void) {
        var at = 8
        var docs: [Int32] = []
        for _ in 0..<Int(file.u32(4)) {
            let value = file.string(&at)
            let n = Int(file.varint(&at))
            let hit = wanted(value)
            docs.removeAll(keepingCapacity: true)
            var d: Int64 = -1
            for _ in 0..<n {
                let gap = Int64(file.varint(&at))
                if hit { d += gap; docs.append(Int32(d)) }
            }
            if hit { body(value, docs) }
        }
    }
}
