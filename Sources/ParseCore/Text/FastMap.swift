/// An open-addressing hash map from 64-bit keys. Character n-grams are packed into integers,
/// and Swift's `Dictionary` spends most of its time in SipHash on them; a multiplicative hash
/// and linear probing are several times faster for this use. Shared with the index
/// (package access), not part of the library's public API.
package struct FastMap<Value>: Sendable where Value: Sendable {
    /// Marks an empty slot: packed n-grams never reach it (three 21-bit fields fill 63 bits).
    @usableFromInline static var empty: UInt64 { .max }
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Value]
    @usableFromInline package private(set) var count = 0
    @usableFromInline var mask: Int
    @usableFromInline let zero: Value

    @inlinable package init(zero: Value, capacity: Int = 64) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        keys = Array(repeating: Self.empty, count: c)
        values = Array(repeating: zero, count: c)
        mask = c - 1
        self.zero = zero
    }

    @inlinable @inline(__always) func slot(_ k: UInt64) -> Int { Self.slot(k, mask: mask) }

    @inlinable @inline(__always) static func slot(_ k: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Where `k` is, or the empty slot where it would go.
    @inlinable @inline(__always) func find(_ k: UInt64) -> Int {
        var i = slot(k)
        while true {
            let x = keys[i]
            if x == k || x == Self.empty { return i }
            i = (i + 1) & mask
        }
    }

    @inlinable package func get(_ k: UInt64) -> Value {
        let i = find(k)
        return keys[i] == k ? values[i] : zero
    }

    /// The slot holding `k`, inserted with the zero value when absent.
    @inlinable @inline(__always) mutating func claim(_ k: UInt64) -> Int {
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let i = find(k)
        if keys[i] != k {
            keys[i] = k
            values[i] = zero
            count += 1
        }
        return i
    }

    @inlinable package mutating func set(_ k: UInt64, _ v: Value) { values[claim(k)] = v }

    @usableFromInline mutating func grow() {
        let oldKeys = keys, oldValues = values
        let c = keys.count * 2
        keys = Array(repeating: Self.empty, count: c)
        values = Array(repeating: zero, count: c)
        mask = c - 1
        count = 0
        for i in oldKeys.indices where oldKeys[i] != Self.empty { set(oldKeys[i], oldValues[i]) }
    }

    package func forEach(_ body: (UInt64, Value) -> Void) {
        for i in keys.indices where keys[i] != Self.empty { body(keys[i], values[i]) }
    }
}

extension FastMap where Value == UInt32 {
    @inlinable package mutating func increment(_ k: UInt64, by n: UInt32 = 1) {
        let i = claim(k)
        values[i] &+= n
    }

    /// Adds one for each of `n` keys (`key(0) ..< key(n)`): the counting every line of a page
    /// goes through, so it runs on the raw storage, growing between runs of keys that cannot
    /// fill the table past its load.
    @inlinable package mutating func incrementEach(_ n: Int, key: (Int) -> UInt64) {
        var j = 0
        while j < n {
            let room = keys.count * 3 / 4 - count
            guard room > 0 else { grow(); continue }
            let end = min(n, j + room), mask = self.mask, empty = Self.empty
            var added = 0
            keys.withUnsafeMutableBufferPointer { k in
                values.withUnsafeMutableBufferPointer { v in
                    for x in j..<end {
                        let key = key(x)
                        var i = Self.slot(key, mask: mask)
                        while k[i] != key && k[i] != empty { i = (i + 1) & mask }
                        if k[i] == empty { k[i] = key; v[i] = 0; added += 1 }
                        v[i] &+= 1
                    }
                }
            }
            count += added
            j = end
        }
    }
}
