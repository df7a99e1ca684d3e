import XCTest
@testable import ParseCore

/// Every encoding and line end a dump may come in yields the same text, and so the same records.
final class EncodingTests: XCTestCase {
    private func utf16(_ s: String, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for u in s.utf16 { out += bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)] }
        return out
    }

    func testEveryEncodingAndLineEndOfEveryDumpGivesIdenticalRecords() throws {
        let parser = PageParser()
        for name in Fixtures.dumpNames() {
            let text = try Fixtures.text("dumps/" + name)
            let expected = parser.parse(text, source: name)
            let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
            let cr = text.replacingOccurrences(of: "\n", with: "\r")
            let gb = try Fixtures.bytes("encodings/" + name.replacingOccurrences(of: ".txt", with: ".gb18030.txt"))
            let variants: [(String, [UInt8], TextDecoding.Encoding)] = [
                ("UTF-8", Array(text.utf8), .utf8),
                ("UTF-8 with BOM", [0xEF, 0xBB, 0xBF] + Array(text.utf8), .utf8),
                ("UTF-8, CRLF", Array(crlf.utf8), .utf8),
                ("UTF-8, CR", Array(cr.utf8), .utf8),
                ("UTF-8 with BOM, CRLF", [0xEF, 0xBB, 0xBF] + Array(crlf.utf8), .utf8),
                ("UTF-16LE, CRLF", utf16(crlf, bigEndian: false), .utf16LE),
                ("UTF-16BE", utf16(text, bigEndian: true), .utf16BE),
                ("GB18030, CRLF", gb, .gb18030),
            ]
            for (label, bytes, encoding) in variants {
                let decoded = try TextDecoding.decodeDetecting(bytes)
                XCTAssertEqual(decoded.encoding, encoding, "\(name) \(label)")
                XCTAssertEqual(decoded.text, text, "\(name) \(label)")
                XCTAssertEqual(parser.parse(decoded.text, source: name), expected, "\(name) \(label)")
            }
        }
    }

    func testGB18030CoversTwoAndFourByteCodes() throws {
        // 工会 (two-byte), U+0080 and U+00A5 (four-byte, in the BMP), 𠀀 (four-byte, beyond it), ASCII.
        let bytes: [UInt8] = [0xB9, 0xA4, 0xBB, 0xE1, 0x81, 0x30, 0x81, 0x30, 0x81, 0x30, 0x84, 0x36,
                              0x95, 0x32, 0x82, 0x36, 0x41, 0xB9, 0xA4, 0xBB, 0xE1]
        let d = try TextDecoding.decodeDetecting(bytes)
        XCTAssertEqual(d.encoding, .gb18030)
        XCTAssertEqual(d.text, "工会\u{80}\u{A5}𠀀A工会")
    }

    func testATruncatedFinalSequenceIsTolerated() throws {
        let text = Array("工会职工".utf8)
        XCTAssertEqual(try TextDecoding.decode(text + [0xE5, 0xB7]), "工会职工")
        XCTAssertEqual(try TextDecoding.decode(utf16("工会", bigEndian: false) + [0x3D]), "工会")
        XCTAssertEqual(try TextDecoding.decode(utf16("工会", bigEndian: false) + [0x3D, 0xD8]), "工会", "half a surrogate pair")
    }

    func testAFewBadBytesAreToleratedAndManyAreRefusedWithTheirOffset() throws {
        let page = Array(String(repeating: "工会开展劳动竞赛,职工热情高涨。\n", count: 50).utf8)
        var damaged = page
        damaged[30] = 0xFF
        XCTAssertEqual(try TextDecoding.decodeDetecting(damaged).encoding, .utf8, "one bad byte in UTF-8 text")
        XCTAssertTrue(try TextDecoding.decode(damaged).contains("\u{FFFD}"))
        var junk = page
        for i in stride(from: 100, to: junk.count, by: 7) { junk[i] = 0xFF }
        XCTAssertThrowsError(try TextDecoding.decode(junk)) { e in
            let f = e as! TextDecoding.Failure
            XCTAssertEqual(f.offset, 100)
            XCTAssertTrue(f.description.hasPrefix("not text in UTF-8, UTF-16 or GB18030: invalid byte 0xFF at byte 100"), f.description)
        }
        XCTAssertThrowsError(try TextDecoding.decode([0x41, 0x42, 0x00, 0x43])) { e in
            XCTAssertEqual(e as? TextDecoding.Failure, TextDecoding.Failure(offset: 2, reason: "not text: NUL byte"))
        }
        XCTAssertThrowsError(try TextDecoding.decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00])) { e in
            XCTAssertEqual(e as? TextDecoding.Failure, TextDecoding.Failure(offset: 4, reason: "not text: NUL character"))
        }
    }
}
