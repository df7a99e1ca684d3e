/// The observations the line model scores, one set per line, computed once for the parser
/// and the trainer alike. A feature is a template and a value hashed into 32 bits: no strings
/// are built, so a page's features cost about what its lines' classification does.
package enum LineFeatures {
    /// Names the templates below and their buckets; changing any of them changes the hash a
    /// model records (`LineModel.featureSetHash`), and a model trained on other features is refused.
    package static let version = "line-features-8 (labels heading text other opening): bias kind len end first f1 l1 f2 l2 stop clauses verdict shape short gap gapAfter lead(dateline, relayed 据…电) trail wording enum dash pos colonEnd join joinPrev verdict*shape kind*len window(-2...2: kind len end verdict gap shape wording dash*lead) pair(end*len*nextLen wording*nextWording dash*nextDash*nextLead) group(where the conventions weigh it: score overlap6 overlap2 fitsAfter fitsBefore siblings above) prevCloses nextOpens prevCloses*len nextOpens*verdict section runAbove runOpened section*runOpened*runAbove nextOpens*runOpened nextCloses*prevCloses*shape"

    private enum T: UInt32 {
        case bias = 1, kind, len, end, first, f1, l1, f2, stop, clauses, verdict, shape, short, gap, gapAfter, lead, trail
        case wording, enumerated, dash, pos, colonEnd, join, joinPrev, verdictShape, kindLen
        case group, groupScore, overlap6, overlap2, fitsAfter, fitsBefore, siblings, above
        case prevCloses, nextOpens, prevClosesLen, nextOpensVerdict
        case section, runAbove, runOpened, sectionRun, nextOpensRun, nextCloses, l2, pairShape, pairWording, pairDash
        case window = 64
    }

    /// What each line says on its own, kept for its neighbours' windows.
    private struct Facts {
        var kind: UInt32, len: UInt32, end: UInt32, gap: UInt32, verdict: UInt32, shape: UInt32
        /// The headline-wording bucket (0 for a line too long to be a headline), the dash at
        /// either end, and whether a dateline lead (1) or an agency's relayed one (2) opens it.
        var wording: UInt32, dash: UInt32, lead: UInt32
    }

    /// The features of every `scored` line of a page (none for the others). What the conventions
    /// of `TitleLines` decided (which lines head blocks, which title a roundup's sections, the
    /// evidence on groups between paragraphs) are features, weighed by the model like any other.
    static func extract(_ lines: [Line], decided: HeadingVerdicts, evidence: JoinEvidence, wording: TitleWording, scored: [Bool]) -> [[UInt32]] {
        let verdict = decided.titles, sectionTitles = decided.sectionTitles
        var groups = [(score: Double, f: [Double])?](repeating: nil, count: lines.count)
        for (g, f) in decided.groups {
            for i in g.first...g.last { groups[i] = (Intertitles.score(f), f) }
        }
        let runs = runsAbove(lines, verdict: verdict)
        // A line's join with the next is its next line's join with the previous one. Most lines
        // end a sentence, and a closed line joins nothing.
        let brackets = lines.map { LineShape.Brackets($0.slice) }
        func half(_ i: Int) -> JoinEvidence.Half {
            JoinEvidence.Half(lines[i].slice, evidence, brackets: brackets[i], leads: lines[i].lead != nil)
        }
        let joins: [UInt32] = lines.indices.dropLast().map { i in
            guard let upper = JoinEvidence.Half(openEnded: lines[i].slice, evidence, brackets: brackets[i], leads: lines[i].lead != nil) else { return 0 }
            return evidence.score(upper, half(i + 1), adjacent: true).map { bucket($0, step: 1, limit: 8) + 1 } ?? 0
        }
        let facts = lines.indices.map { i in
            Facts(kind: kindCode(lines[i].kind), len: lengthBucket(lines[i].scalars.count), end: endClass(lines[i].slice),
                  gap: UInt32(min(lines[i].gap, 2)), verdict: verdict[i] ? 1 : 0,
                  shape: decided.titleShaped[i] ? 1 : 0,
                  wording: lines[i].scalars.count <= 45 ? bucket(wording.logOdds(lines[i].slice), step: 0.5, limit: 8) + 1 : 0,
                  dash: LineShape.startsWithDash(lines[i].slice) ? 1 : LineShape.endsWithDash(lines[i].slice) ? 2 : 0,
                  lead: lines[i].lead != nil ? 1 : lines[i].relayed ? 2 : 0)
        }
        var out: [[UInt32]] = []
        out.reserveCapacity(lines.count)
        for i in lines.indices {
            guard scored[i] else { out.append([]); continue }
            var f: [UInt32] = []
            f.reserveCapacity(96)
            func add(_ t: T, _ v: UInt32) { f.append(hash(t.rawValue, v)) }
            let line = lines[i], t = line.slice, me = facts[i]
            add(.bias, 0)
            add(.kind, me.kind); add(.len, me.len); add(.end, me.end)
            add(.verdict, me.verdict); add(.shape, me.shape); add(.gap, me.gap)
            add(.gapAfter, i + 1 < lines.count ? UInt32(min(lines[i + 1].gap, 2)) : 3)
            add(.verdictShape, me.verdict << 1 | me.shape)
            add(.kindLen, me.kind << 8 | me.len)
            if let first = t.first, let last = t.last {
                add(.first, charClass(first)); add(.f1, first.value); add(.l1, last.value)
                if t.count >= 2 { add(.f2, first.value &* 65_599 &+ t[t.startIndex + 1].value) }
                add(.colonEnd, Scalars.isColon(last) ? 1 : 0)
                add(.dash, me.dash)
                if t.count >= 2 { add(.l2, t[t.index(before: t.endIndex - 1)].value &* 65_599 &+ last.value) }
                add(.enumerated, enumeration(t))
            }
            add(.stop, t.contains("。") ? 1 : 0)
            add(.clauses, UInt32(min(t.lazy.filter(Scalars.isClauseMark).count, 4)))
            add(.short, LineShape.isShort(t) ? 1 : 0)
            add(.lead, me.lead)
            add(.trail, line.trailingCredit != nil ? 1 : 0)
            if me.wording > 0 { add(.wording, me.wording - 1) }
            add(.pos, i == 0 ? 1 : i == 1 ? 2 : i + 1 == lines.count ? 3 : 0)
            // What a piece starts after and what it starts with, as the conventions read them.
            let closes: UInt32 = i > 0 && lines[i - 1].closes ? 1 : 0
            // A one-paragraph piece (a photo's caption, a brief) closes as soon as it opens.
            let nextCloses: UInt32 = i + 1 < lines.count && lines[i + 1].closes ? 1 : 0
            var opens: UInt32 = 0
            if i + 1 < lines.count {
                if case .byline = lines[i + 1].kind { opens = 1 }
                else if lines[i + 1].kind == .text, lines[i + 1].lead != nil { opens = 2 }
                else if lines[i + 1].kind == .text, lines[i + 1].relayed { opens = 4 }
                else if TitleLines.isHeadingElement(lines[i + 1].kind) { opens = 3 }
            }
            add(.prevCloses, closes); add(.nextOpens, opens)
            add(.nextCloses, nextCloses << 2 | closes << 1 | me.shape)
            add(.prevClosesLen, closes << 8 | me.len); add(.nextOpensVerdict, opens << 1 | me.verdict)
            // A titled, bylined stretch is a roundup's section or a new piece by what the text
            // above it opened with and how long it has run.
            let section: UInt32 = sectionTitles.contains(i) ? 1 : 0, run = runs[i]
            add(.section, section); add(.runAbove, run.paragraphs); add(.runOpened, run.opened)
            add(.sectionRun, section << 8 | run.opened << 4 | run.paragraphs)
            add(.nextOpensRun, opens << 4 | run.opened)
            if let g = groups[i] {
                // Lexical cohesion across a short group between paragraphs (`Intertitles`):
                // text that talks on about the same things around it was not interrupted by a new piece.
                add(.group, 1)
                add(.groupScore, bucket(g.score, step: 2, limit: 6))
                add(.overlap6, bucket(g.f[0], step: 1, limit: 7)); add(.overlap2, bucket(g.f[1], step: 1, limit: 7))
                add(.fitsAfter, bucket(g.f[7], step: 0.1, limit: 10)); add(.fitsBefore, bucket(g.f[8], step: 0.1, limit: 10))
                add(.siblings, UInt32(min(max(g.f[19], 0), 4))); add(.above, bucket(g.f[17], step: 0.5, limit: 8))
            } else {
                add(.group, 0)
            }
            if i + 1 < lines.count { add(.join, joins[i]) }
            if i > 0 { add(.joinPrev, joins[i - 1]) }
            // Two lines read together: a kicker over its headline, a headline over its text.
            if i + 1 < lines.count {
                let n = facts[i + 1]
                add(.pairShape, me.end << 16 | me.len << 8 | n.len)
                add(.pairWording, me.wording << 8 | n.wording)
                add(.pairDash, me.dash << 4 | n.dash << 2 | n.lead)
            }
            for d in -2...2 where d != 0 {
                let j = i + d
                let base = T.window.rawValue + UInt32(d + 2) * 16
                guard lines.indices.contains(j) else { f.append(hash(base, 0xFFFF)); continue }
                let n = facts[j]
                f.append(hash(base + 1, n.kind)); f.append(hash(base + 2, n.len)); f.append(hash(base + 3, n.end))
                f.append(hash(base + 4, n.verdict)); f.append(hash(base + 5, n.gap)); f.append(hash(base + 6, n.shape << 8 | n.kind))
                f.append(hash(base + 7, n.wording)); f.append(hash(base + 8, n.dash << 2 | n.lead))
            }
            out.append(f)
        }
        return out
    }

    /// For each line, the text run above it since the last headline block: its paragraphs (up to
    /// 3) and what it opened with (0 a headline, 1 a dateline lead, 2 a byline line, 3 a
    /// continuation marker).
    private static func runsAbove(_ lines: [Line], verdict: [Bool]) -> [(paragraphs: UInt32, opened: UInt32)] {
        var out: [(paragraphs: UInt32, opened: UInt32)] = []
        out.reserveCapacity(lines.count)
        var paragraphs: UInt32 = 0, opened: UInt32 = 0
        for (i, line) in lines.enumerated() {
            out.append((min(paragraphs, 3), opened))
            switch line.kind {
            case .text where !verdict[i]:
                if paragraphs == 0, line.lead != nil { opened = 1 }
                paragraphs += 1
            case .byline: paragraphs = 0; opened = 2
            case .jumpFrom: paragraphs = 0; opened = 3
            case .text, .marked, .bold, .readingTip: paragraphs = 0; opened = 0
            default: break
            }
        }
        return out
    }

    /// A template and its value mixed into 32 bits (the attachment features use it too).
    @inline(__always) static func hash(_ template: UInt32, _ value: UInt32) -> UInt32 {
        var x = UInt64(template) << 32 | UInt64(value)
        x = (x ^ (x >> 33)) &* 0xff51_afd7_ed55_8ccd
        x = (x ^ (x >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return UInt32(truncatingIfNeeded: x ^ (x >> 33))
    }

    private static func kindCode(_ k: LineKind) -> UInt32 {
        switch k {
        case .marked(let level): return 10 + UInt32(min(level, 4))
        case .bold: return 1
        case .readingTip: return 2
        case .jumpFrom: return 3
        case .jumpTo: return 4
        case .advert: return 5
        case .byline: return 6
        case .photoCredit: return 7
        case .text: return 0
        }
    }

    private static let lengthEdges = [1, 2, 3, 4, 6, 8, 10, 12, 14, 16, 18, 20, 24, 28, 32, 38, 45, 55, 70, 100, 150]

    private static func lengthBucket(_ n: Int) -> UInt32 {
        UInt32(lengthEdges.firstIndex { n <= $0 } ?? lengthEdges.count)
    }

    private static func endClass(_ t: ArraySlice<Unicode.Scalar>) -> UInt32 {
        guard let last = t.last else { return 0 }
        if Scalars.endsClosed(t) { return Scalars.isCloser(last) ? 2 : 1 }
        if Scalars.isClauseMark(last) { return 3 }
        if Scalars.isColon(last) { return 4 }
        if Scalars.isSemicolon(last) { return 5 }
        if Scalars.isCloser(last) { return 6 }
        if Scalars.isDash(last) { return 7 }
        if Scalars.isOpener(last) { return 8 }
        return Scalars.isDigit(last) ? 9 : 10
    }

    private static func charClass(_ s: Unicode.Scalar) -> UInt32 {
        if Scalars.isCJK(s) { return 1 }
        if Scalars.isDigit(s) { return 2 }
        if Scalars.isLatin(s) { return 3 }
        if Scalars.isOpener(s) { return 4 }
        if Scalars.isBullet(s) { return 5 }
        if Scalars.isDash(s) { return 6 }
        return Scalars.cannotStartParagraph(s) ? 7 : 8
    }

    /// 一、 (二) 3. ①: the line opens an item of a list, as intertitles often do.
    private static func enumeration(_ t: ArraySlice<Unicode.Scalar>) -> UInt32 {
        var i = t.startIndex
        let bracketed = Scalars.isLeftParen(t[i])
        if bracketed { i += 1 }
        var n = 0
        while i < t.endIndex, Scalars.isDigit(t[i]) || "一二三四五六七八九十".unicodeScalars.contains(t[i]) { i += 1; n += 1 }
        guard n > 0, n <= 3, i < t.endIndex else { return (0x2460...0x2473).contains(t[t.startIndex].value) ? 4 : 0 }
        if bracketed { return Scalars.isRightParen(t[i]) ? 1 : 0 }
        return t[i] == "、" ? 2 : (t[i] == "." || t[i] == "．") ? 3 : 0
    }

    private static func bucket(_ x: Double, step: Double, limit: Int) -> UInt32 {
        UInt32(max(-limit, min(limit, Int((x / step).rounded(.down)))) + limit)
    }
}
