/// Columns a string takes on a terminal: CJK and full-width forms take two, combining marks
/// none, everything else one (the East Asian Width property, reduced to its wide ranges).
enum DisplayWidth {
    static func of(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + of($1) } }

    static func of(_ c: Unicode.Scalar) -> Int {
        switch c.value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }

    /// `s` padded with spaces to `width` columns, on the right (or on the left with `leading`).
    static func pad(_ s: String, to width: Int, leading: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - of(s)))
        return leading ? fill + s : s + fill
    }
}
