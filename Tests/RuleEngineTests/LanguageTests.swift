import Diagnostics
import Foundation
import RuleEngine
import SourceText
import Testing
import YAMLTree

/// Rules written in two languages: every text a rule shows may be given per language, the
/// run's language picks it, and a rule without that language speaks its other one. The
/// language is always passed explicitly (a test never sets `MessageText.language`).
@Suite struct LanguageTests {
    static let bilingual = """
    rules:
      - id: total-matches
        severity: error
        summary:
          ja: 合計は各行の和に等しい。
          en: The total equals the sum of the rows.
        description: {ja: 合計行の説明。, en: Why the total matters.}
        help:
          ja: 合計を足し直してください。
          en: Add the rows again.
        for: tables[* as t]
        let:
          added: sum(t.rows)
        assert: t.total == added
        message:
          ja: "{t.name}：各行の和は{added}ですが、合計は{t.total}です"
          en: "{t.name}: the rows add up to {added}, but the total says {t.total}"
        at: t.total
        labels:
          - each: t.rows
            as: row
            message: {ja: "行 {row}", en: "row {row}"}
        notes:
          - {ja: "注記 {t.name}", en: "note {t.name}"}
          - 両方の言語で同じ注記
        examples:
          valid:
            - "tables: [{name: 表, rows: [1, 2], total: 3}]"
          invalid:
            - yaml: |
                tables:
                  - name: 表
                    rows: [1, 2]
                    total: 4  # expect: total-matches
              messages:
                - ja: 表：各行の和は3ですが、合計は4です
                  en: "表: the rows add up to 3, but the total says 4"
    """

    static let plan = """
    tables:
      - name: 表
        rows: [1, 2]
        total: 4
    """

    func findings(_ rules: String, _ language: Language) throws -> [Diagnostic] {
        try run(rules, on: Self.plan, options: RunOptions(language: language)).diagnostics
    }

    @Test func theRunsLanguagePicksEveryText() throws {
        let ja = try #require(try findings(Self.bilingual, .ja).first)
        #expect(ja.message == "表：各行の和は3ですが、合計は4です")
        #expect(ja.help == "合計を足し直してください。")
        #expect(ja.labels.map(\.message) == ["行 1", "行 2"])
        #expect(ja.notes == ["注記 表", "両方の言語で同じ注記"])
        let en = try #require(try findings(Self.bilingual, .en).first)
        #expect(en.message == "表: the rows add up to 3, but the total says 4")
        #expect(en.help == "Add the rows again.")
        #expect(en.labels.map(\.message) == ["row 1", "row 2"])
        #expect(en.notes == ["note 表", "両方の言語で同じ注記"])

        let rule = try #require(ruleSet(Self.bilingual).rules.first)
        #expect(rule.languages == [.ja, .en])
        #expect(rule.summary(in: .ja) == "合計は各行の和に等しい。")
        #expect(rule.summary(in: .en) == "The total equals the sum of the rows.")
        #expect(rule.description(in: .ja) == "合計行の説明。")
        #expect(rule.description(in: .en) == "Why the total matters.")
    }

    @Test func aRuleWithoutTheRunsLanguageSpeaksItsOther() throws {
        let onlyJapanese = """
        rules:
          - id: total-matches
            severity: error
            summary: {ja: 合計は各行の和に等しい。}
            for: tables[*]
            assert: self.total == sum(self.rows)
            message: {ja: "{self.name}の合計が違います"}
        """
        let d = try #require(try findings(onlyJapanese, .en).first)
        #expect(d.message == "表の合計が違います")
        let rule = try #require(ruleSet(onlyJapanese).rules.first)
        #expect(rule.summary(in: .en) == "合計は各行の和に等しい。")
        #expect(rule.help(in: .en) == nil)

        // A plain string is every language's text, and the rule has no language of its own.
        let plain = try #require(ruleSet(LoadingTests().good).rules.first)
        #expect(plain.languages.isEmpty)
        #expect(plain.summary(in: .ja) == plain.summary(in: .en))
    }

    @Test func anUnknownLanguageIsAnErrorWithDidYouMean() throws {
        let r = load("""
        rules:
          - id: total-matches
            severity: error
            summary: {jp: 合計は各行の和に等しい。, en: The total equals the sum of the rows.}
            for: tables[*]
            assert: self.total == sum(self.rows)
        """)
        let d = try #require(r.diagnostics.first)
        #expect(d.code == "rule-file/unknown-key")
        #expect(d.message == "unknown key `jp` in summary given per language")
        #expect(d.help == "did you mean `ja`?")
        #expect(place(try #require(d.span)) == "rules.yaml:4:15-17 'jp'")
        #expect(r.ruleSet.isEmpty)
        #expect(r.hasErrors)

        // Only unknown languages: the rule does not load either.
        let none = load("""
        rules:
          - id: total-matches
            severity: error
            summary: s
            for: tables[*]
            assert: self.total == sum(self.rows)
            message: {fr: "le total", de: "die Summe"}
        """)
        #expect(none.diagnostics.map(\.code) == ["rule-file/unknown-key", "rule-file/unknown-key"])
        #expect(none.ruleSet.isEmpty)
    }

    @Test func anUnquotedTemplateIsStillReportedAsOne() throws {
        let r = load("""
        rules:
          - id: total-matches
            severity: error
            summary: s
            for: tables[*]
            assert: self.total == sum(self.rows)
            message: {self.total}
        """)
        let d = try #require(r.diagnostics.first)
        #expect(d.message == "`message` must be text, not a mapping")
        #expect(d.help == "a value that starts with `{` must be quoted in YAML: `message: \"{…} …\"`")
    }

    @Test func eachLanguagesTemplateIsCompiled() throws {
        let r = load("""
        rules:
          - id: total-matches
            severity: error
            summary: s
            for: tables[*]
            assert: self.total == sum(self.rows)
            message:
              ja: "{totl}が違います"
              en: "{self.total} is wrong"
        """)
        let d = try #require(r.diagnostics.first)
        #expect(d.message.contains("totl"))
        #expect(try #require(d.span).start.line == 8)
        #expect(r.ruleSet.isEmpty)
    }

    @Test func planlintTestChecksEveryLanguage() throws {
        #expect(RuleTester.run(load(Self.bilingual, path: "Rules/x.yaml")).failures.map(\.description) == [])

        // An English message that cannot be formed fails the test, although Japanese passes.
        let broken = Self.bilingual.replacingOccurrences(of: "the rows add up to {added}", with: "the rows add up to {added / 0}")
        #expect(broken != Self.bilingual)
        let failures = RuleTester.run(load(broken, path: "Rules/x.yaml")).failures.map(\.description)
        #expect(failures.contains { $0.hasPrefix("Rules/x.yaml:32: invalid example 1 of total-matches: in en: unexpected rule-evaluation-failed on example line 2: rule `total-matches` could not be evaluated: division by zero") })
        #expect(failures.contains { $0.contains("expected the message (en) \"表: the rows add up to 3, but the total says 4\"") })

        // A wrong message expected in one language.
        let wrong = Self.bilingual.replacingOccurrences(of: "en: \"表: the rows add up to 3", with: "en: \"表: the rows add up to 5")
        #expect(RuleTester.run(load(wrong, path: "Rules/x.yaml")).failures.map(\.description) == [
            "Rules/x.yaml:37: invalid example 1 of total-matches: expected the message (en) \"表: the rows add up to 5, but the total says 4\", "
                + "got \"表: the rows add up to 3, but the total says 4\"",
        ])

        // A plain expected message may be the message of any language the rule speaks.
        let plain = Self.bilingual.replacingOccurrences(of: "- ja: 表：各行", with: "- 表：各行")
            .replacingOccurrences(of: "  en: \"表: the rows add up to 3", with: "- \"表: the rows add up to 3")
        #expect(plain != Self.bilingual)
        #expect(RuleTester.run(load(plain, path: "Rules/x.yaml")).failures.map(\.description) == [])
    }

    @Test func eachLanguageSaysWhichNodesTheFindingIsAbout() throws {
        // The Japanese label leaves out which row it labels.
        let hiding = Self.bilingual.replacingOccurrences(of: "message: {ja: \"行 {row}\", en: \"row {row}\"}",
                                                         with: "message: {ja: \"行\", en: \"row {row}\"}")
        #expect(hiding != Self.bilingual)
        let report = RuleTester.run(load(hiding, path: "Rules/x.yaml"))
        #expect(report.failures.map(\.description) == [
            "Rules/x.yaml:22: label 1 message of total-matches: its en text shows `row` of the path's nodes, its ja text none of them; each language must say which nodes the finding is about",
        ])
        #expect(report.exitCode == 1)

        // Wording may differ: the Japanese computes in the template what the English reads from a let.
        let reworded = Self.bilingual.replacingOccurrences(of: "各行の和は{added}ですが", with: "各行の和は{sum(t.rows)}ですが")
        #expect(reworded != Self.bilingual)
        #expect(RuleTester.run(load(reworded, path: "Rules/x.yaml")).failures.map(\.description) == [])
    }

    @Test func notesGivenPerLanguageAsLists() throws {
        let rules = """
        rules:
          - id: total-matches
            severity: error
            summary: s
            for: tables[*]
            assert: self.total == sum(self.rows)
            notes:
              ja: ["一つ目", "二つ目 {self.name}"]
              en: "only one"
        """
        #expect(try #require(try findings(rules, .ja).first).notes == ["一つ目", "二つ目 表"])
        #expect(try #require(try findings(rules, .en).first).notes == ["only one"])
    }
}
