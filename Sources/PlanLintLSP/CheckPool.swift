import Dispatch
import Guarded
import PlanLintKit

/// Where the server's checks run: off the message loop, each document's on its own, at most
/// ``limit`` at once, started in the order they were asked for.
///
/// The server runs at most one check per document at a time (its check loop), so with a
/// limit of two a large plan being re-checked leaves a slot for the small plan being typed
/// in; with more documents checking than slots, the next waits for the first slot to free —
/// and a superseded check frees its slot at its next cancellation point.
///
/// A running check cancelled with ``cancel(_:)`` while a slot is free is abandoned at once:
/// whoever waits for it goes on without waiting for it to reach its next cancellation point
/// (a check cancelled while it parses finishes the parse first, milliseconds under load), so
/// the check of the newer version can start beside it. It keeps its slot until it stops. With
/// no slot free (another superseded check still stopping, or other documents' checks), or
/// when the check had not started, whoever waits for it waits as before: so superseded checks
/// never hold more than the pool's slots, and a burst of thousands of edits to a large
/// document starts a few checks, not one per edit (each would copy the document).
final class CheckPool: Sendable {
    /// Checks running at once.
    let limit: Int
    private let state = Guarded<(running: [Linter.RunState], waiting: [(run: Linter.RunState, job: @Sendable () -> Void)])>(([], []))
    /// How to give up waiting for each check not finished yet, by its run.
    private let waiters = Guarded<[ObjectIdentifier: @Sendable () -> Void]>([:])

    init(limit: Int) { self.limit = max(1, limit) }

    /// Two, or one per core on larger machines: a check uses one core.
    static var defaultLimit: Int { max(2, WorkerPool.coreCount) }

    /// Runs `work` on the pool when a slot is free and returns its result; nil when `run` is
    /// cancelled with ``cancel(_:)`` before it ends — at once if it was running and a slot
    /// was free (see above). A job cancelled before it starts never starts.
    func run<T: Sendable>(_ run: Linter.RunState, _ work: @escaping @Sendable () -> T?) async -> T? {
        let key = ObjectIdentifier(run)
        return await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            let waiting = Guarded<CheckedContinuation<T?, Never>?>(continuation)
            let finish: @Sendable (T?) -> Void = { value in
                waiting.withLock { w in defer { w = nil }; return w }?.resume(returning: value)
            }
            waiters.withLock { $0[key] = { finish(nil) } }
            guard !run.isCancelled else {
                waiters.withLock { _ = $0.removeValue(forKey: key) }
                finish(nil)
                return
            }
            submit(run) { [waiters] in
                let value = run.isCancelled ? nil : work()
                waiters.withLock { _ = $0.removeValue(forKey: key) }
                finish(run.isCancelled ? nil : value)
            }
        }
    }

    /// Cancels `run`'s check: it stops at its next cancellation point; ``run(_:_:)`` returns
    /// nil now if the check is running and a slot is free for the next one.
    func cancel(_ run: Linter.RunState) {
        run.cancel()
        let abandon = state.withLock { s in s.running.contains { $0 === run } && s.running.count < limit }
        guard abandon else { return }
        waiters.withLock { $0.removeValue(forKey: ObjectIdentifier(run)) }?()
    }

    /// Checks running (superseded ones still stopping included) and waiting (for tests and logs).
    var load: (running: Int, waiting: Int) { state.withLock { ($0.running.count, $0.waiting.count) } }

    /// Callers of ``run(_:_:)`` not answered yet (for tests).
    var unanswered: Int { waiters.withLock { $0.count } }

    /// The threads a check starting now may use: the machine's cores shared among the checks
    /// running that are not cancelled. A check alone (the plan being typed in) runs its rules
    /// on every core, so its findings come sooner; beside a long check of another document it
    /// takes one, as the long check does not hold the cores it started with from a check
    /// started after it.
    var threadsPerCheck: Int {
        let live = state.withLock { $0.running.count { !$0.isCancelled } }
        return max(1, WorkerPool.coreCount / max(1, live))
    }

    /// The threads for a check of a document of `bytes` starting now: ``threadsPerCheck`` for
    /// a document up to ``largeDocumentBytes``, one beyond. A large plan's re-check takes
    /// seconds whatever it is given; on every core it would leave none for the hovers, code
    /// actions and small documents' checks beside it.
    func threads(forDocumentOf bytes: Int) -> Int { bytes <= CheckPool.largeDocumentBytes ? threadsPerCheck : 1 }

    /// Documents larger than this are checked on one thread (``threads(forDocumentOf:)``).
    static let largeDocumentBytes = 1 << 20

    private func submit(_ run: Linter.RunState, _ job: @escaping @Sendable () -> Void) {
        let start = state.withLock { s -> Bool in
            guard s.running.count < limit else {
                s.waiting.append((run, job))
                return false
            }
            s.running.append(run)
            return true
        }
        if start { launch(run, job) }
    }

    /// Runs `job`, then the waiting jobs, on a thread of the slot's own — not on Dispatch's
    /// shared threads, which the server's hovers use: there, a running check held up a hover
    /// by milliseconds (the non-overcommitting global queue runs one thread per core).
    private func launch(_ run: Linter.RunState, _ job: @escaping @Sendable () -> Void) {
        let slot: @Sendable () -> Void = { [self] in
            var next: (run: Linter.RunState, job: @Sendable () -> Void)? = (run, job)
            while let current = next {
                current.job()
                next = state.withLock { s -> (run: Linter.RunState, job: @Sendable () -> Void)? in
                    if let i = s.running.firstIndex(where: { $0 === current.run }) { s.running.remove(at: i) }
                    guard !s.waiting.isEmpty else { return nil }
                    let following = s.waiting.removeFirst()
                    s.running.append(following.run)
                    return following
                }
            }
        }
        if !startThread(slot) { DispatchQueue.global(qos: .userInitiated).async(execute: slot) }
    }
}
