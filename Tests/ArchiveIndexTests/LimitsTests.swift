import Foundation
import XCTest
@testable import ArchiveIndex
import ParseCore

/// Awkward folders and files: each is handled, and what is passed over is said.
final class LimitsTests: XCTestCase {
    private let fm = FileManager.default

    func testDeepFoldersLinksAndLoops() throws {
        let dir = TestFixtures.temporaryDirectory("limits")
        defer { try? fm.removeItem(atPath: dir) }
        var deep = "\(dir)/dumps"
        for level in 0..<40 { deep += "/d\(level)" }
        try fm.createDirectory(atPath: deep, withIntermediateDirectories: true)
        try "# 深处的标题\n\n本报讯 工会开展活动。\n".write(toFile: "\(deep)/deep.txt", atomically: false, encoding: .utf8)
        let outside = "\(dir)/elsewhere"
        try fm.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "# 链接里的标题\n\n本报讯 职工书屋开放。\n".write(toFile: "\(outside)/linked.txt", atomically: false, encoding: .utf8)
        try fm.createSymbolicLink(atPath: "\(dir)/dumps/link", withDestinationPath: outside)
        try fm.createSymbolicLink(atPath: "\(deep)/loop", withDestinationPath: "\(dir)/dumps")
        try fm.createSymbolicLink(atPath: "\(dir)/dumps/dangling.txt", withDestinationPath: "\(dir)/nothing")

        let found = DumpFinder(paths: ["\(dir)/dumps"])
        let real = try XCTUnwrap(realpath(dir, nil).map { p in defer { free(p) }; return String(cString: p) })
        XCTAssertEqual(found.inputs.map(\.path).sorted(),
                       ["\(real)/dumps/" + (1...40).map { "d\($0 - 1)" }.joined(separator: "/") + "/deep.txt", "\(real)/elsewhere/linked.txt"])
        XCTAssertEqual(found.inputs.map(\.shown).sorted(), ["\(deep)/deep.txt", "\(dir)/dumps/link/linked.txt"])
        XCTAssertEqual(found.skipped.count, 1)
        XCTAssertTrue(found.skipped[0].hasSuffix("/loop: a link back to a folder above it; not followed"), found.skipped[0])
        XCTAssertEqual(found.failures, ["\(dir)/dumps/dangling.txt: a link to nothing"])
    }

    func testOversizedFilesAreRefusedUnread() throws {
        let dir = TestFixtures.temporaryDirectory("limits")
        defer { try? fm.removeItem(atPath: dir) }
        let big = "\(dir)/big.txt"
        XCTAssertTrue(fm.createFile(atPath: big, contents: nil))
        let h = try XCTUnwrap(FileHandle(forWritingAtPath: big))
        try h.truncate(atOffset: UInt64(TextDecoding.maxDumpBytes + 1))  // sparse: nothing is written
        try h.close()
        let s = try Ingester.run(index: "\(dir)/index", paths: [big])
        XCTAssertEqual(s.failures, ["\(big): 64 MB is too large for a page dump (at most 64 MB)"])
        XCTAssertEqual(s.piecesTotal, 0)
    }

    func testALineOfMillionsOfCharactersAndAPageWithoutLineBreaks() throws {
        let dir = TestFixtures.temporaryDirectory("limits")
        defer { try? fm.removeItem(atPath: dir) }
        let sentence = "工会开展劳动竞赛,职工热情高涨。"
        try ("# 很长的一行\n\n" + String(repeating: sentence, count: 70_000) + "\n").write(toFile: "\(dir)/long.txt", atomically: false, encoding: .utf8)
        let page = try String(contentsOf: TestFixtures.root.appendingPathComponent("dumps/000_1614c2d990d87210.txt"), encoding: .utf8)
        try page.replacingOccurrences(of: "\n", with: "").write(toFile: "\(dir)/flat.txt", atomically: false, encoding: .utf8)
        let s = try Ingester.run(index: "\(dir)/index", paths: [dir])
        XCTAssertEqual(s.failures, [])
        XCTAssertEqual(s.newFiles, 2)
        let archive = try Archive.open(dir: "\(dir)/index")
        let c = Searcher(archive: archive).count(try QueryParser.parse("劳动竞赛"))
        XCTAssertGreaterThanOrEqual(c.occurrences, 70_000)
    }

    /// 1,500 files here; `make stress` makes it 10,000 (ARCHIVE_TINY_FILES).
    func testManyTinyFiles() throws {
        let count = Int(ProcessInfo.processInfo.environment["ARCHIVE_TINY_FILES"] ?? "") ?? 1_500
        let dir = TestFixtures.temporaryDirectory("limits")
        defer { try? fm.removeItem(atPath: dir) }
        for i in 0..<count {
            try "# 第\(i)条\n\n本报讯 简讯\(i)。\n".write(toFile: "\(dir)/p\(i).txt", atomically: false, encoding: .utf8)
        }
        let s = try Ingester.run(index: "\(dir)/index", paths: [dir])
        XCTAssertEqual(s.newFiles, count)
        XCTAssertEqual(s.piecesTotal, count)
        XCTAssertEqual(try Ingester.run(index: "\(dir)/index", paths: [dir]).unchangedFiles, count)
    }
}
