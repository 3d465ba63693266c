import Diagnostics
import RuleEngine
import RuleLanguage
import SourceText
import Testing
import YAMLTree

/// Running rules over documents: findings, blame, labels, and failures that are never silent.
@Suite struct RunningTests {
    let table = """
    tables:
      - name: 個別事業
        rows:
          - {field: a, budget: 7}
          - {field: b, budget: 4}
        total: 12
      - name: 情報発信サイト等
        rows:
          - {field: a, budget: 1}
        total: 1
    """

    let sumRule = """
    rules:
      - id: total-matches
        severity: warning
        summary: The total equals the sum of the rows.
        help: Correct the total or a row.
        docs: https://example.org/rules/total-matches
        for: tables[*]
        let:
          budgets: self.rows.map(r, exact(r.budget))
          added: sum(budgets)
        assert: self.total == added
        at: self.total
        message: "{self.name}: the total says {self.total}, the rows add up to {added}"
        labels:
          - each: self.rows
            as: row
            at: row.budget
            message: "{row.field}"
        notes:
          - "{size(budgets)} rows"
    """

    @Test func failingAssertIsAFindingAtTheBlamedNodeWithLabels() throws {
        let r = try run(sumRule, on: table)
        #expect(r.isComplete)
        #expect(r.diagnostics.count == 1)
        let d = try #require(r.diagnostics.first)
        #expect(d.code == "total-matches")
        #expect(d.severity == .warning)
        #expect(d.message == "個別事業: the total says 12, the rows add up to 11")
        #expect(place(try #require(d.span)) == "plan.yaml:6:12-14 '12'")
        #expect(d.labels.map { "\(place($0.span)) \($0.message)" } == [
            "plan.yaml:4:28-29 '7' a",
            "plan.yaml:5:28-29 '4' b",
        ])
        #expect(d.notes == ["2 rows"])
        #expect(d.help == "Correct the total or a row.")
        #expect(d.docsURL == "https://example.org/rules/total-matches")
    }

    @Test func whenSkipsMatchesAndLetsAreOnlyComputedWhenNeeded() throws {
        // `when` is false for the first table; its `let` would fail there (no `rows`), but a
        // let nothing evaluated is never computed.
        let rules = """
        rules:
          - id: rows-nonempty
            severity: error
            summary: s
            for: tables[*]
            when: has(self.rows)
            let:
              n: size(self.rows)
            assert: n > 0
            message: "{self.name} has no rows"
        """
        let r = try run(rules, on: "tables:\n  - {name: a}\n  - {name: b, rows: []}\n  - {name: c, rows: [1]}\n")
        #expect(r.isComplete)
        #expect(r.diagnostics.map(describe) == ["plan.yaml:3:5: rows-nonempty: b has no rows"])
    }

    @Test func letsAreComputedOnDemandBehindShortCircuits() throws {
        // Issue 18, item 1: a let is computed the first time an expression reads it, so a let
        // behind `&&`, `||` or the untaken branch of `?:` is never evaluated.
        func rule(_ when: String, _ assert: String) -> String {
            """
            rules:
              - id: first-positive
                severity: error
                summary: s
                for: lists[*]
                let:
                  first: self.items[0]
                  second: self.items[1]
                when: "\(when)"
                assert: "\(assert)"
                message: "first is {first}"
            """
        }
        let doc = "lists:\n  - {items: []}\n  - {items: [3]}\n  - {items: [-1]}\n"
        for (when, assert) in [
            ("size(self.items) > 0 && first > 0", "true"),                       // behind &&
            ("size(self.items) == 0 || first > 0", "true"),                      // behind ||
            ("size(self.items) > 0 ? first > 0 : false", "true"),                // untaken ?: branch
            ("true", "size(self.items) == 0 || first > 0"),                      // in assert
            ("true", "size(self.items) < 2 ? (size(self.items) == 0 || first > 0) : second > 0"),
        ] {
            let r = try run(rule(when, assert), on: doc)
            #expect(r.isComplete, "\(when) / \(assert): \(r.diagnostics.map(describe))")
            let expected = when == "true" ? ["plan.yaml:4:5: first-positive: first is -1"] : []
            #expect(r.diagnostics.map(describe) == expected, "\(when) / \(assert)")
        }
        // A let that is needed and fails is reported in the let, at the data.
        let r = try run(rule("true", "first > 0"), on: doc)
        #expect(r.unevaluatedRules == ["first-positive"])
        let failure = try #require(r.diagnostics.first)
        #expect(failure.code == "rule-evaluation-failed")
        #expect(failure.message == "rule `first-positive` could not be evaluated: index 0 is out of range: `self.items` has 0 elements")
        #expect(failure.labels.map { "\(place($0.span)) \($0.message)" } == ["rules.yaml:7:14-27 'self.items[0]' in let `first` of rule `first-positive`"])
    }

    @Test func aLetIsComputedAtMostOncePerMatchAndOnlyWhenRead() throws {
        // `n` costs about 3,000 steps; read five times per match over 300 matches it would
        // cost 4.5 M steps, far over the budget (1,000,000 + 100 per node): computed once per
        // match it fits. The second let fails on every match and is never read.
        let rules = """
        rules:
          - id: once
            severity: error
            summary: s
            for: items[*]
            let:
              n: root.items.count(i, i.v == self.v)
              broken: self.missing.key
            assert: n + n + n + n + n >= 5
        """
        var doc = "items:\n"
        for i in 0..<300 { doc += "  - {v: \(i)}\n" }
        let r = try run(rules, on: doc)
        #expect(r.isComplete, "\(r.diagnostics.prefix(2).map(describe))")
        #expect(r.diagnostics.isEmpty)
    }

    @Test func aDuplicateIsReportedAtItsSecondOccurrenceWithTheFirstAsALabel() throws {
        // Issue 18, item 8: group once per document (an invariant let), then each project
        // finds the first of its name in constant time: linear, whatever the plan's size.
        let rules = """
        rules:
          - id: unique-project-names
            severity: error
            summary: s
            for: projects[*]
            let:
              byName: root.projects.groupBy(p, p.name)
              first: byName[self.name][0]
            when: "!same(first, self)"
            assert: "false"
            at: self.name
            message: "{self.name} is listed twice"
            labels:
              - {at: first.name, message: first listed here}
        """
        var doc = "projects:\n"
        for i in 0..<3_000 { doc += "  - {name: p\(i)}\n" }
        doc += "  - {name: p7}\n  - {name: p7}\n"
        let r = try run(rules, on: doc)
        #expect(r.isComplete, "\(r.diagnostics.prefix(2).map(describe))")
        #expect(r.diagnostics.map(describe) == ["plan.yaml:3002:12: unique-project-names: p7 is listed twice",
                                                 "plan.yaml:3003:12: unique-project-names: p7 is listed twice"])
        #expect(r.diagnostics.first?.labels.map { "\(place($0.span)) \($0.message)" } == ["plan.yaml:9:12-14 'p7' first listed here"])
    }

    @Test func invariantLetsAndWhensAreComputedOncePerDocument() throws {
        // `total` and the `when` read only `root`: computed per match they would cost about
        // 2 × 3000 × 3000 steps, far over the budget (1,000,000 + 100 per node); computed
        // once per document, the rule fits.
        let rules = """
        rules:
          - id: under-total
            severity: error
            summary: s
            for: items[*]
            when: root.items.all(i, type(i.v) == 'number')
            let:
              total: sum(root.items.map(i, exact(i.v)))
            assert: self.v * 2 <= total
            message: "{self.v} is over half of {total}"
        """
        var doc = "items:\n"
        for i in 0..<3_000 { doc += "  - {v: \(i % 7)}\n" }
        doc += "  - {v: 100000}\n"
        let r = try run(rules, on: doc)
        #expect(r.isComplete, "\(r.diagnostics.prefix(2).map(describe))")
        #expect(r.diagnostics.map(describe) == ["plan.yaml:3002:5: under-total: 100000 is over half of 108994"])
    }

    @Test func messageDefaultsToSummaryAndBlameDefaultsToSelf() throws {
        let rules = """
        rules:
          - id: positive
            severity: info
            summary: Amounts are positive.
            for: amounts[*]
            assert: self > 0
        """
        let r = try run(rules, on: "amounts: [3, -1, 0]\n")
        #expect(r.diagnostics.map(describe) == [
            "plan.yaml:1:14: positive: Amounts are positive.",
            "plan.yaml:1:18: positive: Amounts are positive.",
        ])
        #expect(r.diagnostics.allSatisfy { $0.severity == .info })
    }

    @Test func ruleVariables() throws {
        let rules = """
        rules:
          - id: vars
            severity: error
            summary: s
            for: "fields[*].items[? self.keep].projects[*]"
            assert: "false"
            message: "{path} key={key} index={index} parent={size(parent)} root={size(root.fields)} self={self.n}"
        """
        let yaml = """
        fields:
          - items:
              - {keep: false, projects: [{n: 1}]}
              - {keep: true, projects: [{n: 2}, {n: 3}]}
        """
        let r = try run(rules, on: yaml)
        #expect(r.diagnostics.map(\.message) == [
            "fields[0].items[1].projects[0] key=null index=0 parent=2 root=1 self=2",
            "fields[0].items[1].projects[1] key=null index=1 parent=2 root=1 self=3",
        ])

        let keys = try run("""
        rules:
          - id: keys
            severity: error
            summary: s
            for: "counts[*]"
            assert: "false"
            at: key
            message: "{path}: {key}={self}"
        """, on: "counts: {◎: 1, 'a b': 2}\n")
        #expect(keys.diagnostics.map(describe) == [
            "plan.yaml:1:10: keys: counts.◎: ◎=1",
            "plan.yaml:1:16: keys: counts['a b']: a b=2",
        ])
    }

    @Test func missingKeyAtRunTimeIsADiagnosticAtTheDataNode() throws {
        let rules = """
        rules:
          - id: total-matches
            severity: error
            summary: s
            for: tables[*]
            assert: self.total == sum(self.rows)
        """
        let r = try run(rules, on: "tables:\n  - {total: 1, rows: [1]}\n  - {rows: [2]}\n")
        #expect(!r.isComplete)
        #expect(r.unevaluatedRules == ["total-matches"])
        let d = try #require(r.diagnostics.first)
        #expect(r.diagnostics.count == 1)
        #expect(d.code == "rule-evaluation-failed")
        #expect(d.severity == .error)
        #expect(d.message.hasPrefix("rule `total-matches` could not be evaluated: "))
        #expect(d.message.contains("total"))
        // At the mapping that lacks the key…
        #expect(place(try #require(d.span)) == "plan.yaml:3:5-16 '{rows: [2]}'")
        // …with a label at the expression in the rule file.
        let label = try #require(d.labels.first)
        #expect(label.span.file.path == "rules.yaml")
        #expect(label.span.start.line == 6)
        #expect(label.span.text.hasPrefix("self.total"))
        #expect(label.message == "in assert of rule `total-matches`")
    }

    @Test func nonBooleanAssertIsAnEvaluationFailure() throws {
        let rules = """
        rules:
          - id: bool-please
            severity: error
            summary: s
            for: items[*]
            assert: self.flag
        """
        let r = try run(rules, on: "items:\n  - {flag: true}\n  - {flag: maybe}\n")
        #expect(r.diagnostics.map(describe) == [
            "plan.yaml:3:12: rule-evaluation-failed: rule `bool-please` could not be evaluated: `assert` gave string `maybe`, not true or false",
        ])
        #expect(r.unevaluatedRules == ["bool-please"])
    }

    @Test func costBudgetExceededOnANestedComprehension() throws {
        let rules = """
        rules:
          - id: quadratic
            severity: error
            summary: s
            for: $
            assert: self.items.all(a, self.items.all(b, a <= b || b <= a))
        """
        let items = (0..<120).map(String.init).joined(separator: ", ")
        let options = RunOptions(costPolicy: CostPolicy(base: 10_000, perDocumentNode: 1))
        let r = try run(rules, on: "items: [\(items)]\n", options: options)
        #expect(r.unevaluatedRules == ["quadratic"])
        let d = try #require(r.diagnostics.first)
        #expect(r.diagnostics.count == 1)
        #expect(d.code == "rule-budget-exceeded")
        #expect(d.message.hasPrefix("rule `quadratic` exceeded its budget of "))
        #expect(d.labels.first.map { place($0.span) } == "rules.yaml:2:9-18 'quadratic'")
        // The same rule within the default budget passes.
        let ok = try run(rules, on: "items: [\(items)]\n")
        #expect(ok.diagnostics.isEmpty)
        #expect(ok.isComplete)
    }

    @Test func selectorMatchedNothingWarnsAtTheStepWithDidYouMean() throws {
        let rules = """
        rules:
          - id: project-check
            severity: error
            summary: s
            for: fields[*].items[*].projcts[*]
            assert: "true"
        """
        let yaml = "fields:\n  - items:\n      - {number: 1, projects: []}\n"
        let r = try run(rules, on: yaml)
        #expect(r.isComplete)
        let d = try #require(r.diagnostics.first)
        #expect(r.diagnostics.count == 1)
        #expect(d.code == "rule-selector-matched-nothing")
        #expect(d.severity == .warning)
        #expect(d.message == "the `for` path of rule `project-check` matched nothing: no mapping at `fields[0].items[0]` has the key `projcts`")
        #expect(place(try #require(d.span)) == "rules.yaml:5:28-36 '.projcts'")
        #expect(d.help == "did you mean `projects`?")
        #expect(d.labels.map { "\(place($0.span)) \($0.message)" } == ["plan.yaml:3:9-34 '{number: 1, projects: []}' no `projcts` in this mapping"])
    }

    @Test func selectorMatchingNothingIsFineWhenTheCollectionIsEmptyOrTheKeyOptional() throws {
        let rules = """
        rules:
          - id: a
            severity: error
            summary: s
            for: fields[*].items[*]
            assert: "true"
          - id: b
            severity: error
            summary: s
            for: evaluation?.tally[*]
            assert: "true"
          - id: c
            severity: error
            summary: s
            for: "fields[? self.name == 'none']"
            assert: "true"
          - id: d
            severity: error
            summary: s
            for: fields[*].name[*]
            assert: "true"
        """
        let r = try run(rules, on: "fields:\n  - {name: x, items: []}\n")
        // Only `d` warns: `[*]` over a scalar cannot be what the author meant.
        #expect(r.diagnostics.map(\.message) == [
            "the `for` path of rule `d` matched nothing: this step needs a sequence or a mapping, but `fields[0].name` is a scalar",
        ])
    }

    @Test func filterErrorsArePositionedInTheForPath() throws {
        let rules = """
        rules:
          - id: f
            severity: error
            summary: s
            for: "rows[? self.x > 1]"
            assert: "true"
        """
        let r = try run(rules, on: "rows: [{x: 2}, {y: 1}]\n")
        let d = try #require(r.diagnostics.first)
        #expect(d.code == "rule-evaluation-failed")
        #expect(place(try #require(d.span)) == "plan.yaml:1:16-22 '{y: 1}'")
        #expect(d.labels.map { place($0.span) } == ["rules.yaml:5:18-24 'self.x'"])
        #expect(r.unevaluatedRules == ["f"])
    }

    @Test func explainAddsTheComparedIntervals() throws {
        let rules = """
        rules:
          - id: approx
            severity: error
            summary: s
            for: tables[*]
            assert: sum(self.rows.map(r, rounded(r))) ~= rounded(self.total)
        """
        let yaml = "tables:\n  - {rows: [1, 2], total: 5}\n"
        let plain = try run(rules, on: yaml)
        #expect(plain.diagnostics.first?.notes == [])
        let explained = try run(rules, on: yaml, options: RunOptions(explain: true))
        let notes = try #require(explained.diagnostics.first?.notes)
        #expect(notes.count == 1)
        #expect(notes.first?.hasPrefix("`sum(self.rows.map(r, rounded(r))) ~= rounded(self.total)`: `sum(self.rows.map(r, rounded(r)))` is 3 (2–<4)") == true)
        #expect(notes.first?.contains("`rounded(self.total)` is 5 (4.5–<5.5)") == true)
        #expect(notes.first?.hasSuffix("`~=` is false") == true)
    }

    @Test func labelsAreCappedWithANote() throws {
        let rules = """
        rules:
          - id: many
            severity: error
            summary: s
            for: $
            assert: "false"
            labels:
              - each: self.rows
        """
        let rows = (1...8).map { "  - \($0)" }.joined(separator: "\n")
        let r = try run(rules, on: "rows:\n\(rows)\n", options: RunOptions(maxLabelsPerFinding: 3))
        let d = try #require(r.diagnostics.first)
        #expect(d.labels.count == 3)
        #expect(d.notes == ["5 more labels not shown"])
    }

    @Test func aBrokenMessageKeepsTheFindingAndReportsTheFailure() throws {
        let rules = """
        rules:
          - id: broken-message
            severity: error
            summary: The summary.
            for: items[*]
            assert: self.ok
            message: "{self.missing}"
        """
        let r = try run(rules, on: "items:\n  - {ok: false}\n")
        #expect(r.diagnostics.map(\.code) == ["rule-evaluation-failed", "broken-message"])
        #expect(r.diagnostics[1].message == "The summary.")
        #expect(r.diagnostics[1].notes == ["the rule's message could not be formed; this is its summary"])
        #expect(r.unevaluatedRules == ["broken-message"])
    }

    /// A rule file with `symbols` whose one rule always reports `message` over the document.
    func symbolRule(_ symbols: String, message: String) -> String {
        "symbols:\n" + symbols + """

        rules:
          - id: sums
            severity: error
            summary: s
            for: $
            assert: "false"
            message: "\(message)"
        """
    }

    @Test func symbolsOfTheRuleFileApply() throws {
        let r = try run(symbolRule("  －: null", message: "{sum(self.cells)}"), on: "cells: [1, '－', 2]\n")
        #expect(r.isComplete)
        #expect(r.diagnostics.first?.message.hasPrefix("3") == true)
    }

    @Test func ruleFileSymbolsTakeThePlanDeclarationShape() throws {
        // The same shape a plan@2 table declares its symbols in: means, min|above, max|below, none.
        let rules = symbolRule("""
              ＊: {means: 百万円未満, above: 0, below: 1}
              －: {means: 該当なし, none: true}
              ―: {means: 皆減, min: 0, max: 0}
              ▲: {means: 1以上, min: 1}
            """, message: "{sum(self.cells)} {isAmount(self.cells[1])} {isAmount(self.cells[2])} {self.cells[3] ~= 0} {self.cells[4] ~= 1000}")
        let r = try run(rules, on: "cells: [1, '－', '＊', '―', '▲']\n")
        #expect(r.isComplete)
        #expect(r.diagnostics.first?.message == "(>2) false true true true", "1 + ＊ + ― + ▲ is more than 2, unbounded above")
        let bad = load("""
        symbols:
          ＊: {above: 0, min: 0}
          ◇: {means: text only}
          ◆: {none: yes}
          ●: {above: 2, below: 1}
        rules: []
        """)
        #expect(bad.diagnostics.map(describe) == [
            "rules.yaml:2:7: rule-file/invalid-value: give `min` or `above`, not both",
            "rules.yaml:3:6: rule-file/invalid-value: the meaning of `◇` gives no bound",
            "rules.yaml:4:13: rule-file/invalid-value: `none` is `true` (the symbol is no amount) or absent",
            "rules.yaml:5:6: rule-file/invalid-value: the bounds of `●` leave nothing between them",
        ])
    }

    @Test func parallelAndSequentialRunsAgree() throws {
        let set = ruleSet(sumRule + """

          - id: second
            severity: error
            summary: s
            for: tables[*].rows[*]
            assert: self.budget < 5
        """)
        let tree = YAMLReader.parse(table, path: "plan.yaml").tree
        let a = RuleRunner(ruleSet: set).run(on: tree)
        let b = RuleRunner(ruleSet: set, options: RunOptions(parallel: true)).run(on: tree)
        #expect(a.diagnostics.map(describe) == b.diagnostics.map(describe))
        #expect(a.diagnostics.count == 2)
    }

    @Test func severityOverridesAndFiltering() throws {
        let set = ruleSet(sumRule)
        #expect(set.settingSeverity(.error, forRule: "total-matches").rules[0].severity == .error)
        #expect(set.filtered { $0.id != "total-matches" }.isEmpty)
    }
}
