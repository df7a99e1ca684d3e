import XCTest
@testable import ArchiveIndex
import ParseCore

final class QueryParserTests: XCTestCase {
    private func parse(_ s: String) throws -> Query { try QueryParser.parse(s) }

    private func error(_ s: String) -> QueryError? {
        do { _ = try QueryParser.parse(s); return nil } catch { return error }
    }

    func testTermsPhrasesAndOperators() throws {
        XCTAssertEqual(try parse("工会"), .text("工会", .all))
        XCTAssertEqual(try parse("工会 劳动竞赛"), .and([.text("工会", .all), .text("劳动竞赛", .all)]))
        XCTAssertEqual(try parse("\"团结奋斗 喜迎\""), .text("团结奋斗 喜迎", .all))
        XCTAssertEqual(try parse("工会 -广告"), .and([.text("工会", .all), .not(.text("广告", .all))]))
        XCTAssertEqual(try parse("工会 OR 职工"), .or([.text("工会", .all), .text("职工", .all)]))
        XCTAssertEqual(try parse("(工会 OR 职工) 劳模"),
                       .and([.or([.text("工会", .all), .text("职工", .all)]), .text("劳模", .all)]))
        XCTAssertEqual(try parse("-(工会 OR 职工)"), .not(.or([.text("工会", .all), .text("职工", .all)])))
        XCTAssertEqual(try parse("产教融合:课堂"), .text("产教融合:课堂", .all), "a colon after an unknown name is text")
        XCTAssertEqual(try parse("a-b"), .text("a-b", .all))
    }

    /// AND, OR and NOT in upper case are operators, as a Lucene, tantivy or FTS5 user types them;
    /// in lower case, or quoted, they are words.
    func testUpperCaseOperatorsAndLowerCaseWords() throws {
        let 工会 = Query.text("工会", .all), 职工 = Query.text("职工", .all)
        XCTAssertEqual(try parse("工会 AND 职工"), .and([工会, 职工]))
        XCTAssertEqual(try parse("工会 NOT 职工"), .and([工会, .not(职工)]))
        XCTAssertEqual(try parse("工会 AND NOT 职工"), .and([工会, .not(职工)]))
        XCTAssertEqual(try parse("NOT 职工"), .not(职工))
        XCTAssertEqual(try parse("工会 AND 职工 OR 劳模"), .or([.and([工会, 职工]), .text("劳模", .all)]), "AND binds tighter than OR")
        XCTAssertEqual(try parse("NOT (工会 OR 职工)"), .not(.or([工会, 职工])))
        XCTAssertEqual(try parse("工会 and 职工"), .and([工会, .text("and", .all), 职工]))
        XCTAssertEqual(try parse("not"), .text("not", .all))
        XCTAssertEqual(try parse("\"AND\""), .text("AND", .all))
        XCTAssertEqual(error("AND 工会"), QueryError(position: 1, message: "AND needs a term before it"))
        XCTAssertEqual(error("工会 AND"), QueryError(position: 7, message: "AND needs a term after it"))
        XCTAssertEqual(error("工会 AND OR 职工"), QueryError(position: 8, message: "AND needs a term after it"))
        XCTAssertEqual(error("工会 NOT"), QueryError(position: 4, message: "'-' or NOT needs a term to exclude"))
        XCTAssertEqual(error("(工会 AND)"), QueryError(position: 8, message: "AND needs a term after it"))
    }

    /// A Latin name before a colon that is no field is a mistake, not text that is never found.
    func testUnknownFieldsAreErrorsUnlessQuoted() throws {
        let fields = "(fields: headline: reporter: union: source: kind: date:; quote it to search the text)"
        XCTAssertEqual(error("title:工匠"), QueryError(position: 1, message: "no field 'title:' \(fields)"))
        XCTAssertEqual(error("工会 Headline:工匠")?.position, 4, "field names are lower case")
        XCTAssertEqual(try parse("\"title:工匠\""), .text("title:工匠", .all))
        XCTAssertEqual(try parse("10:30"), .text("10:30", .all))
    }

    func testFields() throws {
        XCTAssertEqual(try parse("headline:工匠"), .text("工匠", .headline))
        XCTAssertEqual(try parse("headline:\"大国 工匠\""), .text("大国 工匠", .headline))
        XCTAssertEqual(try parse("reporter:王晓颖"), .reporter("王晓颖"))
        XCTAssertEqual(try parse("union:厦门"), .union("厦门"))
        XCTAssertEqual(try parse("union:\"安庆市总\" 工会"), .and([.union("安庆市总"), .text("工会", .all)]))
        XCTAssertEqual(try parse("source:003"), .source("003"))
        XCTAssertEqual(try parse("kind:photo"), .kind(.photo))
        XCTAssertEqual(try parse("date:2023"), .date(20230101, 20231231))
        XCTAssertEqual(try parse("date:2023-08"), .date(20230801, 20230831))
        XCTAssertEqual(try parse("date:2023-08-26"), .date(20230826, 20230826))
        XCTAssertEqual(try parse("date:2023-08-01..2023-09-30"), .date(20230801, 20230930))
        XCTAssertEqual(try parse("date:2022..2023-06"), .date(20220101, 20230630))
    }

    func testMalformedQueriesSayWhereAndWhat() {
        XCTAssertEqual(error(""), QueryError(position: 1, message: "empty query"))
        XCTAssertEqual(error("   "), QueryError(position: 1, message: "empty query"))
        XCTAssertEqual(error("工会 \"劳动"), QueryError(position: 4, message: "unclosed quote"))
        XCTAssertEqual(error("(工会 职工"), QueryError(position: 1, message: "'(' is never closed"))
        XCTAssertEqual(error("工会)"), QueryError(position: 3, message: "')' without '('"))
        XCTAssertEqual(error("()"), QueryError(position: 1, message: "empty parentheses"))
        XCTAssertEqual(error("OR 工会"), QueryError(position: 1, message: "OR needs a term before it"))
        XCTAssertEqual(error("工会 OR"), QueryError(position: 6, message: "OR needs a term after it"))
        XCTAssertEqual(error("工会 - 职工")?.position, nil, "a lone '-' followed by space is a term")
        XCTAssertEqual(error("kind:video"), QueryError(position: 1, message: "kind: is 'article' or 'photo', not 'video'"))
        XCTAssertEqual(error("工会 date:2023-13")?.position, 4)
        XCTAssertEqual(error("date:2023-09..2023-08"), QueryError(position: 1, message: "date: the range ends before it starts"))
        XCTAssertEqual(error("headline:"), QueryError(position: 1, message: "headline: needs a value"))
    }

    func testDeepNestingAndHugeQueriesGetOneShortError() throws {
        XCTAssertNoThrow(try parse(String(repeating: "(", count: 100) + "工会" + String(repeating: ")", count: 100)))
        XCTAssertEqual(error(String(repeating: "(", count: 40_000) + "工会")?.message, "longer than 10000 characters (40002)")
        let deep = String(repeating: "(", count: 4_000) + "工会" + String(repeating: ")", count: 4_000)
        XCTAssertEqual(error(deep), QueryError(position: 101, message: "nested more than 100 levels deep"))
        let minus = String(repeating: "-", count: 9_000) + "工会"
        XCTAssertEqual(error(minus), QueryError(position: 101, message: "nested more than 100 levels deep"))
        let quoted = try XCTUnwrap(error(deep)).quoting(deep)
        XCTAssertLessThan(quoted.count, 140, "the error quotes the query around the problem only")
        XCTAssertTrue(quoted.hasSuffix("…"))
        let control = try XCTUnwrap(error("工会\u{1B}[31m )")).quoting("工会\u{1B}[31m )")
        XCTAssertFalse(control.unicodeScalars.contains { $0.value < 0x20 }, "no control character reaches the terminal")
    }

    /// Random mixes of operators, fields, brackets, quotes, control and full-width characters,
    /// from a few characters to a megabyte: each is a query or one error, never a crash or a hang.
    func testGarbageQueriesNeverCrash() {
        let pieces = ["(", ")", "\"", "-", "- ", " OR ", "|", " ", "\u{3000}", "工会", "职工", "headline:", "union:", "date:",
                      "date:2023..", "kind:", "source:", ":", "..", "\u{0}", "\u{1B}", "\t", "\n", "（", "）", "＂", "ＯＲ", "a", "Z9",
                      "\u{FFFD}", "😀", "\\", "*"]
        var rng = SplitMix64(seed: 20261130)
        for round in 0..<400 {
            let length = round < 390 ? Int.random(in: 1...200, using: &rng) : Int.random(in: 50_000...250_000, using: &rng)
            var q = ""
            for _ in 0..<length { q += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            do {
                _ = try QueryParser.parse(q)
            } catch {
                XCTAssertLessThanOrEqual(error.quoting(q).unicodeScalars.count, 200)
            }
        }
    }
}
