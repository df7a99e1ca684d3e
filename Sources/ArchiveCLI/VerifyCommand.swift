import ArchiveIndex
import Foundation

/// `archive verify`
struct VerifyCommand {
    let args: Arguments
    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, flags: [], options: ["--index"], usage: Usage.firstLine(Usage.verify))
    }

    func run() throws(IndexError) -> Int32 {
        if args.has("--help") { print(Usage.verify); return ExitCode.ok }
        let (problems, pieces) = try Archive.verify(dir: indexDirectory(args))
        for p in problems { Console.error(p) }
        if problems.isEmpty {
            print("ok: \(pieces) pieces, every index file matches the manifest")
            return ExitCode.ok
        }
        Console.error("the index is damaged; rebuild it with 'archive ingest --rebuild PATH...'")
        return ExitCode.failure
    }
}
