import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C during an ingest: the first asks it to stop before its commit, which leaves the index
/// as it was; a second ends the process at once, which is as safe, only less tidy.
final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var source: DispatchSourceSignal?

    var requested: Bool { lock.lock(); defer { lock.unlock() }; return count > 0 }

    static func watch() -> Interruption {
        let i = Interruption()
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            i.lock.lock()
            i.count += 1
            let again = i.count > 1
            i.lock.unlock()
            if again { _exit(ExitCode.interrupted) }
            Console.error("stopping: the index stays as it was (Ctrl-C again to quit now)")
        }
        source.resume()
        i.source = source
        return i
    }
}
