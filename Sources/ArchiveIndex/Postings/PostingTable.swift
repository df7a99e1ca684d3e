import ParseCore

/// Postings being gathered for a segment, term by term, in document order. This is the serial
/// step of an ingest and it is bound by memory latency, so a posting touches two places: the
/// term's hash slot, which holds its key, its last document and where its stream writes next (16
/// bytes, four to a cache line), and the end of its stream in a slice pool; all kept in raw
/// memory so the hot loop pays no reference counting or copy checks.
///
/// A posting holds the gap from the term's previous document shifted left once, its low bit
/// saying whether a term frequency above one follows; both as variable-length integers. In a
/// table with positions the term's positions in the document follow in the same stream, as
/// 16-bit numbers (65,535 standing for any beyond), and are parted from the postings as the table
/// is written out (see `read`).
final class PostingTable {
    private struct Slot {
        /// 0 marks an empty slot (a key's first letter is never 0).
        var key: UInt32
        var lastDoc: Int32
        var stream: SlicePool.Cursor
    }

    private var slots: UnsafeMutablePointer<Slot>
    /// Where each slot's stream starts: read only when the table is written out.
    private var firsts: UnsafeMutablePointer<UInt32>
    private var mask = (1 << 16) - 1
    private(set) var termCount = 0
    private let pool = SlicePool()
    /// The slot of each key of the document being added.
    private var docSlots = RawVector<Int>(capacity: 1 << 12)
    /// What the first touches of a document's memory read, kept so that they are not left out.
    private(set) var touched: UInt64 = 0
    let hasPositions: Bool

    init(positions: Bool) {
        hasPositions = positions
        (slots, firsts) = Self.allocate(mask + 1)
    }

    deinit {
        Self.free(slots, firsts, mask + 1)
        docSlots.deallocate()
    }

    /// `n` empty slots (all zero) and their starts, mapped from the system (see `SystemMemory`),
    /// so aligned to cache lines.
    private static func allocate(_ n: Int) -> (UnsafeMutablePointer<Slot>, UnsafeMutablePointer<UInt32>) {
        (SystemMemory.map(n * MemoryLayout<Slot>.stride).bindMemory(to: Slot.self, capacity: n),
         SystemMemory.map(n * 4).bindMemory(to: UInt32.self, capacity: n))
    }

    private static func free(_ slots: UnsafeMutablePointer<Slot>, _ firsts: UnsafeMutablePointer<UInt32>, _ n: Int) {
        SystemMemory.unmap(slots, n * MemoryLayout<Slot>.stride)
        SystemMemory.unmap(firsts, n * 4)
    }

    /// Memory held: what an ingest weighs against its budget.
    var footprint: Int {
        pool.footprint + (mask + 1) * (MemoryLayout<Slot>.stride + 4)
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
        // Room for every key first, so that no slot moves while the document is added.
        while (termCount + keys.count) * 4 > (mask + 1) * 3 { grow() }
        let pool = self.pool, hasPositions = self.hasPositions
        // Each key costs two cache misses (its slot, the end of its stream). Touched first for all
        // the document's keys, in loops whose loads do not wait on one another, they overlap
        // instead of following one by one.
        var touched = self.touched
        for i in 0..<keys.count { touched &+= UInt64(slots[Self.hash(keys[i]) & mask].key) }
        while docSlots.count < keys.count { docSlots.append(0) }
        for i in 0..<keys.count {
            let s = slot(keys[i])
            docSlots[i] = s
            touched &+= pool.touch(at: slots[s].stream.at)
        }
        self.touched = touched
        var at = 0
        for i in 0..<keys.count {
            let slot = slots + docSlots[i]
            let tf = tfs[i]
            let gap = UInt64(doc - slot.pointee.lastDoc)
            slot.pointee.lastDoc = doc
            let (head, n) = Self.varint(gap << 1 | (tf > 1 ? 1 : 0))
            pool.append(word: head, count: n, to: &slot.pointee.stream)
            if tf > 1 {
                let (more, m) = Self.varint(UInt64(tf))
                pool.append(word: more, count: m, to: &slot.pointee.stream)
            }
            guard hasPositions else { continue }
            pool.append(UnsafeBufferPointer(rebasing: docPositions[at..<(at + Int(tf))]), to: &slot.pointee.stream)
            at += Int(tf)
        }
    }

    /// A number below 2^56 as a variable-length integer: its bytes from the lowest, and how many.
    @inline(__always) private static func varint(_ v: UInt64) -> (UInt64, Int) {
        var x = v, word: UInt64 = 0, n = 0
        while x >= 0x80 {
            word |= (x & 0x7F | 0x80) << (8 * n)
            x >>= 7
            n += 1
        }
        return (word | x << (8 * n), n + 1)
    }

    /// A term as the table is written out: its key and where its stream starts and ends.
    struct Term {
        let key: UInt32
        let first: UInt32
        let end: SlicePool.Cursor
    }

    /// The table's terms in key order. Their streams' bounds are gathered here, in a loop of loads
    /// that do not wait on one another, so that reading each term costs no miss on its slot.
    func termsByKey() -> [Term] {
        var byKey: [UInt64] = []
        byKey.reserveCapacity(termCount)
        for s in 0...mask where slots[s].key != 0 { byKey.append(UInt64(slots[s].key) << 32 | UInt64(s)) }
        RadixSort.sort(&byKey)
        return byKey.map { x in
            let s = Int(x & 0xFFFF_FFFF)
            return Term(key: UInt32(x >> 32), first: firsts[s], end: slots[s].stream)
        }
    }

    /// Reads the start of a term's stream, so that reading it later finds it in the cache: the
    /// terms lie in the pool in the order they first came, not in key order.
    @inline(__always) func touch(_ t: Term) -> UInt64 { pool.touch(at: t.first) }

    /// The posting list of `term` (see `TermDictionaryWriter.add`) into `list` and, in a table
    /// with positions, the positions of its postings one after another into `positions`; both
    /// emptied first.
    func read(_ term: Term, list: inout [UInt8], positions: inout [UInt16]) {
        list.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        pool.forEachPart(from: term.first, to: term.end) { list.append(contentsOf: $0) }
        guard hasPositions else { return }
        // Every position takes two of the stream's bytes: room for them all, trimmed after.
        positions.append(contentsOf: repeatElement(0, count: list.count / 2))
        let (kept, taken) = list.withUnsafeMutableBufferPointer { b in
            positions.withUnsafeMutableBufferPointer { out in
                // Parted in place: the postings close up towards the front as their positions are
                // taken out, which are kept as 16-bit numbers in the machine's own order.
                let base = b.baseAddress!
                var kept = 0, taken = 0, at = 0
                while at < b.count {
                    let start = at
                    let v = TermDictionary.varint(base, &at)
                    let tf = v & 1 == 0 ? 1 : Int(TermDictionary.varint(base, &at))
                    for j in start..<at { base[kept] = base[j]; kept += 1 }
                    for j in 0..<tf { out[taken + j] = UnsafeRawPointer(base + at + 2 * j).loadUnaligned(as: UInt16.self) }
                    taken += tf
                    at += tf * 2
                }
                return (kept, taken)
            }
        }
        positions.removeLast(positions.count - taken)
        list.removeLast(list.count - kept)
    }

    @inline(__always) private static func hash(_ k: UInt32) -> Int {
        Int(truncatingIfNeeded: (UInt64(k) &* 0x9E37_79B9_7F4A_7C15) >> 40)
    }

    /// The slot of key `k`, taken for it if it has none.
    @inline(__always) private func slot(_ k: UInt32) -> Int {
        var i = Self.hash(k) & mask
        while true {
            let x = slots[i].key
            if x == k { return i }
            if x == 0 { break }
            i = (i + 1) & mask
        }
        let c = pool.start()
        slots[i] = Slot(key: k, lastDoc: -1, stream: c)
        firsts[i] = c.at
        termCount += 1
        return i
    }

    private func grow() {
        let (old, oldFirsts, oldCount) = (slots, firsts, mask + 1)
        mask = oldCount * 2 - 1
        (slots, firsts) = Self.allocate(mask + 1)
        for s in 0..<oldCount where old[s].key != 0 {
            var i = Self.hash(old[s].key) & mask
            while slots[i].key != 0 { i = (i + 1) & mask }
            slots[i] = old[s]
            firsts[i] = oldFirsts[s]
        }
        Self.free(old, oldFirsts, oldCount)
    }
}
