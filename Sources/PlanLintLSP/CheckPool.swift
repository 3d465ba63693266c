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

    private func launch(_ job: @escaping @Sendable () -> Void) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            job()
            let next = state.withLock { s -> (@Sendable () -> Void)? in
                guard !s.waiting.isEmpty else {
                    s.running -= 1
                    return nil
                }
                return s.waiting.removeFirst()
            }
            if let next { launch(next) }
        }
    }
}
