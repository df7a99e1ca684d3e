import ArchiveIndex

/// Every command's usage, options included: the one table that parsing, help, shell
/// completions and the man page are all made from.
enum Usage {
    static let version = "archive 0.2.0"

    /// Shared by the commands that match text terms.
    static let exactScript = OptionSpec.flag("--exact-script", "match only the script typed: 工會 without 工会 (by default either\nscript, or a mix, finds both)")

    static let parse = CommandSpec(
        name: "parse", operands: "FILE...",
        summary: "split dumps into pieces without indexing them",
        about: """
        Splits each page dump into its printed pieces: articles and photos with their headline
        block, byline and paragraphs. Without --json, prints a readable outline of every piece;
        with --json, one {"articles": [...]} document in the record schema.

        A file that is missing, unreadable, a directory or not text is reported on stderr, the
        other files are still parsed, and the exit status is 1.
        """,
        options: [.flag("--json", "print records as JSON")],
        readsIndex: false, operandsArePaths: true)

    static let ingest = CommandSpec(
        name: "ingest", operands: "PATH...",
        summary: "parse dumps (files, or folders of *.txt) into the index",
        about: """
        Parses dumps into the index: files, and *.txt files in folders (recursively). A file is
        known by its real path, however it is reached; its source is that path relative to the
        archive's root (the folder above the first ingest's files and their date folders). Dates
        come from the whole path (2023/08/26/03.txt, grrb-20230826-03.txt, 2023-08-26/03.txt).
        Unchanged files are skipped; a changed file replaces its pieces; a copy of a file in the
        index is indexed once; a file moved is a move. Files that cannot be read are reported one
        line each, the rest is ingested, and the exit status is 1. An index with a damaged file is
        refused (exit 2) until rebuilt.

        One ingest writes an index at a time: a second waits for the first, or with --no-wait
        exits 75 at once. Ctrl-C stops an ingest before it commits (exit 130): the index stays as
        it was. Dumps may be UTF-8 (with or without BOM), UTF-16 with BOM or GB18030.
        """,
        options: [
            .flag("--prune", "drop the pieces of files that no longer exist"),
            .flag("--rebuild", "build the index anew from the paths given"),
            .flag("--no-wait", "exit 75 if another ingest is writing the index, instead of waiting"),
            .value("--memory", "MB", "postings held in memory before a segment is written (default 128); one\nsegment fills while the one before is written, so the ingest's peak is\nabout twice this plus 100-200 MB; its segments are merged at the end"),
            .flag("--json", "the summary as one object (files, pieces, linked articles, failures)"),
            .flag("--progress", "show progress on stderr (files, MB read, MB/s, time left) even when it is\nnot a terminal, as it is shown on one"),
        ], operandsArePaths: true)

    static let search = CommandSpec(
        name: "search", operands: "[QUERY]",
        alternatives: ["search --from FILE|- [--json]"],
        summary: "find pieces; exact substrings, ranked by BM25",
        about: """
        Query language:
          工会 劳动竞赛        every term must occur (exact substrings; Latin ignores case)
          工会 AND 劳动竞赛    the same
          "团结奋斗 喜迎"       a phrase, spaces included
          -广告, NOT 广告      exclude pieces containing a term
          工会 OR 职工         either term; (a OR b) c groups; AND binds tighter than OR
          headline:工匠        the term in the headline block
          reporter:王晓颖      a credited name (reporter, correspondent, photographer, author)
          union:安庆市总工会    a trade union by canonical name or any printed form (安庆市总,
                              全总), or every union in a place (union:厦门 finds 湖里区总工会 too)
          source:003          the dump's path
          kind:photo          photos (or kind:article)
          date:2023-08        a year, month or day, or a range date:2023-08-01..2023-09-30

        AND, OR and NOT are operators in upper case only: and, or and not are words. A Latin name
        before a colon that is no field (title:工匠) is an error; quoted ("title:工匠") it is text.

        Hits are ranked by BM25 (headline matches count triple), ties by date then archive order;
        --sort date lists them as the calendar does instead. Exit status 0 with hits, 1 without,
        2 on errors.
        """,
        options: [
            .value("--union", "NAME", "only pieces naming that union (or a union in that place); same as union:NAME"),
            exactScript,
            .value("--sort", "ORDER", "relevance (BM25, the default), date (oldest first) or -date (newest first);\nby date, undated pieces come last and a day's pieces by page, then as printed", choices: ["relevance", "date", "-date"]),
            .value("--limit", "N", "hits to show (default 10)"),
            .value("--offset", "N", "hits to skip"),
            .flag("--json", "one JSON record per hit, with its score and snippet"),
            .value("--from", "FILE", "one query per line (- for standard input); with --json one object per query.\nA line that cannot be read is reported on stderr with its line number (with\n--json, an object with query, line and error in its place), the others are\nanswered, and the exit status is 2", path: true),
        ])

    static let count = CommandSpec(
        name: "count", operands: "TERM...",
        alternatives: ["count --from FILE|- [same options]"],
        summary: "pieces and occurrences per term, by month or year, as a chart",
        about: """
        Prints term<TAB>pieces<TAB>occurrences for each term (any query, union:NAME included: its
        occurrences are the times the union is named). With --by, a header line and one column per
        month or year holding the pieces that period: every period from the index's first date to
        its last, zeros included. --json and --chart print different things: choose one.

        The number of pieces varies from month to month: --per 1000 shows each period's pieces
        per 1,000 pieces the archive holds in that period (to two places; "-" for a period with
        none), so that periods compare; --totals adds those pieces, a series of its own.
        """,
        options: [
            .value("--by", "PERIOD", "a column per month or year", choices: ["month", "year"]),
            exactScript,
            .value("--per", "N", "each period's pieces per N pieces of that period (a rate), in the table,\n--json, --chart and --svg"),
            .flag("--totals", "add the row of all pieces per period (without --per, which divides by it)"),
            .flag("--json", "one object per term: term, pieces, occurrences, and with --by its periods"),
            .flag("--chart", "the series drawn on the terminal, one row per term on one scale"),
            .value("--svg", "FILE", "the series as a standalone SVG line chart (by month unless --by year)", path: true),
            .value("--from", "FILE", "one term per line (- for standard input); a line that cannot be read is\nreported on stderr with its line number (with --json, an object with query,\nline and error in its place), the others are answered, and the exit status is 2", path: true),
        ])

    static let kwic = CommandSpec(
        name: "kwic", operands: "QUERY",
        summary: "every occurrence in its context, one line each",
        about: """
        Keyword in context: every occurrence of the query's words and phrases in the pieces it
        matches, one line each: date and page (or the path of a dump without a date), id, the text
        before, the keyword in a column of its own, the text after, aligned by display width (a
        CJK character takes two columns). The query's filters apply (kwic 劳动竞赛 date:2023
        union:安徽). Exit status 1 if none.
        """,
        options: [
            exactScript,
            .value("--width", "N", "characters of context on each side (default 20); context stops at the\nend of a headline or paragraph"),
            .value("--limit", "N", "the first N occurrences (default all)"),
            .value("--sort", "KEY", "date (oldest first, undated last, the default), left (by the words before the keyword,\nnearest first) or right (by the words after it)", choices: ["date", "left", "right"]),
            .flag("--json", "one object per occurrence: id, date, page, left, match, right"),
        ])

    static let collocates = CommandSpec(
        name: "collocates", operands: "TERM",
        summary: "the strings that occur near a term more often than chance",
        about: """
        The concordancer's second instrument: every string of 2 to 4 characters (Chinese, Latin
        letters or digits; none across punctuation or a space) lying wholly within --window
        characters before or after an occurrence of the term, in the pieces the query matches
        (its filters apply: collocates 工会 date:2023), each place in the text counted once.
        Those near at least --min times are scored against how often they occur in the whole
        archive: near, archive and the score, best first. Exit status 1 if none.
        """,
        options: [
            .value("--window", "N", "characters on each side (default 5, at most 50)"),
            .value("--min", "N", "times a string must occur near the term (default 3)"),
            .value("--measure", "M", "logdice (the default: 14 + log2(2·near / (term + string))), mi (mutual\ninformation, favours rare strings) or t (t-score, favours sure frequent ones)", choices: CollocationMeasure.allCases.map(\.rawValue)),
            .value("--limit", "N", "the best N (default 20; 0 for all)"),
            .flag("--json", "one object per collocate: collocate, near, archive and the score"),
        ])

    static let show = CommandSpec(
        name: "show", operands: "ID",
        summary: "one piece in full",
        about: """
        One piece in full: headline block, byline, paragraphs; or its record with --json. An article
        continued on another page ((下转第N版) … (上接第P版)) is shown whole from either part: both
        parts in order with the seam marked, or with --json both records, one a line.
        """,
        options: [.flag("--json", "the record (both records, one a line, for a continued article)")])

    static let export = CommandSpec(
        name: "export", operands: "[QUERY]",
        summary: "records as json, ndjson, csv or an Elasticsearch bulk body",
        about: """
        Every piece, or those matching QUERY, as records in archive order (or --sort): json is one
        {"articles": [...]} document, ndjson one record per line, es-bulk the body of an
        Elasticsearch/OpenSearch _bulk request, csv one row per piece (RFC 4180, a header row;
        id, date, page, source, kind, headline, kicker, subheadline, dateline, reporters,
        correspondents, photographers, authors, unions: names joined by ";", text: the
        paragraphs joined by a line break).
        """,
        options: [
            exactScript,
            .value("--format", "FORMAT", "json (the default), ndjson, es-bulk or csv", choices: ["json", "ndjson", "es-bulk", "csv"]),
            .value("--sort", "ORDER", "archive (the order of ingest, the default), date (oldest first, undated\nlast, then page and place on it) or -date (newest first)", choices: ["archive", "date", "-date"]),
            .value("--limit", "N", "the first N records of that order"),
            .flag("--bom", "with --format csv, start with a UTF-8 byte-order mark, which spreadsheets\nsuch as Excel need to read UTF-8"),
            .value("--output", "FILE", "write to FILE (whole, renamed into place at the end) instead of standard output", path: true),
            .flag("--join-continuations", "an article continued on another page as one record: the first part's\nfields, both parts' paragraphs, part_ids"),
        ])

    static let unions = CommandSpec(
        name: "unions", operands: "",
        summary: "the trade unions the pieces name, with counts",
        about: """
        The trade-union organisations the pieces name, most named first: canonical name, pieces,
        mentions, first and last date, and the place above it.
        """,
        options: [
            .value("--province", "NAME", "only those in one province (安徽 or 安徽省)"),
            .value("--limit", "N", "the first N (default all)"),
            .flag("--json", "one object per union"),
        ])

    static let stats = CommandSpec(
        name: "stats", operands: "",
        summary: "what the index holds",
        about: """
        Files, pieces by kind, date range, index size, the most credited reporters and the most
        named unions.
        """,
        options: [.flag("--json", "one object")])

    static let verify = CommandSpec(
        name: "verify", operands: "",
        summary: "check every index file against the manifest",
        about: """
        Checks every index file against the manifest (size and checksum). Exit status 1 if
        anything is wrong, with one line per problem.
        """,
        options: [.flag("--json", "{\"ok\", \"pieces\", \"problems\"}")])

    static let completions = CommandSpec(
        name: "completions", operands: "SHELL",
        summary: "a completion script for bash, zsh or fish",
        about: """
        Prints the completion script of a shell: commands, options, the values an option takes
        and file names where a path is wanted. Load it with
          source <(archive completions bash)
        or install it as `make install` does (bash-completion, zsh site-functions, fish).
        """,
        options: [], readsIndex: false, operandWords: Completions.shells)

    static let manpage = CommandSpec(
        name: "manpage", operands: "",
        summary: "the manual page, archive(1), in roff",
        about: """
        Prints archive(1), made from the same tables as each command's --help: man -l <(archive manpage).
        """,
        options: [], readsIndex: false)

    /// The commands in the order the general help lists them.
    static let commands = [ingest, search, count, kwic, collocates, show, export, unions, stats, verify, parse, completions, manpage]

    static var main: String {
        let column = commands.map { ($0.name + " " + $0.operands).count }.max()! + 4
        var out = """
        usage: archive <command> [options]

        A news-archive indexer for the page dumps of Workers' Daily (工人日报).

        commands:

        """
        for c in commands {
            out += "  " + (c.name + " " + c.operands).padding(toLength: column, withPad: " ", startingAt: 0) + c.summary + "\n"
        }
        out += """

        The index is --index DIR, else $ARCHIVE_INDEX, else ./archive-index; --index and --color
        may come before the command too (archive --index DIR search 工会).

        options:
          -h, --help                show help (also: archive help <command>, archive <command> --help)
          --version                 show the version
          --color WHEN              always, never or auto (the default: colour only on a terminal,
                                    and never when NO_COLOR is set); every command takes it
        """
        return out
    }

    static var mainUsageLine: String { "usage: archive <command> [options]" }
}
