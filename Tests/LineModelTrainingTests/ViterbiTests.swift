import XCTest
import ParseCore

/// Viterbi finds the best sequence: checked against trying every sequence on small lattices.
final class ViterbiTests: XCTestCase {
    func testViterbiEqualsBruteForceOnRandomLattices() {
        var rng = SplitMix64(seed: 7)
        func r() -> Double { Double(rng.below(2001)) / 100 - 10 }
        for _ in 0..<300 {
            let n = 1 + rng.below(6), k = 1 + rng.below(3)
            let emission = (0..<n).map { _ in (0..<k).map { _ in r() } }
            let transition = (0..<k).map { _ in (0..<k).map { _ in r() } }
            let start = (0..<k).map { _ in r() }
            let allowed = (0..<n).map { _ in (0..<k).map { _ in rng.below(4) > 0 } }
            func permits(_ i: Int, _ y: Int) -> Bool { allowed[i][y] || !allowed[i].contains(true) }
            func score(_ ys: [Int]) -> Double {
                ys.indices.reduce(0.0) { s, i in s + emission[i][ys[i]] + (i == 0 ? start[ys[0]] : transition[ys[i - 1]][ys[i]]) }
            }
            var best = -Double.infinity
            var all: [[Int]] = [[]]
            for i in 0..<n { all = all.flatMap { p in (0..<k).filter { permits(i, $0) }.map { p + [$0] } } }
            for ys in all { best = max(best, score(ys)) }
            let got = Viterbi.decode(emission: emission, transition: transition, start: start, allowed: allowed)
            XCTAssertEqual(got.count, n)
            XCTAssertTrue(got.indices.allSatisfy { permits($0, got[$0]) }, "only allowed labels")
            XCTAssertEqual(score(got), best, accuracy: 1e-9)
        }
    }

    func testEmptyAndOneLabelLattices() {
        XCTAssertEqual(Viterbi.decode(emission: [], transition: [[0]], start: [0], allowed: []), [])
        XCTAssertEqual(Viterbi.decode(emission: [[1], [2]], transition: [[0]], start: [0], allowed: [[false], [true]]), [0, 0])
    }
}
