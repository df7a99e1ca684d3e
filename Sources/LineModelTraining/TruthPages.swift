import Foundation
import ParseCore

/// Pages with their true pieces: a folder `make_pages.py` wrote (dumps and `truth.jsonl`, one
/// page a line), or hand-checked `*.gold.json` files beside the folder of their dumps.
package struct TruthPage {
    /// The dump's path relative to its folder, as predictions name it.
    package let source: String
    package let text: String
    /// The true pieces, as `article.md` writes them.
    package let articles: [[String: Any]]

    /// Every page of a `make_pages.py` folder, in the order of its truth file.
    package static func folder(_ dir: String) throws -> [TruthPage] {
        let truth = try String(contentsOfFile: "\(dir)/truth.jsonl", encoding: .utf8)
        return try truth.split(separator: "\n").map { line in
            let page = try object(Data(line.utf8), "\(dir)/truth.jsonl")
            let source = page["source"] as? String ?? ""
            return TruthPage(source: source, text: try read("\(dir)/\(source)"), articles: page["articles"] as? [[String: Any]] ?? [])
        }
    }

    /// The gold files of `goldDir`, each with its dump from `dumpsDir`, by name.
    package static func gold(_ goldDir: String, dumps dumpsDir: String) throws -> [TruthPage] {
        let names = try FileManager.default.contentsOfDirectory(atPath: goldDir).filter { $0.hasSuffix(".gold.json") }.sorted()
        return try names.map { name in
            let path = "\(goldDir)/\(name)"
            let page = try object(try Data(contentsOf: URL(fileURLWithPath: path)), path)
            let source = (page["source"] as? String).map { ($0 as NSString).lastPathComponent } ?? ""
            return TruthPage(source: source, text: try read("\(dumpsDir)/\(source)"), articles: page["articles"] as? [[String: Any]] ?? [])
        }
    }

    private static func object(_ data: Data, _ path: String) throws -> [String: Any] {
        guard let o = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw TrainingError("\(path): not a page of truth") }
        return o
    }

    private static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw TrainingError("\(path): cannot be read") }
        return try TextDecoding.decode([UInt8](data))
    }
}

package struct TrainingError: Error, CustomStringConvertible {
    package let description: String
    package init(_ d: String) { description = d }
}
