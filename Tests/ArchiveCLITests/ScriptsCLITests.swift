import Foundation
import XCTest

/// An archive of the sample dumps and their copies in traditional characters: a query in either
/// script finds both, --exact-script only what was typed, and output is as printed.
final class ScriptsCLITests: XCTestCase {
    private var dir = ""
    private var index: String { "\(dir)/index" }

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("archive-scripts-\(UUID().uuidString)").path
        // Dated so that counts have a year: the simplified pages in 2023, their copies in 1955.
        for (folder, year) in [("dumps", 2023), ("traditional", 1955)] {
            try FileManager.default.createDirectory(atPath: "\(dir)/\(folder)", withIntermediateDirectories: true)
            let names = try FileManager.default.contentsOfDirectory(atPath: Runner.repo.appendingPathComponent("Fixtures/\(folder)").path).filter { $0.hasSuffix(".txt") }.sorted()
            for (i, name) in names.enumerated() {
                try FileManager.default.copyItem(atPath: Runner.repo.appendingPathComponent("Fixtures/\(folder)/\(name)").path,
                                                 toPath: "\(dir)/\(folder)/grrb-\(year)0\(i + 1)15-01.txt")
            }
        }
        let r = try run(["ingest", "\(dir)/dumps", "\(dir)/traditional"])
        XCTAssertEqual(r.status, 0, r.err)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func run(_ args: [String]) throws -> Runner.Result { try Runner.run(args + ["--index", index]) }

    private func pieces(_ args: [String]) throws -> Int {
        Int(try run(["search"] + args + ["--limit", "0"]).out.prefix { $0 != " " })!
    }

    func testEitherScriptFindsBothAndExactScriptWhatWasTyped() throws {
        let simplified = try pieces(["工会", "date:2023"]), traditional = try pieces(["工會", "date:1955"])
        XCTAssertEqual(simplified, 35)
        XCTAssertGreaterThan(traditional, 0)
        XCTAssertEqual(try pieces(["工会"]), simplified + traditional)
        XCTAssertEqual(try pieces(["工會"]), simplified + traditional)
        XCTAssertEqual(try pieces(["工會", "--exact-script"]), traditional)
        XCTAssertEqual(try pieces(["工会", "--exact-script"]), simplified)
        let years = { (term: String) throws -> String in try self.run(["count", term, "--by", "year"]).out.split(separator: "\n")[1].split(separator: "\t").dropFirst().joined(separator: "\t") }
        XCTAssertEqual(try years("總工會"), try years("总工会"))
        let kwic = try run(["kwic", "总工会", "date:1955", "--limit", "1"]).out
        XCTAssertTrue(kwic.contains("總工會"), "a kwic line shows the printed form: \(kwic)")
        let exported = try run(["export", "工会", "date:1955", "--format", "ndjson", "--limit", "1"]).out
        XCTAssertTrue(exported.contains("工會") && !exported.contains("\"工会"), "records are as printed")
    }
}
