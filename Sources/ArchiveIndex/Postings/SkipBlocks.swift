/// Skip data in front of a posting list, so that a query whose other terms are rare decodes only
/// the blocks of a common term's list that can hold its candidates (as Lucene's and tantivy's
/// skip lists do). A list is cut into blocks of `size` postings; a list of more than
/// `minimumBytes` has a header (most terms are rare and have none): the number of blocks (0 for a
/// list of one block) as a variable-length integer, then per block its last document, where it
/// starts in the list, and the sum of the frequencies before it (where its positions start),
/// each as 32 bits. A block's first gap counts from the previous block's last document.
enum SkipBlocks {
    static let size = 128
    static let entryBytes = 12
    /// Every posting takes a byte at least: a shorter list has a single block.
    static let minimumBytes = 2 * size

    struct Block {
        let lastDoc: Int64
        let start: Int
        let firstPosition: UInt32
    }

    /// The header for a posting list (see `PostingTable`).
    static func header(for list: [UInt8]) -> [UInt8] {
        guard list.count > minimumBytes else { return [] }
        var blocks: [Block] = []
        var at = 0, n = 0
        var doc: Int64 = -1, positions: UInt32 = 0
        var start = 0, startPositions: UInt32 = 0
        list.withUnsafeBufferPointer { bytes in
            while at < bytes.count {
                if n % size == 0 { start = at; startPositions = positions }
                let v = TermDictionary.varint(bytes.baseAddress!, &at)
                doc += Int64(v >> 1)
                positions &+= v & 1 == 1 ? UInt32(TermDictionary.varint(bytes.baseAddress!, &at)) : 1
                n += 1
                if n % size == 0 || at == bytes.count { blocks.append(Block(lastDoc: doc, start: start, firstPosition: startPositions)) }
            }
        }
        var w = ByteWriter()
        guard blocks.count > 1 else { w.varint(0); return w.bytes }
        w.varint(UInt64(blocks.count))
        for b in blocks {
            w.u32(UInt32(b.lastDoc))
            w.u32(UInt32(b.start))
            w.u32(b.firstPosition)
        }
        return w.bytes
    }

    /// The blocks of the list in `range` of `file`, and where the list itself starts.
    static func read(_ file: MappedFile, _ range: Range<Int>) -> (blocks: [Block], listStart: Int) {
        guard range.count > minimumBytes else { return ([], range.lowerBound) }
        var at = range.lowerBound
        let count = Int(file.varint(&at))
        let listStart = at + count * entryBytes
        let blocks = (0..<count).map { k in
            Block(lastDoc: Int64(file.u32(at + k * entryBytes)), start: listStart + Int(file.u32(at + k * entryBytes + 4)),
                  firstPosition: file.u32(at + k * entryBytes + 8))
        }
        return (blocks, listStart)
    }
}
