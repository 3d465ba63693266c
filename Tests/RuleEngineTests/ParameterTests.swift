import Diagnostics
import RuleEngine
import RuleLanguage
import SourceText
import Testing
import YAMLTree

/// Issue 18, item 5: rules declare parameters; configurations set them per rule and per path.
@Suite struct ParameterTests {
    static let rule = """
    rules:
      - id: field-project-limit
        severity: warning
        summary: A field holds at most a given number of projects.
        params:
          max_projects:
            type: number
            default: 3
            description: The largest number of projects a field may hold before a warning.
          label:
            type: string
            default: 分野
        for: fields[*]
        assert: size(self.projects) <= params.max_projects
        message: "{params.label} {self.name} has {size(self.projects)} projects, more than {params.max_projects}"
    """

    static let plan = "fields:\n  - {name: a, projects: [1, 2, 3, 4]}\n  - {name: b, projects: [1]}\n"

    @Test func defaultsApplyAndTheRunCanSetThem() throws {
        let set = ruleSet(Self.rule)
        #expect(set.rules[0].params.map(\.signature) == ["max_projects (number, default 3)", "label (string, default 分野)"])
        let tree = YAMLReader.parse(Self.plan, path: "plan.yaml").tree
        #expect(RuleRunner(ruleSet: set).run(on: tree).diagnostics.map(\.message) == ["分野 a has 4 projects, more than 3"])
        var options = RunOptions()
        options.params = ["field-project-limit": ["max_projects": .number(.init(4))]]
        #expect(RuleRunner(ruleSet: set, options: options).run(on: tree).diagnostics.isEmpty)
    }

    @Test func anUndeclaredParameterIsALoadTimeErrorWithDidYouMean() {
        let r = load(Self.rule.replacingOccurrences(of: "<= params.max_projects", with: "<= params.max_project"))
        #expect(r.diagnostics.map(describe) == ["rules.yaml:14:43: rule-file/unknown-identifier: the rule declares no parameter `max_project`"])
        #expect(r.diagnostics.first?.help == "did you mean `max_projects`?")
        // Declared types feed the checker: a number parameter is not a string.
        let typed = load(Self.rule.replacingOccurrences(of: "<= params.max_projects", with: "<= params.label"))
        #expect(typed.diagnostics.map(\.code) == ["rule-file/type-mismatch"])
        // A rule without parameters.
        let none = load(Self.rule.replacingOccurrences(of: "params:", with: "tags: [x]\n    unused:"))
        #expect(none.diagnostics.contains { $0.message == "the rule declares no parameters, so `params.max_projects` does not exist" })
    }

    @Test func declarationsAreChecked() {
        let r = load("""
        rules:
          - id: r
            severity: error
            summary: s
            params:
              a: {type: numbr, default: 1}
              b: {type: number}
              c: {type: number, default: x}
              2d: {type: number, default: 1}
              e: {type: bool, default: true, descripton: d}
            for: $
            assert: "true"
        """)
        #expect(r.diagnostics.map(describe) == [
            "rules.yaml:6:17: rule-file/invalid-value: `numbr` is not a parameter type",
            "rules.yaml:7:10: rule-file/missing-key: parameter `b` has no `default`",
            "rules.yaml:8:34: rule-file/invalid-value: the default of `c` is a string, but its type is number",
            "rules.yaml:9:7: rule-file/invalid-value: `2d` is not a valid name: use ASCII letters, digits and `_`, not starting with a digit",
            "rules.yaml:10:38: rule-file/unknown-key: unknown key `descripton` in parameter",
        ])
        #expect(r.diagnostics.first?.help == "did you mean `number`?")
    }
}
