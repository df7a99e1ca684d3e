/// `archive manpage`: archive(1) in roff, made from the option tables (`make install` installs it).
struct ManPageCommand {
    let args: Arguments

    init(arguments: [String]) throws(UsageError) {
        args = try Arguments(arguments, spec: Usage.manpage)
        if !args.positional.isEmpty { throw UsageError(message: "manpage takes no arguments", usage: args.usage) }
    }

    func run() -> Int32 {
        if args.has("--help") { print(Usage.manpage.helpText); return ExitCode.ok }
        var out = Console()
        out.write(ManPage.page())
        out.flush()
        return ExitCode.ok
    }
}
