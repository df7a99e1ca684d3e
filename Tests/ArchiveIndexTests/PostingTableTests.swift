import ParseCore
import XCTest
@testable import ArchiveIndex

final class PostingTableTests: XCTestCase {
    /// Streams of every length, interleaved, come back whole across slices and 1 MB blocks.
    func testSlicePoolStreamsComeBackInOrder() {
        let pool = SlicePool()
        var expected: [[UInt8]] = []
        var cursors: [SlicePool.Cursor] = []
        var rng = SplitMix64(seed: 3)
        for _ in 0..<500 { cursors.append(pool.start()); expected.append([]) }
        let firsts = cursors.map(\.at)
        for _ in 0..<40_000 {
            let t = rng.below(rng.below(2) == 0 ? 5 : 500)
            let bytes = (0..<(1 + rng.below(90))).map { _ in UInt8(rng.below(256)) }
            bytes.withUnsafeBytes { pool.append($0, to: &cursors[t]) }
            expected[t] += bytes
        }
        XCTAssertGreaterThan(pool.footprint, SlicePool.blockSize, "the streams span several blocks")
        for t in expected.indices {
            var got: [UInt8] = []
            pool.forEachPart(from: firsts[t], to: cursors[t]) { got += $0 }
            XCTAssertEqual(got, expected[t], "stream \(t)")
        }
    }

    /// What the table is given comes back term by term in key order: each term's documents as
    /// gaps with their frequencies and, where kept, their positions apart; through the table's
    /// growth and across slices.
    func testTableGivesBackEachTermsPostingsAndPositions() {
        for withPositions in [true, false] {
            let table = PostingTable(positions: withPositions)
            var rng = SplitMix64(seed: withPositions ? 5 : 6)
            var expected: [UInt32: (docs: [Int32], tfs: [UInt32], positions: [UInt16])] = [:]
            for doc in Int32(0)..<3_000 {
                // Keys in no order, some common to many documents, some rare; a few frequencies large.
                let keys = Array(Set((0..<(1 + rng.below(60))).map { _ in
                    UInt32(1 + (rng.below(3) == 0 ? rng.below(50) : rng.below(200_000))) << 8
                }))
                let tfs = keys.map { _ in UInt32(rng.below(10) == 0 ? 1 + rng.below(300) : 1) }
                var positions: [UInt16] = []
                for (k, tf) in zip(keys, tfs) {
                    let mine = (0..<Int(tf)).map { _ in UInt16(rng.below(65_536)) }.sorted()
                    positions += mine
                    expected[k, default: ([], [], [])].docs.append(doc)
                    expected[k]!.tfs.append(tf)
                    if withPositions { expected[k]!.positions += mine }
                }
                table.add(doc: doc, keys: keys, tfs: tfs, positions: withPositions ? positions : [])
            }
            let terms = table.termsByKey()
            XCTAssertEqual(terms.map(\.key), expected.keys.sorted())
            var list: [UInt8] = [], positions: [UInt16] = []
            for term in terms {
                let key = term.key
                table.read(term, list: &list, positions: &positions)
                var docs: [Int32] = [], tfs: [UInt32] = [], at = 0, last: Int32 = -1
                while at < list.count {
                    let v = list.withUnsafeBufferPointer { TermDictionary.varint($0.baseAddress!, &at) }
                    last += Int32(v >> 1)
                    docs.append(last)
                    tfs.append(v & 1 == 0 ? 1 : UInt32(list.withUnsafeBufferPointer { TermDictionary.varint($0.baseAddress!, &at) }))
                }
                let want = expected[key]!
                XCTAssertEqual(docs, want.docs, "key \(key)")
                XCTAssertEqual(tfs, want.tfs, "key \(key)")
                XCTAssertEqual(positions, want.positions, "key \(key)")
            }
        }
    }

    /// Postings and positions written by the table are what the dictionary reads back.
    func testPostingsAndPositionsRoundTrip() throws {
        let text = (0..<3_000).map { i in "第\(i % 7)届职工运动会\(i % 3 == 0 ? "工会工会" : "")。" }
        let pages = Dictionary(uniqueKeysWithValues: stride(from: 0, to: text.count, by: 100).map { start in
            ("grrb-2020-01-\(start / 100).txt", "# 标题\(start)\n\n本报讯 " + text[start..<(start + 100)].joined() + "\n")
        })
        let index = TestFixtures.index("postings", pages: pages)
        let archive = try Archive.open(dir: index)
        let seg = try XCTUnwrap(archive.segments.first)
        let key = UInt32(Array("工会".utf16)[0]) << 16 | UInt32(Array("工会".utf16)[1])
        let t = try XCTUnwrap(seg.body.find(key))
        let list = seg.list(seg.body, t)
        XCTAssertGreaterThan(list.docs.count, 5)
        for (i, d) in list.docs.enumerated() {
            let (units, _) = seg.units(Int(d))
            let folded = units.map(SearchText.fold)
            let expected = (0..<(folded.count - 1)).filter { folded[$0] == Array("工会".utf16)[0] && folded[$0 + 1] == Array("工会".utf16)[1] }
            let got = (0..<Int(list.tfs[i])).map { Int(list.positions[Int(list.starts[i]) + $0]) }
            XCTAssertEqual(got, expected, "document \(d)")
        }
    }

    /// A list read only in the blocks that can hold some candidates holds every candidate it has,
    /// with the frequencies and positions the whole list gives them.
    func testSkipBlocksReadOnlyWhatCandidatesNeed() throws {
        let pages = Dictionary(uniqueKeysWithValues: (0..<200).map { p in
            ("grrb-2021-02-\(p).txt", (0..<10).map { i in "# 标题\(p)-\(i)\n\n本报讯 职工\(String(repeating: "工会", count: 1 + (p + i) % 3))。\n" }.joined(separator: "\n\n"))
        })
        let archive = try Archive.open(dir: TestFixtures.index("skips", pages: pages))
        let seg = try XCTUnwrap(archive.segments.first)
        let t = try XCTUnwrap(seg.body.find(UInt32(Array("工会".utf16)[0]) << 16 | UInt32(Array("工会".utf16)[1])))
        XCTAssertGreaterThan(seg.body.size(t), SkipBlocks.minimumBytes, "the list has skip data")
        let whole = seg.list(seg.body, t)
        var rng = SplitMix64(seed: 9)
        for _ in 0..<20 {
            let candidates = Array(Set((0..<(1 + rng.below(3))).map { _ in whole.docs[rng.below(whole.docs.count)] })).sorted()
            let part = seg.list(seg.body, t, within: candidates)
            XCTAssertLessThan(part.docs.count, whole.docs.count)
            for d in candidates {
                let i = try XCTUnwrap(whole.docs.firstIndex(of: d))
                let j = try XCTUnwrap(part.docs.firstIndex(of: d), "candidate \(d)")
                XCTAssertEqual(part.tfs[j], whole.tfs[i])
                XCTAssertEqual((0..<Int(part.tfs[j])).map { part.positions[Int(part.starts[j]) + $0] },
                               (0..<Int(whole.tfs[i])).map { whole.positions[Int(whole.starts[i]) + $0] })
            }
        }
    }
}
