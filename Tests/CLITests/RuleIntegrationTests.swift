import Foundation
import Testing

/// Rule packs through the configuration: findings, severity, suppressions, explain, failures.
@Suite struct RuleIntegrationTests {
    static let rule = """
    rules:
      - id: positive-budget
        severity: error
        summary: Every item's budget is positive.
        description: A budget of zero or less is almost always a typing error.
        help: Correct the budget.
        for: items[*]
        assert: self.budget > 0
        at: self.budget
        message: "budget of {self.name} is {self.budget}"
        examples:
          valid:
            - |
              items: [{name: a, budget: 1}]
          invalid:
            - |
              items: [{name: a, budget: 0}]  # expect: positive-budget
    """

    func sandbox() throws -> Sandbox {
        let box = try Sandbox()
        try box.write("Rules/budget.yaml", Self.rule)
        try box.write(".planlint.yaml", "rules: [Rules]\npaths: [Plans]\n")
        return box
    }

    @Test func rulesAreCheckedAgainstTheSchemaTheConfigBindsToTheirFormat() throws {
        // Issue 18, item 9: `self.departmnet` is one error at the rule when it loads, not one
        // evaluation failure per project.
        let box = try Sandbox()
        try box.write("plan.schema.yaml", """
            type: object
            additionalProperties: false
            properties:
              format: {const: demo@1}
              projects:
                type: array
                items:
                  title: project
                  type: object
                  additionalProperties: false
                  properties: {name: {type: string}, department: {type: string}}
            """)
        try box.write("Rules/departments.yaml", """
            format: demo@1
            rules:
              - id: department-named
                severity: error
                summary: Every project names its department.
                for: projects[*]
                assert: self.departmnet != ''
            """)
        try box.write(".planlint.yaml", """
            rules: [Rules]
            paths: [Plans]
            schemas: [{schema: plan.schema.yaml, files: ["Plans/*.yaml"]}]
            """)
        var plan = "format: demo@1\nprojects:\n"
        for i in 0..<50 { plan += "  - {name: p\(i), department: d}\n" }
        try box.write("Plans/a.yaml", plan)
        let r = try box.planlint("check", "--format", "short")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.lines == ["Rules/departments.yaml:7:18: error: the schema allows no field `departmnet` in project [rule-file/unknown-field]"], "\(r.both)")
    }

    @Test func parametersAreSetPerRuleAndPerPath() throws {
        // Issue 18, item 5: as ESLint rule options or Kubernetes paramKind.
        let box = try Sandbox()
        try box.write("Rules/limits.yaml", """
            rules:
              - id: field-project-limit
                severity: warning
                summary: A field holds at most a given number of projects.
                params:
                  max_projects: {type: number, default: 3, description: The largest number of projects a field may hold.}
                for: fields[*]
                assert: size(self.projects) <= params.max_projects
                message: "{self.name} has {size(self.projects)} projects, more than {params.max_projects}"
            """)
        try box.write(".planlint.yaml", """
            rules: [Rules]
            paths: [Plans]
            params:
              field-project-limit: {max_projects: 4}
            overrides:
              - files: ["Plans/big/*.yaml"]
                params:
                  field-project-limit: {max_projects: 10}
            """)
        let plan = "fields:\n  - {name: a, projects: [1, 2, 3, 4, 5]}\n"
        try box.write("Plans/small.yaml", plan)
        try box.write("Plans/big/large.yaml", plan)
        let r = try box.planlint("check", "--format", "short")
        #expect(r.lines == ["Plans/small.yaml:2:5: warning: a has 5 projects, more than 4 [field-project-limit]"], "\(r.both)")

        // Mistakes in the config are positioned, with did-you-mean, and stop the run (exit 2).
        try box.write(".planlint.yaml", """
            rules: [Rules]
            paths: [Plans]
            params:
              field-project-limt: {max_projects: 4}
              field-project-limit: {max_project: 4, }
            overrides:
              - files: ["Plans/big/*.yaml"]
                params:
                  field-project-limit: {max_projects: many}
            """)
        let bad = try box.planlint("check", "--format", "short")
        #expect(bad.status == 2, "\(bad.both)")
        #expect(Array(bad.lines.prefix(3)) == [
            ".planlint.yaml:4:3: error: `field-project-limt` is not a loaded rule, so it has no parameters to set [config/unknown-code]",
            ".planlint.yaml:5:25: error: rule `field-project-limit` has no parameter `max_project` [config/unknown-key]",
            ".planlint.yaml:9:43: error: parameter `max_projects` of rule `field-project-limit` is a number, but this is a string [config/invalid-value]",
        ], "\(bad.both)")
        let human = try box.planlint("check")
        #expect(human.stdout.contains("did you mean `field-project-limit`?"), "\(human.both)")
        #expect(human.stdout.contains("did you mean `max_projects`?"), "\(human.both)")

        // explain and the rule docs show the parameters.
        let explain = try box.planlint("explain", "field-project-limit", "--rules", "Rules")
        #expect(explain.stdout.contains("- `max_projects` (number, default `3`): The largest number of projects a field"), "\(explain.both)")
    }

    @Test func rulesLookAcrossTheFilesOfARun() throws {
        // Issue 18, item 11: the same unit price on every sheet, and a parent sheet against the
        // sum of its children, with positions in each file.
        let box = try Sandbox()
        try box.write("Rules/sheets.yaml", """
            rules:
              - id: same-unit-price
                severity: error
                summary: Every sheet of a review has the same unit price.
                for: unit_price
                let:
                  first: files.filter(f, has(f.unit_price))[0]
                assert: self == first.unit_price
                message: "unit price {self}, but the first sheet says {first.unit_price}"
                labels: [{at: first.unit_price, message: first sheet}]
              - id: parent-sums-children
                severity: error
                summary: A parent sheet's total is the sum of its children's.
                for: total
                when: has(root.children)
                let:
                  children: files.filter(f, has(f.sheet) && f.sheet in root.children)
                assert: self == sum(children.map(c, c.total))
                message: "total {self}, children add up to {sum(children.map(c, c.total))}"
                labels: [{each: children, as: c, at: c.total, message: "{c.sheet}"}]
            """)
        try box.write(".planlint.yaml", "rules: [Rules]\npaths: [Plans]\n")
        try box.write("Plans/a.yaml", "sheet: a\nunit_price: 1200\ntotal: 30\n")
        try box.write("Plans/b.yaml", "sheet: b\nunit_price: 1250  # planlint-disable-line same-unit-price -- agreed\ntotal: 12\n")
        try box.write("Plans/c.yaml", "sheet: c\nunit_price: 1300\ntotal: 10\n")
        try box.write("Plans/parent.yaml", "children: [a, b, c]\ntotal: 50\n")
        let r = try box.planlint("check", "--format", "short")
        #expect(r.status == 1, "\(r.both)")
        #expect(r.lines == [
            "Plans/c.yaml:2:13: error: unit price 1300, but the first sheet says 1200 [same-unit-price]",
            "Plans/parent.yaml:2:8: error: total 50, children add up to 52 [parent-sums-children]",
        ], "\(r.both)")
        // The labels point into the other files.
        let human = try box.planlint("check", "Plans/parent.yaml", "Plans/a.yaml", "Plans/b.yaml", "Plans/c.yaml")
        #expect(human.stdout.contains("--> Plans/parent.yaml:2:8"), "\(human.both)")
        #expect(human.stdout.contains("Plans/a.yaml:3:8"), "\(human.both)")
        // One file alone: `files` is that file.
        let alone = try box.planlint("check", "--format", "short", "Plans/c.yaml")
        #expect(alone.status == 0, "\(alone.both)")
    }

    @Test func ruleFindingsFromConfiguredRules() throws {
        let box = try sandbox()
        try box.write("Plans/a.yaml", "items:\n  - {name: x, budget: 5}\n  - {name: y, budget: 0}\n")
        let r = try box.planlint("check", "--format", "short")
        #expect(r.status == 1, "\(r.both)")
        #expect(r.lines == ["Plans/a.yaml:3:23: error: budget of y is 0 [positive-budget]"], "\(r.both)")

        // Lowered by the config; suppressed inline; unknown ids suggested from the rule ids.
        try box.write(".planlint.yaml", "rules: [Rules]\npaths: [Plans]\nseverity:\n  positive-budget: warning\n")
        let lowered = try box.planlint("check", "--format", "short")
        #expect(lowered.status == 0 && lowered.lines == ["Plans/a.yaml:3:23: warning: budget of y is 0 [positive-budget]"], "\(lowered.both)")

        try box.write("Plans/a.yaml", "items:\n  - {name: x, budget: 5}\n  - {name: y, budget: 0}  # planlint-disable-line positive-budget -- grant\n  # planlint-disable-next-line positive-budgets\n  - {name: z, budget: 1}\n")
        let suppressed = try box.planlint("check", "--format", "short")
        #expect(suppressed.lines == ["Plans/a.yaml:4:32: warning: `positive-budgets` is not a loaded rule or a planlint code [unknown-suppression-code]"], "\(suppressed.both)")
        let human = try box.planlint("check")
        #expect(human.stdout.contains("did you mean `positive-budget`?"), "\(human.both)")
    }

    @Test func ruleThatCannotBeEvaluatedExitsTwo() throws {
        let box = try sandbox()
        try box.write("Plans/a.yaml", "items:\n  - {name: x}\n")
        let r = try box.planlint("check", "--format", "short")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.stdout.contains("[rule-evaluation-failed]"), "\(r.both)")
        #expect(try box.planlint("check", "--exit-zero").status == 2, "tool failures survive --exit-zero")
    }

    @Test func brokenRuleFileIsAToolFailure() throws {
        let box = try sandbox()
        try box.write("Rules/budget.yaml", Self.rule.replacingOccurrences(of: "self.budget > 0", with: "self.budget >"))
        try box.write("Plans/a.yaml", "items: []\n")
        let r = try box.planlint("check", "--format", "short")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.lines.contains { $0.hasPrefix("Rules/budget.yaml:8:") }, "positioned in the rule file: \(r.both)")
    }

    @Test func explainARule() throws {
        let box = try sandbox()
        let r = try box.planlint("explain", "positive-budget")
        #expect(r.status == 0, "\(r.both)")
        #expect(r.stdout.hasPrefix("error[positive-budget]: Every item's budget is positive.\n  default severity: error · source: Rules/budget.yaml:2\n"), "\(r.both)")
        #expect(r.stdout.contains("Example that is reported\n  │ items: [{name: a, budget: 0}]  # expect: positive-budget\n"), "\(r.both)")
        let viaFlag = try box.planlint("explain", "--config", "/dev/null", "--rules", "Rules", "positive-budget")
        #expect(viaFlag.status == 0, "\(viaFlag.both)")
    }

    @Test func rulePathOutsideTheRepositoryIsRefused() throws {
        let outer = try Sandbox(repository: false)
        try outer.write("rules/budget.yaml", Self.rule)
        try outer.write("repo/.git/HEAD", "x\n")
        try outer.write("repo/.planlint.yaml", "rules: [../rules]\n")
        try outer.write("repo/a.yaml", "items: []\n")
        let r = try outer.planlint("check", "--format", "short", "a.yaml", in: "repo")
        #expect(r.status == 2 && r.stdout.contains("[config/outside-root]"), "\(r.both)")
        #expect(try outer.planlint("check", "--allow-outside-root", "a.yaml", in: "repo").status == 0)
    }
}
