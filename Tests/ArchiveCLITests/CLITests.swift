import Foundation
import XCTest

/// The `archive` binary as a user runs it: output, messages and exit statuses.
final class CLITests: XCTestCase {
    private func run(_ args: [String]) throws -> Runner.Result { try Runner.run(args) }

    let dump = "Fixtures/dumps/002_5fe48f12d413154b.txt"

    func testHelpAndVersion() throws {
        let help = try run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.out.contains("usage: archive <command>"))
        let parseHelp = try run(["parse", "--help"])
        XCTAssertEqual(parseHelp.status, 0)
        XCTAssertTrue(parseHelp.out.hasPrefix("usage: archive parse FILE..."))
        let version = try run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.out.hasPrefix("archive "))
    }

    func testParseOutline() throws {
        let r = try run(["parse", dump])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.out.contains("== \(dump): 11 pieces"))
        XCTAssertTrue(r.out.contains("[1] article  30个问题通过“揭榜挂帅”找到答案"))
        XCTAssertTrue(r.out.contains("photo  安心就业“妈妈岗”"))
        XCTAssertTrue(r.out.contains("reporters       刘旭"))
        XCTAssertEqual(r.err, "")
    }

    func testParseJSONFollowsTheSchema() throws {
        let r = try run(["parse", dump, "--json"])
        XCTAssertEqual(r.status, 0)
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let articles = try XCTUnwrap(doc["articles"] as? [[String: Any]])
        XCTAssertEqual(articles.count, 11)
        let keys: Set<String> = ["id", "source", "date", "page", "kind", "headline", "kicker", "subheadline", "column",
                                 "summary", "dateline", "reporters", "correspondents", "photographers", "authors",
                                 "agency", "continued_from", "continues_to", "continued_from_id", "continues_to_id", "paragraphs", "unions"]
        for a in articles {
            XCTAssertEqual(Set(a.keys), keys)
            XCTAssertEqual(a["source"] as? String, dump)
        }
        XCTAssertEqual(Set(articles.compactMap { $0["id"] as? String }).count, 11, "ids are unique")
        let again = try run(["parse", dump, "--json"])
        XCTAssertEqual(again.out, r.out, "ids and records are stable")
    }

    func testDateAndPageFromTheFileName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("archive-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("grrb-20230826-03.txt")
        try FileManager.default.copyItem(at: Runner.repo.appendingPathComponent(dump), to: file)
        let r = try run(["parse", file.path, "--json"])
        XCTAssertTrue(r.out.contains("\"date\":\"2023-08-26\",\"page\":3"))
    }

    func testBadFilesAreReportedAndTheRestParsed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("archive-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let binary = dir.appendingPathComponent("junk.txt")
        try Data([0x41, 0x00, 0xFF, 0x10]).write(to: binary)
        let missing = dir.appendingPathComponent("missing.txt").path
        let huge = dir.appendingPathComponent("huge.txt")
        XCTAssertTrue(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let h = try FileHandle(forWritingTo: huge)
        try h.truncate(atOffset: 1 << 30)  // a sparse gigabyte: refused before anything is read
        try h.close()
        let r = try run(["parse", missing, dir.path, binary.path, huge.path, dump])
        XCTAssertEqual(r.status, 1)
        let lines = r.err.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[0], "archive: \(missing): no such file")
        XCTAssertEqual(lines[1], "archive: \(dir.path): is a directory")
        XCTAssertEqual(lines[2], "archive: \(binary.path): not text: NUL byte at byte 1")
        XCTAssertEqual(lines[3], "archive: \(huge.path): 1024 MB is too large for a page dump (at most 64 MB)")
        XCTAssertTrue(r.out.contains("== \(dump): 11 pieces"), "the good file is still parsed")
    }

    func testUsageErrorsExitTwo() throws {
        let none = try run([])
        XCTAssertEqual(none.status, 2)
        let noFiles = try run(["parse"])
        XCTAssertEqual(noFiles.status, 2)
        XCTAssertTrue(noFiles.err.contains("usage: archive parse FILE..."))
        let badFlag = try run(["parse", "--jsn", dump])
        XCTAssertEqual(badFlag.status, 2)
        XCTAssertTrue(badFlag.err.hasPrefix("archive: unknown option '--jsn'"))
        let badCommand = try run(["frobnicate"])
        XCTAssertEqual(badCommand.status, 2)
        XCTAssertTrue(badCommand.err.hasPrefix("archive: unknown command 'frobnicate'"))
        for (memory, message) in [("0", "--memory takes megabytes from 1 to 4096, not 0"), ("lots", "--memory needs a whole number, not 'lots'")] {
            let badMemory = try run(["ingest", dump, "--memory", memory, "--index", "/nonexistent/index"])
            XCTAssertEqual(badMemory.status, 2)
            XCTAssertTrue(badMemory.err.hasPrefix("archive: \(message)"), badMemory.err)
        }
    }
}
