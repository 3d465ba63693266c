import Diagnostics
@testable import RuleEngine
import RuleLanguage
import SourceText
import Testing

/// A rule's templates of one scope compile each `{…}` part once (`MessageTemplate.Memo`):
/// the Japanese and the English message name mostly the same parts. What loading gives must
/// be what compiling every part of every text gives: the same messages, the same problems at
/// each text's own place.
@Suite struct TemplateMemoTests {
    static let rules = """
    rules:
      - id: total-matches
        severity: error
        summary: s
        for: tables[* as t]
        let:
          added: sum(t.rows)
        assert: t.total == added
        message:
          ja: "{t.name}：和は{added}、合計は{t.total}（{added}）"
          en: "{t.name}: the rows add up to {added}, the total says {t.total}"
        labels:
          - each: t.rows
            as: row
            message: {ja: "行 {row}", en: "row {row}"}
          - at: t.total
            message: {ja: "合計 {t.name}", en: "total {t.name}"}
        notes:
          - {ja: "注記 {t.name}", en: "note {t.name}"}
        fix:
          at: t.total
          replace: added
          title: {ja: "{added} にする", en: "make it {added}"}
    """

    func parts(_ template: Rule.Template) -> [CompiledExpression] { template.template.expressions }

    @Test func theLanguagesShareTheirParts() throws {
        let r = load(Self.rules)
        #expect(r.diagnostics.isEmpty, "\(r.diagnostics.map(\.message))")
        let rule = try #require(r.ruleSet.rules.first)
        let message = try #require(rule.message)
        let ja = parts(message.text(in: .ja)), en = parts(message.text(in: .en))
        #expect(ja.map(\.text) == ["t.name", "added", "t.total", "added"])
        #expect(en.map(\.text) == ["t.name", "added", "t.total"])
        // The English text takes the parts the Japanese one compiled.
        for (i, e) in en.enumerated() { #expect(e === ja[i], "\(e.text)") }
        // A part written twice in one text is compiled twice.
        #expect(ja[1] !== ja[3])
        // Notes and the fix's title are of the rule's scope too; each label has its own.
        let note = try #require(rule.notes.text(in: .en).first)
        #expect(parts(note)[0] === ja[0])
        let title = try #require(rule.fix?.title)
        #expect(parts(title.text(in: .ja))[0] === ja[1] && parts(title.text(in: .en))[0] === ja[1])
        let rowLabel = try #require(rule.labels.first?.message), totalLabel = try #require(rule.labels.last?.message)
        #expect(parts(rowLabel.text(in: .ja))[0] === parts(rowLabel.text(in: .en))[0])
        #expect(parts(totalLabel.text(in: .ja))[0] === parts(totalLabel.text(in: .en))[0])
        #expect(parts(totalLabel.text(in: .en))[0] !== ja[0], "a label's scope is its own")
    }

    @Test func aSharedPartRendersInEachLanguage() throws {
        let plan = "tables: [{name: 表, rows: [1, 2], total: 4}]"
        let ja = try #require(try run(Self.rules, on: plan, options: RunOptions(language: .ja)).diagnostics.first)
        #expect(ja.message == "表：和は3、合計は4（3）")
        #expect(ja.labels.map(\.message) == ["行 1", "行 2", "合計 表"])
        let en = try #require(try run(Self.rules, on: plan, options: RunOptions(language: .en)).diagnostics.first)
        #expect(en.message == "表: the rows add up to 3, the total says 4")
        #expect(en.labels.map(\.message) == ["row 1", "row 2", "total 表"])
        #expect(en.notes == ["note 表"])
    }

    /// A broken part shared by both texts is reported in each, at its own place, as when
    /// each text compiled it.
    @Test func aBrokenSharedPartIsReportedInEachText() throws {
        let r = load("""
        rules:
          - id: total-matches
            severity: error
            summary: s
            for: tables[*]
            assert: "true"
            message:
              ja: "総額 {slef.total}"
              en: "the total {slef.total} and {size(}"
        """)
        let unknown = r.diagnostics.filter { $0.code == "rule-file/unknown-identifier" }
        #expect(unknown.map { place($0.span!) } == ["rules.yaml:8:16-20 'slef'", "rules.yaml:9:23-27 'slef'"])
        #expect(unknown[0].message == unknown[1].message)
        // The English text's own problem is its own.
        #expect(r.diagnostics.map { "\($0.code) \(place($0.span!))" }.last == "rule-file/invalid-message rules.yaml:9:39-40 '{'")
        #expect(r.ruleSet.rules.isEmpty)
    }
}
