/// What a dump's path says about it: the issue date and page. The nearest evidence to the file
/// wins: a date in the file's own name (grrb-20230826-03.txt, 2023-08-26-03.txt), then a folder
/// named by a date (20230826/03.txt, 2023-08-26/03.txt), then year, month and day folders
/// (2023/08/26/03.txt). The page is the number after the date in the name, or the name's number.
public struct SourceInfo: Equatable, Sendable {
    public var date: String?
    public var page: Int?

    public init(path: String) {
        var parts = path.split(separator: "/").map(String.init)
        guard let name = parts.popLast() else { return }
        let stem = name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
        let groups = Self.digitGroups(stem)
        if let (iso, next) = Self.date(in: groups) {
            date = iso
            if next < groups.count, let p = Self.pageNumber(groups[next].digits) { page = p }
            return
        }
        for (k, folder) in parts.enumerated().reversed() {
            if let (iso, _) = Self.date(in: Self.digitGroups(folder)) { date = iso; break }
            if k >= 2, let y = Self.number(parts[k - 2], digits: 4...4), let m = Self.number(parts[k - 1], digits: 1...2),
               let d = Self.number(folder, digits: 1...2), let iso = Self.iso(y, m, d) {
                date = iso
                break
            }
        }
        // The page of a dated folder's file is its name's last short number (03.txt, p03.txt).
        if date != nil, let last = groups.last { page = Self.pageNumber(last.digits) }
    }

    /// A run of digits in a name, and whether a '-' joins it to the next run.
    private struct Group { var digits: Substring; var dashNext: Bool }

    private static func digitGroups(_ s: String) -> [Group] {
        var out: [Group] = []
        var i = s.startIndex
        while i < s.endIndex {
            guard s[i].isASCII, s[i].isNumber else { i = s.index(after: i); continue }
            let start = i
            while i < s.endIndex, s[i].isASCII, s[i].isNumber { i = s.index(after: i) }
            let dash = i < s.endIndex && s[i] == "-" && s.index(after: i) < s.endIndex && s[s.index(after: i)].isNumber
            out.append(Group(digits: s[start..<i], dashNext: dash))
        }
        return out
    }

    /// The first date among a name's digit runs, as YYYYMMDD or YYYY-MM-DD, and the index of
    /// the run after it.
    private static func date(in groups: [Group]) -> (String, Int)? {
        for (i, g) in groups.enumerated() {
            if g.digits.count == 8, let iso = compact(g.digits) { return (iso, i + 1) }
            if g.digits.count == 4, g.dashNext, i + 2 < groups.count, groups[i + 1].dashNext,
               groups[i + 1].digits.count == 2, groups[i + 2].digits.count == 2,
               let iso = iso(Int(g.digits)!, Int(groups[i + 1].digits)!, Int(groups[i + 2].digits)!) {
                return (iso, i + 3)
            }
        }
        return nil
    }

    private static func compact(_ s: Substring) -> String? {
        guard let y = Int(s.prefix(4)), let m = Int(s.dropFirst(4).prefix(2)), let d = Int(s.suffix(2)) else { return nil }
        return iso(y, m, d)
    }

    private static func number(_ s: String, digits: ClosedRange<Int>) -> Int? {
        digits.contains(s.count) && s.allSatisfy { $0.isASCII && $0.isNumber } ? Int(s) : nil
    }

    private static func pageNumber(_ s: Substring) -> Int? {
        s.count <= 3 ? Int(s).flatMap { $0 > 0 ? $0 : nil } : nil
    }

    private static func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1900...2199).contains(y), (1...12).contains(m) else { return nil }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard (1...days).contains(d) else { return nil }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(pad(m))-\(pad(d))"
    }

    /// Whether a folder's name is part of a date (a year, a month or day number, or a date):
    /// an archive's root is taken above such folders, so sources keep their dates.
    public static func isDateFolder(_ name: String) -> Bool {
        if let y = number(name, digits: 4...4) { return (1900...2199).contains(y) }
        if let n = number(name, digits: 1...2) { return (1...31).contains(n) }
        return date(in: digitGroups(name)) != nil
            || (name.count == 7 && name.dropFirst(4).first == "-" && number(String(name.prefix(4)), digits: 4...4) != nil
                && number(String(name.suffix(2)), digits: 2...2) != nil)
    }
}

/// A 64-bit FNV-1a fingerprint: ids and change detection need stability, not secrecy.
public enum Fingerprint {
    public static func fnv1a<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        if let h = bytes.withContiguousStorageIfAvailable({ fnv1a(buffer: UnsafeRawBufferPointer($0)) }) { return h }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// The fingerprint of a string's UTF-8 bytes, read in place.
    public static func fnv1a(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { fnv1a(buffer: UnsafeRawBufferPointer($0)) }
    }

    static func fnv1a(buffer: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in buffer {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    public static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
