import Diagnostics
import Foundation
import RuleEngine
import SourceText
import Testing
import YAMLTree

/// The plan@1 rule files of the bundled pack (Rules/budgets, counts, tallies, years) against the
/// real plan in the first format, kept as Tests/Fixtures/plan-1/miyagi-ict-2014-2016.yaml (the
/// plan@2 pack on Plans/ is Plan2PackTests).
///
/// The unmutated plan gives exactly the findings listed in Plans/README.md. Each mutation
/// edits one printed value of a copy of the plan text in place (same line, so line numbers
/// stay meaningful) and must fire exactly the rules it breaks, at the cell that is wrong.
@Suite struct MiyagiPackTests {
    static let planPath = "Tests/Fixtures/plan-1/miyagi-ict-2014-2016.yaml"

    /// The bundled pack, loaded once.
    static let loaded: RuleLoadResult = RuleLoader.load(paths: ["budgets", "counts", "tallies", "years"].map {
        repoRoot.appendingPathComponent("Rules/\($0).yaml").path
    })

    /// The plan as committed.
    static let plan: String = (try? repoFile(planPath)) ?? ""

    /// What a test compares: rule, primary place, and the text written there.
    struct Finding: Equatable, CustomStringConvertible {
        var code: String
        var line: Int
        var column: Int
        /// The source text at the primary span (the cell blamed).
        var text: String
        var severity: Severity = .error

        var description: String { "\(line):\(column) \(severity) \(code) '\(text)'" }
    }

    /// Runs the pack over `text` (parsed as the plan file) and returns its diagnostics in
    /// output order. Fails the test when the text does not parse or a rule cannot be evaluated.
    func lint(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Diagnostic] {
        let parsed = YAMLReader.parse(text, path: Self.planPath)
        #expect(parsed.problems.isEmpty, "\(parsed.problems)", sourceLocation: sourceLocation)
        let result = RuleRunner(ruleSet: Self.loaded.ruleSet).run(on: parsed.tree)
        #expect(result.isComplete, "not evaluated: \(result.unevaluatedRules)", sourceLocation: sourceLocation)
        // The parallel path (rules on several threads, each on its own tree handle) finds
        // exactly the same, labels and notes included, in the same order.
        let parallel = RuleRunner(ruleSet: Self.loaded.ruleSet, options: RunOptions(parallel: true)).run(on: parsed.tree)
        func full(_ d: Diagnostic) -> String {
            describe(d) + d.labels.map { " [\(place($0.span)) \($0.message)]" }.joined() + d.notes.map { " (\($0))" }.joined()
        }
        #expect(parallel.diagnostics.map(full) == result.diagnostics.map(full), sourceLocation: sourceLocation)
        return result.diagnostics.sorted(by: Diagnostic.ordered)
    }

    func findings(_ diagnostics: [Diagnostic]) -> [Finding] {
        diagnostics.map { d in
            guard let s = d.span else { return Finding(code: d.code, line: 0, column: 0, text: "", severity: d.severity) }
            return Finding(code: d.code, line: s.start.line, column: s.start.column, text: s.text, severity: d.severity)
        }
    }

    static var lines: [Substring] { plan.split(separator: "\n", omittingEmptySubsequences: false) }

    /// 1-based number of the first line containing `needle` at or after line `from`.
    func line(_ needle: String, from: Int = 1, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        let lines = Self.lines
        let i = try #require(lines[(from - 1)...].firstIndex { $0.contains(needle) }, "no line from \(from) contains \(needle)",
                             sourceLocation: sourceLocation)
        return i + 1
    }

    /// 1-based number of the first line containing `needle` after the first line containing `anchor`.
    func line(_ needle: String, after anchor: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        try line(needle, from: try line(anchor, sourceLocation: sourceLocation), sourceLocation: sourceLocation)
    }

    /// 1-based code-point column where `needle` starts on line `line`, searching from the
    /// first occurrence of `after` on that line (when given).
    func column(of needle: String, line: Int, after: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        let text = String(Self.lines[line - 1])
        var start = text.startIndex
        if let after {
            start = try #require(text.range(of: after), "line \(line) has no \(after)", sourceLocation: sourceLocation).upperBound
        }
        let r = try #require(text.range(of: needle, range: start..<text.endIndex), "line \(line) has no \(needle)", sourceLocation: sourceLocation)
        return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound) + 1
    }

    /// `text` with `old` replaced by `new` on line `line` (1-based); the line must contain
    /// `old` exactly once, so the mutation is exactly the one intended.
    func mutate(_ text: String, line: Int, _ old: String, _ new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let target = lines[line - 1]
        try #require(target.components(separatedBy: old).count == 2, "line \(line) must contain \(old) exactly once: \(target)", sourceLocation: sourceLocation)
        lines[line - 1] = target.replacingOccurrences(of: old, with: new)
        return lines.joined(separator: "\n")
    }

    /// The finding for `code` at `text` on `line`: where the unmutated plan has `was` (default:
    /// `text` itself), searching after `after` on that line.
    func at(_ code: String, line: Int, _ text: String, was: String? = nil, after: String? = nil, severity: Severity = .error,
            sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Finding {
        Finding(code: code, line: line, column: try column(of: was ?? text, line: line, after: after, sourceLocation: sourceLocation),
                text: text, severity: severity)
    }

    // MARK: The pack itself

    @Test func thePackLoadsAndEveryRuleIsDocumentedAndExemplified() throws {
        #expect(Self.loaded.diagnostics.map(describe) == [])
        let rules = Self.loaded.ruleSet.rules
        #expect(Set(rules.map { URL(fileURLWithPath: $0.source.path).lastPathComponent })
                == ["budgets.yaml", "counts.yaml", "tallies.yaml", "years.yaml"])
        expectDocumentedAndExemplified(rules, loaded: Self.loaded)
    }

    // MARK: The unmutated plan

    @Test func theUnmutatedPlanGivesExactlyItsKnownFinding() throws {
        let diagnostics = lint(Self.plan)
        let totalLine = try line("- {fy: 2016, count: 29, budget: 159, actual: 145}")
        #expect(findings(diagnostics) == [try at("budget-amount-sum", line: totalLine, "159")])

        let d = try #require(diagnostics.first)
        #expect(d.message == "情報発信サイト等 FY2016 予算額: the field rows add up to 151 + 3×＊ = somewhere between 148 and 157 "
                + "(each printed amount ±0.5, each ＊ more than 0 and less than 1), but the 合計 row says 159 (158.5–159.5)")
        #expect(d.notes == ["the two ranges do not overlap, so no rounding of the printed amounts explains the difference"])
        #expect(d.help?.isEmpty == false)
        // One label per field row, at that row's FY2016 予算額 cell, named by the field.
        let rowsStart = try line("- category: 情報発信サイト等", after: "budgets:")
        var expected: [String] = []
        for (field, budget) in [("地域の情報化", "0"), ("行政の情報化", "37"), ("環境・生活・衛生・廃棄物", "\"＊\""),
                                ("保健・医療・福祉", "1"), ("経済・商工・観光・雇用", "110"), ("農業・林業・水産業", "3"),
                                ("公共土木施設", "0"), ("教育", "\"＊\""), ("防災・安全・安心", "\"＊\"")] {
            let rowLine = try line("- field: \(field)", from: rowsStart)
            let cellLine = rowLine + 4
            #expect(Self.lines[cellLine - 1].contains("{fy: 2016,"))
            expected.append("\(cellLine):\(try column(of: budget, line: cellLine, after: "budget: ")) \(budget) \(field)")
        }
        #expect(d.labels.map { "\($0.span.start.line):\($0.span.start.column) \($0.span.text) \($0.message)" } == expected)
    }

    @Test func theIndividualProjectSumsDifferFromTheirTotalsOnlyWithinRounding() throws {
        // The transcriber's observation: every 個別事業 amount sum differs from its printed total
        // by 2–4, within 9 × 0.5 = 4.5, and the pack accepts them. FY2014 予算額: the rows add up
        // to 7196 (7191.5–<7200.5), the total says 7199 (7198.5–<7199.5). Moving one row by k
        // gives 7191.5 + k – <7200.5 + k, which meets the total for −2 < k < 8: at k = 8 the rows
        // reach 7199.5 only if every true amount were at its upper end, which prints one higher
        // (half-up ends are half-open), and at k = −2 the total would have to be 7198.5 + 0.
        let cellLine = try line("- {fy: 2014, count: 10, budget: 153, actual: 151}")
        let totalLine = try line("- {fy: 2014, count: 98, budget: 7199, actual: 6525}")
        for (budget, fires) in [("152", false), ("151", true), ("160", false), ("161", true), ("162", true)] {
            let mutated = try mutate(Self.plan, line: cellLine, "budget: 153", "budget: \(budget)")
            let expected = (fires ? [try at("budget-amount-sum", line: totalLine, "7199")] : []) + [try known()]
            #expect(findings(lint(mutated)) == expected, "教育 FY2014 予算額 153 → \(budget)")
        }
        let beyond = lint(try mutate(Self.plan, line: cellLine, "budget: 153", "budget: 162"))
        #expect(beyond.first?.message == "個別事業 FY2014 予算額: the field rows add up to 7205 = 7200.5–7209.5 (each printed amount ±0.5), "
                + "but the 合計 row says 7199 (7198.5–7199.5)")
    }

    // MARK: Mutations: each breaks one printed value

    /// The known finding of the unmutated plan (Plans/README.md), present in every mutation
    /// that does not touch the 情報発信サイト等 table.
    func known() throws -> Finding {
        try at("budget-amount-sum", line: try line("- {fy: 2016, count: 29, budget: 159, actual: 145}"), "159")
    }

    /// Mutates, lints, and compares the findings (every one: nothing unexpected may fire).
    @discardableResult
    func expectMutation(line: Int, _ old: String, _ new: String, fires expected: [Finding],
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Diagnostic] {
        let diagnostics = lint(try mutate(Self.plan, line: line, old, new, sourceLocation: sourceLocation), sourceLocation: sourceLocation)
        let got = findings(diagnostics)
        #expect(got == expected.sorted { ($0.line, $0.column, $0.code) < ($1.line, $1.column, $1.code) },
                "mutating line \(line): \(old) → \(new)", sourceLocation: sourceLocation)
        return diagnostics
    }

    var tallyLine: Int { get throws { try line("counts: {◎: 15, ○: 80, △: 5, ×: 0, －: 2}") } }

    @Test func oneMarkChangedFiresTheTallyRuleAtBothMarkCounts() throws {
        // 被災地の情報発信等のためのＩＣＴ支援 (分野1・項目2・事業2) is ○; make it ◎.
        let markLine = try line("mark: ○", after: "name: 被災地の情報発信等のためのＩＣＴ支援")
        let d = try expectMutation(line: markLine, "○", "◎", fires: [
            try at("tally-matches-marks", line: try tallyLine, "15"),
            try at("tally-matches-marks", line: try tallyLine, "80"),
            try known(),
        ])
        #expect(d.filter { $0.code == "tally-matches-marks" }.map(\.message) == [
            "the 個別事業 tally says 15 for ◎, but the project list has 16 marked ◎",
            "the 個別事業 tally says 80 for ○, but the project list has 79 marked ○",
        ])
    }

    @Test func oneTallyCountChangedFiresTheRowTheTotalRowAndTheMarks() throws {
        // 個別事業 ◎ 15 → 16: its row no longer adds up to 102, the 合計 row's ◎ (22) no longer
        // adds up, and 16 is not the number of ◎ projects listed.
        let tally = try tallyLine
        try expectMutation(line: tally, "◎: 15", "◎: 16", fires: [
            try at("tally-matches-marks", line: tally, "16", was: "15"),
            try at("tally-row-total", line: tally + 1, "102"),
            try at("tally-total-row", line: try line("counts: {◎: 22, ○: 107"), "22"),
            try known(),
        ])
    }

    @Test func oneBudgetAmountChangedFiresTheSumAtTheTotalCell() throws {
        // 個別事業 教育 FY2015 実績額 205 → 215: the rows now add up to 3714 (3709.5–3718.5), which
        // the printed 3708 (3707.5–3708.5) cannot meet. The ratio uses the 合計 row and stays.
        let cellLine = try line("- {fy: 2015, count: 10, budget: 209, actual: 205}")
        let totalLine = try line("- {fy: 2015, count: 98, budget: 4687, actual: 3708}")
        let d = try expectMutation(line: cellLine, "actual: 205", "actual: 215", fires: [
            try at("budget-amount-sum", line: totalLine, "3708"),
            try known(),
        ])
        let finding = try #require(d.first)
        #expect(finding.message == "個別事業 FY2015 実績額: the field rows add up to 3714 = 3709.5–3718.5 (each printed amount ±0.5), "
                + "but the 合計 row says 3708 (3707.5–3708.5)")
        // The mutated cell is among the labels, named by its field.
        #expect(finding.labels.contains { $0.span.start.line == cellLine && $0.span.text == "215" && $0.message == "教育" })
    }

    @Test func oneBudgetCountChangedFiresTheCountSumAndTheFieldsProjects() throws {
        // 個別事業 教育 FY2015 事業数 10 → 11: the rows add up to 99, not 98, and the field lists
        // 10 projects running in FY2015.
        let cellLine = try line("- {fy: 2015, count: 10, budget: 209, actual: 205}")
        let totalLine = try line("- {fy: 2015, count: 98, budget: 4687, actual: 3708}")
        let d = try expectMutation(line: cellLine, "count: 10", "count: 11", fires: [
            try at("field-year-project-count", line: cellLine, "11", was: "10"),
            try at("budget-count-sum", line: totalLine, "98"),
            try known(),
        ])
        #expect(d.map(\.message).contains("教育 FY2015: the 個別事業 table counts 11 projects, but the field lists 10 running that year (start ≤ FY2015 ≤ end; 10 listed in all)"))
        #expect(d.map(\.message).contains("個別事業 FY2015 事業数: the field rows add up to 99 projects, but the 合計 row says 98 (counts are exact, so they must match)"))
    }

    @Test func oneRatioChangedFiresTheRatioRule() throws {
        let ratioLine = try line("- {fy: 2014, percent: 90.6}")
        let d = try expectMutation(line: ratioLine, "90.6", "90.8", fires: [
            try at("budget-ratio", line: ratioLine, "90.8", was: "90.6"),
            try known(),
        ])
        #expect(d.first?.message == "個別事業 FY2014 対予算額比 says 90.8% (90.75–90.85), but 実績額 ÷ 予算額 of the 合計 row is 6525 ÷ 7199 = 90.64%, "
                + "and with both amounts ±0.5 only 90.624–90.651%")
        // 90.7 is still reachable: 6525.5 ÷ 7198.5 × 100 = 90.6508… rounds to 90.7.
        try expectMutation(line: ratioLine, "90.6", "90.7", fires: [try known()])
    }

    @Test func oneEndYearChangedFiresTheNoteTheFieldCountAndTheStatedYear() throws {
        // 漁業用海岸局の再構築 (※平成27年度で終了) ends in 2015; make it 2016. The note disagrees, its
        // field (農業・林業・水産業) now runs 5 projects in FY2016 where the table says 4, and the
        // prose's FY2016 figures (96 projects, 3 ended) no longer follow from the list.
        let endLine = try line("end: 2015", after: "name: 漁業用海岸局の再構築")
        let fieldCell = try line("- {fy: 2016, count: 4, budget: 35, actual: 32}")
        let stated = try line("- {fy: 2016, projects: 96, added: 1, ended: 3,")
        let d = try expectMutation(line: endLine, "2015", "2016", fires: [
            try at("project-note-year", line: endLine, "2016", was: "2015"),
            try at("field-year-project-count", line: fieldCell, "4"),
            try known(),
            try at("stated-year-projects", line: stated, "96"),
            try at("stated-year-ended", line: stated, "3", after: "ended: "),
        ])
        #expect(d.first?.message == "漁業用海岸局の再構築 (分野6・項目1・事業3): the note ※平成27年度で終了 says it ended in FY2015, but its end year is 2016")
        #expect(d.first?.labels.map { "\($0.span.start.line) \($0.span.text) \($0.message)" } == ["\(endLine + 1) \"※平成27年度で終了\" FY2015"])
    }

    @Test func oneStartYearChangedWithoutANoteFiresThePartialYearWarningAndTheCounts() throws {
        // ブロードバンド環境の整備促進と利活用の促進 has no note, so it runs FY2014–FY2016. Starting it
        // in 2015 contradicts the list (no ※…事業開始), the field's FY2014 count (6) and the prose
        // (98 projects in FY2014; 3 added in FY2015).
        let startLine = try line("start: 2014", after: "name: ブロードバンド環境の整備促進と利活用の促進")
        try expectMutation(line: startLine, "2014", "2015", fires: [
            try at("project-partial-years-noted", line: startLine, "2015", was: "2014", severity: .warning),
            try at("field-year-project-count", line: try line("- {fy: 2014, count: 6, budget: 7, actual: 7}"), "6"),
            try known(),
            try at("stated-year-projects", line: try line("- {fy: 2014, projects: 98,"), "98"),
            try at("stated-year-added", line: try line("- {fy: 2015, projects: 98, added: 3,"), "3", after: "added: "),
        ])
    }

    @Test func oneNoteChangedFiresTheNoteRuleAtTheYearItContradicts() throws {
        let noteLine = try line("note: \"※平成27年度で終了\"", after: "name: 漁業用海岸局の再構築")
        let d = try expectMutation(line: noteLine, "平成27年度", "平成26年度", fires: [
            try at("project-note-year", line: noteLine - 1, "2015"),
            try known(),
        ])
        #expect(d.first?.message == "漁業用海岸局の再構築 (分野6・項目1・事業3): the note ※平成26年度で終了 says it ended in FY2014, but its end year is 2015")
    }

    @Test func aYearOutsideThePlanPeriodFiresThePeriodRuleOnly() throws {
        // The yearly counts only look at FY2014–FY2016, so a project running on to 2017 changes
        // none of them.
        let endLine = try line("end: 2016", after: "name: サイバー犯罪対策の推進")
        try expectMutation(line: endLine, "2016", "2017", fires: [
            try at("project-year-in-period", line: endLine, "2017", was: "2016"),
            try known(),
        ])
    }

    @Test func aStartAfterItsEndFiresTheOrderRule() throws {
        // 衛星系無線設備の更新 (※平成26年度で終了) runs FY2014 only; starting it in 2015 puts its
        // start after its end and takes it out of FY2014's counts.
        let startLine = try line("start: 2014", after: "name: 衛星系無線設備の更新")
        try expectMutation(line: startLine, "2014", "2015", fires: [
            try at("project-partial-years-noted", line: startLine, "2015", was: "2014", severity: .warning),
            try at("project-start-before-end", line: startLine + 1, "2014"),
            try at("field-year-project-count", line: try line("- {fy: 2014, count: 7, budget: 1848, actual: 1817}"), "7"),
            try known(),
            try at("stated-year-projects", line: try line("- {fy: 2014, projects: 98,"), "98"),
            try at("stated-year-ended", line: try line("- {fy: 2015, projects: 98, added: 3, ended: 3,"), "3", after: "ended: "),
        ])
    }

    @Test func aStatedCountChangedFiresItsRule() throws {
        try expectMutation(line: try line("  projects: 102"), "102", "103", fires: [
            try known(),
            try at("stated-project-count", line: try line("  projects: 102"), "103", was: "102"),
        ])
        let year = try line("- {fy: 2015, projects: 98, added: 3, ended: 3,")
        try expectMutation(line: year, "added: 3", "added: 2", fires: [
            try known(),
            try at("stated-year-added", line: year, "2", was: "3", after: "added: "),
        ])
        let field = try line("stated_projects: 19")
        try expectMutation(line: field, "19", "18", fires: [try at("field-project-count", line: field, "18", was: "19"), try known()])
    }

    @Test func aMisspeltRowNameFiresTheRowRuleWithoutACascade() throws {
        // The row no longer matches its field, so field-year-project-count cannot compare it:
        // one finding, at the name.
        let rowLine = try line("- field: 教育", after: "- category: 個別事業")
        let d = try expectMutation(line: rowLine, "教育", "教　育", fires: [
            try at("budget-row-field", line: rowLine, "教　育", was: "教育"),
            try known(),
        ])
        #expect(d.first?.message.hasPrefix("row 教　育 of the 個別事業 table names no field of the plan; the fields are 地域の情報化、行政の情報化、") == true)
    }

    @Test func aMisnumberedProjectFiresTheNumberingRule() throws {
        let numberLine = try line("- number: 3", after: "name: 移動通信用鉄塔施設の整備促進")
        try expectMutation(line: numberLine, "3", "4", fires: [
            try at("project-numbers-sequential", line: numberLine, "4", was: "3"),
            try known(),
        ])
    }

    // MARK: Structure is the schema's

    @Test func structuralDamageIsLeftToTheSchemaWithoutRuleFindingsOrFailures() throws {
        // A renamed key or a value of the wrong type is reported by the plan schema
        // (Plans/plan.schema.yaml). The rules skip what they cannot read — no cascade of
        // findings, and no `rule-evaluation-failed` (which would end the run with status 2).
        let end = try line("end: 2015", after: "name: 漁業用海岸局の再構築")
        let start = try line("start: 2014", after: "name: ブロードバンド環境の整備促進と利活用の促進")
        let mark = try line("mark: ○", after: "name: 被災地の情報発信等のためのＩＣＴ支援")
        let cell = try line("- {fy: 2015, count: 10, budget: 209, actual: 205}")
        let total = try line("- {fy: 2016, count: 96, budget: 4567, actual: 3342}")
        let tally = try tallyLine
        let ratio = try line("- {fy: 2014, percent: 90.6}")
        for (lineNumber, old, new) in [
            (end, "end: 2015", "ending: 2015"),
            (start, "2014", "\"H26\""),
            (mark, "mark: ○", "mrak: ○"),
            (cell, "budget: 209", "budgte: 209"),
            (cell, "budget: 209", "budget: \"２０９\""),
            (cell, "count: 10", "count: \"10\""),
            (total, "budget: 4567", "budget: \"4,567\""),
            (tally, "◎: 15", "◎: \"15\""),
            (ratio, "90.6", "\"90.6%\""),
        ] {
            let diagnostics = lint(try mutate(Self.plan, line: lineNumber, old, new))
            #expect(findings(diagnostics) == [try known()], "line \(lineNumber): \(old) → \(new): \(diagnostics.map(describe))")
        }
    }
}

/// Every rule of `rules` has a description, help, tags and both kinds of example, and every
/// example of the pack `loaded` passes.
func expectDocumentedAndExemplified(_ rules: [Rule], loaded: RuleLoadResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for r in rules {
        #expect(r.description?.isEmpty == false, "\(r.id) has no description", sourceLocation: sourceLocation)
        #expect(r.help?.isEmpty == false, "\(r.id) has no help", sourceLocation: sourceLocation)
        #expect(!r.tags.isEmpty, "\(r.id) has no tags", sourceLocation: sourceLocation)
        #expect(r.examples.contains { $0.kind == .valid }, "\(r.id) has no valid example", sourceLocation: sourceLocation)
        #expect(r.examples.contains { $0.kind == .invalid }, "\(r.id) has no invalid example", sourceLocation: sourceLocation)
    }
    let report = RuleTester.run(loaded)
    #expect(report.failures.map(\.description) == [], sourceLocation: sourceLocation)
    #expect(report.failed == 0, sourceLocation: sourceLocation)
}
