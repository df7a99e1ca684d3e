import XCTest
@testable import ParseCore

/// A page's date and number come from its whole path, the nearest evidence first.
final class SourceInfoTests: XCTestCase {
    private func info(_ path: String) -> [String?] {
        let i = SourceInfo(path: path)
        return [i.date, i.page.map(String.init)]
    }

    func testEveryDatedLayout() {
        XCTAssertEqual(info("/x/dl/2023/08/26/03.txt"), ["2023-08-26", "3"])
        XCTAssertEqual(info("2023/08/grrb-20230826-03.txt"), ["2023-08-26", "3"])
        XCTAssertEqual(info("grrb-20230826-03.txt"), ["2023-08-26", "3"])
        XCTAssertEqual(info("/d/20230826/03.txt"), ["2023-08-26", "3"])
        XCTAssertEqual(info("/d/2023-08-26/p12.txt"), ["2023-08-26", "12"])
        XCTAssertEqual(info("/d/grrb-2023-08-26-05.txt"), ["2023-08-26", "5"])
        XCTAssertEqual(info("/d/1950/03/grrb-19500301.txt"), ["1950-03-01", nil])
    }

    func testTheNearestDateWins() {
        XCTAssertEqual(info("/d/2023/08/26/grrb-19900102-04.txt"), ["1990-01-02", "4"])
        XCTAssertEqual(info("/d/2023/08/26/20190101/01.txt"), ["2019-01-01", "1"])
    }

    func testWhatIsNotADate() {
        XCTAssertEqual(info("000_1614c2d990d87210.txt"), [nil, nil])
        XCTAssertEqual(info("/d/2023/02/30/01.txt"), [nil, nil], "no 30 February")
        XCTAssertEqual(info("/d/20231341-01.txt"), [nil, nil])
        XCTAssertEqual(info("/d/08/26/03.txt"), [nil, nil], "no year")
        XCTAssertEqual(info("/d/2024/02/29/01.txt"), ["2024-02-29", "1"], "a leap day")
    }

    func testDateFolders() {
        for name in ["2023", "08", "7", "20230826", "2023-08-26", "2023-08"] { XCTAssertTrue(SourceInfo.isDateFolder(name), name) }
        for name in ["dl", "pages", "123", "v2.1"] { XCTAssertFalse(SourceInfo.isDateFolder(name), name) }
    }
}
