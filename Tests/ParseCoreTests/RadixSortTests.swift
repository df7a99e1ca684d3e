@testable import ParseCore
import XCTest

final class RadixSortTests: XCTestCase {
    func testSortsLikeTheStandardLibrary() {
        var state: UInt64 = 7
        func next() -> UInt64 { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return state }
        for n in [0, 1, 63, 384, 385, 1000, 5000] {
            var narrow = (0..<n).map { _ in UInt32(truncatingIfNeeded: next() >> 17) }
            var wide = (0..<n).map { _ in next() }
            // Packed bigrams: high bytes shared by every key, which the sort skips.
            var packed = (0..<n).map { _ in (next() & 0xFFFF) << 21 | (next() & 0xFFFF) }
            let (en, ew, ep) = (narrow.sorted(), wide.sorted(), packed.sorted())
            RadixSort.sort(&narrow)
            RadixSort.sort(&wide)
            RadixSort.sort(&packed)
            XCTAssertEqual(narrow, en)
            XCTAssertEqual(wide, ew)
            XCTAssertEqual(packed, ep)
        }
    }

    /// Keys in order of their low halves (positions) come out in order of whole keys when
    /// sorted by their high halves alone, with many high halves shared, as a text's bigrams are.
    func testKeysInOrderOfLowHalvesSortWhole() {
        var state: UInt64 = 11
        func next() -> UInt64 { state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return state >> 20 }
        for n in [0, 1, 300, 385, 1000, 20_000] {
            var keys = (0..<n).map { i in (next() % 97) << 40 | (next() & 0xFF) << 32 | UInt64(i * 3 + Int(next() % 3)) }
            let expected = keys.sorted()
            RadixSort.sortInOrderOfLowHalves(&keys)
            XCTAssertEqual(keys, expected, "\(n) keys")
        }
    }
}
