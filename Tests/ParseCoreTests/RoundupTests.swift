import XCTest
@testable import ParseCore

/// Roundups: titled sections with bylines of their own stay in the roundup whose opening they
/// follow; after a piece with a dateline lead, a continued or a one-paragraph piece the same lines open pieces.
final class RoundupTests: XCTestCase {
    private func parse(_ text: String) -> [Article] { PageParser().parse(text, source: "t.txt") }

    private let sections = """
        甘肃兰州蔬菜价格公道

        买主卖主都满意

        本报记者 王锦涛

        “在哩,在哩。”一个中年男士掀开门帘,兰州城关区的菜市场里人来人往。

        “大白菜,芫荽,还要一头蒜。”顾客王燕一边挑菜一边和摊主聊着价钱。

        新疆乌鲁木齐完善直销体系

        减少环节统一配送

        本报记者 李亚楠

        乌鲁木齐北园春市场的蔬菜直销点前,市民排起了长队,菜价比去年同期略低。
        """

    func testSectionsStayInTheRoundupWithTheirBylinesAsText() throws {
        let pieces = parse("""
        价格稳 品种多 供应足

        ——北京、兰州、乌鲁木齐春节菜市探访

        “菜篮子”连着千家万户,农民想卖得俏,市民想吃得好,供应体系建设年年在推进。

        您想了解具体情况吗?请随我们的记者到各地的农贸市场看一看。

        \(sections)
        """)
        XCTAssertEqual(pieces.count, 1)
        let a = try XCTUnwrap(pieces.first)
        XCTAssertEqual(a.headline, "价格稳 品种多 供应足")
        XCTAssertTrue(a.paragraphs.contains("买主卖主都满意"))
        XCTAssertTrue(a.paragraphs.contains("本报记者 李亚楠"))
        XCTAssertEqual(a.paragraphs.last, "乌鲁木齐北园春市场的蔬菜直销点前,市民排起了长队,菜价比去年同期略低。")
    }

    func testARoundupMayCarryItsWritersBylineUnderItsHeadline() {
        let pieces = parse("""
        菜篮子里的年味

        本报记者 常钦 王锦涛 李亚楠

        “菜篮子”连着千家万户,农民想卖得俏,市民想吃得好,供应体系建设年年在推进。

        三路记者走进各地的农贸市场,看一看节前的菜价和供应。

        \(sections)
        """)
        XCTAssertEqual(pieces.map(\.headline), ["菜篮子里的年味"])
        XCTAssertEqual(pieces.first?.reporters, ["常钦", "王锦涛", "李亚楠"])
    }

    func testFirstSectionPrintedStraightUnderTheRoundupHeadline() throws {
        for mark in ["", "# "] {
            let pieces = parse("""
            \(mark)新春走基层 人和家顺事事兴

            上海迪士尼乐园55名民警——

            全员无休假 起早来执勤

            本报记者 巨云鹏

            大年初五,早上8点,上海迪士尼乐园门口已排起长队,民警们早早到岗执勤。

            \(sections)
            """)
            XCTAssertEqual(pieces.count, 1, "headline marked: \(!mark.isEmpty)")
            let a = try XCTUnwrap(pieces.first)
            XCTAssertEqual(a.headline, "新春走基层 人和家顺事事兴")
            XCTAssertNil(a.kicker)
            XCTAssertEqual(Array(a.paragraphs.prefix(3)), ["上海迪士尼乐园55名民警——", "全员无休假 起早来执勤", "本报记者 巨云鹏"])
        }
    }

    func testShortLinesUnderASectionBylineAreItsText() throws {
        let pieces = parse("""
        新年新作为 我们加油干

        2月11日,春节假期后首个工作日。记者走进基层,记录开工第一天。

        度过了一个祥和的春节,各行各业的人们又回到了工作岗位。

        青海西宁湟源县下胡丹村第一书记刘文慧——

        “下午我得找厂家,再进点儿料”

        本报记者 姜峰

        时间:上午9点半

        地点:村养牛场

        2月11日一早,乡兽医站的田大夫前脚刚上班,刘文慧就打来了电话。
        """)
        XCTAssertEqual(pieces.count, 1)
        XCTAssertEqual(pieces.first?.paragraphs.suffix(3), ["时间:上午9点半", "地点:村养牛场",
                                                          "2月11日一早,乡兽医站的田大夫前脚刚上班,刘文慧就打来了电话。"])
    }

    /// One section: after it, the section piece itself would be a roundup's opening.
    private var oneSection: String { sections.components(separatedBy: "\n\n新疆").first! }

    func testTitledBylinedTextAfterACreditedPieceOpensPieces() {
        let pieces = parse("""
        兰州推进菜篮子工程

        本报兰州2月1日电 (记者王锦涛)兰州市今年新建改造标准化菜市场二十个。

        新建的菜市场将在春节前全部开业,方便市民就近买菜。

        \(oneSection)
        """)
        XCTAssertEqual(pieces.map(\.headline), ["兰州推进菜篮子工程", "买主卖主都满意"])
        XCTAssertEqual(pieces[1].reporters, ["王锦涛"])
    }

    func testTitledBylinedTextAfterAOneParagraphOrContinuedPieceOpensPieces() {
        let photo = parse("""
        暖“新”饺子送关爱

        近日,天津市河西区总工会联合街道党工委,为快递小哥送上热腾腾的饺子。

        \(oneSection)
        """)
        XCTAssertEqual(photo.map(\.headline), ["暖“新”饺子送关爱", "买主卖主都满意"])
        let continued = parse("""
        (上接第1版)

        为破除技能晋升瓶颈,驻马店市总工会出台了一系列办法,打通职工成长通道。

        成效也随之而来,在近两年的劳动模范评选中,一线职工占比明显提高。

        \(oneSection)
        """)
        XCTAssertEqual(continued.compactMap(\.headline), ["买主卖主都满意"])
    }
}
