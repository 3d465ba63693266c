import Foundation

/// A value guarded by a lock, for the few places that need synchronous, thread-safe state
/// (sending must work from any thread without `await`).
///
/// `NSLock` rather than `Synchronization.Mutex` so the module builds on every platform the
/// package targets without availability annotations. All access goes through `withLock`,
/// which is what makes the `@unchecked Sendable` sound.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
