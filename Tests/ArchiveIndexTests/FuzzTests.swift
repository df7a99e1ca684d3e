import Foundation
import XCTest
@testable import ArchiveIndex
@testable import ParseCore

/// Mutated dumps, in every encoding, through the parser and the index: for FUZZ_SECONDS seconds
/// (`make fuzz`; a few seconds in `make test`), rounds of damaged pages are ingested, and each
/// round must verify clean and count random substrings exactly as a scan of its records does.
final class FuzzTests: XCTestCase {
    func testMutatedDumpsThroughParserAndIndex() throws {
        let seconds = Double(ProcessInfo.processInfo.environment["FUZZ_SECONDS"] ?? "") ?? 4
        let seed = UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 11
        var rng = SplitMix64(seed: seed)
        let originals = try FileManager.default.contentsOfDirectory(atPath: TestFixtures.root.appendingPathComponent("dumps").path)
            .sorted().map { try String(contentsOf: TestFixtures.root.appendingPathComponent("dumps/\($0)"), encoding: .utf8) }
        let started = Date()
        var round = 0
        repeat {
            let dir = TestFixtures.temporaryDirectory("fuzz")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            try FileManager.default.createDirectory(atPath: "\(dir)/dumps", withIntermediateDirectories: true)
            for page in 0..<6 {
                let bytes = Self.mutate(originals[rng.below(originals.count)], &rng)
                try Data(bytes).write(to: URL(fileURLWithPath: "\(dir)/dumps/p\(page).txt"))
            }
            let summary = try Ingester.run(index: "\(dir)/index", paths: ["\(dir)/dumps"])
            XCTAssertEqual(summary.newFiles + summary.failures.count, 6, "round \(round)")
            XCTAssertEqual(try Archive.verify(dir: "\(dir)/index").problems, [], "round \(round)")
            let archive = try Archive.open(dir: "\(dir)/index")
            let records = archive.allDocs.map(archive.article)
            let searcher = Searcher(archive: archive)
            for _ in 0..<10 {
                guard let text = records.randomElement(using: &rng).flatMap({ TestFixtures.searchableFields($0).randomElement(using: &rng) }) else { break }
                let scalars = Array(text.unicodeScalars)
                guard scalars.count >= 2 else { continue }
                let start = rng.below(scalars.count - 1)
                var v = String.UnicodeScalarView()
                v.append(contentsOf: scalars[start..<min(scalars.count, start + 2 + rng.below(4))])
                let needle = String(v)
                guard !needle.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\"" || $0 == " " }) else { continue }
                let expected = records.filter { r in TestFixtures.searchableFields(r).contains { Searcher.contains(SearchText.folded(needle), in: $0) } }.count
                XCTAssertEqual(searcher.count(.text(needle, .all)).pieces, expected, "round \(round): \(needle)")
            }
            round += 1
        } while Date().timeIntervalSince(started) < seconds
        print("fuzz: \(round) rounds in \(Int(Date().timeIntervalSince(started))) s, seed \(seed)")
    }

    /// A page damaged at the level of characters, then written in a random encoding and line
    /// end, and sometimes damaged again byte by byte.
    static func mutate(_ page: String, _ rng: inout SplitMix64) -> [UInt8] {
        var s = Array(page.unicodeScalars)
        let noise: [Unicode.Scalar] = ["\n", "#", "*", "(", ")", "“", "”", "。", ",", "—", " ", "摄", "总", "工", "会", "市", "\u{FEFF}", "\r", "ａ"]
        for _ in 0..<(1 + rng.below(40)) where !s.isEmpty {
            let i = rng.below(s.count)
            switch rng.below(4) {
            case 0: s[i] = noise[rng.below(noise.count)]
            case 1: s.remove(at: i)
            case 2: s.insert(contentsOf: s[i..<min(s.count, i + rng.below(60))], at: rng.below(s.count))
            default: s.insert(Unicode.Scalar(UInt32(0x4E00 + rng.below(0x5000)))!, at: i)
            }
        }
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s)
        var text = String(v)
        if rng.below(3) == 0 { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        var bytes: [UInt8]
        switch rng.below(4) {
        case 0: bytes = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case 1: bytes = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        default: bytes = Array(text.utf8)
        }
        if rng.below(4) == 0 {
            for _ in 0..<(1 + rng.below(3)) where !bytes.isEmpty { bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.next()) }
        }
        if rng.below(5) == 0 { bytes = Array(bytes.prefix(rng.below(bytes.count + 1))) }
        return bytes
    }
}
