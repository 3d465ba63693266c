import GoldenFiles
import Diagnostics
import Foundation
import RuleLanguage
@testable import RuleEngine
import SourceText
import Testing
import YAMLTree

/// Issue 16, classes 6 and 7 and the floods: the rule engine's work on one file is bounded by
/// a constant times the file, however many documents the stream holds and however many rules
/// there are; messages are metered; repeated diagnostics are counted, not built.
@Suite struct BudgetAndFloodTests {
    /// A rule whose work is quadratic in the list it reads.
    static let quadratic = """
        rules:
          - id: quad
            severity: error
            summary: Quadratic.
            for: $
            assert: "self.items.all(a, self.items.all(b, a + b >= 0))"
        """

    static func stream(documents: Int, items: Int) -> String {
        let doc = "items: [" + (0..<items).map(String.init).joined(separator: ", ") + "]\n"
        return (0..<documents).map { _ in "---\n" + doc }.joined()
    }

    /// The budget multiplied once: each document of a stream got the whole file's allowance.
    /// Now the rule's allowance is for the file, and the steps spent stay within it.
    @Test func aStreamSharesOneBudget() throws {
        let set = RuleLoader.load(text: Self.quadratic).ruleSet
        let tree = YAMLReader.parse(Self.stream(documents: 400, items: 120), path: "s.yaml").tree
        let policy = CostPolicy(base: 100_000, perDocumentNode: 10)
        let result = RuleRunner(ruleSet: set, options: RunOptions(costPolicy: policy)).run(on: tree)
        let limit = policy.limit(documentNodes: tree.nodeCount)
        #expect(result.diagnostics.contains { $0.code == EngineCode.budgetExceeded.rawValue })
        #expect(result.steps <= limit + 20_000, "spent \(result.steps) of \(limit)")
        // Every document after the budget ran out is not checked again and again.
        #expect(result.diagnostics.filter { $0.code == EngineCode.budgetExceeded.rawValue }.count <= 1)
    }

    /// Random streams, rule counts and policies: the steps of all rules on a file never pass
    /// the file's limit by more than one overshoot per rule (a rule stops at its next step
    /// after the limit).
    @Test func randomStreamsStayWithinTheFileLimit() throws {
        var rng = SplitMix(seed: 7)
        for _ in 0..<12 {
            let documents = Int(rng.next() % 60) + 1
            let items = Int(rng.next() % 60) + 1
            let rules = Int(rng.next() % 40) + 1
            let text = "rules:\n" + (0..<rules).map { i in """
                  - id: quad-\(i)
                    severity: error
                    summary: Quadratic.
                    for: $
                    assert: "self.items.all(a, self.items.all(b, a + b + \(i) >= 0))"

                """ }.joined()
            let set = RuleLoader.load(text: text).ruleSet
            #expect(set.rules.count == rules)
            let tree = YAMLReader.parse(Self.stream(documents: documents, items: items), path: "s.yaml").tree
            let policy = CostPolicy(base: Int(rng.next() % 50_000) + 1_000, perDocumentNode: Int(rng.next() % 20) + 1)
            let result = RuleRunner(ruleSet: set, options: RunOptions(costPolicy: policy)).run(on: tree)
            let fileLimit = policy.fileLimit(fileNodes: tree.nodeCount)
            #expect(result.steps <= fileLimit + rules * (items * 4 + 200),
                    "\(documents) docs × \(items) items, \(rules) rules: \(result.steps) > \(fileLimit)")
        }
    }

    /// 3,000 rules on one file share the file's budget instead of each bringing its own.
    @Test func manyRulesShareTheFileBudget() throws {
        let rules = 3_000
        let text = "rules:\n" + (0..<rules).map { i in """
              - id: r\(i)
                severity: error
                summary: Quadratic.
                for: $
                assert: "self.items.all(a, self.items.all(b, a + b + \(i) >= 0))"

            """ }.joined()
        let set = RuleLoader.load(text: text).ruleSet
        let tree = YAMLReader.parse("items: [" + (0..<100).map(String.init).joined(separator: ", ") + "]\n", path: "p.yaml").tree
        let result = RuleRunner(ruleSet: set).run(on: tree)
        let fileLimit = CostPolicy.default.fileLimit(fileNodes: tree.nodeCount)
        #expect(result.steps <= fileLimit + rules * 1_000)
        #expect(result.diagnostics.contains { $0.code == EngineCode.budgetExceeded.rawValue && $0.message.contains("the file's budget") })
    }

    /// A 2 MB value printed by a message, 50 labels and notes: each is cut with a visible `…`.
    @Test func messagesLabelsAndNotesAreMetered() throws {
        let big = String(repeating: "x", count: 2_000_000)
        let rules = """
            rules:
              - id: loud
                severity: error
                summary: Loud.
                for: rows[*]
                assert: "false"
                message: "{self.text} {self.text} {self}"
                labels:
                  - each: root.rows
                    as: r
                    at: r.text
                    message: "{r.text}{r.text}"
                notes: ["{self.text}", "{root}"]
            """
        let yaml = "rows:\n" + (0..<60).map { _ in "  - text: \(big.prefix(1_000))\(big)\n" }.joined()
        let result = try run(rules, on: yaml)
        let findings = result.diagnostics.filter { $0.code == "loud" }
        #expect(findings.count == 60)
        for f in findings {
            #expect(f.message.count <= RunOptions.maxMessageLength + 1 && f.message.contains("…"))
            #expect(!f.message.contains(String(repeating: "x", count: RunOptions.maxInterpolationLength + 1)))
            #expect(f.labels.count <= 50)
            #expect(f.labels.allSatisfy { $0.message.count <= RunOptions.maxLabelLength + 1 })
            #expect(f.notes.allSatisfy { $0.count <= RunOptions.maxNoteLength + 1 })
        }
    }

    /// A rule that fails on every one of 5,000 rows reports the first 1,000 and one summary
    /// that counts the rest.
    @Test func floodsOfOneRuleAreCounted() throws {
        let rules = """
            rules:
              - id: every
                severity: warning
                summary: Every row.
                for: rows[*]
                assert: "false"
            """
        let yaml = "rows: [" + (0..<5_000).map(String.init).joined(separator: ", ") + "]\n"
        let result = try run(rules, on: yaml)
        let shown = result.diagnostics.filter { $0.omitted == 0 }
        let summary = result.diagnostics.filter { $0.omitted > 0 }
        #expect(shown.count == RunOptions.defaultMaxDiagnosticsPerRule)
        #expect(summary.map(\.omitted) == [4_000])
        #expect(summary.first?.message.contains("… and 4,000 more") == true)
    }

    /// `rule-selector-matched-nothing` once per rule, not once per document of a stream.
    @Test func anEmptySelectionIsReportedOncePerRule() throws {
        let rules = """
            rules:
              - id: a
                severity: error
                summary: A.
                for: budgets.tables[*]
                assert: "true"
              - id: b
                severity: error
                summary: B.
                for: fields[*].name
                assert: "true"
            """
        let yaml = (0..<2_000).map { "---\nbudgets: {other: \($0)}\nfields: {x: 1}\n" }.joined()
        let result = try run(rules, on: yaml)
        let empty = result.diagnostics.filter { $0.code == EngineCode.selectorMatchedNothing.rawValue }
        #expect(empty.count == 2, "\(empty.count)")
        // And once per run across files.
        let state = RunState()
        let set = RuleLoader.load(text: rules).ruleSet
        var total = 0
        for _ in 0..<5 {
            let tree = YAMLReader.parse(yaml, path: "p.yaml").tree
            total += RuleRunner(ruleSet: set, options: RunOptions(runState: state)).run(on: tree).diagnostics
                .filter { $0.code == EngineCode.selectorMatchedNothing.rawValue }.count
        }
        #expect(total == 2)
    }

    /// A selector that matched nothing in a mapping with many keys once compared every key
    /// with every other (quadratic); the suggestion now looks at a bounded set.
    @Test func anEmptySelectionInAHugeMappingIsCheap() throws {
        let rules = """
            rules:
              - id: a
                severity: error
                summary: A.
                for: budgett.x
                assert: "true"
            """
        let yaml = (0..<100_000).map { "k\($0): 1\n" }.joined() + "budget: 1\n"
        let result = try run(rules, on: yaml)
        #expect(result.diagnostics.map(\.code) == [EngineCode.selectorMatchedNothing.rawValue])
    }

    /// A document whose shape a rule does not select is answered without setting the rule
    /// up, and without explaining the empty selection once it was reported: the quick answer
    /// must say what the full walk says, for every kind of path and document.
    @Test func anUnexplainedEmptySelectionSaysWhatTheWalkSays() throws {
        let paths = ["$", "budgets", "budgets?", "budgets.tables[*]", "budgets?.tables", "a.b[0]", "a[*].b", "a[-1]",
                     "items[? self > 1]", "a[**]", "a[**].b", "x.y?", "['k 1'].v", "['k 1']"]
        let documents = ["doc", "", "a: 1", "a: {b: [1, 2]}", "a: [{b: 1}, {c: 2}]", "budgets: {tables: [1]}", "budgets: 3",
                         "items: [1, 2, 3]", "[1, 2]", "x: {z: 1}", "a: {a: {a: []}}", "{'k 1': {v: 2}}", "budgets: {other: 1}"]
        for path in paths {
            let loaded = RuleLoader.load(text: "rules:\n  - id: r\n    severity: error\n    summary: S.\n    for: \"\(path)\"\n    assert: \"true\"\n")
            let rule = try #require(loaded.ruleSet.rules.first, "\(path): \(loaded.diagnostics.map(\.message))")
            for text in documents {
                guard let root = YAMLReader.parse(text, path: "d.yaml").tree.documents.first else { continue }
                let full = try rule.selector.match(in: root, explainEmpty: true) { (_, _, _) throws(EvaluationError) -> Bool in true }
                let quick = try rule.selector.match(in: root, explainEmpty: false) { (_, _, _) throws(EvaluationError) -> Bool in true }
                #expect(quick.matches.count == full.matches.count, "\(path) on \(text)")
                #expect(quick.empty?.stepIndex == full.empty?.stepIndex, "\(path) on \(text)")
                #expect(String(describing: quick.empty?.reason) == String(describing: full.empty?.reason), "\(path) on \(text)")
            }
        }
    }

    /// The documents of a long stream are checked by one thread however many cores there
    /// are (handing out each small document's rules cost more than it saved); the findings
    /// are the same either way.
    @Test func aStreamGivesTheSameFindingsWithAndWithoutThreads() throws {
        let rules = """
            rules:
              - id: positive
                severity: error
                summary: Counts are positive.
                for: rows[*]
                assert: "self > 0"
              - id: named
                severity: warning
                summary: A name.
                for: name
                assert: "self != ''"
              - id: rows-too
                severity: warning
                summary: Rows again.
                for: rows[*]
                assert: "self < 5"
            """
        let set = RuleLoader.load(text: rules).ruleSet
        func summary(_ r: RunResult) -> [String] {
            r.diagnostics.sorted(by: Diagnostic.ordered).map { "\($0.code) \($0.span?.range.start ?? -1) \($0.omitted) \($0.message)" }
        }
        // Many small documents (one thread whatever is asked), and a few large ones (threads).
        let small = (0..<300).map { i in i % 3 == 0 ? "---\nrows: [\(i % 7), 1, -\(i % 2)]\n" : i % 3 == 1 ? "---\nname: ''\n" : "--- doc\n" }.joined()
        let large = (0..<3).map { d in "---\nname: ''\nrows: [" + (0..<2_000).map { String(($0 * 7 + d) % 9 - 1) }.joined(separator: ", ") + "]\n" }.joined()
        var alone = RunResult()
        for yaml in [small, large] {
            let tree = YAMLReader.parse(yaml, path: "s.yaml").tree
            alone = RuleRunner(ruleSet: set, options: RunOptions(parallel: false)).run(on: tree)
            let threaded = RuleRunner(ruleSet: set, options: RunOptions(parallel: true)).run(on: tree)
            #expect(summary(alone) == summary(threaded))
        }
        #expect(alone.diagnostics.contains { $0.code == "positive" } && alone.diagnostics.contains { $0.code == "named" })
    }

    /// A rule file's `when:` is decided for each document of a stream: it draws on the file's
    /// budget like a rule (it once had a fresh whole-file allowance in every document), and a
    /// `when:` that cannot be decided is reported once per file, its rules not evaluated.
    @Test func aFilesWhenSharesTheFileBudgetAndFailsOnce() throws {
        let rules = """
            when: "root.items.all(a, root.items.all(b, a + b >= 0))"
            rules:
              - id: cheap
                severity: error
                summary: Cheap.
                for: $
                assert: "true"
            """
        let set = RuleLoader.load(text: rules).ruleSet
        #expect(set.rules.count == 1)
        let tree = YAMLReader.parse(Self.stream(documents: 400, items: 120), path: "s.yaml").tree
        let policy = CostPolicy(base: 100_000, perDocumentNode: 10)
        let result = RuleRunner(ruleSet: set, options: RunOptions(costPolicy: policy)).run(on: tree)
        let fileLimit = policy.fileLimit(fileNodes: tree.nodeCount)
        #expect(result.steps <= fileLimit + 20_000, "spent \(result.steps) of \(fileLimit)")
        let failures = result.diagnostics.filter { $0.code == EngineCode.evaluationFailed.rawValue && $0.message.contains("`when`") }
        #expect(failures.count == 1, "\(result.diagnostics.map(\.message))")
        #expect(result.unevaluatedRules == ["cheap"])
    }
}
