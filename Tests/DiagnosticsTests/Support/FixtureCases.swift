import Diagnostics
import SourceText
import YAMLTree

/// One golden case: a folder under Fixtures with its inputs, and the diagnostics a test
/// builds for them — YAML problems straight from `YAMLReader`, plus rule-like diagnostics
/// pointing at nodes found by key.
struct FixtureCase: Sendable, CustomStringConvertible {
    let name: String
    /// The files the run "checked" (the human summary counts them, JUnit lists them).
    let checkedFiles: [String]
    let build: @Sendable (FixtureLoader) throws -> [Diagnostic]

    var description: String { name }

    init(_ name: String, checked: [String], build: @escaping @Sendable (FixtureLoader) throws -> [Diagnostic]) {
        self.name = name
        self.checkedFiles = checked.map { name + "/" + $0 }
        self.build = build
    }

    func diagnostics() throws -> [Diagnostic] { try build(FixtureLoader(caseName: name)) }

    static let all: [FixtureCase] = [
        ascii, japanese, tabs, crlf, multiline, notesHelp, crossFile, eof, longLine, clean, many,
    ]

    /// Plain ASCII: a duplicate key from the reader and a sum rule with labels on three lines.
    static let ascii = FixtureCase("ascii", checked: ["input.yaml"]) { f in
        let (_, r, problems) = try f.parse("input.yaml")
        var sum = Diagnostic(
            code: "budget/sum", severity: .error, message: "budget rows add up to 115, but the total says 120",
            location: try f.node(r, "budget.total").location, primaryLabel: "total",
            labels: [
                Label(span: try f.node(r, "budget.rows.0.amount").span, message: "70"),
                Label(span: try f.node(r, "budget.rows.1.amount").span, message: "+ 45 = 115"),
            ],
            help: "correct the total or the rows")
        sum.notes = ["amounts are in million yen"]
        let unit = Diagnostic(
            code: "budget/unit", severity: .info, message: "the unit applies to every row",
            location: try f.node(r, "budget.unit").location)
        return problems + [sum, unit]
    }

    /// Japanese text: wide characters before ranges, several labels on one line, wide
    /// label text, and an emoji (two UTF-16 units) before a range for SARIF.
    static let japanese = FixtureCase("japanese", checked: ["input.yaml"]) { f in
        let (file, r, problems) = try f.parse("input.yaml")
        let tally = "自己評価.個別事業"
        let total = Diagnostic(
            code: "tally/total", severity: .error, message: "合計 is 103, but the marks add up to 102",
            location: try f.node(r, tally + ".合計").location, primaryLabel: "合計",
            labels: ["◎", "○", "△", "－"].map { mark in
                Label(span: try! f.node(r, tally + "." + mark).span, message: mark)
            },
            notes: ["15 + 80 + 5 + 0 + 2 = 102"])
        let era = Diagnostic(
            code: "fiscal-year/era", severity: .info, message: "fiscal year written with a Japanese era",
            location: try f.node(r, "期間.終了").location, primaryLabel: "= 2016年度 (FY2016)",
            help: "write the Western year (2016年度) so that periods compare")
        let lineStart = file.lineStart(7)
        let memo = Diagnostic(
            code: "memo/number", severity: .warning, message: "a number inside free text is not checked",
            location: .span(try file.span(of: "102", after: lineStart)), primaryLabel: "this 102 is text")
        return problems + [total, era, memo]
    }

    /// Tabs: before ranges, inside a range, and as indentation (a YAML syntax error).
    static let tabs = FixtureCase("tabs", checked: ["input.yaml", "indent.yaml"]) { f in
        let (file, r, problems) = try f.parse("input.yaml")
        let (_, _, indentProblems) = try f.parse("indent.yaml")
        return problems + indentProblems + [
            Diagnostic(code: "style/tab", severity: .warning, message: "tab between key and value",
                       location: try f.node(r, "plan").location, primaryLabel: "value after a tab"),
            Diagnostic(code: "style/comment", severity: .info, message: "comment after a tab",
                       location: .span(try file.span(of: "# tab before the comment")), primaryLabel: "comment"),
            Diagnostic(code: "style/tab", severity: .warning, message: "two tabs between key and value",
                       location: try f.node(r, "steps.1.id").location, primaryLabel: "value after two tabs"),
            Diagnostic(code: "style/tab-in-string", severity: .warning, message: "tab inside a quoted string",
                       location: .span(try file.span(of: "tab\there")), primaryLabel: "the tab is inside"),
        ]
    }

    /// CRLF line breaks: ranges next to `\r`, over trailing blanks, over the line break.
    static let crlf = FixtureCase("crlf", checked: ["input.yaml"]) { f in
        let (file, r, problems) = try f.parse("input.yaml")
        let total = try f.node(r, "budget.total").span
        let blanks = SourceSpan(file: file, range: ByteRange(total.range.end, total.range.end + 3))
        let lineBreak = try file.span(of: "\r\n")
        return problems + [
            Diagnostic(code: "style/trailing-space", severity: .warning, message: "trailing spaces",
                       location: .span(blanks), primaryLabel: "3 spaces",
                       fixes: [Fix(title: "remove the trailing spaces", edits: [TextEdit(span: blanks, replacement: "")], isSafe: true)]),
            Diagnostic(code: "style/line-break", severity: .info, message: "line breaks are CRLF",
                       location: .span(lineBreak), primaryLabel: "CR LF"),
            Diagnostic(code: "budget/unit", severity: .error, message: "unit `yen` is not allowed here",
                       location: try f.node(r, "budget.unit").location, primaryLabel: "expected `million-yen`"),
        ]
    }

    /// Ranges over several lines: starting mid-line, starting at the indentation (`/`),
    /// long enough to elide the middle, and with a single-line label inside.
    static let multiline = FixtureCase("multiline", checked: ["input.yaml"]) { f in
        let (_, r, problems) = try f.parse("input.yaml")
        return problems + [
            Diagnostic(code: "budget/sum", severity: .error, message: "budget rows add up to 115, but the total says 100",
                       location: try f.node(r, "budget.total").location, primaryLabel: "total",
                       labels: [Label(span: try f.node(r, "budget.rows").span, message: "these rows add up to 115")]),
            Diagnostic(code: "description/length", severity: .info, message: "description has 3 lines",
                       location: try f.node(r, "description").location, primaryLabel: "3 lines"),
            Diagnostic(code: "projects/status", severity: .warning, message: "not every project is done",
                       location: try f.node(r, "projects").location, primaryLabel: "4 projects",
                       labels: [Label(span: try f.node(r, "projects.2.status").span, message: "postponed")]),
        ]
    }

    /// Notes (one spanning two lines), help, docs URLs and fixes, safe and unsafe.
    static let notesHelp = FixtureCase("notes-help", checked: ["input.yaml"]) { f in
        let (_, r, problems) = try f.parse("input.yaml")
        let start = try f.node(r, "period.start").span
        let status = try f.node(r, "status").span
        return problems + [
            Diagnostic(code: "period/era", severity: .warning, message: "year `H26` is written with an era",
                       location: .span(start), primaryLabel: "Heisei 26",
                       notes: ["H26 is 平成26年度, fiscal year 2014", "eras restart at 1:\nH1 is 1989 and R1 is 2019"],
                       help: "write the Western year",
                       docsURL: "https://planlint.example/rules/period/era",
                       fixes: [Fix(title: "replace `H26` with `2014`", edits: [TextEdit(span: start, replacement: "2014")], isSafe: true)]),
            Diagnostic(code: "status/value", severity: .error, message: "unknown status `finshed`",
                       location: .span(status), primaryLabel: "not a status",
                       help: "did you mean `finished`?",
                       docsURL: "https://planlint.example/rules/status/value",
                       fixes: [Fix(title: "replace with `finished`", edits: [TextEdit(span: status, replacement: "finished")], isSafe: false)]),
        ]
    }

    /// A secondary label in another file (the rule that fired), and an error in that file.
    static let crossFile = FixtureCase("cross-file", checked: ["input.yaml"]) { f in
        let (_, input, problems) = try f.parse("input.yaml")
        let (_, rules, ruleProblems) = try f.parse("rules.yaml")
        return problems + ruleProblems + [
            Diagnostic(code: "budget-currency", severity: .error, message: "budgets are in million yen",
                       location: try f.node(input, "budget.currency").location, primaryLabel: "currency is JPY",
                       labels: [
                           Label(span: try f.node(input, "budget.total").span, message: "this amount"),
                           Label(span: try f.node(rules, "rules.0.when").span, message: "required by this condition"),
                       ]),
            Diagnostic(code: "rule-file/severity", severity: .error, message: "unknown severity `fatal`",
                       location: try f.node(rules, "rules.1.severity").location, primaryLabel: "not a severity",
                       help: "use `error`, `warning` or `info`"),
        ]
    }

    /// Ranges at the end of a file: a syntax error at the end of input, an empty range
    /// after a final line break, and one after the last character of a file without one.
    static let eof = FixtureCase("eof", checked: ["unclosed.yaml", "trailing.yaml", "nonewline.yaml"]) { f in
        let (_, _, unclosed) = try f.parse("unclosed.yaml")
        let (trailing, _, p2) = try f.parse("trailing.yaml")
        let (nonewline, _, p3) = try f.parse("nonewline.yaml")
        return unclosed + p2 + p3 + [
            Diagnostic(code: "plan/required", severity: .error, message: "missing required key `owner`",
                       location: .span(trailing.endSpan), primaryLabel: "expected `owner:` here"),
            Diagnostic(code: "style/final-newline", severity: .info, message: "no line break at the end of the file",
                       location: .span(nonewline.endSpan), primaryLabel: "add a line break",
                       fixes: [Fix(title: "add a line break", edits: [TextEdit(span: nonewline.endSpan, replacement: "\n")], isSafe: true)]),
        ]
    }

    /// Lines far wider than a terminal: ranges in the middle, at the start, at the end,
    /// wider than the window, and after wide characters.
    static let longLine = FixtureCase("long-line", checked: ["input.yaml"]) { f in
        let (file, r, problems) = try f.parse("input.yaml")
        return problems + [
            Diagnostic(code: "text/placeholder", severity: .warning, message: "placeholder `TBD` in the description",
                       location: .span(try file.span(of: "TBD")), primaryLabel: "fill in the amount"),
            Diagnostic(code: "text/verb", severity: .info, message: "the description starts with a verb",
                       location: .span(try file.span(of: "Promote")), primaryLabel: "verb"),
            Diagnostic(code: "text/ending", severity: .info, message: "the description ends with a full stop",
                       location: .span(try file.span(of: "publishes it.")), primaryLabel: "here"),
            Diagnostic(code: "text/length", severity: .warning, message: "the description is longer than 200 characters",
                       location: try f.node(r, "description").location, primaryLabel: "432 characters"),
            Diagnostic(code: "table/legend", severity: .warning, message: "＊ marks an amount under one million yen",
                       location: .span(try file.span(of: "＊百万円")), primaryLabel: "not a number"),
        ]
    }

    /// Nothing to report in two files.
    static let clean = FixtureCase("clean", checked: ["input.yaml", "other.yaml"]) { f in
        let (_, _, a) = try f.parse("input.yaml")
        let (_, _, b) = try f.parse("other.yaml")
        return a + b
    }

    /// Many findings in several files: every severity, suppressed ones (inline and from a
    /// baseline), baseline states, a file that could not be read, and messages with
    /// characters the formats must escape.
    static let many = FixtureCase("many", checked: ["input.yaml", "sites.yaml", "missing.yaml"]) { f in
        let (_, r, problems) = try f.parse("input.yaml")
        let (_, s, siteProblems) = try f.parse("sites.yaml")
        var overrun = Diagnostic(code: "projects/overspent", severity: .warning, message: "p5 spent 9, over its budget of 8",
                                 location: try f.node(r, "projects.4.spent").location,
                                 labels: [Label(span: try f.node(r, "projects.4.budget").span, message: "budget")])
        overrun.suppression = Suppression(kind: .inSource, justification: "overrun approved by the committee")
        var oldName = Diagnostic(code: "plan/name", severity: .info, message: "plan name has a suffix",
                                 location: try f.node(s, "plan").location)
        oldName.suppression = Suppression(kind: .external, justification: nil)
        let url = try f.node(s, "sites.0.url")
        let scheme = SourceSpan(file: url.file, range: ByteRange(url.range.start, url.range.start + 4))
        var http = Diagnostic(code: "sites/https", severity: .warning, message: "site uses http://, not https://",
                              location: url.location, primaryLabel: "insecure",
                              fixes: [Fix(title: "use https", edits: [TextEdit(span: scheme, replacement: "https")], isSafe: false)])
        http.baselineState = "unchanged"
        var visits = Diagnostic(code: "sites/visits", severity: .error, message: "visits must be a number, not `twelve`",
                                location: try f.node(s, "sites.1.visits").location, primaryLabel: "text")
        visits.baselineState = "new"
        return problems + siteProblems + [
            Diagnostic(code: "projects/unique-id", severity: .error, message: "project id `p2` is used twice",
                       location: try f.node(r, "projects.2.id").location, primaryLabel: "used again here",
                       labels: [Label(span: try f.node(r, "projects.1.id").span, message: "first used here")]),
            Diagnostic(code: "projects/overspent", severity: .warning, message: "p2 spent 55, over its budget of 40",
                       location: try f.node(r, "projects.1.spent").location, primaryLabel: "55 > 40",
                       labels: [Label(span: try f.node(r, "projects.1.budget").span, message: "budget")]),
            Diagnostic(code: "projects/budget", severity: .error, message: "budget must not be negative",
                       location: try f.node(r, "projects.2.budget").location, primaryLabel: "-3"),
            Diagnostic(code: "projects/mark", severity: .error, message: "mark `?` is not one of ◎ ○ △ × －",
                       location: try f.node(r, "projects.2.mark").location, primaryLabel: "unknown mark",
                       help: "use ◎ (better than planned), ○ (as planned), △ (postponed), × (not done) or － (cannot tell)"),
            Diagnostic(code: "projects/name", severity: .info, message: "name \"free wi-fi, 100% coverage\" has ',' and '%'",
                       location: try f.node(r, "projects.2.name").location),
            Diagnostic(code: "projects/name", severity: .info, message: "name <legacy & \"ported\"> systems has markup characters",
                       location: try f.node(r, "projects.4.name").location),
            overrun, oldName, http, visits,
            Diagnostic(code: "io-error", severity: .error, message: "cannot read file", location: .path("many/missing.yaml"),
                       notes: ["No such file or directory"]),
        ]
    }
}
