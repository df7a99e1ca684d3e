import Foundation

/// A small command-line reader: flags, options with a value, and positional arguments.
struct Arguments {
    private(set) var flags: Set<String> = []
    private(set) var values: [String: String] = [:]
    private(set) var positional: [String] = []

    /// - Parameters:
    ///   - flags: options that take no value, such as `--json`.
    ///   - options: options that take a value, such as `--limit 10` or `--limit=10`.
    init(_ args: [String], flags allowedFlags: Set<String>, options commandOptions: Set<String>, usage: String) throws(UsageError) {
        let options = commandOptions.union(["--color"])
        var i = 0
        var onlyPositional = false
        while i < args.count {
            let a = args[i]
            i += 1
            if onlyPositional || !a.hasPrefix("-") || a == "-" { positional.append(a); continue }
            if a == "--" { onlyPositional = true; continue }
            if a == "-h" || a == "--help" { flags.insert("--help"); continue }
            let (name, inline) = a.firstIndex(of: "=").map { (String(a[..<$0]), Optional(String(a[a.index(after: $0)...]))) } ?? (a, nil)
            if allowedFlags.contains(name), inline == nil {
                flags.insert(name)
            } else if options.contains(name) {
                if let inline { values[name] = inline; continue }
                guard i < args.count else { throw UsageError(message: "\(name) needs a value", usage: usage) }
                values[name] = args[i]
                i += 1
            } else {
                throw UsageError(message: "unknown option '\(shortened(a))' (a query starting with - goes after --)", usage: usage)
            }
        }
        if let c = values["--color"], !["always", "never", "auto"].contains(c) {
            throw UsageError(message: "--color takes always, never or auto, not '\(c)'", usage: usage)
        }
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

    func int(_ option: String, default d: Int, usage: String) throws(UsageError) -> Int {
        guard let v = values[option] else { return d }
        guard let n = Int(v), n >= 0 else { throw UsageError(message: "\(option) needs a whole number, not '\(v)'", usage: usage) }
        return n
    }
}
