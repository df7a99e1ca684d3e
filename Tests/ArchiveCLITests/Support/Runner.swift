import Foundation

/// Runs the `archive` binary that `swift test` built, as a user would.
enum Runner {
    static let repo = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary `swift test` built beside the test bundle.
    static var binary: URL {
        let dir = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [dir, Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("archive")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return repo.appendingPathComponent(".build/debug/archive")
    }

    struct Result {
        let status: Int32
        let out: String
        let err: String
    }

    static func run(_ args: [String], environment: [String: String] = [:], input: Data? = nil) throws -> Result {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        p.currentDirectoryURL = Self.repo
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "ARCHIVE_INDEX")
        p.environment = env.merging(environment) { $1 }
        let stdin = Pipe()
        p.standardInput = stdin
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try? stdin.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

}
