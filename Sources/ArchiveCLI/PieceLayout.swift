import Foundation
import ParseCore

/// A piece laid out for reading.
enum Layout {
    static func piece(_ a: Article) -> String {
        var s = ""
        if let c = a.column { s += "【\(c)】\n" }
        if let k = a.kicker { s += "\(k)\n" }
        s += "\(a.headline ?? "(no headline)")\n"
        if let sub = a.subheadline { s += "\(sub)\n" }
        var meta = [a.id, a.source]
        if let d = a.date { meta.append(d) }
        if let p = a.page { meta.append("page \(p)") }
        if a.kind == .photo { meta.append("photo") }
        s += meta.joined(separator: " · ") + "\n"
        var credits: [String] = []
        if let d = a.dateline { credits.append(d) }
        if !a.reporters.isEmpty { credits.append("记者 " + a.reporters.joined(separator: " ")) }
        if !a.correspondents.isEmpty { credits.append("通讯员 " + a.correspondents.joined(separator: " ")) }
        if !a.photographers.isEmpty { credits.append(a.photographers.joined(separator: " ") + " 摄") }
        if !a.authors.isEmpty { credits.append(a.authors.joined(separator: " ")) }
        if let g = a.agency { credits.append(g) }
        if let f = a.continuedFrom { credits.append("上接第\(f)版") }
        if let t = a.continuesTo { credits.append("下转第\(t)版") }
        if !credits.isEmpty { s += credits.joined(separator: " · ") + "\n" }
        if let sum = a.summary { s += "\n阅读提示: \(sum)\n" }
        s += "\n"
        return s + body(a)
    }

    static func body(_ a: Article) -> String {
        a.paragraphs.map { "    \($0)\n\n" }.joined()
    }

    /// Where a continued article goes on: the page it continues on and the part's id.
    static func seam(_ a: Article) -> String {
        "  ——— 上接第\(a.continuedFrom.map(String.init) ?? "?")版 · continued on page \(a.page.map(String.init) ?? "?") · \(a.id) ———\n\n"
    }
}
