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
