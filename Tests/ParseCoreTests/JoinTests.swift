import XCTest
@testable import ParseCore

/// Column breaks: halves joined with nothing inserted, fragments moved back, duplicates dropped,
/// and the cases where nothing may be joined.
final class JoinTests: XCTestCase {
    private func parse(_ text: String) -> [Article] { PageParser().parse(text, source: "t.txt") }

    func testHalvesCutMidWordAreJoined() throws {
        let a = try XCTUnwrap(parse("""
        安庆推进“县级工会加强年”专项工作

        本报讯(记者陈华)安庆市总工会提出了民营企业建会入会及规范化建设等课题。

        专项工作开展以来,安庆市总工会结合实际,提出了民营企业建会入会及规

        范化建设、工会驿站建设等6个方面14项课题。
        """).first)
        XCTAssertEqual(a.paragraphs.count, 2)
        XCTAssertEqual(a.paragraphs[1], "专项工作开展以来,安庆市总工会结合实际,提出了民营企业建会入会及规范化建设、工会驿站建设等6个方面14项课题。")
    }

    func testShortFirstHalfIsNotTakenForAHeadline() throws {
        let pieces = parse("""
        让职工悦享“指尖的温度”

        本报讯(记者李华)厦门市职工服务中心为职工办理医疗互助保障,惠及职工。

        在厦门,像王女士这样享受到补助的职

        工还有很多。据统计,该市共发放补助金近5亿元。
        """)
        XCTAssertEqual(pieces.count, 1)
        XCTAssertEqual(pieces[0].paragraphs.last, "在厦门,像王女士这样享受到补助的职工还有很多。据统计,该市共发放补助金近5亿元。")
    }

    func testHalfResurfacingAfterAnotherPieceIsMovedBack() throws {
        let pieces = parse("""
        # 让职工悦享“指尖的温度”

        本报讯(记者李华)厦门市总工会推出线上调解平台,职工可签署调解协议。

        “多亏仲裁和工会的调解人员,帮助我完成了远程在线调解和调解

        # 风火山下战洪魔

        本报讯(记者邢生祥)8月15日,风火山地区骤降暴雨,铁路职工连夜抢险。

        抢险挖掘机到达缺口处,开始与人工配合封堵缺口,险情全部排除。

        协议仲裁审查。”日前,职工蔡先生在调解协议签署后拿到了补偿。
        """)
        XCTAssertEqual(pieces.count, 2)
        XCTAssertEqual(pieces[0].paragraphs.last, "“多亏仲裁和工会的调解人员,帮助我完成了远程在线调解和调解协议仲裁审查。”日前,职工蔡先生在调解协议签署后拿到了补偿。")
        XCTAssertEqual(pieces[1].paragraphs.count, 2)
    }

    func testIntertitleIsNotJoinedToTheParagraphBelow() throws {
        let a = try XCTUnwrap(parse("""
        三类服务阵地推动“窗口下移”

        本报讯(记者刘军)城阳区总推动成立了夜市经济工会联合会。

        阵地强家

        “我们聚焦新就业形态劳动者工作特点,打造了三类服务阵地。”城阳区总工会主席说。
        """).first)
        XCTAssertEqual(a.paragraphs.count, 3)
        XCTAssertEqual(a.paragraphs[1], "阵地强家")
    }

    func testClosedParagraphsAreNeverJoined() throws {
        let a = try XCTUnwrap(parse("""
        标题在此

        本报讯(记者王伟)第一段讲完了。

        第二段另起一行,也讲完了。
        """).first)
        XCTAssertEqual(a.paragraphs.count, 2)
    }

    func testParagraphPrintedTwiceIsKeptOnce() throws {
        let a = try XCTUnwrap(parse("""
        江苏工会展现担当作为

        本报讯(记者黄洪涛)江苏工会深入推进产业工人队伍建设改革。

        作为全国“产改”首批全面试点省份,江苏以“探路先行”的勇气推动改革向纵深发展。

        为进一步锻造高素质产业工人,江苏工会开展多层次竞赛活动。

        作为全国“产改”首批全面试点省份,江苏以“探路先行”的勇气推动改革向纵深发展。
        """).first)
        XCTAssertEqual(a.paragraphs.count, 3)
    }

    func testRunAfterABrokenParagraphGoesToThePieceItIsAbout() throws {
        let pieces = parse("""
        特色工作哪家强,擂台赛上见分晓

        本报讯(记者陈华)安庆市总工会举办擂台展示赛。桐城市总工会副主席祝燕在讲解时介绍了劳动争议诉调对接工作。

        让职工悦享“指尖的温度”

        本报讯(记者李华)厦门市总工会推出线上调解平台,职工维权更便捷。

        “多亏仲裁和工会的调解人员,帮助我完成了远程在线调解和调解

        “依托劳动争议诉调对接工作室,实现诉调无缝对接。”祝燕在擂台展示赛上说。

        协议仲裁审查。”日前,职工蔡先生在调解协议签署后拿到了补偿。
        """)
        XCTAssertEqual(pieces.count, 2)
        XCTAssertEqual(pieces[0].paragraphs.count, 2, "the run about 祝燕 and the 擂台展示赛 returns to its piece")
        XCTAssertTrue(pieces[0].paragraphs[1].hasPrefix("“依托劳动争议"))
        XCTAssertTrue(pieces[1].paragraphs.last!.hasSuffix("拿到了补偿。"))
    }

    /// The beginning of a piece (its byline and first paragraphs) printed at the foot of the
    /// page, cut mid-word, its continuation printed under the headline block at the top.
    func testBeginningPrintedBelowIsPutFirst() throws {
        let pieces = parse("""
        江西瑞金市总建立“三师一室”职工维权服务中心——

        职工维权有了“快速通道”

        员耐心解释、普法,引导职工依法维护自身权益,并确保事事有回应。

        据介绍,“三师”成员经常走进一些工业园区和企业,了解园区及企业劳动关系状况。

        内蒙古3.8万环卫工人收到“慰问礼包”

        本报讯(记者李玉波)连日来,内蒙古自治区总工会持续开展集中慰问环卫工人活动。

        本报记者 王晓颖 本报通讯员 吴志锋

        “来这里真管用,工作人员很热心。”近日,职工钟亮来到瑞金市总工会维权服务中心。

        瑞金市总工会一级主任科员谢斌告诉记者,中心接到职工的法律援助诉求后,会尽快安排工作人
        """)
        XCTAssertEqual(pieces.count, 2)
        let a = pieces[0]
        XCTAssertEqual(a.headline, "职工维权有了“快速通道”")
        XCTAssertEqual(a.reporters, ["王晓颖"])
        XCTAssertEqual(a.correspondents, ["吴志锋"])
        XCTAssertEqual(a.paragraphs.count, 3)
        XCTAssertTrue(a.paragraphs[0].hasPrefix("“来这里真管用"))
        XCTAssertTrue(a.paragraphs[1].hasSuffix("安排工作人员耐心解释、普法,引导职工依法维护自身权益,并确保事事有回应。"))
        XCTAssertEqual(pieces[1].paragraphs.count, 1)
    }

    /// The same layout on a real page (001, no gold): 瑞金's beginning sits at the foot of the
    /// page and reads on, mid-word, into the text under its headline.
    func testRealPageBeginningPrintedBelow() throws {
        let pieces = PageParser().parse(try Fixtures.text("dumps/001_11e33b2d7f9e5f63.txt"), source: "001.txt")
        let a = try XCTUnwrap(pieces.first { $0.headline == "职工维权有了“快速通道”" })
        XCTAssertEqual(a.reporters, ["王晓颖"])
        XCTAssertEqual(a.correspondents, ["吴志锋"])
        XCTAssertTrue(a.paragraphs[0].hasPrefix("“来这里真管用"))
        XCTAssertTrue(a.paragraphs.contains { $0.hasSuffix("会尽快安排工作人员耐心解释、普法,引导职工依法维护自身权益,并确保事事有回应。") })
        XCTAssertFalse(pieces.contains { $0.headline == nil && $0.reporters == ["王晓颖"] })
    }

    func testNothingIsRewritten() throws {
        let text = try Fixtures.text("dumps/002_5fe48f12d413154b.txt")
        let body = PageParser().parse(text, source: "x").flatMap(\.paragraphs).joined()
        let printed = Set(text.unicodeScalars)
        for s in body.unicodeScalars { XCTAssertTrue(printed.contains(s), "\(s) was not printed on the page") }
    }
}
