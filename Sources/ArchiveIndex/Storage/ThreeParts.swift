import Dispatch

/// Runs three jobs that may fail on the cores at once and hands back their results, or the
/// error of the first that failed: how a segment's postings are written and how segments are
/// merged (the body's terms in two key ranges, and everything else).
enum ThreeParts {
    static func run<A, B, C>(_ a: @escaping () throws(IndexError) -> A, _ b: @escaping () throws(IndexError) -> B,
                             _ c: @escaping () throws(IndexError) -> C) throws(IndexError) -> (A, B, C) {
        let jobs = Jobs(a, b, c)
        DispatchQueue.concurrentPerform(iterations: 3) { jobs.run($0) }
        return (try jobs.a!.get(), try jobs.b!.get(), try jobs.c!.get())
    }

    /// Each job writes its own result, read once all have ended.
    private final class Jobs<A, B, C>: @unchecked Sendable {
        let jobs: (() throws(IndexError) -> A, () throws(IndexError) -> B, () throws(IndexError) -> C)
        var a: Result<A, IndexError>?
        var b: Result<B, IndexError>?
        var c: Result<C, IndexError>?

        init(_ a: @escaping () throws(IndexError) -> A, _ b: @escaping () throws(IndexError) -> B, _ c: @escaping () throws(IndexError) -> C) {
            jobs = (a, b, c)
        }

        func run(_ part: Int) {
            switch part {
            case 0: a = Result(catching: jobs.0)
            case 1: b = Result(catching: jobs.1)
            default: c = Result(catching: jobs.2)
            }
        }
    }
}
