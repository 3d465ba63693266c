import Foundation
import Testing

/// The rule-author tools in the run's language: `planlint test`'s failures and summary,
/// `planlint rules`' columns and `--check-docs`' lines, `planlint migrate`'s refusals. The
/// English is as it always was.
@Suite struct RuleToolLanguageTests {
    static let rule = """
    rules:
      - id: has-name
        severity: error
        summary: Every item has a name.
        for: items[*]
        assert: has(self.name)
        message: no name
        examples:
          invalid:
            - yaml: |
                items:
                  - name: a # expect: has-name
                  - other: b

    """

    @Test func testFailuresAndSummary() throws {
        let box = try Sandbox()
        try box.write("r.yaml", Self.rule)
        let en = try box.planlint("test", "--lang", "en", "r.yaml")
        #expect(en.status == 1, "\(en.both)")
        #expect(en.stdout.contains("r.yaml:2: examples of has-name: the rule has no valid example; add one under `examples: {valid: [...]}`"), "\(en.both)")
        #expect(en.stdout.contains("r.yaml:12: invalid example 1 of has-name: expected has-name on example line 2, got it on example line 3 instead: no name"), "\(en.both)")
        #expect(en.stdout.hasSuffix("0 passed, 2 failed\n"), "\(en.both)")
        let ja = try box.planlint("test", "--lang", "ja", "r.yaml")
        #expect(ja.status == 1, "\(ja.both)")
        #expect(ja.stdout.contains("r.yaml:2: has-name の例: ルールに `valid` の例がありません。`examples: {valid: [...]}` の下に加えてください"), "\(ja.both)")
        #expect(ja.stdout.contains("r.yaml:12: has-name の誤りの例 1: 例の2行目に has-name を期待しましたが、例の3行目に報告されました: no name"), "\(ja.both)")
        #expect(ja.stdout.hasSuffix("成功 0 件、失敗 2 件\n"), "\(ja.both)")
        // Broken rule files: the summary says so in both languages.
        try box.write("bad.yaml", "rules:\n  - id: x\n")
        let broken = try box.planlint("test", "--lang", "ja", "bad.yaml")
        #expect(broken.status == 2, "\(broken.both)")
        #expect(broken.stdout.contains("成功 0 件、失敗 0 件。1 個のルールファイルにエラーがあります。テストしたルールはありません"), "\(broken.both)")
    }

    @Test func rulesColumnsAndCheckDocs() throws {
        let box = try Sandbox()
        try box.write("r.yaml", Self.rule)
        let en = try box.planlint("rules", "--lang", "en", "--rules", "r.yaml")
        #expect(en.stdout == "ID        SEVERITY  SOURCE    SUMMARY\nhas-name  error     r.yaml:2  Every item has a name.\n", "\(en.both)")
        // Columns aligned by display width: 重大度 is six columns wide.
        let ja = try box.planlint("rules", "--lang", "ja", "--rules", "r.yaml")
        #expect(ja.stdout == "ID        重大度  場所      概要\nhas-name  error   r.yaml:2  Every item has a name.\n", "\(ja.both)")
        let docs = try box.planlint("rules", "--lang", "ja", "--check-docs", "docs", "--rules", "r.yaml")
        #expect(docs.status != 0, "\(docs.both)")
        #expect(docs.both.contains("docs/has-name.md: ありません: まだ書き出されていません"), "\(docs.both)")
        let docsEnglish = try box.planlint("rules", "--lang", "en", "--check-docs", "docs", "--rules", "r.yaml")
        #expect(docsEnglish.both.contains("docs/has-name.md: missing: not written yet"), "\(docsEnglish.both)")
    }

    @Test func migrateRefusesInTheRunsLanguage() throws {
        let box = try Sandbox()
        try box.write("p.yaml", "{format: planlint/plan@1, name: x}\n")
        let ja = try box.planlint("migrate", "--lang", "ja", "p.yaml")
        #expect(ja.status == 2, "\(ja.both)")
        #expect(ja.stderr == "planlint: p.yaml: 文書がフロースタイルで書かれています。書き換えるのはブロックスタイルだけです\n", "\(ja.both)")
        let en = try box.planlint("migrate", "--lang", "en", "p.yaml")
        #expect(en.stderr == "planlint: p.yaml: the document is written in flow style; only block style is rewritten\n", "\(en.both)")
    }
}
