import XCTest
@testable import ParseCore

/// Mutated, shuffled and truncated dumps must never crash or hang the parser.
final class RobustnessTests: XCTestCase {
    private func dumps() throws -> [[UInt8]] {
        try Fixtures.dumpNames().map { Array(try Fixtures.text("dumps/" + $0).utf8) }
    }

    /// Whatever the bytes, decoding either fails with an offset inside the file or yields text
    /// the parser turns into pieces whose paragraphs are never empty.
    private func check(_ bytes: [UInt8], _ parser: PageParser) {
        do {
            let text = try TextDecoding.decode(bytes)
            for a in parser.parse(text, source: "fuzz.txt") {
                XCTAssertFalse(a.paragraphs.contains(""))
                XCTAssertFalse(a.json.isEmpty)
            }
        } catch {
            XCTAssertTrue((0...bytes.count).contains(error.offset))
        }
    }

    /// Raw byte damage mostly yields invalid UTF-8, which must be refused with an offset.
    func testRandomByteMutations() throws {
        var rng = SplitMix64(seed: 1)
        let parser = PageParser()
        for original in try dumps() {
            for _ in 0..<20 {
                var b = original
                for _ in 0..<(1 + rng.below(30)) {
                    let i = rng.below(b.count)
                    switch rng.below(3) {
                    case 0: b[i] = UInt8(truncatingIfNeeded: rng.next())
                    case 1: b.remove(at: i)
                    default: b.insert(b[rng.below(b.count)], at: i)
                    }
                }
                check(b, parser)
            }
        }
    }

    /// Damage at the level of characters keeps the text valid, so the parser itself is exercised:
    /// characters replaced, dropped, duplicated, and markup or brackets sprinkled in.
    func testRandomCharacterMutations() throws {
        var rng = SplitMix64(seed: 3)
        let parser = PageParser()
        let noise: [Unicode.Scalar] = ["\n", "#", "*", "(", ")", "“", "”", "。", ",", "—", " ", "摄", "本", "讯", "工"]
        for original in try dumps() {
            let scalars = Array(String(decoding: original, as: UTF8.self).unicodeScalars)
            for _ in 0..<20 {
                var s = scalars
                for _ in 0..<(1 + rng.below(60)) {
                    let i = rng.below(s.count)
                    switch rng.below(4) {
                    case 0: s[i] = noise[rng.below(noise.count)]
                    case 1: s.remove(at: i)
                    case 2: s.insert(s[rng.below(s.count)], at: i)
                    default: s.insert(contentsOf: s[i..<min(s.count, i + rng.below(40))], at: rng.below(s.count))
                    }
                }
                var v = String.UnicodeScalarView()
                v.append(contentsOf: s)
                check(Array(String(v).utf8), parser)
            }
        }
    }

    func testLineShufflesAndTruncations() throws {
        var rng = SplitMix64(seed: 2)
        let parser = PageParser()
        for original in try dumps() {
            let lines = original.split(separator: 0x0A, omittingEmptySubsequences: false)
            for _ in 0..<12 {
                var shuffled = lines
                for i in stride(from: shuffled.count - 1, to: 0, by: -1) { shuffled.swapAt(i, rng.below(i + 1)) }
                check(Array(shuffled.joined(separator: [0x0A])), parser)
                check(Array(original.prefix(rng.below(original.count))), parser)
            }
        }
    }

    func testDegenerateInputs() {
        let parser = PageParser()
        for text in ["", "\n\n\n", "#", "**", "(上接第1版)", "阅读提示", "本报讯(", "本报记者 摄",
                     String(repeating: "工", count: 200_000), String(repeating: "职工。\n\n", count: 5_000),
                     String(repeating: "# 标题\n", count: 2_000), "(上接第99999999999999999999版)"] {
            for a in parser.parse(text, source: "x") { XCTAssertFalse(a.paragraphs.contains("")) }
        }
    }
}
