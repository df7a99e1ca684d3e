import XCTest
@testable import ArchiveIndex
import ParseCore

/// Ranking that skips blocks of a common term (block-max) finds the same best hits, with the
/// same scores, as scoring every match does.
final class RankingTests: XCTestCase {
    /// The front keeps exactly the pairs no other pair beats on both frequency and length, and
    /// once joined down to its few pairs, each pair of the block is still beaten or met by one.
    func testImpactsBoundEveryPairOfABlock() {
        var rng = SplitMix64(seed: 77)
        for _ in 0..<300 {
            let n = 1 + rng.below(128)
            let pairs = (0..<n).map { _ in (tf: UInt32(1 + rng.below(rng.below(2) == 0 ? 4 : 40)), length: UInt16(1 + rng.below(3_000))) }
            var impacts = BlockImpacts()
            for p in pairs { impacts.add(tf: p.tf, length: p.length) }
            let pareto = Set(pairs.filter { p in
                !pairs.contains { q in q.tf >= p.tf && q.length <= p.length && (q.tf > p.tf || q.length < p.length) }
            }.map { "\($0.tf)/\($0.length)" })
            XCTAssertEqual(Set(impacts.front.map { "\($0.tf)/\($0.length)" }), pareto)
            impacts.reduce(average: 400)
            let reduced = impacts.front
            XCTAssertLessThanOrEqual(reduced.count, BlockImpacts.count)
            for p in pairs {
                XCTAssertTrue(reduced.contains { UInt32($0.tf) >= p.tf && $0.length <= p.length }, "\(p) is bounded")
            }
        }
    }

    /// A search in date order lists the matches as sorting every one by date, page and archive
    /// order does, each with the score a ranked search gives it.
    func testDateOrderIsTheCalendarsWithRankedScores() throws {
        let dir = TestFixtures.temporaryDirectory("date-order")
        try TestFixtures.writeRealPages(120, seed: 5, to: dir)
        _ = try Ingester.run(index: "\(dir)/index", paths: [dir])
        let archive = try Archive.open(dir: "\(dir)/index")
        let searcher = Searcher(archive: archive)
        let 中国 = Query.text("中国", .all)
        // One text term OR a filter: the first N by date are as many records as the term's, but others.
        let alone = searcher.search(中国, top: nil).total
        for (q, tops) in [(中国, [1, 10, nil]), (.or([中国, .date(19900101, 19900131)]), [alone, 7]), (.and([中国, .not(.text("发展", .all))]), [3, nil])] {
            let ranked = searcher.search(q, top: nil)
            let score = Dictionary(uniqueKeysWithValues: ranked.hits.map { ($0.ref, $0.score) })
            for order in [DateOrder.oldestFirst, .newestFirst] {
                let sign: Int64 = order == .oldestFirst ? 1 : -1
                let expected = ranked.hits.map(\.ref).sorted {
                    (sign * Int64(archive.date($0)), archive.segments[$0.segment].page($0.doc) ?? 0, $0) <
                        (sign * Int64(archive.date($1)), archive.segments[$1.segment].page($1.doc) ?? 0, $1)
                }
                for top in tops {
                    let got = searcher.search(q, top: top, order: order)
                    XCTAssertEqual(got.total, ranked.total)
                    XCTAssertEqual(got.hits.map(\.ref), Array(expected.prefix(top ?? expected.count)), "\(q) \(order) \(top ?? -1)")
                    XCTAssertEqual(got.hits.map(\.score), got.hits.map { score[$0.ref]! }, "\(q) \(order) \(top ?? -1)")
                }
            }
        }
    }

    func testTopHitsOfAPairAreTheHeadOfTheFullRanking() throws {
        let dir = TestFixtures.temporaryDirectory("ranking")
        try TestFixtures.writeRealPages(200, seed: 31, to: dir)
        _ = try Ingester.run(index: "\(dir)/index", paths: [dir])
        let archive = try Archive.open(dir: "\(dir)/index")
        let searcher = Searcher(archive: archive)
        var pruned = 0
        for q in ["中国", "发展", "工作", "经济", "人民", "国家", "企业", "我们", "记者", "建设", "20", "今年", "北京", "习近"] {
            let query = Query.text(q, .all)
            let all = searcher.search(query, top: nil)
            for top in [1, 10, 25] {
                let best = try XCTUnwrap(searcher.bestOfPair(query, top: top), q)
                XCTAssertEqual(best.total, all.total, q)
                XCTAssertEqual(best.hits.map(\.ref), all.hits.prefix(top).map(\.ref), "\(q), top \(top)")
                XCTAssertEqual(best.hits.map(\.score), all.hits.prefix(top).map(\.score), "\(q), top \(top)")
            }
            // No block's bound is below the best score it holds, and many are below the best of all.
            let seg = try XCTUnwrap(archive.segments.first)
            let key = try XCTUnwrap(TermMatching.pairKey(SearchText.folded(q)))
            let t = try XCTUnwrap(seg.body.find(key), q)
            let skips = seg.body.skips(t)
            guard skips.count > 0 else { continue }
            let bounds = searcher.blockBounds(skips, headline: seg.headline.find(key).map { seg.list(seg.headline, $0) } ?? PostingList(),
                                              idf: searcher.idf(all.total))
            let scores = Dictionary(uniqueKeysWithValues: all.hits.map { ($0.ref.doc, $0.score) })
            for k in 0..<skips.count {
                var most = 0.0
                seg.body.forEachPosting(in: skips.part(k)) { d, _ in most = max(most, scores[Int(d)]!) }
                XCTAssertLessThanOrEqual(most, bounds[k], "\(q), block \(k)")
            }
            pruned += bounds.filter { $0 < all.hits[0].score }.count
        }
        XCTAssertGreaterThan(pruned, 10, "blocks that cannot hold the best hit")
    }

    func testAPairInAnArchiveWithDeletionsIsRankedByEveryMatch() throws {
        let dir = TestFixtures.temporaryDirectory("ranking-deleted")
        try TestFixtures.writeRealPages(30, seed: 32, to: dir)
        _ = try Ingester.run(index: "\(dir)/index", paths: [dir])
        let page = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted().first)
        try "# 新的标题\n\n本报讯 中国发展。\n".write(toFile: "\(dir)/\(page)", atomically: false, encoding: .utf8)
        _ = try Ingester.run(index: "\(dir)/index", paths: [dir])
        let archive = try Archive.open(dir: "\(dir)/index")
        XCTAssertTrue(archive.segments.contains { $0.deleted != nil }, "the replaced page's pieces are deleted")
        let searcher = Searcher(archive: archive)
        XCTAssertNil(searcher.bestOfPair(.text("中国", .all), top: 10))
        let all = searcher.search(.text("中国", .all), top: nil)
        let top = searcher.search(.text("中国", .all), top: 10)
        XCTAssertEqual(top.total, all.total)
        XCTAssertEqual(top.hits.map(\.ref), all.hits.prefix(10).map(\.ref))
    }
}
