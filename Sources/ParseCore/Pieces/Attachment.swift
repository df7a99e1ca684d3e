/// Who decides where a chain of runs with no headline above it goes (`RunPlacement`), where
/// the conventions leave it open: the trained attachment scorer, or, while training, a teacher
/// who knows.
package enum Placer {
    case model(AttachmentWeights)
    case teacher(AttachmentTeacher)
}

/// One decision to learn from: each candidate's features (every piece on the page, then a new
/// headless piece), which candidate is right, and which one the conventions chose.
package struct AttachmentExample: Sendable {
    package let candidates: [[UInt32]]
    package let truth: Int
    package let rule: Int
}

/// What the teacher is shown of a decision: the chain's paragraphs, and each candidate piece's
/// headline lines and the paragraphs it has so far; the last candidate, a new piece, has neither.
package struct AttachmentQuery {
    package let chain: [String]
    package let candidates: [(titles: [String], paragraphs: [String])]
}

/// Places each chain where `answer` says (the true piece, read off a page's truth) and keeps the
/// features of every decision it could answer; where it cannot, the conventions place the chain.
package final class AttachmentTeacher {
    let answer: (AttachmentQuery) -> Int?
    package private(set) var examples: [AttachmentExample] = []

    package init(answer: @escaping (AttachmentQuery) -> Int?) { self.answer = answer }

    func record(_ example: AttachmentExample) { examples.append(example) }
}

/// The features of a (chain, candidate piece) pair: what the conventions weighed, read as
/// evidence instead of thresholds. Topic overlap with the piece's headline and text, whether the
/// piece is the one printed just above and whether its text closed there (a signature, a jump),
/// whether the chain opens like a piece of its own (a dateline lead, a byline line), how far
/// away the piece is printed, and what the conventions would have chosen.
package enum AttachmentFeatures {
    package static let version = "attachment-features-3: pair(chain rel body titled) sim(body titled) best ratio fit(body) rule between photo blocks sim*rel opened(chain rel) titleLike(chain rel) size(rel) new(chain maxSim rule paragraphs neighbour titleLike)"

    /// What the chain is, whatever the candidate: 0 text that goes on, 1 a beginning with a
    /// dateline lead, 2 a beginning under a byline line.
    struct Chain {
        let kind: UInt32
        let paragraphs: UInt32
        /// Its first paragraph is short and ends no sentence: the title of an item in a
        /// collection (a briefs column, a roundup, recipes), printed as a paragraph.
        let titleLike: Bool
    }

    /// The candidate as seen from the chain.
    struct Candidate {
        /// 0 another piece, 1 the piece printed just above, its text closed, 2 the same, open.
        let relation: UInt32
        let hasBody: Bool, titled: Bool, photo: Bool
        let similarity: Double, share: Double, best: Bool, fit: Double
        let chosenByRule: Bool
        /// Headline blocks printed between the piece and the chain.
        let between: Int
        /// How the piece's text opened: 0 it has none yet, 1 with a dateline lead, 2 under a
        /// byline, 3 with plain text. A piece that opened without a lead may be a collection.
        let opened: UInt32
    }

    static func pair(_ c: Chain, _ d: Candidate, separatedBlocks: Bool) -> [UInt32] {
        let body: UInt32 = d.hasBody ? 1 : 0, titled: UInt32 = d.titled ? 1 : 0
        let sim = bucket(d.similarity, step: 0.05, limit: 20), fit = bucket(d.fit, step: 0.1, limit: 10)
        return [
            hash(1, c.kind << 8 | d.relation << 4 | body << 2 | titled << 1),
            hash(2, sim << 4 | body << 1 | titled),
            hash(3, (d.best ? 1 : 0) << 4 | c.kind << 2 | d.relation),
            hash(4, bucket(d.share, step: 0.1, limit: 10) << 2 | c.kind),
            hash(5, fit << 4 | body << 2 | c.kind),
            hash(6, (d.chosenByRule ? 1 : 0) << 2 | c.kind),
            hash(7, UInt32(min(d.between, 3)) << 4 | d.relation << 2),
            hash(8, d.photo ? 1 : 0),
            hash(9, (separatedBlocks ? 1 : 0) << 4 | d.relation << 2),
            hash(10, sim << 4 | d.relation),
            hash(11, d.opened << 4 | c.kind << 2 | d.relation),
            hash(12, (c.titleLike ? 1 : 0) << 4 | c.kind << 2 | d.relation),
            hash(13, min(c.paragraphs, 6) << 2 | d.relation),
        ]
    }

    /// A new headless piece: how strongly the chain's best match pulls it elsewhere, and whether
    /// the conventions would have made one.
    static func newPiece(_ c: Chain, bestSimilarity: Double, chosenByRule: Bool, neighbour: UInt32) -> [UInt32] {
        [
            hash(20, c.kind),
            hash(21, bucket(bestSimilarity, step: 0.05, limit: 20) << 2 | c.kind),
            hash(22, (chosenByRule ? 1 : 0) << 2 | c.kind),
            hash(23, min(c.paragraphs, 4) << 2 | c.kind),
            hash(24, neighbour << 2 | c.kind),
            hash(25, (c.titleLike ? 1 : 0) << 4 | neighbour << 2 | c.kind),
        ]
    }

    /// The line features' hash, over templates of their own (0x4000 and up).
    @inline(__always) private static func hash(_ template: UInt32, _ value: UInt32) -> UInt32 {
        LineFeatures.hash(template | 0x4000, value)
    }

    private static func bucket(_ x: Double, step: Double, limit: Int) -> UInt32 {
        UInt32(max(0, min(limit, Int((x / step).rounded(.down)))))
    }
}
