import ArchiveIndex
import Foundation
import ParseCore
#if canImport(Glibc)
import Glibc
#endif

/// `archive-bench ARCHIVE_BINARY [CORPUS [QUERIES]]`: times a whole ingest of a folder of dumps,
/// then batch and one-process queries on the index, and prints what a user would weigh. Without a
/// corpus it builds one from the bundled dumps, copied under new names until it is 20 MB; without
/// a query file (one per line, such as bench_anchors.py writes) it draws its own.

func fail(_ s: String) -> Never {
    FileHandle.standardError.write(Data("archive-bench: \(s)\n".utf8))
    exit(2)
}

/// Runs the binary with output discarded, timed from spawn to exit (posix_spawn: Foundation's
/// Process adds tens of milliseconds of its own on Linux).
func run(_ binary: String, _ args: [String]) -> (status: Int32, seconds: Double) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let argv = ([binary] + args).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let t0 = Date()
    guard posix_spawn(&pid, binary, &actions, nil, argv, environ) == 0 else { fail("cannot run \(binary)") }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return ((status >> 8) & 0xFF, Date().timeIntervalSince(t0))
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
let ingest = run(binary, ["ingest", corpus, "--index", index])
guard ingest.status == 0 else { fail("ingest failed with status \(ingest.status)") }
var usage = rusage()
getrusage(RUSAGE_CHILDREN.rawValue, &usage)
print(String(format: "ingest       %.2f s, %.1f MB/s, peak memory %.0f MB",
             ingest.seconds, Double(raw) / 1e6 / ingest.seconds, Double(usage.ru_maxrss) / 1024))
let reingest = run(binary, ["ingest", corpus, "--index", index])
print(String(format: "re-ingest    %.2f s with nothing changed (%.1f%% of the first)", reingest.seconds, 100 * reingest.seconds / ingest.seconds))
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
let searcher = Searcher(archive: archive)
for q in queries.prefix(5) { _ = searcher.search(.text(q, .all)).prefix(10) }
var batch: [Double] = []
var hits = 0
for q in queries {
    let fresh = Searcher(archive: archive)
    let t0 = Date()
    hits += fresh.search(.text(q, .all), top: 10).total
    batch.append(Date().timeIntervalSince(t0) * 1000)
}
print(String(format: "batch        %d queries, %d hits: mean %.2f ms, p50 %.2f ms, p95 %.2f ms",
             queries.count, hits, batch.reduce(0, +) / Double(batch.count), percentile(batch, 0.5), percentile(batch, 0.95)))
let slowest = zip(queries, batch).sorted { $0.1 > $1.1 }.prefix(8)
print("slowest      " + slowest.map { String(format: "%@ %.1f ms", $0.0, $0.1) }.joined(separator: ", "))
var single: [Double] = []
for q in queries.prefix(40) { single.append(run(binary, ["search", q, "--index", index]).seconds * 1000) }
print(String(format: "one process  %d runs of 'archive search': p50 %.1f ms, p95 %.1f ms",
             single.count, percentile(single, 0.5), percentile(single, 0.95)))
