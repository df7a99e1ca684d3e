import Foundation
import XCTest
import ParseCore

/// The parser against hand-checked answers, real articles laid out as pages, and a synthetic archive's truth.
final class GoldTests: XCTestCase {
    func testGoldDumpsScoreLikeAnEditor() throws {
        let golds = Fixtures.files(in: "gold", suffix: ".gold.json")
        XCTAssertEqual(golds.count, 3)
        var pages: [(source: String, text: String)] = []
        var answers: [String: [GoldPiece]] = [:]
        for g in golds {
            let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("gold/" + g))
            let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            let source = try XCTUnwrap(doc["source"] as? String)
            let name = URL(fileURLWithPath: source).lastPathComponent
            answers[name] = (doc["articles"] as? [[String: Any]] ?? []).map(GoldPiece.init(json:))
        }
        for name in Fixtures.dumpNames() { pages.append(("dumps/" + name, try Fixtures.text("dumps/" + name))) }
        let articles = Fixtures.parse(pages)
        var scorer = Scorer()
        for (name, gold) in answers.sorted(by: { $0.key < $1.key }) {
            let pred = articles.filter { $0.source.hasSuffix(name) }.map(GoldPiece.init)
            scorer.add(gold: gold, pred: pred)
        }
        print("gold: \(scorer.summary)")
        XCTAssertGreaterThanOrEqual(scorer.pieceF1, 0.97)
        XCTAssertGreaterThanOrEqual(scorer.bodyF1, 0.98)
        XCTAssertGreaterThanOrEqual(scorer.paragraphsExact, 0.95)
        XCTAssertGreaterThanOrEqual(scorer.names, 0.95)
        XCTAssertGreaterThanOrEqual(scorer.unionF1, 0.95)
    }

    /// Each page parsed on its own, with no archive statistics, must score nearly as well.
    func testGoldDumpsParsedOneByOne() throws {
        var scorer = Scorer()
        for g in Fixtures.files(in: "gold", suffix: ".gold.json") {
            let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("gold/" + g))
            let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            let name = URL(fileURLWithPath: try XCTUnwrap(doc["source"] as? String)).lastPathComponent
            let pred = PageParser().parse(try Fixtures.text("dumps/" + name), source: name)
            scorer.add(gold: (doc["articles"] as? [[String: Any]] ?? []).map(GoldPiece.init(json:)), pred: pred.map(GoldPiece.init))
        }
        print("gold, one by one: \(scorer.summary)")
        XCTAssertGreaterThanOrEqual(scorer.pieceF1, 0.97)
        XCTAssertGreaterThanOrEqual(scorer.bodyF1, 0.97)
    }

    /// Sixty synthetic pages (make_corpus.py --pages 60 --seed 5) against their truth. The floor
    /// is what the format allows: see README, "How well it parses", for why it is not higher.
    func testSyntheticArchiveAgainstTruth() throws {
        let truth = try Fixtures.truthPages("synthetic")
        XCTAssertEqual(truth.pages.count, 60)
        let articles = Fixtures.parse(truth.pages)
        let answers = truth.answers
        let scorer = Fixtures.score(answers, articles)
        print("synthetic: \(scorer.summary)")
        XCTAssertGreaterThanOrEqual(scorer.pieceF1, 0.92)
        XCTAssertGreaterThanOrEqual(scorer.bodyF1, 0.92)
        XCTAssertGreaterThanOrEqual(scorer.names, 0.90)
        // Scored per piece, a union in a paragraph placed in the wrong piece counts twice, so this
        // follows the body figure; per page it measures recognition alone.
        XCTAssertGreaterThanOrEqual(scorer.unionF1, 0.88)
        var tp = 0, fp = 0, fn = 0
        for (source, gold) in answers {
            var expected = [String: Int](), got = [String: Int]()
            for g in gold { for u in g.unions { expected[u[0], default: 0] += 1 } }
            for a in articles where a.source == source { for u in a.unions { got[u.name, default: 0] += 1 } }
            for k in Set(expected.keys).union(got.keys) {
                let both = min(expected[k] ?? 0, got[k] ?? 0)
                tp += both
                fp += (got[k] ?? 0) - both
                fn += (expected[k] ?? 0) - both
            }
        }
        let precision = Double(tp) / Double(max(1, tp + fp)), recall = Double(tp) / Double(max(1, tp + fn))
        let pageF1 = 2 * precision * recall / max(precision + recall, 1e-9)
        print(String(format: "synthetic unions per page: F1 %.3f", pageF1))
        XCTAssertGreaterThanOrEqual(pageF1, 0.97)
    }

    /// Real articles of a national daily laid out as 48 pages with the dumps' faults
    /// (make_pages.py --pages 40 --seed 40, see Fixtures/README.md). The floors sit at what the
    /// parser reaches today; README, "How well it parses", gives the figures on unseen months.
    func testRealArticlePagesAgainstTruth() throws {
        let truth = try Fixtures.truthPages("real-articles")
        XCTAssertEqual(truth.pages.count, 48)
        let scorer = Fixtures.score(truth.answers, Fixtures.parse(truth.pages))
        print("real articles: \(scorer.summary)")
        XCTAssertGreaterThanOrEqual(scorer.pieceF1, 0.91)
        // One page (2019-10-18 p7) prints a headline with no text at its top and the text, under
        // 内容提要, after another piece: the one headline block without text that the parser
        // still misplaces. Its 19 paragraphs are 0.02 of the body, and a displaced chain of 27
        // on 2019-10-17 p1 goes with one piece or another as the attachment weights move by a
        // retrain (body 0.961 or 0.932): the floor leaves room for both.
        XCTAssertGreaterThanOrEqual(scorer.bodyF1, 0.92)
        XCTAssertGreaterThanOrEqual(scorer.names, 0.92)
        XCTAssertGreaterThanOrEqual(scorer.kicker, 0.89)
        XCTAssertGreaterThanOrEqual(scorer.subheadline, 0.86)
    }

    /// The compiled-in line model is read and used: on the real-article pages it places more
    /// pieces and more text right than the conventions it overrides.
    func testTheLineModelBeatsTheConventionsOnRealArticlePages() throws {
        XCTAssertNil(PageParser.modelProblem)
        XCTAssertNotNil(PageParser().model)
        let truth = try Fixtures.truthPages("real-articles")
        let model = Fixtures.score(truth.answers, Fixtures.parse(truth.pages))
        let conventions = Fixtures.score(truth.answers, Fixtures.parse(truth.pages, conventionsOnly: true))
        print("real articles, conventions only: \(conventions.summary)")
        XCTAssertGreaterThan(model.pieceF1, conventions.pieceF1 + 0.005)
        XCTAssertGreaterThan(model.bodyF1, conventions.bodyF1 + 0.01)
    }
}
