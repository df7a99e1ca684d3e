import Foundation
import XCTest
@testable import ArchiveIndex
import ParseCore

/// Re-ingesting: unchanged files cost nothing and rewrite nothing, a changed file replaces
/// only its own pieces, and --prune drops the pieces of files that are gone.
final class IncrementalTests: XCTestCase {
    private var dir = ""
    private var dumps = ""
    private var index: String { "\(dir)/index" }

    override func setUpWithError() throws {
        dir = TestFixtures.temporaryDirectory("incremental")
        dumps = "\(dir)/dumps"
        try FileManager.default.copyItem(atPath: TestFixtures.root.appendingPathComponent("dumps").path, toPath: dumps)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// The index files and their times; LOCK only says which ingest last held the index.
    private func snapshot() throws -> [String: Date] {
        var out: [String: Date] = [:]
        for n in try FileManager.default.contentsOfDirectory(atPath: index) where n != "LOCK" {
            out[n] = try FileManager.default.attributesOfItem(atPath: "\(index)/\(n)")[.modificationDate] as? Date
        }
        return out
    }

    private func ids(of source: String) throws -> [String] {
        let a = try Archive.open(dir: index)
        return a.allDocs.map(a.article).filter { $0.source == source }.map(\.id)
    }

    func testUnchangedReingestRewritesNothing() throws {
        let first = try Ingester.run(index: index, paths: [dumps])
        XCTAssertEqual(first.newFiles, 5)
        let before = try snapshot()
        let second = try Ingester.run(index: index, paths: [dumps])
        XCTAssertEqual(second.unchangedFiles, 5)
        XCTAssertEqual(second.newFiles + second.changedFiles + second.piecesAdded, 0)
        XCTAssertEqual(second.bytesRead, 0, "size and time are enough to skip an unchanged file")
        XCTAssertEqual(try snapshot(), before)
        XCTAssertEqual(second.piecesTotal, first.piecesTotal)
    }

    func testTouchedButIdenticalFileIsNotReparsed() throws {
        _ = try Ingester.run(index: index, paths: [dumps])
        let path = "\(dumps)/002_5fe48f12d413154b.txt"
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: path)
        let s = try Ingester.run(index: index, paths: [dumps])
        XCTAssertEqual(s.unchangedFiles, 5)
        XCTAssertEqual(s.piecesAdded, 0)
    }

    func testChangedFileReplacesOnlyItsPieces() throws {
        _ = try Ingester.run(index: index, paths: [dumps])
        let others = try ids(of: "000_1614c2d990d87210.txt")
        let path = "\(dumps)/002_5fe48f12d413154b.txt"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "\n\n# 新增的稿件标题\n\n本报讯(记者测试)这是一段全新的独特文字甲乙丙。\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let s = try Ingester.run(index: index, paths: [dumps])
        XCTAssertEqual(s.changedFiles, 1)
        XCTAssertEqual(s.unchangedFiles, 4)
        XCTAssertEqual(try ids(of: "000_1614c2d990d87210.txt"), others, "ids of other files are stable")
        let searcher = Searcher(archive: try Archive.open(dir: index))
        XCTAssertEqual(searcher.count(.text("全新的独特文字甲乙丙", .all)).pieces, 1)
        XCTAssertEqual(searcher.count(.text("吸纳人才为乡村振兴贡献力量", .all)).pieces, 1, "the old pieces are not kept twice")
        XCTAssertTrue(try Archive.verify(dir: index).problems.isEmpty)
    }

    func testPruneDropsPiecesOfFilesThatAreGone() throws {
        _ = try Ingester.run(index: index, paths: [dumps])
        try FileManager.default.removeItem(atPath: "\(dumps)/003_3f73ac251433af8d.txt")
        let kept = try Ingester.run(index: index, paths: [dumps])
        XCTAssertEqual(kept.prunedFiles, 0)
        XCTAssertEqual(try ids(of: "003_3f73ac251433af8d.txt").count, 8, "without --prune the pieces stay")
        let pruned = try Ingester.run(index: index, paths: [dumps], options: IngestOptions(prune: true))
        XCTAssertEqual(pruned.prunedFiles, 1)
        XCTAssertEqual(pruned.piecesRemoved, 8)
        XCTAssertEqual(try ids(of: "003_3f73ac251433af8d.txt"), [])
        XCTAssertEqual(Searcher(archive: try Archive.open(dir: index)).count(.text("宝工之约", .all)).pieces, 0)
    }

    func testRebuildStartsAfresh() throws {
        _ = try Ingester.run(index: index, paths: [dumps])
        let s = try Ingester.run(index: index, paths: [dumps], options: IngestOptions(rebuild: true))
        XCTAssertEqual(s.newFiles, 5)
        XCTAssertEqual(try Archive.open(dir: index).pieceCount, s.piecesTotal)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: index).filter { $0.hasSuffix(".docs") }.count, 1)
    }
}

/// Many small ingests do not leave many small segments behind.
final class CompactionTests: XCTestCase {
    func testSegmentsAreCompactedAndStayConsistent() throws {
        let dir = TestFixtures.temporaryDirectory("compaction")
        let dumps = "\(dir)/dumps", index = "\(dir)/index"
        try FileManager.default.copyItem(atPath: TestFixtures.root.appendingPathComponent("dumps").path, toPath: dumps)
        _ = try Ingester.run(index: index, paths: [dumps])
        let first = try Archive.open(dir: index)
        let ids = Set(first.allDocs.map(first.article).filter { $0.source != "002_5fe48f12d413154b.txt" }.map(\.id))
        let page = "\(dumps)/002_5fe48f12d413154b.txt"
        let original = try String(contentsOfFile: page, encoding: .utf8)
        for round in 1...12 {
            try (original + "\n\n# 第\(round)轮标题\n\n本报讯(记者测试)第\(round)轮独有文字甲乙丙。\n").write(toFile: page, atomically: false, encoding: .utf8)
            _ = try Ingester.run(index: index, paths: [dumps])
            let manifest = try XCTUnwrap(Manifest.load(dir: index))
            XCTAssertLessThanOrEqual(manifest.segments.count, Compaction.maxSmallSegments)
            XCTAssertFalse(Compaction.isDue(manifest))
        }
        let archive = try Archive.open(dir: index)
        XCTAssertEqual(try Archive.verify(dir: archive.dir).problems, [])
        let searcher = Searcher(archive: archive)
        XCTAssertEqual(searcher.count(.text("第12轮独有文字", .all)).pieces, 1)
        XCTAssertEqual(searcher.count(.text("第11轮独有文字", .all)).pieces, 0)
        XCTAssertEqual(searcher.count(.text("吸纳人才为乡村振兴贡献力量", .all)).pieces, 1)
        XCTAssertTrue(ids.isSubset(of: Set(archive.allDocs.map { archive.article($0).id })), "ids of unchanged files survive compaction")
        // The catalog still knows where every file's records are: changing a file after a
        // compaction replaces its records, and removing it prunes them.
        try original.write(toFile: page, atomically: false, encoding: .utf8)
        _ = try Ingester.run(index: index, paths: [dumps])
        XCTAssertEqual(Searcher(archive: try Archive.open(dir: index)).count(.text("第12轮独有文字", .all)).pieces, 0)
        try FileManager.default.removeItem(atPath: page)
        let pruned = try Ingester.run(index: index, paths: [dumps], options: IngestOptions(prune: true))
        XCTAssertEqual(pruned.prunedFiles, 1)
        XCTAssertEqual(Searcher(archive: try Archive.open(dir: index)).count(.text("吸纳人才", .all)).pieces, 0)
        XCTAssertEqual(try Archive.verify(dir: index).problems, [])
    }
}
