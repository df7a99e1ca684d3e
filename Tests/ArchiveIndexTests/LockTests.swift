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
        XCTAssertEqual(archive.verify(), [])
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
