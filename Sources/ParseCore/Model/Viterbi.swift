/// Best label sequence of a linear chain: per-position label scores, label-to-label transition
/// scores and a start score, with each position limited to the labels it allows.
package enum Viterbi {
    /// `emission[i][y]`, `transition[a][b]` (from a to b), `start[y]`; `allowed[i][y]`. A position
    /// that allows nothing is given its best-scoring label, so a sequence always comes back.
    package static func decode(emission: [[Double]], transition: [[Double]], start: [Double], allowed: [[Bool]]) -> [Int] {
        let n = emission.count, k = start.count
        guard n > 0, k > 0 else { return [] }
        func permits(_ i: Int, _ y: Int) -> Bool { allowed[i][y] || !allowed[i].contains(true) }
        var score = [Double](repeating: -.infinity, count: k)
        for y in 0..<k where permits(0, y) { score[y] = start[y] + emission[0][y] }
        var back = [[Int]](repeating: [Int](repeating: 0, count: k), count: n)
        for i in 1..<max(1, n) {
            var next = [Double](repeating: -.infinity, count: k)
            for y in 0..<k where permits(i, y) {
                var best = -Double.infinity, arg = 0
                for a in 0..<k where score[a] > -.infinity {
                    let s = score[a] + transition[a][y]
                    if s > best { best = s; arg = a }
                }
                next[y] = best + emission[i][y]
                back[i][y] = arg
            }
            score = next
        }
        var y = 0
        for c in 1..<k where score[c] > score[y] { y = c }
        var out = [Int](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            out[i] = y
            y = back[i][y]
        }
        return out
    }

    /// The score of one label sequence: what `decode` maximises.
    package static func score(_ path: [Int], emission: [[Double]], transition: [[Double]], start: [Double]) -> Double {
        guard let first = path.first else { return 0 }
        var total = start[first]
        for (i, y) in path.enumerated() {
            total += emission[i][y]
            if i > 0 { total += transition[path[i - 1]][y] }
        }
        return total
    }
}
