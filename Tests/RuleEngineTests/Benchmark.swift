import Diagnostics
import Foundation
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
    /// A plan of 10 fields × 10 items × `perItem` projects, consistent with the bundled rules.
    static func plan(projectsPerItem perItem: Int) -> String {
        let marks = ["◎", "○", "△", "×", "－"]
        var counts = [Int](repeating: 0, count: 5)
        var out = "format: planlint/plan@1\nplan:\n  title: bench\n  period: {start: 2014, end: 2016}\nfields:\n"
        out.reserveCapacity(perItem * 100 * 120)
        for f in 1...10 {
            out += "  - number: \(f)\n    name: 分野\(f)\n    stated_projects: \(10 * perItem)\n    items:\n"
            for i in 1...10 {
                out += "      - number: \(i)\n        title: 項目\(i)\n        projects:\n"
                for p in 1...perItem {
                    let m = (f * 7 + i * 3 + p) % 5
                    counts[m] += 1
                    out += "          - {number: \(p), name: 事業\(p), department: 情報政策課, mark: \(marks[m]), start: 2014, end: 2016}\n"
                }
            }
        }
        let total = counts.reduce(0, +)
        let countText = zip(marks, counts).map { "\($0): \($1)" }.joined(separator: ", ")
        out += "evaluation:\n  tally:\n"
        out += "    - {category: 個別事業, counts: {\(countText)}, total: \(total)}\n"
        out += "    - {category: 合計, counts: {\(countText)}, total: \(total)}\n"
        out += "stated_counts: {fields: 10, items: 100, projects: \(total)}\n"
        return out
    }

    /// The bundled pack plus rules over every project, to make 10.
    static let extraRules = """
    rules:
      - id: project-years-ordered
        severity: error
        summary: s
        for: fields[*].items[*].projects[*]
        assert: self.start <= self.end
      - id: project-years-in-period
        severity: error
        summary: s
        for: fields[*].items[*].projects[*]
        assert: self.start >= root.plan.period.start && self.end <= root.plan.period.end
    """

    func time(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test func linearScaling() throws {
        let pack = RuleLoader.load(paths: [repoRoot.appendingPathComponent("Rules").path])
        let extra = RuleLoader.load(text: Self.extraRules, path: "extra.yaml")
        let rules = pack.ruleSet.merging(extra.ruleSet)
        #expect(!pack.hasErrors && !extra.hasErrors)
        print("rules: \(rules.count)")
        var results: [(n: Int, parse: Double, rules: Double, parallel: Double)] = []
        for perItem in [100, 1000] {
            let text = Self.plan(projectsPerItem: perItem)
            var parsed: YAMLParseResult?
            // Best of three, to keep noise from the shared machine out.
            var parse = Double.infinity, sequential = Double.infinity, parallel = Double.infinity
            for _ in 0..<3 {
                parse = min(parse, time { parsed = YAMLReader.parse(text, path: "bench.yaml") })
                let tree = try #require(parsed?.tree)
                var result = RunResult()
                sequential = min(sequential, time { result = RuleRunner(ruleSet: rules).run(on: tree) })
                #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3).map(describe))")
                parallel = min(parallel, time { result = RuleRunner(ruleSet: rules, options: RunOptions(parallel: true)).run(on: tree) })
            }
            let n = perItem * 100
            results.append((n, parse, sequential, parallel))
            print(String(format: "%7d projects (%5.1f MB): parse %.3f s, rules %.3f s (%.2f× parse), parallel %.3f s",
                         n, Double(text.utf8.count) / 1e6, parse, sequential, sequential / parse, parallel))
        }
        // Per rule, on the larger plan.
        let tree = YAMLReader.parse(Self.plan(projectsPerItem: 1000), path: "bench.yaml").tree
        let runner = RuleRunner(ruleSet: rules)
        for rule in rules.rules {
            let t = time { _ = runner.run(rule, on: tree.documents[0]) }
            print(String(format: "  %-28@ %.3f s", rule.id as NSString, t))
        }
        let ratio = results[1].rules / results[0].rules
        print(String(format: "10× projects → rules %.2f× time, parse %.2f× time", ratio, results[1].parse / results[0].parse))
    }
}
