import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// planlint's one worker pool: a number of threads that each take the next piece of work from
/// a shared counter until none is left, so that one large piece (a huge plan, a costly rule)
/// does not hold up a stripe of small ones. Files are linted this way, and a file's rules.
package enum WorkerPool {
    /// The cores online.
    package static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Runs `worker` on `workers` threads at once (the calling thread among them) and returns
    /// when all are done. Each gets its number (0 ..< workers; worker 0 runs on the calling
    /// thread when there is one worker) and `next`, which hands out 0, 1, … `count` - 1, each
    /// index once over all workers, then nil.
    package static func run(workers: Int, count: Int, _ worker: @Sendable (_ number: Int, _ next: @Sendable () -> Int?) -> Void) {
        let counter = Atomic<Int>(0)
        let next: @Sendable () -> Int? = {
            let k = counter.add(1, ordering: .relaxed).oldValue
            return k < count ? k : nil
        }
        if workers <= 1 {
            worker(0, next)
            return
        }
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            worker(w, next)
        }
    }

    /// `first()` and `second()` at once, on two threads when there are two cores (else one
    /// after the other, on the calling thread).
    package static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        guard coreCount > 1 else { return (first(), second()) }
        let a = Guarded<A?>(nil)
        let b = Guarded<B?>(nil)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 {
                let value = first()
                a.withLock { $0 = value }
            } else {
                let value = second()
                b.withLock { $0 = value }
            }
        }
        return (a.withLock { $0! }, b.withLock { $0! })
    }

    /// `body(i)` for every i in 0 ..< count, on up to `workers` threads, in index order.
    package static func map<T: Sendable>(count: Int, workers: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Guarded([T?](repeating: nil, count: count))
        run(workers: min(workers, count), count: count) { _, next in
            while let i = next() {
                let value = body(i)
                slots.withLock { $0[i] = value }
            }
        }
        return slots.withLock { $0.map { $0! } }
    }
}
