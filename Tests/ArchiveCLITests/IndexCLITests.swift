import Foundation
import XCTest

/// The index commands as a user runs them.
final class IndexCLITests: XCTestCase {
    private var dir = ""
    private var index: String { "\(dir)/index" }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("archive-cli-index-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let r = try run(["ingest", "Fixtures/dumps", "--index", index])
        XCTAssertEqual(r.status, 0, r.err)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func run(_ args: [String], env: [String: String] = [:]) throws -> Runner.Result {
        try Runner.run(args, environment: env)
    }

    func testIngestSummaryAndReingest() throws {
        let again = try run(["ingest", "Fixtures/dumps", "--index", index])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.out.hasPrefix("0 new, 0 changed, 5 unchanged, 0 failed files; 0 pieces added, 0 removed, 45 in the index;"), again.out)
    }

    func testIngestReportsBadFilesAndIngestsTheRest() throws {
        let junk = "\(dir)/junk"
        try FileManager.default.createDirectory(atPath: junk, withIntermediateDirectories: true)
        try Data([0x00, 0x01, 0xFF]).write(to: URL(fileURLWithPath: "\(junk)/bad.txt"))
        try "# 标题\n\n本报讯(记者王伟)正文一段。\n".write(toFile: "\(junk)/good.txt", atomically: false, encoding: .utf8)
        let r = try run(["ingest", junk, "\(dir)/missing", "--index", "\(dir)/other"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(Set(r.err.split(separator: "\n")), [
            "archive: \(dir)/missing: no such file or folder",
            "archive: \(junk)/bad.txt: not text: NUL byte at byte 0",
            "archive: 1 file has no date in its path, so its pieces are undated (first: \(junk)/good.txt)",
        ])
        XCTAssertTrue(r.out.hasPrefix("1 new, 0 changed, 0 unchanged, 2 failed files; 1 pieces added"), r.out)
    }

    func testSearchOutputAndExitStatuses() throws {
        let hit = try run(["search", "劳动竞赛", "--index", index, "--limit", "2"])
        XCTAssertEqual(hit.status, 0)
        let lines = hit.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "5 pieces match 劳动竞赛")
        XCTAssertTrue(lines[1].hasPrefix("  1. 002a20af01ba-07  004_07adc10fe87c5ea6.txt  专项劳动竞赛让职工士气高涨"), lines[1])
        XCTAssertTrue(lines[2].contains("[劳动竞赛]"))
        XCTAssertEqual(lines.count, 5)
        let offset = try run(["search", "劳动竞赛", "--index", index, "--offset", "4"])
        XCTAssertTrue(offset.out.contains("  5. "))
        let none = try run(["search", "根本不存在的短语", "--index", index])
        XCTAssertEqual(none.status, 1)
        XCTAssertEqual(none.out, "0 pieces match 根本不存在的短语\n")
        let bad = try run(["search", "(工会", "--index", index])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.hasPrefix("archive: query error at column 1: '(' is never closed"), bad.err)
    }

    func testHugeAndDeeplyNestedQueriesGetOneShortError() throws {
        let queries = [String(repeating: "(", count: 40_000) + "工会",
                       String(repeating: "-", count: 20_000) + "工会",
                       String(repeating: "(", count: 3_000) + "工会" + String(repeating: ")", count: 3_000)]
        for q in queries {
            let r = try run(["search", "--index", index, "--", q])
            XCTAssertEqual(r.status, 2, "no crash: \(r.err.prefix(80))")
            let first = try XCTUnwrap(r.err.split(separator: "\n").first)
            XCTAssertTrue(first.hasPrefix("archive: query error at column"), String(first.prefix(80)))
            XCTAssertLessThan(first.count, 200)
        }
        let dashed = try run(["search", String(repeating: "-", count: 500) + "工会", "--index", index])
        XCTAssertEqual(dashed.status, 2)
        XCTAssertLessThan(dashed.err.split(separator: "\n").first?.count ?? 999, 200, "an unknown option is quoted short too")
    }

    func testSearchJSONAndBatch() throws {
        let json = try run(["search", "headline:工匠", "--json", "--index", index])
        let records = json.out.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertFalse(records.isEmpty)
        XCTAssertNotNil(records[0]["score"] as? Double)
        XCTAssertTrue((records[0]["headline"] as? String ?? "").contains("工匠"))
        let queries = "\(dir)/queries.txt"
        try "工会\n劳动竞赛 -职工\n\n不存在的词语\n".write(toFile: queries, atomically: false, encoding: .utf8)
        let batch = try run(["search", "--from", queries, "--json", "--limit", "1", "--index", index])
        XCTAssertEqual(batch.status, 0)
        let answers = batch.out.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(answers.map { $0["query"] as? String }, ["工会", "劳动竞赛 -职工", "不存在的词语"])
        XCTAssertEqual(answers[2]["total"] as? Int, 0)
        XCTAssertEqual((answers[0]["hits"] as? [Any])?.count, 1)
    }

    func testCountAndByMonth() throws {
        let r = try run(["count", "工会", "劳动竞赛", "--index", index])
        XCTAssertEqual(r.out, "工会\t35\t342\n劳动竞赛\t5\t12\n")
        let stdin = try run(["count", "--from", "-", "--index", index])
        XCTAssertEqual(stdin.status, 0)
        let monthly = try run(["count", "工会", "--by", "month", "--index", index])
        XCTAssertEqual(monthly.out, "term\tpieces\toccurrences\tundated\n工会\t35\t342\t35\n", "the sample dumps carry no dates")
        XCTAssertEqual(try run(["count", "工会", "--by", "week", "--index", index]).status, 2)
    }

    func testShowExportStatsVerify() throws {
        let show = try run(["show", "d40a734fc829-01", "--index", index])
        XCTAssertEqual(show.status, 0)
        XCTAssertTrue(show.out.contains("30个问题通过“揭榜挂帅”找到答案"))
        XCTAssertTrue(show.out.contains("记者 刘旭 · 通讯员 那小羽"))
        let showJSON = try run(["show", "d40a734fc829-01", "--json", "--index", index])
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(showJSON.out.utf8)) as? [String: Any])?["id"] as? String, "d40a734fc829-01")
        XCTAssertEqual(try run(["show", "nope-01", "--index", index]).status, 1)

        let keys: Set<String> = ["id", "source", "date", "page", "kind", "headline", "kicker", "subheadline", "column",
                                 "summary", "dateline", "reporters", "correspondents", "photographers", "authors",
                                 "agency", "continued_from", "continues_to", "continued_from_id", "continues_to_id", "paragraphs", "unions"]
        let nd = try run(["export", "--format", "ndjson", "--index", index])
        let lines = nd.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 45)
        for l in lines {
            let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(l.utf8)) as? [String: Any])
            XCTAssertEqual(Set(o.keys), keys)
        }
        let whole = try run(["export", "kind:photo", "--index", index])
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(whole.out.utf8)) as? [String: Any])
        XCTAssertEqual((doc["articles"] as? [[String: Any]])?.count, 5)
        let out = "\(dir)/bulk.ndjson"
        XCTAssertEqual(try run(["export", "--format", "es-bulk", "--output", out, "--index", index]).status, 0)
        let bulk = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(bulk.count, 90)
        XCTAssertTrue(bulk[0].hasPrefix("{\"index\":{\"_index\":\"archive\",\"_id\":"))
        XCTAssertEqual(try run(["export", "--format", "xml", "--index", index]).status, 2)

        let stats = try run(["stats", "--json", "--index", index])
        let s = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(stats.out.utf8)) as? [String: Any])
        XCTAssertEqual(s["pieces"] as? Int, 45)
        XCTAssertEqual(s["photos"] as? Int, 5)
        XCTAssertEqual(s["files"] as? Int, 5)
        // The tally read from the start of each record agrees with the full records.
        let records = try run(["export", "--format", "ndjson", "--index", index]).out.split(separator: "\n")
            .map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        var credited: [String: Int] = [:]
        for r in records { for n in Set(r["reporters"] as! [String]) { credited[n, default: 0] += 1 } }
        let top = try XCTUnwrap(s["top_reporters"] as? [[String: Any]])
        XCTAssertEqual(top.count, 10)
        for t in top { XCTAssertEqual(credited[t["name"] as! String], t["pieces"] as? Int) }
        XCTAssertEqual(top.first?["name"] as? String, "王晓颖")
        XCTAssertTrue(try run(["stats", "--index", index]).out.contains("pieces         45 (40 articles, 5 photos)"))

        XCTAssertEqual(try run(["verify", "--index", index]).status, 0)
        let post = try FileManager.default.contentsOfDirectory(atPath: index).first { $0.hasSuffix(".post") }!
        let h = try XCTUnwrap(FileHandle(forUpdatingAtPath: "\(index)/\(post)"))
        try h.seek(toOffset: 10)
        try h.write(contentsOf: Data([0xAB, 0xCD]))
        try h.close()
        let damaged = try run(["verify", "--index", index])
        XCTAssertEqual(damaged.status, 1)
        XCTAssertTrue(damaged.err.contains("\(post): checksum mismatch"), damaged.err)
    }

    func testUnionsSearchAndFacets() throws {
        let byPlace = try run(["search", "--union", "厦门", "--index", index])
        XCTAssertEqual(byPlace.status, 0)
        XCTAssertTrue(byPlace.out.hasPrefix("2 pieces match union 厦门\n"), byPlace.out)
        XCTAssertTrue(byPlace.out.contains("[厦门市总工会]"), "the snippet shows the union as printed")
        XCTAssertEqual(try run(["search", "--union", "拉萨", "--index", index]).status, 1)
        let withText = try run(["search", "职工", "--union", "宝安区总工会", "--index", index])
        XCTAssertTrue(withText.out.hasPrefix("1 piece match 职工, union 宝安区总工会\n"), withText.out)

        let unions = try run(["unions", "--index", index])
        XCTAssertEqual(unions.status, 0)
        let rows = unions.out.split(separator: "\n")
        XCTAssertEqual(rows[0], "pieces\tmentions\tfirst\tlast\tunion\tplace")
        XCTAssertTrue(rows.contains("1\t6\t-\t-\t安庆市总工会\t安徽省"), unions.out)
        let anhui = try run(["unions", "--province", "安徽", "--json", "--index", index])
        let names = try anhui.out.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["name"] as? String
        }
        XCTAssertEqual(names.count, 7)
        XCTAssertTrue(names.contains("桐城市总工会"))
        XCTAssertEqual(try run(["unions", "--limit", "3", "--index", index]).out.split(separator: "\n").count, 4)
        let bad = try run(["unions", "--province", "火星", "--index", index])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.contains("'火星' is not a province"), bad.err)

        XCTAssertEqual(try run(["count", "union:厦门", "--index", index]).out, "union:厦门\t2\t6\n")
        XCTAssertTrue(try run(["stats", "--index", index]).out.contains("top unions     厦门市总工会 (2), 长春市总工会 (2)"))
        let export = try run(["export", "union:桐城市总工会", "--format", "ndjson", "--index", index])
        let record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(export.out.utf8)) as? [String: Any])
        let exported = try XCTUnwrap(record["unions"] as? [[String: Any]])
        XCTAssertEqual(exported.map { Set($0.keys) }, [["name", "mentions"], ["name", "mentions"]], "the schema's keys only")
        XCTAssertEqual(exported.map { $0["name"] as? String }, ["安庆市总工会", "桐城市总工会"])
    }

    func testIndexLocationFromTheEnvironment() throws {
        let r = try run(["count", "工会"], env: ["ARCHIVE_INDEX": index])
        XCTAssertEqual(r.out, "工会\t35\t342\n")
        let missing = try run(["search", "工会", "--index", "\(dir)/nowhere"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.err.contains("no index here"))
    }
}
