import Dispatch
import Guarded

/// Where the server's checks run: off the message loop, each document's on its own, at most
/// ``limit`` at once, started in the order they were asked for.
///
/// The server runs at most one check per document at a time (its check loop), so with a
/// limit of two a large plan being re-checked leaves a slot for the small plan being typed
/// in; with more documents checking than slots, the next waits for the first slot to free —
/// and a superseded check frees its slot at its next cancellation point.
final class CheckPool: Sendable {
    /// Checks running at once.
    let limit: Int
    private let state = Guarded<(running: Int, waiting: [@Sendable () -> Void])>((0, []))

    init(limit: Int) { self.limit = max(1, limit) }

    /// Two, or one per core on larger machines: a check uses one core.
    static var defaultLimit: Int { max(2, WorkerPool.coreCount) }

    /// Runs `work` on the pool when a slot is free and returns its result.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: work()) }
        }
    }

    /// Checks running and waiting (for tests and logs).
    var load: (running: Int, waiting: Int) { state.withLock { ($0.running, $0.waiting.count) } }

    /// The threads a check starting now may use: the machine's cores shared among the checks
    /// running. A check alone (the plan being typed in) runs its rules on every core, so its
    /// findings come sooner; beside a long check of another document it takes one, as the
    /// long check does not hold the cores it started with from a check started after it.
    var threadsPerCheck: Int { max(1, WorkerPool.coreCount / max(1, state.withLock { $0.running })) }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        let start = state.withLock { s -> Bool in
            guard s.running < limit else {
                s.waiting.append(job)
                return false
            }
            s.running += 1
            return true
        }
        if start { launch(job) }
    }

    /// Runs `job`, then the waiting jobs, on a thread of the slot's own — not on Dispatch's
    /// shared threads, which the server's hovers use: there, a running check held up a hover
    /// by milliseconds (the non-overcommitting global queue runs one thread per core).
    private func launch(_ job: @escaping @Sendable () -> Void) {
        let slot: @Sendable () -> Void = { [self] in
            var next: (@Sendable () -> Void)? = job
            while let job = next {
                job()
                next = state.withLock { s -> (@Sendable () -> Void)? in
                    guard !s.waiting.isEmpty else {
                        s.running -= 1
                        return nil
                    }
                    return s.waiting.removeFirst()
                }
            }
        }
        if !startThread(slot) { DispatchQueue.global(qos: .userInitiated).async(execute: slot) }
    }
}
