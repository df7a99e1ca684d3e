/// Recurring column and campaign labels of Workers' Daily. Printed above or below a headline
/// they look like kickers or subheadlines; only knowing the paper's labels tells them apart.
enum ColumnLabels {
    static let known: Set<String> = [
        "新闻特写", "工会创新实践调研行", "基层传真", "劳动者之歌", "团结奋斗开新局 喜迎工会十八大",
        "新春走基层", "一线传真", "工会新闻", "劳模风采", "职工之家", "特别策划", "图片新闻",
        "工运史话", "记者观察", "深度观察", "一线调查", "本报评论员", "工人日报评论员", "新闻速递",
        "权益周刊", "法治视点", "工会工作", "基层动态", "走基层", "聚焦", "关注", "视点", "述评",
        "开栏的话", "编者按", "专题报道", "短评", "今日谈", "劳动者风采", "大国工匠", "工匠风采",
    ]

    static func isLabel(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        known.contains(normalized(t))
    }

    /// Labels are compared with spaces folded, as banners are printed with one or two.
    static func normalized(_ t: ArraySlice<Unicode.Scalar>) -> String {
        var out: [Unicode.Scalar] = []
        var space = false
        for s in t {
            if Scalars.isSpace(s) { space = !out.isEmpty; continue }
            if space { out.append(" "); space = false }
            out.append(s)
        }
        return Scalars.string(out)
    }
}
