import Foundation
import ParseCore
import XCTest

/// The folding of traditional characters to simplified, as `Resources/script-folding.bin` has it.
final class ScriptFoldingTests: XCTestCase {
    func testTraditionalFormsFoldAndSimplifiedOnesStay() {
        XCTAssertEqual(ScriptFolding.folded("中華全國總工會 本報訊(記者劉旭 通訊員) 攝 臺灣 後來 頭髮 瞭解"),
                       "中华全国总工会 本报讯(记者刘旭 通讯员) 摄 台湾 后来 头发 了解")
        let simplified = "中华全国总工会本报讯记者摄什么后来里面台湾发展头发坏"
        XCTAssertEqual(ScriptFolding.folded(simplified), simplified, "a simplified character is never folded")
        XCTAssertEqual(ScriptFolding.folded("ＰＰＴ 𠀾 abc"), "ＰＰＴ 𠀾 abc", "only the script: width, case and other planes are left")
        XCTAssertEqual((0..<0x10000).filter { ScriptFolding.fold(UInt16($0)) != UInt16($0) }.count, 3449, "characters folded")
    }

    func testFoldingIsOneStepAndKeepsPositions() {
        for u in 0..<0x10000 {
            let f = ScriptFolding.fold(UInt16(u))
            XCTAssertEqual(ScriptFolding.fold(f), f, "folded twice: U+\(String(u, radix: 16))")
            if f != UInt16(u) {
                XCTAssertTrue(ScriptFolding.hasOtherForms(f))
                XCTAssertFalse(UTF16.isLeadSurrogate(f) || UTF16.isTrailSurrogate(f))
            }
        }
    }

    /// Fixtures/traditional holds the sample dumps as OpenCC prints them in traditional
    /// characters: folded, each is its original folded, character for character.
    func testTheTraditionalSamplesFoldToTheOriginals() throws {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("dumps").path).filter { $0.hasSuffix(".txt") }
        XCTAssertEqual(names.count, 5)
        for name in names {
            let original = try String(contentsOf: fixtures.appendingPathComponent("dumps/\(name)"), encoding: .utf8)
            let traditional = try String(contentsOf: fixtures.appendingPathComponent("traditional/\(name)"), encoding: .utf8)
            XCTAssertNotEqual(original, traditional, name)
            XCTAssertEqual(ScriptFolding.folded(traditional), ScriptFolding.folded(original), name)
        }
    }
}
