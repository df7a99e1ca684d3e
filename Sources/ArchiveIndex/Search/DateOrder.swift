/// The calendar's order: the earlier date first, undated pieces last, then the page, then
/// where on the page (archive order). Newest first reverses the dates only, so that a day's
/// pages still read from the front page on.
public enum DateOrder: Sendable {
    case oldestFirst, newestFirst
}

extension Archive {
    /// `refs` in `order`; pieces that tie on every key keep their archive order.
    public func sorted(_ refs: [DocRef], by order: DateOrder) -> [DocRef] {
        refs.map { r -> (day: UInt32, page: Int, ref: DocRef) in
            let d = date(r)
            let day = d == 0 ? UInt32.max : order == .oldestFirst ? d : UInt32.max - 1 - d
            return (day, segments[r.segment].page(r.doc) ?? Int.max, r)
        }
        .sorted { ($0.day, $0.page, $0.ref) < ($1.day, $1.page, $1.ref) }
        .map(\.ref)
    }
}
