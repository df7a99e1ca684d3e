import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// What researchers ask of the archive: batches that survive a bad line, time series without
/// holes, charts on the terminal and as SVG. The sample dumps are copied under dated names
/// (two months apart) so the series have empty months between them.
final class ResearchCLITests: XCTestCase {
    private var dir = ""
    private var index = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("archive-research-\(UUID().uuidString)").path
        index = try DatedSamples.ingest(into: dir)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func run(_ args: [String], env: [String: String] = [:], input: String? = nil) throws -> Runner.Result {
        try Runner.run(args, environment: env, input: input.map { Data($0.utf8) })
    }

    /// A bad option: exit 2 and one line naming the problem (the usage line follows it).
    private func assertUsageError(_ args: [String], _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try run(args + ["--index", index])
        XCTAssertEqual(r.status, 2, file: file, line: line)
        XCTAssertEqual(r.err.split(separator: "\n").first.map(String.init), "archive: " + message, file: file, line: line)
    }

    func testBatchesAnswerEveryReadableLineAndReportTheRest() throws {
        let list = "工会\n(劳动竞赛\n\n职工 OR\n不存在的词语\n"
        let search = try run(["search", "--from", "-", "--json", "--limit", "1", "--index", index], input: list)
        XCTAssertEqual(search.status, 2)
        let answers = search.out.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(answers.map { $0["query"] as? String }, ["工会", "(劳动竞赛", "职工 OR", "不存在的词语"])
        XCTAssertEqual(answers.map { $0["line"] as? Int }, [nil, 2, 4, nil], "line numbers count blank lines")
        XCTAssertNotNil(answers[1]["error"] as? String)
        XCTAssertEqual(answers[3]["total"] as? Int, 0)
        let errors = search.err.split(separator: "\n")
        XCTAssertEqual(errors.count, 2)
        XCTAssertTrue(errors[0].hasPrefix("archive: standard input:2: query error at column"), String(errors[0]))
        let plain = try run(["search", "--from", "-", "--index", index], input: list)
        XCTAssertEqual(plain.status, 2)
        XCTAssertEqual(plain.out.split(separator: "\n").filter { $0.hasPrefix("== ") }, ["== 工会: 35 pieces", "== 不存在的词语: 0 pieces"])
        let count = try run(["count", "--from", "-", "--index", index], input: list)
        XCTAssertEqual(count.status, 2)
        XCTAssertEqual(count.out, "工会\t35\t342\n不存在的词语\t0\t0\n")
        let clean = try run(["count", "--from", "-", "--index", index], input: "工会\n")
        XCTAssertEqual(clean.status, 0)
    }

    func testCountByPeriodHasNoHoles() throws {
        let monthly = try run(["count", "工会", "劳动竞赛", "--by", "month", "--index", index])
        XCTAssertEqual(monthly.status, 0, monthly.err)
        let rows = monthly.out.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        XCTAssertEqual(rows[0], ["term", "pieces", "occurrences"] + (2...10).map { String(format: "2023-%02d", $0) } + ["undated"])
        XCTAssertEqual(rows[1], ["工会", "35", "342", "5", "0", "9", "0", "7", "0", "8", "0", "6", "0"])
        XCTAssertEqual(rows[2].dropFirst(3).map { Int($0)! }.reduce(0, +), Int(rows[2][1]), "the periods add up to the pieces")
        let yearly = try run(["count", "工会", "--by", "year", "--json", "--index", index])
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(yearly.out.utf8)) as? [String: Any])
        XCTAssertEqual(doc["term"] as? String, "工会")
        XCTAssertEqual(doc["pieces"] as? Int, 35)
        XCTAssertEqual((doc["periods"] as? [[String: Any]])?.map { $0["period"] as? String }, ["2023"])
        try assertUsageError(["count", "工会", "--by", "week"], "--by takes month or year, not 'week'")
    }

    /// A page whose path has no date: its pieces are a period of their own everywhere a count
    /// is spread over time, so the periods always add up to the total printed.
    func testUndatedPiecesAreCountedInEveryView() throws {
        let page = try String(contentsOf: Runner.repo.appendingPathComponent("Fixtures/dumps/000_1614c2d990d87210.txt"), encoding: .utf8)
        try (page + "\n\n# 无日期稿件\n\n本报讯 工会组织职工开展无日期测试活动。\n").write(toFile: "\(dir)/dumps/scan.txt", atomically: false, encoding: .utf8)
        let ingest = try run(["ingest", "\(dir)/dumps", "--index", index])
        XCTAssertEqual(ingest.status, 0, ingest.err)
        XCTAssertTrue(ingest.err.contains("1 file has no date in its path, so its pieces are undated (first: \(dir)/dumps/scan.txt)"), ingest.err)
        let text = try run(["count", "工会", "--by", "month", "--index", index])
        let rows = text.out.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        XCTAssertEqual(rows[0].last, "undated")
        let total = try XCTUnwrap(Int(rows[1][1]))
        let undated = try XCTUnwrap(Int(rows[1].last!))
        XCTAssertGreaterThan(undated, 0)
        XCTAssertEqual(rows[1].dropFirst(3).map { Int($0)! }.reduce(0, +), total, "periods plus undated are the total")
        let json = try run(["count", "工会", "--by", "year", "--json", "--index", index])
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let periods = try XCTUnwrap(doc["periods"] as? [[String: Any]]).map { $0["pieces"] as! Int }
        XCTAssertEqual(doc["undated"] as? Int, undated)
        XCTAssertEqual(periods.reduce(0, +) + undated, doc["pieces"] as? Int)
        let chart = try run(["count", "工会", "--chart", "--index", index])
        XCTAssertTrue(chart.out.split(separator: "\n")[1].hasSuffix("  \(total), \(undated) undated"), chart.out)
        let svg = "\(dir)/undated.svg"
        _ = try run(["count", "工会", "--svg", svg, "--index", index])
        let drawn = try String(contentsOfFile: svg, encoding: .utf8)
        XCTAssertTrue(drawn.contains("data-undated=\"\(undated)\""))
        XCTAssertTrue(drawn.contains("工会 (\(total), \(undated) undated)"))
        let stats = try run(["stats", "--json", "--index", index])
        let st = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(stats.out.utf8)) as? [String: Any])
        XCTAssertEqual(st["undated_pieces"] as? Int, 8, "the seven pieces of the page and the one added")
    }

    func testChartOnTheTerminal() throws {
        let r = try run(["count", "工会", "劳动竞赛", "--chart", "--index", index])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "pieces per month, 2023-02 to 2023-10 (9 months; full block = 9)")
        XCTAssertEqual(lines[1], "工会      ▅ █ ▇ █ ▆  35", "CJK labels are padded by display width")
        XCTAssertEqual(lines[2], "劳动竞赛  ▁ ▁ ▁   ▂  5")
        let narrow = try run(["count", "工会", "--chart", "--index", index], env: ["COLUMNS": "10"])
        XCTAssertTrue(narrow.out.hasPrefix("pieces per month, 2023-02 to 2023-10 (9 months; full block = 9)"))
    }

    func testSVGChartCarriesTheCounts() throws {
        let svg = "\(dir)/trend.svg"
        let r = try run(["count", "工会", "劳动竞赛", "--svg", svg, "--index", index])
        XCTAssertEqual(r.status, 0, r.err)
        let reader = SVGReader()
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: svg)))
        parser.delegate = reader
        XCTAssertTrue(parser.parse(), "well-formed XML")
        XCTAssertEqual(reader.root, "svg")
        XCTAssertEqual(reader.series.map(\.term), ["工会", "劳动竞赛"])
        XCTAssertEqual(reader.series[0].values, [5, 0, 9, 0, 7, 0, 8, 0, 6])
        XCTAssertEqual(reader.series[1].values, [1, 0, 1, 0, 1, 0, 0, 0, 2])
        XCTAssertTrue(reader.series.allSatisfy { $0.points == 9 }, "one point per month")
        XCTAssertTrue(reader.texts.contains("2023-02") && reader.texts.contains("2023-10"), "the period range is labelled")
        XCTAssertTrue(reader.texts.contains("工会 (35)"), "a legend names each term")
        let shown = "\(dir)/shown.svg"
        _ = try run(["count", "工会", "职工", "劳动竞赛", "--svg", shown, "--index", index])
        XCTAssertEqual(try String(contentsOfFile: shown, encoding: .utf8),
                       try String(contentsOf: Runner.repo.appendingPathComponent("Fixtures/charts/trend.svg"), encoding: .utf8),
                       "the chart in the README is what the program draws")
        let unwritable = try run(["count", "工会", "--svg", "\(dir)/no/such/folder/t.svg", "--index", index])
        XCTAssertEqual(unwritable.status, 2)
        XCTAssertEqual(unwritable.err, "archive: \(dir)/no/such/folder/t.svg: cannot be written\n")
    }

    func testCSVExportReadsBackAsTheRecords() throws {
        let csv = try run(["export", "--format", "csv", "--index", index])
        XCTAssertEqual(csv.status, 0, csv.err)
        let rows = try CSVReader.rows(csv.out)
        let json = try run(["export", "--index", index])
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let records = try XCTUnwrap(doc["articles"] as? [[String: Any]])
        XCTAssertEqual(rows.first, ["id", "date", "page", "source", "kind", "headline", "kicker", "subheadline", "dateline",
                                    "reporters", "correspondents", "photographers", "authors", "unions", "text"])
        XCTAssertEqual(rows.count - 1, records.count)
        XCTAssertTrue(rows.allSatisfy { $0.count == 15 })
        func text(_ v: Any?) -> String { (v as? String) ?? (v as? Int).map(String.init) ?? "" }
        func names(_ v: Any?) -> String { ((v as? [String]) ?? []).joined(separator: ";") }
        for (row, r) in zip(rows.dropFirst(), records) {
            XCTAssertEqual(row[0], text(r["id"]))
            XCTAssertEqual(row[1], text(r["date"]))
            XCTAssertEqual(row[2], text(r["page"]))
            XCTAssertEqual(row[4], text(r["kind"]))
            XCTAssertEqual(row[5], text(r["headline"]))
            XCTAssertEqual(row[9], names(r["reporters"]))
            XCTAssertEqual(row[13], ((r["unions"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }.joined(separator: ";"))
            XCTAssertEqual(row[14], ((r["paragraphs"] as? [String]) ?? []).joined(separator: "\n"))
        }
        XCTAssertTrue(rows.contains { $0[14].contains("\n") && $0[14].contains(",") }, "quoted fields with line breaks and commas survive")
        try assertUsageError(["export", "--format", "xlsx"], "--format takes json, ndjson, es-bulk or csv, not 'xlsx'")
    }

    func testKeywordInContext() throws {
        let r = try run(["kwic", "劳动竞赛", "--width", "8", "--index", index])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n").map(String.init)
        let count = try run(["count", "劳动竞赛", "--index", index])
        XCTAssertEqual(String(lines.count), count.out.split(separator: "\t")[2].trimmingCharacters(in: .newlines),
                       "one line per occurrence, as many as count reports")
        func columns(_ s: Substring) -> Int {
            s.unicodeScalars.reduce(0) { w, c in w + ((0x2E80...0x9FFF).contains(c.value) || (0xFF00...0xFF60).contains(c.value) ? 2 : 1) }
        }
        let keyColumns = Set(lines.map { l in columns(l[..<l.range(of: "  劳动竞赛  ")!.lowerBound]) })
        XCTAssertEqual(keyColumns.count, 1, "the keyword stands in one column:\n\(r.out)")
        XCTAssertTrue(lines[0].hasPrefix("2023-02-15 p1  "), "oldest first, with date and page")
        let json = try run(["kwic", "劳动竞赛", "--width", "8", "--json", "--index", index])
        let objects = json.out.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        XCTAssertEqual(objects.count, lines.count)
        XCTAssertTrue(objects.allSatisfy { ($0["match"] as? String) == "劳动竞赛" && (($0["left"] as? String)?.count ?? 99) <= 8 })
        XCTAssertEqual(Set(objects[0].keys), ["id", "date", "page", "left", "match", "right"])
        let right = try run(["kwic", "劳动竞赛", "--sort", "right", "--json", "--index", index])
        let rights = right.out.split(separator: "\n").map { (try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["right"] as! String }
        XCTAssertEqual(rights, rights.sorted())
        let filtered = try run(["kwic", "劳动竞赛", "date:2023-10", "--json", "--index", index])
        XCTAssertTrue(filtered.out.split(separator: "\n").allSatisfy { $0.contains("\"date\":\"2023-10-15\"") })
        XCTAssertEqual(try run(["kwic", "劳动竞赛", "--limit", "3", "--index", index]).out.split(separator: "\n").count, 3)
        XCTAssertEqual(try run(["kwic", "不存在的词语", "--index", index]).status, 1)
        try assertUsageError(["kwic", "union:江苏"], "kwic needs a word or phrase to show in context: union:江苏")
        try assertUsageError(["kwic", "劳动竞赛", "--sort", "middle"], "--sort takes date, left or right, not 'middle'")
    }

    func testColourFollowsTheFlagTheTerminalAndNoColor() throws {
        let bold = "\u{1B}[1m工会\u{1B}[0m"
        let always = try run(["search", "工会", "--limit", "1", "--color", "always", "--index", index], env: ["NO_COLOR": "1"])
        XCTAssertTrue(always.out.contains(bold), "an explicit --color always wins over NO_COLOR")
        let piped = try run(["search", "工会", "--limit", "1", "--index", index])
        XCTAssertFalse(piped.out.contains("\u{1B}"), "no colour into a pipe")
        XCTAssertTrue(piped.out.contains("[工会]"))
        try assertUsageError(["search", "工会", "--color", "sometimes"], "--color takes always, never or auto, not 'sometimes'")
        // On a terminal (script(1) gives the command one), colour unless NO_COLOR or --color never.
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script) else { throw XCTSkip("no script(1) to give the binary a terminal") }
        func onTerminal(_ extra: String, env: [String: String] = [:]) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: script)
            p.arguments = ["-qec", "'\(Runner.binary.path)' search 工会 --limit 1 --index '\(index)' \(extra)", "/dev/null"]
            var e = ProcessInfo.processInfo.environment
            e.removeValue(forKey: "NO_COLOR")
            p.environment = e.merging(env) { $1 }
            let out = Pipe()
            p.standardOutput = out
            p.standardInput = FileHandle.nullDevice
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        XCTAssertTrue(try onTerminal("").contains(bold))
        XCTAssertFalse(try onTerminal("", env: ["NO_COLOR": "1"]).contains("\u{1B}[1m"))
        XCTAssertFalse(try onTerminal("--color never").contains("\u{1B}[1m"))
    }
}

/// Reads the lines of a trend SVG back: each polyline's term, values and number of points.
private final class SVGReader: NSObject, XMLParserDelegate {
    var root: String?
    var series: [(term: String, values: [Int], points: Int)] = []
    var texts: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = name }
        if name == "polyline", let term = attributes["data-term"], let values = attributes["data-values"], let points = attributes["points"] {
            series.append((term, values.split(separator: ",").compactMap { Int($0) }, points.split(separator: " ").count))
        }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { texts.append(text) }
        text = ""
    }
}
