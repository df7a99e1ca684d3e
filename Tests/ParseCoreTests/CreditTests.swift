import XCTest
@testable import ParseCore

/// Every byline and dateline form printed in the dumps, each on a short snippet.
final class CreditTests: XCTestCase {
    private func parse(_ text: String) -> [Article] { PageParser().parse(text, source: "t.txt") }

    func testLeadDatelineWithReporterAndCorrespondents() throws {
        let a = try XCTUnwrap(parse("""
        # 工人文化宫联手打造精神家园

        本报讯(记者田国奎 通讯员王萍 陈国欣)8月24日,交流会在山东临沂召开。
        """).first)
        XCTAssertEqual(a.dateline, "本报讯")
        XCTAssertEqual(a.reporters, ["田国奎"])
        XCTAssertEqual(a.correspondents, ["王萍", "陈国欣"])
        XCTAssertTrue(a.paragraphs[0].hasPrefix("本报讯(记者田国奎"), "the lead stays in the text as printed")
    }

    func testCityDatelineWithTwoReporters() throws {
        let a = try XCTUnwrap(parse("""
        第25届全国煤炭行业职工职业技能示范赛举办

        本报西安9月11日电(记者祝盼 毛浓曦)9月9日至11日,示范赛在陕西省榆林市举办。
        """).first)
        XCTAssertEqual(a.headline, "第25届全国煤炭行业职工职业技能示范赛举办")
        XCTAssertEqual(a.dateline, "本报西安9月11日电")
        XCTAssertEqual(a.reporters, ["祝盼", "毛浓曦"])
    }

    func testDatelinePrintedAtTheEnd() throws {
        let a = try XCTUnwrap(parse("""
        书声伴潮涌 匠心架“飞虹”

        本报记者 李润剑 本报通讯员 卢月

        碧空如洗,海风裹挟着琅琅书声掠过厦门刘五店港区的洋面。

        暮色初染,建设者在平台上唱起合唱。(本报厦门9月11日电)
        """).first)
        XCTAssertEqual(a.dateline, "本报厦门9月11日电")
        XCTAssertEqual(a.reporters, ["李润剑"])
        XCTAssertEqual(a.correspondents, ["卢月"])
        XCTAssertEqual(a.paragraphs.last, "暮色初染,建设者在平台上唱起合唱。(本报厦门9月11日电)")
    }

    func testBylineSplitOverTwoLines() throws {
        let a = try XCTUnwrap(parse("""
        “家”在深山

        本报记者 张静
        本报通讯员 刘升 冯欣月

        近日,记者沿着S204省道蜿蜒行进,走进一片群山耸立之中。
        """).first)
        XCTAssertEqual(a.reporters, ["张静"])
        XCTAssertEqual(a.correspondents, ["刘升", "冯欣月"])
        XCTAssertEqual(a.paragraphs.count, 1, "a byline-only line is not a paragraph")
    }

    func testTrailingSignatureIsAnAuthor() throws {
        let a = try XCTUnwrap(parse("""
        吸纳人才为乡村振兴贡献力量

        眼下,抢抓秋种已吹响了号角。

        越来越多人积极投身乡村振兴事业,贡献着更大力量。(李唯睿)
        """).first)
        XCTAssertEqual(a.authors, ["李唯睿"])
        XCTAssertTrue(a.paragraphs.last!.hasSuffix("(李唯睿)"), "the signature stays inside the text")
    }

    func testPhotoCreditWithAgencyRunIntoTheCaption() throws {
        let a = try XCTUnwrap(parse("""



        安心就业“妈妈岗”

        11月23日,女工们在岗上班。让妈妈们在家门口安心就业。程学虎 摄/中新社
        """).first)
        XCTAssertEqual(a.kind, .photo)
        XCTAssertEqual(a.photographers, ["程学虎"])
        XCTAssertEqual(a.agency, "中新社")
        XCTAssertEqual(a.paragraphs, ["11月23日,女工们在岗上班。让妈妈们在家门口安心就业。"])
    }

    func testPhotoCreditOnItsOwnLine() throws {
        let a = try XCTUnwrap(parse("""
        ## 修脚师赛技能

        3月29日,黑龙江省首届修脚师职业技能竞赛决赛在哈尔滨市举行。

        本报记者 张世光 摄
        """).first)
        XCTAssertEqual(a.kind, .photo)
        XCTAssertEqual(a.photographers, ["张世光"])
        XCTAssertEqual(a.reporters, [])
    }

    func testCaptionEndingInAStaffCreditIsAPhoto() throws {
        let a = try XCTUnwrap(parse("""



        “宝工之约”

        据悉,宝安区已累计举办120场线下专场活动。图为集体婚礼现场。本报记者 刘友婷 本报通讯员 罗义国
        """).first)
        XCTAssertEqual(a.kind, .photo)
        XCTAssertEqual(a.reporters, ["刘友婷"])
        XCTAssertEqual(a.correspondents, ["罗义国"])
        XCTAssertEqual(a.paragraphs, ["据悉,宝安区已累计举办120场线下专场活动。图为集体婚礼现场。"])
    }

    func testRecognisersRejectWhatIsNotACredit() {
        XCTAssertNil(Credits.bylineLine(Array("记者注意到,参加展示的不少是领导干部".unicodeScalars)[...]))
        XCTAssertNil(Credits.trailingGroup(Array("钟亮(化名)来到服务中心".unicodeScalars)[...]))
        XCTAssertNil(Credits.photoCredit(Array("摄影比赛开始".unicodeScalars)[...]))
        XCTAssertNil(Credits.leadDateline(Array("本报记者近日走访了多家企业。".unicodeScalars)[...]))
    }

    func testPhotoCreditForms() throws {
        let pieces = parse("""
        春节前夕的北京街头

        市民在王府井大街选购年货。新华社记者 王腾摄

        冬日的长江三峡

        长江三峡秋色宜人。张建成摄(影像中国)

        雪后的长白山

        游客在长白山景区赏雪。蒋云龙 郭旭摄影报道
        """)
        XCTAssertEqual(pieces.map(\.photographers), [["王腾"], ["张建成"], ["蒋云龙", "郭旭"]])
        XCTAssertEqual(pieces.first?.agency, "新华社")
        XCTAssertEqual(pieces.map(\.kind), [.photo, .photo, .photo])
        XCTAssertEqual(pieces[1].paragraphs, ["长江三峡秋色宜人。"])
    }

    func testClosingCreditsOnTheirOwnLine() {
        let pieces = parse("""
        各地喜迎国庆节

        国庆期间,各地群众欢度佳节。北京、上海等地举行了丰富多彩的活动。

        (本报记者张璁、倪弋)

        提升东西部扶贫协作水平(有的放矢)

        东西部扶贫协作是推动区域协调发展的大战略。

        (作者为上海市黄浦区区长)

        增进民生福祉 创造美好生活

        大型成就展吸引了众多观众。

        (相关报道见第九版)

        15项世界互联网领先科技成果发布

        世界互联网大会发布了15项领先科技成果。
        """)
        XCTAssertEqual(pieces.map(\.headline), ["各地喜迎国庆节", "提升东西部扶贫协作水平(有的放矢)", "增进民生福祉 创造美好生活", "15项世界互联网领先科技成果发布"])
        XCTAssertEqual(pieces.first?.reporters, ["张璁", "倪弋"])
    }

    func testDatelinesWithoutBracketsOrPlace() throws {
        let xinhua = try XCTUnwrap(parse("""
        国务院常务会议召开

        新华社北京1月8日电 国务院总理李克强主持召开国务院常务会议,部署有关工作。
        """).first)
        XCTAssertEqual(xinhua.dateline, "新华社北京1月8日电")
        XCTAssertEqual(xinhua.agency, "新华社")
        let bare = try XCTUnwrap(parse("""
        左权:愿拼热血卫吾华

        新华社电 (记者阳建)在湖南醴陵市,有一条“左权路”贯穿城区。
        """).first)
        XCTAssertEqual(bare.dateline, "新华社电")
        XCTAssertEqual(bare.reporters, ["阳建"])
    }

    /// A dateline relayed from an agency (据新华社…电) is text the paper prints, not its own
    /// dateline, but it opens a piece as one does; a picture's source line closes its caption.
    func testRelayedDatelinesAndPictureSourcesAreFactsOfTheirLines() throws {
        let lines = PageLines.split("""
        据新华社北京2月8日电 (记者王楠)2月7日,国务委员兼外交部长王毅同法国总统外事顾问通电话。
        新华社北京2月8日电 国务院联防联控机制召开新闻发布会。
        据了解,当地已有二十家企业复工。
        新华社发
        资料图片
        新华社记者
        """)
        XCTAssertEqual(lines.map(\.relayed), [true, false, false, false, false, false])
        XCTAssertNil(lines[0].lead, "the relayed dateline is no dateline of the record")
        XCTAssertNotNil(lines[1].lead)
        XCTAssertEqual(lines.map(\.closes), [false, false, false, true, true, false])
        let a = try XCTUnwrap(parse("""
        王毅同法国总统外事顾问通电话

        据新华社北京2月8日电 (记者王楠)2月7日,国务委员兼外交部长王毅同法国总统外事顾问通电话。
        """).first)
        XCTAssertNil(a.dateline)
        XCTAssertEqual(a.reporters, [])
        XCTAssertTrue(a.paragraphs[0].hasPrefix("据新华社北京2月8日电"))
    }

    func testLeadAfterABoxOfKeyPoints() throws {
        let pieces = parse("""
        市场监管总局发布意见

        ●到今年底完成双随机抽查全流程整合

        ●力争3年内实现综合监管全覆盖

        本报北京2月15日电 (记者王珂)市场监管总局近日印发意见。
        """)
        XCTAssertEqual(pieces.count, 1)
        let a = try XCTUnwrap(pieces.first)
        XCTAssertEqual(a.headline, "市场监管总局发布意见")
        XCTAssertEqual(a.dateline, "本报北京2月15日电")
        XCTAssertEqual(a.reporters, ["王珂"])
        XCTAssertEqual(a.paragraphs.count, 3)
    }
}
