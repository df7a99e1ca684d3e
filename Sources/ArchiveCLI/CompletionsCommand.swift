/// `archive completions bash|zsh|fish`: the shell's completion script, made from the option tables.
struct CompletionsCommand {
    let args: Arguments

    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, spec: Usage.completions)
        if !args.has("--help") && (args.positional.count != 1 || Completions.script(for: args.positional[0]) == nil) {
            throw UsageError(message: "completions takes one shell: \(Arguments.list(Completions.shells))", usage: args.usage)
        }
    }

    func run() -> Int32 {
        if args.has("--help") { print(Usage.completions.helpText); return ExitCode.ok }
        var out = Console()
        out.write(Completions.script(for: args.positional[0])!)
        out.flush()
        return ExitCode.ok
    }
}
