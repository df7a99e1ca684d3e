import ParseCore

/// `archive parse FILE... [--json]`: parses dumps without indexing them.
struct ParseCommand {
    let files: [String]
    let json: Bool
    let help: Bool

    init(arguments: [String]) throws(UsageError) {
        let args = try Arguments(arguments, spec: Usage.parse)
        help = args.has("--help")
        json = args.has("--json")
        files = args.positional
        if files.isEmpty && !help { throw UsageError(message: "parse needs at least one file", usage: args.usage) }
    }

    func run() -> Int32 {
        if help { print(Usage.parse.helpText); return ExitCode.ok }
        // Two passes, reading each file twice rather than holding every text at once: the
        // first gathers the batch's character statistics, the second parses with them.
        var readable: [String] = []
        var stats = LanguageStats()
        for path in files {
            do {
                stats.add(text: try DumpReader.read(path))
                readable.append(path)
            } catch {
                Console.error(error.message)
            }
        }
        var failed = readable.count < files.count
        let parser = PageParser(stats: stats)
        var out = Console()
        var w = JSONWriter()
        if json { out.write("{\"articles\":[") }
        var first = true
        for path in readable {
            let text: String
            do { text = try DumpReader.read(path) } catch {
                Console.error(error.message)
                failed = true
                continue
            }
            let articles = parser.parse(text, source: path)
            if json {
                for a in articles {
                    w.clear()
                    if !first { w.raw(",") }
                    w.raw("\n")
                    a.writeJSON(to: &w)
                    out.write(bytes: w.bytes)
                    first = false
                }
            } else {
                out.write(Outline.page(path: path, articles: articles))
            }
        }
        if json { out.write("\n]}\n") }
        out.flush()
        return failed ? ExitCode.failure : ExitCode.ok
    }
}
