/// Writes a term dictionary (see `TermDictionary`), its postings and, for one with positions,
/// its positions, one term at a time in key order: a new segment's postings and a merge of
/// segments both come out this way, in one pass, holding only the dictionary in memory. A merge
/// writes two runs of keys at once, and the second is appended to the first.
final class TermDictionaryWriter {
    private let post: FileSink, pos: FileSink?
    private var keys: [UInt32] = [], offsets: [UInt32] = [], positionOffsets: [UInt32] = []
    private var widths: [UInt8] = []
    private var postBytes = 0
    private var packed = BitPacker()
    private var flushed = 0
    /// The length norm of each record of the segment, for the skip data's bounds.
    private let lengths: [UInt16]
    private let average: Double
    /// What its feeder's reads ahead of it loaded (see `SegmentWriter.write`), kept so that they
    /// are not left out.
    var touched: UInt64 = 0

    init(postings: String, positions: String?, lengths: [UInt16]) throws(IndexError) {
        self.lengths = lengths
        average = Double(lengths.reduce(0) { $0 + Int($1) }) / Double(max(1, lengths.count))
        post = try FileSink(path: postings)
        pos = try positions.map { p throws(IndexError) in try FileSink(path: p) }
    }

    /// Adds the next term (keys must rise): its posting list (see `PostingTable`) and, in a
    /// dictionary with positions, the positions of its postings one after another.
    func add(key: UInt32, list: [UInt8], positions: [UInt16]) throws(IndexError) {
        keys.append(key)
        offsets.append(UInt32(postBytes))
        let skips = SkipBlocks.header(for: list, lengths: lengths, average: average)
        try post.write(skips)
        try post.write(list)
        postBytes += skips.count + list.count
        guard postBytes <= UInt32.max else { throw IndexError("\(post.path): postings outgrow 32-bit offsets") }
        guard let pos else { return }
        // Bit-packed at the width the largest position needs, from a byte boundary.
        let width = max(1, 16 - (positions.max() ?? 0).leadingZeroBitCount)
        positionOffsets.append(UInt32(flushed + packed.bytes.count))
        widths.append(UInt8(width))
        packed.append(positions, width: width)
        packed.align()
        guard flushed + packed.bytes.count <= UInt32.max else { throw IndexError("\(pos.path): positions outgrow 32-bit offsets") }
        if packed.bytes.count >= 1 << 20 {
            flushed += packed.bytes.count
            try pos.write(packed.take())
        }
    }

    /// Takes over the terms `other` wrote (every key above this one's), its files copied after
    /// this one's and given up.
    func append(_ other: TermDictionaryWriter) throws(IndexError) {
        let postShift = postBytes, posShift = flushed + packed.bytes.count
        let theirPositions = other.flushed + other.packed.bytes.count
        guard postShift + other.postBytes <= UInt32.max, posShift + theirPositions <= UInt32.max else {
            throw IndexError("\(post.path): postings or positions outgrow 32-bit offsets")
        }
        keys += other.keys
        offsets += other.offsets.map { $0 + UInt32(postShift) }
        positionOffsets += other.positionOffsets.map { $0 + UInt32(posShift) }
        widths += other.widths
        try other.post.drain(into: post)
        postBytes += other.postBytes
        if let pos, let theirs = other.pos {
            try pos.write(packed.take())
            try theirs.write(other.packed.take())
            try theirs.drain(into: pos)
            flushed = posShift + theirPositions
        }
    }

    /// Writes the dictionary itself to `path`; the files come back unfinished, to be finished
    /// with the segment's others.
    func close(terms path: String) throws(IndexError) -> [FileSink] {
        let terms = try FileSink(path: path)
        var w = ByteWriter()
        w.u32(pos == nil ? TermDictionary.magic : TermDictionary.positionalMagic)
        w.u32(UInt32(keys.count))
        for k in keys { w.u32(k) }
        for o in offsets { w.u32(o) }
        w.u32(UInt32(postBytes))
        if let pos {
            for o in positionOffsets { w.u32(o) }
            w.u32(UInt32(flushed + packed.bytes.count))
            try pos.write(packed.take() + [0, 0, 0, 0])
            w.bytes += widths
            while w.bytes.count % 4 != 0 { w.bytes.append(0) }
        }
        try terms.write(&w)
        return [terms, post] + (pos.map { [$0] } ?? [])
    }
}
