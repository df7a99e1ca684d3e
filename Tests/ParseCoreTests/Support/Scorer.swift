import Foundation
import ParseCore

/// The metrics of the project's scoring tool, in Swift: pieces matched by headline, then by body
/// overlap; body sentences found; paragraphs reproduced exactly; credited names; unions, where
/// a gold union is a list of aliases and any of them counts.
struct GoldPiece {
    var headline: String?
    var paragraphs: [String]
    var names: [[String]]
    var unions: [[String]]
    var kicker: String?
    var subheadline: String?
    /// Fields the truth cannot tell for this piece ("names", "unions", "kind"…): left out of its counts.
    var unscored: Set<String> = []

    init(json: [String: Any]) {
        headline = json["headline"] as? String
        paragraphs = json["paragraphs"] as? [String] ?? []
        names = ["reporters", "correspondents", "photographers", "authors"].map { json[$0] as? [String] ?? [] }
        unions = (json["unions"] as? [Any] ?? []).map { ($0 as? [String]) ?? [$0 as? String ?? ""] }
        kicker = json["kicker"] as? String
        subheadline = json["subheadline"] as? String
        unscored = Set(json["unscored"] as? [String] ?? [])
    }

    init(_ a: Article) {
        headline = a.headline
        paragraphs = a.paragraphs
        names = [a.reporters, a.correspondents, a.photographers, a.authors]
        unions = a.unions.map { [$0.name] }
        kicker = a.kicker
        subheadline = a.subheadline
    }
}

struct Scorer {
    private(set) var goldPieces = 0, predPieces = 0, headlineOK = 0
    private(set) var bodyGold = 0, bodyFound = 0, bodyPred = 0, bodyRight = 0
    private(set) var paraGold = 0, paraOK = 0, namesOK = 0, namesScored = 0
    private(set) var kickerOK = 0, subheadlineOK = 0
    private(set) var unionTP = 0, unionFP = 0, unionFN = 0

    static func norm(_ s: String?) -> String? {
        guard let s else { return nil }
        let folded = s.precomposedStringWithCompatibilityMapping
        var v = String.UnicodeScalarView()
        for c in folded.unicodeScalars where !(c.properties.isWhitespace || c == "#" || c == "*") { v.append(c) }
        return v.isEmpty ? nil : String(v)
    }

    /// Sentences as the scorer cuts them: after 。！？!?；; unless a closing quote follows, or after it.
    static func sentences(_ paragraphs: [String]) -> [String] {
        let ends: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "；", ";"]
        let strong: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?"]
        let closers: Set<Unicode.Scalar> = ["”", "’", "」", "』", "\"", ")", "）"]
        var out: [String] = []
        for p in paragraphs {
            let s = Array((norm(p) ?? "").unicodeScalars)
            var cur = String.UnicodeScalarView()
            for (i, c) in s.enumerated() {
                cur.append(c)
                let next = i + 1 < s.count ? s[i + 1] : nil
                let cutHere = (ends.contains(c) && !(next.map { closers.contains($0) } ?? false))
                    || (closers.contains(c) && i > 0 && strong.contains(s[i - 1]))
                if cutHere {
                    if cur.count >= 4 { out.append(String(cur)) }
                    cur = String.UnicodeScalarView()
                }
            }
            if cur.count >= 4 { out.append(String(cur)) }
        }
        return out
    }

    mutating func add(gold: [GoldPiece], pred: [GoldPiece]) {
        goldPieces += gold.count
        predPieces += pred.count
        var pairs: [Int: Int] = [:]
        var used = Set<Int>()
        for (gi, g) in gold.enumerated() {
            guard let gh = Self.norm(g.headline) else { continue }
            if let pi = pred.indices.first(where: { !used.contains($0) && Self.norm(pred[$0].headline) == gh }) {
                pairs[gi] = pi; used.insert(pi)
            }
        }
        let predText = pred.map { Set(Self.sentences($0.paragraphs)).joined(separator: "\n") }
        var candidates: [(Int, Int, Int)] = []
        for (gi, g) in gold.enumerated() where pairs[gi] == nil {
            let gs = Self.sentences(g.paragraphs)
            for pi in pred.indices where !used.contains(pi) {
                let hit = gs.filter { predText[pi].contains($0) }.reduce(0) { $0 + $1.unicodeScalars.count }
                if hit > 0 { candidates.append((hit, gi, pi)) }
            }
        }
        for (_, gi, pi) in candidates.sorted(by: { ($0.0, $0.1, $0.2) > ($1.0, $1.1, $1.2) })
        where pairs[gi] == nil && !used.contains(pi) {
            pairs[gi] = pi; used.insert(pi)
        }
        for (gi, g) in gold.enumerated() {
            let p = pairs[gi].map { pred[$0] }
            if let p, Self.norm(p.headline) == Self.norm(g.headline) { headlineOK += 1 }
            if let p, Self.norm(p.kicker) == Self.norm(g.kicker) { kickerOK += 1 }
            if let p, Self.norm(p.subheadline) == Self.norm(g.subheadline) { subheadlineOK += 1 }
            if !g.unscored.contains("names") {
                namesScored += 1
                if let p, p.names.map({ $0.map { Self.norm($0) } }) == g.names.map({ $0.map { Self.norm($0) } }) { namesOK += 1 }
            }
            let gs = Self.sentences(g.paragraphs)
            bodyGold += gs.reduce(0) { $0 + $1.unicodeScalars.count }
            paraGold += g.paragraphs.count
            if let p {
                let ptext = p.paragraphs.map { Self.norm($0) ?? "" }.joined(separator: "\n")
                bodyFound += gs.filter { ptext.contains($0) }.reduce(0) { $0 + $1.unicodeScalars.count }
                let pparas = Set(p.paragraphs.map { Self.norm($0) })
                paraOK += g.paragraphs.filter { pparas.contains(Self.norm($0)) }.count
            }
            guard !g.unscored.contains("unions") else { continue }
            let aliases = g.unions.map { Set($0.compactMap { Self.norm($0) }) }
            let predicted = Set((p?.unions ?? []).compactMap { $0.first.flatMap { Self.norm($0) } })
            let hits = aliases.filter { !$0.isDisjoint(with: predicted) }.count
            unionTP += hits
            unionFN += aliases.count - hits
            unionFP += predicted.subtracting(aliases.reduce(into: Set<String>()) { $0.formUnion($1) }).count
        }
        let unionsUnscored = gold.contains { $0.unscored.contains("unions") }
        let owner = Dictionary(uniqueKeysWithValues: pairs.map { ($0.value, $0.key) })
        for (pi, p) in pred.enumerated() {
            let ps = Self.sentences(p.paragraphs)
            bodyPred += ps.reduce(0) { $0 + $1.unicodeScalars.count }
            guard let gi = owner[pi] else {
                // A page whose unions are not scored adds no false unions either.
                if !unionsUnscored { unionFP += Set(p.unions.compactMap { $0.first.flatMap { Self.norm($0) } }).count }
                continue
            }
            let gtext = gold[gi].paragraphs.map { Self.norm($0) ?? "" }.joined(separator: "\n")
            bodyRight += ps.filter { gtext.contains($0) }.reduce(0) { $0 + $1.unicodeScalars.count }
        }
    }

    private static func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
    var pieceF1: Double {
        Self.f1(Double(headlineOK) / Double(max(predPieces, 1)), Double(headlineOK) / Double(max(goldPieces, 1)))
    }
    var bodyF1: Double {
        Self.f1(Double(bodyRight) / Double(max(bodyPred, 1)), Double(bodyFound) / Double(max(bodyGold, 1)))
    }
    var paragraphsExact: Double { Double(paraOK) / Double(max(paraGold, 1)) }
    var names: Double { Double(namesOK) / Double(max(namesScored, 1)) }
    var kicker: Double { Double(kickerOK) / Double(max(goldPieces, 1)) }
    var subheadline: Double { Double(subheadlineOK) / Double(max(goldPieces, 1)) }
    var unionF1: Double {
        Self.f1(Double(unionTP) / Double(max(unionTP + unionFP, 1)), Double(unionTP) / Double(max(unionTP + unionFN, 1)))
    }
    var summary: String {
        String(format: "pieces F1 %.3f  body F1 %.3f  paragraphs %.3f  names %.3f  kicker %.3f  subheadline %.3f  unions F1 %.3f",
               pieceF1, bodyF1, paragraphsExact, names, kicker, subheadline, unionF1)
    }
}
