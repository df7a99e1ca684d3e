import Foundation
import LineModelTraining
import ParseCore

/// `archive-train`: fits the line model on laid-out pages and gold pages (`make train`), or
/// fits it on some pages and parses others with it, for the held-out table (`make eval`), or
/// writes the evidence on every group between paragraphs that `fit_title_groups.py` learns from.
///
let usage = """
usage: archive-train train --out FILE [--epochs N] [--gold DIR --dumps DIR [--gold-weight N]] PAGES_DIR...
       archive-train eval --test DIR --pred FILE [--conventions] [--wording FILE] [--epochs N] [--gold DIR --dumps DIR [--gold-weight N]] PAGES_DIR...
       archive-train title-groups [--wording FILE] PAGES_DIR...   (writes PAGES_DIR/groups.tsv)
--wording FILE: a title-words table (make_title_words.py) to read the pages with instead of the
bundled one, made from months other than those the pages are laid out from.
"""

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("archive-train: \(message)\n".utf8))
    exit(2)
}

var args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first, ["train", "eval", "title-groups"].contains(command) else { fail(usage) }
args.removeFirst()
var options: [String: String] = [:], flags = Set<String>(), folders: [String] = []
while let a = args.first {
    args.removeFirst()
    if a == "--conventions" { flags.insert(a); continue }
    if a.hasPrefix("--") {
        guard let v = args.first else { fail("\(a) needs a value\n\(usage)") }
        args.removeFirst()
        options[a] = v
    } else {
        folders.append(a)
    }
}
let epochs = Int(options["--epochs"] ?? "8") ?? 0
guard epochs > 0 else { fail("--epochs takes a whole number above 0") }
let goldWeight = Int(options["--gold-weight"] ?? "1") ?? 0
guard goldWeight > 0 else { fail("--gold-weight takes a whole number above 0") }
// A model is refused by a parser whose table is not the one it was trained with.
if command == "train", options["--wording"] != nil { fail("--wording is for eval and title-groups: train reads the bundled table, as the parser will") }
let wording: TitleWording = {
    guard let path = options["--wording"] else { return .bundled }
    guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot be read") }
    guard let table = TitleWording(bytes: [UInt8](data)) else { fail("\(path): not a title-words table") }
    return table
}()

/// Fits a model on the folders and gold pages named.
@MainActor func fit() throws -> LineModel {
    var pages: [TruthPage] = []
    var about: [String] = []
    for dir in folders.sorted() {
        let p = try TruthPage.folder(dir)
        pages += p
        about.append("\((dir as NSString).lastPathComponent) (\(p.count))")
    }
    if let gold = options["--gold"] {
        // Real Workers' Daily pages are few beside the laid-out ones: each counts as many.
        let g = try TruthPage.gold(gold, dumps: options["--dumps"] ?? "Fixtures/dumps"), times = goldWeight
        for _ in 0..<times { pages += g }
        about.append("gold (\(g.count) × \(times))")
    }
    guard !pages.isEmpty else { fail("no pages to train on\n\(usage)") }
    let trainedOn = "\(pages.count) pages: " + about.joined(separator: ", ") + "; \(epochs) epochs, averaged perceptron"
    return Perceptron.fit(pages, epochs: epochs, trainedOn: trainedOn, wording: wording) { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
}

do {
    switch command {
    case "train":
        guard let out = options["--out"] else { fail(usage) }
        let model = try fit()
        try Data(model.serialized()).write(to: URL(fileURLWithPath: out))
        print("\(out): \(model.trainedOn); override margin \(model.overrideMargin)")
    case "title-groups":
        for dir in folders {
            var rows = ""
            for page in try TruthPage.folder(dir) {
                for g in TitleGroupEvidence.of(page: page.text, wording: wording) {
                    rows += ([g.lines.joined(separator: "|")] + g.features.map { String($0) }).joined(separator: "\t") + "\n"
                }
            }
            try Data(rows.utf8).write(to: URL(fileURLWithPath: "\(dir)/groups.tsv"))
        }
    default:
        guard let test = options["--test"], let pred = options["--pred"] else { fail(usage) }
        let parser = PageParser(model: flags.contains("--conventions") ? nil : try fit(), wording: wording)
        var w = JSONWriter()
        w.raw("{\"articles\":[")
        var first = true
        for page in try TruthPage.folder(test) {
            for a in parser.parse(page.text, source: page.source) {
                if !first { w.raw(",") }
                w.raw("\n")
                a.writeJSON(to: &w)
                first = false
            }
        }
        w.raw("\n]}\n")
        try Data(w.bytes).write(to: URL(fileURLWithPath: pred))
    }
} catch {
    fail("\(error)")
}
