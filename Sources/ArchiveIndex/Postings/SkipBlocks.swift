/// Skip data in front of a posting list, so that a query whose other terms are rare decodes only
/// the blocks of a common term's list that can hold its candidates (as Lucene's and tantivy's
/// skip lists do). A list is cut into blocks of `size` postings; a list of more than
/// `minimumBytes` has a header (most terms are rare and have none): the number of blocks (0 for a
/// list of one block) as a variable-length integer, then per block its last document, where it
/// starts in the list, and the sum of the frequencies before it (where its positions start),
/// each as 32 bits, then `BlockImpacts.count` pairs of a frequency and a length norm (see
/// `Segment.lengthNorm`), each as 16 bits (frequency 0 for none): the most any of its documents
/// can score, so that ranking skips blocks that cannot reach the top (block-max, as Lucene and
/// tantivy keep). A block's first gap counts from the previous block's last document.
enum SkipBlocks {
    static let size = 128
    static let entryBytes = 12 + 4 * BlockImpacts.count
    /// Every posting takes a byte at least: a shorter list has a single block.
    static let minimumBytes = 2 * size

    /// The header for a posting list (see `PostingTable`) of a segment whose records have the
    /// length norms `lengths`, `average` on average.
    static func header(for list: [UInt8], lengths: [UInt16], average: Double) -> [UInt8] {
        guard list.count > minimumBytes else { return [] }
        var entries = ByteWriter()
        var blocks = 0
        var at = 0, n = 0
        var doc: Int64 = -1, positions: UInt32 = 0
        var start = 0, startPositions: UInt32 = 0
        var impacts = BlockImpacts()
        list.withUnsafeBufferPointer { bytes in
            while at < bytes.count {
                if n % size == 0 { start = at; startPositions = positions; impacts.reset() }
                let (gap, tf) = TermDictionary.posting(bytes.baseAddress!, &at)
                doc += Int64(gap)
                positions &+= tf
                impacts.add(tf: tf, length: lengths[Int(doc)])
                n += 1
                if n % size == 0 || at == bytes.count {
                    blocks += 1
                    entries.u32(UInt32(doc))
                    entries.u32(UInt32(start))
                    entries.u32(startPositions)
                    impacts.reduce(average: average)
                    for k in 0..<BlockImpacts.count {
                        entries.u16(k < impacts.front.count ? impacts.front[k].tf : 0)
                        entries.u16(k < impacts.front.count ? impacts.front[k].length : 0)
                    }
                }
            }
        }
        var w = ByteWriter()
        guard blocks > 1 else { w.varint(0); return w.bytes }
        w.varint(UInt64(blocks))
        w.bytes += entries.bytes
        return w.bytes
    }

    /// The skip data of the list in `range` of `file`, read in place.
    static func read(_ file: MappedFile, _ range: Range<Int>) -> Header {
        guard range.count > minimumBytes else { return Header(file: file, entriesAt: range.lowerBound, count: 0, listStart: range.lowerBound, listEnd: range.upperBound) }
        var at = range.lowerBound
        let count = Int(file.varint(&at))
        return Header(file: file, entriesAt: at, count: count, listStart: at + count * entryBytes, listEnd: range.upperBound)
    }

    /// A list's skip entries, read where they lie: a common term has thousands, and a query
    /// needs a few.
    struct Header {
        let file: MappedFile
        let entriesAt: Int
        let count: Int
        /// Where the postings themselves start, and where they end.
        let listStart: Int
        let listEnd: Int

        func lastDoc(_ k: Int) -> Int64 { Int64(file.u32(entriesAt + k * entryBytes)) }
        func start(_ k: Int) -> Int { listStart + Int(file.u32(entriesAt + k * entryBytes + 4)) }
        func firstPosition(_ k: Int) -> UInt32 { file.u32(entriesAt + k * entryBytes + 8) }
        /// Block `k`'s impacts (see `BlockImpacts`): frequency (65,535 standing for any above)
        /// and length norm.
        func impacts(_ k: Int) -> [(tf: UInt32, length: Int)] {
            (0..<BlockImpacts.count).compactMap { i in
                let at = entriesAt + k * entryBytes + 12 + 4 * i
                let tf = file.u16(at)
                return tf == 0 ? nil : (tf == .max ? .max : UInt32(tf), Int(file.u16(at + 2)))
            }
        }

        /// The whole list, to decode.
        var whole: TermDictionary.Part { TermDictionary.Part(bytes: listStart..<listEnd, docBase: -1, firstPosition: 0) }

        /// Block `k` to decode: the whole list when it has no blocks.
        func part(_ k: Int) -> TermDictionary.Part {
            guard count > 0 else { return whole }
            return TermDictionary.Part(bytes: start(k)..<(k + 1 < count ? start(k + 1) : listEnd),
                                       docBase: k == 0 ? -1 : lastDoc(k - 1), firstPosition: firstPosition(k))
        }

        /// The first block at or after `k` whose last document is not below `doc`.
        func block(holding doc: Int32, from k: Int) -> Int {
            var lo = k, hi = count
            while lo < hi {
                let mid = (lo + hi) / 2
                if lastDoc(mid) < Int64(doc) { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
    }
}
