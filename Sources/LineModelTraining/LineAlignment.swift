import ParseCore

/// The true label of each line of a page, read off its true pieces: a text line printed as
/// (part of) a kicker, headline, subheadline or column label is a heading; one printed as a
/// paragraph or half of one is text. Exact matches outrank parts, paragraphs outrank headings.
enum LineAlignment {
    static func labels(_ page: PageObservation, truth: [[String: Any]]) -> [LineLabel] {
        var headings = Set<String>(), paragraphs: [String] = []
        for a in truth {
            for key in ["headline", "kicker", "subheadline", "column"] {
                guard let s = a[key] as? String else { continue }
                headings.insert(normal(s))
                for part in s.split(separator: " ") { headings.insert(normal(String(part))) }
            }
            paragraphs += (a["paragraphs"] as? [String] ?? []).map(normal)
        }
        let paragraphSet = Set(paragraphs)
        return zip(page.texts, page.allowed).map { text, allowed in
            guard allowed[LineLabel.heading.rawValue] else { return .other }
            let n = normal(text)
            if paragraphSet.contains(n) { return .text }
            if headings.contains(n) { return .heading }
            let inParagraph = paragraphs.contains { $0.hasPrefix(n) || $0.hasSuffix(n) }
            if !inParagraph && n.count >= 4 && headings.contains(where: { $0.contains(n) }) { return .heading }
            return .text
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
