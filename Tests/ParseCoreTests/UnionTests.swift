@testable import ParseCore
import XCTest

/// Each rule of union recognition, on sentences from the dumps or written like them.
final class UnionTests: XCTestCase {
    private func unions(_ body: String, headline: String = "标题", dateline: String? = nil) -> [UnionMention] {
        Unions.recognize(in: Article(headline: headline, dateline: dateline, paragraphs: body.components(separatedBy: "\n")))
    }

    private func names(_ body: String, headline: String = "标题", dateline: String? = nil) -> [String] {
        unions(body, headline: headline, dateline: dateline).map(\.name)
    }

    /// 全总, the paper's short name for the national federation, as it prints it; and the words
    /// it hides in (安全总监, 完全总结) that are not it.
    func testQuanZongIsTheNationalFederation() {
        XCTAssertEqual(names("全总党组书记、副主席陈刚在会上讲话。"), ["中华全国总工会"])
        XCTAssertEqual(names("近日，全总、国家发展改革委等部门联合印发《意见》。"), ["中华全国总工会"])
        XCTAssertEqual(names("据全总统计，全国已建立职工书屋10万余家。"), ["中华全国总工会"])
        XCTAssertEqual(names("全总书记处书记出席会议。"), ["中华全国总工会"])
        XCTAssertEqual(names("经全总决定，向全总汇报。"), ["中华全国总工会"])
        XCTAssertEqual(names("全总会同有关部门开展工作，全总工作报告提出要求。"), ["中华全国总工会"])
        XCTAssertEqual(unions("中华全国总工会（全总）发布通知。").first?.mentions, ["中华全国总工会", "全总"])
        XCTAssertEqual(names("公司安全总监带队检查。"), [])
        XCTAssertEqual(names("要完全总结经验，安全总体形势稳定。"), [])
        XCTAssertEqual(names("全总体上看，全总量保持稳定。"), [])
        XCTAssertFalse(names("进一步健全总工会组织体系。").contains("中华全国总工会"))
        XCTAssertTrue(Unions.queryKeys("全总").contains("n:中华全国总工会"))
    }

    func testGazetteerPlacesCountiesUnderPrefectureAndProvince() {
        let g = Gazetteer.shared
        let huli = g.places(named: "湖里区")
        XCTAssertEqual(huli.count, 1)
        XCTAssertEqual(g.chain(huli[0]).map { g.places[$0].name }, ["福建省", "厦门市", "湖里区"])
        XCTAssertEqual(Gazetteer.shorten("黔西南布依族苗族自治州").short, "黔西南")
        XCTAssertEqual(Gazetteer.shorten("广西壮族自治区").short, "广西")
        XCTAssertFalse(g.places(named: "黔西南州").isEmpty, "an autonomous prefecture by its short name and 州")
        XCTAssertEqual(g.places(named: "朝阳区").count, 2, "Beijing's and Changchun's")
        XCTAssertEqual(g.chain(g.places(named: "朝阳区")[0]).count, 2, "a Beijing district sits right under the municipality")
    }

    func testFederationsAtEveryLevel() {
        XCTAssertEqual(names("李建国代表中华全国总工会第十五届执行委员会作报告。"), ["中华全国总工会"])
        XCTAssertEqual(names("记者今天从全国总工会了解到。"), ["中华全国总工会"])
        XCTAssertEqual(names("记者近日从四川省总工会获悉。"), ["四川省总工会"])
        XCTAssertEqual(names("广西壮族自治区总工会召开会议。"), ["广西壮族自治区总工会"])
        XCTAssertEqual(names("北京市总工会权益工作部。"), ["北京市总工会"])
        XCTAssertEqual(names("黔西南州总工会组织职工。"), ["黔西南布依族苗族自治州总工会"])
        XCTAssertEqual(names("兴安盟总工会开展慰问。"), ["兴安盟总工会"])
        XCTAssertEqual(names("近日,吉林省长春市总工会在市工人文化宫举办联谊会。"), ["长春市总工会"])
        XCTAssertEqual(names("甘肃省平凉市灵台县总工会开展培训。"), ["灵台县总工会"])
        XCTAssertEqual(names("深圳市宝安区总工会推出服务。"), ["宝安区总工会"])
        XCTAssertEqual(names("江西瑞金市总建立“三师一员”机制。"), ["瑞金市总工会"])
        XCTAssertEqual(names("鄂伦春自治旗总工会走访。"), ["鄂伦春自治旗总工会"])
        XCTAssertEqual(names("济南高新区总工会推进社会组织建会入会。"), ["济南高新区总工会"])
        XCTAssertEqual(names("近日,天津市河西区总工会联合挂甲寺街道开展活动。"), ["河西区总工会"],
                       "总工会联合 is the union acting jointly, not a federation's name")
    }

    func testCanonicalNameDropsHigherPlacesAndKeepsEveryPrintedForm() {
        let u = unions("安庆市总举办“一县一品”擂台赛。安徽省安庆市总工会相关负责人介绍,安庆市总工会将继续推进。")
        XCTAssertEqual(u.map(\.name), ["安庆市总工会"])
        XCTAssertEqual(u[0].mentions, ["安庆市总", "安徽省安庆市总工会", "安庆市总工会"])
        XCTAssertEqual(u[0].occurrences, 3)
        XCTAssertEqual(u[0].places, ["安徽省", "安庆市"])
    }

    func testPlacesTheGazetteerDoesNotHoldAreReadWhereSomethingBoundsThem() {
        let u = unions("湖北省襄樊市总工会开展活动。由巢湖市总工会主办。")
        XCTAssertEqual(u.map(\.name), ["襄樊市总工会", "巢湖市总工会"])
        XCTAssertEqual(u[0].places, ["湖北省", "襄樊市"])
        XCTAssertEqual(names("在县区总工会指导下,全市总工会干部参加。"), [])
        XCTAssertEqual(names("他们走访了乐襄樊市总工会。"), [], "not bounded: 乐襄樊 or 襄樊?")
    }

    func testAbbreviationsAreNotOtherWordsStartingWith总() {
        XCTAssertEqual(names("城阳区总多次与夜市经营者沟通。"), ["城阳区总工会"])
        XCTAssertEqual(names("南阳市总联合市司法局开展活动。"), ["南阳市总工会"])
        XCTAssertEqual(names("厦门市总要求各级工会做好服务。"), ["厦门市总工会"])
        XCTAssertEqual(names("北京市总体规划已经批准。"), [])
        XCTAssertEqual(names("安庆市总人口达到四百万。"), [])
        XCTAssertEqual(names("他在城市总体规划中提出。"), [])
    }

    func testBareLevelsResolveToThePlaceThePieceIsAbout() {
        XCTAssertEqual(names("枣庄市总发挥企业培养作用。\n市总畅通技能人才成长通道。"), ["枣庄市总工会"])
        let u = unions("本报讯 区总工会开展送清凉活动。", headline: "相山区职工喜迎招聘会")
        XCTAssertEqual(u.map(\.name), ["相山区总工会"], "the headline's place")
        XCTAssertEqual(names("在省总工会牵头下,各地推进。", dateline: "本报西安9月11日电"), ["陕西省总工会"], "the dateline's city")
        XCTAssertEqual(names("江西吉安县推进产改。该县总工会成立专班。"), ["吉安县总工会"])
        XCTAssertEqual(names("会上,自治区总工会负责人讲话。", headline: "广西举办技能大赛"), ["广西壮族自治区总工会"])
    }

    func testBareLevelsStayUnresolvedWhenThePieceIsAmbiguous() {
        XCTAssertEqual(names("市总工会将进一步推进。"), [], "no place at all")
        XCTAssertEqual(Set(names("安庆市召开会议,芜湖市也参加。随后市总工会发言。")), [], "two cities, no federation named")
    }

    func testGenericAndPluralMentionsAreNotOrganisations() {
        XCTAssertEqual(names("全省各级工会要加强服务。"), [])
        XCTAssertEqual(names("不断壮大县级工会和基层工会力量。"), [])
        XCTAssertEqual(names("各县(市、区)总工会要落实责任。"), [])
        XCTAssertEqual(names("联系县区总工会建立紧密协作。合力建强县总工会。"), [])
        XCTAssertEqual(names("县市区级总工会干部交流。"), [])
        XCTAssertEqual(names("企业工会要发挥作用,由公司工会协调。"), [])
        XCTAssertEqual(names("新建工会驿站20个,工人文化宫开放,筹备工会十八大,加强工会组织建设。"), [])
        XCTAssertEqual(names("南阳已成立新业态工会联合会20家。"), [])
    }

    func testEnumerationsNameEachFederation() {
        XCTAssertEqual(names("第一轮观摩结束后,六盘水市、黔西南州、安顺市等市州总工会已经启动。"),
                       ["六盘水市总工会", "黔西南布依族苗族自治州总工会", "安顺市总工会"])
        XCTAssertEqual(names("阜阳市、马鞍山市、滁州市总工会联合开展。"), ["阜阳市总工会", "马鞍山市总工会", "滁州市总工会"])
    }

    func testIndustryUnions() {
        XCTAssertEqual(names("本届示范赛由中国能源化学地质工会、陕西省能源化学地质工会主办。"),
                       ["中国能源化学地质工会", "陕西省能源化学地质工会"])
        XCTAssertEqual(names("中国海员建设工会举办培训。"), ["中国海员建设工会"])
    }

    func testEnterpriseUnionsNeedTheirCompanyNamed() {
        XCTAssertEqual(names("红运在江苏省总工会指导下成立红运物流工会,贺升军成为会员。"), ["江苏省总工会", "红运物流工会"])
        XCTAssertEqual(names("其他工作室调配3名社工组成零工客栈工会工作专班。"), ["零工客栈工会"])
        XCTAssertEqual(names("今年7月,城阳区总多次与吕家庄夜市经济工会联合会沟通。"), ["城阳区总工会", "吕家庄夜市经济工会联合会"])
        let u = unions("国网辽宁大连供电公司工会张榜公布。\n为深化“产改”,国网大连供电公司工会经过调研。")
        XCTAssertEqual(u.map(\.name), ["国网辽宁大连供电公司工会"], "printed with and without a province inside: one company")
        XCTAssertEqual(u[0].mentions, ["国网辽宁大连供电公司工会", "国网大连供电公司工会"])
    }

    func testABareCompanyUnionBelongsToTheCompanyNamedBeforeIt() {
        XCTAssertEqual(names("近日,盐城神瑞胶业有限公司一些职工建议增设奖项。\n公司工会召集职工方和行政方代表协商。"),
                       ["盐城神瑞胶业有限公司工会"])
        XCTAssertEqual(names("开发区东部供电分公司职工数量多。\n分公司工会根据反馈编制手册。"), ["开发区东部供电分公司工会"])
        XCTAssertEqual(names("公司工会召集职工代表。"), [], "no company named")
        XCTAssertEqual(names("石阡县良友建材有限公司招聘职工。企业工会要发挥作用。"), [], "企业工会 is any firm's union")
    }

    func testAdjacentUnionsAreSeparated() {
        XCTAssertEqual(names("会上,江苏省总工会杭州物流有限公司工会作交流。"), ["江苏省总工会", "杭州物流有限公司工会"])
        XCTAssertEqual(names("会上,湖里区总昆明机床有限公司工会作交流。"), ["湖里区总工会", "昆明机床有限公司工会"])
    }

    func testQueryKeysReachNamesFormsAndPlaces() {
        XCTAssertTrue(Unions.queryKeys("安庆市总").contains("n:安庆市总工会"))
        XCTAssertTrue(Unions.queryKeys("厦门").contains("p:厦门市"))
        XCTAssertTrue(Unions.queryKeys("福建省").contains("p:福建省"))
        let u = UnionMention(name: "湖里区总工会", mentions: ["湖里区总"], places: ["福建省", "厦门市", "湖里区"])
        XCTAssertFalse(Set(Unions.keys(of: u)).isDisjoint(with: Unions.queryKeys("厦门")))
        XCTAssertEqual(Unions.province(of: "安庆"), "安徽省")
        XCTAssertEqual(Unions.province(of: "安徽"), "安徽省")
    }
}
