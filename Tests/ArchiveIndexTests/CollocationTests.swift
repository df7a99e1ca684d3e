import XCTest
@testable import ArchiveIndex
import ParseCore

/// Collocates counted by hand on two small pages, and the measures worked out from those counts.
final class CollocationTests: XCTestCase {
    /// 工会 twice, window 3: 甲乙丙 | 工会 | 丁戊，(punctuation) 甲乙 | 工会 | 。 — near it are
    /// 甲乙 (twice), 乙丙, 甲乙丙 and 丁戊 once each; 丙工 and 乙工 overlap the term, 戊甲 crosses
    /// the comma. The second page prints 甲乙 once more, far from any 工会.
    private lazy var searcher = Searcher(archive: try! Archive.open(dir: TestFixtures.index("collocates", pages: [
        "a.txt": "# 试验\n\n甲乙丙工会丁戊，甲乙工会。\n",
        "b.txt": "# 其他\n\n甲乙丁。\n",
    ])))

    private func collocates(_ measure: CollocationMeasure, minimum: Int = 1, limit: Int? = nil) -> (Int, [Collocate]) {
        searcher.collocates(.text("工会", .all), window: 3, minimum: minimum, measure: measure, limit: limit)
    }

    func testCountsAreTheHandCount() {
        let (occurrences, found) = collocates(.logDice)
        XCTAssertEqual(occurrences, 2)
        XCTAssertEqual(found.map(\.text), ["甲乙", "丁戊", "乙丙", "甲乙丙"], "best first, ties by the string")
        XCTAssertEqual(found.map(\.near), [2, 1, 1, 1])
        XCTAssertEqual(found.map(\.archive), [3, 1, 1, 1], "甲乙 counted in the whole archive")
        XCTAssertEqual(found[0].score, 14 + log2(2.0 * 2 / (2 + 3)), accuracy: 1e-12)
        XCTAssertEqual(found[1].score, 14 + log2(2.0 * 1 / (2 + 1)), accuracy: 1e-12)
        XCTAssertEqual(collocates(.logDice, minimum: 2).1.map(\.text), ["甲乙"])
        XCTAssertEqual(collocates(.logDice, limit: 2).1, Array(found.prefix(2)), "the best of a limit are the head of all")
    }

    func testMutualInformationAndTScoreFromTheSameCounts() {
        let size = Double(searcher.archive.textUnits), span = 6.0
        let mi = collocates(.mi).1, t = collocates(.t).1
        let 甲乙 = try! XCTUnwrap(mi.first { $0.text == "甲乙" }), 丁戊 = try! XCTUnwrap(mi.first { $0.text == "丁戊" })
        XCTAssertEqual(甲乙.score, log2(2 * size / (2 * 3 * span)), accuracy: 1e-12)
        XCTAssertEqual(丁戊.score, log2(1 * size / (2 * 1 * span)), accuracy: 1e-12)
        XCTAssertEqual(mi.first?.text, "丁戊", "mutual information puts the rarer first")
        let t甲乙 = try! XCTUnwrap(t.first { $0.text == "甲乙" })
        XCTAssertEqual(t甲乙.score, (2 - 2 * 3 * span / size) / 2.0.squareRoot(), accuracy: 1e-12)
        let t丁戊 = try! XCTUnwrap(t.first { $0.text == "丁戊" })
        XCTAssertEqual(t丁戊.score, (1 - 2 * 1 * span / size) / 1, accuracy: 1e-12)
        for limit in 1...4 {
            XCTAssertEqual(collocates(.mi, limit: limit).1, Array(mi.prefix(limit)))
            XCTAssertEqual(collocates(.t, limit: limit).1, Array(t.prefix(limit)))
        }
    }

    func testFiltersChooseThePiecesLookedIn() {
        let none = searcher.collocates(.and([.text("工会", .all), .text("其他", .headline)]), window: 3, minimum: 1, measure: .logDice, limit: nil)
        XCTAssertEqual(none.occurrences, 0)
        XCTAssertTrue(none.collocates.isEmpty)
    }
}
