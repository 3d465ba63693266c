import Guarded
import Testing

@Suite struct WorkerPoolTests {
    /// Every index is handed out once, whatever the number of workers, and `map` keeps order.
    @Test(arguments: [1, 2, 7])
    func everyIndexOnceInOrder(workers: Int) {
        let seen = Guarded([Int](repeating: 0, count: 1_000))
        WorkerPool.run(workers: workers, count: 1_000) { _, next in
            while let i = next() { seen.withLock { $0[i] += 1 } }
        }
        #expect(seen.withLock { $0 }.allSatisfy { $0 == 1 })
        #expect(WorkerPool.map(count: 100, workers: workers) { $0 * $0 } == (0..<100).map { $0 * $0 })
        #expect(WorkerPool.map(count: 0, workers: workers) { $0 }.isEmpty)
    }

    @Test func workersAreNumbered() {
        let numbers = Guarded(Set<Int>())
        WorkerPool.run(workers: 3, count: 0) { w, _ in numbers.withLock { _ = $0.insert(w) } }
        #expect(numbers.withLock { $0 } == [0, 1, 2])
        #expect(WorkerPool.coreCount >= 1)
    }
}
