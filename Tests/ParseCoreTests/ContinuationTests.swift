import XCTest
@testable import ParseCore

/// Linking the parts of articles that jump between pages.
final class ContinuationTests: XCTestCase {
    private func part(_ id: String, date: String = "2019-10-18", page: Int, headline: String?, to: Int? = nil,
                      from: Int? = nil, text: String = "信息技术革命日新月异") -> Continuations.Part {
        var a = Article(id: id, date: date, page: page, headline: headline, continuedFrom: from, continuesTo: to)
        a.paragraphs = [text]
        return Continuations.Part(a)!
    }

    /// Each link as [first, rest], in the order of the first parts.
    private func pairs(_ parts: [Continuations.Part]) -> [[String]] {
        Continuations.link(parts).map { [$0.first, $0.rest] }.sorted { $0[0] < $1[0] }
    }

    func testPartsLinkByPagesAndHeadline() {
        let links = pairs([
            part("a", page: 1, headline: "乘风破浪时 扬帆济沧海", to: 18),
            part("b", page: 18, headline: "乘风破浪时,扬帆济沧海", from: 1),
            part("c", page: 1, headline: "开辟高质量发展的光明前景(评论员观察)", to: 3),
            part("d", page: 3, headline: "开辟高质量发展的光明前景", from: 1),
            part("e", page: 1, headline: "参与全球经济治理体系变革", to: 2),
            part("f", page: 2, headline: nil, from: 1),
        ])
        XCTAssertEqual(links, [["a", "b"], ["c", "d"], ["e", "f"]],
                       "punctuation is folded, a column tag may be left out, a continuation may print no headline")
    }

    func testWrongDayPageOrHeadlineIsNotLinked() {
        XCTAssertTrue(Continuations.link([
            part("a", page: 1, headline: "乘风破浪时", to: 18),
            part("b", date: "2019-10-19", page: 18, headline: "乘风破浪时", from: 1),
            part("c", page: 17, headline: "乘风破浪时", from: 1),
            part("d", page: 18, headline: "扬帆济沧海", from: 1),
            part("d2", page: 18, headline: "海纳百川", from: 1),
            part("e", page: 18, headline: "乘风破浪时", from: 2),
        ]).isEmpty, "two continuations on page 18, neither of whose headlines matches")
        XCTAssertNil(Continuations.Part(Article(id: "x", page: 1, headline: "无日期")), "a piece without a date cannot be placed")
        XCTAssertNil(Continuations.Part(Article(id: "y", date: "2019-10-18", page: 1)), "nor one that does not jump")
    }

    /// The only part jumping from page 1 to page 18 that day and the only one continued there
    /// from page 1 are one article, whatever headlines were read for them.
    func testTheOnlyPairOfPagesIsLinkedWhateverItsHeadlines() {
        let links = pairs([
            part("a", page: 1, headline: "本报记者 王伟", to: 18),
            part("b", page: 18, headline: "扬帆济沧海", from: 1),
            part("c", page: 1, headline: "开辟高质量发展的光明前景", to: 3),
            part("d", page: 1, headline: "参与全球经济治理体系变革", to: 3),
            part("e", page: 3, headline: "开辟高质量发展的光明前景", from: 1),
            part("f", page: 3, headline: "另一篇文章", from: 1),
        ])
        XCTAssertEqual(links, [["a", "b"], ["c", "e"]],
                       "page 1 to 3 has two of each: there the headlines decide, and 参与… finds none")
    }

    func testAmongSeveralContinuationsTheTextDecides() {
        let links = Continuations.link([
            part("a", page: 1, headline: "两会特刊", to: 4, text: "代表们围绕乡村振兴建言献策,种粮农民"),
            part("b", page: 4, headline: nil, from: 1, text: "的收入连年增长,乡村振兴"),
            part("c", page: 4, headline: nil, from: 1, text: "海洋经济与港口物流"),
        ])
        XCTAssertEqual(links.map(\.rest), ["b"])
    }
}
