import DiagnosticRendering
import Diagnostics
import PlanFigures
import SourceText

/// One checked plan file as the report shows it.
package struct ReportPlan: Sendable {
    /// The path as the user sees it.
    package var path: String
    /// Its outline and figures; nil when the file could not be read as YAML.
    package var figures: PlanFigures?
    package init(path: String, figures: PlanFigures?) {
        self.path = path
        self.figures = figures
    }
}

/// Everything the page shows: the run's findings and verdict, and each plan's figures.
public struct ReportInput: Sendable {
    /// Every finding of the run (suppressed ones are counted, not listed).
    public var diagnostics: [Diagnostic]
    package var plans: [ReportPlan]
    public var checkedFiles: [String]
    /// The exit status the run ends with (0 pass, 1 findings, 2 tool failure).
    public var exitCode: Int
    /// The lowest severity that fails the run.
    public var failOn: Severity
    /// The rule packs used, as configured (`Rules/`, `planlint:recommended`).
    public var rulePacks: [String]
    /// The language of the page's own words: the page's `lang`. The words are built in the
    /// run's language (`MessageText.language`), which is the default.
    public var language: Language
    /// Version, rule metadata (documentation links), tab width.
    public var context: RenderContext

    package init(diagnostics: [Diagnostic], plans: [ReportPlan], checkedFiles: [String], exitCode: Int, failOn: Severity,
                rulePacks: [String], language: Language = MessageText.language, context: RenderContext) {
        self.diagnostics = diagnostics
        self.plans = plans
        self.checkedFiles = checkedFiles
        self.exitCode = exitCode
        self.failOn = failOn
        self.rulePacks = rulePacks
        self.language = language
        self.context = context
    }
}

/// The HTML report: one self-contained page (no script, no external style sheet, font or
/// image; it opens offline from a mail attachment and prints on A4) with a summary, every
/// finding (the human form's excerpt with the marked cell highlighted, labels, notes, help,
/// documentation link; filterable by severity and code with CSS alone) and the plans'
/// numbers as inline SVG charts, each with the table of its numbers. A cell a finding points
/// at is marked on its chart and in its table, linked both ways.
///
/// Pure: the same input gives the same bytes. Every value from a plan, a rule or a message is
/// escaped (`HTMLText.escape`), in HTML and in SVG text and attributes alike.
package enum HTMLReportRenderer {
    package static func render(_ input: ReportInput) -> String {
        var page = Page(input: input)
        return page.render()
    }
}

/// A finding with its number on the page.
struct NumberedFinding {
    let number: Int
    let diagnostic: Diagnostic
}

struct Page {
    let input: ReportInput
    var findings: [NumberedFinding] = []
    /// Per figure (by page id): where findings point.
    var spots: [String: [FigureSpot: [Int]]] = [:]
    /// Per finding number: the figures it is marked on (page id, title).
    var chartsOfFinding: [Int: [(id: String, title: String)]] = [:]

    init(input: ReportInput) {
        self.input = input
        let shown = input.diagnostics.filter { $0.suppression == nil }.sorted(by: Diagnostic.ordered)
        findings = shown.enumerated().map { NumberedFinding(number: $0.offset + 1, diagnostic: $0.element) }
    }

    static func figureID(plan: Int, _ f: Figure) -> String { "p\(plan + 1)-\(f.id)" }

    // MARK: words

    func title(of f: Figure) -> String {
        switch f.kind {
        case .table, .tally, .grades:
            return f.title
        case .marks(let level, let scale, let group):
            if let group { return ReportMessage.marksTitle(["scale": scale, "level": level, "group": group]) }
            return ReportMessage.marksTitleAll(["scale": scale, "level": level])
        case .running(let level, let group):
            if let group { return ReportMessage.runningTitle(["level": level, "group": group]) }
            return ReportMessage.runningTitleAll(["level": level])
        case .indicator(let owner):
            if let owner { return ReportMessage.indicatorOf(["owner": owner, "name": f.title]) }
            return ReportMessage.indicatorTitle(["name": f.title])
        }
    }

    static func keyword(_ k: String) -> String {
        switch k {
        case "total": ReportMessage.total()
        case "count": ReportMessage.count()
        case "target": ReportMessage.keywordTarget()
        case "actual": ReportMessage.keywordActual()
        case "rate": ReportMessage.keywordRate()
        case "grade": ReportMessage.keywordGrade()
        case "stated": ReportMessage.keywordStated()
        default: k
        }
    }

    var chartWords: ChartWords {
        ChartWords(rowName: { $0.isKeyword ? Page.keyword($0.name) : $0.name },
                   seriesName: { $0.isKeyword ? Page.keyword($0.name) : $0.name },
                   noteName: { $0.isKeyword ? Page.keyword($0.name) : $0.name },
                   findingTitle: { ReportMessage.findingNumber(["n": $0]) + ": " + (findingsByNumber[$0]?.message ?? "") })
    }

    var findingsByNumber: [Int: Diagnostic] {
        Dictionary(uniqueKeysWithValues: findings.map { ($0.number, $0.diagnostic) })
    }

    // MARK: findings on figures

    /// Whether the finding's primary range lies within `cell` (same file, by path).
    static func points(_ d: Diagnostic, at cell: SourceSpan?) -> Bool {
        guard let cell, let span = d.span, span.file.path == cell.file.path else { return false }
        let r = span.range, c = cell.range
        return c.start <= r.start && r.end <= c.end && (r.start < c.end || c.isEmpty)
    }

    mutating func locateFindings() {
        for (p, plan) in input.plans.enumerated() {
            guard let figures = plan.figures?.figures else { continue }
            for f in figures {
                let id = Page.figureID(plan: p, f)
                var map: [FigureSpot: [Int]] = [:]
                for finding in findings where finding.diagnostic.span != nil {
                    let d = finding.diagnostic
                    var hit = false
                    for v in f.placedValues() where Page.points(d, at: v.value.span) {
                        map[.value(panel: v.panel, row: v.row, series: v.series), default: []].append(finding.number)
                        hit = true
                    }
                    for (n, note) in f.noteRows.enumerated() {
                        for (pi, v) in note.values.enumerated() where Page.points(d, at: v?.span) {
                            map[.note(note: n, panel: pi), default: []].append(finding.number)
                            hit = true
                        }
                    }
                    if !hit {
                        for (r, row) in f.rows.enumerated() where Page.points(d, at: row.span) {
                            map[.rowName(r), default: []].append(finding.number)
                            hit = true
                        }
                    }
                    if hit { chartsOfFinding[finding.number, default: []].append((id, title(of: f))) }
                }
                spots[id] = map
            }
        }
    }

    // MARK: the page

    mutating func render() -> String {
        locateFindings()
        let titles = input.plans.compactMap { $0.figures?.outline.title }
        let pageTitle = titles.count == 1 ? ReportMessage.pageTitleFor(["title": titles[0]]) : ReportMessage.pageTitle()
        var h = "<!DOCTYPE html>\n<html lang=\"\(input.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // Nothing may be loaded: no script, no connection, no external image, font or frame.
        h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'; base-uri 'none'; form-action 'none'\">\n"
        h += "<meta name=\"generator\" content=\"planlint \(HTMLText.escape(input.context.toolVersion))\">\n"
        h += "<title>\(HTMLText.escape(pageTitle))</title>\n<style>\n\(Style.sheet)\n\(filterRules())</style>\n</head>\n<body>\n"
        h += "<header class=\"page-header\"><h1>\(HTMLText.escape(pageTitle))</h1></header>\n"
        h += contents()
        h += summary()
        h += findingsSection()
        h += codesSection()
        for (p, plan) in input.plans.enumerated() { h += planSection(p, plan) }
        h += "<footer class=\"page-footer\"><p>\(HTMLText.escape(ReportMessage.generatedBy(["version": input.context.toolVersion])))</p></footer>\n"
        h += "</body>\n</html>\n"
        return h
    }

    func contents() -> String {
        var h = "<nav class=\"contents\" aria-label=\"\(HTMLText.escape(ReportMessage.contents()))\"><ol>"
        h += "<li><a href=\"#summary\">\(HTMLText.escape(ReportMessage.summary()))</a></li>"
        h += "<li><a href=\"#findings\">\(HTMLText.escape(ReportMessage.findings())) (\(findings.count))</a></li>"
        if !findings.isEmpty { h += "<li><a href=\"#codes\">\(HTMLText.escape(ReportMessage.codesFound()))</a></li>" }
        for (p, plan) in input.plans.enumerated() {
            let name = plan.figures?.outline.title ?? plan.path
            h += "<li><a href=\"#plan-\(p + 1)\"\(langAttr(plan))>\(HTMLText.escape(ReportMessage.figures())): \(HTMLText.escape(name))</a></li>"
        }
        return h + "</ol></nav>\n"
    }

    /// `lang="ja"` for a plan written in Japanese (its title or any row name has kana or kanji),
    /// so that a browser picks Japanese glyph forms whatever the page's language.
    func langAttr(_ plan: ReportPlan) -> String {
        guard let figures = plan.figures else { return "" }
        var texts = [figures.outline.title ?? ""]
        for f in figures.figures.prefix(3) { texts.append(f.title); texts += f.rows.prefix(3).map(\.name) }
        return texts.contains(where: Page.looksJapanese) ? " lang=\"ja\"" : ""
    }

    static func looksJapanese(_ s: String) -> Bool {
        s.unicodeScalars.contains { u in
            (0x3040...0x30FF).contains(u.value) || (0x4E00...0x9FFF).contains(u.value) || (0xFF01...0xFF5E).contains(u.value)
        }
    }

    // MARK: summary

    func summary() -> String {
        var h = "<section id=\"summary\" class=\"summary\"><h2>\(HTMLText.escape(ReportMessage.summary()))</h2>\n"
        let counts = DiagnosticSummary(input.diagnostics, files: Set(input.checkedFiles).count)
        let verdictClass: String, verdictText: String
        switch input.exitCode {
        case 0: (verdictClass, verdictText) = ("pass", ReportMessage.verdictPass(["exit": input.exitCode]))
        case 1: (verdictClass, verdictText) = ("fail", ReportMessage.verdictFail(["exit": input.exitCode]))
        default: (verdictClass, verdictText) = ("tool-failure", ReportMessage.verdictToolFailure(["exit": input.exitCode]))
        }
        h += "<p class=\"verdict \(verdictClass)\" data-exit=\"\(input.exitCode)\">\(HTMLText.escape(verdictText))</p>\n"
        func n(_ count: Int, _ one: ReportMessage, _ many: ReportMessage) -> String {
            HTMLText.escape((count == 1 ? one : many)(["n": count]))
        }
        h += "<p class=\"tally\"><span class=\"n sev-error\">\(n(counts.errors, .errorsOne, .errorsMany))</span> · "
        h += "<span class=\"n sev-warning\">\(n(counts.warnings, .warningsOne, .warningsMany))</span> · "
        h += "<span class=\"n sev-info\">\(n(counts.infos, .infosOne, .infosMany))</span>"
        if counts.suppressed > 0 { h += " · <span class=\"n\">\(HTMLText.escape(ReportMessage.suppressed(["n": counts.suppressed])))</span>" }
        h += "</p>\n<dl class=\"facts\">"
        for (p, plan) in input.plans.enumerated() {
            let o = plan.figures?.outline
            h += "<dt>\(HTMLText.escape(ReportMessage.plan()))</dt><dd\(langAttr(plan))><a href=\"#plan-\(p + 1)\">\(HTMLText.escape(o?.title ?? plan.path))</a>"
            if let publisher = o?.publisher { h += " — \(HTMLText.escape(publisher))" }
            h += "<br><span class=\"path\">\(HTMLText.escape(plan.path))</span>"
            if let o, o.periodStart != nil || o.periodPrinted != nil {
                h += "<br>\(HTMLText.escape(ReportMessage.period())): "
                if let s = o.periodStart, let e = o.periodEnd { h += HTMLText.escape(ReportMessage.periodYears(["start": s, "end": e])) }
                if let printed = o.periodPrinted { h += " (\(HTMLText.escape(printed)))" }
            }
            h += "</dd>"
        }
        h += "<dt>\(HTMLText.escape(ReportMessage.filesChecked()))</dt><dd>"
        h += input.checkedFiles.map { "<span class=\"path\">\(HTMLText.escape($0))</span>" }.joined(separator: "<br>")
        h += "</dd><dt>\(HTMLText.escape(ReportMessage.failOn()))</dt><dd>\(HTMLText.escape(ReportMessage.failOnValue(["severity": HumanMessage.word(for: input.failOn)])))</dd>"
        h += "<dt>\(HTMLText.escape(ReportMessage.rulePacks()))</dt><dd>"
        h += input.rulePacks.isEmpty ? HTMLText.escape(ReportMessage.noRulePacks())
            : input.rulePacks.map { "<span class=\"path\">\(HTMLText.escape($0))</span>" }.joined(separator: "<br>")
        h += "</dd><dt>\(HTMLText.escape(ReportMessage.version()))</dt><dd>\(HTMLText.escape(input.context.toolVersion))</dd></dl>\n"

        // Counts per code.
        var perCode: [String: (count: Int, severity: Severity)] = [:]
        for f in findings {
            let c = perCode[f.diagnostic.code] ?? (0, f.diagnostic.severity)
            perCode[f.diagnostic.code] = (c.count + 1, max(c.severity, f.diagnostic.severity))
        }
        if !perCode.isEmpty {
            h += "<table class=\"per-code\"><caption>\(HTMLText.escape(ReportMessage.countsPerCode()))</caption><thead><tr>"
            h += "<th scope=\"col\">\(HTMLText.escape(ReportMessage.code()))</th><th scope=\"col\">\(HTMLText.escape(ReportMessage.severity()))</th><th scope=\"col\" class=\"num\">\(HTMLText.escape(ReportMessage.count()))</th></tr></thead><tbody>"
            for (code, c) in perCode.sorted(by: { ($1.value.severity, $0.key) < ($0.value.severity, $1.key) }) {
                h += "<tr data-code=\"\(HTMLText.escape(code))\"><td>\(codeLink(code))</td>"
                h += "<td><span class=\"badge sev-\(c.severity)\">\(HTMLText.escape(HumanMessage.word(for: c.severity)))</span></td><td class=\"num\">\(c.count)</td></tr>"
            }
            h += "</tbody></table>\n"
        }
        return h + "</section>\n"
    }

    /// What each code that was found means and how to fix it, from the run's code registry, so
    /// the page explains its findings offline; with a link to the code's own page when it has one.
    func codesSection() -> String {
        guard !findings.isEmpty else { return "" }
        var h = "<section id=\"codes\" class=\"codes\"><h2>\(HTMLText.escape(ReportMessage.codesFound()))</h2>\n"
        for code in Set(findings.map(\.diagnostic.code)).sorted() {
            h += "<section class=\"code-doc\" id=\"code-\(HTMLText.token(code))\"><h3><code>\(HTMLText.escape(code))</code></h3>\n"
            if let meta = input.context.rules.first(where: { $0.id == code }) {
                h += "<p class=\"code-summary\">\(HTMLText.prose(meta.shortDescription))</p>\n"
                if meta.fullDescription != meta.shortDescription {
                    h += "<p class=\"code-explanation\">\(HTMLText.prose(meta.fullDescription))</p>\n"
                }
                if !meta.helpText.isEmpty {
                    h += "<p class=\"code-fix\"><strong>\(HTMLText.escape(ReportMessage.howToFix())):</strong> \(HTMLText.prose(meta.helpText))</p>\n"
                }
            }
            if let url = docsURL(code: code, findings.first { $0.diagnostic.code == code }?.diagnostic), Page.isLinkable(url) {
                h += "<p class=\"docs\"><a href=\"\(HTMLText.escape(url))\">\(HTMLText.escape(url))</a></p>\n"
            }
            h += "</section>\n"
        }
        return h + "</section>\n"
    }

    func docsURL(code: String, _ d: Diagnostic?) -> String? {
        if let url = d?.docsURL { return url }
        return input.context.rules.first { $0.id == code }?.helpURI
    }

    /// A code, linked to its documentation on this page.
    func codeLink(_ code: String) -> String {
        "<a href=\"#code-\(HTMLText.token(code))\"><code>\(HTMLText.escape(code))</code></a>"
    }

    /// Only web and relative links are written as links (never `javascript:` or `data:`).
    static func isLinkable(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return true }
        guard let colon = url.firstIndex(of: ":") else { return true }
        // A relative path may hold a colon only after a slash (`Docs/rules/a:b.md`).
        return url[..<colon].contains("/")
    }

    // MARK: findings

    /// CSS rules that hide findings whose severity or code box is unchecked.
    func filterRules() -> String {
        var css = ""
        for s in Severity.allCases.reversed() {
            css += "#show-\(s):not(:checked) ~ .finding-list .finding.sev-\(s) { display: none; }\n"
        }
        for code in Set(findings.map(\.diagnostic.code)) {
            let t = HTMLText.token(code)
            css += "#show-code-\(t):not(:checked) ~ .finding-list .finding.code-\(t) { display: none; }\n"
        }
        return css
    }

    func findingsSection() -> String {
        var h = "<section id=\"findings\" class=\"findings\"><h2>\(HTMLText.escape(ReportMessage.findings())) (\(findings.count))</h2>\n"
        guard !findings.isEmpty else {
            return h + "<p class=\"no-findings\">\(HTMLText.escape(ReportMessage.noFindings()))</p></section>\n"
        }
        h += "<p class=\"filter-hint flt\">\(HTMLText.escape(ReportMessage.filterHint()))</p>\n"
        h += "<span class=\"filter-group flt\">\(HTMLText.escape(ReportMessage.filterSeverities())):</span>\n"
        for s in Severity.allCases.reversed() {
            let n = findings.filter { $0.diagnostic.severity == s }.count
            guard n > 0 else { continue }
            h += "<input type=\"checkbox\" class=\"flt\" id=\"show-\(s)\" checked><label class=\"flt chip sev-\(s)\" for=\"show-\(s)\">\(s) (\(n))</label>\n"
        }
        h += "<span class=\"filter-group flt\">\(HTMLText.escape(ReportMessage.filterCodes())):</span>\n"
        var codes: [String: Int] = [:]
        for f in findings { codes[f.diagnostic.code, default: 0] += 1 }
        for (code, n) in codes.sorted(by: { $0.key < $1.key }) {
            let t = HTMLText.token(code)
            h += "<input type=\"checkbox\" class=\"flt\" id=\"show-code-\(t)\" checked><label class=\"flt chip\" for=\"show-code-\(t)\">\(HTMLText.escape(code)) (\(n))</label>\n"
        }
        h += "<div class=\"finding-list\">\n"
        for f in findings { h += finding(f) }
        h += "</div></section>\n"
        return h
    }

    func finding(_ f: NumberedFinding) -> String {
        let d = f.diagnostic
        var attrs = "id=\"finding-\(f.number)\" class=\"finding sev-\(d.severity) code-\(HTMLText.token(d.code))\""
        attrs += " data-code=\"\(HTMLText.escape(d.code))\" data-severity=\"\(d.severity)\" data-path=\"\(HTMLText.escape(d.path))\""
        if let span = d.span {
            let loc = span.start
            attrs += " data-line=\"\(loc.line)\" data-column=\"\(loc.column)\""
        }
        var h = "<article \(attrs)>\n<header><span class=\"num\">\(f.number)</span> <span class=\"badge sev-\(d.severity)\">\(HTMLText.escape(HumanMessage.word(for: d.severity)))</span> "
        h += codeLink(d.code)
        h += "</header>\n<p class=\"message\">\(HTMLText.escape(d.message))</p>\n"
        let styler = HTMLStyler()
        var context = input.context
        context.color = false
        let rows = HumanRenderer().excerpt(d, context: context, styler: styler)
        h += "<pre class=\"snippet\">" + rows.joined(separator: "\n") + "</pre>\n"
        if !d.labels.isEmpty {
            h += "<details class=\"labels\"><summary>\(HTMLText.escape(ReportMessage.labels())) (\(d.labels.count))</summary><ul>"
            for l in d.labels {
                let loc = l.span.start
                h += "<li><span class=\"path\">\(HTMLText.escape(l.span.file.path)):\(loc.line):\(loc.column)</span> \(HTMLText.escape(l.message))</li>"
            }
            h += "</ul></details>\n"
        }
        var trailers: [(String, String, String)] = []
        for note in d.notes { trailers.append(("note", ReportMessage.note(), note)) }
        if let help = d.help { trailers.append(("help", ReportMessage.help(), help)) }
        for fix in d.fixes { trailers.append(("fix", fix.isSafe ? ReportMessage.fix() : ReportMessage.fixUnsafe(), fix.title)) }
        if !trailers.isEmpty {
            h += "<dl class=\"trailers\">"
            for (cls, word, text) in trailers {
                h += "<dt class=\"\(cls)\">\(HTMLText.escape(word))</dt><dd class=\"\(cls)\">\(HTMLText.escape(text))</dd>"
            }
            h += "</dl>\n"
        }
        h += "<p class=\"docs\"><a href=\"#code-\(HTMLText.token(d.code))\">\(HTMLText.escape(ReportMessage.docs(["code": d.code])))</a>"
        if let docs = docsURL(code: d.code, d), Page.isLinkable(docs) {
            h += " · <a href=\"\(HTMLText.escape(docs))\">\(HTMLText.escape(docs))</a>"
        }
        h += "</p>\n"
        if let charts = chartsOfFinding[f.number] {
            h += "<p class=\"on-chart\">\(HTMLText.escape(ReportMessage.onChart())): "
            h += charts.map { "<a href=\"#\($0.id)\">\(HTMLText.escape($0.title))</a>" }.joined(separator: ", ")
            h += "</p>\n"
        }
        return h + "</article>\n"
    }

    // MARK: plans

    func planSection(_ p: Int, _ plan: ReportPlan) -> String {
        var h = "<section id=\"plan-\(p + 1)\" class=\"plan\"\(langAttr(plan))>\n"
        let o = plan.figures?.outline
        h += "<h2>\(HTMLText.escape(ReportMessage.figures())): \(HTMLText.escape(o?.title ?? plan.path))</h2>\n"
        h += "<p class=\"plan-meta\"><span class=\"path\">\(HTMLText.escape(plan.path))</span>"
        if let doc = o?.document { h += " · \(HTMLText.escape(doc))" }
        h += "</p>\n"
        guard let figures = plan.figures else {
            return h + "<p class=\"omission\">\(HTMLText.escape(ReportMessage.notParsed(["path": plan.path])))</p></section>\n"
        }
        if let format = figures.migratedFrom {
            h += "<p class=\"migrated\">\(HTMLText.escape(ReportMessage.migrated(["path": plan.path, "format": format])))</p>\n"
        }
        for om in figures.omissions { h += "<p class=\"omission\">\(HTMLText.escape(omission(om, path: plan.path)))</p>\n" }
        if figures.figures.isEmpty && !figures.omissions.contains(where: { if case .format = $0 { true } else { false } }) {
            h += "<p class=\"omission\">\(HTMLText.escape(ReportMessage.noFiguresNone(["path": plan.path])))</p>\n"
        }
        for f in figures.figures { h += figure(f, plan: p) }
        return h + "</section>\n"
    }

    func omission(_ o: Omission, path: String) -> String {
        switch o {
        case .rowShape(let table, let row, let cells, let expected, _):
            ReportMessage.omittedRow(["table": table, "row": row, "cells": cells, "expected": expected])
        case .unknownScale(let owner, let scale, _):
            ReportMessage.omittedScale(["owner": owner, "scale": scale])
        case .nothingToDraw(let table, _):
            ReportMessage.omittedNothing(["table": table])
        case .longPeriod(let years, _):
            ReportMessage.omittedPeriod(["years": years])
        case .format(let format):
            ReportMessage.noFigures(["path": path, "format": format ?? "—"])
        case .notMigrated(let format, let reason):
            ReportMessage.notMigrated(["path": path, "format": format, "reason": reason])
        }
    }

    func figure(_ f: Figure, plan: Int) -> String {
        let id = Page.figureID(plan: plan, f)
        let spots = self.spots[id] ?? [:]
        let captionID = "cap-\(id)"
        let kindName: String
        switch f.kind {
        case .table: kindName = "table"
        case .tally: kindName = "tally"
        case .grades: kindName = "grades"
        case .marks: kindName = "marks"
        case .running: kindName = "running"
        case .indicator: kindName = "indicator"
        }
        var h = "<figure id=\"\(id)\" class=\"figure\" data-kind=\"\(kindName)\">\n"
        h += "<figcaption id=\"\(captionID)\"><span class=\"figure-title\">\(HTMLText.escape(title(of: f)))</span>"
        if let unit = f.unit { h += " <span class=\"unit\">(\(HTMLText.escape(ReportMessage.unit(["unit": unit]))))</span>" }
        h += "</figcaption>\n"
        h += ChartSVG(figure: f, spots: spots, words: chartWords, titleID: captionID).render() + "\n"
        // What printed symbols stand for.
        var meanings: [String] = []
        for panel in f.values { for row in panel { for v in row { if let v, let m = v.meaning, v.number == nil {
            let text = ReportMessage.symbolStandsFor(["symbol": v.text, "meaning": m])
            if !meanings.contains(text) { meanings.append(text) }
        } } } }
        if case .marks = f.kind { meanings.append(ReportMessage.marksNote()) }
        if case .running = f.kind { meanings.append(ReportMessage.runningNote()) }
        for m in meanings { h += "<p class=\"figure-note\">\(HTMLText.escape(m))</p>\n" }
        h += numbersTable(f, id: id, spots: spots)
        return h + "</figure>\n"
    }

    func numbersTable(_ f: Figure, id: String, spots: [FigureSpot: [Int]]) -> String {
        let words = chartWords
        let shownSeries = Array(f.series.indices)
        let multiPanel = f.panels.contains { $0.name != nil }
        // One series under each panel needs no second heading row.
        let seriesRow = !multiPanel || shownSeries.count > 1
        var h = "<table class=\"numbers\" data-figure=\"\(id)\"><caption>\(HTMLText.escape(ReportMessage.chartTable()))</caption><thead>"
        let heading = HTMLText.escape(f.rowHeading ?? "")
        if multiPanel {
            h += "<tr><th scope=\"col\"\(seriesRow ? " rowspan=\"2\"" : "")>\(heading)</th>"
            for (p, panel) in f.panels.enumerated() {
                h += "<th scope=\"colgroup\" colspan=\"\(shownSeries.count)\" class=\"panel\" data-panel=\"\(p)\">\(HTMLText.escape(panel.name ?? ""))</th>"
            }
            h += "</tr>"
            if seriesRow {
                h += "<tr>"
                for _ in f.panels { for s in shownSeries { h += "<th scope=\"col\" data-series=\"\(s)\">\(HTMLText.escape(words.seriesName(f.series[s])))</th>" } }
                h += "</tr>"
            }
        } else {
            h += "<tr><th scope=\"col\">\(heading)</th>"
            for s in shownSeries { h += "<th scope=\"col\" data-series=\"\(s)\">\(HTMLText.escape(words.seriesName(f.series[s])))</th>" }
            h += "</tr>"
        }
        h += "</thead><tbody>"
        func mark(_ findings: [Int]?) -> (String, String) {
            guard let findings else { return ("", "") }
            let links = findings.map { "<a class=\"finding-link\" href=\"#finding-\($0)\" title=\"\(HTMLText.escape(ReportMessage.findingNumber(["n": $0])))\">\($0)</a>" }.joined()
            return (" data-finding=\"\(findings.map { "finding-\($0)" }.joined(separator: " "))\"", links)
        }
        for (r, row) in f.rows.enumerated() {
            let (rowAttr, rowLinks) = mark(spots[.rowName(r)])
            h += "<tr data-row=\"\(r)\"\(row.isTotal ? " class=\"total\"" : "")><th scope=\"row\"\(rowAttr)><span class=\"v\">\(HTMLText.escape(words.rowName(row)))</span>\(rowLinks)</th>"
            for p in f.panels.indices {
                for s in shownSeries {
                    let v = f.values[p][r][s]
                    let (attr, links) = mark(spots[.value(panel: p, row: r, series: s)])
                    let cls = f.series[s].role == .label ? "text" : "num"
                    h += "<td class=\"\(cls)\" data-panel=\"\(p)\" data-series=\"\(s)\"\(attr)><span class=\"v\">\(HTMLText.escape(v?.text ?? ""))</span>\(links)</td>"
                }
            }
            h += "</tr>"
        }
        for (n, note) in f.noteRows.enumerated() {
            h += "<tr class=\"note\" data-note=\"\(n)\"><th scope=\"row\">\(HTMLText.escape(words.noteName(note)))</th>"
            for p in f.panels.indices {
                let v = p < note.values.count ? note.values[p] : nil
                let (attr, links) = mark(spots[.note(note: n, panel: p)])
                h += "<td class=\"num\" colspan=\"\(shownSeries.count)\" data-panel=\"\(p)\" data-note=\"\(n)\"\(attr)><span class=\"v\">\(HTMLText.escape(v?.text ?? ""))</span>\(links)</td>"
            }
            h += "</tr>"
        }
        return h + "</tbody></table>\n"
    }
}
