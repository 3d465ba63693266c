import Diagnostics
@testable import RuleEngine
import RuleLanguage
import SourceText
import Testing
import YAMLTree

/// Rules whose `for` selects the same nodes without filters share one walk over the
/// matches. Sharing must change nothing a rule reports: each keeps its own variables,
/// lets, budget and findings.
@Suite struct SharedWalkTests {
    let rules = """
    rules:
      - id: positive
        severity: error
        summary: Counts are positive.
        for: fields[*].items[* as item].count
        assert: self > 0
        message: "{item.name}: count {self}"
      - id: small
        severity: warning
        summary: Counts are small.
        for: fields[* as field].items[*].count
        let:
          limit: root.limit
        assert: self <= limit
        message: "{field.name}: {self} is over {limit}"
      - id: typed
        severity: error
        summary: Counts are numbers.
        for: fields[*].items[*].count
        assert: self + 0 >= 0
      - id: filtered
        severity: info
        summary: Filtered rules walk alone.
        for: fields[*].items[? self.count > 1].count
        assert: "false"
      - id: missing
        severity: warning
        summary: A key that no item has.
        for: fields[*].items[*].counts
        assert: "true"
    """

    let plan = """
    limit: 5
    fields:
      - name: A
        items:
          - {name: a1, count: 3}
          - {name: a2, count: 0}
          - {name: a3, count: 9}
      - name: B
        items:
          - {name: b1, count: many}
          - {name: b2, count: 2}
    """

    @Test func rulesWithTheSameStepsShareAWalkAndReportAsIfAlone() throws {
        let set = ruleSet(rules)
        let runner = RuleRunner(ruleSet: set)
        // The three unfiltered `fields[*].items[*].count` rules (capture names aside) share a
        // walk; the filtered one and the one with another key walk alone.
        #expect(runner.walks == [[0, 1, 2], [3], [4]])
        let parsed = YAMLReader.parse(plan, path: "plan.yaml")
        let root = try #require(parsed.documents.first)
        var alone = RunResult()
        for rule in set.rules { alone.append(runner.run(rule, on: root)) }
        let shared = runner.run(on: root)
        #expect(shared.diagnostics.map(describe) == alone.diagnostics.map(describe))
        #expect(shared.unevaluatedRules == alone.unevaluatedRules)
        // What that is: findings of each rule, the failures on `many` (every rule that compares
        // it with a number, the filter too), the empty selection.
        let codes = shared.diagnostics.map(\.code)
        #expect(codes.filter { $0 == "positive" }.count == 1)
        #expect(codes.filter { $0 == "small" }.count == 1)
        #expect(codes.contains("rule-evaluation-failed"))
        #expect(codes.contains("rule-selector-matched-nothing"))
        #expect(shared.unevaluatedRules == ["positive", "small", "typed", "filtered"])
        var parallel = RunOptions.default
        parallel.parallel = true
        let inParallel = RuleRunner(ruleSet: set, options: parallel).run(on: root)
        #expect(inParallel.diagnostics.map(describe) == alone.diagnostics.map(describe))
    }

    @Test func aRuleOutOfBudgetStopsAloneInASharedWalk() throws {
        let set = ruleSet(rules)
        let parsed = YAMLReader.parse(plan, path: "plan.yaml")
        let root = try #require(parsed.documents.first)
        // A budget that `small` (a let per match) spends before the others.
        var options = RunOptions.default
        // (All rules share a file's budget of `poolFactor` times the base; a large factor keeps
        // that from deciding here, so each rule meets its own limit as when it runs alone.)
        options.costPolicy = CostPolicy(base: 12, perDocumentNode: 0, poolFactor: 1_000)
        let runner = RuleRunner(ruleSet: set, options: options)
        var alone = RunResult()
        for rule in set.rules { alone.append(runner.run(rule, on: root)) }
        let shared = runner.run(on: root)
        #expect(shared.diagnostics.map(describe) == alone.diagnostics.map(describe))
        #expect(shared.unevaluatedRules == alone.unevaluatedRules)
        #expect(shared.diagnostics.contains { $0.code == "rule-budget-exceeded" })
    }

    /// A runner made from a plan worked out once (what a checker shares among its documents)
    /// groups and reports as one made from the rule set, whichever rules it is to run.
    @Test func aPlanWorkedOutOnceRunsAsTheRuleSetDoes() throws {
        let set = ruleSet(rules + """

              - id: across
                severity: info
                summary: Reads the run's files.
                for: fields[*].items[*].count
                assert: "size(files) > 1"
            """)
        let worked = RunnerPlan(ruleSet: set)
        let root = try #require(YAMLReader.parse(plan, path: "plan.yaml").documents.first)
        var walks: [[[Int]]] = []
        for mode in [RunOptions.CrossFileRules.include, .skip, .only] {
            var options = RunOptions.default
            options.crossFileRules = mode
            let fresh = RuleRunner(ruleSet: set, options: options), shared = RuleRunner(plan: worked, options: options)
            #expect(shared.walks == fresh.walks)
            #expect(shared.run(on: root).diagnostics.map(describe) == fresh.run(on: root).diagnostics.map(describe))
            walks.append(shared.walks)
        }
        #expect(walks == [[[0, 1, 2, 5], [3], [4]], [[0, 1, 2], [3], [4]], [[5]]])
    }
}
