/// Least-significant-digit radix sort of integer keys, a byte at a time, skipping the bytes all
/// keys share. The parser's bigram sets and the index's record keys number in the thousands per
/// text, where a comparison sort costs several times more. Shared with the index (package access).
package enum RadixSort {
    package static func sort(_ a: inout [UInt32]) { sortBytes(&a, from: 0) }
    package static func sort(_ a: inout [UInt64]) { sortBytes(&a, from: 0) }

    /// Sorts keys already in order of their low halves, by their high halves only: the sort is
    /// stable, so they come out in order of whole keys with a third fewer passes when the low
    /// halves are positions (the index's keys of a text, in reading order).
    package static func sortInOrderOfLowHalves(_ a: inout [UInt64]) { sortBytes(&a, from: 4) }

    @inline(__always) private static func sortBytes<T: FixedWidthInteger & UnsignedInteger>(_ a: inout [T], from first: Int) {
        let n = a.count
        // Below a few hundred keys, clearing and scanning the byte histograms costs more than it saves.
        guard n > 384 else { a.sort(); return }
        let width = T.bitWidth / 8
        var buffer = [T](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 256 * width)
        a.withUnsafeMutableBufferPointer { keys in
            buffer.withUnsafeMutableBufferPointer { spare in
                counts.withUnsafeMutableBufferPointer { counts in
                    for x in keys {
                        var v = x >> (first * 8)
                        for d in first..<width { counts[d << 8 | Int(truncatingIfNeeded: v) & 0xFF] += 1; v >>= 8 }
                    }
                    var from = keys, to = spare
                    for d in first..<width {
                        let c = UnsafeMutableBufferPointer(rebasing: counts[(d << 8)..<((d + 1) << 8)])
                        // A byte every key shares moves nothing.
                        if c.contains(n) { continue }
                        var total = 0
                        for i in 0..<256 { let k = c[i]; c[i] = total; total += k }
                        for x in from {
                            let b = Int(truncatingIfNeeded: x >> (d * 8)) & 0xFF
                            to[c[b]] = x
                            c[b] += 1
                        }
                        swap(&from, &to)
                    }
                    if from.baseAddress != keys.baseAddress { _ = keys.update(fromContentsOf: from) }
                }
            }
        }
    }
}
