import Foundation
import XCTest
@testable import ParseCore

final class JSONWriterTests: XCTestCase {
    /// Numbers print exactly as Foundation's "%.4f" prints them, ties and near-ties included.
    func testNumbersPrintAsFormatDoes() {
        var rng = SplitMix64(seed: 4)
        var values: [Double] = [0, 1, 0.00005, 0.00015, 1.00005, 2.5, 9.99995, 12.34565, 1e-9, 123456.78915, 0.1 + 0.2]
        for _ in 0..<20_000 { values.append(Double(rng.next() % 100_000_000) / 1e6) }
        for _ in 0..<5_000 { values.append(Double(rng.next() % 1_000_000) / 1e4 + 0.00005) }
        for _ in 0..<5_000 { values.append(Double(rng.next() >> 11) / Double(1 << 53) * 40) }
        for d in [0, 1, 2, 4] {
            for x in values {
                var w = JSONWriter()
                w.number(x, decimals: d)
                XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), String(format: "%.\(d)f", x), "\(x), \(d) decimals")
            }
        }
    }

    /// Strings come out as a byte-by-byte escaper writes them, wherever in a run of eight the
    /// characters that need escaping fall.
    func testStringsAreEscapedWhereverTheSpecialBytesFall() throws {
        var rng = SplitMix64(seed: 5)
        let pieces: [String] = ["工", "会", "a", "Z", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", " ", "~", "é", "😀", "\u{7F}"]
        for _ in 0..<3_000 {
            let s = (0..<rng.below(40)).map { _ in pieces[rng.below(pieces.count)] }.joined()
            var w = JSONWriter()
            w.string(s)
            var expected = "\""
            for c in s.unicodeScalars {
                switch c {
                case "\"": expected += "\\\""
                case "\\": expected += "\\\\"
                case "\n": expected += "\\n"
                case "\r": expected += "\\r"
                case "\t": expected += "\\t"
                case _ where c.value < 0x20: expected += String(format: "\\u%04x", c.value)
                default: expected.unicodeScalars.append(c)
                }
            }
            expected += "\""
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), expected)
            let back = try JSONSerialization.jsonObject(with: Data(w.bytes), options: .fragmentsAllowed) as? String
            XCTAssertEqual(back, s)
        }
    }
}
