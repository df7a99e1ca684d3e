import Foundation
import XCTest
@testable import ArchiveIndex
import ParseCore

/// Unions through the index: search by name, printed form and place; counts; facets.
final class UnionIndexTests: XCTestCase {
    static let dir: String = {
        TestFixtures.index("unions", pages: [
            "grrb-20230801-01.txt": "# 厦门推出职工服务卡\n\n本报讯(记者王晓颖)厦门市总整合商户资源。厦门市总工会相关负责人介绍了情况。\n",
            "grrb-20230915-02.txt": "# 湖里区建驿站\n\n本报讯(记者李华)福建省厦门市湖里区总工会建成驿站。\n",
            "grrb-20231020-03.txt": "# 安庆擂台赛\n\n本报讯(记者张三)安庆市总举办擂台赛,安徽省安庆市总工会负责人出席。\n",
            "grrb-20231101-04.txt": "# 职工书屋开放\n\n本报讯(记者赵六)各级工会和基层工会开放职工书屋。\n",
        ])
    }()

    private func headlines(_ q: String) throws -> [String] {
        let s = Searcher(archive: try Archive.open(dir: Self.dir))
        return s.search(try QueryParser.parse(q)).map { s.archive.article($0.ref).headline ?? "-" }.sorted()
    }

    func testUnionSearchReachesNamesFormsAndPlaces() throws {
        XCTAssertEqual(try headlines("union:厦门市总工会"), ["厦门推出职工服务卡"])
        XCTAssertEqual(try headlines("union:厦门市总"), ["厦门推出职工服务卡"], "a printed form")
        XCTAssertEqual(try headlines("union:湖里区总工会"), ["湖里区建驿站"])
        XCTAssertEqual(try headlines("union:厦门"), ["厦门推出职工服务卡", "湖里区建驿站"], "a city and the districts under it")
        XCTAssertEqual(try headlines("union:福建"), ["厦门推出职工服务卡", "湖里区建驿站"], "a province")
        XCTAssertEqual(try headlines("union:安徽省安庆市总工会"), ["安庆擂台赛"], "a form with the province before it")
        XCTAssertEqual(try headlines("union:安庆市总工会 -union:厦门"), ["安庆擂台赛"])
        XCTAssertEqual(try headlines("union:北京"), [])
        XCTAssertEqual(try headlines("职工 union:厦门"), ["厦门推出职工服务卡"])
    }

    func testCountTalliesMentions() throws {
        let s = Searcher(archive: try Archive.open(dir: Self.dir))
        let c = s.count(try QueryParser.parse("union:安庆市总工会"))
        XCTAssertEqual(c.pieces, 1)
        XCTAssertEqual(c.occurrences, 2, "安庆市总 and 安徽省安庆市总工会")
        XCTAssertEqual(c.byMonth, [202310: 1])
    }

    func testFacetsCountPiecesAndDatesAndFilterByProvince() throws {
        let archive = try Archive.open(dir: Self.dir)
        let all = archive.unionCounts()
        XCTAssertEqual(all.map(\.name).sorted(), ["厦门市总工会", "安庆市总工会", "湖里区总工会"], "generic mentions are not unions")
        let xiamen = try XCTUnwrap(all.first { $0.name == "厦门市总工会" })
        XCTAssertEqual(xiamen.pieces, 1)
        XCTAssertEqual(xiamen.mentions, 2)
        XCTAssertEqual(xiamen.first, 20230801)
        XCTAssertEqual(xiamen.places, ["福建省", "厦门市"])
        XCTAssertEqual(archive.unionCounts(province: "福建省").map(\.name).sorted(), ["厦门市总工会", "湖里区总工会"])
        XCTAssertEqual(archive.unionCounts(province: "安徽省").map(\.name), ["安庆市总工会"])
    }

    func testStoredRecordsKeepTheirUnions() throws {
        let archive = try Archive.open(dir: Self.dir)
        let s = Searcher(archive: archive)
        let ref = try XCTUnwrap(s.search(try QueryParser.parse("union:湖里区总工会")).first?.ref)
        let u = try XCTUnwrap(archive.article(ref).unions.first)
        XCTAssertEqual(u.name, "湖里区总工会")
        XCTAssertEqual(u.mentions, ["福建省厦门市湖里区总工会"])
        XCTAssertEqual(u.places, ["福建省", "厦门市", "湖里区"])
    }
}
