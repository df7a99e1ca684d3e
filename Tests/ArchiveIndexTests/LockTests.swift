import Foundation
import XCTest
@testable import ArchiveIndex

final class LockTests: XCTestCase {
    /// Two ingests into one index run one after the other, and the index ends up whole.
    func testConcurrentIngestsAreSerialised() throws {
        let dir = TestFixtures.temporaryDirectory("lock")
        let dumps = TestFixtures.root.appendingPathComponent("dumps").path
        let synthetic = TestFixtures.root.appendingPathComponent("synthetic/1990/01").path
        let group = DispatchGroup()
        let failures = Failures()
        for paths in [[dumps], [synthetic]] {
            group.enter()
            DispatchQueue.global().async {
                do { _ = try Ingester.run(index: dir, paths: paths) } catch { failures.add("\(error)") }
                group.leave()
            }
        }
        group.wait()
        XCTAssertEqual(failures.all, [])
        let archive = try Archive.open(dir: dir)
        XCTAssertEqual(try Archive.verify(dir: archive.dir).problems, [])
        XCTAssertEqual(archive.files.count, 5 + 60)
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
    }
}

final class ReaderTests: XCTestCase {
    /// Searches while ingests commit never fail: a reader that loses a race for a replaced file
    /// reads the newer manifest.
    func testReadersDuringIngestsAlwaysOpenAWholeIndex() throws {
        let dir = TestFixtures.temporaryDirectory("readers")
        let dumps = TestFixtures.temporaryDirectory("reader-dumps")
        let source = TestFixtures.root.appendingPathComponent("dumps/002_5fe48f12d413154b.txt").path
        let original = try String(contentsOfFile: source, encoding: .utf8)
        try original.write(toFile: "\(dumps)/page.txt", atomically: false, encoding: .utf8)
        _ = try Ingester.run(index: dir, paths: [dumps])
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var text = original
            for i in 0..<15 {
                text += "\n\n本报讯(记者测试)第\(i)次修改。\n"
                try? text.write(toFile: "\(dumps)/page.txt", atomically: false, encoding: .utf8)
                _ = try? Ingester.run(index: dir, paths: [dumps])
            }
            done.signal()
        }
        var opened = 0
        while done.wait(timeout: .now()) == .timedOut {
            let archive = try Archive.open(dir: dir)
            XCTAssertGreaterThan(Searcher(archive: archive).count(.text("揭榜挂帅", .all)).pieces, 0)
            opened += 1
        }
        XCTAssertGreaterThan(opened, 0)
    }
}

final class StopAndWaitTests: XCTestCase {
    /// With wait: false, an ingest finding the index locked gives up at once, naming the holder.
    func testASecondIngestThatWillNotWaitIsBusy() throws {
        let dir = TestFixtures.temporaryDirectory("busy")
        let dumps = TestFixtures.root.appendingPathComponent("dumps").path
        _ = try Ingester.run(index: dir, paths: [dumps])
        let held = try IndexLock(dir: dir, wait: true)
        defer { held.release() }
        XCTAssertThrowsError(try Ingester.run(index: dir, paths: [dumps], options: IngestOptions(wait: false))) { e in
            let error = e as! IndexError
            XCTAssertEqual(error.kind, .busy)
            XCTAssertEqual(error.message, "\(dir): another ingest (process \(getpid())) is writing this index; try again when it is done")
        }
    }

    /// An ingest asked to stop leaves the index exactly as it was, with no files of its own behind.
    func testAnIngestStoppedBeforeItsCommitLeavesTheIndexAsItWas() throws {
        let dir = TestFixtures.temporaryDirectory("stop")
        _ = try Ingester.run(index: dir, paths: [TestFixtures.root.appendingPathComponent("dumps").path])
        let before = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        let asked = Counter()
        let options = IngestOptions(shouldStop: { asked.next() >= 1 })
        XCTAssertThrowsError(try Ingester.run(index: dir, paths: [TestFixtures.root.appendingPathComponent("synthetic").path],
                                              options: options)) { e in
            XCTAssertEqual((e as! IndexError).kind, .interrupted)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(), before)
        let archive = try Archive.open(dir: dir)
        XCTAssertEqual(try Archive.verify(dir: archive.dir).problems, [])
        XCTAssertEqual(archive.pieceCount, 45)
    }

    /// A rebuild writes new files under new names, so killed half-way it leaves the old index whole.
    func testARebuildNeverOverwritesTheFilesOfTheIndexItReplaces() throws {
        let dir = TestFixtures.temporaryDirectory("rebuild")
        let dumps = TestFixtures.root.appendingPathComponent("dumps").path
        _ = try Ingester.run(index: dir, paths: [dumps])
        let before = Set(try Manifest.load(dir: dir)!.allFiles.map(\.name))
        _ = try Ingester.run(index: dir, paths: [dumps], options: IngestOptions(rebuild: true))
        let after = Set(try Manifest.load(dir: dir)!.allFiles.map(\.name))
        XCTAssertTrue(before.isDisjoint(with: after), "\(before.intersection(after))")
        XCTAssertEqual(try Archive.open(dir: dir).pieceCount, 45)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func next() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n - 1 }
    }
}
