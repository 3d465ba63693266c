import Diagnostics
import Foundation
import Guarded
import RuleEngine
import Testing
import YAMLTree

/// A measurement, not a test: runs a 10-rule pack over generated plans of 10k and 100k projects
/// and prints parse and rule times and their ratios. Off unless PLANLINT_BENCH=1; meaningful in
/// release builds:
///
///     PLANLINT_BENCH=1 swift test -c release --filter RuleEngineBenchmark
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PLANLINT_BENCH"] == "1"))
struct RuleEngineBenchmark {
    /// The ten bundled rules whose work grows with the number of projects: five that check
    /// every project, five that count or tally over all of them. (The other rules of the
    /// pack check tables and stated counts whose size does not grow with the plan.)
    static let scalingPack = [
        "node-years", "node-note-year", "node-partial-years-noted", "node-number-sequence", "node-mark-on-scale",
        "table-tally", "stated-count", "table-level-count", "node-stated-count", "stated-year-change",
    ]

    /// A plan from Benchmarks/generate-plan.py (notes, marks, budget tables, yearly counts
    /// like the Miyagi plan), with all its numbers consistent.
    static func plan(projects: Int) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-bench-\(projects).yaml")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", repoRoot.appendingPathComponent("Benchmarks/generate-plan.py").path, String(projects), out.path, "--clean"]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0, "generate-plan.py failed")
        defer { try? FileManager.default.removeItem(at: out) }
        return try String(contentsOf: out, encoding: .utf8)
    }

    func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Best of five (noise from the shared machine only ever adds time; three runs left
    /// the tree's figure varying by a factor of almost 2 between runs).
    func best(_ body: () -> Void) -> Double { (0..<5).map { _ in time(body) }.min()! }

    @Test func linearScaling() throws {
        let pack = RuleLoader.load(paths: [repoRoot.appendingPathComponent("Rules").path])
        #expect(!pack.hasErrors)
        let all = pack.ruleSet
        let ten = RuleSet(rules: all.rules.filter { Self.scalingPack.contains($0.id) })
        #expect(ten.count == 10)
        var rows: [(n: Int, parse: Double, ten: Double, tenParallel: Double, all: Double)] = []
        for n in [10_000, 100_000] {
            let text = try Self.plan(projects: n)
            var parsed: YAMLParseResult?
            let parse = best { parsed = YAMLReader.parse(text, path: "bench.yaml") }
            let tree = try #require(parsed?.tree)
            var result = RunResult()
            let tenTime = best { result = RuleRunner(ruleSet: ten).run(on: tree) }
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3).map(describe))")
            let tenParallel = best { result = RuleRunner(ruleSet: ten, options: RunOptions(parallel: true)).run(on: tree) }
            let allTime = best { result = RuleRunner(ruleSet: all).run(on: tree) }
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3).map(describe))")
            rows.append((n, parse, tenTime, tenParallel, allTime))
            print(String(format: "%7d projects (%5.1f MB): tree %.3f s | 10 rules %.3f s = %.2f× tree, on %d cores %.3f s = %.2f× | all %d rules %.3f s = %.2f×",
                         n, Double(text.utf8.count) / 1e6, parse, tenTime, tenTime / parse, WorkerPool.coreCount, tenParallel,
                         tenParallel / parse, all.count, allTime, allTime / parse))
        }
        // Per rule, on the larger plan.
        let tree = YAMLReader.parse(try Self.plan(projects: 100_000), path: "bench.yaml").tree
        let runner = RuleRunner(ruleSet: all)
        for rule in all.rules {
            let t = best { _ = runner.run(rule, on: tree.documents[0]) }
            print(String(format: "  %@ %-28@ %.3f s", Self.scalingPack.contains(rule.id) ? "*" : " ", rule.id as NSString, t))
        }
        print(String(format: "10× projects → 10 rules %.2f× time, all rules %.2f×, tree %.2f×",
                     rows[1].ten / rows[0].ten, rows[1].all / rows[0].all, rows[1].parse / rows[0].parse))
    }
}
