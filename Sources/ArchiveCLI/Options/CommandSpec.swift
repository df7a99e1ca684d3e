/// One option of a command, written once: parsing, help, completions and the man page are
/// all made from it, so that they cannot drift apart.
struct OptionSpec {
    let name: String
    /// What the value is called in help (N, FILE); nil for a flag that takes none.
    let value: String?
    /// Help text; further lines go on under the first, indented to it.
    let help: String
    /// The only values accepted, when the option has a fixed set; shells complete them.
    var choices: [String] = []
    /// Whether the value is a path, so that shells complete file names.
    var path = false

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, value: nil, help: help)
    }

    static func value(_ name: String, _ value: String, _ help: String, choices: [String] = [], path: Bool = false) -> OptionSpec {
        OptionSpec(name: name, value: value, help: help, choices: choices, path: path)
    }

    /// The option as a synopsis shows it: --by month|year, --limit N, --json.
    var shown: String {
        guard let value else { return name }
        return "\(name) \(choices.isEmpty ? value : choices.joined(separator: "|"))"
    }
}

/// A command's usage, written once: its synopsis, what it does and its options.
struct CommandSpec {
    let name: String
    /// What follows the command's name on its usage line, before the options: QUERY, FILE...
    let operands: String
    /// Further usage lines, whole (`search --from FILE|- [--json]`).
    var alternatives: [String] = []
    /// The line the general help gives the command.
    let summary: String
    /// What the command does, as paragraphs of help.
    let about: String
    let options: [OptionSpec]
    /// Whether the command reads an index, and so takes --index DIR.
    var readsIndex = true
    /// What the operands are, for shells to complete: paths, a fixed set of words, or neither.
    var operandWords: [String] = []
    var operandsArePaths = false

    static let index = OptionSpec.value("--index", "DIR", "the index folder (else $ARCHIVE_INDEX, else ./archive-index)", path: true)
    static let color = OptionSpec.value("--color", "WHEN", "colour: always, never or auto (only on a terminal, and never when\nNO_COLOR is set)", choices: ["always", "never", "auto"])
    static let help = OptionSpec.flag("--help", "show this help (also -h, and archive help COMMAND)")

    /// Every option the command accepts, the shared ones last.
    var allOptions: [OptionSpec] { options + (readsIndex ? [Self.index] : []) + [Self.color, Self.help] }

    func option(_ name: String) -> OptionSpec? { allOptions.first { $0.name == name } }

    /// The first usage line, printed alone under a usage error.
    var usageLine: String {
        let words = ["usage: archive", name] + (operands.isEmpty ? [] : [operands]) + (options + (readsIndex ? [Self.index] : [])).map { "[\($0.shown)]" }
        return words.joined(separator: " ")
    }

    /// The whole help: usage lines, what the command does, its options in a column.
    var helpText: String {
        var out = usageLine + "\n"
        for a in alternatives { out += "       archive \(a)\n" }
        out += "\n" + about + "\n\noptions:\n"
        let column = allOptions.map { $0.name.count + ($0.value.map { $0.count + 1 } ?? 0) }.max()! + 3
        for o in allOptions {
            let head = "  " + o.name + (o.value.map { " " + $0 } ?? "")
            let lines = o.help.split(separator: "\n", omittingEmptySubsequences: false)
            out += head.padding(toLength: column + 2, withPad: " ", startingAt: 0) + lines[0] + "\n"
            for l in lines.dropFirst() { out += String(repeating: " ", count: column + 2) + l + "\n" }
        }
        return String(out.dropLast())
    }
}
