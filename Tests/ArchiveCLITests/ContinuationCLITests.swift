import Foundation
import XCTest

/// Articles continued on a later page of the same day ((下转第N版) … (上接第1版)), on real
/// articles laid out by make_pages.py (Fixtures/continuations: five such pairs and pages of
/// the same days without one).
final class ContinuationCLITests: XCTestCase {
    private var dir = ""
    private var index: String { "\(dir)/index" }
    private let fixture = Runner.repo.appendingPathComponent("Fixtures/continuations").path

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("archive-continuations-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func run(_ args: [String]) throws -> Runner.Result { try Runner.run(args) }

    private func records(_ extra: [String] = []) throws -> [[String: Any]] {
        let r = try run(["export", "--format", "ndjson", "--index", index] + extra)
        XCTAssertEqual(r.status, 0, r.err)
        return r.out.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    /// The true pairs: (source of the first part, source of the continuation).
    private func truePairs() throws -> Set<[String]> {
        var firsts: [(String, String, Int, Int)] = [], rests: [(String, String, Int, Int)] = []
        for line in try String(contentsOfFile: "\(fixture)/truth.jsonl", encoding: .utf8).split(separator: "\n") {
            let page = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let source = page["source"] as! String
            let day = String(source.split(separator: "-")[1]), number = Int(source.dropLast(4).split(separator: "-")[2])!
            for a in page["articles"] as! [[String: Any]] {
                if let to = a["continues_to"] as? Int { firsts.append((source, day, number, to)) }
                if let from = a["continued_from"] as? Int { rests.append((source, day, number, from)) }
            }
        }
        return Set(firsts.flatMap { f in rests.filter { $0.1 == f.1 && $0.2 == f.3 && $0.3 == f.2 }.map { [f.0, $0.0] } })
    }

    func testEveryPairIsLinkedAndNothingElse() throws {
        let ingest = try run(["ingest", fixture, "--json", "--index", index])
        XCTAssertEqual(ingest.status, 0)
        let summary = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(ingest.out.utf8)) as? [String: Any])
        XCTAssertEqual(summary["linked_articles"] as? Int, 5)
        XCTAssertEqual(summary["new_files"] as? Int, 14)
        let verify = try run(["verify", "--json", "--index", index])
        XCTAssertEqual(verify.status, 0)
        XCTAssertEqual(try XCTUnwrap(JSONSerialization.jsonObject(with: Data(verify.out.utf8)) as? [String: Any])["ok"] as? Bool, true)
        let recs = try records()
        let bySource = Dictionary(grouping: recs) { $0["source"] as! String }
        let pairs = try truePairs()
        XCTAssertEqual(pairs.count, 5)
        var linked = Set<[String]>()
        for r in recs {
            guard let rest = r["continues_to_id"] as? String else { continue }
            let continuation = try XCTUnwrap(recs.first { $0["id"] as? String == rest })
            XCTAssertEqual(continuation["continued_from_id"] as? String, r["id"] as? String, "links go both ways")
            linked.insert([r["source"] as! String, continuation["source"] as! String])
        }
        XCTAssertEqual(linked, pairs)
        XCTAssertEqual(recs.filter { $0["continues_to_id"] is String || $0["continued_from_id"] is String }.count, 10,
                       "no other piece is linked")
        XCTAssertTrue(bySource.values.joined().allSatisfy { $0.keys.contains("continues_to_id") && $0.keys.contains("continued_from_id") })
    }

    func testAHalfIngestedLaterFindsItsFirstPart() throws {
        let firsts = "\(dir)/firsts", all = "\(dir)/all"
        for (folder, keep) in [(firsts, { (p: String) in p.hasSuffix("-01.txt") }), (all, { (_: String) in true })] {
            for day in ["2019/02", "2019/10"] {
                try FileManager.default.createDirectory(atPath: "\(folder)/\(day)", withIntermediateDirectories: true)
                for name in try FileManager.default.contentsOfDirectory(atPath: "\(fixture)/\(day)") where keep(name) {
                    try FileManager.default.copyItem(atPath: "\(fixture)/\(day)/\(name)", toPath: "\(folder)/\(day)/\(name)")
                }
            }
        }
        XCTAssertEqual(try run(["ingest", firsts, "--index", index]).status, 0)
        XCTAssertTrue(try records().allSatisfy { $0["continues_to_id"] is NSNull }, "nothing to link yet")
        XCTAssertEqual(try run(["ingest", all, "--index", index]).status, 0)
        XCTAssertEqual(try records().filter { $0["continues_to_id"] is String }.count, 5)
    }

    func testShowPrintsTheWholeArticleAndExportCanJoinIt() throws {
        XCTAssertEqual(try run(["ingest", fixture, "--index", index]).status, 0)
        let recs = try records()
        let first = try XCTUnwrap(recs.first { $0["continues_to_id"] is String && ($0["source"] as? String)?.contains("20191018") == true })
        let restId = first["continues_to_id"] as! String
        let rest = try XCTUnwrap(recs.first { $0["id"] as? String == restId })
        for id in [first["id"] as! String, restId] {
            let shown = try run(["show", id, "--index", index])
            XCTAssertEqual(shown.status, 0)
            let firstLine = (first["paragraphs"] as! [String])[0], lastLine = (rest["paragraphs"] as! [String]).last!
            let seam = try XCTUnwrap(shown.out.range(of: "——— 上接第1版 · continued on page 18 · \(restId) ———"))
            XCTAssertLessThan(try XCTUnwrap(shown.out.range(of: firstLine)).lowerBound, seam.lowerBound)
            XCTAssertGreaterThan(try XCTUnwrap(shown.out.range(of: lastLine)).lowerBound, seam.upperBound)
            let json = try run(["show", id, "--json", "--index", index]).out.split(separator: "\n")
            XCTAssertEqual(json.map { (try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["id"] as! String },
                           [first["id"] as! String, restId])
        }
        let joined = try records(["--join-continuations"])
        XCTAssertEqual(joined.count, recs.count - 5)
        let whole = try XCTUnwrap(joined.first { $0["id"] as? String == first["id"] as? String })
        XCTAssertEqual(whole["part_ids"] as? [String], [first["id"] as! String, restId])
        XCTAssertEqual(whole["paragraphs"] as? [String], (first["paragraphs"] as! [String]) + (rest["paragraphs"] as! [String]))
        XCTAssertFalse(joined.contains { $0["id"] as? String == restId })
    }
}
