import Foundation

/// A command's arguments read against its `CommandSpec`: flags, options with a value, and
/// positional arguments.
struct Arguments {
    private(set) var flags: Set<String> = []
    private(set) var values: [String: String] = [:]
    private(set) var positional: [String] = []
    let usage: String

    /// Options take their value as `--limit 10` or `--limit=10`; after `--` everything is positional.
    init(_ args: [String], spec: CommandSpec) throws(UsageError) {
        usage = spec.usageLine
        var i = 0
        var onlyPositional = false
        while i < args.count {
            let a = args[i]
            i += 1
            if onlyPositional || !a.hasPrefix("-") || a == "-" { positional.append(a); continue }
            if a == "--" { onlyPositional = true; continue }
            if a == "-h" { flags.insert("--help"); continue }
            let (name, inline) = a.firstIndex(of: "=").map { (String(a[..<$0]), Optional(String(a[a.index(after: $0)...]))) } ?? (a, nil)
            guard let option = spec.option(name), option.value != nil || inline == nil else {
                throw UsageError(message: "unknown option '\(shortened(a))' (a query starting with - goes after --)", usage: usage)
            }
            guard option.value != nil else { flags.insert(name); continue }
            let value: String
            if let inline {
                value = inline
            } else {
                guard i < args.count else { throw UsageError(message: "\(name) needs a value", usage: usage) }
                value = args[i]
                i += 1
            }
            if !option.choices.isEmpty, !option.choices.contains(value) {
                throw UsageError(message: "\(name) takes \(Self.list(option.choices)), not '\(shortened(value))'", usage: usage)
            }
            values[name] = value
        }
    }

    /// a, b or c.
    static func list(_ words: [String]) -> String {
        words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
    }

    /// Whether to colour standard output: --color always|never, or by default (auto) when it is
    /// a terminal and NO_COLOR is unset or empty (no-color.org).
    var colour: Bool {
        switch values["--color"] {
        case "always": return true
        case "never": return false
        default: return Console.stdoutIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        }
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }
    func value(_ option: String) -> String? { values[option] }

    func int(_ option: String, default d: Int) throws(UsageError) -> Int {
        guard let v = values[option] else { return d }
        guard let n = Int(v), n >= 0 else { throw UsageError(message: "\(option) needs a whole number, not '\(v)'", usage: usage) }
        return n
    }
}
