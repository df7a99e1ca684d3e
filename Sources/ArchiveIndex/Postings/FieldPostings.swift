/// Short strings of a segment's records (the path of the dump each came from, the names each
/// credits) with the records holding each, so that source: and reporter: filters read a table of
/// a few thousand strings instead of every record.
struct FieldTable {
    private var docs: [String: [Int32]] = [:]

    mutating func add(doc: Int32, values: [String]) {
        for v in Set(values) { docs[v, default: []].append(doc) }
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
        var at = 8
        for _ in 0..<Int(file.u32(4)) {
            let value = file.string(&at)
            let n = Int(file.varint(&at))
            let hit = Searcher.contains(needle, in: value)
            var d: Int64 = -1
            for _ in 0..<n {
                let gap = Int64(file.varint(&at))
                if hit { d += gap; out.append(Int32(d)) }
            }
        }
        out.sort()
        var unique: [Int32] = []
        for d in out where unique.last != d { unique.append(d) }
        return unique
    }
}

extension FieldDictionary {
    /// Several segments' tables as one, their documents renumbered by `maps` (-1 for one
    /// dropped): each is read once in its order, which is the output's, so no string is hashed.
    static func merged(_ inputs: [FieldDictionary], _ maps: [[Int32]]) -> [UInt8] {
        var body = ByteWriter(), docs: [Int32] = []
        var count = 0
        var at = [Int](repeating: 8, count: inputs.count)
        var left = inputs.map { Int($0.file.u32(4)) }
        var keys = inputs.indices.map { k in left[k] > 0 ? inputs[k].file.stringBytes(&at[k]) : UnsafeRawBufferPointer(start: nil, count: 0) }
        while let first = inputs.indices.filter({ left[$0] > 0 }).min(by: { keys[$0].lexicographicallyPrecedes(keys[$1]) }) {
            let key = keys[first]
            docs.removeAll(keepingCapacity: true)
            for k in inputs.indices where left[k] > 0 && keys[k].elementsEqual(key) {
                let file = inputs[k].file
                var d: Int64 = -1
                for _ in 0..<Int(file.varint(&at[k])) {
                    d += Int64(file.varint(&at[k]))
                    if maps[k][Int(d)] >= 0 { docs.append(maps[k][Int(d)]) }
                }
                left[k] -= 1
                if left[k] > 0 { keys[k] = file.stringBytes(&at[k]) }
            }
            guard !docs.isEmpty else { continue }
            body.string(key)
            body.varint(UInt64(docs.count))
            var previous: Int32 = -1
            for d in docs {
                body.varint(UInt64(d - previous))
                previous = d
            }
            count += 1
        }
        var w = ByteWriter()
        w.u32(magic)
        w.u32(UInt32(count))
        return w.bytes + body.bytes
    }
}
