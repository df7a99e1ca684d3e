import XCTest
@testable import ParseCore

/// Headline-shaped lines inside running text: intertitles stay in their piece, a new piece
/// between paragraphs opens one, and a feature's titled sections stay in the feature.
final class IntertitleTests: XCTestCase {
    private func parse(_ text: String) -> [Article] { PageParser().parse(text, source: "t.txt") }

    func testPairedAndQuotedIntertitlesDoNotSplitAPiece() throws {
        let pieces = parse("""
        长三角一体化发展进程按下“加速键”

        披襟向洋奋楫先

        本报记者 王珂

        长三角地区是我国经济发展最活跃、开放程度最高、创新能力最强的区域之一,上海、江苏、浙江、安徽四省市携手推进一体化发展。

        去年以来,沪苏浙皖四省市围绕长三角一体化发展的重点任务,推出了一批合作项目,长三角的产业链、创新链加速融合。

        得天时,一步“先手棋”落子正当时

        坚持高水平开放,共同打造对外开放新高地

        上海自贸试验区临港新片区挂牌以来,长三角四省市共同推进开放合作,一批外资项目在长三角落地。

        浙江、江苏、安徽的自贸试验区与上海联动发展,长三角的开放平台越来越多,长三角一体化发展的开放格局加快形成。

        “把维护稳定作为政治责任”

        长三角四省市建立联防联控机制,上海、江苏、浙江、安徽的协作不断深化,一体化发展的安全底线越筑越牢。
        """)
        XCTAssertEqual(pieces.count, 1)
        let a = try XCTUnwrap(pieces.first)
        XCTAssertEqual(a.headline, "披襟向洋奋楫先")
        XCTAssertEqual(a.paragraphs.count, 8)
        XCTAssertEqual(a.paragraphs[2], "得天时,一步“先手棋”落子正当时")
        XCTAssertEqual(a.paragraphs[6], "“把维护稳定作为政治责任”")
    }

    func testAPieceOnAnotherSubjectBetweenParagraphsOpensAPiece() {
        let pieces = parse("""
        全市职工技能大赛开幕

        本报讯(记者李明)近日,合肥市总工会举办职工技能大赛,来自全市200余家企业的职工同台竞技。

        大赛设置焊工、电工、数控车工等项目,获奖职工将被授予市技术能手称号。

        守护城市“夜行人”的安全(民生观)

        深夜的街头,外卖骑手、环卫工人、网约车司机仍在奔忙。他们的权益如何保障,是城市治理绕不开的课题。

        让夜行人走得安心,需要更亮的路灯、更多的休息点,也需要用工平台承担起应有的责任。
        """)
        XCTAssertEqual(pieces.map(\.headline), ["全市职工技能大赛开幕", "守护城市“夜行人”的安全(民生观)"])
        XCTAssertEqual(pieces.last?.paragraphs.count, 2)
    }

    func testSectionsOfAFeatureStayInItOnAPageThatMarksHeadlines() throws {
        let pieces = parse("""
        ## 讲述亲历故事 见证辉煌历程(风从东方来)

        中国的未来更加值得期待

        (韩国)李熙玉

        中国人民通过艰苦奋斗,取得了令人自豪的发展成就,向世界展示了中国道路的魅力。

        (作者为韩国成均中国研究所所长)

        制度优势让中国实现一项项伟大成就

        (英国)拉尔夫·马丁

        中国的发展成就不胜枚举,其中最重要的是让数亿人摆脱了贫困。

        (作者为中国政府友谊奖获得者)

        ## 第七届世界军人运动会闭幕

        本报武汉10月27日电 (记者贺广华)第七届世界军人运动会27日晚在武汉闭幕。
        """)
        XCTAssertEqual(pieces.map(\.headline), ["讲述亲历故事 见证辉煌历程(风从东方来)", "第七届世界军人运动会闭幕"])
        let feature = try XCTUnwrap(pieces.first)
        XCTAssertEqual(feature.paragraphs.count, 8)
        XCTAssertEqual(feature.paragraphs[1], "(韩国)李熙玉", "an author line is no half of a cut paragraph")
    }

    func testMarkedPageIntertitleBetweenParagraphs() {
        let pieces = parse("""
        # 外贸短板何以变亮点

        本报记者 汪金桦

        2014年,湖南备案在册的外贸企业8000家,有进出口业务的不足千家。

        园区有“保姆”

        浩通国际货运代理有限公司在邵阳成立了分支机构,免费为园区外贸企业提供单证服务。
        """)
        XCTAssertEqual(pieces.count, 1)
        XCTAssertEqual(pieces.first?.paragraphs.count, 3)
    }
}
