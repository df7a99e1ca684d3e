import Foundation
import XCTest
@testable import ArchiveCLI

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

    /// Each hit of a search as --json gives it: id, date ("" when undated), page, score.
    private func hits(_ args: [String]) throws -> [(id: String, date: String, page: Int, score: Double)] {
        let r = try run(args + ["--json"])
        return try r.out.split(separator: "\n").map { line in
            let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (o["id"] as! String, (o["date"] as? String) ?? "", (o["page"] as? Int) ?? 0, (o["score"] as? Double) ?? -1)
        }
    }

    func testSearchAndExportInDateOrder() throws {
        // An undated piece, which both date orders put last.
        try "# 无日期稿件\n\n本报讯 工会组织职工开展无日期测试活动。\n".write(toFile: "\(dir)/dumps/scan.txt", atomically: false, encoding: .utf8)
        XCTAssertEqual(try run(["ingest", "\(dir)/dumps"]).status, 0)
        let ranked = try hits(["search", "工会", "--limit", "100"])
        let oldest = try hits(["search", "工会", "--sort", "date", "--limit", "100"])
        let newest = try hits(["search", "工会", "--sort=-date", "--limit", "100"])
        XCTAssertEqual(ranked.count, 36)
        XCTAssertEqual(Set(oldest.map(\.id)), Set(ranked.map(\.id)))
        XCTAssertEqual(Set(newest.map(\.id)), Set(ranked.map(\.id)))
        let score = Dictionary(uniqueKeysWithValues: ranked.map { ($0.id, $0.score) })
        XCTAssertTrue(oldest.allSatisfy { score[$0.id] == $0.score }, "a hit keeps its relevance score in date order")
        func day(_ d: String, newestFirst: Bool) -> String { d.isEmpty ? "~" : newestFirst ? String(d.map { Character(UnicodeScalar(0x69 - $0.asciiValue!)) }) : d }
        for (list, newestFirst) in [(oldest, false), (newest, true)] {
            XCTAssertEqual(list.last?.date, "", "undated last")
            let keys = list.map { (day($0.date, newestFirst: newestFirst), $0.page) }
            XCTAssertTrue(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 }, "by date, then page")
        }
        XCTAssertEqual(oldest.first?.date, "2023-02-15")
        XCTAssertEqual(newest.first?.date, "2023-10-15")
        let page = try hits(["search", "工会", "--sort", "date", "--limit", "5", "--offset", "3"])
        XCTAssertEqual(page.map(\.id), oldest[3..<8].map(\.id))
        let exported = try run(["export", "工会", "--sort", "date", "--limit", "7", "--format", "ndjson"]).out.split(separator: "\n").map {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? String
        }
        XCTAssertEqual(exported, oldest.prefix(7).map(\.id))
        let all = try run(["export", "--sort", "-date", "--format", "ndjson"]).out.split(separator: "\n")
        XCTAssertEqual(try run(["export", "--sort", "-date", "--format", "ndjson", "--limit", "4"]).out.split(separator: "\n"), Array(all.prefix(4)))
        let bad = try run(["search", "工会", "--sort", "newest"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.hasPrefix("archive: --sort takes relevance, date or -date, not 'newest'"), bad.err)
    }

    func testCSVWithAByteOrderMarkReadsBack() throws {
        let plain = try run(["export", "--format", "csv"])
        let marked = try Runner.run(["export", "--format", "csv", "--bom", "--index", index])
        XCTAssertEqual(marked.status, 0, marked.err)
        XCTAssertTrue(marked.out.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        XCTAssertEqual(String(marked.out.dropFirst()), plain.out)
        XCTAssertEqual(try CSVReader.rows(String(marked.out.dropFirst())).count, try CSVReader.rows(plain.out).count)
        let json = try run(["export", "--bom"])
        XCTAssertEqual(json.status, 2)
        XCTAssertTrue(json.err.hasPrefix("archive: --bom is for --format csv"), json.err)
    }

    /// The table count prints: one row of cells per line.
    private func table(_ args: [String]) throws -> [[String]] {
        let r = try run(args)
        XCTAssertEqual(r.status, 0, r.err)
        return r.out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    func testRatesPerThousandPiecesAreCountsOverThePeriodsPieces() throws {
        let counts = try table(["count", "工会", "劳动竞赛", "--by", "month", "--totals"])
        let rates = try table(["count", "工会", "劳动竞赛", "--by", "month", "--per", "1000"])
        XCTAssertEqual(counts[0], rates[0], "the same header")
        let all = counts[3]
        XCTAssertEqual(Array(all.prefix(3)), ["(all pieces)", "45", "-"])
        XCTAssertEqual(all.dropFirst(3).compactMap { Int($0) }.reduce(0, +), 45, "the periods add up to the archive")
        for row in 1...2 {
            XCTAssertEqual(Array(rates[row].prefix(3)), Array(counts[row].prefix(3)), "totals stay counts")
            for column in 3..<counts[0].count {
                let n = Double(counts[row][column])!, pieces = Double(all[column])!
                XCTAssertEqual(rates[row][column], pieces == 0 ? "-" : String(format: "%.2f", n / pieces * 1000), counts[0][column])
            }
        }
        XCTAssertEqual(rates[1][3], "714.29", "5 of the 7 pieces of 2023-02")

        let json = try run(["count", "工会", "--by", "year", "--per", "100", "--json"]).out
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(doc["per"] as? Int, 100)
        let period = try XCTUnwrap((doc["periods"] as? [[String: Any]])?.first)
        XCTAssertEqual(period["pieces"] as? Int, 35)
        XCTAssertEqual(period["all"] as? Int, 45)
        XCTAssertEqual(try XCTUnwrap(period["rate"] as? Double), 3500.0 / 45, accuracy: 0.0001)
        XCTAssertTrue(doc["undated_rate"] is NSNull, "no undated pieces: no rate")

        let chart = try run(["count", "工会", "--per", "1000", "--chart"]).out.split(separator: "\n")
        XCTAssertEqual(chart[0], "pieces per 1,000 pieces per month, 2023-02 to 2023-10 (9 months; full block = 1000)")
        XCTAssertEqual(chart[1], "工会  ▆ █ ▆ █ ▆  35")
        let svgPath = "\(dir)/rates.svg"
        XCTAssertEqual(try run(["count", "工会", "--per", "1000", "--svg", svgPath]).status, 0)
        let svg = try String(contentsOfFile: svgPath, encoding: .utf8)
        XCTAssertTrue(svg.contains("data-term=\"工会\" data-values=\"714.29,0,900,0,636.36,0,1000,0,666.67\""), svg)
        XCTAssertTrue(svg.contains(">pieces per 1,000 pieces</text>"))

        for (args, message) in [(["--per", "1000"], "--per is a rate per period: give --by month|year (or --chart, --svg)"),
                                (["--by", "month", "--per", "0"], "--per needs a whole number of pieces above 0, not '0'"),
                                (["--by", "month", "--per", "1000", "--totals"], "--totals are what --per divides by: show them without --per")] {
            let r = try run(["count", "工会"] + args)
            XCTAssertEqual(r.status, 2)
            XCTAssertTrue(r.err.hasPrefix("archive: " + message), r.err)
        }
    }

    func testProgressShowsMegabytesTheRateAndTimeLeft() throws {
        let r = try Runner.run(["ingest", "Fixtures/dumps", "--index", "\(dir)/progress-index", "--progress"])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.err.components(separatedBy: "\r").map { $0.replacingOccurrences(of: "\u{1B}[K", with: "") }.filter { !$0.isEmpty }
        XCTAssertTrue(lines.first?.hasPrefix("  0/5 files, 0.0/0.1 MB") == true, lines.description)
        let last = try XCTUnwrap(lines.last { $0.hasPrefix("  5/5 files") }, lines.description)
        XCTAssertNotNil(last.range(of: #"^  5/5 files, 0\.1/0\.1 MB, [0-9.]+ MB/s, 0 s left$"#, options: .regularExpression), last)
        XCTAssertFalse(try Runner.run(["ingest", "Fixtures/dumps", "--index", "\(dir)/quiet-index"]).err.contains("files,"), "no progress off a terminal")
        XCTAssertEqual(ProgressLine.duration(41.2), "42 s")
        XCTAssertEqual(ProgressLine.duration(200), "3 min 20 s")
        XCTAssertEqual(ProgressLine.duration(3900), "1 h 05 min")
    }

    func testCollocatesTableAndJSONAgree() throws {
        let table = try run(["collocates", "工会", "--limit", "5"])
        XCTAssertEqual(table.status, 0, table.err)
        let lines = table.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "342 occurrences of 工会; strings within 5 characters, near at least 3 times, by logdice")
        XCTAssertEqual(lines.count, 7, "the header, the column names and five collocates")
        let json = try run(["collocates", "工会", "--limit", "5", "--json"]).out.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        for (line, o) in zip(lines.dropFirst(2), json) {
            let cells = line.split(separator: "\t").map(String.init)
            XCTAssertEqual(cells[0], o["collocate"] as? String)
            XCTAssertEqual(cells[1], String(o["near"] as! Int))
            XCTAssertEqual(cells[2], String(o["archive"] as! Int))
            XCTAssertEqual(Double(cells[3])!, o["logdice"] as! Double, accuracy: 0.005)
        }
        let scores = json.map { $0["logdice"] as! Double }
        XCTAssertEqual(scores, scores.sorted(by: >), "best first")
        let filtered = try run(["collocates", "工会 date:2023-02", "--json", "--limit", "0"]).out.split(separator: "\n")
        let all = try run(["collocates", "工会", "--json", "--limit", "0"]).out.split(separator: "\n")
        XCTAssertLessThan(filtered.count, all.count, "a filter narrows the pieces looked in")
        XCTAssertEqual(try run(["collocates", "工会", "--measure", "dice"]).status, 2)
        XCTAssertEqual(try run(["collocates", "date:2023"]).status, 2, "nothing to look around")
    }
}
