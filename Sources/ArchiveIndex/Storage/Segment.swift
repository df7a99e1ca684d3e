import ParseCore

/// One immutable segment, mapped into memory: a document table, the records' text and
/// metadata, a sorted term dictionary and its postings, and the unions the records name.
final class Segment: @unchecked Sendable {
    let info: SegmentInfo
    let docs: MappedFile, text: MappedFile, meta: MappedFile
    /// Per record, 16 bits of its coded length (in `SegmentWriter.normUnit`s) and 16 of its
    /// headline block's length in units: what ranking reads of every hit, four bytes apart.
    let norms: MappedFile
    let code: TextCode
    /// Keys of every searchable field, and keys of the headline block alone.
    let body: TermDictionary, headline: TermDictionary
    /// The unions the records name, by name, printed form and place.
    let unions: UnionDictionary
    /// The dumps the records come from, and the names they credit.
    let sources: FieldDictionary, names: FieldDictionary
    /// Deleted documents, one bit each; nil when none are.
    let deleted: [UInt64]?

    var docCount: Int { info.docCount }

    init(dir: String, info: SegmentInfo, deleted: [UInt64]?) throws(IndexError) {
        self.info = info
        func map(_ ext: String) throws(IndexError) -> MappedFile {
            let f = try MappedFile(path: "\(dir)/\(info.name).\(ext)")
            if let expected = info.files.first(where: { $0.name == "\(info.name).\(ext)" }), expected.size != f.count {
                throw IndexError("\(f.path): is \(f.count) bytes, the manifest says \(expected.size); the index is damaged, run 'archive ingest --rebuild'")
            }
            return f
        }
        docs = try map("docs")
        text = try map("text")
        meta = try map("meta")
        norms = try map("norms")
        let codeFile = try map("codes")
        let codes = codeFile.peek(0, codeFile.count)
        code = TextCode(units: (0..<codes.count / 2).map { UInt16(codes[$0 * 2]) | UInt16(codes[$0 * 2 + 1]) << 8 })
        for (file, size) in [(docs, SegmentWriter.docEntrySize), (norms, 4)] where file.count != info.docCount * size {
            throw IndexError("\(file.path): holds \(file.count) bytes for \(info.docCount) documents; the index is damaged, run 'archive ingest --rebuild'")
        }
        self.deleted = deleted
        body = try TermDictionary(terms: try map("terms"), postings: try map("post"), positions: try map("pos"))
        headline = try TermDictionary(terms: try map("hterms"), postings: try map("hpost"), positions: nil)
        unions = try UnionDictionary(try map("unions"))
        sources = try FieldDictionary(try map("sources"))
        names = try FieldDictionary(try map("names"))
    }

    @inline(__always) func isLive(_ doc: Int) -> Bool {
        guard let deleted else { return true }
        return deleted[doc >> 6] & (1 << UInt64(doc & 63)) == 0
    }

    // MARK: documents

    @inline(__always) private func entry(_ doc: Int) -> Int { doc * SegmentWriter.docEntrySize }
    func textRange(_ doc: Int) -> (offset: Int, length: Int) {
        (Int(docs.u64(entry(doc))), Int(docs.u32(entry(doc) + 16)))
    }
    /// Where the record's metadata starts; the next record's starts where it ends.
    func metaOffset(_ doc: Int) -> Int { Int(docs.u64(entry(doc) + 8)) }
    /// How many bytes of the coded text the headline block takes.
    func headlineBytes(_ doc: Int) -> Int { Int(docs.u32(entry(doc) + 20)) }
    /// How many UTF-16 units of the text the headline block takes (65,535 for any more): where
    /// body positions start.
    func headlineUnits(_ doc: Int) -> Int { Int(norms.u16(doc * 4 + 2)) }
    /// The length BM25 weighs a record by: its coded length, to within `SegmentWriter.normUnit` bytes.
    func lengthNorm(_ doc: Int) -> Int { Int(norms.u16(doc * 4)) * SegmentWriter.normUnit }
    func idHash(_ doc: Int) -> UInt64 { docs.u64(entry(doc) + 24) }
    /// The date as yyyymmdd, 0 when the source carried none.
    func date(_ doc: Int) -> UInt32 { docs.u32(entry(doc) + 32) }
    func page(_ doc: Int) -> Int? { let p = docs.u16(entry(doc) + 36); return p == 0 ? nil : Int(p) }
    func isPhoto(_ doc: Int) -> Bool { docs.u8(entry(doc) + 38) == 1 }

    /// The record's coded text, straight from the mapped file; the headline block comes first.
    func withBytes<R>(_ doc: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let (offset, length) = textRange(doc)
        guard length > 0, let base = text.base else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: (base + offset).assumingMemoryBound(to: UInt8.self), count: length))
    }

    /// The record's text as UTF-16 units, and how many of them the headline block takes.
    func units(_ doc: Int) -> (text: [UInt16], headline: Int) {
        withBytes(doc) { b in
            let h = headlineUnits(doc)
            // The norms hold the headline block's length unless it is too long for them.
            let head = h < Int(UInt16.max) ? h : code.decode(UnsafeBufferPointer(rebasing: b[0..<headlineBytes(doc)])).count
            return (code.decode(b), head)
        }
    }

    /// The reporters credited on a record, decoding only the start of its text.
    func reporters(_ doc: Int) -> [String] {
        let head = RecordCodec.head(meta: meta, at: metaOffset(doc))
        let count = head.counts[0]
        guard count > 0 else { return [] }
        let h = headlineBytes(doc)
        return withBytes(doc) { b in code.fields(UnsafeBufferPointer(rebasing: b[h...]), skip: head.fieldsBeforeNames, take: count) }
    }

    /// The record, from its text when that is decoded already.
    func article(_ doc: Int, text: [UInt16]? = nil) -> Article {
        let units = text ?? units(doc).text
        let d = date(doc)
        let dateString: String? = d == 0 ? nil : {
            let y = d / 10000, m = d / 100 % 100, day = d % 100
            return "\(y)-\(m < 10 ? "0" : "")\(m)-\(day < 10 ? "0" : "")\(day)"
        }()
        return RecordCodec.decode(meta: meta, at: metaOffset(doc), text: units, date: dateString, page: page(doc))
    }

    /// The postings of `dict`'s term `i` in this segment's live documents (see `TermDictionary.list`).
    func list(_ dict: TermDictionary, _ i: Int, within candidates: [Int32]? = nil) -> PostingList {
        dict.list(i, deleted: deleted, within: candidates)
    }
}

/// A decoded posting list: documents in order, how often the term occurs in each, and the number
/// of each document's first position among the term's (see `positions`).
struct PostingList {
    var docs: [Int32] = []
    var tfs: [UInt32] = []
    var starts: [UInt32] = []
    var positions = PackedPositions(base: nil, width: 0)
}

/// A term's positions, bit-packed at one width (see `SegmentWriter`): the n-th is read directly.
struct PackedPositions {
    let base: UnsafeRawPointer?
    let width: Int

    /// The n-th position: 65,535 stands for any beyond.
    @inline(__always) subscript(_ n: Int) -> UInt16 {
        let bit = n * width
        let word = base!.loadUnaligned(fromByteOffset: bit >> 3, as: UInt32.self).littleEndian
        return UInt16(truncatingIfNeeded: (word >> UInt32(bit & 7)) & (1 << UInt32(width) - 1))
    }
}

/// A sorted dictionary of 32-bit keys (two UTF-16 units) and the postings each one points to
/// (each list behind its `SkipBlocks` header): the magic, the term count, the keys, then offsets
/// into the postings (one more than terms)
/// and, in a dictionary with positions, offsets into the positions file (one more than terms;
/// the file ends with four bytes of padding) and each term's position width in bits, one byte each,
/// padded to four. A class: a merge and a query hand it around per term, and a copy of a
/// struct would retain each of its files.
final class TermDictionary {
    static let magic: UInt32 = 0x4D52_5441  // "ATRM"
    static let positionalMagic: UInt32 = 0x5052_5441  // "ATRP"
    let terms: MappedFile
    let post: MappedFile
    let positions: MappedFile?
    let termCount: Int
    private let keysAt = 8
    private let offsetsAt: Int
    private let positionOffsetsAt: Int
    private let widthsAt: Int

    init(terms: MappedFile, postings: MappedFile, positions: MappedFile?) throws(IndexError) {
        self.terms = terms
        post = postings
        self.positions = positions
        guard terms.count >= 8, terms.peekU32(0) == (positions == nil ? Self.magic : Self.positionalMagic) else {
            throw IndexError("\(terms.path): not a term dictionary; the index is damaged, run 'archive ingest --rebuild'")
        }
        termCount = Int(terms.peekU32(4))
        offsetsAt = keysAt + termCount * 4
        positionOffsetsAt = offsetsAt + (termCount + 1) * 4
        widthsAt = positionOffsetsAt + (termCount + 1) * 4
        let size = positions == nil ? positionOffsetsAt : widthsAt + (termCount + 3) / 4 * 4
        guard terms.count == size, Int(terms.peekU32(offsetsAt + termCount * 4)) == post.count,
              positions.map({ Int(terms.peekU32(positionOffsetsAt + termCount * 4)) + 4 == $0.count }) ?? true else {
            throw IndexError("\(terms.path): does not match its postings; the index is damaged, run 'archive ingest --rebuild'")
        }
    }

    func key(_ i: Int) -> UInt32 { terms.u32(keysAt + i * 4) }

    /// The first term whose key is not below `k`.
    func lowerBound(_ k: UInt32) -> Int {
        var lo = 0, hi = termCount
        while lo < hi {
            let mid = (lo + hi) / 2
            if key(mid) < k { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func find(_ k: UInt32) -> Int? {
        let i = lowerBound(k)
        return i < termCount && key(i) == k ? i : nil
    }

    private func range(_ i: Int) -> Range<Int> { offset(i)..<offset(i + 1) }

    /// How many bytes term `i`'s postings take: how common it is, known without decoding.
    func size(_ i: Int) -> Int { range(i).count }

    /// The live documents of term `i`'s posting list, their frequencies and where their positions
    /// start; only the blocks that may hold one of `candidates` (sorted) when they are given.
    func list(_ i: Int, deleted: [UInt64]?, within candidates: [Int32]? = nil) -> PostingList {
        let r = range(i)
        let skips = SkipBlocks.read(post, r)
        var parts: [Part] = []
        if let candidates, skips.count > 0 {
            // Per candidate not yet covered, the block that may hold it, found by binary search.
            var c = 0, k = 0
            while c < candidates.count {
                k = skips.block(holding: candidates[c], from: k)
                if k == skips.count { break }
                let last = skips.lastDoc(k)
                parts.append(skips.part(k))
                while c < candidates.count && Int64(candidates[c]) <= last { c += 1 }
                k += 1
            }
        } else {
            parts = [skips.whole]
        }
        // A block holds `SkipBlocks.size` postings at most: arrays need no more room than that.
        let capacity = skips.count == 0 ? .max : (candidates == nil ? skips.count : parts.count) * SkipBlocks.size
        var l = Self.decode(post, parts, deleted: deleted, capacity: capacity)
        l.positions = packedPositions(i)
        return l
    }

    /// Term `i`'s skip data (see `SkipBlocks`).
    func skips(_ i: Int) -> SkipBlocks.Header { SkipBlocks.read(post, range(i)) }

    /// Each posting of `part` of a list (see `SkipBlocks.Header.part`): its document and frequency,
    /// deleted or not.
    @inline(__always) func forEachPosting(in part: Part, _ body: (_ doc: Int32, _ tf: UInt32) -> Void) {
        guard let raw = post.base else { return }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        var at = part.bytes.lowerBound, doc = part.docBase
        while at < part.bytes.upperBound {
            let (gap, tf) = Self.posting(bytes, &at)
            doc += Int64(gap)
            body(Int32(doc), tf)
        }
    }

    /// Term `i`'s positions, for a dictionary that keeps them.
    func packedPositions(_ i: Int) -> PackedPositions {
        guard let positions, let base = positions.base else { return PackedPositions(base: nil, width: 0) }
        return PackedPositions(base: base + Int(terms.u32(positionOffsetsAt + i * 4)), width: Int(terms.u8(widthsAt + i)))
    }

    /// Term `i`'s postings as they lie (after any skip data), its last document and how many
    /// positions it has: a merge copies a list whole when none of its documents is dropped, and
    /// the skip data saves decoding all but the last block.
    func rawList(_ i: Int) -> (bytes: UnsafeBufferPointer<UInt8>, lastDoc: Int, positions: Int) {
        let s = summary(i)
        return (post.bytes(s.list.lowerBound, s.list.count), s.lastDoc, s.positions)
    }

    /// How many documents hold term `i` and how many times it occurs in all, without decoding
    /// its postings: what a count of the term needs when nothing is deleted.
    func counts(_ i: Int) -> (docs: Int, positions: Int) {
        let s = summary(i)
        return (s.docs, s.positions)
    }

    /// Where term `i`'s postings lie (after any skip data), how many there are, the last
    /// document and the number of positions: the skip data gives all but the last block's.
    private func summary(_ i: Int) -> (list: Range<Int>, docs: Int, lastDoc: Int, positions: Int) {
        let skips = skips(i)
        let blocks = skips.count
        var doc = blocks > 1 ? Int(skips.lastDoc(blocks - 2)) : -1
        var docs = blocks > 0 ? (blocks - 1) * SkipBlocks.size : 0
        var positions = blocks > 0 ? Int(skips.firstPosition(blocks - 1)) : 0
        forEachPosting(in: skips.part(max(0, blocks - 1))) { d, tf in
            doc = Int(d)
            docs += 1
            positions += Int(tf)
        }
        return (skips.listStart..<skips.listEnd, docs, doc, positions)
    }

    /// Each posting of term `i`, deleted or not: its document, its frequency and the number of its
    /// first position. A merge walks every list once, and needs no arrays for it.
    @inline(__always) func forEachPosting(_ i: Int, _ body: (_ doc: Int, _ tf: UInt32, _ start: UInt32) -> Void) {
        var start: UInt32 = 0
        forEachPosting(in: skips(i).whole) { d, tf in
            body(Int(d), tf, start)
            start &+= tf
        }
    }

    /// Where term `i`'s postings start in the postings file (`termCount` for the end).
    func offset(_ i: Int) -> Int { Int(terms.u32(offsetsAt + i * 4)) }

    /// Lets go of the pages of the postings and positions of `terms` (see `MappedFile.release`).
    func release(terms r: Range<Int>) {
        guard !r.isEmpty else { return }
        post.release(offset(r.lowerBound)..<offset(r.upperBound))
        positions?.release(Int(terms.u32(positionOffsetsAt + r.lowerBound * 4))..<Int(terms.u32(positionOffsetsAt + r.upperBound * 4)))
    }

    /// A run of a posting list to decode: its bytes, the document its first gap counts from, and
    /// the number of its first position.
    struct Part {
        let bytes: Range<Int>
        let docBase: Int64
        let firstPosition: UInt32
    }

    @inline(__always) static func varint(_ bytes: UnsafePointer<UInt8>, _ at: inout Int) -> UInt64 {
        var v = UInt64(bytes[at])
        at += 1
        guard v >= 0x80 else { return v }
        v &= 0x7F
        var shift: UInt64 = 7
        while true {
            let b = bytes[at]
            at += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
        }
    }

    /// The next entry of a posting list (see `PostingTable`): the gap from the document before,
    /// and how often the term occurs.
    @inline(__always) static func posting(_ bytes: UnsafePointer<UInt8>, _ at: inout Int) -> (gap: Int, tf: UInt32) {
        let v = varint(bytes, &at)
        return (Int(v >> 1), v & 1 == 1 ? UInt32(truncatingIfNeeded: varint(bytes, &at)) : 1)
    }

    /// Decodes runs of a posting list (see `PostingTable`) into arrays sized by their bytes, since
    /// every posting takes at least one: the loop every query runs, so it touches raw memory only.
    static func decode(_ file: MappedFile, _ parts: [Part], deleted: [UInt64]?, capacity limit: Int = .max) -> PostingList {
        let capacity = min(limit, parts.reduce(0) { $0 + $1.bytes.count })
        var out = PostingList()
        guard capacity > 0, let raw = file.base else { return out }
        let bytes = raw.assumingMemoryBound(to: UInt8.self)
        var count = 0
        out.docs = [Int32](unsafeUninitializedCapacity: capacity) { docs, docCount in
            out.tfs = [UInt32](unsafeUninitializedCapacity: capacity) { tfs, tfCount in
                out.starts = [UInt32](unsafeUninitializedCapacity: capacity) { starts, startCount in
                    for part in parts {
                        var at = part.bytes.lowerBound
                        var doc = part.docBase
                        var start = part.firstPosition
                        while at < part.bytes.upperBound {
                            let (gap, tf) = posting(bytes, &at)
                            doc += Int64(gap)
                            docs[count] = Int32(doc)
                            tfs[count] = tf
                            starts[count] = start
                            // A deleted document is written over by the next.
                            if deleted == nil || deleted![Int(doc) >> 6] & (1 << UInt64(doc & 63)) == 0 { count += 1 }
                            start &+= tf
                        }
                    }
                    startCount = count
                }
                tfCount = count
            }
            docCount = count
        }
        return out
    }
}
