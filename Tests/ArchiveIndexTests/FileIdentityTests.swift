import Foundation
import XCTest
@testable import ArchiveIndex
import ParseCore

/// A file is itself however it is reached: by its own name, from its folder or from a folder
/// above, in one call or many. Copies are indexed once, moves are moves, and every file keeps its
/// date and a source that reads the same every time.
final class FileIdentityTests: XCTestCase {
    private var dir = ""
    private var dl: String { "\(dir)/dl" }
    private var index: String { "\(dir)/index" }
    private let fm = FileManager.default
    private let page = TestFixtures.root.appendingPathComponent("dumps")

    override func setUpWithError() throws {
        dir = TestFixtures.temporaryDirectory("identity")
        // Pages kept as YYYY/MM/DD/PP.txt: August's and September's 26th have the same relative path.
        try put("000_1614c2d990d87210.txt", at: "2023/08/26/03.txt")
        try put("002_5fe48f12d413154b.txt", at: "2023/09/26/03.txt")
        try put("003_3f73ac251433af8d.txt", at: "2023/09/grrb-20230927-02.txt")
    }

    override func tearDown() { try? fm.removeItem(atPath: dir) }

    private func put(_ dump: String, at path: String) throws {
        let target = "\(dl)/\(path)"
        try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try fm.copyItem(atPath: page.appendingPathComponent(dump).path, toPath: target)
    }

    private func ingest(_ paths: [String], prune: Bool = false) throws -> IngestSummary {
        try Ingester.run(index: index, paths: paths.map { "\(dl)/\($0)" }, options: IngestOptions(prune: prune))
    }

    /// Each source with its pieces' dates and pages, and the number of pieces.
    private func sources() throws -> [String: (date: String?, page: Int?, pieces: Int)] {
        let a = try Archive.open(dir: index)
        var out: [String: (date: String?, page: Int?, pieces: Int)] = [:]
        for r in a.allDocs {
            let x = a.article(r)
            out[x.source] = (x.date, x.page, (out[x.source]?.pieces ?? 0) + 1)
        }
        return out
    }

    private func count(_ text: String) throws -> Int {
        Searcher(archive: try Archive.open(dir: index)).count(.text(text, .all)).pieces
    }

    func testMonthFoldersOneAtATimeThenTogetherThenTheParent() throws {
        XCTAssertEqual(try ingest(["2023/08"]).newFiles, 1)
        let september = try ingest(["2023/09"])
        XCTAssertEqual([september.newFiles, september.changedFiles, september.piecesRemoved], [2, 0, 0],
                       "September's 26/03.txt is not August's")
        let both = try ingest(["2023/08", "2023/09"])
        XCTAssertEqual([both.newFiles, both.changedFiles, both.unchangedFiles], [0, 0, 3])
        let parent = try ingest([""])
        XCTAssertEqual([parent.newFiles, parent.changedFiles, parent.unchangedFiles], [0, 0, 3])
        let s = try sources()
        XCTAssertEqual(Set(s.keys), ["2023/08/26/03.txt", "2023/09/26/03.txt", "2023/09/grrb-20230927-02.txt"])
        XCTAssertEqual(s["2023/08/26/03.txt"]?.date, "2023-08-26")
        XCTAssertEqual(s["2023/08/26/03.txt"]?.page, 3)
        XCTAssertEqual(s["2023/09/26/03.txt"]?.date, "2023-09-26")
        XCTAssertEqual(s["2023/09/grrb-20230927-02.txt"]?.date, "2023-09-27")
        XCTAssertEqual(s["2023/09/grrb-20230927-02.txt"]?.page, 2)
        XCTAssertEqual(parent.piecesTotal, s.values.reduce(0) { $0 + $1.pieces })
        XCTAssertEqual(try count("吸纳人才为乡村振兴贡献力量"), 1, "nothing is indexed twice")
    }

    func testEveryPathOfOneCallIsIngested() throws {
        let s = try ingest(["2023/08", "2023/09", "2023/09/26/03.txt"])
        XCTAssertEqual([s.newFiles, s.failedFiles], [3, 0], "a file named twice is ingested once")
        XCTAssertEqual(try sources().count, 3)
    }

    func testAFileByItsOwnNameAndFromItsFolderIsOneFile() throws {
        XCTAssertEqual(try ingest(["2023/08/26/03.txt"]).newFiles, 1)
        try fm.createSymbolicLink(atPath: "\(dir)/link", withDestinationPath: "\(dl)/2023/08")
        let again = try Ingester.run(index: index, paths: ["\(dl)/2023/08", "\(dir)/link/26/03.txt", "\(dl)/2023/08/26/../26/03.txt"])
        XCTAssertEqual([again.newFiles, again.changedFiles, again.unchangedFiles], [0, 0, 1])
        XCTAssertEqual(Array(try sources().keys), ["2023/08/26/03.txt"], "the root is taken above the date folders")
    }

    func testACopyIsIndexedOnceAndTakesOverWhenTheOriginalChanges() throws {
        try put("000_1614c2d990d87210.txt", at: "copies/page.txt")
        let first = try ingest([""])
        XCTAssertEqual(first.newFiles, 4)
        XCTAssertEqual(first.copies.count, 1)
        XCTAssertTrue(first.copies[0].hasSuffix("copies/page.txt: the same bytes as 2023/08/26/03.txt"), first.copies[0])
        let a = try Archive.open(dir: index)
        let ids = a.allDocs.map { a.article($0).id }
        XCTAssertEqual(Set(ids).count, ids.count, "no two pieces share an id")
        XCTAssertEqual(try count("揭榜领题、实干破题、擂台答题"), 1, "the same bytes at two paths give one set of pieces")
        XCTAssertEqual(try ingest([""]).unchangedFiles, 4)

        let original = "\(dl)/2023/08/26/03.txt"
        try (try String(contentsOfFile: original, encoding: .utf8) + "\n\n# 新增标题\n\n本报讯 全新的独特文字甲乙丙。\n")
            .write(toFile: original, atomically: false, encoding: .utf8)
        let changed = try ingest([""])
        XCTAssertEqual(changed.changedFiles, 1, "the copy is read again, but it did not change")
        XCTAssertEqual(try count("揭榜领题、实干破题、擂台答题"), 2, "the old text now lives in the copy alone, once")
        XCTAssertEqual(try count("全新的独特文字甲乙丙"), 1)
        XCTAssertEqual(try sources()["copies/page.txt"]?.pieces, 7)
    }

    func testAMovedFileIsAMoveAndPruneDropsOnlyWhatIsGone() throws {
        _ = try ingest([""])
        let before = try Archive.open(dir: index)
        let ids = Set(before.allDocs.map { before.article($0).id })
        try fm.createDirectory(atPath: "\(dl)/2023/10", withIntermediateDirectories: true)
        try fm.moveItem(atPath: "\(dl)/2023/09/26", toPath: "\(dl)/2023/10/26")
        let moved = try ingest([""], prune: true)
        XCTAssertEqual([moved.movedFiles, moved.newFiles, moved.prunedFiles, moved.piecesAdded, moved.piecesRemoved], [1, 0, 0, 0, 0])
        let after = try Archive.open(dir: index)
        XCTAssertEqual(Set(after.allDocs.map { after.article($0).id }), ids, "the same pieces")
        let s = try sources()
        XCTAssertNil(s["2023/09/26/03.txt"])
        XCTAssertEqual(s["2023/10/26/03.txt"]?.date, "2023-10-26")

        try fm.removeItem(atPath: "\(dl)/2023/08/26/03.txt")
        let pruned = try ingest([""], prune: true)
        XCTAssertEqual([pruned.prunedFiles, pruned.unchangedFiles], [1, 2])
        XCTAssertEqual(try sources().count, 2)
    }

    func testPruningAnOriginalLeavesItsCopyHoldingThePieces() throws {
        try put("000_1614c2d990d87210.txt", at: "copies/page.txt")
        _ = try ingest([""])
        try fm.removeItem(atPath: "\(dl)/2023/08/26/03.txt")
        try fm.removeItem(atPath: "\(dl)/2023/09/grrb-20230927-02.txt")
        let s = try ingest([""], prune: true)
        XCTAssertEqual(s.prunedFiles, 2)
        XCTAssertEqual(try count("揭榜领题、实干破题、擂台答题"), 1)
        XCTAssertEqual(try count("宝工之约"), 0)
        XCTAssertEqual(Set(try sources().keys), ["copies/page.txt", "2023/09/26/03.txt"])
    }

    func testUndatedFilesAreCountedAndSourcesStayStable() throws {
        try put("004_07adc10fe87c5ea6.txt", at: "misc/scan.txt")
        let s = try ingest([""])
        XCTAssertEqual(s.undated, ["\(dl)/misc/scan.txt"])
        XCTAssertNil(try sources()["misc/scan.txt"]?.date)
        // A later file outside the root keeps the root where it was.
        let outside = "\(dir)/other/grrb-20240101-01.txt"
        try fm.createDirectory(atPath: "\(dir)/other", withIntermediateDirectories: true)
        try fm.copyItem(atPath: page.appendingPathComponent("001_11e33b2d7f9e5f63.txt").path, toPath: outside)
        XCTAssertEqual(try Ingester.run(index: index, paths: [outside]).newFiles, 1)
        let all = try sources()
        XCTAssertEqual(all["../other/grrb-20240101-01.txt"]?.date, "2024-01-01")
        XCTAssertNotNil(all["2023/08/26/03.txt"])
    }

    func testTheRootIsAboveEverythingAndAboveDateFolders() {
        XCTAssertEqual(ArchiveRoot.choose(for: ["/a/dl/2023/08/26/03.txt"]), "/a/dl")
        XCTAssertEqual(ArchiveRoot.choose(for: ["/a/dl/2023/08/grrb-20230801-01.txt", "/a/dl/2023/09/x.txt"]), "/a/dl")
        XCTAssertEqual(ArchiveRoot.choose(for: ["/a/dl/2023-08-26/03.txt"]), "/a/dl")
        XCTAssertEqual(ArchiveRoot.choose(for: ["/a/b/x.txt", "/a/c/y.txt"]), "/a")
        XCTAssertEqual(ArchiveRoot.source(of: "/a/dl/2023/08/26/03.txt", root: "/a/dl"), "2023/08/26/03.txt")
        XCTAssertEqual(ArchiveRoot.source(of: "/a/x/y.txt", root: "/a/dl"), "../x/y.txt")
        XCTAssertEqual(ArchiveRoot.source(of: "/z/y.txt", root: "/a/b/c"), "/z/y.txt")
    }
}
