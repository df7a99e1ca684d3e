import Foundation
import ParseCore

/// Locates the repository's fixtures from this source file, so tests run from any directory.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
    }

    static func files(in folder: String, suffix: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let e = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return e.compactMap { $0 as? String }.filter { $0.hasSuffix(suffix) }.sorted()
    }

    static func dumpNames() -> [String] { files(in: "dumps", suffix: ".txt") }

    /// Parses pages the way `archive parse` does: statistics of all of them first; with
    /// `conventionsOnly`, without the line model.
    static func parse(_ pages: [(source: String, text: String)], conventionsOnly: Bool = false) -> [Article] {
        var stats = LanguageStats()
        for p in pages { stats.add(text: p.text) }
        let parser = conventionsOnly ? PageParser(stats: stats, model: nil) : PageParser(stats: stats)
        return pages.flatMap { parser.parse($0.text, source: $0.source) }
    }

    /// Pages laid out by a generator, with the truth it wrote beside them (truth.jsonl).
    static func truthPages(_ folder: String) throws -> (pages: [(source: String, text: String)], answers: [(String, [GoldPiece])]) {
        var pages: [(source: String, text: String)] = []
        var answers: [(String, [GoldPiece])] = []
        for line in try text(folder + "/truth.jsonl").split(separator: "\n") {
            guard let doc = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let source = doc["source"] as? String else { continue }
            answers.append((source, (doc["articles"] as? [[String: Any]] ?? []).map(GoldPiece.init(json:))))
            pages.append((source, try text(folder + "/" + source)))
        }
        return (pages, answers)
    }

    /// Scores parsed pages against their truth.
    static func score(_ answers: [(String, [GoldPiece])], _ articles: [Article]) -> Scorer {
        var scorer = Scorer()
        for (source, gold) in answers {
            scorer.add(gold: gold, pred: articles.filter { $0.source == source }.map(GoldPiece.init))
        }
        return scorer
    }
}
