/// Postings being gathered for a segment, term by term, in document order. This is the serial
/// step of an ingest and it is bound by memory latency, so a posting touches few places: the
/// hash slot (key and term together), the term's last document, and its streams in slice pools;
/// all kept in raw memory so the hot loop pays no reference counting or copy checks.
///
/// A posting list holds, per document, the gap from the previous one shifted left once, its low
/// bit saying whether a term frequency above one follows; both as variable-length integers. A
/// table with positions keeps, per posting, the term's positions in the document as 16-bit
/// numbers (65,535 standing for any beyond), so the positions of the n-th posting of a term start
/// at the sum of the frequencies before it: found without decoding them.
final class PostingTable {
    /// Hash slots: key in the high half, term number in the low; 0 marks an empty slot (a key's
    /// first letter is never 0).
    private var slots: UnsafeMutablePointer<UInt64>
    private var mask = (1 << 16) - 1
    private var lastDoc = RawVector<Int32>(capacity: 1 << 12)
    /// Per term, in order of first appearance.
    private(set) var keys: [UInt32] = []
    private let postings = SlicePool()
    /// The term of each key of the document being added.
    private var docTerms = RawVector<Int>(capacity: 1 << 12)
    /// What the first touches of a document's memory read, kept so that they are not left out.
    private(set) var touched: UInt64 = 0
    /// Empty in a table without positions.
    private let positions = SlicePool()
    let hasPositions: Bool

    init(positions: Bool) {
        hasPositions = positions
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: 0, count: mask + 1)
    }

    deinit {
        slots.deallocate()
        lastDoc.deallocate()
        docTerms.deallocate()
    }

    /// Memory held: what an ingest weighs against its budget.
    var footprint: Int {
        postings.footprint + positions.footprint + (mask + 1) * 8 + lastDoc.capacity * 4 + keys.capacity * 4
    }

    /// Adds a document's distinct keys with their frequencies and, in a table with positions, each
    /// key's positions in order, all keys' one after another.
    func add(doc: Int32, keys docKeys: [UInt32], tfs: [UInt32], positions docPositions: [UInt16] = []) {
        docKeys.withUnsafeBufferPointer { k in
            tfs.withUnsafeBufferPointer { f in
                docPositions.withUnsafeBufferPointer { p in add(doc: doc, keys: k, tfs: f, positions: p) }
            }
        }
    }

    private func add(doc: Int32, keys: UnsafeBufferPointer<UInt32>, tfs: UnsafeBufferPointer<UInt32>,
                     positions docPositions: UnsafeBufferPointer<UInt16>) {
        let postings = self.postings, positions = self.positions, hasPositions = self.hasPositions
        // Each key costs a few cache misses (its hash slot, its last document, the ends of its
        // streams). Touched first for all the document's keys, in loops whose loads do not wait
        // on one another, they overlap instead of following one by one.
        var touched = self.touched
        for i in 0..<keys.count { touched &+= slots[Self.hash(keys[i]) & mask] }
        while docTerms.count < keys.count { docTerms.append(0) }
        for i in 0..<keys.count { docTerms[i] = term(keys[i]) }
        for i in 0..<keys.count {
            let t = docTerms[i]
            touched &+= UInt64(UInt32(bitPattern: lastDoc[t])) &+ postings.touch(t) &+ (hasPositions ? positions.touch(t) : 0)
        }
        self.touched = touched
        var at = 0
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        for i in 0..<keys.count {
            let t = docTerms[i]
            let tf = tfs[i]
            let gap = UInt64(doc - lastDoc[t])
            lastDoc[t] = doc
            withUnsafeMutableBytes(of: &scratch) { b in
                var n = Self.varint(gap << 1 | (tf > 1 ? 1 : 0), into: b, at: 0)
                if tf > 1 { n = Self.varint(UInt64(tf), into: b, at: n) }
                postings.append(UnsafeRawBufferPointer(rebasing: b[..<n]), to: t)
            }
            guard hasPositions else { continue }
            positions.append(UnsafeRawBufferPointer(start: docPositions.baseAddress! + at, count: Int(tf) * 2), to: t)
            at += Int(tf)
        }
    }

    @inline(__always) private static func varint(_ v: UInt64, into b: UnsafeMutableRawBufferPointer, at start: Int) -> Int {
        var x = v, n = start
        while x >= 0x80 {
            b[n] = UInt8(x & 0x7F) | 0x80
            x >>= 7
            n += 1
        }
        b[n] = UInt8(x)
        return n + 1
    }

    func forEachPostingPart<E: Error>(ofTerm t: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        try postings.forEachPart(of: t, body)
    }

    func forEachPositionPart<E: Error>(ofTerm t: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> Void) throws(E) {
        try positions.forEachPart(of: t, body)
    }

    @inline(__always) private static func hash(_ k: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(k) &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    @inline(__always) private func term(_ k: UInt32) -> Int {
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
        lastDoc.append(-1)
        postings.addStream()
        if hasPositions { positions.addStream() }
        if keys.count * 4 > (mask + 1) * 3 { grow() }
        return t
    }

    private func grow() {
        let n = (mask + 1) * 2
        slots.deallocate()
        slots = .allocate(capacity: n)
        slots.initialize(repeating: 0, count: n)
        mask = n - 1
        for (t, k) in keys.enumerated() {
            var i = Self.hash(k) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = UInt64(k) << 32 | UInt64(t)
        }
    }
}
