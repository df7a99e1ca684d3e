import ParseCore

/// The attachment scorer's lessons and their fit. Each page is parsed with its true headline
/// lines, and every chain of text with no headline above it is placed where the truth puts it
/// (teacher forcing), so that each later decision sees the pieces as they truly grow.
package enum AttachmentTraining {
    /// The decisions of one page, with the candidate each should take.
    package static func examples(_ page: TruthPage, wording: TitleWording = .bundled) -> [AttachmentExample] {
        let truth = TruthPieces(page.articles)
        let teacher = AttachmentTeacher(answer: truth.answer)
        PageParser(model: nil, wording: wording).teach(page.text, teacher: teacher) { observed in
            LineAlignment.labels(observed, truth: page.articles).map { $0 == .heading }
        }
        return teacher.examples
    }

    /// An averaged perceptron over the candidates of each decision (Collins 2002, as the line
    /// model): where the best-scoring candidate is wrong, the true one's features gain and the
    /// guess's lose. Decisions are visited in an order drawn from `seed`.
    package static func fit(_ examples: [AttachmentExample], epochs: Int, seed: UInt64,
                            report: ((Int, Int) -> Void)? = nil) -> AttachmentWeights {
        let mask = UInt32(LineModel.slots - 1)
        var w = [Double](repeating: 0, count: LineModel.slots), wa = w
        var step = 1.0
        var orders = EpochOrder(count: examples.count, seed: seed)
        for epoch in 0..<epochs {
            var wrong = 0
            for e in orders.next() {
                let ex = examples[e]
                var guess = 0, top = -Double.infinity
                for (i, c) in ex.candidates.enumerated() {
                    let s = c.reduce(0.0) { $0 + w[Int($1 & mask)] }
                    if s > top { top = s; guess = i }
                }
                if guess != ex.truth {
                    wrong += 1
                    for f in ex.candidates[ex.truth] { w[Int(f & mask)] += 1; wa[Int(f & mask)] += step }
                    for f in ex.candidates[guess] { w[Int(f & mask)] -= 1; wa[Int(f & mask)] -= step }
                }
                step += 1
            }
            report?(epoch + 1, wrong)
        }
        return AttachmentWeights(dense: zip(w, wa).map { Float($0 - $1 / step) })
    }
}

/// A page's true pieces as the teacher reads them: which piece a paragraph is (or is half of),
/// and which piece a candidate is, by its headline lines or the paragraphs it has.
struct TruthPieces {
    private let headings: [Set<String>]
    private let paragraphs: [[String]]
    private let exact: [Set<String>]

    init(_ articles: [[String: Any]]) {
        headings = articles.map { a in
            var h = Set<String>()
            for key in ["headline", "kicker", "subheadline"] {
                guard let s = a[key] as? String else { continue }
                h.insert(LineAlignment.normal(s))
                for part in s.split(separator: " ") { h.insert(LineAlignment.normal(String(part))) }
            }
            return h
        }
        paragraphs = articles.map { ($0["paragraphs"] as? [String] ?? []).map(LineAlignment.normal) }
        exact = paragraphs.map(Set.init)
    }

    /// The piece printing this paragraph, or a paragraph it is a cut half of.
    func piece(ofParagraph text: String) -> Int? {
        let n = LineAlignment.normal(text)
        if let i = exact.firstIndex(where: { $0.contains(n) }) { return i }
        guard n.count >= 4 else { return nil }
        return paragraphs.firstIndex { ps in ps.contains { $0.hasPrefix(n) || $0.hasSuffix(n) } }
    }

    /// The piece a candidate is: by its longest headline line the truth prints, else by its first paragraph.
    func piece(of candidate: (titles: [String], paragraphs: [String])) -> Int? {
        for t in candidate.titles.map(LineAlignment.normal).sorted(by: { $0.count > $1.count }) {
            if let i = headings.firstIndex(where: { $0.contains(t) }) { return i }
        }
        return candidate.paragraphs.lazy.compactMap(piece(ofParagraph:)).first
    }

    /// The candidate that is the chain's true piece, a new piece if none is yet, or nil when
    /// the truth does not print the chain.
    func answer(_ q: AttachmentQuery) -> Int? {
        guard let truth = q.chain.lazy.compactMap(piece(ofParagraph:)).first else { return nil }
        return q.candidates.indices.dropLast().first { piece(of: q.candidates[$0]) == truth } ?? q.candidates.count - 1
    }
}
