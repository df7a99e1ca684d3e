import ArchiveIndex
import Foundation

/// `archive show ID [--json]`
struct ShowCommand {
    let args: Arguments
    init(arguments: [String]) throws(UsageError) {
        let usage = Usage.firstLine(Usage.show)
        args = try Arguments(arguments, flags: ["--json"], options: ["--index"], usage: usage)
        if args.positional.count != 1 && !args.has("--help") { throw UsageError(message: "show needs one id", usage: usage) }
    }

    func run() throws(IndexError) -> Int32 {
        if args.has("--help") { print(Usage.show); return ExitCode.ok }
        let archive = try openArchive(args)
        guard let ref = archive.find(id: args.positional[0]) else {
            Console.error("no piece with id \(args.positional[0]) in \(archive.dir)")
            return ExitCode.failure
        }
        let a = archive.article(ref)
        var out = Console()
        if args.has("--json") {
            out.write(a.json + "\n")
        } else {
            out.write(Layout.piece(a))
        }
        out.flush()
        return ExitCode.ok
    }
}
