#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts `body` on a new detached thread (a pthread, like Foundation's `Thread`, so that
/// the binary needs no Foundation), with `stackSize` bytes of stack when given (reserved, not
/// committed: only the pages used cost memory). Returns false if the thread could not be
/// created; `body` then never runs.
@discardableResult
package func startThread(stackSize: Int? = nil, _ body: @escaping @Sendable () -> Void) -> Bool {
    final class Start: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(body: @escaping @Sendable () -> Void) { self.body = body }
    }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    if let stackSize { pthread_attr_setstacksize(&attributes, max(stackSize, Int(PTHREAD_STACK_MIN))) }
    let start = Unmanaged.passRetained(Start(body: body)).toOpaque()
    #if canImport(Darwin)
    var thread: pthread_t?
    #else
    var thread = pthread_t()
    #endif
    let result = pthread_create(&thread, &attributes, { context in
        Unmanaged<Start>.fromOpaque(context!).takeRetainedValue().body()
        return nil
    }, start)
    if result != 0 {
        Unmanaged<AnyObject>.fromOpaque(start).release()
        return false
    }
    return true
}
