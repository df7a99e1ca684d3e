import Foundation
import ParseCore

/// Articles printed in two parts, (下转第N版) and (上接第P版), linked at each ingest over every
/// jumping piece the catalog lists, so a part ingested later finds its other half. A small
/// file beside the catalog: pairs of ids, first part then continuation.
struct ContinuationLinks: Codable, Equatable {
    var pairs: [[String]]

    init(_ catalog: Catalog) {
        pairs = Continuations.link(catalog.entries.flatMap(\.jumps)).map { [$0.first, $0.rest] }
    }

    static func load(dir: String, file: Manifest.File?) throws(IndexError) -> ContinuationLinks? {
        guard let file else { return nil }
        let path = "\(dir)/\(file.name)"
        guard let data = FileManager.default.contents(atPath: path),
              let links = try? JSONDecoder().decode(ContinuationLinks.self, from: data), links.pairs.allSatisfy({ $0.count == 2 }) else {
            throw IndexError("\(path): not a valid list of links; the index is damaged, run 'archive ingest --rebuild'")
        }
        return links
    }

    func write(dir: String, name: String) throws(IndexError) -> Manifest.File {
        try Manifest.writeJSON(self, dir: dir, name: name)
    }
}
