import XCTest
@testable import ArchiveIndex

final class SearchTextTests: XCTestCase {
    func testFoldingIsOneUnitForOne() {
        XCTAssertEqual(SearchText.folded("ＡＢＣ１２３ａｂ　PPT"), SearchText.folded("abc123ab ppt"))
        XCTAssertEqual(SearchText.folded("工会，"), Array("工会,".utf16))
    }

    func testKeysCoverEveryWordLetter() {
        let keys = Set(SearchText.keys(SearchText.folded("工会,职")))
        let u = Array("工会职".utf16).map(UInt32.init)
        XCTAssertEqual(keys, [u[0] << 16 | u[1], u[2] << 16], "a pair, and a letter standing alone")
    }
}
