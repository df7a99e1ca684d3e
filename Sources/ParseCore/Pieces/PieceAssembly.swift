/// Turns placed runs into records: joins cut halves with nothing inserted, drops paragraphs
/// printed twice, gathers credits from wherever the page printed them.
enum PieceAssembly {
    static func articles(layout: PageLayout, assembly: RunAssembly, joins: Joins, wording: TitleWording) -> [Article] {
        let paras = layout.paras
        var pageText: String?
        func bodyContains(_ s: String) -> Bool {
            if pageText == nil { pageText = paras.map { Scalars.string($0.scalars) }.joined(separator: "\n") }
            return pageText!.contains(s)
        }
        var printed = FastMap<Bool>(zero: false)
        var out: [(line: Int, article: Article)] = []
        for (d, draft) in assembly.drafts.enumerated() {
            var credit = draft.credit
            var isPhoto = draft.isPhoto
            var continuesTo = draft.continuesTo
            let titleCount = HeadingBlock.linesBeforeText(draft.titles)
            var texts = draft.titles[titleCount...].map(\.scalars)
            var lastPara: Int?
            for r in assembly.body[d] {
                let run = assembly.runs[r]
                credit.merge(run.headCredit)
                for p in run.paras {
                    let para = paras[p]
                    if let l = lastPara, joins.isJoined(l, to: p), !texts.isEmpty {
                        texts[texts.count - 1] += para.scalars
                    } else {
                        texts.append(para.scalars)
                    }
                    credit.merge(para.credit)
                    isPhoto = isPhoto || para.isPhoto
                    continuesTo = continuesTo ?? para.continuesTo
                    lastPara = p
                }
                credit.merge(run.tailCredit)
                isPhoto = isPhoto || run.tailPhoto
                continuesTo = continuesTo ?? run.tailContinuesTo
            }
            var paragraphs: [String] = []
            for t in texts {
                // A byline cut at a column break is only readable once its halves are joined.
                if let (c, _) = Credits.leadDateline(t[...]) { credit.merge(c) }
                if t.count >= 6 {
                    let key = Self.fingerprint(t)
                    if printed.get(key) { continue }
                    printed.set(key, true)
                }
                paragraphs.append(Scalars.string(t))
            }
            guard !draft.titles.isEmpty || !paragraphs.isEmpty || draft.summary != nil else { continue }
            let fields = HeadingBlock.interpret(Array(draft.titles[..<titleCount]), wording: wording, bodyContains: bodyContains)
            var a = Article()
            a.kind = isPhoto ? .photo : .article
            a.headline = fields.headline
            a.kicker = fields.kicker
            a.subheadline = fields.subheadline
            a.column = fields.column
            a.summary = draft.summary
            a.dateline = credit.dateline
            a.reporters = credit.reporters
            a.correspondents = credit.correspondents
            a.photographers = credit.photographers
            a.authors = credit.authors
            a.agency = credit.agency
            a.continuedFrom = draft.continuedFrom
            a.continuesTo = continuesTo
            a.paragraphs = paragraphs
            out.append((draft.line, a))
        }
        return out.sorted { $0.line < $1.line }.map(\.article)
    }

    /// A paragraph's identity for spotting a reprint: FNV-1a over its scalar values.
    static func fingerprint(_ t: [Unicode.Scalar]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in t { h = (h ^ UInt64(s.value)) &* 0x0000_0100_0000_01B3 }
        return h & ~(1 << 63)
    }
}
