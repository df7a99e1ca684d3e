/// One printed piece: an article, a brief, or a photo with its caption.
/// The fields follow the record contract of `archive parse --json` and `archive export`.
public struct Article: Equatable, Sendable {
    public enum Kind: String, Sendable { case article, photo }

    public var id: String
    public var source: String
    public var date: String?
    public var page: Int?
    public var kind: Kind
    public var headline: String?
    public var kicker: String?
    public var subheadline: String?
    public var column: String?
    public var summary: String?
    public var dateline: String?
    public var reporters: [String]
    public var correspondents: [String]
    public var photographers: [String]
    public var authors: [String]
    public var agency: String?
    public var continuedFrom: Int?
    public var continuesTo: Int?
    /// The ids of the other half of an article jumping between pages, once the index has linked
    /// them (see `Continuations`); nil when unlinked.
    public var continuedFromId: String?
    public var continuesToId: String?
    public var paragraphs: [String]
    public var unions: [UnionMention]

    public init(id: String = "", source: String = "", date: String? = nil, page: Int? = nil,
                kind: Kind = .article, headline: String? = nil, kicker: String? = nil,
                subheadline: String? = nil, column: String? = nil, summary: String? = nil,
                dateline: String? = nil, reporters: [String] = [], correspondents: [String] = [],
                photographers: [String] = [], authors: [String] = [], agency: String? = nil,
                continuedFrom: Int? = nil, continuesTo: Int? = nil, paragraphs: [String] = [],
                unions: [UnionMention] = []) {
        self.id = id; self.source = source; self.date = date; self.page = page; self.kind = kind
        self.headline = headline; self.kicker = kicker; self.subheadline = subheadline
        self.column = column; self.summary = summary; self.dateline = dateline
        self.reporters = reporters; self.correspondents = correspondents
        self.photographers = photographers; self.authors = authors; self.agency = agency
        self.continuedFrom = continuedFrom; self.continuesTo = continuesTo
        self.paragraphs = paragraphs; self.unions = unions
    }

    /// Every name credited on the piece, in the order the schema lists the roles.
    public var allNames: [String] { reporters + correspondents + photographers + authors }
}

/// A trade-union organisation named in a piece: its canonical name and the forms printed.
public struct UnionMention: Equatable, Sendable {
    public var name: String
    /// Each form as printed, once, in order of first appearance.
    public var mentions: [String]
    /// How many times the piece names it, in any form.
    public var occurrences: Int
    /// Official names of its place and the places above it, outermost first (福建省, 厦门市,
    /// 湖里区); empty for national and enterprise unions. Not part of the JSON record: it is
    /// what searching by a place reaches the unions under it with.
    public var places: [String]

    public init(name: String, mentions: [String], occurrences: Int? = nil, places: [String] = []) {
        self.name = name
        self.mentions = mentions
        self.occurrences = occurrences ?? mentions.count
        self.places = places
    }
}
