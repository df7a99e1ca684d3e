import ParseCore

/// An organisation as the whole archive knows it: how many pieces name it, and when.
public struct UnionCount: Equatable, Sendable {
    public let name: String
    public let pieces: Int
    /// Times it is named, in any form, across those pieces.
    public let mentions: Int
    /// First and last dates as yyyymmdd; 0 when none of its pieces is dated.
    public let first: UInt32
    public let last: UInt32
    /// Official names of its place and those above, outermost first.
    public let places: [String]
}

extension Archive {
    /// Every union the archive's pieces name, most named first (then by name), read from the
    /// segments' union dictionaries without decoding a record; `province` keeps those under it.
    public func unionCounts(province: String? = nil) -> [UnionCount] {
        var byName: [String: (pieces: Int, mentions: Int, first: UInt32, last: UInt32, places: [String])] = [:]
        for seg in segments {
            for i in seg.unions.range(prefix: "n:") {
                let e = seg.unions.entry(i)
                let places = e.info.isEmpty ? [] : e.info.components(separatedBy: "/")
                if let province, places.first != province { continue }
                let list = seg.unions.list(i, deleted: seg.deleted)
                let docs = list.docs, tfs = list.tfs
                guard !docs.isEmpty else { continue }
                let name = String(e.key.dropFirst(2))
                var c = byName[name] ?? (0, 0, UInt32.max, 0, places)
                c.pieces += docs.count
                c.mentions += tfs.reduce(0) { $0 + Int($1) }
                for d in docs {
                    let date = seg.date(Int(d))
                    if date > 0 { c.first = min(c.first, date); c.last = max(c.last, date) }
                }
                byName[name] = c
            }
        }
        return byName.map { UnionCount(name: $0.key, pieces: $0.value.pieces, mentions: $0.value.mentions,
                                       first: $0.value.first == UInt32.max ? 0 : $0.value.first, last: $0.value.last,
                                       places: $0.value.places) }
            .sorted { $0.pieces != $1.pieces ? $0.pieces > $1.pieces : $0.name < $1.name }
    }
}
