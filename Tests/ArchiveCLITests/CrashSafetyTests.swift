import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The promises of the README's "Guarantees": an ingest killed at any moment, stopped with
/// Ctrl-C, or kept waiting by another leaves an index that answers as before and verifies clean.
final class CrashSafetyTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("archive-crash-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func run(_ args: [String]) throws -> Runner.Result { try Runner.run(args) }

    /// Holds an index's lock as another ingest would.
    private func holdLock(_ index: String) -> Int32 {
        let fd = open("\(index)/LOCK", O_RDWR | O_CREAT, 0o644)
        XCTAssertEqual(flock(fd, LOCK_EX), 0)
        return fd
    }

    func testASecondIngestWaitsOrWithNoWaitExits75() throws {
        let index = "\(dir)/index"
        XCTAssertEqual(try run(["ingest", "Fixtures/dumps", "--index", index]).status, 0)
        let fd = holdLock(index)
        let busy = try run(["ingest", "Fixtures/synthetic", "--index", index, "--no-wait"])
        XCTAssertEqual(busy.status, 75)
        XCTAssertTrue(busy.err.hasPrefix("archive: \(index): another ingest"), busy.err)
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) { close(fd) }
        let waited = try run(["ingest", "Fixtures/synthetic", "--index", index])
        XCTAssertEqual(waited.status, 0, waited.err)
        XCTAssertTrue(waited.err.contains("waiting for another ingest of this index to finish"), waited.err)
        XCTAssertTrue(waited.out.hasPrefix("60 new"), waited.out)
    }

    /// Ctrl-C while the ingest waits for the lock: it stops before reading anything once it has
    /// the lock, says so, exits 130, and the index is as it was.
    func testCtrlCStopsAnIngestCleanly() throws {
        let index = "\(dir)/index"
        XCTAssertEqual(try run(["ingest", "Fixtures/dumps", "--index", index]).status, 0)
        let before = try FileManager.default.contentsOfDirectory(atPath: index).sorted()
        let fd = holdLock(index)
        let p = Process()
        p.executableURL = Runner.binary
        p.arguments = ["ingest", "Fixtures/synthetic", "--index", index]
        p.currentDirectoryURL = Runner.repo
        let err = Pipe()
        p.standardError = err
        p.standardOutput = Pipe()
        try p.run()
        Thread.sleep(forTimeInterval: 1)
        p.interrupt()
        Thread.sleep(forTimeInterval: 0.5)
        close(fd)
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 130, message)
        XCTAssertTrue(message.contains("\(index): interrupted; the index is as it was before this ingest"), message)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: index).sorted(), before)
        XCTAssertEqual(try run(["verify", "--index", index]).status, 0)
        XCTAssertEqual(try run(["count", "工会", "--index", index]).out, "工会\t35\t342\n")
    }

    /// Ctrl-C late in an ingest that writes a segment every few files and merges them all: it
    /// stops (130) with the index as it was or, coming after the commit, finds it done.
    func testCtrlCStopsAMergingIngestCleanly() throws {
        let (base, _, duration) = try timedIngest("ctrlc", memory: 1)
        let before = try FileManager.default.contentsOfDirectory(atPath: base).sorted()
        var stopped = 0
        for (k, share) in [0.6, 0.75, 0.9].enumerated() {
            let index = "\(dir)/ctrlc\(k)"
            try FileManager.default.copyItem(atPath: base, toPath: index)
            let p = Process()
            p.executableURL = Runner.binary
            p.arguments = ["ingest", Self.corpus, "--index", index] + Self.memory(1)
            let err = Pipe()
            p.standardError = err
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: duration * share)
            p.interrupt()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            if p.terminationStatus == 130 {
                stopped += 1
                XCTAssertTrue(message.contains("\(index): interrupted; the index is as it was before this ingest"), message)
                XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: index).sorted(), before)
            } else {
                XCTAssertEqual(p.terminationStatus, 0, message)
            }
            XCTAssertEqual(try run(["verify", "--index", index]).status, 0)
        }
        XCTAssertGreaterThan(stopped, 0, "some Ctrl-C must come before the commit")
    }

    /// SIGKILL at points spread over a whole ingest (ARCHIVE_KILL_POINTS of them; 20 by default,
    /// more under `make stress`): after each, the index verifies clean and answers either as
    /// before the ingest or, if the kill came after its commit, as after it.
    func testIngestsKilledAtAnyMomentLeaveAWholeIndex() throws {
        let points = Int(ProcessInfo.processInfo.environment["ARCHIVE_KILL_POINTS"] ?? "") ?? 20
        let (base, full, duration) = try timedIngest("kill")
        let before = try run(["count", "工会", "总工会", "--index", base]).out
        let after = try run(["count", "工会", "总工会", "--index", full]).out
        XCTAssertNotEqual(before, after)
        let outcomes = try killedIngests("killed", from: base, points: points, spread: 1.2, duration: duration,
                                         before: before, after: after, finishEvery: 5)
        print("kill points: \(outcomes)")
        XCTAssertGreaterThan(outcomes["before"] ?? 0, 0, "some kills must land before the commit")
    }

    /// The same with a megabyte of memory for postings, so that the ingest writes a segment every
    /// few files and merges them all before its commit: kills land in the merge too.
    func testIngestsKilledWhileMergingLeaveAWholeIndex() throws {
        let (base, full, duration) = try timedIngest("merge", memory: 1)
        let before = try run(["count", "工会", "总工会", "--index", base]).out
        let after = try run(["count", "工会", "总工会", "--index", full]).out
        let segments = try FileManager.default.contentsOfDirectory(atPath: full).filter { $0.hasSuffix(".post") }
        XCTAssertEqual(segments.count, 2, "the first ingest's segment and the merge of the second's")
        let outcomes = try killedIngests("merge-killed", from: base, memory: 1, points: 10, spread: 1.1,
                                         duration: duration, before: before, after: after, finishEvery: 1)
        print("kill points while merging: \(outcomes)")
        XCTAssertGreaterThan(outcomes["before"] ?? 0, 0, "some kills must land before the commit")
    }

    /// The synthetic pages, where an ingest of them into the sample dumps' index is timed.
    private static let corpus = Runner.repo.appendingPathComponent("Fixtures/synthetic").path

    /// An index of the sample dumps (`NAME-base`), and a copy of it (`NAME-full`) into which the
    /// synthetic pages are ingested (with `--memory` when given), timed.
    private func timedIngest(_ name: String, memory: Int? = nil) throws -> (base: String, full: String, duration: TimeInterval) {
        let base = "\(dir)/\(name)-base", full = "\(dir)/\(name)-full"
        XCTAssertEqual(try run(["ingest", "Fixtures/dumps", "--index", base]).status, 0)
        try FileManager.default.copyItem(atPath: base, toPath: full)
        let started = Date()
        XCTAssertEqual(try run(["ingest", Self.corpus, "--index", full] + Self.memory(memory)).status, 0)
        return (base, full, Date().timeIntervalSince(started))
    }

    private static func memory(_ mb: Int?) -> [String] { mb.map { ["--memory", String($0)] } ?? [] }

    /// Ingests of the synthetic pages into copies of `base` (with `--memory` when given), each killed with
    /// SIGKILL at one of `points` moments spread over `spread` times `duration`: each copy
    /// verifies clean and answers either as `before` or as `after`; after every `finishEvery`-th
    /// kill, the next ingest finds no stale lock (--no-wait would exit 75), clears what the killed
    /// one left, and finishes the job. How many copies answered as before, and as after.
    private func killedIngests(_ name: String, from base: String, memory: Int? = nil, points: Int,
                               spread: Double, duration: TimeInterval, before: String, after: String,
                               finishEvery: Int) throws -> [String: Int] {
        let corpus = Self.corpus
        var outcomes: [String: Int] = [:]
        for k in 0..<points {
            let index = "\(dir)/\(name)\(k)"
            try FileManager.default.copyItem(atPath: base, toPath: index)
            let p = Process()
            p.executableURL = Runner.binary
            p.arguments = ["ingest", corpus, "--index", index] + Self.memory(memory)
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: duration * spread * (Double(k) + 0.5) / Double(points))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let verify = try run(["verify", "--index", index])
            XCTAssertEqual(verify.status, 0, "kill \(k): \(verify.err)")
            let now = try run(["count", "工会", "总工会", "--index", index]).out
            XCTAssertTrue(now == before || now == after, "kill \(k): \(now)")
            outcomes[now == before ? "before" : "after", default: 0] += 1
            if k % finishEvery == 0 {
                XCTAssertEqual(try run(["ingest", corpus, "--index", index, "--no-wait"]).status, 0)
                XCTAssertEqual(try run(["count", "工会", "总工会", "--index", index]).out, after)
                let leftovers = try FileManager.default.contentsOfDirectory(atPath: index).filter { $0.hasSuffix(".tmp") }
                XCTAssertEqual(leftovers, [], "kill \(k)")
            }
            try FileManager.default.removeItem(atPath: index)
        }
        return outcomes
    }
}
