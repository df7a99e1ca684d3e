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

    static func merge(_ inputs: [Segment], dir: String, name: String) throws(IndexError) -> Merged {
        var next: Int32 = 0
        let docMaps = inputs.map { s in
            (0..<s.docCount).map { d -> Int32 in
                guard s.isLive(d) else { return -1 }
                defer { next += 1 }
                return next
            }
        }
        // The largest input's code, so that most of the text is copied as it is.
        let code = inputs.max { $0.info.textUnits < $1.info.textUnits }?.code ?? TextCode(units: [])
        let records = try RecordWriter(dir: dir, name: name, code: code)
        for s in inputs { try copyRecords(of: s, to: records) }
        let body = try TermDictionaryWriter(terms: "\(dir)/\(name).terms", postings: "\(dir)/\(name).post",
                                            positions: "\(dir)/\(name).pos")
        try mergeTerms(inputs.map(\.body), of: inputs, docMaps, into: body)
        let head = try TermDictionaryWriter(terms: "\(dir)/\(name).hterms", postings: "\(dir)/\(name).hpost", positions: nil)
        try mergeTerms(inputs.map(\.headline), of: inputs, docMaps, into: head)
        var unions = UnionTable(), sources = FieldTable(), names = FieldTable()
        for (s, map) in zip(inputs, docMaps) {
            for i in 0..<s.unions.count {
                let e = s.unions.entry(i)
                let l = s.unions.list(i, deleted: s.deleted)
                for (d, tf) in zip(l.docs, l.tfs) { unions.add(key: e.key, info: e.info, doc: map[Int(d)], tf: Int(tf)) }
            }
            s.sources.forEach { v, docs in for d in docs where map[Int(d)] >= 0 { sources.add(doc: map[Int(d)], value: v) } }
            s.names.forEach { v, docs in for d in docs where map[Int(d)] >= 0 { names.add(doc: map[Int(d)], value: v) } }
        }
        let info = try SegmentWriter.seal(dir: dir, name: name, records: records, postings: try body.close() + head.close(),
                                          unions: unions, sources: sources, names: names)
        return Merged(info: info, docMaps: docMaps)
    }

    private static func copyRecords(of s: Segment, to out: RecordWriter) throws(IndexError) {
        let same = s.code.units == out.code.units
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
            s.text.release(below: offset + length)
            s.meta.release(below: metaEnd)
        }
    }

    /// Walks the inputs' dictionaries in key order together; a term's postings are the inputs'
    /// live ones in input order, so its documents rise.
    private static func mergeTerms(_ dicts: [TermDictionary], of inputs: [Segment], _ docMaps: [[Int32]],
                                   into out: TermDictionaryWriter) throws(IndexError) {
        var cursor = [Int](repeating: 0, count: dicts.count)
        var list = ByteWriter()
        var positions: [UInt16] = []
        while true {
            var key: UInt32?
            for (k, d) in dicts.enumerated() where cursor[k] < d.termCount {
                let x = d.key(cursor[k])
                if key.map({ x < $0 }) ?? true { key = x }
            }
            guard let key else { return }
            list.bytes.removeAll(keepingCapacity: true)
            positions.removeAll(keepingCapacity: true)
            var last: Int64 = -1
            for (k, d) in dicts.enumerated() where cursor[k] < d.termCount && d.key(cursor[k]) == key {
                let l = d.list(cursor[k], deleted: inputs[k].deleted)
                for j in l.docs.indices {
                    let doc = Int64(docMaps[k][Int(l.docs[j])]), tf = l.tfs[j]
                    list.varint(UInt64(doc - last) << 1 | (tf > 1 ? 1 : 0))
                    if tf > 1 { list.varint(UInt64(tf)) }
                    last = doc
                    if d.positions != nil {
                        let start = Int(l.starts[j])
                        for n in start..<(start + Int(tf)) { positions.append(l.positions[n]) }
                    }
                }
                d.release(through: cursor[k])
                cursor[k] += 1
            }
            // A term of deleted records only is gone.
            if !list.bytes.isEmpty { try out.add(key: key, list: list.bytes, positions: positions) }
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
