/// Articles that jump between pages: (下转第3版) under the first part on page 1, (上接第1版)
/// over the rest on page 3 of the same day. When a day has exactly one part jumping from page P
/// to page N and one continued on N from P, the two are linked whatever their headlines say (a
/// front-page part's headline is often misread, and a continuation may print none or another).
/// Otherwise parts are linked when their headlines match (equal after folding, or one
/// containing the other, as a continuation often prints a short form) or the continuation
/// prints none; among several, the one whose text meets the first part's end on the most
/// character pairs wins.
public enum Continuations {
    /// What linking needs of a piece that carries a jump marker.
    public struct Part: Codable, Equatable, Sendable {
        public var id: String
        public var date: String
        public var page: Int
        public var headline: String?
        public var continuesTo: Int?
        public var continuedFrom: Int?
        /// The text at the seam: the end of a first part, the beginning of a continuation.
        public var seam: String

        /// The part a piece is, when it jumps and its page and date are known.
        public init?(_ a: Article) {
            guard a.continuesTo != nil || a.continuedFrom != nil, let date = a.date, let page = a.page else { return nil }
            id = a.id; self.date = date; self.page = page; headline = a.headline
            continuesTo = a.continuesTo; continuedFrom = a.continuedFrom
            let text = a.paragraphs.joined()
            seam = String(a.continuesTo != nil ? text.suffix(Self.seamLength) : text.prefix(Self.seamLength))
        }

        static let seamLength = 160
    }

    /// Pairs (first part, continuation) by id.
    public static func link(_ parts: [Part]) -> [(first: String, rest: String)] {
        var byDay: [String: [Part]] = [:]
        for p in parts { byDay[p.date, default: []].append(p) }
        var out: [(String, String)] = []
        for (_, day) in byDay.sorted(by: { $0.key < $1.key }) {
            var firsts: [[Int]: Int] = [:], rests: [[Int]: Int] = [:]
            for p in day {
                if let to = p.continuesTo { firsts[[p.page, to], default: 0] += 1 }
                if let from = p.continuedFrom { rests[[from, p.page], default: 0] += 1 }
            }
            var candidates: [(score: (Int, Int), first: Int, rest: Int)] = []
            for (i, a) in day.enumerated() {
                guard let to = a.continuesTo else { continue }
                let alone = firsts[[a.page, to]] == 1 && rests[[a.page, to]] == 1
                for (j, b) in day.enumerated() where i != j && b.page == to && b.continuedFrom == a.page {
                    guard let match = alone ? 3 : headlineMatch(a.headline, b.headline) else { continue }
                    candidates.append(((match, sharedPairs(a.seam, b.seam)), i, j))
                }
            }
            var usedFirst = Set<Int>(), usedRest = Set<Int>()
            for c in candidates.sorted(by: { $0.score != $1.score ? $0.score > $1.score : ($0.first, $0.rest) < ($1.first, $1.rest) })
            where !usedFirst.contains(c.first) && !usedRest.contains(c.rest) {
                usedFirst.insert(c.first); usedRest.insert(c.rest)
                out.append((day[c.first].id, day[c.rest].id))
            }
        }
        return out
    }

    /// 2 for equal headlines, 1 when one contains the other or the continuation prints none,
    /// nil when they differ.
    static func headlineMatch(_ a: String?, _ b: String?) -> Int? {
        guard let b else { return 1 }
        guard let a else { return nil }
        let x = fold(a), y = fold(b)
        if x == y { return 2 }
        guard !x.isEmpty, !y.isEmpty else { return nil }
        return x.contains(y) || y.contains(x) ? 1 : nil
    }

    /// Letters and digits only, full-width forms as half-width: what two printings of one
    /// headline share whatever their punctuation and spacing.
    static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            let v = (0xFF01...0xFF5E).contains(c.value) ? Unicode.Scalar(c.value - 0xFEE0)! : c
            if v.properties.isAlphabetic || v.properties.numericType != nil { out.append(v) }
        }
        return String(out)
    }

    static func sharedPairs(_ a: String, _ b: String) -> Int {
        func pairs(_ s: String) -> Set<String> {
            let c = Array(s)
            return Set(c.indices.dropLast().map { String(c[$0...$0 + 1]) })
        }
        return pairs(a).intersection(pairs(b)).count
    }
}
