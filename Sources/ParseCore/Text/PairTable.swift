/// A table of character pairs compiled into the package by a script in `Resources/`: a header
/// of UInt32 totals, a UInt32 entry count, then entries sorted by key (first << 16 | second),
/// each with a few UInt16 counts. Looked up by binary search, or, for a value read on every line,
/// through a hash map of values worked out once (`values`).
struct PairTable {
    let header: [UInt32]
    private let keys: [UInt32]
    private let counts: [UInt16]
    private let columns: Int

    /// Nil when the bytes are not such a table: cut short, or longer than its entries.
    init?(_ bytes: [UInt8], headerWords: Int, columns: Int) {
        let start = headerWords * 4 + 4, entry = 4 + 2 * columns
        guard bytes.count >= start else { return nil }
        func u32(_ i: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[i + $1]) << (8 * $1) } }
        func u16(_ i: Int) -> UInt16 { UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 }
        header = (0..<headerWords).map { u32($0 * 4) }
        let n = Int(u32(headerWords * 4))
        guard bytes.count == start + n * entry else { return nil }
        keys = (0..<n).map { u32(start + $0 * entry) }
        guard zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        counts = (0..<n).flatMap { e in (0..<columns).map { u16(start + e * entry + 4 + $0 * 2) } }
        self.columns = columns
    }

    static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt32? {
        a.value < 0x10000 && b.value < 0x10000 ? a.value << 16 | b.value : nil
    }

    var entries: Int { keys.count }

    /// Where the table lists a pair, nil when it does not.
    func entry(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int? {
        guard let key = Self.key(a, b) else { return nil }
        var lo = 0, hi = keys.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if keys[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < keys.count && keys[lo] == key ? lo : nil
    }

    /// A value worked out once for each pair the table lists, keyed as `CharCounts.pair`, and
    /// once for all it does not (the zero of the map): a hash probe where a lookup in the table
    /// is a binary search.
    func values(_ value: (ArraySlice<UInt16>) -> Double) -> FastMap<Double> {
        var map = FastMap<Double>(zero: value(counts(at: nil)), capacity: keys.count)
        for (e, key) in keys.enumerated() {
            map.set(CharCounts.pair(Unicode.Scalar(key >> 16)!, Unicode.Scalar(key & 0xFFFF)!), value(counts(at: e)))
        }
        return map
    }

    /// The counts of an entry, zeros for a pair the table does not list.
    func counts(at entry: Int?) -> ArraySlice<UInt16> {
        guard let e = entry else { return ArraySlice(repeating: 0, count: columns) }
        return counts[(e * columns)..<(e * columns + columns)]
    }
}
