import Foundation
import Diagnostics
import RuleEngine
import SourceText
import Testing

/// Everything wrong in a rule file is a diagnostic positioned inside it.
@Suite struct LoadingTests {
    let good = """
    rules:
      - id: total-matches
        severity: error
        summary: The total equals the sum of the rows.
        for: tables[*]
        assert: self.total == sum(self.rows)
    """

    @Test func aGoodFileLoads() {
        let r = load(good)
        #expect(r.diagnostics.isEmpty)
        #expect(r.ruleSet.ids == ["total-matches"])
        let rule = r.ruleSet.rules[0]
        #expect(rule.source.line == 2)
        #expect(rule.source.column == 9)
        #expect(rule.severity == .error)
        #expect(rule.summary == "The total equals the sum of the rows.")
        #expect(rule.forPath == "tables[*]")
    }

    @Test func unknownKeyWithDidYouMean() throws {
        let r = load("""
        rules:
          - id: total-matches
            severity: error
            summary: s
            for: tables[*]
            asert: self.total == 1
        """)
        let unknown = try #require(r.diagnostics.first { $0.code == "rule-file/unknown-key" })
        #expect(unknown.message == "unknown key `asert` in rule")
        #expect(place(try #require(unknown.span)) == "rules.yaml:6:5-10 'asert'")
        #expect(unknown.help == "did you mean `assert`?")
        #expect(unknown.primaryLabel == "did you mean `assert`?")
        // The rule is not loaded; the missing `assert` is not reported a second time.
        #expect(r.diagnostics.count == 1)
        #expect(r.ruleSet.isEmpty)
        #expect(r.brokenRules == ["rules.yaml:2: total-matches"])
        #expect(r.hasErrors)
    }

    @Test func aMissingKeyWithoutATypoIsReportedAsMissing() throws {
        let r = load(good.replacingOccurrences(of: "\n    assert: self.total == sum(self.rows)", with: ""))
        #expect(r.diagnostics.map(\.message) == ["rule `total-matches` has no `assert`"])
        #expect(r.diagnostics.first.map { place($0.span!) } == "rules.yaml:2:5-22 'id: total-matches'")
    }

    @Test func unknownKeyAtFileLevelAndInLabels() throws {
        let r = load("""
        rule:
          - id: x
        """)
        let d = try #require(r.diagnostics.first)
        #expect(d.code == "rule-file/unknown-key")
        #expect(d.help == "did you mean `rules`?")
        #expect(r.diagnostics.contains { $0.code == "rule-file/missing-key" && $0.message == "the rule file has no `rules:` list" })

        let labels = load(good + "\n    labels:\n      - eahc: self.rows\n        message: row\n")
        let l = try #require(labels.diagnostics.first { $0.code == "rule-file/unknown-key" })
        #expect(l.message == "unknown key `eahc` in label")
        #expect(l.help == "did you mean `each`?")
        #expect(place(try #require(l.span)) == "rules.yaml:8:9-13 'eahc'")
    }

    @Test func badForPath() throws {
        let r = load("""
        rules:
          - id: total-matches
            severity: error
            summary: s
            for: tables[*.rows
            assert: "true"
        """)
        let d = try #require(r.diagnostics.first)
        #expect(d.code == "rule-file/invalid-path")
        #expect(d.message == "expected `]`, found `.`")
        #expect(place(try #require(d.span)) == "rules.yaml:5:18-19 '.'")
        #expect(r.ruleSet.isEmpty)
    }

    @Test func pathDialectErrors() {
        func problem(_ path: String) -> String {
            switch SelectorPath.parse(path) {
            case .success: return "ok"
            case .failure(let f): return f.problems.map { "\($0.range.start)-\($0.range.end): \($0.message)" }.joined(separator: "; ")
            }
        }
        #expect(problem("fields[*].items[*]") == "ok")
        #expect(problem("$") == "ok")
        #expect(problem("counts.◎") == "ok")
        #expect(problem("['key with spaces'][0][-1]") == "ok")
        #expect(problem("budgets?.tables[*]") == "ok")
        #expect(problem("$.fields") == "0-1: a path starts at the document root without `$`")
        #expect(problem(".fields") == "0-1: a path starts with a key, not with `.`")
        #expect(problem("fields..items") == "6-8: `..` (recursive descent into every key) is not part of planlint paths")
        #expect(problem("fields.*") == "6-8: `.*` is written `[*]` in planlint paths")
        #expect(problem("fields[") == "6-7: `[` is not closed")
        #expect(problem("fields['a") == "7-8: the quoted key is not closed")
        #expect(problem("fields[x]") == "7-8: expected a quoted key, an index, `*` or `?` after `[`, found `x`")
        #expect(problem("fields[? self.a") == "6-8: the filter `[?` is not closed")
        #expect(problem("fields[?]") == "6-9: the filter has no expression")
        #expect(problem("fields[0]?") == "9-10: only a key can be marked optional with `?`")
        #expect(problem("") == "0-0: the path is empty")
        #expect(problem("nodes[**]") == "ok")
        #expect(problem("plan.nodes?[** as n].indicators[*]") == "ok")
        #expect(problem("[**]") == "0-3: `[**]` follows a key: it descends by that key again and again, as in `nodes[**]`")
        #expect(problem("nodes[*][**]") == "8-11: `[**]` follows a key: it descends by that key again and again, as in `nodes[**]`")
        // A filter's expression problems are positioned in the path.
        #expect(problem("fields[? slef.a == 1]") == "9-13: unknown name `slef`")
    }

    @Test func expressionErrorInDoubleQuotedScalar() throws {
        // Escapes before the error shift source columns away from expression columns.
        let r = load("""
        rules:
          - id: total-matches
            severity: error
            summary: s
            for: tables[*]
            assert: "self.name == \\"a\\\\tb\\" && sizee(self.rows) > 0"
        """)
        let d = try #require(r.diagnostics.first)
        #expect(d.code == "rule-file/unknown-function")
        let span = try #require(d.span)
        #expect(place(span) == "rules.yaml:6:40-45 'sizee'")
        #expect(d.help == "did you mean `size`?")
    }

    @Test func expressionErrorInBlockScalar() throws {
        let r = load("""
        rules:
          - id: total-matches
            severity: error
            summary: s
            for: tables[*]
            assert: |
              self.total ==
                sum(self.rows.map(r, r.budget)) +
        """)
        let d = try #require(r.diagnostics.first)
        #expect(d.code == "rule-file/expr-syntax")
        let span = try #require(d.span)
        // The expression ends after `+`: the problem is at the end of the text (line 8).
        #expect(span.start.line == 8)
        #expect(r.ruleSet.isEmpty)

        let r2 = load("""
        rules:
          - id: total-matches
            severity: error
            summary: s
            for: tables[*]
            assert: >-
              self.total ==
                sum(self.rows.map(r, r.budgett)) + undefined_name
        """)
        let d2 = try #require(r2.diagnostics.first)
        #expect(d2.code == "rule-file/unknown-identifier")
        #expect(place(try #require(d2.span)) == "rules.yaml:8:44-58 'undefined_name'")
    }

    @Test func messageTemplateErrors() throws {
        let r = load("""
        rules:
          - id: total-matches
            severity: error
            summary: s
            for: tables[*]
            assert: "true"
            message: "総額 {self.total} but {slef.rows} and {{literal}} }"
        """)
        let unknown = try #require(r.diagnostics.first { $0.code == "rule-file/unknown-identifier" })
        // Columns count code points: `総額` is two characters.
        #expect(place(try #require(unknown.span)) == "rules.yaml:7:36-40 'slef'")
        let brace = try #require(r.diagnostics.first { $0.code == "rule-file/invalid-message" })
        #expect(brace.message == "single `}` in the message")
        #expect(place(try #require(brace.span)) == "rules.yaml:7:63-64 '}'")

        let unquoted = load(good + "\n    message: {self.total}\n")
        let d = try #require(unquoted.diagnostics.first)
        #expect(d.message == "`message` must be text, not a mapping")
        #expect(d.help == "a value that starts with `{` must be quoted in YAML: `message: \"{…} …\"`")
    }

    @Test func duplicateRuleIDsAcrossFiles() throws {
        let a = SourceFile(path: "a.yaml", text: good)
        let b = SourceFile(path: "b.yaml", text: "\n" + good)
        let r = RuleLoader.load(sources: [a, b])
        let d = try #require(r.diagnostics.first)
        #expect(d.code == "rule-file/duplicate-id")
        #expect(d.message == "duplicate rule id `total-matches`")
        #expect(place(try #require(d.span)) == "b.yaml:3:9-22 'total-matches'")
        #expect(d.labels.map { "\(place($0.span)) \($0.message)" } == ["a.yaml:2:9-22 'total-matches' first defined here"])
        #expect(r.ruleSet.count == 1)
        #expect(r.ruleSet.rules[0].source.path == "a.yaml")
        #expect(r.brokenRules == ["b.yaml:3: total-matches"])
    }

    /// Files compile in parallel (RuleLoader.load(parsed:)): the rules, their order, the
    /// diagnostics and the broken rules are those of loading the files one after the other —
    /// ids repeated within a file and across files, an id that is not kebab-case before a
    /// good one, a file loaded twice, files whose `rules` do not load.
    @Test func compilingInParallelGivesWhatCompilingInOrderGives() throws {
        let renamed = good.replacingOccurrences(of: "total-matches", with: "Total_Matches")
        let sources = [
            SourceFile(path: "a.yaml", text: good),
            SourceFile(path: "b.yaml", text: renamed + "\n" + good.replacingOccurrences(of: "rules:\n", with: "")),
            SourceFile(path: "c.yaml", text: "rules: 3\n"),
            SourceFile(path: "d.yaml", text: "rules:\n  - id: [x]\n" + good.replacingOccurrences(of: "rules:\n", with: "")),
            SourceFile(path: "a.yaml", text: good),
            SourceFile(path: "e.yaml", text: good.replacingOccurrences(of: "total-matches", with: "other-rule")),
        ]
        func summary(_ r: RuleLoadResult) -> [String] {
            r.ruleSet.rules.map { "rule \($0.id) \($0.source.path):\($0.source.line)" } + r.brokenRules
                + r.diagnostics.map { d in
                    "\(d.code) \(d.span.map(place) ?? "-") \(d.message) \(d.labels.map { "\(place($0.span)) \($0.message)" })"
                }
        }
        let inOrder = summary(RuleLoader.load(sources: sources, workers: 1))
        #expect(inOrder.filter { $0.hasPrefix("rule-file/duplicate-id") }.count >= 3, "\(inOrder)")
        #expect(inOrder.contains { $0.hasPrefix("rule other-rule e.yaml") }, "\(inOrder)")
        for workers in [2, 3, 8] {
            #expect(summary(RuleLoader.load(sources: sources, workers: workers)) == inOrder, "workers \(workers)")
        }
        // The files compile largest first (b and d before a): the result is still in file order.
        #expect(RuleLoader.largestFirst(sources.map(\.bytes.count)).prefix(2).sorted() == [1, 3])
        #expect(RuleLoader.largestFirst([3, 9, 3, 10]) == [3, 1, 0, 2])
    }

    @Test func wrongSeverity() throws {
        let r = load(good.replacingOccurrences(of: "severity: error", with: "severity: warn"))
        let d = try #require(r.diagnostics.first)
        #expect(d.code == "rule-file/invalid-value")
        #expect(d.message == "`warn` is not a severity")
        #expect(d.help == "did you mean `warning`?")
        #expect(place(try #require(d.span)) == "rules.yaml:3:15-19 'warn'")
        #expect(r.ruleSet.isEmpty)

        let fatal = load(good.replacingOccurrences(of: "severity: error", with: "severity: fatal"))
        #expect(fatal.diagnostics.first?.help == "use `error`, `warning` or `info`")
    }

    @Test func idsMustBeKebabCaseAndNotReserved() {
        let camel = load(good.replacingOccurrences(of: "id: total-matches", with: "id: TotalMatches"))
        #expect(camel.diagnostics.first?.message == "rule id `TotalMatches` is not kebab-case")
        #expect(camel.diagnostics.first?.help == "use lowercase ASCII letters, digits and single dashes, e.g. `total-matches`")
        let reserved = load(good.replacingOccurrences(of: "id: total-matches", with: "id: rule-evaluation-failed"))
        #expect(reserved.diagnostics.first?.message == "`rule-evaluation-failed` is the code of one of planlint's own diagnostics")
    }

    @Test func letsAreCheckedInOrder() throws {
        let r = load("""
        rules:
          - id: total-matches
            severity: error
            summary: s
            for: tables[*]
            let:
              self: 1
              total: self.total
              doubled: total * 2 + later
              later: 1
            assert: doubled > 0
        """)
        let messages = r.diagnostics.map { "\(place($0.span!)): \($0.message)" }
        #expect(messages == [
            "rules.yaml:7:7-11 'self': `self` is already a rule variable",
            "rules.yaml:9:28-33 'later': unknown name `later`",
        ])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let r = load("""
        rules:
          - id: Bad_Id
            severity: fatal
            summary: s
            for: $.x
            assert: 1 +
          - id: fine-rule
            severity: info
            summary: s
            for: $
            assert: "true"
        """)
        #expect(r.diagnostics.map(\.code) == [
            "rule-file/invalid-value", "rule-file/invalid-value", "rule-file/invalid-path", "rule-file/expr-syntax",
        ])
        #expect(r.ruleSet.ids == ["fine-rule"])
        #expect(r.brokenRules == ["rules.yaml:2: Bad_Id"])
    }

    @Test func yamlErrorsInRuleFilesAreDiagnostics() throws {
        let r = load("rules:\n  - id: a\n    for: [\n")
        #expect(r.diagnostics.first?.code == "yaml-syntax")
        #expect(r.hasErrors)
        let empty = load("")
        #expect(empty.diagnostics.map(\.code) == ["rule-file/no-rules"])
        #expect(!empty.hasErrors)
    }

    @Test func symbols() throws {
        let r = load("""
        symbols:
          －: null
          ―: 0
          ＊: {between: [0, 1]}
          ▲: nonsense
        rules: []
        """)
        #expect(r.diagnostics.map(\.message) == ["the meaning of `▲` must be a number, `null`, `{above: low, below: high}` (or `min`/`max` for closed ends) or `{between: [low, high]}`"])
    }

    @Test func examplesAreRead() throws {
        let r = load(good + """

            examples:
              valid:
                - |
                  tables: []
              invalid:
                - yaml: |
                    tables: [{total: 1, rows: [2]}]  # expect: total-matches
                  messages: ["The total equals the sum of the rows."]
        """)
        #expect(r.diagnostics.isEmpty)
        let rule = try #require(r.ruleSet.rules.first)
        #expect(rule.examples.map(\.kind) == [.valid, .invalid])
        #expect(rule.examples.map(\.number) == [1, 1])
        #expect(rule.examples[0].yaml.text == "tables: []\n")
        #expect(rule.examples[1].expectedMessages.map(\.text) == ["The total equals the sum of the rows."])

        let typo = load(good + "\n    examples:\n      invalidd: []\n")
        #expect(typo.diagnostics.map(\.message) == ["unknown key `invalidd` in examples"])
        #expect(typo.diagnostics.first?.help == "did you mean `invalid`?")
        #expect(typo.ruleSet.isEmpty)
    }

    @Test func missingFolderAndEmptyFolder() throws {
        let r = RuleLoader.load(paths: ["/nonexistent/rules"])
        #expect(r.diagnostics.map(\.message) == ["no rule file or folder at /nonexistent/rules"])
        #expect(r.hasErrors)
    }

    /// Every way of loading rules reads files alike: with the input size limit, and an editor's
    /// buffer in place of the file on disk.
    @Test func filesAreReadWithTheSizeLimitOrFromBuffers() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("big.yaml").path
        try String(repeating: "# padding\n", count: 100).write(toFile: file, atomically: true, encoding: .utf8)
        var options = RuleLoadOptions.default
        options.yamlLimits.maxInputBytes = 100
        let big = RuleLoader.load(paths: [dir.path], options: options)
        #expect(big.diagnostics.map(\.code) == ["rule-file/unreadable"])
        #expect(big.diagnostics.first?.message.contains("over the limit of 100 bytes") == true, "\(big.diagnostics)")
        let buffered = RuleLoader.read(paths: [file], options: options, buffers: [file: Array("rules: []\n".utf8)])
        #expect(buffered.texts[file]?.fromBuffer == true && buffered.parsed.count == 1)
    }
}
