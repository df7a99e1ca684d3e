/// Character classes used by every recogniser. They work on unicode scalars,
/// never on `Character`, because grapheme breaking is far too slow for gigabytes
/// and printed Chinese has no multi-scalar graphemes that matter here.
enum Scalars {
    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FA1F).contains(v)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x3000, 0xFEFF, 0x200B: return true
        default: return false
        }
    }

    /// ● ■ ◆ ▲ ★ and their hollow forms: the marks of a box of key points.
    static func isBullet(_ s: Unicode.Scalar) -> Bool {
        "●■◆▲★○□◇△☆•▪".unicodeScalars.contains(s)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value)
    }

    static func isLatin(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
            || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v)
    }

    /// Letters of words: Chinese characters, Latin letters, digits.
    static func isWordLetter(_ s: Unicode.Scalar) -> Bool { isCJK(s) || isLatin(s) || isDigit(s) }

    /// Marks that end a sentence; a paragraph ending in one of them is closed.
    static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3002, 0xFF01, 0xFF1F, 0x21, 0x3F, 0x2026, 0xFF0E: return true  // 。！？!?…．
        default: return false
        }
    }

    /// Closing marks that may follow a sentence end (”。 counts as closed).
    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0x29, 0xFF09, 0x300B, 0x3011, 0x22: return true  // ”’」』)）》】"
        default: return false
        }
    }

    static func isOpener(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x201C, 0x2018, 0x300C, 0x300E, 0x28, 0xFF08, 0x300A, 0x3010: return true  // “‘「『(（《【
        default: return false
        }
    }

    /// Punctuation that cannot open a paragraph: its presence at the start proves a cut.
    static func cannotStartParagraph(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xFF0C, 0x2C, 0x3001, 0x3002, 0xFF1B, 0x3B, 0xFF1A, 0x3A, 0xFF01, 0x21, 0xFF1F, 0x3F,
             0x201D, 0x2019, 0x300D, 0x300F, 0x29, 0xFF09, 0x300B, 0x3011, 0xFF0E:
            return true
        default: return false
        }
    }

    /// Commas and enumeration marks: a paragraph ending in one was certainly cut.
    static func isClauseMark(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0xFF0C, 0x2C, 0x3001: return true  // ，,、
        default: return false
        }
    }

    static func isSemicolon(_ s: Unicode.Scalar) -> Bool { s.value == 0xFF1B || s.value == 0x3B }
    static func isColon(_ s: Unicode.Scalar) -> Bool { s.value == 0xFF1A || s.value == 0x3A }
    static func isLeftParen(_ s: Unicode.Scalar) -> Bool { s.value == 0x28 || s.value == 0xFF08 }
    static func isRightParen(_ s: Unicode.Scalar) -> Bool { s.value == 0x29 || s.value == 0xFF09 }
    static func isDash(_ s: Unicode.Scalar) -> Bool { s.value == 0x2014 || s.value == 0x2015 }

    /// Where a bracketed group that ends the text opens: (下转第2版), (影像中国), (作者为…).
    static func closingGroupStart(_ t: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let last = t.last, isRightParen(last) else { return nil }
        return t.lastIndex(where: isLeftParen)
    }

    /// Whether a text is closed: it ends in a sentence mark, possibly followed by closers.
    static func endsClosed(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        var i = t.endIndex - 1
        while i >= t.startIndex, isCloser(t[i]) { i -= 1 }
        return i >= t.startIndex && isSentenceEnd(t[i])
    }

    static func trimmed(_ s: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi, isSpace(s[lo]) { lo += 1 }
        while hi > lo, isSpace(s[hi - 1]) { hi -= 1 }
        return s[lo..<hi]
    }

    /// Builds a string by encoding UTF-8 straight into its storage: appending scalars to a
    /// string one by one costs several times more.
    static func string<C: Collection>(_ c: C) -> String where C.Element == Unicode.Scalar {
        String(unsafeUninitializedCapacity: c.count * 4) { out in
            var n = 0
            for s in c { n += UTF8Codec.write(s.value, to: out.baseAddress! + n) }
            return n
        }
    }

    /// Reads a number written in ASCII, full-width or Chinese digits (第十二版).
    static func number<C: Collection>(_ c: C) -> Int? where C.Element == Unicode.Scalar {
        guard c.count <= 6 else { return nil }
        var ascii = 0, seen = false
        for s in c {
            if (0x30...0x39).contains(s.value) { ascii = ascii * 10 + Int(s.value - 0x30); seen = true }
            else if (0xFF10...0xFF19).contains(s.value) { ascii = ascii * 10 + Int(s.value - 0xFF10); seen = true }
            else { seen = false; break }
        }
        if seen { return ascii }
        let digits: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "〇": 0, "零": 0]
        var total = 0, current = 0, any = false
        for s in c {
            if let d = digits[s] { current = d; any = true }
            else if s == "十" { total += (current == 0 ? 1 : current) * 10; current = 0; any = true }
            else { return nil }
        }
        return any ? total + current : nil
    }

    /// Appends a string's scalars, decoded by hand: run on every piece.
    static func append(_ t: String, to out: inout [Unicode.Scalar]) {
        UTF8Codec.forEachScalar(in: t) { out.append(Unicode.Scalar($0).unsafelyUnwrapped) }
    }
}
