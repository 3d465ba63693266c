import Foundation
import RuleEngine
import Testing

/// The generated rule pages (`planlint rules --write-docs` / `--check-docs`).
@Suite struct RuleDocsTests {
    /// CI's guard: Docs/rules holds exactly the pages the bundled rules generate. When this
    /// fails, run `planlint rules --write-docs Docs/rules` and commit the pages.
    @Test func theBundledRulePagesAreCurrent() throws {
        let loaded = RuleLoader.load(paths: [repoRoot.appendingPathComponent("Rules").path])
        #expect(!loaded.hasErrors)
        let dir = repoRoot.appendingPathComponent("Docs/rules").path
        let pages = RuleDocs.pages(for: loaded.ruleSet.rules, directory: dir)
        let difference = RuleDocs.check(pages, in: dir)
        #expect(difference.isEmpty, "run `planlint rules --write-docs Docs/rules`:\n\(difference.lines(directory: "Docs/rules").joined(separator: "\n"))")
        #expect(pages.count == loaded.ruleSet.count + 1)
    }

    static let rules = """
    # Sums.
    # Second line of the header.
    rules:
      - id: row-total
        severity: error
        summary: A row's cells add up to its total | exactly.
        description: |
          Rows **add up**.
        help: Fix the total.
        tags: [sums]
        for: rows[*]
        assert: sum(self.cells.map(c, exact(c))) == self.total
        at: self.total
        message: "total {self.total}, cells add up to {sum(self.cells.map(c, exact(c)))}"
        examples:
          valid:
            - |
              rows: [{cells: [1, 2], total: 3}]
          invalid:
            - |
              rows:
                - cells: [1, 2]
                  total: 4  # expect: row-total
    """

    /// A scratch folder `…/repo` with `Rules/sums.yaml`; the docs go to `…/repo/Docs/rules`.
    func scratch() throws -> (root: URL, ruleFile: String, docs: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-docs-\(UUID().uuidString)/repo")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Rules"), withIntermediateDirectories: true)
        let ruleFile = root.appendingPathComponent("Rules/sums.yaml").path
        try Data(Self.rules.utf8).write(to: URL(fileURLWithPath: ruleFile))
        return (root, ruleFile, root.appendingPathComponent("Docs/rules").path)
    }

    @Test func aPageHasEveryPartOfTheRuleAndWhatItsExamplesReport() throws {
        let (root, ruleFile, docs) = try scratch()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let loaded = RuleLoader.load(paths: [ruleFile])
        #expect(!loaded.hasErrors)
        let pages = RuleDocs.pages(for: loaded.ruleSet.rules, directory: docs)
        #expect(pages.map(\.name) == ["README.md", "row-total.md"])
        let page = pages[1].text
        #expect(page.hasPrefix(RuleDocs.marker + "\n\n# row-total\n\nA row's cells add up to its total | exactly.\n"))
        #expect(page.contains("| severity | error |\n| tags | sums |\n| checks | `rows[*]` |\n"))
        // The source link is relative to the docs folder; the shown path to the common folder.
        #expect(page.contains("| source | [Rules/sums.yaml:4](../../Rules/sums.yaml#L4) |\n"))
        #expect(page.contains("## Why\n\nRows **add up**.\n"))
        #expect(page.contains("## How to fix\n\nFix the total.\n"))
        #expect(page.contains("### Valid\n\nNothing is reported:\n\n```yaml\nrows: [{cells: [1, 2], total: 3}]\n```\n"))
        #expect(page.contains("```yaml\nrows:\n  - cells: [1, 2]\n    total: 4  # expect: row-total\n```\n"))
        #expect(page.contains("reports:\n\n```text\n3:12: error: total 4, cells add up to 3 [row-total]\n```\n"))
        let index = pages[0].text
        #expect(index.contains("## [Rules/sums.yaml](../../Rules/sums.yaml)\n\nSums.\nSecond line of the header.\n\n"))
        // A `|` in a summary cannot break the table.
        #expect(index.contains("| [row-total](row-total.md) | error | A row's cells add up to its total \\| exactly. |\n"))
    }

    @Test func pagesDoNotDependOnTheWorkingDirectoryOrHowPathsAreWritten() throws {
        let (root, ruleFile, docs) = try scratch()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let a = RuleDocs.pages(for: RuleLoader.load(paths: [ruleFile]).ruleSet.rules, directory: docs)
        let b = RuleDocs.pages(for: RuleLoader.load(paths: [root.path + "/./Rules/../Rules/sums.yaml"]).ruleSet.rules,
                               directory: docs + "/")
        #expect(a == b)
    }

    @Test func checkFindsStaleMissingAndExtraPagesAndWriteRepairsThem() throws {
        let (root, ruleFile, docs) = try scratch()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let pages = RuleDocs.pages(for: RuleLoader.load(paths: [ruleFile]).ruleSet.rules, directory: docs)

        #expect(RuleDocs.check(pages, in: docs) == RuleDocs.Difference(missing: ["README.md", "row-total.md"]))
        let first = try RuleDocs.write(pages, to: docs)
        #expect(first == RuleDocs.WriteResult(written: ["README.md", "row-total.md"]))
        #expect(RuleDocs.check(pages, in: docs).isEmpty)
        #expect(try RuleDocs.write(pages, to: docs) == RuleDocs.WriteResult())  // nothing changed, nothing touched

        // Edit a page, delete one, leave a page of a removed rule and a hand-written file.
        try Data("edited".utf8).write(to: URL(fileURLWithPath: docs + "/row-total.md"))
        try FileManager.default.removeItem(atPath: docs + "/README.md")
        try Data((RuleDocs.marker + "\n# old-rule\n").utf8).write(to: URL(fileURLWithPath: docs + "/old-rule.md"))
        try Data("notes by hand\n".utf8).write(to: URL(fileURLWithPath: docs + "/notes.md"))
        let difference = RuleDocs.check(pages, in: docs)
        #expect(difference == RuleDocs.Difference(stale: ["row-total.md"], missing: ["README.md"], extra: ["notes.md", "old-rule.md"]))
        #expect(difference.lines(directory: "Docs/rules") == [
            "Docs/rules/README.md: missing: not written yet",
            "Docs/rules/notes.md: extra: no rule generates this page",
            "Docs/rules/old-rule.md: extra: no rule generates this page",
            "Docs/rules/row-total.md: stale: differs from what the rules generate",
        ])

        // Writing restores the pages and removes the generated leftover, not the hand-written file.
        let second = try RuleDocs.write(pages, to: docs)
        #expect(second == RuleDocs.WriteResult(written: ["README.md", "row-total.md"], removed: ["old-rule.md"], kept: ["notes.md"]))
        #expect(RuleDocs.check(pages, in: docs) == RuleDocs.Difference(extra: ["notes.md"]))
        #expect(FileManager.default.fileExists(atPath: docs + "/notes.md"))
    }

    @Test func theCommandChecksAndWritesPagesWithItsExitStatus() throws {
        let (root, ruleFile, docs) = try scratch()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let binary = planlintBinary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build planlint first (swift build)")
        func planlint(_ arguments: String...) throws -> (status: Int32, stdout: String, stderr: String) {
            let p = Process()
            p.executableURL = binary
            p.arguments = arguments
            p.currentDirectoryURL = root
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
        }
        let missing = try planlint("rules", "--check-docs", "Docs/rules")
        #expect(missing.status == 1)
        #expect(missing.stdout == "Docs/rules/README.md: missing: not written yet\nDocs/rules/row-total.md: missing: not written yet\n")
        #expect(missing.stderr == "the pages in Docs/rules are not current: run `planlint rules --write-docs Docs/rules`\n")

        let written = try planlint("rules", "--write-docs", "Docs/rules")
        #expect(written.status == 0)
        #expect(written.stdout == "2 pages in Docs/rules: 2 written, 0 removed, 0 unchanged\n")
        let current = try planlint("rules", "--check-docs", "Docs/rules")
        #expect(current.status == 0)
        #expect(current.stdout.isEmpty && current.stderr.isEmpty)
        // The pages are the ones the library generates for the same folder.
        let pages = RuleDocs.pages(for: RuleLoader.load(paths: [ruleFile]).ruleSet.rules, directory: docs)
        #expect(RuleDocs.check(pages, in: docs).isEmpty)

        // A rule file with an error: nothing is written, exit 2.
        try Data("rules:\n  - id: Bad Id\n".utf8).write(to: URL(fileURLWithPath: root.appendingPathComponent("Rules/bad.yaml").path))
        let broken = try planlint("rules", "--write-docs", "Docs/rules")
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("error: the rule files have errors; no pages were written"))
        // Usage errors exit 2, like every other usage error (Docs/cli.md).
        #expect(try planlint("rules", "--write-docs", "a", "--check-docs", "b").status == 2)
    }
}
