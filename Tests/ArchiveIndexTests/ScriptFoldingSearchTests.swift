import Foundation
import XCTest
@testable import ArchiveIndex
import ParseCore

/// Search reads traditional and simplified characters alike: the sample dumps and their
/// traditional copies (`Fixtures/traditional`) in one archive, every query in either script (or
/// a mix) finding what a brute-force scan of the folded text finds.
final class ScriptFoldingSearchTests: XCTestCase {
    private static let archive: Archive = {
        let dir = TestFixtures.temporaryDirectory("scripts")
        _ = try! Ingester.run(index: "\(dir)/index", paths: [TestFixtures.root.appendingPathComponent("dumps").path,
                                                            TestFixtures.root.appendingPathComponent("traditional").path])
        return try! Archive.open(dir: "\(dir)/index")
    }()

    func testEitherScriptFindsBoth() {
        let searcher = Searcher(archive: Self.archive)
        let simplified = searcher.count(.text("工会", .all)), traditional = searcher.count(.text("工會", .all))
        XCTAssertEqual(simplified.pieces, traditional.pieces)
        XCTAssertEqual(simplified.occurrences, traditional.occurrences)
        XCTAssertEqual(searcher.count(.text("總工会", .all)).occurrences, searcher.count(.text("总工会", .all)).occurrences, "a mix of both")
        // Each printed form is half of what either finds: the simplified dumps print 工会 342 times.
        let printed = Self.archive.allDocs.map { Self.archive.article($0) }
        let 工会 = printed.reduce(0) { n, a in n + TestFixtures.searchableFields(a).reduce(0) { $0 + $1.components(separatedBy: "工会").count - 1 } }
        let 工會 = printed.reduce(0) { n, a in n + TestFixtures.searchableFields(a).reduce(0) { $0 + $1.components(separatedBy: "工會").count - 1 } }
        XCTAssertGreaterThan(工會, 0)
        XCTAssertEqual(simplified.occurrences, 工会 + 工會)
    }

    func testCountEqualsABruteForceScanOfTheFoldedText() {
        let records = Self.archive.allDocs.map { TestFixtures.searchableFields(Self.archive.article($0)) }
        let folded = records.map { fields in fields.map { String(decoding: SearchText.folded($0), as: UTF16.self) }.joined(separator: "\n") }
        let printed = records.map { $0.joined(separator: "\n") }
        var rng = SplitMix64(seed: 1949)
        var queries = ["工会", "工會", "會", "会", "本報訊", "本报讯", "中華全國總工會", "記者", "攝", "臺"]
        while queries.count < 200 {
            // Substrings of the printed text, traditional or simplified, as a user would type them.
            let record = printed[rng.below(printed.count)]
            guard let piece = TestFixtures.randomPiece(of: record, length: 1 + rng.below(6), rng: &rng) else { continue }
            let q = piece.trimmingCharacters(in: .whitespaces)
            if !q.isEmpty && !q.contains("\n") { queries.append(q) }
        }
        let searcher = Searcher(archive: Self.archive)
        for q in queries {
            let fq = String(decoding: SearchText.folded(q), as: UTF16.self)
            let (pieces, occurrences) = TestFixtures.literalCount(fq, in: folded)
            let got = searcher.count(.text(q, .all))
            XCTAssertEqual(got.pieces, pieces, "pieces for \(q)")
            XCTAssertEqual(got.occurrences, occurrences, "occurrences for \(q)")
            XCTAssertEqual(searcher.search(.text(q, .all)).count, pieces, "hits for \(q)")
        }
    }

    /// With --exact-script a term matches only as typed in its script: a brute-force scan of
    /// the text folded in width and case alone.
    func testExactScriptEqualsABruteForceScanOfThePrintedScript() {
        let records = Self.archive.allDocs.map { TestFixtures.searchableFields(Self.archive.article($0)) }
        let printed = records.map { fields in fields.map { String(decoding: $0.utf16.map(SearchText.foldWidth), as: UTF16.self) }.joined(separator: "\n") }
        let exact = Searcher(archive: Self.archive, exactScript: true)
        for q in ["工会", "工會", "會", "会", "總工会", "本報訊", "记者", "記者", "2023", "职工", "職工"] {
            let (pieces, occurrences) = TestFixtures.literalCount(q, in: printed)
            let got = exact.count(.text(q, .all))
            XCTAssertEqual(got.pieces, pieces, "pieces for \(q)")
            XCTAssertEqual(got.occurrences, occurrences, "occurrences for \(q)")
            XCTAssertEqual(exact.search(.text(q, .all), top: 3).total, pieces, "hits for \(q)")
            XCTAssertEqual(exact.count(.text(q, .all), byMonth: false).occurrences, occurrences, "\(q), no months")
            let shown = exact.concordance(.text(q, .all), in: exact.matches(.text(q, .all)), width: 2)
            XCTAssertEqual(shown.count, occurrences, "kwic lines for \(q)")
            XCTAssertTrue(shown.allSatisfy { String(decoding: $0.match.utf16.map(SearchText.foldWidth), as: UTF16.self) == q }, "kwic shows \(q) as printed")
        }
        XCTAssertEqual(exact.count(.text("總工会", .all)).pieces, 0, "a mix no page prints")
    }

    /// A query whose printed forms are counted apart (会 as 会 and 會) counts what the folded
    /// text holds, also where occurrences of the query could overlap (会会 in 會会會会).
    func testPrintedFormsAddUpToTheFoldedCount() throws {
        let index = TestFixtures.index("forms", pages: ["a.txt": "# 會议\n\n會会會会，会會。會。\n", "b.txt": "# 开会\n\n大会。\n"])
        let searcher = Searcher(archive: try Archive.open(dir: index))
        let folded = ["会议", "会会会会,会会。会。", "开会", "大会。"]
        for q in ["会", "會", "会会", "會會", "会。", "會。", "会，会"] {
            let fq = String(decoding: SearchText.folded(q), as: UTF16.self)
            XCTAssertEqual(searcher.count(.text(q, .all)).occurrences, TestFixtures.literalCount(fq, in: folded).occurrences, q)
        }
        XCTAssertEqual(TermMatching.printedForms(SearchText.folded("会")), [[0x4F1A], [0x6703]])
        XCTAssertNil(TermMatching.printedForms(SearchText.folded("会会")), "会会 overlaps itself")
    }
}
