import ParseCore

public typealias Snippet = (before: String, match: String, after: String)

extension Searcher {
    /// Text around the first match of the query's terms, or of the printed forms of the unions
    /// it asks for: the body is preferred to the headline.
    public func snippet(_ r: Archive.DocRef, for q: Query, width: Int = 36) -> Snippet? {
        let seg = archive.segments[r.segment]
        let text = seg.units(r.doc)
        let unions = q.positiveUnions.isEmpty ? [] : seg.article(r.doc, text: text.text).unions
        return snippet(text, unions: unions, for: q, width: width)
    }

    /// A hit as a search prints it: its record (with the ids of the other part of an article
    /// continued across pages when `linked`) and its snippet, from one decoding of its text.
    public func shown(_ r: Archive.DocRef, for q: Query, linked: Bool, width: Int = 36) -> (article: Article, snippet: Snippet?) {
        let seg = archive.segments[r.segment]
        let text = seg.units(r.doc)
        let a = seg.article(r.doc, text: text.text)
        return (linked ? archive.linked(a) : a, snippet(text, unions: a.unions, for: q, width: width))
    }

    private func snippet(_ text: (text: [UInt16], headline: Int), unions: [UnionMention], for q: Query, width: Int) -> Snippet? {
        var needles = uniqueTerms(q).map { folded($0.0) }.filter { !$0.isEmpty }
        let asked = Set(q.positiveUnions.flatMap(Unions.queryKeys))
        if !asked.isEmpty {
            for u in unions where !asked.isDisjoint(with: Unions.keys(of: u)) {
                needles += u.mentions.map(SearchText.folded)
            }
        }
        let (units, h) = text
        return units.withUnsafeBufferPointer { t -> Snippet? in
            func earliest(from start: Int) -> (Int, Int)? {
                needles.compactMap { n in Self.first(n, in: t, from: start, exactScript: exactScript).map { ($0, n.count) } }.min { $0.0 < $1.0 }
            }
            let best = earliest(from: h) ?? earliest(from: 0)
            guard let (at, len) = best else { return nil }
            var lo = at, hi = at + len
            while lo > 0, at - lo < width / 3, t[lo - 1] != RecordCodec.separator { lo -= 1 }
            while hi < t.count, hi - at < width, t[hi] != RecordCodec.separator { hi += 1 }
            func s(_ a: Int, _ b: Int) -> String { SearchText.string(UnsafeBufferPointer(rebasing: t[a..<b])) }
            return ((lo > 0 && t[lo - 1] != RecordCodec.separator ? "…" : "") + s(lo, at), s(at, at + len),
                    s(at + len, hi) + (hi < t.count && t[hi] != RecordCodec.separator ? "…" : ""))
        }
    }

    /// Where `q`, folded as `exactScript` says (see `Searcher.folded`), first occurs from `start`.
    static func first(_ q: [UInt16], in t: UnsafeBufferPointer<UInt16>, from start: Int, exactScript: Bool = false) -> Int? {
        let m = q.count
        guard t.count >= m else { return nil }
        var i = start
        while i <= t.count - m {
            var j = 0
            while j < m, (exactScript ? SearchText.foldWidth(t[i + j]) : SearchText.fold(t[i + j])) == q[j] { j += 1 }
            if j == m { return i }
            i += 1
        }
        return nil
    }
}
