/// Traditional characters, and their variant and compatibility forms, folded to simplified
/// ones, one character for one (`Resources/script-folding.bin`, made by
/// `make_script_folding.py` from OpenCC's tables): 工會 reads as 工会, 本報訊 as 本报讯. What
/// searches and counts compare; a text is always kept and shown as printed, and a position in
/// the folded text is the same position in the printed one.
public enum ScriptFolding {
    /// The folded form of every BMP code unit, worked out once.
    @usableFromInline nonisolated(unsafe) static let table: UnsafeMutablePointer<UInt16> = {
        let t = UnsafeMutablePointer<UInt16>.allocate(capacity: 0x10000)
        for i in 0..<0x10000 { t[i] = UInt16(i) }
        let b = PackageResources.script_folding_bin
        func u16(_ at: Int) -> UInt16 { UInt16(b[at]) | UInt16(b[at + 1]) << 8 }
        let count = Int(u16(0)) | Int(u16(2)) << 16
        precondition(b.count == 4 + 4 * count, "script-folding.bin is damaged")
        for i in 0..<count { t[Int(u16(4 + 4 * i))] = u16(6 + 4 * i) }
        return t
    }()

    /// Which units other characters fold to (会, which 會 folds to): such a unit in a folded
    /// query may be printed otherwise.
    @usableFromInline nonisolated(unsafe) static let targets: UnsafeMutablePointer<Bool> = {
        let t = UnsafeMutablePointer<Bool>.allocate(capacity: 0x10000)
        t.initialize(repeating: false, count: 0x10000)
        for i in 0..<0x10000 where table[i] != UInt16(i) { t[Int(table[i])] = true }
        return t
    }()

    @inlinable public static func hasOtherForms(_ u: UInt16) -> Bool { targets[Int(u)] }

    /// Every unit that folds to `u`, `u` first: 会 is printed 会 or 會.
    public static func forms(of u: UInt16) -> [UInt16] { [u] + (preimages[u] ?? []) }

    private static let preimages: [UInt16: [UInt16]] = {
        var out: [UInt16: [UInt16]] = [:]
        for i in 0..<0x10000 where table[i] != UInt16(i) { out[table[i], default: []].append(UInt16(i)) }
        return out
    }()

    @inlinable public static func fold(_ u: UInt16) -> UInt16 { table[Int(u)] }

    @inlinable public static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c.value < 0x10000 ? Unicode.Scalar(table[Int(c.value)])! : c
    }

    /// A text with every character folded.
    public static func folded(_ s: String) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s.unicodeScalars.lazy.map(fold))
        return String(v)
    }
}
