/// Least-significant-digit radix sort of integer keys, a byte at a time, skipping the bytes all
/// keys share. The parser's bigram sets and the index's record keys number in the thousands per
/// text, where a comparison sort costs several times more. Shared with the index (package access).
package enum RadixSort {
    package static func sort(_ a: inout [UInt32]) { sortBytes(&a) }
    package static func sort(_ a: inout [UInt64]) { sortBytes(&a) }

    @inline(__always) private static func sortBytes<T: FixedWidthInteger & UnsignedInteger>(_ a: inout [T]) {
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
                        var v = x
                        for d in 0..<width { counts[d << 8 | Int(truncatingIfNeeded: v) & 0xFF] += 1; v >>= 8 }
                    }
                    var from = keys, to = spare
                    for d in 0..<width {
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
