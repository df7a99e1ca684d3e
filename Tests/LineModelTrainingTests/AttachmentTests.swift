import Foundation
import XCTest
@testable import LineModelTraining
@testable import ParseCore

/// The attachment scorer: the teacher reads the truth right, the fit learns what the
/// conventions leave open better than they decide it, and the weights choose by their sum.
final class AttachmentTests: XCTestCase {
    private static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").path
    /// The decisions of the real-article and synthetic fixture pages: three in four pages of
    /// each to learn from, the rest held out.
    private static let decisions: (train: [AttachmentExample], test: [AttachmentExample]) = {
        var train: [AttachmentExample] = [], test: [AttachmentExample] = []
        for set in ["real-articles", "synthetic"] {
            for (i, page) in try! TruthPage.folder("\(fixtures)/\(set)").enumerated() {
                if i % 4 == 3 { test += AttachmentTraining.examples(page) } else { train += AttachmentTraining.examples(page) }
            }
        }
        return (train, test)
    }()

    func testTheTeacherNamesTheTruePieceANewOneOrNone() {
        let truth = TruthPieces([
            ["headline": "安庆举办擂台展示赛", "kicker": "特色工作哪家强", "paragraphs": ["本报讯 安庆市总工会举办擂台展示赛。", "祝燕在擂台展示赛上介绍了诉调对接工作。"]],
            ["headline": "厦门推出线上调解平台", "paragraphs": ["本报讯 厦门市总工会推出线上调解平台,职工维权更便捷。"]],
        ])
        let candidates: [(titles: [String], paragraphs: [String])] = [
            (["特色工作哪家强", "安庆举办擂台展示赛"], ["本报讯 安庆市总工会举办擂台展示赛。"]),
            (["厦门推出线上调解平台"], []),
            ([], []),
        ]
        // A paragraph of the first piece, and the cut first half of one.
        XCTAssertEqual(truth.answer(AttachmentQuery(chain: ["祝燕在擂台展示赛上介绍了诉调对接工作。"], candidates: candidates)), 0)
        XCTAssertEqual(truth.answer(AttachmentQuery(chain: ["祝燕在擂台展示赛上"], candidates: candidates)), 0)
        // By its headline, a piece with no text yet.
        XCTAssertEqual(truth.answer(AttachmentQuery(chain: ["本报讯 厦门市总工会推出线上调解平台,职工维权更便捷。"], candidates: candidates)), 1)
        // The second piece is not among the candidates: a new piece.
        XCTAssertEqual(truth.answer(AttachmentQuery(chain: ["本报讯 厦门市总工会推出线上调解平台,职工维权更便捷。"],
                                                    candidates: [candidates[0], candidates[2]])), 1)
        XCTAssertNil(truth.answer(AttachmentQuery(chain: ["一段真相里没有的文字。"], candidates: candidates)))
    }

    func testTheWeightsChooseTheCandidateWithTheHighestSumAndTheFirstOfATie() {
        var dense = [Float](repeating: 0, count: LineModel.slots)
        dense[3] = 2; dense[7] = -1; dense[9] = 0.5
        let w = AttachmentWeights(dense: dense)
        XCTAssertEqual(w.used, [3, 7, 9])
        XCTAssertEqual(w.choose([[7], [3, 7], [9, 9]]), 1)
        XCTAssertEqual(w.choose([[9, 9], [3, 7]]), 0, "a tie goes to the first")
        XCTAssertEqual(w.score([3, 3, UInt32(LineModel.slots) + 9]), 4.5, "features are slots modulo the table")
    }

    func testTheFitLearnsAndPlacesHeldOutTextBetterThanTheConventions() {
        let (train, test) = Self.decisions
        // The conventions leave few placements open on these pages (measured: 8 to learn from,
        // 3 held out); the fit places all 8 and 2 of the 3 right, the conventions 0 and 1.
        XCTAssertGreaterThanOrEqual(train.count, 6)
        XCTAssertGreaterThanOrEqual(test.count, 2)
        for e in train + test {
            XCTAssertTrue(e.candidates.indices.contains(e.truth))
            XCTAssertTrue(e.candidates.indices.contains(e.rule))
        }
        var errors: [Int] = []
        let w = AttachmentTraining.fit(train, epochs: 6, seed: 2) { errors.append($1) }
        XCTAssertEqual(errors.count, 6)
        XCTAssertLessThan(errors.last!, errors.first!)
        func right(_ set: [AttachmentExample], _ pick: (AttachmentExample) -> Int) -> Int { set.filter { pick($0) == $0.truth }.count }
        let model = right(test) { w.choose($0.candidates) }, conventions = right(test, \.rule)
        print("placements: the model \(model), the conventions \(conventions) of \(test.count) held out; \(right(train) { w.choose($0.candidates) }) and \(right(train, \.rule)) of \(train.count) learnt from")
        XCTAssertGreaterThan(right(train) { w.choose($0.candidates) }, right(train, \.rule))
        XCTAssertGreaterThanOrEqual(model, conventions)
        XCTAssertEqual(AttachmentTraining.fit(train, epochs: 6, seed: 2).weights, w.weights, "the same decisions give the same weights")
    }
}
