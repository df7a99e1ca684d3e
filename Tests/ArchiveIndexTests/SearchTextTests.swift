import ParseCore
import XCTest
@testable import ArchiveIndex

final class SearchTextTests: XCTestCase {
    func testFoldingIsOneUnitForOne() {
        XCTAssertEqual(SearchText.folded("ＡＢＣ１２３ａｂ　PPT"), SearchText.folded("abc123ab ppt"))
        XCTAssertEqual(SearchText.folded("工会，"), Array("工会,".utf16))
    }

    func testKeysCoverEveryWordLetter() {
        var keyed: [UInt64] = []
        SearchText.folded("工会,职").withUnsafeBufferPointer { SearchText.keys($0, base: 10, into: &keyed) }
        let u = Array("工会职".utf16).map(UInt64.init)
        XCTAssertEqual(keyed, [(u[0] << 16 | u[1]) << 32 | 10, u[2] << 48 | 13], "a pair, and a letter standing alone, at their positions")
    }

    func testStringsFromUTF16MatchTheStandardLibrarysDecoding() {
        var rng = SplitMix64(seed: 16)
        let pool: [UInt16] = [0x41, 0x0A, 0x7F, 0x80, 0x7FF, 0x800, 0x5DE5, 0xFFFD, 0xFFFF, 0xD840, 0xDC00, 0xDBFF, 0xDFFF]
        for _ in 0..<2_000 {
            let units = (0..<rng.below(12)).map { _ in pool[rng.below(pool.count)] }
            XCTAssertEqual(units.withUnsafeBufferPointer(SearchText.string), String(decoding: units, as: UTF16.self), "\(units)")
        }
    }

    func testUTF16FromUTF8MatchesTheStringsOwnView() {
        for s in ["", "abc", "工会ＡＢ©é", "𠀀𪚥 and 🙂", "混合 text，全角！\n第二行"] {
            var out: [UInt16] = [7]
            SearchText.appendUTF16(of: s, to: &out)
            XCTAssertEqual(out, [7] + Array(s.utf16), s)
        }
    }
}

final class TextCodeTests: XCTestCase {
    func testRoundTripAndSizes() {
        let sample = Array("工会工会职工的的的abc".utf16)
        let code = TextCode(sample: [sample])
        let text = Array("工会职工联合会，€𠀀".utf16)
        let bytes = code.encode(text)
        XCTAssertEqual(bytes.withUnsafeBufferPointer { code.decode($0) }, text)
        XCTAssertEqual(code.encode(Array("工会".utf16)).count, 2, "frequent letters take one byte each")
        XCTAssertEqual(code.encode(Array("€".utf16)).count, 3, "letters outside the table are escaped")
    }

    func testMatchesStartOnCodeBoundariesOnly() {
        // The first units fill the one-byte codes; the next gets a two-byte code whose second
        // byte equals the one-byte code of the 9th unit.
        let units = (0..<300).map { UInt16(0x4E00 + $0) }
        let code = TextCode(units: units)
        let twoByte = units[TextCode.oneByteCodes + 8]
        let bytes = code.encode([twoByte])
        XCTAssertEqual(bytes, [TextCode.firstLead, 8])
        let q = code.encode([units[8]])
        XCTAssertEqual(q, [8])
        XCTAssertEqual(bytes.withUnsafeBufferPointer { TextCode.count(q, in: $0) }, 0)
        let both = code.encode([twoByte, units[8], units[8]])
        XCTAssertEqual(both.withUnsafeBufferPointer { TextCode.count(q, in: $0) }, 2)
    }
}
