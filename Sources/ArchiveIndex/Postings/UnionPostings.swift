import ParseCore

/// The unions of a segment's records, gathered as they are added: each key (a union's name,
/// a printed form, a place it is in; see `Unions.keys(of:)`) with the records naming it and
/// how often. Keys number in the thousands, so a dictionary serves.
struct UnionTable {
    private struct Entry {
        var info = ""
        var postings = ByteWriter()
        var lastDoc: Int32 = -1

        mutating func add(doc: Int32, tf: UInt32) {
            postings.posting(gap: Int(doc - lastDoc), tf: tf)
            lastDoc = doc
        }
    }

    private var entries: [String: Entry] = [:]

    /// A record's index key for the unions it names, how often, and the key's info.
    struct Key: Sendable {
        let key: String
        let tf: UInt32
        let info: String
    }

    /// The keys of a record's unions: worked out while records are prepared on every core, so
    /// that adding them is a cheap serial step.
    static func keys(of unions: [UnionMention]) -> [Key] {
        var seen: [String: (tf: Int, info: String)] = [:]
        for u in unions {
            for k in Unions.keys(of: u) {
                let info = k.hasPrefix("n:") ? u.places.joined(separator: "/") : ""
                seen[k, default: (0, info)].tf += max(1, u.occurrences)
            }
        }
        return seen.map { Key(key: $0.key, tf: UInt32($0.value.tf), info: $0.value.info) }
    }

    mutating func add(doc: Int32, keys: [Key]) {
        for k in keys {
            // Changed in place: a copy out and back would copy a common union's whole list.
            entries[k.key, default: Entry(info: k.info)].add(doc: doc, tf: k.tf)
        }
    }

    /// The file: magic, key count, then per key (sorted by UTF-8 bytes) the offset of its entry,
    /// and a final offset; an entry is the key, its info (a name's places, outermost first,
    /// joined by /) and its postings, coded as the bigram postings are.
    func bytes() -> [UInt8] {
        let keys = entries.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var body = ByteWriter()
        var offsets: [UInt32] = []
        for k in keys {
            offsets.append(UInt32(body.bytes.count))
            body.string(k)
            body.string(entries[k]!.info)
            body.bytes += entries[k]!.postings.bytes
        }
        offsets.append(UInt32(body.bytes.count))
        var w = ByteWriter()
        w.u32(UnionDictionary.magic)
        w.u32(UInt32(keys.count))
        for o in offsets { w.u32(o) }
        w.bytes += body.bytes
        return w.bytes
    }
}

/// A segment's union keys, read in place from the mapped file by binary search.
struct UnionDictionary {
    static let magic: UInt32 = 0x494E_5541  // "AUNI"
    let file: MappedFile
    let count: Int
    private let bodyAt: Int

    init(_ file: MappedFile) throws(IndexError) {
        self.file = file
        guard file.count >= 8, file.peekU32(0) == Self.magic else {
            throw IndexError("\(file.path): not a union dictionary; the index is damaged, run 'archive ingest --rebuild'")
        }
        count = Int(file.peekU32(4))
        bodyAt = 8 + (count + 1) * 4
        guard file.count >= bodyAt, bodyAt + Int(file.peekU32(8 + count * 4)) == file.count else {
            throw IndexError("\(file.path): its entries do not fill it; the index is damaged, run 'archive ingest --rebuild'")
        }
    }

    fileprivate func start(_ i: Int) -> Int { bodyAt + Int(file.u32(8 + i * 4)) }

    func key(_ i: Int) -> String {
        var at = start(i)
        return file.string(&at)
    }

    /// The key, its info, and where its postings run.
    func entry(_ i: Int) -> (key: String, info: String, postings: Range<Int>) {
        var at = start(i)
        let k = file.string(&at)
        let info = file.string(&at)
        return (k, info, at..<start(i + 1))
    }

    func find(_ k: String) -> Int? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if key(mid).utf8.lexicographicallyPrecedes(k.utf8) { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && key(lo) == k ? lo : nil
    }

    /// The keys that start with `prefix`, in order.
    func range(prefix: String) -> Range<Int> {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if key(mid).utf8.lexicographicallyPrecedes(prefix.utf8) { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < count && key(end).hasPrefix(prefix) { end += 1 }
        return lo..<end
    }

    func list(_ i: Int, deleted: [UInt64]?) -> PostingList {
        TermDictionary.decode(file, [.init(bytes: entry(i).postings, docBase: -1, firstPosition: 0)], deleted: deleted)
    }
}

extension UnionDictionary {
    /// Several segments' union keys as one, their postings joined with documents renumbered by
    /// `maps` (-1 for one dropped): each is read once in key order, which is the output's.
    static func merged(_ inputs: [UnionDictionary], _ maps: [[Int32]]) -> [UInt8] {
        var body = ByteWriter(), offsets: [UInt32] = []
        var next = [Int](repeating: 0, count: inputs.count)
        func key(_ k: Int) -> UnsafeRawBufferPointer {
            var at = inputs[k].start(next[k])
            return inputs[k].file.stringBytes(&at)
        }
        while let first = inputs.indices.filter({ next[$0] < inputs[$0].count }).min(by: { key($0).lexicographicallyPrecedes(key($1)) }) {
            let name = key(first)
            var postings = ByteWriter()
            var info: UnsafeRawBufferPointer?
            var last: Int32 = -1
            for k in inputs.indices where next[k] < inputs[k].count && key(k).elementsEqual(name) {
                var at = inputs[k].start(next[k])
                _ = inputs[k].file.stringBytes(&at)
                let theirs = inputs[k].file.stringBytes(&at)
                if info == nil { info = theirs }
                let l = inputs[k].list(next[k], deleted: nil)
                for (d, tf) in zip(l.docs, l.tfs) where maps[k][Int(d)] >= 0 {
                    let n = maps[k][Int(d)]
                    postings.posting(gap: Int(n - last), tf: tf)
                    last = n
                }
                next[k] += 1
            }
            guard !postings.bytes.isEmpty, let info else { continue }
            offsets.append(UInt32(body.bytes.count))
            body.string(name)
            body.string(info)
            body.bytes += postings.bytes
        }
        var w = ByteWriter()
        w.u32(magic)
        w.u32(UInt32(offsets.count))
        for o in offsets + [UInt32(body.bytes.count)] { w.u32(o) }
        return w.bytes + body.bytes
    }
}
