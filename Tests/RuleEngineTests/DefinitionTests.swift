import Diagnostics
import RuleEngine
import SourceText
import Testing
import YAMLTree

/// Issue 18, item 7: constants and functions defined once in a pack, used by the rules of
/// every file of it (as Rego functions and Spectral's custom functions).
@Suite struct DefinitionTests {
    static let shared = """
    constants:
      marks: [◎, ○, △, ×, －]
      tolerance: 0.05
    functions:
      share(part, whole): part / whole * 100
      printed(x): "rounded(x, 'half-up', 1)"
      shareAgrees(part, whole, pct): share(part, whole) ~= printed(pct)
    rules: []
    """

    static let rules = """
    rules:
      - id: known-mark
        severity: error
        summary: s
        for: projects[*]
        assert: self.mark in marks
        message: "{self.mark} is not one of {marks}"
      - id: share-agrees
        severity: error
        summary: s
        for: shares[*]
        assert: shareAgrees(self.count, self.basis, self.percent)
        message: "{self.count} of {self.basis} is {round(share(self.count, self.basis), 1)}%, not {self.percent}%"
    """

    func loaded(_ files: [(String, String)]) -> RuleLoadResult {
        RuleLoader.load(sources: files.map { SourceFile(path: $0.0, text: $0.1) })
    }

    @Test func rulesOfOneFileUseTheDefinitionsOfAnother() {
        let r = loaded([("a-shared.yaml", Self.shared), ("b-rules.yaml", Self.rules)])
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(describe))")
        let plan = "projects: [{mark: ◎}, {mark: 〇}]\nshares: [{count: 48, basis: 96, percent: 50.0}, {count: 47, basis: 96, percent: 48.8}]\n"
        let run = RuleRunner(ruleSet: r.ruleSet).run(on: YAMLReader.parse(plan, path: "plan.yaml").tree)
        #expect(run.diagnostics.map(\.message) == ["〇 is not one of ['◎', '○', '△', '×', '－']", "47 of 96 is 49.0%, not 48.8%"])
    }

    @Test func anErrorInsideAFunctionPointsAtItsBodyAndAtTheCall() throws {
        let r = loaded([("a-shared.yaml", Self.shared), ("b-rules.yaml", Self.rules)])
        let run = RuleRunner(ruleSet: r.ruleSet).run(on: YAMLReader.parse("projects: []\nshares: [{count: 1, basis: 0, percent: 1.0}]\n", path: "plan.yaml").tree)
        let d = try #require(run.diagnostics.first)
        #expect(d.code == "rule-evaluation-failed")
        #expect(d.message == "rule `share-agrees` could not be evaluated: division by zero in `part / whole`")
        #expect(d.labels.map { "\(place($0.span)) \($0.message)" } == [
            "a-shared.yaml:5:23-35 'part / whole' in function `share`",
            "b-rules.yaml:12:13-62 'shareAgrees(self.count, self.basis, self.percent)' called here, in assert of rule `share-agrees`",
        ])
    }

    @Test func definitionsAreChecked() {
        let r = loaded([("p.yaml", """
            constants:
              size: 3
              tolerance: 1
            functions:
              twice(x): x * 2
              thrice(x, x): x * 3
              loop(n): loop(n)
              late(n): later(n)
              later(n): n
              sum(l): 0
              broken: 1
              typo(x): sise(x)
            rules:
              - id: r
                severity: error
                summary: s
                for: $
                let:
                  tolerance: 2
                assert: twice(1, 2) == 2 && tolrance > 0
            """), ("q.yaml", "constants:\n  tolerance: 2\nrules: []\n")])
        #expect(r.diagnostics.map(describe) == [
            "p.yaml:6:3: rule-file/invalid-value: in `thrice(x, x)`: `x` is a parameter twice",
            "p.yaml:7:12: rule-file/unknown-function: unknown function `loop`",
            "p.yaml:8:12: rule-file/unknown-function: unknown function `later`",
            "p.yaml:10:3: rule-file/invalid-value: `sum` is a built-in function",
            "p.yaml:11:3: rule-file/invalid-value: `broken` is not `name(parameters)`",
            "p.yaml:12:12: rule-file/unknown-function: unknown function `sise`",
            // The pack's definitions are read first, from every file; then the rules.
            "q.yaml:2:3: rule-file/duplicate-id: `tolerance` is defined twice in the rule pack",
            "p.yaml:19:7: rule-file/invalid-value: `tolerance` is a constant of the rule pack",
            "p.yaml:20:22: rule-file/wrong-arity: `twice` takes 1 argument, but 2 were given",
            "p.yaml:20:33: rule-file/unknown-identifier: unknown name `tolrance`",
        ])
        #expect(r.diagnostics.first { $0.message.contains("tolrance") }?.help == "did you mean `tolerance`?")
        #expect(r.diagnostics.first { $0.message.contains("sise") }?.help == "did you mean `size`?")
    }

    /// A call's arguments go on top of the caller's variables, as the function's frame: an
    /// argument whose macro leaves its variables behind, calls inside arguments and inside
    /// macro bodies, and a function whose own macros run above its parameters each see their
    /// own values; `get` with a default that is an expression evaluates the default (and
    /// fails with it) whether or not the key is there; whole-number sums and indexes give what
    /// the general arithmetic gives.
    @Test func callsNestedInArgumentsAndMacrosSeeTheirOwnFrames() throws {
        let r = loaded([("a-shared.yaml", """
            functions:
              pair(a, b): "[a, b]"
              total(xs): "sum(xs.map(x, x * 2))"
              between(xs, lo, hi): "xs.filter(x, x >= lo && x <= hi)"
              outer(xs, k): "xs.map(x, pair(total(between(xs, x, k)), x + k))"
              orNext(m, d): "get(m, 'a', d + 1)"
            rules: []
            """), ("b-rules.yaml", """
            rules:
              - id: frames
                severity: error
                summary: s
                for: $
                assert: "false"
                message: "{outer([1, 2, 3], 2)} {pair([1, 2].map(y, y + 10), [3].filter(z, z > 0))} {[[1, 2], [3]].map(l, total(l))} {orNext(self.m, 1)} {orNext(self.n, 1)} {[10, 20, 30][1 + 1]} {[10, 20, 30][1.0]} {2.5 - 1} {3 - 5} {7 + -2}"
              - id: default-fails
                severity: error
                summary: s
                for: $
                assert: get(self.m, 'a', self.nope) == 5
            """)])
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(describe))")
        let run = RuleRunner(ruleSet: r.ruleSet).run(on: YAMLReader.parse("m: {a: 5}\nn: {b: 5}\n", path: "plan.yaml").tree)
        #expect(run.diagnostics.map(\.code) == ["frames", "rule-evaluation-failed"])
        #expect(run.diagnostics.first?.message == "[[6, 3], [4, 4], [0, 5]] [[11, 12], [3]] [6, 6] 5 2 30 20 1.5 -2 5")
        #expect(run.diagnostics.last?.message.contains("`nope`") == true, "\(run.diagnostics.last.map(describe) ?? "")")
    }
}
