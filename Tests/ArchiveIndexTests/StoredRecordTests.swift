import Foundation
import XCTest
@testable import ArchiveIndex
import ParseCore

/// Records come back out of the index exactly as the parser made them.
final class StoredRecordTests: XCTestCase {
    func testRecordsRoundTripThroughTheIndex() throws {
        let dir = TestFixtures.temporaryDirectory("roundtrip")
        let dumps = TestFixtures.root.appendingPathComponent("dumps").path
        _ = try Ingester.run(index: dir, paths: [dumps])
        let archive = try Archive.open(dir: dir)
        var parsed: [Article] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dumps).sorted() {
            let text = try String(contentsOfFile: "\(dumps)/\(name)", encoding: .utf8)
            parsed += PageParser().parse(text, source: name)
        }
        let stored = archive.allDocs.map(archive.article)
        XCTAssertEqual(stored, parsed)
        XCTAssertEqual(archive.find(id: parsed[3].id).map(archive.article), parsed[3])
        XCTAssertNil(archive.find(id: "nonexistent-01"))
    }
}
