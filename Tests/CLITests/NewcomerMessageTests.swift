import Foundation
import Testing

/// The messages a new rule author found wrong or unhelpful (issue 18), each as the author
/// meets it: through the command line.
@Suite struct NewcomerMessageTests {
    static let document = """
    format: test
    fields:
      - name: a
        items: [1, 2]
      - name: b
        items: []

    """

    func rule(_ id: String, _ body: String) -> String {
        "rules:\n  - id: \(id)\n    severity: warning\n    summary: s\n    for: fields[*]\n" + body
    }

    @Test func aPropertyThatIsAFunctionSaysHowToCallIt() throws {
        let box = try Sandbox()
        try box.write("doc.yaml", Self.document)
        let r = try box.planlint("eval", "root.fields.size", "doc.yaml")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.stderr.contains("`size` is a function: write `size(root.fields)`"), "\(r.both)")
        #expect(!r.stderr.contains(".map(x, x.size)"), "\(r.both)")
        // The same at load time, where the type is known.
        try box.write("r.yaml", rule("sz", "    assert: self.name.size > 0\n    message: m\n"))
        let c = try box.planlint("check", "--rules", "r.yaml", "doc.yaml")
        #expect(c.status == 2 && c.stdout.contains("`size` is a function: write `size(self.name)`"), "\(c.both)")
    }

    @Test func testWithoutArgumentsAndWithBrokenFiles() throws {
        let box = try Sandbox()
        let none = try box.planlint("test")
        #expect(none.status == 2, "\(none.both)")
        #expect(!none.stderr.contains("--rules"), "`test` takes paths, not --rules: \(none.both)")
        #expect(none.stderr.contains("planlint test RULE-FILE-OR-FOLDER"), "\(none.both)")
        try box.write("bad.yaml", "rules:\n  - id: x\n")
        try box.write("worse.yaml", "rules: [\n")
        let broken = try box.planlint("test", "bad.yaml", "worse.yaml")
        #expect(broken.status == 2, "\(broken.both)")
        #expect(broken.stdout.contains("0 passed, 0 failed; 2 rule files have errors: no rule was tested"), "\(broken.both)")
    }

    @Test func explainHelpNamesARealRuleAndUnknownIdsSayWhy() throws {
        let box = try Sandbox()
        let help = try box.planlint("help", "explain")
        let example = try #require(help.stdout.split(separator: "\n").first { $0.contains("--rules Rules/") })
        let id = try #require(example.split(separator: " ").dropFirst(2).first.map(String.init))
        let rulesDir = PlanLintProcess.repositoryRoot.appendingPathComponent("Rules").path
        let real = try box.planlint("explain", id, "--rules", rulesDir)
        #expect(real.status == 0, "the help's example `\(id)` must be a rule of Rules/: \(real.both)")
        let bare = try box.planlint("explain", id)
        #expect(bare.status == 2, "\(bare.both)")
        #expect(bare.stderr.contains("no rule pack is loaded") && bare.stderr.contains("planlint explain \(id) --rules PATH"), "\(bare.both)")
        let ruleFile = try box.planlint("explain", "rule-file/missing-key")
        #expect(ruleFile.status == 0 && ruleFile.stdout.contains("[rule-file/missing-key]"), "\(ruleFile.both)")
    }

    @Test func explainKeepsListItemsAndJapaneseText() throws {
        let box = try Sandbox()
        try box.write("r.yaml", """
        rules:
          - id: jp
            severity: warning
            summary: s
            for: fields[*]
            assert: "true"
            message: m
            description: |
              合計は各内訳の積算額と必ずしも
              一致しない。Rounded amounts
              need not add up.

              - the first item
                goes on here;
              - the second item.

        """)
        let r = try box.planlint("explain", "jp", "--rules", "r.yaml")
        #expect(r.status == 0, "\(r.both)")
        #expect(r.stdout.contains("必ずしも一致しない。Rounded amounts need not add up."), "\(r.stdout)")
        #expect(r.stdout.contains("\n  - the first item goes on here;\n  - the second item.\n\nHow to fix\n"), "\(r.stdout)")
        // Japanese text without spaces wraps between characters, within 80 columns.
        try box.write("long.yaml", """
        rules:
          - id: long
            severity: warning
            summary: s
            for: fields[*]
            assert: "true"
            message: m
            description: \(String(repeating: "端数処理により各内訳の積算額と合計額は一致しない。", count: 6))

        """)
        let long = try box.planlint("explain", "long", "--rules", "long.yaml")
        let body = long.stdout.split(separator: "\n").filter { $0.contains("端数") }
        #expect(body.count >= 3, "\(long.stdout)")
        for line in body { #expect(line.unicodeScalars.count <= 41, "wider than 80 columns: \(line)") }
        #expect(!long.stdout.contains("端数 処理") && !body.contains { $0.hasPrefix("  。") }, "\(long.stdout)")
    }

    @Test func unquotedBangAndStrayHashAreCaught() throws {
        let box = try Sandbox()
        try box.write("doc.yaml", Self.document)
        try box.write("tag.yaml", rule("tag", "    assert: !has(self.x)\n    message: m\n"))
        let tag = try box.planlint("check", "--rules", "tag.yaml", "doc.yaml")
        #expect(tag.status == 2, "\(tag.both)")
        #expect(tag.stdout.contains("YAML reads `!has(self.x)` at the start of `assert` as a tag"), "\(tag.both)")
        #expect(tag.stdout.contains("quote the value: `assert: \"!has(self.x)\"`"), "\(tag.both)")
        #expect(!tag.stdout.contains("is empty"), "\(tag.both)")
        try box.write("hash.yaml", rule("hash", "    assert: size(self.items) > 0 #b\n    message: m\n"))
        let hash = try box.planlint("check", "--rules", "hash.yaml", "doc.yaml")
        #expect(hash.stdout.contains("YAML ends `assert` at ` #`: the rest of the line, `#b`, is a comment"), "\(hash.both)")
        #expect(hash.stdout.contains("hash.yaml:6:34"), "\(hash.both)")
        // A real comment (`# ` with a space) is not flagged.
        try box.write("comment.yaml", rule("comment", "    assert: size(self.items) >= 0 # every field\n    message: m\n"))
        let comment = try box.planlint("check", "--rules", "comment.yaml", "doc.yaml")
        #expect(comment.status == 0 && !comment.stdout.contains("YAML ends"), "\(comment.both)")
    }

    @Test func unknownNamesSayWhyTheyAreNotVisible() throws {
        let box = try Sandbox()
        try box.write("doc.yaml", Self.document)
        try box.write("let.yaml", rule("later", "    let:\n      a: b + 1\n      b: 2\n    assert: a > 0\n    message: m\n"))
        let later = try box.planlint("check", "--rules", "let.yaml", "doc.yaml")
        #expect(later.stdout.contains("unknown name `b`") && later.stdout.contains("`b` is a let declared further down"), "\(later.both)")
        try box.write("cap.yaml", """
        rules:
          - id: cap
            severity: warning
            summary: s
            for: fields[?(t.name == 'a') as t]
            assert: "true"
            message: m

        """)
        let capture = try box.planlint("check", "--rules", "cap.yaml", "doc.yaml")
        #expect(capture.stdout.contains("unknown name `t`") && capture.stdout.contains("a filter cannot see the names the path binds"), "\(capture.both)")
        // A plain typo still gets its did-you-mean.
        try box.write("typo.yaml", rule("typo", "    assert: slef.name != ''\n    message: m\n"))
        let typo = try box.planlint("check", "--rules", "typo.yaml", "doc.yaml")
        #expect(typo.stdout.contains("did you mean `self`?"), "\(typo.both)")
    }

    @Test func numbersInMessagesAreShort() throws {
        let box = try Sandbox()
        try box.write("doc.yaml", Self.document)
        try box.write("r.yaml", rule("ratio", "    assert: \"false\"\n    message: \"share {6525 / 7199 * 100}, quarter {1 / 4}\"\n"))
        let r = try box.planlint("check", "--rules", "r.yaml", "doc.yaml")
        #expect(r.stdout.contains("share ≈90.6376, quarter 0.25"), "\(r.both)")
        #expect(!r.stdout.contains("90.637588553965828587"), "\(r.both)")
    }

    @Test func evalTakesAnExpressionStartingWithMinus() throws {
        let box = try Sandbox()
        try box.write("doc.yaml", Self.document)
        let r = try box.planlint("eval", "-7 % 3", "doc.yaml")
        #expect(r.status == 0 && r.stdout == "-1\n", "\(r.both)")
        let dashed = try box.planlint("eval", "--", "-7 + 1", "doc.yaml")
        #expect(dashed.status == 0 && dashed.stdout == "-6\n", "\(dashed.both)")
        let at = try box.planlint("eval", "--at", "fields[*]", "-size(self.items)", "doc.yaml")
        #expect(at.status == 0 && at.stdout.contains("-2"), "\(at.both)")
        let unknownOption = try box.planlint("eval", "--nope", "doc.yaml")
        #expect(unknownOption.status == 2, "an unknown option is still an option: \(unknownOption.both)")
        // `--at` with a misspelt key says so as a rule's `for` does.
        let typo = try box.planlint("eval", "--at", "fields[*].nmae", "self", "doc.yaml")
        #expect(typo.stderr.contains("the --at path matched nothing") && typo.stderr.contains("did you mean `name`?"), "\(typo.both)")
    }

    @Test func hasOnAStringAndUnknownFunctions() throws {
        let box = try Sandbox()
        try box.write("doc.yaml", Self.document)
        let has = try box.planlint("eval", "--at", "fields[*].name", "has(self.unit)", "doc.yaml")
        #expect(has.status == 0, "\(has.both)")
        #expect(has.stdout.contains("false") && !has.stdout.contains("true"), "\(has.both)")
        let fn = try box.planlint("eval", "flor(2.5)", "doc.yaml")
        #expect(fn.status == 2 && fn.stderr.contains("unknown function `flor`") && fn.stderr.contains("did you mean `floor`?"), "\(fn.both)")
        // Spreadsheet names lead to the function that rounds the same way (Excel's ROUNDDOWN
        // rounds toward zero).
        let excel = try box.planlint("eval", "ROUNDDOWN(2.5, 0)", "doc.yaml")
        #expect(excel.stderr.contains("did you mean `trunc`?"), "\(excel.both)")
    }
}
