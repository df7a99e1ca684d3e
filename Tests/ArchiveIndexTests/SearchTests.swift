import Foundation
import XCTest
@testable import ArchiveIndex
import ParseCore

/// Ranking, filters and snippets on a small archive written for the purpose.
final class SearchTests: XCTestCase {
    static let dir: String = {
        TestFixtures.index("search", pages: [
            "grrb-20230801-01.txt": "# 劳动竞赛激发职工干劲\n\n本报讯(记者王晓颖)某公司开展劳动竞赛,职工热情高涨。\n",
            "grrb-20230915-02.txt": "# 工会驿站温暖户外劳动者\n\n本报讯(记者李华 通讯员王晓颖)工会驿站建成。劳动竞赛也同步开展。\n",
            "grrb-20230920-03.txt": "# 职工书屋开放\n\n本报讯(记者张三)职工书屋开放,职工可借阅图书。\n\n\n\n夜市风光\n\n夜市里的摊主在忙碌。本报记者 赵六 摄\n",
        ])
    }()

    private func headlines(_ q: String) throws -> [String] {
        let s = Searcher(archive: try Archive.open(dir: Self.dir))
        return s.search(try QueryParser.parse(q)).map { s.archive.article($0.ref).headline ?? "-" }
    }

    func testHeadlineMatchesRankFirst() throws {
        XCTAssertEqual(try headlines("劳动竞赛"), ["劳动竞赛激发职工干劲", "工会驿站温暖户外劳动者"])
    }

    func testTiesGoByDateThenArchiveOrder() throws {
        XCTAssertEqual(try headlines("date:2023"), ["劳动竞赛激发职工干劲", "工会驿站温暖户外劳动者", "职工书屋开放", "夜市风光"])
    }

    func testOperatorsAndFilters() throws {
        XCTAssertEqual(try headlines("劳动竞赛 -工会"), ["劳动竞赛激发职工干劲"])
        XCTAssertEqual(try headlines("书屋 OR 驿站").sorted(), ["工会驿站温暖户外劳动者", "职工书屋开放"])
        XCTAssertEqual(try headlines("headline:职工").sorted(), ["劳动竞赛激发职工干劲", "职工书屋开放"])
        XCTAssertEqual(try headlines("reporter:王晓颖").count, 2, "a reporter in one piece, a correspondent in the other")
        XCTAssertEqual(try headlines("reporter:赵六"), ["夜市风光"], "a photographer")
        XCTAssertEqual(try headlines("reporter:职工"), [], "names only, not the text")
        XCTAssertEqual(try headlines("kind:photo"), ["夜市风光"])
        XCTAssertEqual(try headlines("date:2023-09"), ["工会驿站温暖户外劳动者", "职工书屋开放", "夜市风光"])
        XCTAssertEqual(try headlines("date:2023-08-01..2023-09-15").count, 2)
        XCTAssertEqual(try headlines("source:0920"), ["职工书屋开放", "夜市风光"])
        XCTAssertEqual(try headlines("-职工"), ["工会驿站温暖户外劳动者", "夜市风光"])
        XCTAssertEqual(try headlines("(书屋 OR 驿站) -headline:工会"), ["职工书屋开放"])
        XCTAssertEqual(try headlines("不存在"), [])
    }

    func testSnippetShowsTheFirstMatchInTheBody() throws {
        let s = Searcher(archive: try Archive.open(dir: Self.dir))
        let q = try QueryParser.parse("驿站")
        let hit = try XCTUnwrap(s.search(q).first)
        let snippet = try XCTUnwrap(s.snippet(hit.ref, for: q))
        XCTAssertEqual(snippet.match, "驿站")
        XCTAssertTrue(snippet.before.hasSuffix("工会"))
        XCTAssertTrue(snippet.after.hasPrefix("建成"))
    }

    func testCountByMonth() throws {
        let s = Searcher(archive: try Archive.open(dir: Self.dir))
        let c = s.count(try QueryParser.parse("职工"))
        XCTAssertEqual(c.pieces, 2)
        XCTAssertEqual(c.occurrences, 5)
        XCTAssertEqual(c.byMonth, [202308: 1, 202309: 1])
    }
}
