import Foundation
import XCTest

/// Each index file in turn truncated, bit-flipped and deleted: every command that reads the
/// index refuses with one line naming the file and the repair, `verify` lists it, and nothing
/// crashes or answers wrongly.
final class CorruptionTests: XCTestCase {
    private var dir = ""
    private var index: String { "\(dir)/index" }
    private let fm = FileManager.default

    override func setUpWithError() throws {
        dir = fm.temporaryDirectory.appendingPathComponent("archive-corrupt-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        XCTAssertEqual(try Runner.run(["ingest", "Fixtures/dumps", "--index", index]).status, 0)
    }

    override func tearDown() { try? fm.removeItem(atPath: dir) }

    private func damage(_ name: String, _ how: String) throws {
        let path = "\(index)/\(name)"
        switch how {
        case "truncated":
            let h = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
            try h.truncate(atOffset: h.seekToEnd() / 2)
            try h.close()
        case "flipped":
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let at = bytes.count / 2
            bytes[at] ^= 0x5A
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        default:
            try fm.removeItem(atPath: path)
        }
    }

    func testEveryIndexFileDamagedInEveryWayIsCaught() throws {
        let backup = "\(dir)/backup"
        try fm.copyItem(atPath: index, toPath: backup)
        let files = try fm.contentsOfDirectory(atPath: index)
            .filter { !["LOCK", "VERIFIED", "MANIFEST.json"].contains($0) }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 10)
        for name in files {
            for how in ["truncated", "flipped", "deleted"] {
                try damage(name, how)
                for args in [["search", "工会"], ["count", "工会"], ["unions"], ["export"]] {
                    let r = try Runner.run(args + ["--index", index])
                    XCTAssertEqual(r.status, 2, "\(name) \(how) \(args[0]): \(r.out.prefix(80))")
                    XCTAssertTrue(r.err.hasPrefix("archive: \(index)/\(name): "), "\(name) \(how): \(r.err)")
                    XCTAssertTrue(r.err.hasSuffix("the index is damaged, run 'archive ingest --rebuild'\n"), "\(name) \(how): \(r.err)")
                    XCTAssertEqual(r.err.split(separator: "\n").count, 1)
                }
                let v = try Runner.run(["verify", "--index", index])
                XCTAssertEqual(v.status, 1, "\(name) \(how)")
                XCTAssertTrue(v.err.contains("\(index)/\(name): "), "\(name) \(how): \(v.err)")
                try fm.removeItem(atPath: index)
                try fm.copyItem(atPath: backup, toPath: index)
            }
        }
        XCTAssertEqual(try Runner.run(["count", "工会", "--index", index]).out, "工会\t35\t342\n")
    }

    func testADamagedManifestIsRefusedAndTheRebuildRepairs() throws {
        let manifest = "\(index)/MANIFEST.json"
        try Data("{\"format\": 4, \"segm".utf8).write(to: URL(fileURLWithPath: manifest))
        let r = try Runner.run(["search", "工会", "--index", index])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.err, "archive: \(manifest): not a valid manifest; the index is damaged, run 'archive ingest --rebuild'\n")
        XCTAssertEqual(try Runner.run(["ingest", "--rebuild", "Fixtures/dumps", "--index", index]).status, 0)
        XCTAssertEqual(try Runner.run(["count", "工会", "--index", index]).out, "工会\t35\t342\n")
        XCTAssertEqual(try Runner.run(["verify", "--index", index]).status, 0)
    }

    func testAnIndexOfAnOlderFormatIsRefusedUntilRebuilt() throws {
        let manifest = "\(index)/MANIFEST.json"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        let current = try XCTUnwrap(text.range(of: #""format" : \d+"#, options: .regularExpression))
        try text.replacingCharacters(in: current, with: "\"format\" : 9").write(toFile: manifest, atomically: false, encoding: .utf8)
        let r = try Runner.run(["search", "工会", "--index", index])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.err, "archive: \(manifest): index format 9, this archive reads format 10; run 'archive ingest --rebuild'\n")
        XCTAssertEqual(try Runner.run(["ingest", "Fixtures/dumps", "--index", index]).status, 2, "a plain ingest refuses it too")
        XCTAssertEqual(try Runner.run(["ingest", "--rebuild", "Fixtures/dumps", "--index", index]).status, 0)
        XCTAssertEqual(try Runner.run(["count", "工会", "--index", index]).out, "工会\t35\t342\n")
    }

    /// An ingest does not build on a damaged file: it would vouch for it, and readers would
    /// answer from it. It stops naming the file and the repair, and the rebuild repairs.
    func testAnIngestIntoADamagedIndexStopsAndNothingIsServedFromIt() throws {
        let pages = "\(dir)/pages"
        try fm.copyItem(atPath: Runner.repo.appendingPathComponent("Fixtures/dumps").path, toPath: pages)
        XCTAssertEqual(try Runner.run(["ingest", pages, "--index", "\(dir)/own"]).status, 0)
        for name in ["seg-000001.codes", "seg-000001.post"] {
            let own = "\(dir)/own"
            try fm.copyItem(atPath: own, toPath: "\(dir)/saved")
            let path = "\(own)/\(name)"
            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            bytes[bytes.count / 3] ^= 0x01
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let changed = "\(pages)/002_5fe48f12d413154b.txt"
            let original = try String(contentsOfFile: changed, encoding: .utf8)
            try (original + "\n\n# 新增标题\n\n本报讯 全新的独特文字甲乙丙。\n").write(toFile: changed, atomically: false, encoding: .utf8)
            let r = try Runner.run(["ingest", pages, "--index", own])
            XCTAssertEqual(r.status, 2, name)
            XCTAssertEqual(r.err, "archive: \(path): checksum mismatch; the index is damaged, run 'archive ingest --rebuild'\n", name)
            for args in [["search", "工会"], ["count", "工会"]] {
                XCTAssertEqual(try Runner.run(args + ["--index", own]).status, 2, "\(name): readers keep refusing")
            }
            XCTAssertEqual(try Runner.run(["ingest", "--rebuild", pages, "--index", own]).status, 0)
            XCTAssertEqual(try Runner.run(["count", "全新的独特文字甲乙丙", "--index", own]).out, "全新的独特文字甲乙丙\t1\t1\n")
            XCTAssertEqual(try Runner.run(["verify", "--index", own]).status, 0)
            try original.write(toFile: changed, atomically: false, encoding: .utf8)
            try fm.removeItem(atPath: own)
            try fm.moveItem(atPath: "\(dir)/saved", toPath: own)
        }
    }

    /// The record of verified files is only a shortcut: damaged or gone, everything is checked again.
    func testADamagedRecordOfVerifiedFilesOnlyCostsACheck() throws {
        try Data("garbage\n".utf8).write(to: URL(fileURLWithPath: "\(index)/VERIFIED"))
        XCTAssertEqual(try Runner.run(["count", "工会", "--index", index]).out, "工会\t35\t342\n")
        try fm.removeItem(atPath: "\(index)/VERIFIED")
        XCTAssertEqual(try Runner.run(["count", "工会", "--index", index]).out, "工会\t35\t342\n")
        XCTAssertTrue(fm.fileExists(atPath: "\(index)/VERIFIED"), "written again by the reader")
    }
}
