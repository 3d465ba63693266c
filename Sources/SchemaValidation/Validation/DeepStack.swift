import Dispatch
import Guarded

/// Runs validation on a thread of its own whose stack is sized for the deepest evaluation
/// allowed (`ValidationOptions.maxDepth`).
///
/// Validation recurses once per level of data (and per in-place applicator such as `$ref`),
/// and the caller's stack may be small: a Swift concurrency or Dispatch worker thread has as
/// little as 512 KiB. A fixed, generous stack per run makes the depth limit — not the
/// caller's thread — decide how deep data may be. The stack is reserved, not committed:
/// only the pages a run touches cost memory.
enum DeepStack {
    /// Stack bytes reserved per nested evaluation: measured at about 14 KiB in debug builds
    /// and under 3 KiB optimised; 24 KiB leaves room for schemas that take longer paths.
    static let bytesPerLevel = 24 * 1024
    static let baseBytes = 4 << 20

    final class Box<T: Sendable>: Sendable {
        let value = Guarded<T?>(nil)
    }

    static func run<T: Sendable>(maxDepth: Int, _ body: @escaping @Sendable () -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        let started = startThread(stackSize: min(baseBytes + max(0, maxDepth) * bytesPerLevel, 1 << 30)) {
            let result = body()
            box.value.withLock { $0 = result }
            done.signal()
        }
        // Without a thread of its own (the system refused one), run here: the depth limit
        // still stops the recursion, only sooner for a small caller stack.
        if !started { return body() }
        done.wait()
        return box.value.withLock { $0! }
    }
}
