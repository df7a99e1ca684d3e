import Foundation
import XCTest
@testable import ArchiveIndex
import ParseCore

/// Segments merged without re-indexing answer exactly as the segments they replace.
final class MergeTests: XCTestCase {
    /// An ingest that fills many segments merges them into one, byte for byte the segment one
    /// write of the same pages makes: same records, codes, postings, skip data, positions,
    /// unions and field tables.
    func testAnIngestOfManySegmentsCommitsTheSegmentOneWriteMakes() throws {
        let dir = TestFixtures.temporaryDirectory("merge-many")
        let pages = "\(dir)/pages"
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: true)
        try TestFixtures.writeRealPages(60, seed: 7, to: pages)
        _ = try Ingester.run(index: "\(dir)/one", paths: [pages])
        var options = IngestOptions()
        options.segmentBudget = 3 << 20
        _ = try Ingester.run(index: "\(dir)/many", paths: [pages], options: options)
        let one = try XCTUnwrap(Manifest.load(dir: "\(dir)/one")), many = try XCTUnwrap(Manifest.load(dir: "\(dir)/many"))
        XCTAssertEqual(one.segments.count, 1)
        XCTAssertEqual(many.segments.count, 1)
        XCTAssertGreaterThan(many.lastSegmentNumber, 3, "the small budget wrote several segments before the merge")
        let a = one.segments[0], b = many.segments[0]
        XCTAssertEqual(a.files.count, b.files.count)
        for f in a.files {
            let ext = f.name.split(separator: ".").last!
            let x = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/one/\(f.name)"))
            let y = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/many/\(b.name).\(ext)"))
            XCTAssertTrue(x == y, "\(ext) differs")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: "\(dir)/many").filter { $0.hasPrefix("seg-") && !$0.hasPrefix(b.name) }
        XCTAssertEqual(leftovers, [], "the merged segments' files are gone")
        XCTAssertEqual(try Archive.verify(dir: "\(dir)/many").problems, [])
    }

    /// A segment is written out on a thread of its own while the next fills: when that fails
    /// (here its folder is gone), the failure names the file and ends the ingest.
    func testASegmentThatCannotBeWrittenOutFailsTheIngest() throws {
        let dir = TestFixtures.temporaryDirectory("merge-failing")
        let pages = "\(dir)/pages", index = "\(dir)/index"
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: index, withIntermediateDirectories: true)
        try TestFixtures.writeRealPages(2, seed: 8, to: pages)
        let batch = try FileManager.default.contentsOfDirectory(atPath: pages).sorted().map { name in
            Ingester.Input(path: "\(pages)/\(name)", shown: name, size: 0, mtime: 0, source: name)
        }
        let state = BatchWriter(dir: index, catalog: Catalog(), summary: IngestSummary(), segmentNumber: 0, budget: 1 << 30)
        state.absorb(batch, Ingester.parse(batch, known: [:]))
        XCTAssertNil(state.error)
        try FileManager.default.removeItem(atPath: index)
        try state.finishSegment()
        XCTAssertThrowsError(try state.mergeFinished(shouldStop: nil)) { error in
            XCTAssertTrue((error as? IndexError)?.description.hasPrefix("\(index)/seg-000001.") == true, "\(error)")
        }
    }

    /// Segments of three ingests (three text codes), one of them with replaced records, merged
    /// into one: every record, count, ranking and filter is as before, and the dead are gone.
    func testMergedSegmentsAnswerAsBeforeWithoutTheirDeletedRecords() throws {
        let dir = TestFixtures.temporaryDirectory("merge-deleted")
        let pages = "\(dir)/pages", index = "\(dir)/index"
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: true)
        for (k, seed) in [11, 12, 13].enumerated() {
            try TestFixtures.writeRealPages(25, seed: UInt64(seed), first: k * 25, to: pages)
            _ = try Ingester.run(index: index, paths: [pages])
        }
        let dumps = TestFixtures.root.appendingPathComponent("dumps").path
        for name in try FileManager.default.contentsOfDirectory(atPath: dumps) {
            try FileManager.default.copyItem(atPath: "\(dumps)/\(name)", toPath: "\(pages)/\(name)")
        }
        let changed = try FileManager.default.contentsOfDirectory(atPath: pages).filter { $0.hasPrefix("grrb") }.sorted().prefix(3)
        for name in changed {
            let text = try String(contentsOfFile: "\(pages)/\(name)", encoding: .utf8)
            try (text + "\n\n# 补记\n\n本报讯(记者测试)补记文字。\n").write(toFile: "\(pages)/\(name)", atomically: false, encoding: .utf8)
        }
        _ = try Ingester.run(index: index, paths: [pages])
        let before = try Archive.open(dir: index)
        XCTAssertEqual(before.segments.count, 4)
        XCTAssertGreaterThan(before.manifest.segments[0].deleted, 0)
        XCTAssertNotEqual(before.segments[0].code.units, before.segments[1].code.units, "the merge re-codes text")
        let queries = ["工会", "职工", "总工会", "发展", "中国", "经济", "2019", "GDP", "新时代", "补记文字", "headline:中国",
                       "职工 -工会", "工会 OR 发展", "source:0101", "reporter:测试", "union:全国总工会", "union:厦门", "kind:photo",
                       "date:1990-01", "中国 date:1991"]
        let answers = try queries.map { q in try answer(q, in: before) }
        let records = Dictionary(uniqueKeysWithValues: before.allDocs.map { (before.article($0).id, before.article($0)) })

        try Compaction.run(dir: index)
        let after = try Archive.open(dir: index)
        XCTAssertEqual(after.segments.count, 1)
        XCTAssertEqual(after.segments[0].docCount, before.pieceCount, "deleted records are dropped")
        XCTAssertNil(after.segments[0].deleted)
        XCTAssertEqual(try Archive.verify(dir: index).problems, [])
        for (q, expected) in zip(queries, answers) { XCTAssertEqual(try answer(q, in: after), expected, q) }
        for r in after.allDocs { XCTAssertEqual(after.article(r), records[after.article(r).id]) }
        // The catalog follows the records: changing a merged file replaces its records.
        try "# 新标题\n\n本报讯 全新文字。\n".write(toFile: "\(pages)/\(changed.first!)", atomically: false, encoding: .utf8)
        _ = try Ingester.run(index: index, paths: [pages])
        let last = Searcher(archive: try Archive.open(dir: index))
        XCTAssertEqual(last.count(.text("全新文字", .all)).pieces, 1)
        XCTAssertEqual(last.count(.text("补记文字", .all)).pieces, changed.count - 1)
    }

    /// A stop asked for during the merge (the third time the ingest asks, after the two of its
    /// one batch) gives the merge up: the ingest ends interrupted and the index is as it was.
    func testAStopDuringTheMergeLeavesTheIndexAsItWas() throws {
        let dir = TestFixtures.temporaryDirectory("merge-stop")
        let pages = "\(dir)/pages", index = "\(dir)/index"
        try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: true)
        try TestFixtures.writeRealPages(60, seed: 21, to: pages)
        _ = try Ingester.run(index: index, paths: [TestFixtures.root.appendingPathComponent("dumps").path])
        let before = try FileManager.default.contentsOfDirectory(atPath: index).sorted()
        final class Asks: @unchecked Sendable {
            let lock = NSLock()
            var count = 0
            func next() -> Int { lock.withLock { count += 1; return count } }
        }
        let asks = Asks()
        var options = IngestOptions(shouldStop: { asks.next() >= 3 })
        options.segmentBudget = 3 << 20
        XCTAssertThrowsError(try Ingester.run(index: index, paths: [pages], options: options)) { error in
            XCTAssertEqual((error as? IndexError)?.kind, .interrupted)
        }
        XCTAssertGreaterThanOrEqual(asks.count, 3, "the merge asked")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: index).sorted(), before)
        XCTAssertEqual(try Archive.verify(dir: index).problems, [])
    }

    /// What a query finds: its counts and its hits' ids (scores weigh coded lengths, and a
    /// merge that re-codes text changes those).
    private func answer(_ q: String, in archive: Archive) throws -> String {
        let s = Searcher(archive: archive)
        let query = try QueryParser.parse(q)
        let c = s.count(query)
        let hits = s.search(query).map { archive.article($0.ref).id }.sorted()
        return "\(c.pieces) \(c.occurrences) \(c.byMonth.sorted { $0.key < $1.key }) \(hits)"
    }
}
