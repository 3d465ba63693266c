import Diagnostics
import RuleEngine
import SourceText
import Testing

/// A rule's `fix:`: the fix its findings carry, how it is written, its errors, and `fixed:`.
@Suite struct RuleFixTests {
    static let rule = """
    rules:
      - id: mark-symbol
        severity: error
        summary: s
        for: items[*].mark
        let:
          like: "get({'〇': '○', 'ー': '－'}, string(self), '')"
        assert: string(self) in ['○', '－', '◎']
        fix:
          replace: "like != '' ? like : null"
          title: "write {like}"
          safe: true
        examples:
          valid:
            - "items: [{mark: ○}]"
          invalid:
            - yaml: |
                items: [{mark: 〇}, {mark: "ー"}, {mark: ◎◎}]  # expect: mark-symbol, mark-symbol, mark-symbol
              fixed: |
                items: [{mark: ○}, {mark: "－"}, {mark: ◎◎}]  # expect: mark-symbol, mark-symbol, mark-symbol

    """

    @Test func findingsCarryTheFixInTheScalarsStyle() throws {
        let result = try run(Self.rule, on: "items: [{mark: 〇}, {mark: 'ー'}, {mark: ◎◎}]\n")
        let fixes = result.diagnostics.map { $0.fixes.map { f in "\(f.title)|\(f.isSafe)|" + f.edits.map { "\($0.span.range)=\($0.replacement)" }.joined() } }
        // 〇 is bytes 15..<18; 'ー' (quoted) 28..<33; ◎◎ has no look-alike: no fix.
        #expect(fixes == [["write ○|true|15..<18=○"], ["write －|true|28..<33='－'"], []])
    }

    @Test func fixedExamplesAreChecked() {
        #expect(RuleTester.run(load(Self.rule)).failures.isEmpty)
        let wrong = Self.rule.replacingOccurrences(of: "{mark: \"－\"}, {mark: ◎◎}]", with: "{mark: \"-\"}, {mark: ◎◎}]")
        let failures = RuleTester.run(load(wrong, path: "r.yaml")).failures.map(\.description)
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("r.yaml:19: invalid example 1 of mark-symbol: after the rule's fixes the example reads\nitems: [{mark: ○}, {mark: \"－\"}") == true, "\(failures)")
        let noFix = Self.rule.replacingOccurrences(of: "    fix:\n      replace: \"like != '' ? like : null\"\n      title: \"write {like}\"\n      safe: true\n", with: "")
        #expect(RuleTester.run(load(noFix, path: "r.yaml")).failures.map(\.description)
                == ["r.yaml:15: invalid example 1 of mark-symbol: the example declares `fixed:`, but the rule has no `fix:`"])
    }

    @Test func aBrokenFixKeepsTheRuleFromLoading() {
        func errors(_ fix: String) -> [String] {
            let text = Self.rule.replacingOccurrences(of: "    fix:\n      replace: \"like != '' ? like : null\"\n      title: \"write {like}\"\n      safe: true\n", with: fix)
            let r = load(text, path: "r.yaml")
            #expect(r.brokenRules.count == 1, "\(fix)")
            return r.diagnostics.map { "\($0.code): \($0.message)" }
        }
        #expect(errors("    fix: ○\n").contains("rule-file/invalid-value: `fix` is a mapping with `replace` (and `at`, `title`, `safe`)"))
        #expect(errors("    fix: {title: t}\n").contains("rule-file/missing-key: a fix needs `replace`: the new value of the node `at` names"))
        #expect(errors("    fix: {replace: like, safe: yes}\n").contains("rule-file/invalid-value: `safe` is true or false"))
        #expect(errors("    fix: {replace: like, sfe: true}\n").contains { $0.hasPrefix("rule-file/unknown-key") && $0.contains("sfe") })
        #expect(errors("    fix: {replace: 'lik +'}\n").contains { $0.hasPrefix("rule-file/") })
    }
}
