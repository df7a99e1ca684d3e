import ArchiveIndex
import Foundation
import ParseCore

/// `archive show ID [--json]`: one piece, or both parts of an article continued on another page.
struct ShowCommand {
    let args: Arguments
    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, spec: Usage.show)
        if args.positional.count != 1 && !args.has("--help") { throw UsageError(message: "show needs one id", usage: args.usage) }
    }

    func run() throws(IndexError) -> Int32 {
        if args.has("--help") { print(Usage.show.helpText); return ExitCode.ok }
        let archive = try openArchive(args)
        guard let ref = archive.find(id: args.positional[0]) else {
            Console.error("no piece with id \(args.positional[0]) in \(archive.dir)")
            return ExitCode.failure
        }
        let parts = archive.wholeArticle(archive.record(ref))
        var out = Console()
        if args.has("--json") {
            for a in parts { out.write(a.json + "\n") }
        } else {
            out.write(Layout.piece(parts[0]))
            for a in parts.dropFirst() { out.write(Layout.seam(a) + Layout.body(a)) }
        }
        out.flush()
        return ExitCode.ok
    }
}

extension Archive {
    /// A piece and the other part of its article when the index has linked one: first part first.
    /// `locate` finds a part by id (by default one pass over the records).
    func wholeArticle(_ a: Article, locate: ((String) -> DocRef?)? = nil) -> [Article] {
        let find = locate ?? { self.find(id: $0) }
        if let rest = a.continuesToId.flatMap(find) { return [a, record(rest)] }
        if let first = a.continuedFromId.flatMap(find) { return [record(first), a] }
        return [a]
    }
}
