/// One occurrence of a query's term in a record: keyword in context.
public struct Concordance: Sendable {
    public let ref: Archive.DocRef
    public let left: String
    public let match: String
    public let right: String
}

extension Searcher {
    /// Every occurrence of the query's text terms in the records it matches, with up to `width`
    /// characters on either side, never across a field (a headline's context stays in the
    /// headline). `refs` gives the records to read, in the order wanted; the scan stops after `limit`.
    public func concordance(_ q: Query, in refs: [Archive.DocRef], width: Int, limit: Int? = nil) -> [Concordance] {
        let terms = uniqueTerms(q).map { (folded($0.0), $0.1) }.filter { !$0.0.isEmpty }
        var out: [Concordance] = []
        for r in refs {
            let (units, headline) = archive.segments[r.segment].units(r.doc)
            units.withUnsafeBufferPointer { t in
                for (at, length) in occurrences(of: terms, in: t, headline: headline) {
                    var lo = at, hi = at + length
                    while lo > 0, at - lo < width, t[lo - 1] != RecordCodec.separator { lo -= 1 }
                    while hi < t.count, hi - at - length < width, t[hi] != RecordCodec.separator { hi += 1 }
                    // Never half a character outside the BMP.
                    if lo < at, UTF16.isTrailSurrogate(t[lo]) { lo += 1 }
                    if hi > at + length, UTF16.isLeadSurrogate(t[hi - 1]) { hi -= 1 }
                    func s(_ a: Int, _ b: Int) -> String { String(decoding: t[a..<b], as: UTF16.self) }
                    out.append(Concordance(ref: r, left: s(lo, at), match: s(at, at + length), right: s(at + length, hi)))
                }
            }
            if let limit, out.count >= limit { return Array(out.prefix(limit)) }
        }
        return out
    }

    /// Where the folded `terms` occur in a record's text `t` (a headline term only in its first
    /// `headline` units), in text order.
    func occurrences(of terms: [([UInt16], Query.Scope)], in t: UnsafeBufferPointer<UInt16>, headline: Int) -> [(at: Int, length: Int)] {
        var found: [(at: Int, length: Int)] = []
        for (needle, scope) in terms {
            let end = scope == .headline ? headline : t.count
            var from = 0
            while let at = Self.first(needle, in: UnsafeBufferPointer(rebasing: t[..<end]), from: from, exactScript: exactScript) {
                found.append((at, needle.count))
                from = at + needle.count
            }
        }
        return found.sorted { $0.at < $1.at }
    }
}
