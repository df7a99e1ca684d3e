import Foundation
import XCTest

/// The habits of the shell: help from anywhere, completions and a man page that know every
/// option, and a README whose command table does too. Each is read back from the binary's own
/// help, so an option added to a command's table and forgotten anywhere else fails here.
final class ShellHabitsCLITests: XCTestCase {
    private func run(_ args: [String], environment: [String: String] = [:]) throws -> Runner.Result {
        try Runner.run(args, environment: environment)
    }

    /// The commands the general help lists.
    private func commands() throws -> [String] {
        let help = try run(["help"]).out
        let block = help.components(separatedBy: "commands:\n")[1].components(separatedBy: "\n\n")[0]
        return block.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
    }

    /// The options a command's help lists, the shared ones included.
    private func options(of command: String) throws -> [String] {
        let help = try run([command, "--help"]).out
        return help.components(separatedBy: "\noptions:\n")[1].split(separator: "\n")
            .filter { $0.hasPrefix("  --") }.map { String($0.dropFirst(2).split(separator: " ")[0]) }
    }

    func testEveryCommandHasHelpFromEitherSide() throws {
        let names = try commands()
        XCTAssertEqual(names, ["ingest", "search", "count", "kwic", "collocates", "show", "export", "unions", "stats", "verify", "parse", "completions", "manpage"])
        for name in names {
            let a = try run(["help", name]), b = try run([name, "--help"]), c = try run([name, "-h"])
            XCTAssertEqual(a.status, 0, name)
            XCTAssertEqual(a.out, b.out, name)
            XCTAssertEqual(a.out, c.out, name)
            XCTAssertTrue(a.out.hasPrefix("usage: archive \(name)"), name)
            XCTAssertTrue(try options(of: name).contains("--color"), name)
        }
        let unknown = try run(["help", "frobnicate"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.err.hasPrefix("archive: no command 'frobnicate' to help with"), unknown.err)
    }

    func testTheReadmeTableListsEveryOption() throws {
        let readme = try String(contentsOf: Runner.repo.appendingPathComponent("README.md"), encoding: .utf8)
        let table = readme.components(separatedBy: "## Commands\n\n")[1].components(separatedBy: "\n\n")[0]
        for name in try commands() {
            let rows = table.split(separator: "\n").filter { $0.hasPrefix("| `archive \(name)") }
            XCTAssertFalse(rows.isEmpty, "README has no row for \(name)")
            for option in try options(of: name) where !["--index", "--color", "--help"].contains(option) {
                XCTAssertTrue(rows.contains { $0.contains(option) }, "README's row for \(name) lacks \(option)")
            }
        }
    }

    /// Sources the bash script and asks it what a user's TAB would offer.
    private func bashCompletes(_ words: [String]) throws -> [String] {
        let script = try run(["completions", "bash"]).out
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("archive-completion-\(UUID().uuidString).bash").path
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", "source \(path); COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _archive; printf '%s\\n' \"${COMPREPLY[@]}\""]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func testBashCompletesCommandsOptionsAndTheirValues() throws {
        let script = try run(["completions", "bash"])
        XCTAssertEqual(script.status, 0)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/bin/bash")
        check.arguments = ["-n", "-c", script.out]
        try check.run()
        check.waitUntilExit()
        XCTAssertEqual(check.terminationStatus, 0, "bash -n")
        XCTAssertEqual(try bashCompletes(["archive", "se"]), ["search"])
        XCTAssertEqual(try bashCompletes(["archive", "--index", "ix", "kw"]), ["kwic"])
        XCTAssertEqual(try bashCompletes(["archive", "count", "工会", "--by", ""]), ["month", "year"])
        XCTAssertEqual(try bashCompletes(["archive", "kwic", "--sort", "l"]), ["left"])
        XCTAssertEqual(try bashCompletes(["archive", "completions", "z"]), ["zsh"])
        for name in try commands() {
            let offered = Set(try bashCompletes(["archive", name, "--"]))
            XCTAssertEqual(offered, Set(try options(of: name)), name)
        }
    }

    func testZshAndFishScriptsNameEveryOption() throws {
        let zsh = try run(["completions", "zsh"]).out, fish = try run(["completions", "fish"]).out
        XCTAssertTrue(zsh.hasPrefix("#compdef archive\n"))
        for name in try commands() {
            XCTAssertTrue(zsh.contains("\n        \(name)) _arguments"), name)
            for option in try options(of: name) {
                XCTAssertTrue(zsh.contains("'\(option)"), "zsh: \(name) \(option)")
                XCTAssertTrue(fish.contains("-n '__fish_seen_subcommand_from \(name)' -l \(option.dropFirst(2))"), "fish: \(name) \(option)")
            }
        }
        XCTAssertTrue(fish.contains("-l by -x -a 'month year'"))
        let bad = try run(["completions", "tcsh"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.err.hasPrefix("archive: completions takes one shell: bash, zsh or fish"), bad.err)
    }

    func testTheManPageHoldsEveryCommandAndOption() throws {
        let page = try run(["manpage"])
        XCTAssertEqual(page.status, 0)
        XCTAssertTrue(page.out.hasPrefix(".TH ARCHIVE 1 "))
        for name in try commands() {
            XCTAssertTrue(page.out.contains(".SS \"\(name)\"\n"), name)
            for option in try options(of: name) {
                XCTAssertTrue(page.out.contains("\\fB\(option.replacingOccurrences(of: "-", with: "\\-"))\\fR"), "\(name) \(option)")
            }
        }
        let groff = "/usr/bin/groff"
        guard FileManager.default.isExecutableFile(atPath: groff) else { return }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: groff)
        p.arguments = ["-k", "-man", "-Tutf8", "-ww", "-z"]
        let input = Pipe(), err = Pipe()
        p.standardInput = input
        p.standardError = err
        try p.run()
        input.fileHandleForWriting.write(Data(page.out.utf8))
        try input.fileHandleForWriting.close()
        let warnings = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(warnings, "", "groff warns")
    }
}
