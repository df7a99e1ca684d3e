import Foundation
import XCTest

/// The sample dumps copied under dated names two months apart (2023-02-15 … 2023-10-15), so
/// that series over time have empty months between them, and ingested into `dir/index`.
enum DatedSamples {
    static func ingest(into dir: String) throws -> String {
        let dumps = "\(dir)/dumps", index = "\(dir)/index"
        try FileManager.default.createDirectory(atPath: dumps, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: Runner.repo.appendingPathComponent("Fixtures/dumps").path).sorted()
        for (i, name) in names.enumerated() {
            try FileManager.default.copyItem(atPath: Runner.repo.appendingPathComponent("Fixtures/dumps/\(name)").path,
                                             toPath: "\(dumps)/grrb-2023\(String(format: "%02d", 2 * i + 2))15-0\(i + 1).txt")
        }
        let r = try Runner.run(["ingest", dumps, "--index", index])
        XCTAssertEqual(r.status, 0, r.err)
        return index
    }
}
