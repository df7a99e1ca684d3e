/// The best hits offered so far, in rank order: score, then the earlier date (undated last),
/// then archive order. With a limit only that many are kept, and most hits fail the first
/// comparison, so a common term costs no full sort.
struct TopHits {
    let limit: Int?
    let archive: Archive
    private(set) var hits: [Hit] = []

    init(limit: Int?, archive: Archive) {
        self.limit = limit
        self.archive = archive
        if let limit { hits.reserveCapacity(limit + 1) }
    }

    /// The score a hit must reach to be kept (a tie may still lose on date or order): none
    /// until the limit is reached.
    var floor: Double {
        guard let limit, hits.count == limit, let last = hits.last else { return -.infinity }
        return last.score
    }

    mutating func offer(_ h: Hit) {
        guard let limit else { hits.append(h); return }
        guard limit > 0, hits.count < limit || before(h, hits[hits.count - 1]) else { return }
        hits.insert(h, at: hits.firstIndex { before(h, $0) } ?? hits.count)
        if hits.count > limit { hits.removeLast() }
    }

    /// Every hit kept, in rank order.
    func ranked() -> [Hit] { limit == nil ? hits.sorted(by: before) : hits }

    private func before(_ a: Hit, _ b: Hit) -> Bool {
        if a.score != b.score { return a.score > b.score }
        let da = archive.date(a.ref), db = archive.date(b.ref)
        if da != db { return (da == 0 ? UInt32.max : da) < (db == 0 ? UInt32.max : db) }
        return a.ref < b.ref
    }
}
