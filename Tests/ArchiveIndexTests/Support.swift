import Foundation
import XCTest
@testable import ArchiveIndex
import ParseCore

enum TestFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func temporaryDirectory(_ name: String) -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("archive-\(name)-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        TemporaryDirectories.shared.add(dir)
        return dir
    }

    /// An index of small pages written for a test: file name to text.
    static func index(_ name: String, pages: [String: String]) -> String {
        let dir = temporaryDirectory(name)
        for (file, text) in pages { try! text.write(toFile: "\(dir)/\(file)", atomically: false, encoding: .utf8) }
        _ = try! Ingester.run(index: "\(dir)/index", paths: [dir])
        return "\(dir)/index"
    }

    /// The synthetic archive indexed once for all the tests that only read it.
    nonisolated(unsafe) static var synthetic: Archive = {
        let dir = temporaryDirectory("synthetic-index")
        _ = try! Ingester.run(index: dir, paths: [root.appendingPathComponent("synthetic").path])
        return try! Archive.open(dir: dir)
    }()

    /// Pages of ten pieces each dealt from the headlines and paragraphs of `Fixtures/real-articles`
    /// (People's Daily articles), named by date and page, so that an archive has a national
    /// daily's vocabulary, punctuation, digits and Latin.
    static func writeRealPages(_ count: Int, seed: UInt64, first: Int = 0, to dir: String) throws {
        let truth = try String(contentsOf: root.appendingPathComponent("real-articles/truth.jsonl"), encoding: .utf8)
        var headlines: [String] = [], paragraphs: [String] = []
        for line in truth.split(separator: "\n") {
            let page = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for a in page["articles"] as? [[String: Any]] ?? [] {
                if let h = a["headline"] as? String { headlines.append(h) }
                paragraphs += (a["paragraphs"] as? [String] ?? []).filter { $0.count > 20 }
            }
        }
        XCTAssertGreaterThan(paragraphs.count, 1_000)
        var rng = SplitMix64(seed: seed)
        for p in first..<(first + count) {
            let pieces = (0..<10).map { _ in
                "# \(headlines[rng.below(headlines.count)])\n\n" + (0..<(2 + rng.below(2))).map { _ in paragraphs[rng.below(paragraphs.count)] }.joined(separator: "\n\n")
            }
            let name = String(format: "grrb-%04d%02d%02d-%02d.txt", 1990 + p / 100, p / 8 % 12 + 1, p % 28 + 1, p % 8 + 1)
            try (pieces.joined(separator: "\n\n\n") + "\n").write(toFile: "\(dir)/\(name)", atomically: false, encoding: .utf8)
        }
    }

    /// `length` characters from a random place in `text`; nil when it is not longer than that.
    static func randomPiece(of text: String, length: Int, rng: inout SplitMix64) -> String? {
        let field = Array(text.unicodeScalars)
        guard field.count > length else { return nil }
        let start = rng.below(field.count - length)
        var v = String.UnicodeScalarView()
        v.append(contentsOf: field[start..<(start + length)])
        return String(v)
    }

    /// Records holding `q` and its non-overlapping occurrences in them, by Foundation's literal
    /// string search: the brute force the index is checked against, sharing no code with it.
    static func literalCount(_ q: String, in records: [String]) -> (pieces: Int, occurrences: Int) {
        var pieces = 0, occurrences = 0
        for r in records {
            var n = 0, from = r.startIndex
            while let hit = r.range(of: q, options: .literal, range: from..<r.endIndex) { n += 1; from = hit.upperBound }
            if n > 0 { pieces += 1; occurrences += n }
        }
        return (pieces, occurrences)
    }

    /// The searchable text of a record exactly as the index defines it, for brute-force checks.
    static func searchableFields(_ a: Article) -> [String] {
        [a.headline, a.kicker, a.subheadline, a.column, a.summary].compactMap { $0 } + a.allNames + a.paragraphs
    }
}

/// Removes the folders the tests made once the whole bundle has run: indexes shared by many
/// tests cannot go in a tearDown, and nothing should be left behind in the temporary folder.
final class TemporaryDirectories: NSObject, XCTestObservation, @unchecked Sendable {
    static let shared: TemporaryDirectories = {
        let o = TemporaryDirectories()
        XCTestObservationCenter.shared.addTestObserver(o)
        return o
    }()

    private let lock = NSLock()
    private var made: [String] = []

    func add(_ dir: String) { lock.withLock { made.append(dir) } }

    func testBundleDidFinish(_ testBundle: Bundle) {
        for dir in lock.withLock({ made }) { try? FileManager.default.removeItem(atPath: dir) }
    }
}
