import ArchiveIndex
import Foundation

/// Where the index lives: --index DIR, else $ARCHIVE_INDEX, else ./archive-index.
func indexDirectory(_ args: Arguments) -> String {
    args.value("--index") ?? ProcessInfo.processInfo.environment["ARCHIVE_INDEX"] ?? "archive-index"
}

func openArchive(_ args: Arguments) throws(IndexError) -> Archive {
    try Archive.open(dir: indexDirectory(args))
}

func parseQuery(_ text: String, usage: String) throws(UsageError) -> Query {
    do { return try QueryParser.parse(text) } catch {
        throw UsageError(message: error.quoting(text), usage: usage)
    }
}

/// Text an error message quotes, cut to what fits on one line.
func shortened(_ s: String) -> String {
    s.count > QueryError.quoted ? String(s.prefix(QueryError.quoted)) + "…" : s
}
