import ArchiveIndex
import Foundation
import ParseCore

/// Exit statuses shared by every command.
enum ExitCode {
    static let ok: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    /// EX_TEMPFAIL of sysexits.h: another ingest holds the index; try again later.
    static let busy: Int32 = 75
    /// 128 + SIGINT, as shells report a process stopped by Ctrl-C.
    static let interrupted: Int32 = 130
}

struct UsageError: Error {
    let message: String
    let usage: String
}

/// Each command reads its own arguments and returns its exit status.
let commands: [String: ([String]) throws -> Int32] = [
    "parse": { try ParseCommand(arguments: $0).run() },
    "ingest": { try IngestCommand(arguments: $0).run() },
    "search": { try SearchCommand(arguments: $0).run() },
    "count": { try CountCommand(arguments: $0).run() },
    "kwic": { try KwicCommand(arguments: $0).run() },
    "collocates": { try CollocatesCommand(arguments: $0).run() },
    "show": { try ShowCommand(arguments: $0).run() },
    "export": { try ExportCommand(arguments: $0).run() },
    "unions": { try UnionsCommand(arguments: $0).run() },
    "stats": { try StatsCommand(arguments: $0).run() },
    "verify": { try VerifyCommand(arguments: $0).run() },
    "completions": { try CompletionsCommand(arguments: $0).run() },
    "manpage": { try ManPageCommand(arguments: $0).run() },
]

var status = ExitCode.ok
do {
    let line = try CommandLineParts(Array(CommandLine.arguments.dropFirst()))
    switch line.command {
    case nil, "-h", "--help":
        print(Usage.main)
        if line.command == nil { status = ExitCode.usage }
    case "help":
        // archive help CMD is archive CMD --help.
        guard let name = line.rest.first else { print(Usage.main); break }
        guard let command = commands[name] else {
            throw UsageError(message: "no command '\(shortened(name))' to help with", usage: Usage.mainUsageLine)
        }
        status = try command(["--help"])
    case "--version", "-V":
        print(Usage.version)
    case let name?:
        guard let command = commands[name] else {
            throw UsageError(message: "unknown command '\(shortened(name))'", usage: Usage.mainUsageLine)
        }
        // A build whose line model does not fit its features would parse worse without saying so.
        if ["parse", "ingest"].contains(name), let problem = PageParser.modelProblem {
            Console.error("cannot parse: \(problem)")
            status = ExitCode.failure
        } else {
            status = try command(line.global + line.rest)
        }
    }
} catch let e as UsageError {
    Console.error(e.message)
    FileHandle.standardError.write(Data((e.usage + "\n").utf8))
    status = ExitCode.usage
} catch let e as IndexError {
    Console.error(e.message)
    switch e.kind {
    case .busy: status = ExitCode.busy
    case .interrupted: status = ExitCode.interrupted
    case .failed: status = ExitCode.usage
    }
} catch {
    Console.error("\(error)")
    status = ExitCode.failure
}
exit(status)
