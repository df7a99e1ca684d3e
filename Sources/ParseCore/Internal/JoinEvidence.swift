import Foundation

/// Scores whether a paragraph cut at a column break continues in another. Each part is a
/// log-odds-like weight: an open end, a start that cannot open a paragraph, and whether the
/// characters meeting at the cut are seen together elsewhere (on the page or in the archive).
struct JoinEvidence {
    let page: CharCounts
    let global: CharCounts

    /// Weight a join needs when the halves stand next to each other, and when they do not.
    static let adjacentThreshold = 3.0
    static let distantThreshold = 4.5
    static let adjacencyBonus = 1.5

    /// How open the end of `l` is; nil when it ends a sentence and nothing is left open.
    func openEnd(_ l: ArraySlice<Unicode.Scalar>) -> Double? {
        guard let last = l.last else { return nil }
        let unclosed = Self.hasUnclosedBracket(l)
        if Scalars.endsClosed(l) { return unclosed ? 0.3 : nil }
        var s: Double
        if Scalars.isClauseMark(last) || Scalars.isOpener(last) { s = 3.0 }
        else if Scalars.isSemicolon(last) { s = 1.5 }
        else if Scalars.isColon(last) { s = 1.0 }
        else if Scalars.isDash(last) { s = 0.3 }
        else if Scalars.isCloser(last) { s = 0.8 }
        else { s = 1.5 }
        if unclosed { s += 1.5 }
        let clauses = l.filter(Scalars.isClauseMark).count
        if l.count <= 30 && clauses == 0 { s -= 1.0 }
        if let comma = l.firstIndex(where: Scalars.isClauseMark), comma - l.startIndex <= 4 { s += 0.5 }
        if l.count > 45 { s += 0.5 }
        return s
    }

    /// How strongly `m` looks like the second half of a cut paragraph.
    func continuation(_ m: ArraySlice<Unicode.Scalar>) -> Double {
        guard let first = m.first else { return -10 }
        if Credits.leadDateline(m) != nil { return -10 }
        if Scalars.cannotStartParagraph(first) { return 3.0 }
        if Self.hasUnopenedCloser(m) { return 2.5 }
        let starts = Double(page.startCount(first) + global.startCount(first))
        let occurrences = Double(page.unigram(first) + global.unigram(first))
        let totalStarts = Double(page.totalStarts + global.totalStarts)
        let totalChars = Double(max(1, page.totalChars + global.totalChars))
        let base = max(totalStarts / totalChars, 1e-4)
        let k = 20.0
        let p = (starts + k * base) / (occurrences + k)
        return min(2.0, max(-2.0, -log(p / base)))
    }

    /// Whether the characters meeting at the cut are known to stand together.
    func junction(_ l: ArraySlice<Unicode.Scalar>, _ m: ArraySlice<Unicode.Scalar>) -> Double {
        guard let a = l.last, let b = m.first else { return 0 }
        let pc = page.bigram(a, b)
        var s = 0.0
        if pc >= 3 { s = 2.0 }
        else if pc >= 1 { s = 1.5 }
        else {
            let gc = global.bigram(a, b)
            if gc >= 2 {
                let n = Double(max(1, global.totalChars))
                let pmi = log(Double(gc) * n / Double(max(1, global.unigram(a)) * max(1, global.unigram(b))))
                if pmi > 1 { s = 1.0 }
            } else if Scalars.isCJK(a) && Scalars.isCJK(b) {
                s = -0.5
            }
        }
        var tri = 0.0
        if l.count >= 2, page.trigram(l[l.endIndex - 2], a, b) > 0 { tri += 1.0 }
        if m.count >= 2, page.trigram(a, b, m[m.startIndex + 1]) > 0 { tri += 1.0 }
        return s + min(tri, 1.5)
    }

    /// The total weight of joining `l` to `m`, or nil when `l` is closed.
    func score(_ l: ArraySlice<Unicode.Scalar>, _ m: ArraySlice<Unicode.Scalar>, adjacent: Bool) -> Double? {
        guard let open = openEnd(l) else { return nil }
        let cont = continuation(m)
        if cont <= -10 { return nil }
        let j = junction(l, m)
        if !adjacent && cont <= 0 && j <= 0 { return nil }
        return open + cont + j + (adjacent ? Self.adjacencyBonus : 0)
    }

    static func hasUnclosedBracket(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        var quote = 0, paren = 0, book = 0
        for s in t {
            switch s {
            case "“": quote += 1
            case "”": quote = max(0, quote - 1)
            case "(", "（": paren += 1
            case ")", "）": paren = max(0, paren - 1)
            case "《": book += 1
            case "》": book = max(0, book - 1)
            default: break
            }
        }
        return quote > 0 || paren > 0 || book > 0
    }

    /// A closing quote or bracket before any opening one: the text began inside it.
    static func hasUnopenedCloser(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        var quote = 0, paren = 0, book = 0
        for s in t {
            switch s {
            case "“": quote += 1
            case "”": if quote == 0 { return true }; quote -= 1
            case "(", "（": paren += 1
            case ")", "）": if paren == 0 { return true }; paren -= 1
            case "《": book += 1
            case "》": if book == 0 { return true }; book -= 1
            default: break
            }
        }
        return false
    }
}
