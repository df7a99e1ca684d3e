/// The man page, archive(1), in roff: made from the same option tables and help texts as
/// `--help`, so the two always say the same.
enum ManPage {
    /// Text as roff prints it literally: backslashes, hyphens and a leading dot or quote escaped.
    static func escape(_ line: Substring) -> String {
        var out = line.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }

    /// Paragraphs of help: flowing text filled, indented lines (tables, examples) kept as set.
    private static func paragraphs(_ text: String) -> String {
        var out = ""
        for para in text.components(separatedBy: "\n\n") {
            let lines = para.split(separator: "\n", omittingEmptySubsequences: false)
            let set = lines.contains { $0.hasPrefix(" ") }
            out += ".PP\n" + (set ? ".nf\n" : "")
            for l in lines { out += escape(l) + "\n" }
            out += set ? ".fi\n" : ""
        }
        return out
    }

    static func page() -> String {
        var s = """
        .TH ARCHIVE 1 "" "\(Usage.version)" "User Commands"
        .SH NAME
        archive \\- a news\\-archive indexer for the page dumps of Workers' Daily
        .SH SYNOPSIS
        .B archive
        [\\fB\\-\\-index\\fR \\fIDIR\\fR] [\\fB\\-\\-color\\fR \\fIWHEN\\fR] \\fIcommand\\fR [\\fIoptions\\fR]

        """
        s += ".SH DESCRIPTION\n" + paragraphs("""
        archive splits the raw text dumps of Workers' Daily (工人日报) into the pieces printed on them, \
        indexes them in a flat-file index, and answers searches, counts, keywords in context and \
        exports. The index is --index DIR, else $ARCHIVE_INDEX, else ./archive-index; --index and \
        --color may come before the command too.
        """)
        s += ".SH COMMANDS\n"
        for c in Usage.commands {
            s += ".SS \"\(escape(Substring(c.name)))\"\n.B \(escape(Substring(c.usageLine.dropFirst("usage: ".count))))\n"
            for a in c.alternatives { s += ".br\n.B archive \(escape(Substring(a)))\n" }
            s += paragraphs(c.about)
            for o in c.allOptions {
                s += ".TP\n\\fB\(escape(Substring(o.name)))\\fR" + (o.value.map { " \\fI\(escape(Substring($0)))\\fR" } ?? "") + "\n"
                s += o.help.split(separator: "\n").map(escape).joined(separator: "\n") + "\n"
            }
        }
        s += """
        .SH ENVIRONMENT
        .TP
        .B ARCHIVE_INDEX
        the index folder when \\fB\\-\\-index\\fR is not given
        .TP
        .B NO_COLOR
        when set and not empty, no colour unless \\fB\\-\\-color always\\fR
        .TP
        .B COLUMNS
        the width of \\fBcount \\-\\-chart\\fR
        .SH EXIT STATUS
        0 on success (for search, with hits); 1 when nothing matched or a file could not be read;
        2 on a usage error, a query that cannot be read or a damaged index; 75 when another ingest
        holds the index and \\fB\\-\\-no\\-wait\\fR was given; 130 when stopped by Ctrl\\-C.
        .SH SEE ALSO
        The README of the archive package, which shows every command with its output.

        """
        return s
    }
}
