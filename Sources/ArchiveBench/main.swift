import ArchiveIndex
import Foundation
import ParseCore
#if canImport(Glibc)
import Glibc
#endif

/// `archive-bench ARCHIVE_BINARY [CORPUS [QUERIES]]`: times a whole ingest of a folder of dumps,
/// then batch and one-process queries on the index, and prints what a user would weigh. Without a
/// corpus it builds one from the bundled dumps, copied under new names until it is 20 MB; without
/// a query file (one per line, such as bench_anchors.py writes) it draws its own. With ANCHORS set
/// to bench_anchors.py and a corpus that has its truth.jsonl, tantivy is built (in turns with the
/// ingest, INGEST_ROUNDS times) and queried in the same run, and its figures are printed beside these.

func fail(_ s: String) -> Never {
    FileHandle.standardError.write(Data("archive-bench: \(s)\n".utf8))
    exit(2)
}

/// Runs the binary with output discarded (or sent to `output`), timed from spawn to exit, with its
/// peak memory in MB (posix_spawn: Foundation's Process adds tens of milliseconds of its own on Linux).
@discardableResult
func run(_ binary: String, _ args: [String], output: String = "/dev/null") -> (status: Int32, seconds: Double, peakMB: Double) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let argv = ([binary] + args).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let t0 = Date()
    guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { fail("cannot run \(binary)") }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    return ((status >> 8) & 0xFF, Date().timeIntervalSince(t0), Double(usage.ru_maxrss) / 1024)
}

func folderBytes(_ path: String) -> (files: Int, bytes: Int) {
    var files = 0, bytes = 0
    let e = FileManager.default.enumerator(atPath: path)
    while let rel = e?.nextObject() as? String {
        if let size = try? FileManager.default.attributesOfItem(atPath: "\(path)/\(rel)")[.size] as? Int,
           (try? FileManager.default.attributesOfItem(atPath: "\(path)/\(rel)")[.type] as? FileAttributeType) == .typeRegular {
            if rel.hasSuffix(".txt") { files += 1; bytes += size } else if !path.hasSuffix("corpus") && !rel.hasSuffix(".jsonl") { bytes += size }
        }
    }
    return (files, bytes)
}

func percentile(_ xs: [Double], _ p: Double) -> Double {
    let s = xs.sorted()
    return s[min(s.count - 1, Int(Double(s.count) * p))]
}

let args = CommandLine.arguments
guard args.count >= 2 else { fail("usage: archive-bench ARCHIVE_BINARY [CORPUS [QUERIES]]") }
let binary = args[1]
let work = FileManager.default.temporaryDirectory.appendingPathComponent("archive-bench-\(getpid())").path
try? FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: work) }

var corpus = args.count >= 3 ? args[2] : ""
if corpus.isEmpty {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/dumps").path
    corpus = "\(work)/corpus"
    try? FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    guard !names.isEmpty else { fail("\(source): no dumps to scale") }
    var copies = 0, written = 0
    while written < 20_000_000 {
        for n in names {
            let text = (try? String(contentsOfFile: "\(source)/\(n)", encoding: .utf8)) ?? ""
            let day = copies / 8, page = copies % 8 + 1
            let name = String(format: "grrb-%04d%02d%02d-%02d.txt", 2000 + day / 336, day / 28 % 12 + 1, day % 28 + 1, page)
            try? text.write(toFile: "\(corpus)/\(name)", atomically: false, encoding: .utf8)
            written += text.utf8.count
            copies += 1
        }
    }
}
let (files, raw) = folderBytes(corpus)
print(String(format: "corpus       %@: %d files, %.1f MB", corpus, files, Double(raw) / 1e6))

let index = "\(work)/index"
// tantivy beside archive, on the same archive in the same run: it needs the corpus's truth.jsonl.
let anchors = ProcessInfo.processInfo.environment["ANCHORS"].flatMap { $0.isEmpty ? nil : $0 }
    .flatMap { FileManager.default.fileExists(atPath: "\(corpus)/truth.jsonl") ? $0 : nil }
func anchor(_ args: [String]) -> String {
    let out = "\(work)/anchor.json"
    guard let anchors, run("/usr/bin/env", ["python3", anchors] + args, output: out).status == 0 else {
        fail("bench_anchors.py \(args.joined(separator: " ")) failed (is tantivy installed? pip install tantivy)")
    }
    return ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
}
func buildSeconds(_ json: String) -> Double {
    let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    guard let s = object?["build_s"] as? Double else { fail("bench_anchors.py printed no build time: \(json)") }
    return s
}

// Beside tantivy, the ingest and tantivy's two builds (without and with its text) take turns
// INGEST_ROUNDS times (3 unless set), and the best of each is compared: on a shared machine a
// run's time moves by a quarter from one minute to the next, and taking turns lets both meet the
// same minutes.
let rounds = anchors == nil ? 1 : max(1, Int(ProcessInfo.processInfo.environment["INGEST_ROUNDS"] ?? "") ?? 3)
var ingests: [Double] = [], ingestPeak = 0.0, plainBuilds: [Double] = [], storedBuilds: [Double] = []
var plainJSON = "", storedJSON = ""
@MainActor func ingestOnce() {
    try? FileManager.default.removeItem(atPath: index)
    let ingest = run(binary, ["ingest", corpus, "--index", index])
    guard ingest.status == 0 else { fail("ingest failed with status \(ingest.status)") }
    ingests.append(ingest.seconds)
    ingestPeak = max(ingestPeak, ingest.peakMB)
}
@MainActor func tantivyBuilds() {
    try? FileManager.default.removeItem(atPath: "\(work)/tantivy")
    plainJSON = anchor(["build", "--engine", "tantivy", "--corpus", corpus, "--index", "\(work)/tantivy"])
    try? FileManager.default.removeItem(atPath: "\(work)/tantivy-stored")
    storedJSON = anchor(["build", "--engine", "tantivy", "--stored", "--corpus", corpus, "--index", "\(work)/tantivy-stored"])
    try? FileManager.default.removeItem(atPath: "\(work)/tantivy-stored")
    plainBuilds.append(buildSeconds(plainJSON))
    storedBuilds.append(buildSeconds(storedJSON))
}
for round in 1...rounds {
    guard anchors != nil else { ingestOnce(); continue }
    // Who goes first alternates, so that neither always runs on a machine the other just left.
    if round % 2 == 1 { ingestOnce(); tantivyBuilds() } else { tantivyBuilds(); ingestOnce() }
    print(String(format: "round %d      ingest %.2f s; tantivy %.2f s, with its text %.2f s: %.2f × and %.2f ×", round, ingests.last!,
                 plainBuilds.last!, storedBuilds.last!, ingests.last! / plainBuilds.last!, ingests.last! / storedBuilds.last!))
}
let ingestBest = ingests.min()!
print(String(format: "ingest       %.2f s%@, %.1f MB/s, peak memory %.0f MB", ingestBest, rounds > 1 ? " (best of \(rounds))" : "",
             Double(raw) / 1e6 / ingestBest, ingestPeak))
if anchors != nil {
    let plain = plainBuilds.min()!, stored = storedBuilds.min()!
    print(String(format: "tantivy      indexing %.2f s, with its text %.2f s (best of %d): the ingest takes %.2f × and %.2f ×",
                 plain, stored, rounds, ingestBest / plain, ingestBest / stored))
    print("tantivy      " + plainJSON)
    print("tantivy      --stored " + storedJSON)
}
let reingest = run(binary, ["ingest", corpus, "--index", index])
print(String(format: "re-ingest    %.2f s with nothing changed (%.1f%% of the first)", reingest.seconds, 100 * reingest.seconds / ingestBest))
let (_, indexBytes) = folderBytes(index)
print(String(format: "index        %.1f MB = %.2f × the raw text", Double(indexBytes) / 1e6, Double(indexBytes) / Double(raw)))

// Queries: fixed research terms, then random 2–8 character substrings of the indexed text.
guard let archive = try? Archive.open(dir: index) else { fail("cannot open the index") }
let queryFile = args.count >= 4 ? args[3] : ""
var queries = queryFile.isEmpty ? ["工会", "职工", "劳动竞赛", "农民工", "工会驿站", "产业工人", "新就业形态劳动者", "集体协商",
               "劳模", "工匠", "总工会", "劳动争议", "技能竞赛", "职工之家", "困难职工帮扶"] : []
if !queryFile.isEmpty {
    guard let text = try? String(contentsOfFile: queryFile, encoding: .utf8) else { fail("\(queryFile): cannot read the queries") }
    queries = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
}
// The same queries on every run, so runs compare.
var rng = SplitMix64(seed: 7)
let docs = archive.allDocs
while queries.count < 200, !docs.isEmpty {
    let text = archive.article(docs[Int.random(in: 0..<docs.count, using: &rng)]).paragraphs.joined()
    let runs = text.unicodeScalars.split { !(0x4E00...0x9FFF).contains($0.value) }.filter { $0.count >= 8 }
    guard let run = runs.randomElement(using: &rng) else { continue }
    let k = [2, 2, 2, 2, 3, 3, 4, 4, 4, 6, 8].randomElement(using: &rng)!
    let start = Int.random(in: 0...(run.count - k), using: &rng)
    var v = String.UnicodeScalarView()
    v.append(contentsOf: run.dropFirst(start).prefix(k))
    queries.append(String(v))
}
let queriesPath = "\(work)/queries.txt"
let emptyPath = "\(work)/none.txt"
try? queries.joined(separator: "\n").write(toFile: queriesPath, atomically: false, encoding: .utf8)
try? "".write(toFile: emptyPath, atomically: false, encoding: .utf8)

/// One process answers every query; the mean per query leaves out what the process costs with no
/// query at all (start, opening the index). Best of three runs, as for tantivy's warm index.
@MainActor func batchMean(_ args: [String]) -> (mean: Double, whole: Double) {
    var best = Double.infinity, empty = Double.infinity
    for _ in 0..<3 {
        best = min(best, run(binary, args + ["--from", queriesPath, "--index", index]).seconds)
        empty = min(empty, run(binary, args + ["--from", emptyPath, "--index", index]).seconds)
    }
    return ((best - empty) * 1000 / Double(queries.count), best)
}
run(binary, ["count", "--from", queriesPath, "--index", index])
let counting = batchMean(["count"])
print(String(format: "batch count  %d queries in one 'archive count --from': mean %.3f ms a query (whole run %.0f ms)",
             queries.count, counting.mean, counting.whole * 1000))
let searching = batchMean(["search", "--json", "--limit", "10"])
print(String(format: "batch search 'archive search --from --json --limit 10': mean %.3f ms a query (whole run %.0f ms)",
             searching.mean, searching.whole * 1000))

var single: [Double] = []
var peak = 0.0
for q in queries {
    let r = run(binary, ["search", q, "--limit", "10", "--index", index])
    single.append(r.seconds * 1000)
    peak = max(peak, r.peakMB)
}
print(String(format: "one process  %d runs of 'archive search Q --limit 10': p50 %.1f ms, p95 %.1f ms, slowest %.1f ms, peak memory %.0f MB",
             single.count, percentile(single, 0.5), percentile(single, 0.95), single.max() ?? 0, peak))
let slowest = zip(queries, single).sorted { $0.1 > $1.1 }.prefix(5)
print("slowest      " + slowest.map { String(format: "%@ %.1f ms", $0.0, $0.1) }.joined(separator: ", "))
let common = ["总工会", "职工", "工会"].map { q in (q, (0..<3).map { _ in run(binary, ["search", q, "--limit", "10", "--index", index]).seconds * 1000 }.min()!) }
print("common       " + common.map { String(format: "%@ %.1f ms", $0.0, $0.1) }.joined(separator: ", "))

// tantivy's queries on the same archive, in the same run.
if anchors != nil {
    print("tantivy      " + anchor(["query", "--engine", "tantivy", "--index", "\(work)/tantivy", "--queries", queriesPath]))
}
