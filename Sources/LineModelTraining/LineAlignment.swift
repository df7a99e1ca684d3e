import ParseCore

/// The true label of each line of a page, read off its true pieces: a text line printed as
/// (part of) a kicker, headline, subheadline or column label is a heading; one printed as a
/// paragraph or half of one is text, or the opening of its piece if it is (or begins) the piece's
/// first paragraph. Exact matches outrank parts, paragraphs outrank headings.
enum LineAlignment {
    static func labels(_ page: PageObservation, truth: [[String: Any]]) -> [LineLabel] {
        var headings = Set<String>(), paragraphs: [String] = [], openings: [String] = []
        for a in truth {
            if let first = (a["paragraphs"] as? [String])?.first { openings.append(normal(first)) }
            for key in ["headline", "kicker", "subheadline", "column"] {
                guard let s = a[key] as? String else { continue }
                headings.insert(normal(s))
                for part in s.split(separator: " ") { headings.insert(normal(String(part))) }
            }
            paragraphs += (a["paragraphs"] as? [String] ?? []).map(normal)
        }
        let paragraphSet = Set(paragraphs), openingSet = Set(openings)
        func label(_ n: String) -> LineLabel {
            if openingSet.contains(n) { return .opening }
            if paragraphSet.contains(n) { return .text }
            if headings.contains(n) { return .heading }
            if n.count >= 4 && openings.contains(where: { $0.hasPrefix(n) }) { return .opening }
            let inParagraph = paragraphs.contains { $0.hasPrefix(n) || $0.hasSuffix(n) }
            if !inParagraph && n.count >= 4 && headings.contains(where: { $0.contains(n) }) { return .heading }
            return .text
        }
        // A label the line may not take is replaced by one it may: text if it can be text, else
        // what it must be, so that no page asks the decoder for a reading it cannot give.
        return zip(page.texts, page.allowed).map { text, allowed in
            guard !allowed[LineLabel.other.rawValue] else { return .other }
            let label = label(normal(text))
            if allowed[label.rawValue] { return label }
            return allowed[LineLabel.text.rawValue] ? .text : LineLabel.allCases.first { allowed[$0.rawValue] }!
        }
    }

    /// Spacing and markup dropped, full-width letters and digits folded: how the generator's
    /// printing differs from its truth.
    static func normal(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars where !c.properties.isWhitespace && c != "#" && c != "*" {
            if (0xFF01...0xFF5E).contains(c.value), let h = Unicode.Scalar(c.value - 0xFEE0) { out.append(h) } else { out.append(c) }
        }
        return String(out)
    }
}
