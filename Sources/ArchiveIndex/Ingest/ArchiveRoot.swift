import ParseCore

/// The folder an index's sources are written relative to. It is chosen once, at the index's
/// first ingest, as the nearest folder above everything that ingest read, taken above any date
/// folders (2023/08/26): `ingest dl/2023/08` roots the archive at `dl`, so that August's
/// `2023/08/26/03.txt` and a later September's `2023/09/26/03.txt` never read alike. It never
/// moves afterwards, so a record's source is the same however its file was reached.
enum ArchiveRoot {
    /// The root for files at these real (absolute, resolved) paths.
    static func choose(for paths: [String]) -> String? {
        guard var common = paths.first.map(folders) else { return nil }
        for p in paths.dropFirst() { common.removeLast(common.count - shared(common, folders(p))) }
        while let last = common.last, SourceInfo.isDateFolder(last) { common.removeLast() }
        return "/" + common.joined(separator: "/")
    }

    /// How a record names the file at a real path: relative to the root, or through at most two
    /// `..` when it lies beside it, else absolute.
    static func source(of path: String, root: String) -> String {
        let r = root.split(separator: "/").map(String.init), p = path.split(separator: "/").map(String.init)
        let n = shared(r, Array(p.dropLast()))
        let up = r.count - n
        guard up <= 2 else { return path }
        return (Array(repeating: "..", count: up) + p[n...]).joined(separator: "/")
    }

    /// How many leading folders two paths share.
    private static func shared(_ a: [String], _ b: [String]) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }

    private static func folders(_ path: String) -> [String] {
        path.split(separator: "/").dropLast().map(String.init)
    }
}
