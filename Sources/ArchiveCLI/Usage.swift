/// Help texts. Each command's first line is its usage line, printed alone on usage errors.
enum Usage {
    static let version = "archive 0.2.0"

    static let main = """
    usage: archive <command> [options]

    A news-archive indexer for the page dumps of Workers' Daily (工人日报).

    commands:
      ingest PATH...            parse dumps (files, or folders of *.txt) into the index
      search QUERY              find pieces; exact substrings, ranked by BM25
      count TERM...             pieces and occurrences per term, by month or year, as a chart
      kwic QUERY                every occurrence in its context, one line each
      show ID                   one piece in full
      export [QUERY]            records as json, ndjson, csv or an Elasticsearch bulk body
      unions                    the trade unions the pieces name, with counts
      stats                     what the index holds
      verify                    check every index file against the manifest
      parse FILE...             split dumps into pieces without indexing them

    The index is --index DIR, else $ARCHIVE_INDEX, else ./archive-index.

    options:
      -h, --help                show help (also: archive <command> --help)
      --version                 show the version
      --color WHEN              always, never or auto (the default: colour only on a terminal,
                                and never when NO_COLOR is set); every command takes it
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

    static let ingest = """
    usage: archive ingest PATH... [--index DIR] [--prune] [--rebuild] [--no-wait] [--memory MB] [--json]

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

    options:
      --prune      drop the pieces of files that no longer exist
      --rebuild    build the index anew from the paths given
      --no-wait    exit 75 if another ingest is writing the index, instead of waiting
      --memory MB  postings held in memory before a segment is written (default 128); one
                   segment fills while the one before is written, so the ingest's peak is
                   about twice this plus 100-200 MB; its segments are merged at the end
      --json       the summary as one object (files, pieces, linked articles, failures)
      --index DIR  the index folder
    """

    static let search = """
    usage: archive search [QUERY] [--union NAME] [--limit N] [--offset N] [--json] [--index DIR]
           archive search --from FILE|- [--json]

    Query language:
      工会 劳动竞赛        every term must occur (exact substrings; Latin ignores case)
      工会 AND 劳动竞赛    the same
      "团结奋斗 喜迎"       a phrase, spaces included
      -广告, NOT 广告      exclude pieces containing a term
      工会 OR 职工         either term; (a OR b) c groups; AND binds tighter than OR
      headline:工匠        the term in the headline block
      reporter:王晓颖      a credited name (reporter, correspondent, photographer, author)
      union:安庆市总工会    a trade union by canonical name or any printed form (安庆市总),
                          or every union in a place (union:厦门 finds 湖里区总工会 too)
      source:003          the dump's path
      kind:photo          photos (or kind:article)
      date:2023-08        a year, month or day, or a range date:2023-08-01..2023-09-30

    AND, OR and NOT are operators in upper case only: and, or and not are words. A Latin name
    before a colon that is no field (title:工匠) is an error; quoted ("title:工匠") it is text.

    Hits are ranked by BM25 (headline matches count triple), ties by date then archive order.
    Exit status 0 with hits, 1 without, 2 on errors.

    options:
      --union NAME  only pieces naming that union (or a union in that place); same as union:NAME
      --limit N     hits to show (default 10)
      --offset N    hits to skip
      --json        one JSON record per hit, with its score and snippet
      --from FILE   one query per line (- for standard input); with --json one object per query.
                    A line that cannot be read is reported on stderr with its line number (with
                    --json, an object with query, line and error in its place), the others are
                    answered, and the exit status is 2
    """

    static let count = """
    usage: archive count TERM... [--by month|year] [--json | --chart] [--svg FILE] [--index DIR]
           archive count --from FILE|- [same options]

    Prints term<TAB>pieces<TAB>occurrences for each term (any query, union:NAME included: its
    occurrences are the times the union is named). With --by, a header line and one column per
    month or year holding the pieces that period: every period from the index's first date to
    its last, zeros included.
      --json        one object per term: term, pieces, occurrences, and with --by its periods
      --chart       the series drawn on the terminal, one row per term on one scale
      --svg FILE    the series as a standalone SVG line chart (by month unless --by year)
      --from FILE   one term per line (- for standard input); a line that cannot be read is
                    reported on stderr with its line number (with --json, an object with query,
                    line and error in its place), the others are answered, and the exit status is 2
    """

    static let kwic = """
    usage: archive kwic QUERY [--width N] [--limit N] [--sort date|left|right] [--json] [--index DIR]

    Keyword in context: every occurrence of the query's words and phrases in the pieces it
    matches, one line each: date and page (or the path of a dump without a date), id, the text
    before, the keyword in a column of its own, the text after, aligned by display width (a
    CJK character takes two columns). The query's filters apply (kwic 劳动竞赛 date:2023
    union:安徽). Exit status 1 if none.
      --width N     characters of context on each side (default 20); context stops at the
                    end of a headline or paragraph
      --limit N     the first N occurrences (default all)
      --sort KEY    date (oldest first, the default), left (by the words before the keyword,
                    nearest first) or right (by the words after it)
      --json        one object per occurrence: id, date, page, left, match, right
    """

    static let unions = """
    usage: archive unions [--province NAME] [--limit N] [--json] [--index DIR]

    The trade-union organisations the pieces name, most named first: canonical name, pieces,
    mentions, first and last date, and the place above it. --province keeps those in one
    province (安徽 or 安徽省); --limit shows the first N (default all).
    """

    static let show = """
    usage: archive show ID [--json] [--index DIR]

    One piece in full: headline block, byline, paragraphs; or its record with --json. An article
    continued on another page ((下转第N版) … (上接第P版)) is shown whole from either part: both
    parts in order with the seam marked, or with --json both records, one a line.
    """

    static let export = """
    usage: archive export [QUERY] [--format json|ndjson|es-bulk|csv] [--output FILE] [--join-continuations] [--index DIR]

    Every piece, or those matching QUERY, as records in archive order: json is one
    {"articles": [...]} document, ndjson one record per line, es-bulk the body of an
    Elasticsearch/OpenSearch _bulk request, csv one row per piece (RFC 4180, a header row;
    id, date, page, source, kind, headline, kicker, subheadline, dateline, reporters,
    correspondents, photographers, authors, unions: names joined by ";", text: the
    paragraphs joined by a line break). --join-continuations writes an article continued on
    another page as one record: the first part's fields, both parts' paragraphs, part_ids.
    """

    static let stats = """
    usage: archive stats [--json] [--index DIR]

    Files, pieces by kind, date range, index size, the most credited reporters and the most
    named unions.
    """

    static let verify = """
    usage: archive verify [--json] [--index DIR]

    Checks every index file against the manifest (size and checksum). Exit status 1 if
    anything is wrong, with one line per problem; --json prints {"ok", "pieces", "problems"}.
    """

    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n").first ?? "")
    }
}
