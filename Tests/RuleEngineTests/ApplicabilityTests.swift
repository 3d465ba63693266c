import Diagnostics
import RuleEngine
import SourceText
import Testing
import YAMLTree

/// Issue 18, item 11: a rule file says which documents its rules check, so packs for two
/// kinds of file run side by side without "matched nothing" warnings.
@Suite struct ApplicabilityTests {
    func pack(_ header: String, id: String, path: String) -> String {
        """
        \(header)
        rules:
          - id: \(id)
            severity: warning
            summary: s
            for: "\(path)"
            assert: "false"
            message: "\(id)"
        """
    }

    func run(_ files: [(String, String)], on yaml: String) -> RunResult {
        let sources = files.map { SourceFile(path: $0.0, text: $0.1) }
        let loaded = RuleLoader.load(sources: sources)
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(describe))")
        return RuleRunner(ruleSet: loaded.ruleSet).run(on: YAMLReader.parse(yaml, path: "plan.yaml").tree)
    }

    @Test func eachPackChecksItsFormatOnly() {
        let files = [
            ("plan1.yaml", pack("format: planlint/plan@1", id: "old-fields", path: "fields[*]")),
            ("plan2.yaml", pack("format: [planlint/plan@2, planlint/plan@3]", id: "new-nodes", path: "nodes[**]")),
            ("any.yaml", pack("", id: "any-format", path: "format")),
        ]
        let v2 = run(files, on: "format: planlint/plan@2\nnodes: [{name: a}]\n")
        #expect(v2.diagnostics.map(\.message) == ["new-nodes", "any-format"], "no matched-nothing warning from the plan@1 pack")
        let v1 = run(files, on: "format: planlint/plan@1\nfields: [{name: a}]\n")
        #expect(v1.diagnostics.map(\.message) == ["old-fields", "any-format"])
        let none = run(files, on: "fields: [{name: a}]\nformat: null\n")
        #expect(none.diagnostics.map(\.code) == ["any-format"], "a document without the format is not checked by a pack that names one")
    }

    @Test func aConditionOnTheDocument() {
        let files = [("budgets.yaml", pack("when: has(root.budgets)", id: "budget-rows", path: "budgets.rows[*]"))]
        #expect(run(files, on: "budgets: {rows: [1]}\n").diagnostics.map(\.message) == ["budget-rows"])
        #expect(run(files, on: "other: 1\n").diagnostics.isEmpty)
        // A condition that cannot be evaluated is reported once, and the rules are not evaluated.
        let broken = [("budgets.yaml", pack("when: root.budgets.rows.size() > 0", id: "budget-rows", path: "budgets.rows[*]"))]
        let r = run(broken, on: "other: 1\n")
        #expect(r.diagnostics.map(\.code) == ["rule-evaluation-failed"])
        #expect(r.diagnostics.first?.message.hasPrefix("the `when` of the rule file budgets.yaml could not be evaluated, so its rules were not run") == true)
        #expect(r.unevaluatedRules == ["budget-rows"])
    }

    @Test func loadErrorsArePositioned() {
        let r = RuleLoader.load(text: "format: [planlint/plan@2, {a: 1}]\nwhen: self.x +\nrules: []\n", path: "p.yaml")
        #expect(r.diagnostics.map(describe) == [
            "p.yaml:1:27: rule-file/invalid-value: `format` names the document formats the rules check, as text",
            "p.yaml:2:15: rule-file/expr-syntax: unexpected end of expression, expected an expression",
        ])
        let typo = RuleLoader.load(text: "formats: planlint/plan@2\nrules: []\n", path: "p.yaml")
        #expect(typo.diagnostics.first?.help == "did you mean `format`?")
    }

    @Test func examplesOfARuleRunWhateverItsFileAppliesTo() {
        let text = pack("format: planlint/plan@2", id: "new-nodes", path: "nodes[*]") + """

            examples:
              valid: ["nodes: []"]
              invalid: ["nodes: [1]  # expect: new-nodes"]
        """
        let report = RuleTester.run(RuleLoader.load(text: text, path: "p.yaml"))
        #expect(report.failed == 0, "\(report.failures.map(\.message)) \(report.loadDiagnostics.map(describe))")
    }
}
