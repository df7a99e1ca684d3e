import Foundation

/// Scores whether a paragraph cut at a column break continues in another. Each part is a
/// log-odds-like weight: an open end, a start that cannot open a paragraph, and whether the
/// characters meeting at the cut are seen together elsewhere (on the page or in the archive).
struct JoinEvidence {
    let page: CharCounts
    let global: CharCounts

    /// Weight a join needs when the halves stand next to each other, and when they do not.
    static let adjacentThreshold = 2.5
    static let distantThreshold = 4.5
    static let adjacencyBonus = 1.5
    /// How much better a far continuation must score than a plausible neighbour to win.
    static let distantMargin = 4.0

    /// How open the end of `l` is; nil when it ends a sentence and nothing is left open.
    /// Printed paragraphs end in a sentence mark, so body text without one was certainly cut;
    /// a short headline-shaped line without one may just be an intertitle.
    /// `brackets` are those of `l`.
    func openEnd(_ l: ArraySlice<Unicode.Scalar>, brackets: LineShape.Brackets) -> Double? {
        guard let last = l.last else { return nil }
        let unclosed = brackets.unclosed
        // Most lines end a sentence: settle them before looking for an author line.
        if Scalars.endsClosed(l) { return unclosed && !Credits.isAuthorLine(l) ? 0.3 : nil }
        guard !Credits.isAuthorLine(l) else { return nil }
        let body = !LineShape.isShort(l) || l.count > 30
        var s: Double
        if Scalars.isClauseMark(last) || Scalars.isOpener(last) { s = 3.0 }
        else if Scalars.isSemicolon(last) { s = 1.5 }
        else if Scalars.isColon(last) { s = 1.0 }
        else if Scalars.isDash(last) { s = 0.3 }
        else if Scalars.isCloser(last) { s = body ? 1.5 : 0.8 }
        else { s = (body ? 3.0 : 1.5) + (Scalars.isWordLetter(last) ? endSurprise(last) : 0) }
        if unclosed { s += 1.5 }
        if !body && !l.contains(where: Scalars.isClauseMark) { s -= 1.0 }
        if let comma = l.firstIndex(where: Scalars.isClauseMark), comma - l.startIndex <= 4 { s += 0.5 }
        return s
    }

    /// How unusual it is for `c` to end a clause: positive for 及, 的, 和; negative for 设, 作.
    func endSurprise(_ c: Unicode.Scalar) -> Double {
        let ends = Double(page.endCount(c) + global.endCount(c))
        let occurrences = Double(page.unigram(c) + global.unigram(c))
        let base = max(Double(page.totalEnds + global.totalEnds) / Double(max(1, page.totalChars + global.totalChars)), 1e-4)
        let k = 20.0
        let p = (ends + k * base) / (occurrences + k)
        return min(1.5, max(-1.0, -log(p / base)))
    }

    /// How strongly `m` looks like the second half of a cut paragraph; `leads`, whether a
    /// dateline opens it (which the line's reading knows).
    func continuation(_ m: ArraySlice<Unicode.Scalar>, brackets: LineShape.Brackets? = nil, leads: Bool) -> Double {
        guard let first = m.first else { return -10 }
        if leads { return -10 }
        if Scalars.cannotStartParagraph(first) { return 3.0 }
        if (brackets ?? LineShape.Brackets(m)).unopened { return 2.5 }
        // Leave this line out: it was counted as an opening when the line before it closed, and
        // a character must not vouch for itself.
        let starts = Double(max(0, page.startCount(first) - 1) + global.startCount(first))
        let occurrences = Double(max(0, page.unigram(first) - 1) + global.unigram(first))
        let totalStarts = Double(page.totalStarts + global.totalStarts)
        let totalChars = Double(max(1, page.totalChars + global.totalChars))
        let base = max(totalStarts / totalChars, 1e-4)
        let k = 20.0
        let p = (starts + k * base) / (occurrences + k)
        // Rarely opening a paragraph is weak evidence on little text; often opening one is strong.
        let surprise = min(2.0, max(-2.0, -log(p / base)))
        return surprise > 0 ? surprise * 0.5 : surprise
    }

    /// Whether the characters meeting at the cut are known to stand together: the pointwise
    /// mutual information of the pair on the page, or else in the archive.
    func junction(_ l: ArraySlice<Unicode.Scalar>, _ m: ArraySlice<Unicode.Scalar>) -> Double {
        guard let a = l.last, let b = m.first, Self.sameScript(a, b) else { return 0 }
        if let pmi = Self.pmi(a, b, in: page) ?? Self.pmi(a, b, in: global) {
            return min(2.5, max(0, pmi - 0.5))
        }
        return Scalars.isCJK(a) && Scalars.isCJK(b) ? -0.5 : 0
    }

    private static func pmi(_ a: Unicode.Scalar, _ b: Unicode.Scalar, in c: CharCounts) -> Double? {
        let ab = c.bigram(a, b)
        guard ab > 0 else { return nil }
        let n = Double(max(1, c.totalChars))
        // Discounted: a pair seen once is weaker evidence than its raw ratio suggests.
        return log((Double(ab) - 0.5) * n / (Double(max(1, c.unigram(a))) * Double(max(1, c.unigram(b)))))
    }

    /// What is known of one paragraph as either half of a cut, computed once per paragraph.
    struct Half {
        let text: ArraySlice<Unicode.Scalar>
        let open: Double?
        let continuation: Double
        let unclosed: Bool
        let unopened: Bool

        /// `leads`: whether a dateline opens it; `brackets`, when the caller knows them already.
        init(_ t: ArraySlice<Unicode.Scalar>, _ e: JoinEvidence, brackets known: LineShape.Brackets? = nil, leads: Bool) {
            let brackets = known ?? LineShape.Brackets(t)
            self.init(t, e, brackets: brackets, leads: leads, open: e.openEnd(t, brackets: brackets))
        }

        /// Nil when `t` ends closed, as most lines do: it joins nothing below it, and nothing
        /// more of it is worked out.
        init?(openEnded t: ArraySlice<Unicode.Scalar>, _ e: JoinEvidence, brackets: LineShape.Brackets, leads: Bool) {
            guard let open = e.openEnd(t, brackets: brackets) else { return nil }
            self.init(t, e, brackets: brackets, leads: leads, open: open)
        }

        private init(_ t: ArraySlice<Unicode.Scalar>, _ e: JoinEvidence, brackets: LineShape.Brackets, leads: Bool, open: Double?) {
            text = t
            self.open = open
            continuation = e.continuation(t, brackets: brackets, leads: leads)
            unclosed = brackets.unclosed
            unopened = brackets.unopened
        }
    }

    func score(_ l: Half, _ m: Half, adjacent: Bool) -> Double? {
        guard let open = l.open, m.continuation > -10 else { return nil }
        // Far apart, only evidence about this very pair may join: the words across the cut or
        // the brackets it splits. Openness and a mid-sentence start hold for many pairs at once.
        let specific = junction(l.text, m.text) + (l.unclosed && m.unopened ? 1.5 : 0)
        if !adjacent && specific < 1.5 { return nil }
        return open + m.continuation + specific + (adjacent ? Self.adjacencyBonus : 0)
    }

    /// Characters of one script: a Chinese character next to a digit says nothing about a word.
    static func sameScript(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        (Scalars.isCJK(a) && Scalars.isCJK(b)) || (Scalars.isLatin(a) && Scalars.isLatin(b))
            || (Scalars.isDigit(a) && Scalars.isDigit(b))
    }

}
