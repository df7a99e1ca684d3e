import Foundation
import XCTest

/// What a new user tries in the first hour: the operators other search tools taught them,
/// results in date order, trends that compare months, the shell's habits.
final class FirstHourCLITests: XCTestCase {
    private var dir = ""
    private var index = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("archive-first-hour-\(UUID().uuidString)").path
        index = try DatedSamples.ingest(into: dir)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func run(_ args: [String]) throws -> Runner.Result { try Runner.run(args + ["--index", index]) }

    /// The first line of a search's plain answer: "N pieces match …".
    private func total(_ query: String) throws -> Int {
        let r = try run(["search", query, "--limit", "0"])
        return Int(r.out.prefix { $0 != " " })!
    }

    func testAndOrNotAreOperatorsAndUnknownFieldsAreErrors() throws {
        let both = try total("工会 职工"), only = try total("工会"), without = try total("工会 -职工")
        XCTAssertGreaterThan(both, 0)
        XCTAssertGreaterThan(without, 0)
        XCTAssertEqual(both + without, only)
        XCTAssertEqual(try total("工会 AND 职工"), both)
        XCTAssertEqual(try total("工会 NOT 职工"), without)
        XCTAssertEqual(try total("工会 AND NOT 职工"), without)
        let r = try run(["search", "title:工匠"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.err.hasPrefix("archive: query error at column 1: no field 'title:' (fields: headline: reporter: union: source: kind: date:"), r.err)
        XCTAssertEqual(try run(["search", "\"title:工匠\""]).status, 1, "quoted, it is text, found nowhere")
    }

    func testQuanZongIsFoundAsTheNationalFederation() throws {
        let page = "# 全总部署职工书屋建设\n\n本报讯 全总党组书记在会上讲话，据全总统计，书屋已建成10万余家。\n\n# 企业开展安全检查\n\n本报讯 公司安全总监带队检查，要完全总结经验。\n"
        try page.write(toFile: "\(dir)/dumps/grrb-20231201-01.txt", atomically: false, encoding: .utf8)
        XCTAssertEqual(try run(["ingest", "\(dir)/dumps"]).status, 0)
        XCTAssertEqual(try total("union:全总"), 1)
        XCTAssertEqual(try total("union:中华全国总工会"), 1)
        XCTAssertEqual(try run(["search", "--union", "全总", "--limit", "0"]).out, "1 piece match union 全总\n")
        let unions = try run(["unions", "--json"]).out.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        let national = try XCTUnwrap(unions.first { $0["name"] as? String == "中华全国总工会" })
        XCTAssertEqual(national["pieces"] as? Int, 1)
        XCTAssertEqual(national["mentions"] as? Int, 3, "the headline's and the two in the text")
    }

    func testIndexAndColorMayComeBeforeTheCommand() throws {
        let after = try run(["search", "工会", "--limit", "2", "--color", "never"])
        let before = try Runner.run(["--index", index, "--color", "never", "search", "工会", "--limit", "2"])
        XCTAssertEqual(before.status, 0, before.err)
        XCTAssertEqual(before.out, after.out)
        XCTAssertEqual(try Runner.run(["--index=\(index)", "count", "工会"]).out, "工会\t35\t342\n")
        XCTAssertTrue(try Runner.run(["--color", "always", "--index", index, "search", "工会", "--limit", "1"]).out.contains("\u{1B}[1m工会"))
        let bare = try Runner.run(["--index"])
        XCTAssertEqual(bare.status, 2)
        XCTAssertTrue(bare.err.hasPrefix("archive: --index needs a value"), bare.err)
        let noCommand = try Runner.run(["--index", index])
        XCTAssertEqual(noCommand.status, 2)
        XCTAssertTrue(noCommand.err.hasPrefix("archive: --index needs a command after it"), noCommand.err)
    }
}
