/// What a dump's path says about it: the issue date and page, when the name carries them,
/// as in grrb-20230826-03.txt or 2023/08/26/03.txt.
public struct SourceInfo: Equatable, Sendable {
    public var date: String?
    public var page: Int?

    public init(path: String) {
        let parts = path.split(separator: "/").map(String.init)
        let name = parts.last ?? path
        let stem = name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
        let groups = Self.digitGroups(stem)
        if let i = groups.firstIndex(where: { $0.count == 8 && Self.date(fromCompact: $0) != nil }) {
            date = Self.date(fromCompact: groups[i])
            if i + 1 < groups.count, groups[i + 1].count <= 3 { page = Int(groups[i + 1]) }
            return
        }
        // Folders: …/2023/08/26/03.txt
        if parts.count >= 4, let p = groups.first, p.count <= 3,
           let y = Int(parts[parts.count - 4]), let m = Int(parts[parts.count - 3]), let d = Int(parts[parts.count - 2]),
           parts[parts.count - 4].count == 4, let iso = Self.iso(y, m, d) {
            date = iso
            page = Int(p)
        }
    }

    private static func digitGroups(_ s: String) -> [String] {
        s.split(whereSeparator: { !("0"..."9").contains($0) }).map(String.init)
    }

    private static func date(fromCompact s: String) -> String? {
        guard s.count == 8, let y = Int(s.prefix(4)), let m = Int(s.dropFirst(4).prefix(2)), let d = Int(s.suffix(2)) else { return nil }
        return iso(y, m, d)
    }

    private static func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1900...2199).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(pad(m))-\(pad(d))"
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
