/// Help texts. Each command's first line is its usage line, printed alone on usage errors.
enum Usage {
    static let version = "archive 0.1.0"

    static let main = """
    usage: archive <command> [options]

    A news-archive indexer for the page dumps of Workers' Daily (工人日报).

    commands:
      parse FILE... [--json]   split page dumps into articles, headlines and bylines

    options:
      -h, --help               show help (also: archive <command> --help)
      --version                show the version
    """

    static let parse = """
    usage: archive parse FILE... [--json]

    Splits each page dump into its printed pieces: articles and photos with their headline
    block, byline and paragraphs. Without --json, prints a readable outline of every piece;
    with --json, one {"articles": [...]} document in the record schema.

    A file that is missing, unreadable, a directory or not text is reported on stderr, the
    other files are still parsed, and the exit status is 1.

    options:
      --json       print records as JSON
      -h, --help   show this help
    """

    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n").first ?? "")
    }
}
