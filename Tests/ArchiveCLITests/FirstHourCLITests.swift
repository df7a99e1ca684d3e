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
}
