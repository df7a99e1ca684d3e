import Foundation
import XCTest
@testable import ArchiveIndex
import ParseCore

/// Search finds a piece exactly when its text contains the query: checked against a brute-force
/// scan of the exported records for hundreds of random substrings of the indexed text.
final class ExactnessTests: XCTestCase {
    /// Non-overlapping occurrences, the plainest way, sharing no code with the index.
    static func naiveCount(_ q: [UInt16], in t: [UInt16]) -> Int {
        guard !q.isEmpty, t.count >= q.count else { return 0 }
        var i = 0, n = 0
        while i + q.count <= t.count {
            if t[i] == q[0] && t[i..<(i + q.count)].elementsEqual(q) { n += 1; i += q.count } else { i += 1 }
        }
        return n
    }

    func testCountEqualsABruteForceScan() throws {
        let archive = TestFixtures.synthetic
        let records = archive.allDocs.map { TestFixtures.searchableFields(archive.article($0)) }
        XCTAssertGreaterThan(records.count, 300)
        var rng = SplitMix64(seed: 42)
        var queries: [String] = ["工会", "职工", "总工会", "劳动", "的", "。", "1", "20", "本报讯", "“", "新冠肺炎", "zz不存在的词"]
        while queries.count < 300 {
            let fields = records[rng.below(records.count)]
            let field = Array(fields[rng.below(fields.count)].unicodeScalars)
            guard field.count > 2 else { continue }
            let len = 1 + rng.below(min(9, field.count - 1))
            let start = rng.below(field.count - len + 1)
            var v = String.UnicodeScalarView()
            v.append(contentsOf: field[start..<(start + len)])
            let q = String(v).trimmingCharacters(in: .whitespaces)
            if !q.isEmpty && !q.contains("\"") && !q.contains("(") && !q.contains(")") { queries.append(q) }
        }
        let searcher = Searcher(archive: archive)
        let folded = records.map { $0.map(SearchText.folded) }
        for q in queries {
            let fq = SearchText.folded(q)
            let perRecord = folded.map { $0.reduce(0) { $0 + Self.naiveCount(fq, in: $1) } }
            let expectedPieces = perRecord.filter { $0 > 0 }.count
            let expectedOccurrences = perRecord.reduce(0, +)
            let got = searcher.count(.text(q, .all))
            XCTAssertEqual(got.pieces, expectedPieces, "pieces for \(q)")
            XCTAssertEqual(got.occurrences, expectedOccurrences, "occurrences for \(q)")
            XCTAssertEqual(searcher.search(.text(q, .all)).count, expectedPieces, "hits for \(q)")
        }
    }

    func testTopHitsAreTheHeadOfTheFullRanking() {
        let searcher = Searcher(archive: TestFixtures.synthetic)
        for q in ["工会", "中国", "发展", "习近平", "经济", "总工会"] {
            let all = searcher.search(.text(q, .all))
            let (total, top) = searcher.search(.text(q, .all), top: 10)
            XCTAssertEqual(total, all.count)
            XCTAssertEqual(top.map(\.ref), all.prefix(10).map(\.ref), q)
        }
    }

    /// A searcher over an index of one page.
    private func searcher(forPage text: String) throws -> Searcher {
        let dir = TestFixtures.temporaryDirectory("page")
        try text.write(toFile: "\(dir)/page.txt", atomically: false, encoding: .utf8)
        _ = try Ingester.run(index: "\(dir)/index", paths: ["\(dir)/page.txt"])
        return Searcher(archive: try Archive.open(dir: "\(dir)/index"))
    }

    func testWidthAndCaseAreFoldedOnBothSides() throws {
        let searcher = try searcher(forPage: "# ＰＰＴ讲解会\n\n本报讯(记者王伟)职工一边播放PPT一边讲解,共１８人参加。\n")
        XCTAssertEqual(searcher.count(.text("ppt", .all)).occurrences, 2)
        XCTAssertEqual(searcher.count(.text("PPT讲解", .all)).occurrences, 1)
        XCTAssertEqual(searcher.count(.text("18人", .all)).pieces, 1)
        XCTAssertEqual(searcher.count(.text("１８人", .all)).pieces, 1)
        XCTAssertEqual(searcher.count(.text("讲解会", .headline)).pieces, 1)
        XCTAssertEqual(searcher.count(.text("一边讲解", .headline)).pieces, 0)
    }

    func testMatchesNeverSpanTwoFields() throws {
        let searcher = try searcher(forPage: "# 标题工会\n\n职工之家建设见成效。\n")
        XCTAssertEqual(searcher.count(.text("工会职工", .all)).pieces, 0)
        XCTAssertEqual(searcher.count(.text("工会", .all)).pieces, 1)
    }

    /// Positions are kept in 16 bits; a piece longer than that is read instead, and still counted exactly.
    func testPhrasesFarIntoALongPieceAreCountedExactly() throws {
        let filler = String(repeating: "职工群众生活,", count: 10_000)
        let searcher = try searcher(forPage: "# 长文\n\n本报讯 总工会开会。\(filler)总工会闭幕,天天天天。\n")
        XCTAssertEqual(searcher.count(.text("总工会", .all)).occurrences, 2)
        XCTAssertEqual(searcher.count(.text("总工会闭幕", .all)).occurrences, 1)
        XCTAssertEqual(searcher.count(.text("天天天", .all)).occurrences, 1)
        XCTAssertEqual(searcher.count(.text("群众生活", .all)).occurrences, 10_000)
    }

    /// A scan counts without overlap, left to right; so do positions.
    func testOverlappingRunsCountAsAScanWould() throws {
        let searcher = try searcher(forPage: "# 天天向上\n\n本报讯 天天天天,哈哈哈哈哈,哈哈哈。\n")
        XCTAssertEqual(searcher.count(.text("天天", .all)).occurrences, 3)
        XCTAssertEqual(searcher.count(.text("天天", .headline)).occurrences, 1)
        XCTAssertEqual(searcher.count(.text("天天天", .all)).occurrences, 1)
        XCTAssertEqual(searcher.count(.text("哈哈哈", .all)).occurrences, 2)
        XCTAssertEqual(searcher.count(.text("哈哈", .all)).occurrences, 3)
    }

    /// The same property over an archive of 5,000 pieces of real newspaper text: the paragraphs of
    /// `Fixtures/real-articles` (People's Daily articles) dealt out afresh into 500 pages of ten
    /// pieces each, so the vocabulary, punctuation, digits and Latin are a national daily's. The scan
    /// is Foundation's literal string search over the records as the index stores them.
    func testCountEqualsABruteForceScanOverFiveThousandRealPieces() throws {
        let dir = TestFixtures.temporaryDirectory("real-pieces")
        try TestFixtures.writeRealPages(500, seed: 5_000, to: dir)
        var rng = SplitMix64(seed: 5_001)
        _ = try Ingester.run(index: "\(dir)/index", paths: [dir])
        let archive = try Archive.open(dir: "\(dir)/index")
        let records = archive.allDocs.map { TestFixtures.searchableFields(archive.article($0)) }
        XCTAssertGreaterThan(records.count, 4_500)
        // Folded the way search folds, one string per record, fields apart.
        let folded = records.map { fields in fields.map { String(decoding: SearchText.folded($0), as: UTF16.self) }.joined(separator: "\n") }
        var queries = ["工会", "职工", "总工会", "中国", "发展", "2019", "GDP", "新时代中国特色社会主义"]
        while queries.count < 250 {
            let record = folded[rng.below(folded.count)]
            guard let q = TestFixtures.randomPiece(of: record, length: 2 + rng.below(7), rng: &rng) else { continue }
            if !q.contains("\n") { queries.append(q) }
        }
        let searcher = Searcher(archive: archive)
        for q in queries {
            let fq = String(decoding: SearchText.folded(q), as: UTF16.self)
            let (pieces, occurrences) = TestFixtures.literalCount(fq, in: folded)
            let got = searcher.count(.text(q, .all))
            XCTAssertEqual(got.pieces, pieces, "pieces for \(q)")
            XCTAssertEqual(got.occurrences, occurrences, "occurrences for \(q)")
            // Without months a pair is counted from its skip data alone.
            let quick = searcher.count(.text(q, .all), byMonth: false)
            XCTAssertEqual(quick.pieces, pieces, "pieces for \(q), no months")
            XCTAssertEqual(quick.occurrences, occurrences, "occurrences for \(q), no months")
        }
    }
}
