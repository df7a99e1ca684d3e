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

    /// Dumps whose bytes are not their text (GB18030, CRLF line ends) get the ids of their text,
    /// as `parse` gives them, not of their bytes: the ingest reuses a file's hash only for a file
    /// that is its text byte for byte.
    func testRecordsOfRecodedDumpsHaveTheirTextsIds() throws {
        let dir = TestFixtures.temporaryDirectory("recoded")
        let dumps = TestFixtures.root.appendingPathComponent("encodings").path
        _ = try Ingester.run(index: dir, paths: [dumps])
        let archive = try Archive.open(dir: dir)
        var parsed: [Article] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: dumps).sorted() where name.hasSuffix(".txt") {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "\(dumps)/\(name)")))
            let text = try TextDecoding.decode(bytes)
            XCTAssertNotEqual(Array(text.utf8), bytes, name)
            parsed += PageParser().parse(text, source: name)
        }
        XCTAssertFalse(parsed.isEmpty)
        XCTAssertEqual(archive.allDocs.map(archive.article).map(\.id), parsed.map(\.id))
    }
}

/// The checksum a file is written with is the one `verify` computes over the whole file.
final class ChecksumTests: XCTestCase {
    func testTheSumIsTheSameHoweverTheBytesArriveAndAnyDamageChangesIt() {
        var rng = SplitMix64(seed: 99)
        let bytes = (0..<10_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        func sum(_ b: [UInt8], chunks: Bool) -> UInt64 {
            var c = Checksum(), at = 0
            b.withUnsafeBytes { raw in
                while at < raw.count {
                    let n = chunks ? min(raw.count - at, 1 + rng.below(20)) : raw.count
                    c.add(UnsafeRawBufferPointer(rebasing: raw[at..<(at + n)]))
                    at += n
                }
            }
            return c.value
        }
        let whole = sum(bytes, chunks: false)
        for _ in 0..<20 { XCTAssertEqual(sum(bytes, chunks: true), whole) }
        for i in [0, 7, 8, 4_321, 9_999] {
            var damaged = bytes
            damaged[i] ^= 0x10
            XCTAssertNotEqual(sum(damaged, chunks: false), whole, "a flipped bit at \(i)")
        }
        XCTAssertNotEqual(sum(bytes + [0], chunks: false), whole, "a zero byte added")
        XCTAssertNotEqual(sum(Array(bytes.dropLast()), chunks: false), whole, "a byte cut")
    }
}
