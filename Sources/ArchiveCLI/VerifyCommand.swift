import ArchiveIndex
import Foundation
import ParseCore

/// `archive verify [--json]`
struct VerifyCommand {
    let args: Arguments
    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, spec: Usage.verify)
    }

    func run() throws(IndexError) -> Int32 {
        if args.has("--help") { print(Usage.verify.helpText); return ExitCode.ok }
        let (problems, pieces) = try Archive.verify(dir: indexDirectory(args))
        if args.has("--json") {
            var w = JSONWriter()
            w.raw("{"); w.key("ok", first: true); w.raw(problems.isEmpty ? "true" : "false")
            w.key("pieces"); w.raw(String(pieces))
            w.key("problems"); w.strings(problems)
            w.raw("}\n")
            var out = Console()
            out.write(bytes: w.bytes)
            out.flush()
            return problems.isEmpty ? ExitCode.ok : ExitCode.failure
        }
        for p in problems { Console.error(p) }
        if problems.isEmpty {
            print("ok: \(pieces) pieces, every index file matches the manifest")
            return ExitCode.ok
        }
        Console.error("the index is damaged; rebuild it with 'archive ingest --rebuild PATH...'")
        return ExitCode.failure
    }
}
