import ArchiveIndex
import Foundation
import ParseCore

/// `archive unions [--province NAME] [--limit N] [--json]`: the organisations an archive names.
struct UnionsCommand {
    let args: Arguments

    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, spec: Usage.unions)
        if !args.positional.isEmpty { throw UsageError(message: "unions takes no terms; filter with --province", usage: args.usage) }
    }

    func run() throws -> Int32 {
        if args.has("--help") { print(Usage.unions.helpText); return ExitCode.ok }
        let limit = try args.int("--limit", default: Int.max)
        var province: String?
        if let p = args.value("--province") {
            guard let official = Unions.province(of: p) else {
                throw UsageError(message: "--province: '\(p)' is not a province, region or municipality", usage: args.usage)
            }
            province = official
        }
        let counts = Array(try openArchive(args).unionCounts(province: province).prefix(limit))
        var out = Console()
        if args.has("--json") {
            var w = JSONWriter()
            for c in counts {
                w.clear()
                Self.json(c, into: &w)
                w.raw("\n")
                out.write(bytes: w.bytes)
            }
        } else {
            out.line("pieces\tmentions\tfirst\tlast\tunion\tplace")
            for c in counts {
                out.line("\(c.pieces)\t\(c.mentions)\t\(Self.iso(c.first) ?? "-")\t\(Self.iso(c.last) ?? "-")\t\(c.name)\t\(c.places.dropLast().joined(separator: " "))")
            }
        }
        out.flush()
        return counts.isEmpty ? ExitCode.failure : ExitCode.ok
    }

    static func iso(_ d: UInt32) -> String? {
        d == 0 ? nil : String(format: "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100)
    }

    static func json(_ c: UnionCount, into w: inout JSONWriter) {
        w.raw("{"); w.key("name", first: true); w.string(c.name)
        w.key("pieces"); w.raw(String(c.pieces))
        w.key("mentions"); w.raw(String(c.mentions))
        w.key("first_date"); w.optional(iso(c.first))
        w.key("last_date"); w.optional(iso(c.last))
        w.key("places"); w.strings(c.places)
        w.raw("}")
    }
}
