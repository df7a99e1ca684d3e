/// The command line split at the command: the shared options a user put before it
/// (archive --index DIR search 工会), the command, and what follows it.
struct CommandLineParts {
    private(set) var global: [String] = []
    private(set) var command: String?
    private(set) var rest: [String] = []

    /// The options that may come before the command; they are handed to it after its own.
    static let beforeCommand = [CommandSpec.index, CommandSpec.color]

    init(_ args: [String]) throws(UsageError) {
        var i = 0
        while i < args.count, let option = Self.beforeCommand.first(where: { args[i] == $0.name || args[i].hasPrefix($0.name + "=") }) {
            if args[i] == option.name {
                guard i + 1 < args.count else { throw UsageError(message: "\(option.name) needs a value", usage: Usage.mainUsageLine) }
                global += [args[i], args[i + 1]]
                i += 2
            } else {
                global.append(args[i])
                i += 1
            }
        }
        if i < args.count {
            command = args[i]
            rest = Array(args[(i + 1)...])
        } else if !global.isEmpty {
            throw UsageError(message: "\(global[0]) needs a command after it", usage: Usage.mainUsageLine)
        }
    }
}
