import ParseCore

/// A parsed query. Text matches as an exact substring (after folding width and Latin case);
/// the other leaves filter on a record's fields.
public indirect enum Query: Equatable, Sendable {
    public enum Scope: Equatable, Sendable { case all, headline }

    case text(String, Scope)
    case reporter(String)
    /// A union by name, printed form or place: see `Unions.queryKeys`.
    case union(String)
    case source(String)
    case kind(Article.Kind)
    /// Inclusive bounds as yyyymmdd.
    case date(UInt32, UInt32)
    case and([Query])
    case or([Query])
    case not(Query)

    /// The text leaves that count towards ranking: those not under a negation.
    public var positiveTexts: [(String, Scope)] {
        switch self {
        case .text(let t, let s): return [(t, s)]
        case .and(let qs), .or(let qs): return qs.flatMap(\.positiveTexts)
        default: return []
        }
    }

    /// The union leaves not under a negation: what `count` tallies mentions of.
    var positiveUnions: [String] {
        switch self {
        case .union(let u): return [u]
        case .and(let qs), .or(let qs): return qs.flatMap(\.positiveUnions)
        default: return []
        }
    }
}

/// A query that cannot be read: the column (1-based, in characters) and what is wrong.
public struct QueryError: Error, Equatable, CustomStringConvertible, Sendable {
    public let position: Int
    public let message: String
    public var description: String { "query error at column \(position): \(message)" }

    /// The error with the query quoted around the problem: at most `QueryError.quoted`
    /// characters, control characters shown as �, so a huge or binary query stays one short line.
    public func quoting(_ text: String) -> String {
        let s = Array(text.unicodeScalars)
        let half = Self.quoted / 2
        let lo = max(0, min(position - 1 - half, s.count - Self.quoted)), hi = min(s.count, lo + Self.quoted)
        var v = String.UnicodeScalarView()
        for c in s[lo..<hi] { v.append(c.value < 0x20 || c.value == 0x7F ? "\u{FFFD}" : c) }
        return "\(description): \(lo > 0 ? "…" : "")\(String(v))\(hi < s.count ? "…" : "")"
    }

    public static let quoted = 60
}

/// Reads the query language: space-separated terms are all required (A AND B says so too),
/// "quoted phrases" keep their spaces, -term and NOT term exclude, A OR B, parentheses group,
/// and headline:, reporter:, union:, source:, kind:, date: restrict to a field. The operators
/// are upper case, as in Lucene and SQLite FTS5: and, or, not are words. A Latin name before a
/// colon that is no field is an error, so that title:工匠 is not quietly searched as text.
public struct QueryParser {
    enum Token: Equatable {
        case word(String), quoted(String), field(String, String), open, close, or, and, minus
    }

    private var tokens: [(Token, Int)] = []
    private var at = 0
    private var depth = 0
    private let length: Int

    /// Deepest nesting of brackets and exclusions read: deeper is no query a person writes,
    /// and the parser and evaluator recurse once a level.
    public static let maxDepth = 100
    /// Longest query read, in characters: far beyond any search, short of costing seconds.
    public static let maxLength = 10_000

    public static func parse(_ text: String) throws(QueryError) -> Query {
        let length = text.unicodeScalars.count
        guard length <= maxLength else {
            throw QueryError(position: maxLength + 1, message: "longer than \(maxLength) characters (\(length))")
        }
        var p = try QueryParser(text)
        guard !p.tokens.isEmpty else { throw QueryError(position: 1, message: "empty query") }
        let q = try p.orExpression()
        if p.at < p.tokens.count {
            let (t, pos) = p.tokens[p.at]
            throw QueryError(position: pos, message: t == .close ? "')' without '('" : "unexpected text")
        }
        return q
    }

    /// The fields in the order help and errors list them.
    static let fieldNames = ["headline", "reporter", "union", "source", "kind", "date"]
    static let fields = Set(fieldNames)

    /// Whether `name` is shaped like a field's name (Latin letters): 产教融合:课堂 is text.
    private static func looksLikeField(_ name: Substring) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }

    private init(_ text: String) throws(QueryError) {
        let s = Array(text.unicodeScalars)
        length = s.count
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\u{3000}" }
        while i < s.count {
            let c = s[i]
            if isSpace(c) { i += 1; continue }
            let pos = i + 1
            switch c {
            case "(": tokens.append((.open, pos)); i += 1
            case ")": tokens.append((.close, pos)); i += 1
            case "\"":
                guard let end = s[(i + 1)...].firstIndex(of: "\"") else {
                    throw QueryError(position: pos, message: "unclosed quote")
                }
                tokens.append((.quoted(Self.string(s[(i + 1)..<end])), pos))
                i = end + 1
            case "-" where i + 1 < s.count && !isSpace(s[i + 1]):
                tokens.append((.minus, pos)); i += 1
            default:
                var j = i
                while j < s.count, !isSpace(s[j]), s[j] != "(", s[j] != ")", s[j] != "\"" { j += 1 }
                let word = Self.string(s[i..<j])
                if word == "OR" || word == "|" {
                    tokens.append((.or, pos))
                } else if word == "AND" {
                    tokens.append((.and, pos))
                } else if word == "NOT" {
                    tokens.append((.minus, pos))
                } else if let colon = word.firstIndex(of: ":"), Self.looksLikeField(word[..<colon]), !Self.fields.contains(String(word[..<colon])) {
                    throw QueryError(position: pos, message: "no field '\(Self.shown(String(word[..<colon]))):' (fields: \(Self.fieldNames.map { $0 + ":" }.joined(separator: " ")); quote it to search the text)")
                } else if let colon = word.firstIndex(of: ":"), Self.fields.contains(String(word[..<colon])) {
                    let name = String(word[..<colon])
                    var value = String(word[word.index(after: colon)...])
                    if value.isEmpty, j < s.count, s[j] == "\"" {
                        guard let end = s[(j + 1)...].firstIndex(of: "\"") else {
                            throw QueryError(position: j + 1, message: "unclosed quote")
                        }
                        value = Self.string(s[(j + 1)..<end])
                        j = end + 1
                    }
                    guard !value.isEmpty else { throw QueryError(position: pos, message: "\(name): needs a value") }
                    tokens.append((.field(name, value), pos))
                } else {
                    tokens.append((.word(word), pos))
                }
                i = j
            }
        }
    }

    private static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: s)
        return String(v)
    }

    private var position: Int { at < tokens.count ? tokens[at].1 : length + 1 }

    private mutating func orExpression() throws(QueryError) -> Query {
        var parts = [try andExpression()]
        while at < tokens.count, tokens[at].0 == .or {
            at += 1
            guard at < tokens.count, tokens[at].0 != .or, tokens[at].0 != .and, tokens[at].0 != .close else {
                throw QueryError(position: position, message: "OR needs a term after it")
            }
            parts.append(try andExpression())
        }
        return parts.count == 1 ? parts[0] : .or(parts)
    }

    private mutating func andExpression() throws(QueryError) -> Query {
        var parts: [Query] = []
        while at < tokens.count, tokens[at].0 != .or, tokens[at].0 != .close {
            if tokens[at].0 == .and {
                guard !parts.isEmpty else { throw QueryError(position: position, message: "AND needs a term before it") }
                at += 1
                guard at < tokens.count, ![.or, .and, .close].contains(tokens[at].0) else {
                    throw QueryError(position: position, message: "AND needs a term after it")
                }
            }
            parts.append(try unary())
        }
        guard !parts.isEmpty else {
            throw QueryError(position: position, message: at < tokens.count && tokens[at].0 == .or ? "OR needs a term before it" : "expected a term")
        }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    private mutating func unary() throws(QueryError) -> Query {
        let (token, pos) = tokens[at]
        at += 1
        if token == .minus || token == .open {
            guard depth < Self.maxDepth else {
                throw QueryError(position: pos, message: "nested more than \(Self.maxDepth) levels deep")
            }
            depth += 1
        }
        defer { if token == .minus || token == .open { depth -= 1 } }
        switch token {
        case .minus:
            guard at < tokens.count, ![.or, .and, .close].contains(tokens[at].0) else {
                throw QueryError(position: pos, message: "'-' or NOT needs a term to exclude")
            }
            return .not(try unary())
        case .open:
            guard at < tokens.count, tokens[at].0 != .close else { throw QueryError(position: pos, message: "empty parentheses") }
            let inner = try orExpression()
            guard at < tokens.count, tokens[at].0 == .close else { throw QueryError(position: pos, message: "'(' is never closed") }
            at += 1
            return inner
        case .word(let w), .quoted(let w):
            return .text(w, .all)
        case .field(let name, let value):
            return try Self.field(name, value, at: pos)
        case .close:
            throw QueryError(position: pos, message: "')' without '('")
        case .or:
            throw QueryError(position: pos, message: "OR needs a term before it")
        case .and:
            throw QueryError(position: pos, message: "AND needs a term before it")
        }
    }

    /// A value as an error message quotes it: its first 30 characters.
    private static func shown(_ value: String) -> String {
        value.unicodeScalars.count > 30 ? String(value.prefix(30)) + "…" : value
    }

    private static func field(_ name: String, _ value: String, at pos: Int) throws(QueryError) -> Query {
        switch name {
        case "headline": return .text(value, .headline)
        case "reporter": return .reporter(value)
        case "union": return .union(value)
        case "source": return .source(value)
        case "kind":
            guard let k = Article.Kind(rawValue: value) else {
                throw QueryError(position: pos, message: "kind: is 'article' or 'photo', not '\(Self.shown(value))'")
            }
            return .kind(k)
        default:
            let parts = value.components(separatedBy: "..")
            guard parts.count <= 2, let lo = DateBound(parts[0]), let hi = DateBound(parts.count == 2 ? parts[1] : parts[0]) else {
                throw QueryError(position: pos, message: "date: takes YYYY, YYYY-MM or YYYY-MM-DD, or a range A..B, not '\(Self.shown(value))'")
            }
            guard lo.first <= hi.last else { throw QueryError(position: pos, message: "date: the range ends before it starts") }
            return .date(lo.first, hi.last)
        }
    }
}

/// A year, month or day, as the first and last yyyymmdd it covers.
struct DateBound {
    let first: UInt32
    let last: UInt32

    init?(_ s: String) {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = UInt32(parts[0]) else { return nil }
        if parts.count == 1 { first = y * 10000 + 101; last = y * 10000 + 1231; return }
        guard let m = UInt32(parts[1]), (1...12).contains(m), parts[1].count <= 2 else { return nil }
        if parts.count == 2 {
            let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
            let days: UInt32 = m == 2 ? (leap ? 29 : 28) : ([4, 6, 9, 11].contains(m) ? 30 : 31)
            first = y * 10000 + m * 100 + 1
            last = y * 10000 + m * 100 + days
            return
        }
        guard let d = UInt32(parts[2]), (1...31).contains(d), parts[2].count <= 2 else { return nil }
        first = y * 10000 + m * 100 + d
        last = first
    }
}
