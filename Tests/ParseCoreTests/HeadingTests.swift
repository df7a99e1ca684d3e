import XCTest
@testable import ParseCore

/// Headline blocks: with and without markup, kickers, subheadlines, banners, labels and boxes.
final class HeadingTests: XCTestCase {
    private func parse(_ text: String) -> [Article] { PageParser().parse(text, source: "t.txt") }

    func testMarkedHeadlineWithKickerAndBoldBanners() throws {
        let a = try XCTUnwrap(parse("""
        安庆市总举办“一县一品”工作擂台展示赛,激励县级工会争先创优

        # 特色工作哪家强,擂台赛上见分晓

        **团结奋斗开新局 喜迎工会十八大**
        **扎实推进“县级工会加强年”专项工作**

        本报讯(记者陈华)8月18日,擂台展示赛在安庆举行。
        """).first)
        XCTAssertEqual(a.headline, "特色工作哪家强,擂台赛上见分晓")
        XCTAssertEqual(a.kicker, "安庆市总举办“一县一品”工作擂台展示赛,激励县级工会争先创优")
        XCTAssertEqual(a.column, "团结奋斗开新局 喜迎工会十八大 扎实推进“县级工会加强年”专项工作")
        XCTAssertNil(a.subheadline)
    }

    func testUnmarkedKickerEndingInDashes() throws {
        let a = try XCTUnwrap(parse("""
        甘肃灵台县总将基层工会31项工作汇编成册,细化服务内容——

        基层工会开展工作有了“精准导航”

        工会创新实践调研行

        本报记者 康劲 本报通讯员 郭惠民

        “每项流程都清清楚楚。”职工赵永海说。
        """).first)
        XCTAssertEqual(a.kicker, "甘肃灵台县总将基层工会31项工作汇编成册,细化服务内容——")
        XCTAssertEqual(a.headline, "基层工会开展工作有了“精准导航”")
        XCTAssertEqual(a.column, "工会创新实践调研行")
    }

    func testKickerEndingInDashesAfterTextStaysOverItsMarkedHeadline() {
        let pieces = parse("""
        ## 围绕“两性两化”做优做强工会资产

        本报讯(记者李娜)记者近日从四川省总工会获悉,四川工会坚持公益属性,做优做强工会资产。

        “在健全公共服务体系中把工会阵地立起来,牌子竖起来,主业扛起来。”四川省总相关负责人说。

        贵州省、市两级工会对口联系88个县市区总工会,重点解决难点、堵点问题——

        # 不断提升服务职工的能力和水平

        ## 团结奋斗开新局 喜迎工会十八大

        扎实推进“县级工会加强年”专项工作

        本报记者 李丰

        记者近日获悉,贵州省总工会将“县级工会加强年”专项工作纳入重点工作。
        """)
        XCTAssertEqual(pieces.map(\.headline), ["围绕“两性两化”做优做强工会资产", "不断提升服务职工的能力和水平"])
        XCTAssertEqual(pieces.first?.paragraphs.count, 2)
        XCTAssertEqual(pieces.last?.kicker, "贵州省、市两级工会对口联系88个县市区总工会,重点解决难点、堵点问题——")
    }

    func testShorterOfTwoUnmarkedLinesIsTheHeadline() throws {
        let sub = try XCTUnwrap(parse("""
        洛阳命名首届20名卓越工程师

        入选者可优先申报市级及以上劳模等荣誉称号

        本报讯(记者余嘉熙)近日,洛阳市总工会命名20名优秀人才。
        """).first)
        XCTAssertEqual(sub.headline, "洛阳命名首届20名卓越工程师")
        XCTAssertEqual(sub.subheadline, "入选者可优先申报市级及以上劳模等荣誉称号")
        let kicker = try XCTUnwrap(parse("""
        杭州临安区实行劳动争议“预商调裁诉执”一体推进

        调解“方便一点” 维权“更快一步”

        本报讯(记者邹偶然)近日,临安区总工会职工维权窗口收到一面锦旗。
        """).first)
        XCTAssertEqual(kicker.kicker, "杭州临安区实行劳动争议“预商调裁诉执”一体推进")
        XCTAssertEqual(kicker.headline, "调解“方便一点” 维权“更快一步”")
    }

    func testHeadlineBrokenOverTwoLinesIsOneHeadline() throws {
        let a = try XCTUnwrap(parse("""
        西部陆海新通道建设全国
        引领性劳动和技能竞赛启动

        本报讯(记者鹿慧敏)近日,西部陆海新通道建设全国引领性劳动和技能竞赛启动仪式举行。
        """).first)
        XCTAssertEqual(a.headline, "西部陆海新通道建设全国引领性劳动和技能竞赛启动")
        XCTAssertNil(a.kicker)
    }

    func testColumnLabelAboveAMarkedHeadline() throws {
        let a = try XCTUnwrap(parse("""
        ## 新闻特写

        # 风火山下战洪魔

        本报记者 邢生祥 本报通讯员 赵凤斌 桂连鑫

        8月15日15时左右,风火山地区骤降暴雨。
        """).first)
        XCTAssertEqual(a.headline, "风火山下战洪魔")
        XCTAssertEqual(a.column, "新闻特写")
        XCTAssertEqual(a.reporters, ["邢生祥"])
        XCTAssertEqual(a.correspondents, ["赵凤斌", "桂连鑫"])
    }

    func testReadingTipBoxIsTheSummary() throws {
        let a = try XCTUnwrap(parse("""
        江西瑞金市总建立“三师一室”职工维权服务中心——

        职工维权有了“快速通道”

        阅读提示

        瑞金市总建立“三师一室”维权服务模式,实现劳动争议实质化解。

        “来这里真管用,工作人员很热心。”职工钟亮说。
        """).first)
        XCTAssertEqual(a.headline, "职工维权有了“快速通道”")
        XCTAssertEqual(a.summary, "瑞金市总建立“三师一室”维权服务模式,实现劳动争议实质化解。")
        XCTAssertEqual(a.paragraphs, ["“来这里真管用,工作人员很热心。”职工钟亮说。"])
    }

    func testIntertitleUnderAMarkedHeadlineStaysAParagraph() throws {
        let a = try XCTUnwrap(parse("""
        ## 让职工悦享“指尖的温度”

        从“线下”到“网上”,搭建普惠服务“生态圈”

        让“数据多跑路,职工少跑腿”,是厦门工会数字化建设的落脚点。

        从“被动”到“主动”,丰富职工维权“工具箱”

        智慧大屏,实时显示着辖区内劳动关系的变化趋势。
        """).first)
        XCTAssertNil(a.subheadline)
        XCTAssertEqual(a.paragraphs.count, 4)
        XCTAssertEqual(a.paragraphs[2], "从“被动”到“主动”,丰富职工维权“工具箱”")
    }

    func testJumpsAndAdvertMarker() throws {
        let pieces = parse("""
        贴心服务助推新就业形态劳动者进“家”

        (上接第1版)

        为做好权益保障工作,南阳市总联合市司法局等单位成立法律顾问团。

        南阳市总工会有关负责人表示,下一步将继续关爱新就业形态劳动者。(下转第3版)

        广告
        """)
        XCTAssertEqual(pieces.count, 1, "the lone 广告 marker is not a piece")
        XCTAssertEqual(pieces[0].continuedFrom, 1)
        XCTAssertEqual(pieces[0].continuesTo, 3)
        XCTAssertEqual(pieces[0].paragraphs.last, "南阳市总工会有关负责人表示,下一步将继续关爱新就业形态劳动者。")
    }

    func testPieceWithoutHeadlineOnThePage() throws {
        let pieces = parse("""
        赣州市网络主播才艺秀大赛举办

        本报讯(记者王晓颖)近日,大赛在会昌戏剧小镇举办。

        (上接第1版)

        为破除技能晋升瓶颈,驻马店市总工会出台竞赛规划。
        """)
        XCTAssertEqual(pieces.count, 2)
        XCTAssertNil(pieces[1].headline)
        XCTAssertEqual(pieces[1].continuedFrom, 1)
        XCTAssertEqual(pieces[1].paragraphs, ["为破除技能晋升瓶颈,驻马店市总工会出台竞赛规划。"])
    }

    func testDashLinesAndKickerEndingsDecideATwoLineBlock() throws {
        let dash = try XCTUnwrap(parse("""
        # 支部,如何在基层工作中唱主角

        ——对部分地区党支部建设的调研与思考

        党的十八大以来,党中央高度重视党支部建设。
        """).first)
        XCTAssertEqual(dash.headline, "支部,如何在基层工作中唱主角")
        XCTAssertEqual(dash.subheadline, "——对部分地区党支部建设的调研与思考")
        let speech = try XCTUnwrap(parse("""
        韩正在推进“一带一路”建设工作领导小组会议上强调

        高质量推进共建“一带一路”

        新华社北京2月1日电 推进“一带一路”建设工作领导小组会议1日在北京召开。
        """).first)
        XCTAssertEqual(speech.kicker, "韩正在推进“一带一路”建设工作领导小组会议上强调")
        XCTAssertEqual(speech.headline, "高质量推进共建“一带一路”")
        let tagged = try XCTUnwrap(parse("""
        国务院新闻办举行发布会

        抗癌药有了“绿色通道”(权威发布)

        本报北京2月19日电 (记者李红梅)国务院新闻办19日举行政策例行吹风会。
        """).first)
        XCTAssertEqual(tagged.kicker, "国务院新闻办举行发布会", "the column tag rides on the headline")
        XCTAssertEqual(tagged.headline, "抗癌药有了“绿色通道”(权威发布)")
    }

    func testWordingDecidesATwoLineBlockOfLikeLengths() throws {
        func block(_ a: String, _ b: String) throws -> Article {
            try XCTUnwrap(parse("\(a)\n\n\(b)\n\n新华社北京2月28日电 会议28日在北京举行,会议听取了有关报告。\n").first)
        }
        let closing = try block("全国总工会十八届执委会第三次会议在京闭幕", "王东明主持会议")
        XCTAssertEqual(closing.headline, "全国总工会十八届执委会第三次会议在京闭幕")
        XCTAssertEqual(closing.subheadline, "王东明主持会议")
        let source = try block("全国总工会发布", "职工服务站建设规范")
        XCTAssertEqual(source.kicker, "全国总工会发布")
        XCTAssertEqual(source.headline, "职工服务站建设规范")
    }

    func testLinesUnderADashSubheadlineOpenTheText() throws {
        let pieces = parse("""
        刘鹤、王毅等参加会见。

        春到南粤听回声(新时代新作为新篇章)

        ——广东落实全国两会重要讲话精神纪实

        9.73万亿

        广东去年实现生产总值9.73万亿元,同比增长6.8%,体现发展质量。

        深圳前海的创业者说,营商环境一年比一年好。
        """)
        let a = try XCTUnwrap(pieces.first { $0.headline != nil })
        XCTAssertEqual(a.headline, "春到南粤听回声(新时代新作为新篇章)")
        XCTAssertEqual(a.subheadline, "——广东落实全国两会重要讲话精神纪实")
        XCTAssertNil(a.kicker)
        XCTAssertEqual(a.paragraphs.first, "9.73万亿")
        XCTAssertEqual(a.paragraphs.count, 3)
    }

    func testHeadlineBrokenOverTwoTightLinesIsOneUnlessTooLong() throws {
        let a = try XCTUnwrap(parse("""
        习近平电贺柬埔寨国
        王西哈莫尼登基15周年

        新华社北京10月29日电 国家主席习近平10月29日致电柬埔寨国王西哈莫尼。
        """).first)
        XCTAssertEqual(a.headline, "习近平电贺柬埔寨国王西哈莫尼登基15周年")
        XCTAssertNil(a.subheadline)
        let pair = try XCTUnwrap(parse("""
        上海宝山区总加强职工高价值专利技术展示和转化
        职工创新成果站上路演“C位”

        本报讯(记者裴龙翔)“这是一款高延性水泥基复合材料。”职工在路演现场介绍。
        """).first)
        XCTAssertEqual(pair.kicker, "上海宝山区总加强职工高价值专利技术展示和转化", "too long to be one headline")
        XCTAssertEqual(pair.headline, "职工创新成果站上路演“C位”")
        let tag = try XCTUnwrap(parse("""
        传递体育的正能量
        (体坛观澜)

        运动员参与公益活动,是一种互动、一种启发,激发大众的参与热情。
        """).first)
        XCTAssertEqual(tag.headline, "传递体育的正能量(体坛观澜)")
        XCTAssertTrue(tag.authors.isEmpty, "a column tag is no signature")
    }

    func testLongSubheadlineBetweenHeadlineAndLead() throws {
        let a = try XCTUnwrap(parse("""
        ## 习近平会见国际奥委会主席巴赫

        习近平强调,中方高度重视筹办北京冬奥会,目前各项工作正在扎实有序推进。我们一定会积极努力,为世界呈现一届精彩的冬奥会

        本报北京1月31日电 (记者杜一菲)国家主席习近平31日在人民大会堂会见国际奥林匹克委员会主席巴赫。
        """).first)
        XCTAssertEqual(a.subheadline, "习近平强调,中方高度重视筹办北京冬奥会,目前各项工作正在扎实有序推进。我们一定会积极努力,为世界呈现一届精彩的冬奥会")
        XCTAssertEqual(a.reporters, ["杜一菲"])
        XCTAssertEqual(a.paragraphs.count, 1)
    }

    func testMarkedAdvertisementIsAPiece() {
        XCTAssertEqual(parse("# 广告\n").map(\.headline), ["广告"])
        XCTAssertEqual(parse("广告\n").map(\.headline), ["广告"], "a page of nothing but an advertisement")
    }

    func testAdvertisementPageWithFurnitureOrAColumnLabelIsOnePiece() throws {
        XCTAssertEqual(parse("广告\n\n广告\n").map(\.headline), ["广告"], "the second 广告 is the page's furniture")
        let a = try XCTUnwrap(parse("基层传真\n\n广告\n").first)
        XCTAssertEqual(a.headline, "广告")
        XCTAssertEqual(a.column, "基层传真")
        XCTAssertEqual(parse("**记者观察**\n\n广告\n\n广告\n").map(\.headline), ["广告"])
    }

    func testSpeakerLineUnderAHeadlineIsText() throws {
        let a = try XCTUnwrap(parse("""
        在纪念李大钊同志诞辰130周年座谈会上的发言

        中央党史和文献研究院院长曲青山:

        李大钊同志是中国共产主义运动的先驱,伟大的马克思主义者。
        """).first)
        XCTAssertEqual(a.headline, "在纪念李大钊同志诞辰130周年座谈会上的发言")
        XCTAssertNil(a.subheadline)
        XCTAssertEqual(a.paragraphs.first, "中央党史和文献研究院院长曲青山:")
    }
}
