import Dispatch

/// Joins segments into one without parsing or indexing anything again, as Lucene and tantivy
/// merge: records are copied in input order and numbered anew, deleted ones dropped; their text
/// is copied as coded when an input shares the output's code and re-coded when not; each term's
/// postings are joined input after input with the documents renumbered, and its positions packed
/// again. Every input file is read once from front to back and let go of as it is read, so a
/// merge holds its output's dictionaries in memory, not its inputs.
enum SegmentMerger {
    /// What a merge wrote, and each input record's number in it (-1 for one dropped).
    struct Merged {
        let info: SegmentInfo
        let docMaps: [[Int32]]
    }

    /// The postings and positions bytes of a segment: what a merged segment must address.
    static func sizes(of files: [FileRecord]) -> (postings: Int, positions: Int) {
        (files.filter { $0.name.hasSuffix(".post") }.reduce(0) { $0 + $1.size },
         files.filter { $0.name.hasSuffix(".pos") }.reduce(0) { $0 + $1.size })
    }

    /// Runs of consecutive segments (given their `sizes`) whose merge stays addressable by
    /// 32-bit offsets, with room to spare for the skip data of longer lists.
    static func groups(_ sizes: [(postings: Int, positions: Int)]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0, postings = 0, positions = 0
        for (i, s) in sizes.enumerated() {
            if i > start && max(postings + s.postings, positions + s.positions) > SegmentWriter.maxPostingBytes {
                out.append(start..<i)
                (start, postings, positions) = (i, 0, 0)
            }
            postings += s.postings
            positions += s.positions
        }
        if start < sizes.count { out.append(start..<sizes.count) }
        return out
    }

    /// - Parameter shouldStop: asked as the merge goes; true stops it (`.interrupted`), its
    ///   files given up.
    static func merge(_ inputs: [Segment], dir: String, name: String,
                      shouldStop: (@Sendable () -> Bool)? = nil) throws(IndexError) -> Merged {
        var next: Int32 = 0
        let docMaps = inputs.map { s in
            (0..<s.docCount).map { d -> Int32 in
                guard s.isLive(d) else { return -1 }
                defer { next += 1 }
                return next
            }
        }
        // The records' length norms as the output numbers them, for its skip data.
        let lengths = inputs.flatMap { s in (0..<s.docCount).filter(s.isLive).map { UInt16(s.lengthNorm($0) / SegmentWriter.normUnit) } }
        // The largest input's code, so that most of the text is copied as it is.
        let code = inputs.max { $0.info.textUnits < $1.info.textUnits }?.code ?? TextCode(units: [])
        let path = "\(dir)/\(name)"
        // Three parts over the cores: the body's postings and positions in two runs of keys (most
        // of the work), and the records, the headline postings and the small tables.
        let split = UInt64(splitKey(inputs.map(\.body)))
        let (body, high, (records, head, tables)) = try ThreeParts.run({ () throws(IndexError) in
            let w = try TermDictionaryWriter(postings: "\(path).post", positions: "\(path).pos", lengths: lengths)
            try mergeTerms(inputs.map(\.body), docMaps, keys: 0..<split, into: w, shouldStop: shouldStop)
            return w
        }, { () throws(IndexError) in
            let w = try TermDictionaryWriter(postings: "\(path).post.high", positions: "\(path).pos.high", lengths: lengths)
            try mergeTerms(inputs.map(\.body), docMaps, keys: split..<(1 << 32), into: w, shouldStop: shouldStop)
            return w
        }, { () throws(IndexError) in
            let records = try RecordWriter(dir: dir, name: name, code: code)
            for s in inputs {
                if shouldStop?() == true { throw interrupted }
                try copyRecords(of: s, to: records)
            }
            let head = try TermDictionaryWriter(postings: "\(path).hpost", positions: nil, lengths: lengths)
            try mergeTerms(inputs.map(\.headline), docMaps, keys: 0..<(1 << 32), into: head, shouldStop: shouldStop)
            let tables = (UnionDictionary.merged(inputs.map(\.unions), docMaps), FieldDictionary.merged(inputs.map(\.sources), docMaps),
                          FieldDictionary.merged(inputs.map(\.names), docMaps))
            return (records, try head.close(terms: "\(path).hterms"), tables)
        })
        try body.append(high)
        let info = try SegmentWriter.seal(dir: dir, name: name, records: records, postings: try body.close(terms: "\(path).terms") + head,
                                          tables: tables)
        return Merged(info: info, docMaps: docMaps)
    }

    /// The key that halves the largest input's postings: where the second run of keys starts.
    private static func splitKey(_ dicts: [TermDictionary]) -> UInt32 {
        guard let d = dicts.max(by: { $0.offset($0.termCount) < $1.offset($1.termCount) }), d.termCount > 0 else { return 0 }
        let half = d.offset(d.termCount) / 2
        var lo = 0, hi = d.termCount - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if d.offset(mid) < half { lo = mid + 1 } else { hi = mid }
        }
        return d.key(lo)
    }

    private static func copyRecords(of s: Segment, to out: RecordWriter) throws(IndexError) {
        let same = s.code.units == out.code.units
        if same && s.deleted == nil { return try out.addAll(of: s) }
        var textRead = 0, metaRead = 0
        for d in 0..<s.docCount where s.isLive(d) {
            let (offset, length) = s.textRange(d)
            let metaAt = s.metaOffset(d), metaEnd = d + 1 < s.docCount ? s.metaOffset(d + 1) : s.meta.count
            let meta = s.meta.bytes(metaAt, metaEnd - metaAt)
            let entry = RecordWriter.Entry(idHash: s.idHash(d), date: s.date(d), page: UInt16(s.page(d) ?? 0), kind: s.isPhoto(d) ? 1 : 0)
            if same {
                try out.add(coded: s.text.bytes(offset, length), headlineBytes: s.headlineBytes(d),
                            headlineUnits: s.headlineUnits(d), meta: meta, entry: entry)
            } else {
                let (units, headline) = s.units(d)
                try out.add(text: units, headlineLength: headline, meta: Array(meta), entry: entry)
            }
            if offset + length - textRead >= releaseStep { s.text.release(textRead..<(offset + length)); textRead = offset + length }
            if metaEnd - metaRead >= releaseStep { s.meta.release(metaRead..<metaEnd); metaRead = metaEnd }
        }
    }

    static let interrupted = IndexError("merge interrupted", kind: .interrupted)

    /// How much of an input is read before its pages are let go of.
    private static let releaseStep = 1 << 20

    /// Walks the inputs' dictionaries in key order together, over the keys in `keys`; a term's
    /// postings are the inputs' live ones in input order, so its documents rise.
    private static func mergeTerms(_ dicts: [TermDictionary], _ docMaps: [[Int32]], keys: Range<UInt64>,
                                   into out: TermDictionaryWriter, shouldStop: (@Sendable () -> Bool)?) throws(IndexError) {
        // An input that drops no record moves its documents by a constant.
        let shifts = docMaps.map { map in map.contains(-1) ? nil : Int(map.first ?? 0) }
        var cursor = dicts.map { keys.lowerBound > UInt32.max ? $0.termCount : $0.lowerBound(UInt32(keys.lowerBound)) }
        var released = cursor
        var term = MergedTerm()
        var merged = 0
        while true {
            merged += 1
            if merged % 4096 == 0, shouldStop?() == true { throw interrupted }
            var key: UInt32?
            for k in dicts.indices where cursor[k] < dicts[k].termCount {
                let x = dicts[k].key(cursor[k])
                if UInt64(x) < keys.upperBound, key.map({ x < $0 }) ?? true { key = x }
            }
            guard let key else { break }
            term.reset()
            for k in dicts.indices where cursor[k] < dicts[k].termCount && dicts[k].key(cursor[k]) == key {
                let d = dicts[k], t = cursor[k]
                if let shift = shifts[k] { term.copy(d, t, shift: shift) } else { term.renumber(d, t, docMaps[k]) }
                cursor[k] += 1
                if d.offset(cursor[k]) - d.offset(released[k]) >= releaseStep {
                    d.release(terms: released[k]..<cursor[k])
                    released[k] = cursor[k]
                }
            }
            // A term of deleted records only is gone.
            if !term.list.bytes.isEmpty { try out.add(key: key, list: term.list.bytes, positions: term.positions) }
        }
        for k in dicts.indices { dicts[k].release(terms: released[k]..<cursor[k]) }
    }

    /// One term's postings and positions as the inputs' lists are joined.
    private struct MergedTerm {
        var list = ByteWriter()
        var positions: [UInt16] = []
        var last = -1

        mutating func reset() {
            list.bytes.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            last = -1
        }

        /// Appends a list none of whose documents is dropped: copied, but for its first gap.
        mutating func copy(_ d: TermDictionary, _ t: Int, shift: Int) {
            let raw = d.rawList(t)
            var at = 0
            let v = TermDictionary.varint(raw.bytes.baseAddress!, &at)
            list.varint(UInt64(shift + Int(v >> 1) - 1 - last) << 1 | v & 1)
            list.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: raw.bytes[at...]))
            last = shift + raw.lastDoc
            guard d.positions != nil else { return }
            let packed = d.packedPositions(t), from = positions.count
            positions.append(contentsOf: repeatElement(0, count: raw.positions))
            positions.withUnsafeMutableBufferPointer { p in for j in 0..<raw.positions { p[from + j] = packed[j] } }
        }

        /// Appends the live postings of a list, renumbered by `map`.
        mutating func renumber(_ d: TermDictionary, _ t: Int, _ map: [Int32]) {
            let packed = d.positions == nil ? nil : d.packedPositions(t)
            map.withUnsafeBufferPointer { map in
                d.forEachPosting(t) { doc, tf, start in
                    let n = Int(map[doc])
                    guard n >= 0 else { return }
                    list.posting(gap: n - last, tf: tf)
                    last = n
                    if let packed { for p in start..<(start + tf) { positions.append(packed[Int(p)]) } }
                }
            }
        }
    }
}

extension Catalog {
    /// Points the entries of merged segments at the merge's output, their records renumbered.
    mutating func move(from inputs: [String], to m: SegmentMerger.Merged) {
        let index = Dictionary(uniqueKeysWithValues: inputs.enumerated().map { ($1, $0) })
        for e in entries.indices {
            guard let k = index[entries[e].segment] else { continue }
            entries[e].segment = m.info.name
            entries[e].docs = entries[e].docs.compactMap { d in m.docMaps[k][d] < 0 ? nil : Int(m.docMaps[k][d]) }
        }
    }
}
