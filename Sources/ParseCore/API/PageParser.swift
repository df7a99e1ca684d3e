/// Splits the raw text dump of one newspaper page into its printed pieces.
///
/// The page is read in stages: lines are classified on their own, then in context (headline
/// block or paragraph), paragraphs are grouped into runs under headline blocks, cut halves are
/// paired by evidence, and detached runs are placed where the joins or the topic say.
public struct PageParser: Sendable {
    public var stats: LanguageStats
    /// A trained model of which lines head blocks (`LineModel`), overriding the conventions'
    /// verdicts where it is sure.
    package let model: LineModel?
    /// How headlines are worded (`title-words.bin`), read by the conventions and the model alike.
    package let wording: TitleWording

    /// A parser with the line model compiled into the library.
    /// - Parameter stats: character statistics of the archive the page comes from; the page's
    ///   own statistics are always added.
    public init(stats: LanguageStats = LanguageStats()) {
        self.stats = stats
        model = try? LineModel.bundled.get()
        wording = .bundled
    }

    /// A parser deciding its lines with `model`, or by the conventions alone with none, and
    /// reading headline wording with `wording`: the trainer's held-out evaluation.
    package init(stats: LanguageStats = LanguageStats(), model: LineModel?, wording: TitleWording = .bundled) {
        self.stats = stats
        self.model = model
        self.wording = wording
    }

    /// Why the compiled-in line model cannot be used, if it cannot: a build whose features
    /// changed without retraining. Commands that parse refuse to run rather than parse without it.
    public static var modelProblem: String? {
        if case .failure(let e) = LineModel.bundled { return e.description }
        return nil
    }

    /// Parses one page. `source` is recorded on every piece and read for the date and page.
    public func parse(_ text: String, source: String) -> [Article] {
        parse(text, source: source, info: SourceInfo(path: source), fingerprint: Fingerprint.fnv1a(text))
    }

    /// Parses one page whose text's fingerprint (`Fingerprint.fnv1a` of its UTF-8) the caller
    /// has already: an ingest hashes every file, and most files are their text byte for byte.
    /// Its date and page are `info`'s: an ingest reads them from the file's whole real path.
    package func parse(_ text: String, source: String, info: SourceInfo, fingerprint hash: UInt64) -> [Article] {
        let placer = model.flatMap { $0.attachment.used.isEmpty ? nil : Placer.model($0.attachment) }
        var articles = pieces(text, withFeatures: model != nil, placer: placer) { observed in
            model?.titles(observed) ?? observed.verdict
        }

        let fingerprint = Fingerprint.hex(hash).prefix(12)
        for i in articles.indices {
            articles[i].id = "\(fingerprint)-\(i + 1 < 10 ? "0" : "")\(i + 1)"
            articles[i].source = source
            articles[i].date = info.date
            articles[i].page = info.page
            articles[i].unions = Unions.recognize(in: articles[i])
        }
        return articles
    }

    /// The trainer's pass over a page: headline lines as `titles` says (the page's truth), and
    /// every detached chain placed by `teacher`, who keeps what it learns from.
    package func teach(_ text: String, teacher: AttachmentTeacher, titles: (PageObservation) -> [Bool]) {
        _ = pieces(text, withFeatures: true, placer: .teacher(teacher), titles: titles)
    }

    /// The stages from lines to records, with the headline lines `titles` decides.
    private func pieces(_ text: String, withFeatures: Bool, placer: Placer?, titles decide: (PageObservation) -> [Bool]) -> [Article] {
        let lines = PageLines.split(text)
        let page = CharCounts.page(lines)
        let evidence = JoinEvidence(page: page, global: stats.counts)
        let observed = PageObservation(lines: lines, evidence: evidence, wording: wording, withFeatures: withFeatures)
        let titles = decide(observed)
        let style = observed.style
        let layout = PageLayout(lines: lines, titles: titles, sectionBylines: observed.sectionBylines, style: style)
        let joins = Joins(paras: layout.paras, evidence: evidence)
        let salience = Salience.Lazy { Salience(counts: page, paragraphs: layout.paras.count) }
        let assembly = RunAssembly(layout: layout, joins: joins, salience: salience, separatedBlocks: style == .double, placer: placer)
        return PieceAssembly.articles(layout: layout, assembly: assembly, joins: joins, wording: wording)
    }
}
