import ParseCore

extension Searcher {
    /// Text around the first match of the query's terms, or of the printed forms of the unions
    /// it asks for: the body is preferred to the headline.
    public func snippet(_ r: Archive.DocRef, for q: Query, width: Int = 36) -> (before: String, match: String, after: String)? {
        let seg = archive.segments[r.segment]
        var needles = uniqueTerms(q).map { SearchText.folded($0.0) }.filter { !$0.isEmpty }
        let asked = Set(q.positiveUnions.flatMap(Unions.queryKeys))
        if !asked.isEmpty {
            for u in seg.article(r.doc).unions where !asked.isDisjoint(with: Unions.keys(of: u)) {
                needles += u.mentions.map(SearchText.folded)
            }
        }
        let (units, h) = seg.units(r.doc)
        return units.withUnsafeBufferPointer { t -> (String, String, String)? in
            func earliest(from start: Int) -> (Int, Int)? {
                needles.compactMap { n in Self.first(n, in: t, from: start).map { ($0, n.count) } }.min { $0.0 < $1.0 }
            }
            let best = earliest(from: h) ?? earliest(from: 0)
            guard let (at, len) = best else { return nil }
            var lo = at, hi = at + len
            while lo > 0, at - lo < width / 3, t[lo - 1] != RecordCodec.separator { lo -= 1 }
            while hi < t.count, hi - at < width, t[hi] != RecordCodec.separator { hi += 1 }
            func s(_ a: Int, _ b: Int) -> String { String(decoding: t[a..<b], as: UTF16.self) }
            return ((lo > 0 && t[lo - 1] != RecordCodec.separator ? "…" : "") + s(lo, at), s(at, at + len),
                    s(at + len, hi) + (hi < t.count && t[hi] != RecordCodec.separator ? "…" : ""))
        }
    }

    static func first(_ q: [UInt16], in t: UnsafeBufferPointer<UInt16>, from start: Int) -> Int? {
        let m = q.count
        guard t.count >= m else { return nil }
        var i = start
        while i <= t.count - m {
            var j = 0
            while j < m, SearchText.fold(t[i + j]) == q[j] { j += 1 }
            if j == m { return i }
            i += 1
        }
        return nil
    }
}
