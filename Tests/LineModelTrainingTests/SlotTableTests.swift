import XCTest
import ParseCore

/// A line's scores from the model's table of used slots equal the sums over the dense weights
/// the trainer fitted, slots whose low bits collide in the table included.
final class SlotTableTests: XCTestCase {
    func testScoresAreTheDenseWeightsSummedInOrder() {
        var rng = SplitMix64(seed: 5)
        let k = LineLabel.allCases.count, mask = UInt32(LineModel.slots - 1)
        var dense = [Float](repeating: 0, count: LineModel.slots * k)
        let used = (0..<300).map { _ in UInt32(rng.below(LineModel.slots)) } + (0..<4).map { 5 + UInt32($0) << 12 }
        for s in used { for y in 0..<k { dense[Int(s) * k + y] = Float(rng.below(200)) / 8 - 12 } }
        let zero = [Double](repeating: 0, count: k)
        let model = LineModel(trainedOn: "test", weights: dense, transition: Array(repeating: zero, count: k), start: zero)
        for _ in 0..<200 {
            // Features are slots under any high bits; some carry weight, most do not.
            let features = (0..<(1 + rng.below(80))).map { _ -> UInt32 in
                let slot = rng.below(3) == 0 ? used[rng.below(used.count)] : UInt32(rng.below(LineModel.slots))
                return slot | UInt32(rng.below(4096)) << 20
            }
            let expected = (0..<k).map { y in features.reduce(0.0) { $0 + Double(dense[Int($1 & mask) * k + y]) } }
            XCTAssertEqual(model.scores(features), expected)
        }
        XCTAssertEqual(model.scores([]), zero)
    }
}
