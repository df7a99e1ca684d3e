import ArchiveIndex
import Foundation

/// Exit statuses shared by every command.
enum ExitCode {
    static let ok: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
}

struct UsageError: Error {
    let message: String
    let usage: String
}

let arguments = Array(CommandLine.arguments.dropFirst())
var status = ExitCode.ok
do {
    switch arguments.first {
    case nil, "-h", "--help", "help":
        print(Usage.main)
        if arguments.isEmpty { status = ExitCode.usage }
    case "--version", "-V":
        print(Usage.version)
    case "parse":
        status = try ParseCommand(arguments: Array(arguments.dropFirst())).run()
    case "ingest":
        status = try IngestCommand(arguments: Array(arguments.dropFirst())).run()
    case "search":
        status = try SearchCommand(arguments: Array(arguments.dropFirst())).run()
    case "count":
        status = try CountCommand(arguments: Array(arguments.dropFirst())).run()
    case "show":
        status = try ShowCommand(arguments: Array(arguments.dropFirst())).run()
    case "export":
        status = try ExportCommand(arguments: Array(arguments.dropFirst())).run()
    case "stats":
        status = try StatsCommand(arguments: Array(arguments.dropFirst())).run()
    case "verify":
        status = try VerifyCommand(arguments: Array(arguments.dropFirst())).run()
    case let other?:
        throw UsageError(message: "unknown command '\(other)'", usage: Usage.firstLine(Usage.main))
    }
} catch let e as UsageError {
    Console.error(e.message)
    FileHandle.standardError.write(Data((e.usage + "\n").utf8))
    status = ExitCode.usage
} catch let e as IndexError {
    Console.error(e.message)
    status = ExitCode.usage
} catch {
    Console.error("\(error)")
    status = ExitCode.failure
}
exit(status)
