import Foundation

/// How strongly a string goes with a term, from how often it occurs near the term (`near`),
/// how often the term and the string occur in the whole archive, and the archive's size.
public enum CollocationMeasure: String, Sendable, CaseIterable {
    /// 14 + log2(2·near / (term + string)): Sketch Engine's, steady across archive sizes.
    case logDice = "logdice"
    /// log2(near · size / (term · string · span)): favours rare strings.
    case mi
    /// (near − expected) / √near: favours frequent strings that are sure.
    case t

    func score(near: Int, term: Int, string: Int, size: Int, span: Int) -> Double {
        let o = Double(near), fx = Double(term), fy = Double(string), n = Double(max(1, size))
        switch self {
        case .logDice: return 14 + log2(2 * o / (fx + fy))
        case .mi: return log2(o * n / (fx * fy * Double(span)))
        case .t: return (o - fx * fy * Double(span) / n) / o.squareRoot()
        }
    }
}

/// A string that occurs near a term: the string (folded as the index folds), the times it
/// occurs near the term, the times in the whole archive, and the score of the measure asked.
public struct Collocate: Sendable, Equatable {
    public let text: String
    public let near: Int
    public let archive: Int
    public let score: Double
}

extension Searcher {
    /// Collocates of the query's words and phrases, as a concordancer finds them: every string
    /// of 2 to 4 word characters (Chinese, Latin letters, digits; no punctuation or space inside)
    /// lying wholly within `window` characters before or after an occurrence, in the same field
    /// and not overlapping an occurrence, counted once per place in the text however many
    /// occurrences it is near, in the records the query matches (its filters apply). Kept:
    /// those near at least `minimum` times, scored against their frequency in the whole archive;
    /// the best `limit` (all when nil), best first, ties by the string.
    public func collocates(_ q: Query, window: Int, minimum: Int, measure: CollocationMeasure,
                           limit: Int?) -> (occurrences: Int, collocates: [Collocate]) {
        let terms = uniqueTerms(q).map { (folded($0.0), $0.1) }.filter { !$0.0.isEmpty }
        var near: [UInt64: Int] = [:]
        var seen = 0
        for r in matches(q) {
            let (units, headline) = archive.segments[r.segment].units(r.doc)
            units.withUnsafeBufferPointer { t in
                let found = occurrences(of: terms, in: t, headline: headline)
                seen += found.count
                Self.countNear(found, in: t, window: window, into: &near)
            }
        }
        let span = 2 * window
        let size = archive.textUnits
        let candidates = near.filter { $0.value >= minimum }
        // A string occurs in the archive at least as often as near the term, and every measure
        // falls as the string grows commoner: scored as if it occurred only there, a candidate
        // is bounded, so the archive is asked only about those whose bound can still place.
        let bounded = candidates.map { (key: $0.key, near: $0.value,
                                        bound: measure.score(near: $0.value, term: seen, string: $0.value, size: size, span: span)) }
            .sorted { $0.bound != $1.bound ? $0.bound > $1.bound : $0.key < $1.key }
        var best: [Collocate] = []
        for c in bounded {
            let text = Self.string(c.key)
            // Candidates come by bound, then by string, as ties rank: once the last kept one
            // ranks before this one's bound, it ranks before every one still to come.
            if let limit, best.count >= limit, !Self.ranks(Collocate(text: text, near: 0, archive: 0, score: c.bound), before: best[limit - 1]) { break }
            let frequency = count(.text(text, .all), byMonth: false).occurrences
            let scored = Collocate(text: text, near: c.near, archive: frequency,
                                   score: measure.score(near: c.near, term: seen, string: frequency, size: size, span: span))
            best.insert(scored, at: best.firstIndex { Self.ranks(scored, before: $0) } ?? best.count)
            if let limit, best.count > limit { best.removeLast() }
        }
        return (seen, best)
    }

    private static func ranks(_ a: Collocate, before b: Collocate) -> Bool {
        a.score != b.score ? a.score > b.score : a.text < b.text
    }

    /// Counts the strings near the occurrences `found` in one record's text `t`.
    static func countNear(_ found: [(at: Int, length: Int)], in t: UnsafeBufferPointer<UInt16>, window: Int,
                          into near: inout [UInt64: Int]) {
        guard !found.isEmpty else { return }
        // Which places are near an occurrence (and not in one), field boundaries respected.
        var inside = [Bool](repeating: false, count: t.count), close = inside
        for (at, length) in found { for i in at..<(at + length) { inside[i] = true } }
        for (at, length) in found {
            var i = at - 1
            while i >= 0, at - i <= window, t[i] != RecordCodec.separator { close[i] = true; i -= 1 }
            i = at + length
            while i < t.count, i - at - length < window, t[i] != RecordCodec.separator { close[i] = true; i += 1 }
        }
        var i = 0
        while i < t.count {
            guard close[i], !inside[i], isCollocateLetter(t[i]) else { i += 1; continue }
            var j = i
            while j < t.count, close[j], !inside[j], isCollocateLetter(t[j]) { j += 1 }
            // Every string of 2 to 4 letters in the run [i, j).
            for start in i..<j {
                var key: UInt64 = 0
                for length in 1...min(4, j - start) {
                    key |= UInt64(SearchText.fold(t[start + length - 1])) << (16 * UInt64(4 - length))
                    if length >= 2 { near[key, default: 0] += 1 }
                }
            }
            i = j
        }
    }

    /// A word character that is a whole character: not half of one outside the BMP.
    @inline(__always) static func isCollocateLetter(_ u: UInt16) -> Bool {
        SearchText.isWord(SearchText.fold(u)) && !UTF16.isLeadSurrogate(u) && !UTF16.isTrailSurrogate(u)
    }

    /// The string of a key: up to four UTF-16 units, high first, none of them 0.
    static func string(_ key: UInt64) -> String {
        let units = (0..<4).map { UInt16(truncatingIfNeeded: key >> (16 * UInt64(3 - $0))) }.filter { $0 != 0 }
        return String(decoding: units, as: UTF16.self)
    }
}
