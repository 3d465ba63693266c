import Foundation
import Testing

/// `planlint report` and `check --report html=FILE`.
@Suite struct ReportCommandTests {
    static let table = """
    format: planlint/plan@2
    plan: {title: 小さな計画, period: {start: 2020, end: 2021}}
    tables:
      - name: 予算
        unit: 千円
        groups: [2020, 2021]
        columns: [予算額, 決算額]
        rows:
          - [総務, 10, 9, 12, 11]
    """

    @Test func reportWritesOnePageAndExitsAsCheckDoes() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.duplicate)
        try box.write("b.yaml", ReportCommandTests.table)
        let r = try box.planlint("report", "--output", "report.html", "a.yaml", "b.yaml")
        #expect(r.status == 1, "a duplicate key is an error: \(r.both)")
        #expect(r.stdout.isEmpty && r.stderr.contains("wrote report.html: 1 error in 2 files"), "\(r.both)")
        let page = try box.read("report.html")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(page.contains("data-code=\"duplicate-key\" data-severity=\"error\" data-path=\"a.yaml\" data-line=\"2\" data-column=\"1\""))
        #expect(page.contains("<figure id=\"p2-table-1\" class=\"figure\" data-kind=\"table\">"), "the plan@2 file's table is charted")
        #expect(page.contains("<span class=\"badge sev-error\">error</span>"), "a finding's severity badge")

        // In Japanese, the badges say エラー; the class and data attributes stay the same.
        let ja = try box.planlint("report", "--lang", "ja", "a.yaml")
        #expect(ja.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"ja\">"), "\(ja.stderr)")
        #expect(ja.stdout.contains("<span class=\"badge sev-error\">エラー</span>") && !ja.stdout.contains("\">error</span>"), "\(ja.stdout)")
        #expect(ja.stdout.contains("data-severity=\"error\""))
        let left = try box.contents().filter { $0 != ".git" }
        #expect(left == ["a.yaml", "b.yaml", "report.html"], "no temporary file left behind: \(left)")

        // The same run through `check --report html=FILE` gives the same page.
        let c = try box.planlint("check", "--report", "html=check.html", "a.yaml", "b.yaml")
        #expect(c.status == 1 && c.stdout.contains("error[duplicate-key]"), "the terminal still gets the human form: \(c.both)")
        #expect(try box.read("check.html") == page)

        // Without --output, standard output.
        let s = try box.planlint("report", "b.yaml")
        let again = try box.planlint("report", "b.yaml")
        #expect(s.status == 0 && s.stdout == again.stdout && s.stdout.hasPrefix("<!DOCTYPE html>"), "the same page each time: \(s.both)")
        #expect(s.stdout.contains("CI would pass (exit status 0)"))
    }

    @Test func badRequestsAreUsageErrors() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.clean)
        let bad = try box.planlint("check", "--report", "htm=x.html", "a.yaml")
        #expect(bad.status == 2 && bad.stderr.contains("junit, html"), "\(bad.both)")
        let stdin = try box.planlint("report", "-", stdin: "a: 1\n")
        #expect(stdin.status == 2 && stdin.stderr.contains("reads files, not standard input"), "\(stdin.both)")
        let missing = try box.planlint("report", "--output", "no/such/folder/r.html", "a.yaml")
        #expect(missing.status == 2 && missing.stderr.contains("cannot write no/such/folder/r.html"), "\(missing.both)")
    }

    /// A plan@1 file is charted through the migration in memory; one the rewrite refuses (flow
    /// style) says why on the page, and neither crashes the report or writes anything else.
    @Test func aPlanOneFileIsChartedThroughTheMigrationOrSaysWhyNot() throws {
        let box = try Sandbox()
        try box.write("block.yaml", "format: planlint/plan@1\nplan: {title: 旧様式の計画}\n")
        try box.write("flow.yaml", "{format: planlint/plan@1, fields: []}\n")
        let r = try box.planlint("report", "--no-config", "--output", "report.html", "block.yaml", "flow.yaml")
        #expect(r.status == 1, "the built-in plan@1 schema finds these plans incomplete: \(r.both)")
        let page = try box.read("report.html")
        #expect(page.contains("<p class=\"migrated\">block.yaml is written in planlint/plan@1: its charts read it as `planlint migrate` would rewrite it, in memory"))
        #expect(page.contains("<p class=\"omission\">flow.yaml is written in planlint/plan@1 and could not be read as plan@2 in memory: the document is written in flow style; only block style is rewritten.</p>"))
        #expect(try box.read("block.yaml") == "format: planlint/plan@1\nplan: {title: 旧様式の計画}\n", "the file is not touched")
    }
}
