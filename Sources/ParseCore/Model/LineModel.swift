import Foundation

/// A trained linear-chain model of a page's lines: a weight per hashed feature and label, and
/// label-to-label transitions, decoded by Viterbi over the whole page; with it, the attachment
/// scorer of where detached text goes (`AttachmentWeights`). Its file starts with a
/// header (format version, the feature set's hash, what it was trained on) and ends with a
/// checksum; a file that does not match this parser is refused with an error naming it.
package struct LineModel: Sendable {
    package static let format: UInt16 = 2
    static let magic = Array("ARCHIVE-LINE-MODEL".utf8)
    /// Features are hashed into this many slots; collisions cost a little accuracy, not safety.
    package static let slotBits = 20
    package static var slots: Int { 1 << slotBits }
    static var labels: Int { LineLabel.allCases.count }

    package let trainedOn: String
    /// The slots that carry weight, in order, and each one's weights by label (`rows[row *
    /// labels + label]`), as the file holds them: a model uses a few thousand of its million
    /// slots. Scoring reads them from `table`.
    private let used: [UInt32]
    private let rows: [Float]
    private let table: SlotTable
    package let transition: [[Double]]
    package let start: [Double]
    /// How much more a line's own score must favour the model's label than the conventions'
    /// verdict before the model overrides it: fitted by the trainer on pages it did not learn
    /// from, as the least margin at which its overrides there are right often enough.
    package var overrideMargin: Double
    /// Where chains of text with no headline above them go; empty until the trainer fits it.
    package var attachment = AttachmentWeights(dense: [])
    /// Both feature sets, line and attachment, and the headline-wording table they read: a model
    /// records it and is refused by a parser that computes other features or counts wording
    /// from another table.
    package static let featureSetHash = Fingerprint.fnv1a(Array((LineFeatures.version + "\n" + AttachmentFeatures.version + "\n").utf8)
                                                          + PackageResources.title_words_bin)

    /// `weights[slot * labels + label]`, dense, as the trainer fits them.
    package init(trainedOn: String, weights: [Float], transition: [[Double]], start: [Double], overrideMargin: Double = 0) {
        let k = Self.labels
        let used = (0..<UInt32(Self.slots)).filter { s in (0..<k).contains { weights[Int(s) * k + $0] != 0 } }
        self.init(trainedOn: trainedOn, used: used, rows: used.flatMap { s in weights[Int(s) * k..<Int(s) * k + k] },
                  transition: transition, start: start, overrideMargin: overrideMargin)
    }

    private init(trainedOn: String, used: [UInt32], rows: [Float], transition: [[Double]], start: [Double], overrideMargin: Double) {
        self.trainedOn = trainedOn; self.used = used; self.rows = rows
        self.transition = transition; self.start = start; self.overrideMargin = overrideMargin
        table = SlotTable(used: used, rows: rows, labels: Self.labels)
    }

    /// The score of each label for a line with these features.
    package func scores(_ features: [UInt32]) -> [Double] {
        var s = [Double](repeating: 0, count: Self.labels)
        table.add(features, slotMask: UInt32(Self.slots - 1), to: &s)
        return s
    }

    /// The labels of a page's lines, and each line's own label scores.
    package func decode(_ page: PageObservation) -> (labels: [LineLabel], scores: [[Double]]) {
        let emission = page.features.map(scores)
        let labels = Viterbi.decode(emission: emission, transition: transition, start: start, allowed: page.allowed)
        return (labels.map { LineLabel(rawValue: $0)! }, emission)
    }

    /// Where the model overrides the conventions. A headline block's lines are decided together
    /// (a kicker over its headline, a title over its second line), so an override is a stretch
    /// of consecutive decidable lines that the verdicts or the model make headings, where they
    /// disagree on one line at least: the model's labels for all of it, and its margin, by how
    /// much the best reading of the whole page beats the best one that keeps the conventions'
    /// verdicts on the stretch.
    package func overrides(_ page: PageObservation) -> [Override] {
        let (labels, emission) = decode(page)
        let best = Viterbi.score(labels.map(\.rawValue), emission: emission, transition: transition, start: start)
        let h = LineLabel.heading.rawValue
        func candidate(_ i: Int) -> Bool { page.allowed[i][h] && (page.verdict[i] || labels[i] == .heading) }
        var out: [Override] = []
        var i = 0
        while i < labels.count {
            guard candidate(i) else { i += 1; continue }
            var j = i
            while j + 1 < labels.count, candidate(j + 1) { j += 1 }
            if (i...j).contains(where: { (labels[$0] == .heading) != page.verdict[$0] }) {
                var kept = page.allowed
                for k in i...j { kept[k] = LineLabel.allCases.map { page.verdict[k] ? $0 == .heading : $0.isText } }
                let conventions = Viterbi.decode(emission: emission, transition: transition, start: start, allowed: kept)
                let margin = best - Viterbi.score(conventions, emission: emission, transition: transition, start: start)
                out.append(Override(lines: i...j, labels: Array(labels[i...j]), margin: margin))
            }
            i = j + 1
        }
        return out
    }

    /// Which lines head blocks: the conventions' verdicts, overridden where the model is sure.
    package func titles(_ page: PageObservation) -> [Bool] {
        var out = page.verdict
        for o in overrides(page) where o.margin >= overrideMargin {
            for (k, label) in zip(o.lines, o.labels) { out[k] = label == .heading }
        }
        return out
    }
}

/// The model's labels for a stretch of lines where it disagrees with the conventions.
package struct Override {
    package let lines: ClosedRange<Int>
    package let labels: [LineLabel]
    package let margin: Double
}

/// Why a model file cannot be used.
package struct ModelError: Error, CustomStringConvertible, Equatable {
    package let description: String
    init(_ name: String, _ problem: String) {
        description = "\(name): \(problem); retrain it with 'make train'"
    }
}

extension LineModel {
    /// The model compiled into the library (`make train` writes it), read once, on first use.
    package static let bundled: Result<LineModel, ModelError> = {
        do throws(ModelError) {
            return .success(try LineModel(bytes: PackageResources.line_model_bin, name: "line-model.bin"))
        } catch {
            return .failure(error)
        }
    }()

    /// Reads a model file, checking that it is whole and made for this parser's features.
    package init(bytes: [UInt8], name: String) throws(ModelError) {
        var r = ModelReader(bytes: bytes)
        guard bytes.count >= Self.magic.count + 8, Array(bytes.prefix(Self.magic.count)) == Self.magic else {
            throw ModelError(name, "not a line model")
        }
        let body = bytes.dropLast(8)
        let stored = bytes.suffix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard Fingerprint.fnv1a(body) == stored else { throw ModelError(name, "damaged (its checksum does not match)") }
        r.at = Self.magic.count
        let format = try r.u16(name)
        guard format == Self.format else { throw ModelError(name, "model format \(format), this parser reads format \(Self.format)") }
        let featureHash = try r.u64(name)
        guard featureHash == Self.featureSetHash else {
            throw ModelError(name, "trained on feature set \(Fingerprint.hex(featureHash)), this parser computes \(Fingerprint.hex(Self.featureSetHash))")
        }
        let labels = Int(try r.u16(name)), bits = Int(try r.u16(name))
        guard labels == Self.labels, bits == Self.slotBits else {
            throw ModelError(name, "\(labels) labels over \(bits)-bit slots, this parser has \(Self.labels) over \(Self.slotBits)")
        }
        let trainedOn = try r.string(name)
        let overrideMargin = Double(try r.f32(name))
        let start = try (0..<labels).map { _ throws(ModelError) in Double(try r.f32(name)) }
        let transition = try (0..<labels).map { _ throws(ModelError) in try (0..<labels).map { _ throws(ModelError) in Double(try r.f32(name)) } }
        let count = Int(try r.u32(name))
        guard count <= Self.slots else { throw ModelError(name, "damaged (\(count) slots)") }
        var used: [UInt32] = [], rows: [Float] = []
        used.reserveCapacity(count); rows.reserveCapacity(count * labels)
        for _ in 0..<count {
            let slot = try r.u32(name)
            guard used.last.map({ slot > $0 }) ?? true, slot < Self.slots else { throw ModelError(name, "damaged (slot \(slot) out of order)") }
            used.append(slot)
            for _ in 0..<labels { rows.append(try r.f32(name)) }
        }
        let attached = Int(try r.u32(name))
        guard attached <= Self.slots else { throw ModelError(name, "damaged (\(attached) attachment slots)") }
        var attachedSlots: [UInt32] = [], attachedWeights: [Float] = []
        for _ in 0..<attached {
            let slot = try r.u32(name)
            guard attachedSlots.last.map({ slot > $0 }) ?? true, slot < Self.slots else { throw ModelError(name, "damaged (attachment slot \(slot) out of order)") }
            attachedSlots.append(slot)
            attachedWeights.append(try r.f32(name))
        }
        guard r.at == body.count else { throw ModelError(name, "damaged (\(body.count - r.at) bytes after the weights)") }
        self.init(trainedOn: trainedOn, used: used, rows: rows, transition: transition, start: start, overrideMargin: overrideMargin)
        attachment = AttachmentWeights(used: attachedSlots, weights: attachedWeights)
    }

    /// The file: header, transitions, the slots with a weight, the attachment slots with a
    /// weight, a checksum. The same model
    /// gives the same bytes.
    package func serialized() -> [UInt8] {
        var out = Self.magic
        func u16(_ v: UInt16) { out += [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: UInt32) { for k in 0..<4 { out.append(UInt8(v >> (8 * UInt32(k)) & 0xFF)) } }
        func u64(_ v: UInt64) { for k in 0..<8 { out.append(UInt8(v >> (8 * UInt64(k)) & 0xFF)) } }
        func f32(_ v: Float) { u32(v.bitPattern) }
        u16(Self.format); u64(Self.featureSetHash); u16(UInt16(Self.labels)); u16(UInt16(Self.slotBits))
        let about = Array(trainedOn.utf8)
        u32(UInt32(about.count)); out += about
        f32(Float(overrideMargin))
        for s in start { f32(Float(s)) }
        for row in transition { for t in row { f32(Float(t)) } }
        u32(UInt32(used.count))
        for (row, s) in used.enumerated() {
            u32(s)
            for y in 0..<Self.labels { f32(rows[row * Self.labels + y]) }
        }
        u32(UInt32(attachment.used.count))
        for (slot, w) in zip(attachment.used, attachment.weights) { u32(slot); f32(w) }
        u64(Fingerprint.fnv1a(out))
        return out
    }
}

/// Little-endian reads that fail, rather than trap, past the end.
private struct ModelReader {
    let bytes: [UInt8]
    var at = 0

    mutating func take(_ n: Int, _ name: String) throws(ModelError) -> ArraySlice<UInt8> {
        guard n >= 0, at + n <= bytes.count - 8 else { throw ModelError(name, "damaged (cut short)") }
        defer { at += n }
        return bytes[at..<at + n]
    }

    mutating func uint(_ n: Int, _ name: String) throws(ModelError) -> UInt64 {
        try take(n, name).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    mutating func u16(_ name: String) throws(ModelError) -> UInt16 { UInt16(try uint(2, name)) }
    mutating func u32(_ name: String) throws(ModelError) -> UInt32 { UInt32(try uint(4, name)) }
    mutating func u64(_ name: String) throws(ModelError) -> UInt64 { try uint(8, name) }
    mutating func f32(_ name: String) throws(ModelError) -> Float { Float(bitPattern: try u32(name)) }

    mutating func string(_ name: String) throws(ModelError) -> String {
        let n = Int(try u32(name))
        guard n <= 1 << 16 else { throw ModelError(name, "damaged (a header of \(n) bytes)") }
        return String(decoding: try take(n, name), as: UTF8.self)
    }
}
