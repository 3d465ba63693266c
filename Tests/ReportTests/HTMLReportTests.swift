import DiagnosticRendering
import Diagnostics
import HTMLReport
import PlanFigures
import SourceText
import Testing
import YAMLTree

/// The byte range of the first occurrence of `needle` after `after` in `file`.
func range(of needle: String, in file: SourceFile, after: String? = nil) -> ByteRange {
    let bytes = file.bytes, n = Array(needle.utf8)
    var from = 0
    if let after {
        let a = Array(after.utf8)
        from = (0...(bytes.count - a.count)).first { Array(bytes[$0..<($0 + a.count)]) == a }! + a.count
    }
    let start = (from...(bytes.count - n.count)).first { Array(bytes[$0..<($0 + n.count)]) == n }!
    return ByteRange(start, start + n.count)
}

func page(_ plan: String, diagnostics: (SourceFile) -> [Diagnostic] = { _ in [] }, exitCode: Int = 0,
          language: Language = .en) throws -> String {
    let (file, root) = try readPlan(plan)
    let figures = FigureReader.read(root)
    let input = ReportInput(diagnostics: diagnostics(file), plans: [ReportPlan(path: file.path, figures: figures)],
                            checkedFiles: [file.path], exitCode: exitCode, failOn: .error, rulePacks: ["Rules"],
                            language: language, context: RenderContext(toolVersion: "9.9.9"))
    return HTMLReportRenderer.render(input)
}

func count(_ needle: String, in text: String) -> Int {
    text.split(separator: needle, omittingEmptySubsequences: false).count - 1
}

@Suite struct HTMLReportTests {
    @Test func plainValuesFromAPlanAreTextEverywhere() throws {
        let hostileMessage = "total </script><script>alert('m')</script> and \"><img src=x onerror=alert('m')>"
        let html = try page("Tests/ReportTests/Fixtures/hostile.yaml") { file in
            let cell = range(of: "5", in: file, after: "rows:")
            return [Diagnostic(code: "<code onclick=alert(1)>", severity: .error, message: hostileMessage,
                               location: .span(SourceSpan(file: file, range: cell)), primaryLabel: "</pre><script>x</script>",
                               labels: [Label(span: SourceSpan(file: file, range: range(of: "publisher", in: file)), message: "\"><img onerror=1>")],
                               notes: ["<b>note</b>"], help: "<i>help</i>", docsURL: "javascript:alert(1)")]
        }
        // No element or attribute a plan value could have made.
        for raw in ["<script", "<img", "<svg onload", "<b>", "<i>", "<th onclick", "<level", "<code onclick", "<s>", "</title><script",
                    "javascript:", "onerror=alert(1)>\"", "\u{202E}"] {
            #expect(!html.contains(raw), "the page contains \(raw.debugDescription) unescaped")
        }
        // They are shown as text instead: in HTML text, in SVG text and in attributes.
        #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("data-value=\"&quot;&gt;&lt;img onerror=alert(12)&gt;\""), "a symbol cell inside an SVG attribute")
        #expect(html.contains("<text class=\"row-label\" data-row=\"0\" x="), "row labels are drawn")
        #expect(html.contains("&lt;/text&gt;&lt;script&gt;alert(5)&lt;/script&gt;"), "a level name inside SVG and HTML text")
        #expect(html.contains("&lt;U+202E&gt;evil"), "a bidirectional control is shown, not obeyed")
        #expect(html.contains("total &lt;/script&gt;&lt;script&gt;alert(&#39;m&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;/pre&gt;&lt;script&gt;x&lt;/script&gt;"), "the primary label in the excerpt")
        // The page is one document: one <style>, no <script>, every <svg> closed.
        #expect(count("<style>", in: html) == 1 && count("</style>", in: html) == 1)
        #expect(count("<svg ", in: html) == count("</svg>", in: html))
        #expect(count("<figure ", in: html) == count("</figure>", in: html))
    }

    @Test func aFindingOnACellIsMarkedOnItsChartAndInItsTable() throws {
        let html = try page("Tests/ReportTests/Fixtures/other-shape.yaml", diagnostics: { file in
            [Diagnostic(code: "budget-sum", severity: .error, message: "the rows add up to 2000.5",
                        location: .span(SourceSpan(file: file, range: range(of: "2000.5", in: file, after: "[計, 3, "))),
                        docsURL: "https://example.org/rules/budget-sum")]
        }, exitCode: 1)
        #expect(html.contains("data-panel=\"0\" data-row=\"2\" data-series=\"0\" data-value=\"2000.5\" data-finding=\"finding-1\""))
        #expect(html.contains("<td class=\"num\" data-panel=\"0\" data-series=\"0\" data-finding=\"finding-1\"><span class=\"v\">2000.5</span><a class=\"finding-link\" href=\"#finding-1\""))
        #expect(count("data-finding=", in: html) == 2, "one bar and one table cell, nothing else")
        #expect(html.contains("<a class=\"finding-badge\" href=\"#finding-1\">"))
        #expect(html.contains("<p class=\"on-chart\">Marked on the chart: <a href=\"#p1-table-1\">事業費</a></p>"))
        let token = HTMLText.token("budget-sum")
        #expect(html.contains("<p class=\"docs\"><a href=\"#code-\(token)\">Documentation of budget-sum</a> · <a href=\"https://example.org/rules/budget-sum\">https://example.org/rules/budget-sum</a></p>"))
        #expect(html.contains("<section class=\"code-doc\" id=\"code-\(token)\"><h3><code>budget-sum</code></h3>"), "the code is explained on the page")
        #expect(html.contains("class=\"verdict fail\" data-exit=\"1\">CI would fail (exit status 1)"))
        // The excerpt is the human form's, with the cell itself highlighted.
        #expect(html.contains("<mark class=\"mark-error\">2000.5</mark>"))
    }

    @Test func aFindingOnARatioRowOrARowNameIsMarkedThere() throws {
        let (file, root) = try readPlan("Tests/ReportTests/Fixtures/other-shape.yaml")
        let name = SourceSpan(file: file, range: range(of: "交通", in: file, after: "rows:"))
        let input = ReportInput(
            diagnostics: [Diagnostic(code: "row-name", severity: .warning, message: "m", location: .span(name))],
            plans: [ReportPlan(path: file.path, figures: FigureReader.read(root))], checkedFiles: [file.path],
            exitCode: 0, failOn: .error, rulePacks: [], context: RenderContext())
        let html = HTMLReportRenderer.render(input)
        #expect(html.contains("<text class=\"row-label\" data-row=\"1\" data-finding=\"finding-1\""))
        #expect(html.contains("<th scope=\"row\" data-finding=\"finding-1\"><span class=\"v\">交通</span>"))
        #expect(html.contains("class=\"verdict pass\" data-exit=\"0\">CI would pass (exit status 0)"))
    }

    @Test func theSummaryCountsPerCodeAndNamesThePlanAndItsPeriod() throws {
        let html = try page("Plans/seiro-2021.yaml", diagnostics: { file in
            let a = SourceSpan(file: file, range: range(of: "151", in: file))
            return [Diagnostic(code: "a-code", severity: .warning, message: "one", location: .span(a)),
                    Diagnostic(code: "a-code", severity: .warning, message: "two", location: .span(a)),
                    Diagnostic(code: "b-code", severity: .error, message: "three", location: .path("x.yaml"))]
        }, exitCode: 1, language: .ja)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"ja\">"))
        #expect(html.contains("<title>planlint report: 令和3年度政策評価</title>"))
        #expect(html.contains("Period: FY2020–FY2020 (令和2年度実施事業)"))
        #expect(html.contains("<tr data-code=\"b-code\"><td><a href=\"#code-\(HTMLText.token("b-code"))\"><code>b-code</code></a></td><td><span class=\"badge sev-error\">error</span></td><td class=\"num\">1</td></tr>"))
        #expect(html.contains("<tr data-code=\"a-code\"><td><a href=\"#code-\(HTMLText.token("a-code"))\"><code>a-code</code></a></td><td><span class=\"badge sev-warning\">warning</span></td><td class=\"num\">2</td></tr>"))
        #expect(html.contains("1 error</span> · <span class=\"n sev-warning\">2 warnings</span> · <span class=\"n sev-info\">0 infos"))
        // The CSS-only filters: one box per severity and per code, and the rules that hide.
        #expect(html.contains("<input type=\"checkbox\" class=\"flt\" id=\"show-warning\" checked>"))
        #expect(html.contains("#show-warning:not(:checked) ~ .finding-list .finding.sev-warning { display: none; }"))
        let token = HTMLText.token("a-code")
        #expect(html.contains("#show-code-\(token):not(:checked) ~ .finding-list .finding.code-\(token) { display: none; }"))
        #expect(html.contains("class=\"finding sev-warning code-\(token)\""))
        // Nothing is loaded from anywhere: no src, no external href but links.
        #expect(!html.contains(" src=") && !html.contains("<link") && !html.contains("@import") && !html.contains("url(http"))
    }

    @Test func tokensAreSafeAndTellCodesApart() {
        #expect(HTMLText.token("schema/required") != HTMLText.token("schema-required"))
        for code in ["a b", "<x>", "日本語", "\"'"] {
            #expect(HTMLText.token(code).unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        }
    }

    /// A code's documentation keeps its `code` and **strong** forms, and nothing else of it
    /// becomes markup.
    @Test func codeDocumentationKeepsItsInlineFormsAndNothingElse() {
        #expect(HTMLText.prose("names its `total` row: **any** choice") == "names its <code>total</code> row: <strong>any</strong> choice")
        #expect(HTMLText.prose("**<script>**`\"><img onerror=1>`") == "<strong>&lt;script&gt;</strong><code>&quot;&gt;&lt;img onerror=1&gt;</code>")
        #expect(HTMLText.prose("3 * 4 and a lone ` and ** stay") == "3 * 4 and a lone ` and ** stay")
        #expect(HTMLText.prose("``") == "``", "an empty pair is not an element")
    }
}
