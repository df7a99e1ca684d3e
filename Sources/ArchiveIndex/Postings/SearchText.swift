import ParseCore

/// The searchable form of text, in UTF-16 code units: full-width forms folded to half-width,
/// Latin folded to lower case, traditional characters to simplified (`ScriptFolding`), one
/// unit for one unit, so that positions in the folded text are positions in the printed text
/// and snippets need no mapping.
enum SearchText {
    @inline(__always) static func fold(_ u: UInt16) -> UInt16 {
        switch u {
        case 0x3400...0x9FFF, 0xF900...0xFAFF: return ScriptFolding.fold(u)
        default: return foldWidth(u)
        }
    }

    /// Width and Latin case only, the script as printed: what a search with --exact-script compares.
    @inline(__always) static func foldWidth(_ u: UInt16) -> UInt16 {
        switch u {
        case 0x41...0x5A: return u + 0x20
        case 0xFF21...0xFF3A: return u - 0xFF21 + 0x61
        case 0xFF01...0xFF5E: return u - 0xFEE0
        case 0x3000: return 0x20
        default: return u
        }
    }

    /// Letters of words: Chinese characters (and the halves of characters outside the BMP),
    /// Latin letters and digits. Indexed bigrams never span anything else.
    @inline(__always) static func isWord(_ f: UInt16) -> Bool {
        switch f {
        case 0x30...0x39, 0x61...0x7A: return true
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xD800...0xDFFF: return true
        default: return false
        }
    }

    static func folded(_ s: String) -> [UInt16] { s.utf16.map(fold) }

    /// Whether a folded unit can only have been printed as itself: no Latin letter, full-width
    /// form or other script folds to it. A query of such units can be compared unfolded.
    @inline(__always) static func printsAsItself(_ f: UInt16) -> Bool { f >= 0x80 && !ScriptFolding.hasOtherForms(f) }

    /// Appends a string's UTF-16 units, decoded by hand from its UTF-8: the string's UTF-16
    /// view transcodes a unit at a time and costs several times more on every record.
    static func appendUTF16(of s: String, to out: inout [UInt16]) {
        UTF8Codec.forEachScalar(in: s) { v in
            if v < 0x10000 {
                out.append(UInt16(v))
            } else {
                out.append(UInt16(0xD800 | (v - 0x10000) >> 10))
                out.append(UInt16(0xDC00 | (v - 0x10000) & 0x3FF))
            }
        }
    }

    /// A string from UTF-16 units, transcoded by hand to UTF-8 (a lone surrogate becomes U+FFFD):
    /// `String(decoding:as: UTF16.self)` goes a scalar at a time through generic code, and every
    /// record a search prints or an export writes comes through here.
    static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
        String(unsafeUninitializedCapacity: units.count * 3) { out in
            var n = 0, i = 0
            let count = units.count
            while i < count {
                let u = UInt32(units[i])
                i += 1
                var v = u
                if u >= 0xD800 && u < 0xE000 {
                    if u < 0xDC00, i < count, units[i] >= 0xDC00, units[i] < 0xE000 {
                        v = 0x10000 + ((u - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                        i += 1
                    } else {
                        v = 0xFFFD
                    }
                }
                n += UTF8Codec.write(v, to: out.baseAddress! + n)
            }
            return n
        }
    }

    /// The index keys of a folded text, each with the position of its first letter (plus `base`)
    /// in the low half: each pair of adjacent word letters, and each letter standing alone between
    /// non-letters paired with 0, so every occurrence of a letter is under some key: as the first
    /// of a pair, the second of one, or alone.
    static func keys(_ f: UnsafeBufferPointer<UInt16>, base: Int, into out: inout [UInt64]) {
        let n = f.count
        guard n > 0 else { return }
        var previousWord = false
        // Each letter is tested once, as the next of its predecessor.
        var word = isWord(f[0])
        for i in 0..<n {
            let nextWord = i + 1 < n && isWord(f[i + 1])
            if word {
                if nextWord {
                    out.append(UInt64(f[i]) << 48 | UInt64(f[i + 1]) << 32 | UInt64(base + i))
                } else if !previousWord {
                    out.append(UInt64(f[i]) << 48 | UInt64(base + i))
                }
            }
            previousWord = word
            word = nextWord
        }
    }
}
