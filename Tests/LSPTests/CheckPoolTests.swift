import Dispatch
import GoldenFiles
import Guarded
import Testing

@testable import PlanLintLSP
import PlanLintKit

/// CheckPool's bookkeeping under a storm of checks and cancellations (issue 21's editor loop):
/// no slot is leaked, no caller is left unanswered, no more checks run at once than the pool's
/// slots, and a check never cancelled gets its result. No timings: the checks spin until they
/// are cancelled or have counted to a bound, and the test waits for the pool to empty.
@Suite(.timeLimit(.minutes(2))) struct CheckPoolTests {
    @Test(arguments: [1, 2, 3])
    func aStormOfChecksAndCancellationsLeaksNothing(limit: Int) async {
        let pool = CheckPool(limit: limit)
        let inFlight = Guarded((now: 0, most: 0, started: 0, ended: 0))
        var generator = SplitMix(seed: UInt64(limit))
        let runs = (0..<400).map { _ in Linter.RunState() }
        // Which runs are cancelled, and when: after the run of index `at` is asked for.
        var cancelAfter: [Int: [Int]] = [:]
        for i in runs.indices where generator.next() % 3 != 0 {
            let at = min(runs.count - 1, i + Int(generator.next() % 4))
            cancelAfter[at, default: []].append(i)
        }
        let results = await withTaskGroup(of: (Int, Int?).self) { group -> [Int: Int?] in
            for (i, run) in runs.enumerated() {
                let spins = Int(generator.next() % 20_000)
                group.addTask {
                    let value = await pool.run(run) { () -> Int? in
                        inFlight.withLock { $0.now += 1; $0.most = max($0.most, $0.now); $0.started += 1 }
                        defer { inFlight.withLock { $0.now -= 1; $0.ended += 1 } }
                        var n = 0
                        while n < spins && !run.isCancelled { n += 1 }
                        return i
                    }
                    return (i, value)
                }
                for j in cancelAfter[i] ?? [] { pool.cancel(runs[j]) }
                if i % 16 == 0 { await Task.yield() }
            }
            var all: [Int: Int?] = [:]
            for await (i, value) in group { all[i] = value }
            return all
        }
        // Every caller was answered: a run never cancelled with its own result, a cancelled one
        // with nil, or with its result when it had finished before it was cancelled.
        #expect(results.count == runs.count)
        let cancelled = Set(cancelAfter.values.joined())
        for (i, value) in results where !cancelled.contains(i) { #expect(value == i) }
        for (i, value) in results where cancelled.contains(i) { #expect(value == nil || value == i) }
        #expect(pool.unanswered == 0)
        // The abandoned checks stop too, and give back their slots.
        while pool.load.running > 0 || pool.load.waiting > 0 { await Task.yield() }
        let counts = inFlight.withLock { $0 }
        #expect(counts.now == 0 && counts.started == counts.ended)
        #expect(counts.most <= limit)
        #expect(pool.unanswered == 0)
    }
}
