/// Postings being gathered for a segment, term by term, in document order. This is the serial
/// step of an ingest and it is bound by memory latency, so a posting touches three places: the
/// hash slot (key and term together), the term's state, and the byte pool where every list
/// grows in slices (the way Lucene's byte block pool does) instead of an array per term.
///
/// A posting list holds, per document, the gap from the previous one shifted left once, its low
/// bit saying whether a term frequency above one follows; both as variable-length integers.
struct PostingTable {
    private struct Term {
        var cursor: UInt32 = 0
        var limit: UInt32 = 0
        var lastDoc: Int32 = -1
        var lastSlice: Int32 = -1
    }

    /// Hash slots: key in the high half, term number in the low; 0 marks an empty slot (a key's
    /// first letter is never 0).
    private var slots = [UInt64](repeating: 0, count: 1 << 16)
    private var mask = (1 << 16) - 1
    private var terms: [Term] = []
    /// Per term, in order of first appearance.
    private(set) var keys: [UInt32] = []
    private var firstSlice: [Int32] = []
    /// Slices: where each starts and ends in the pool, and the slice after it (-1 for none).
    private var sliceStart: [UInt32] = []
    private var sliceEnd: [UInt32] = []
    private var sliceNext: [Int32] = []
    /// The byte pool, grown a megabyte at a time; `used` bytes of it are handed out.
    private var pool: [UInt8] = []
    private var used = 0
    private(set) var bytes = 0

    mutating func add(doc: Int32, keys docKeys: [UInt32], tfs: [UInt32]) {
        for i in docKeys.indices {
            let t = term(docKeys[i])
            let tf = tfs[i]
            let gap = UInt64(doc - terms[t].lastDoc)
            terms[t].lastDoc = doc
            write(gap << 1 | (tf > 1 ? 1 : 0), term: t)
            if tf > 1 { write(UInt64(tf), term: t) }
        }
    }

    /// Hands over a term's postings in order, a slice of the pool at a time.
    func forEachPart<E: Error>(ofTerm t: Int, _ body: (ArraySlice<UInt8>) throws(E) -> Void) throws(E) {
        var s = Int(firstSlice[t])
        while s >= 0 {
            let next = Int(sliceNext[s])
            let end = next < 0 ? terms[t].cursor : sliceEnd[s]
            try body(pool[Int(sliceStart[s])..<Int(end)])
            s = next
        }
    }

    @inline(__always) private static func hash(_ k: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(k) &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    @inline(__always) private mutating func term(_ k: UInt32) -> Int {
        var i = Self.hash(k) & mask
        while true {
            let x = slots[i]
            if x >> 32 == UInt64(k) { return Int(x & 0xFFFF_FFFF) }
            if x == 0 { break }
            i = (i + 1) & mask
        }
        let t = keys.count
        slots[i] = UInt64(k) << 32 | UInt64(t)
        keys.append(k)
        terms.append(Term())
        firstSlice.append(-1)
        if keys.count * 4 > slots.count * 3 { grow() }
        return t
    }

    private mutating func grow() {
        let n = slots.count * 2
        slots = [UInt64](repeating: 0, count: n)
        mask = n - 1
        for (t, k) in keys.enumerated() {
            var i = Self.hash(k) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = UInt64(k) << 32 | UInt64(t)
        }
    }

    @inline(__always) private mutating func write(_ v: UInt64, term t: Int) {
        var x = v
        while true {
            if terms[t].cursor == terms[t].limit { newSlice(term: t) }
            pool[Int(terms[t].cursor)] = x >= 0x80 ? UInt8(x & 0x7F) | 0x80 : UInt8(x)
            terms[t].cursor += 1
            bytes += 1
            if x < 0x80 { return }
            x >>= 7
        }
    }

    /// Gives a term its next slice: small for the many rare terms, growing for common ones.
    private mutating func newSlice(term t: Int) {
        let previous = Int(terms[t].lastSlice)
        let size = previous < 0 ? 8 : min(1 << 12, 2 * Int(sliceEnd[previous] - sliceStart[previous]))
        let s = Int32(sliceStart.count)
        if used + size > pool.count { pool.append(contentsOf: repeatElement(0, count: 1 << 20)) }
        sliceStart.append(UInt32(used))
        used += size
        sliceEnd.append(UInt32(used))
        sliceNext.append(-1)
        if previous < 0 { firstSlice[t] = s } else { sliceNext[previous] = s }
        terms[t].lastSlice = s
        terms[t].cursor = sliceStart[Int(s)]
        terms[t].limit = UInt32(used)
    }
}
