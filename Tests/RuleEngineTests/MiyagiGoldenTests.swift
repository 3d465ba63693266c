import Foundation
import GoldenFiles
import RuleEngine
import Testing

/// What the repository's main command prints for the real plan — `planlint check` from the
/// repository root (scripts/lint), which lints Plans/ with Rules/ and the plan schema as
/// .planlint.yaml says — held in Tests/UI/miyagi/ in the human and SARIF forms. Re-record with
/// PLANLINT_RECORD=1 after an intended change, and update Plans/README.md, which quotes it.
@Suite struct MiyagiGoldenTests {
    static let goldenDirectory = repoRoot.appendingPathComponent("Tests/UI/miyagi")

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs the built planlint in the repository root (scripts/test builds it first).
    func planlint(_ arguments: [String], stdin: String? = nil) throws -> Output {
        let binary = planlintBinary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build planlint first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repoRoot
        process.environment = Self.environment(language: nil)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self))
    }

    /// The test's environment without its locale variables (the output must not depend on
    /// the caller's locale), with `LANG` set to `language` when given.
    static func environment(language: String?) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for k in ["LC_ALL", "LC_MESSAGES", "LANG"] { env.removeValue(forKey: k) }
        if let language { env["LANG"] = language }
        return env
    }

    /// `planlint check` with `extra` arguments: exit 1 (the known finding), nothing on stderr.
    func check(_ extra: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let r = try planlint(["check", "--color", "never"] + extra)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stderr.isEmpty, "\(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }

    /// The repository root's `file://` URI differs per machine; the golden holds a placeholder.
    static func normalizeRoot(_ sarif: String) -> String {
        Golden.replacingRoot(repoRoot.path, in: sarif, with: "file:///REPO/")
    }

    /// Compares `output` with the golden file `name`, or records it when PLANLINT_RECORD=1.
    func check(_ output: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        Golden.check(output, against: Self.goldenDirectory.appendingPathComponent(name).path, sourceLocation: sourceLocation)
    }

    @Test func humanOutput() throws {
        let output = try check([])
        // The golden must hold the known finding, whatever was recorded.
        #expect(output.contains("error[table-column-total]"))
        #expect(output.contains("--> Plans/miyagi-ict-2014-2016.yaml:787:46"))
        #expect(output.hasSuffix("\n1 error in 2 files\n"))
        try check(output, against: "check.human.txt")
    }

    @Test func sarifOutput() throws {
        let raw = try check(["--format", "sarif"])
        let output = Self.normalizeRoot(raw)
        #expect(output != raw, "the repository root was not replaced by the placeholder")
        #expect(!output.contains(repoRoot.standardizedFileURL.path))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["table-column-total"])
        // Every bundled rule is described, with its summary.
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let loaded = RuleLoader.load(paths: [repoRoot.appendingPathComponent("Rules").path])
        for r in loaded.ruleSet.rules {
            let entry = rules.first { $0["id"] as? String == r.id }
            #expect((entry?["shortDescription"] as? [String: Any])?["text"] as? String == r.summary, "\(r.id)")
        }
        try check(output, against: "check.sarif.json")
    }

    /// Plans/README.md lists the document's known issues by quoting planlint's report; it
    /// must quote the current one.
    @Test func thePlansReadmeQuotesTheReport() throws {
        let output = try check([])
        let readme = try repoFile("Plans/README.md")
        #expect(readme.contains("```text\n" + output + "```\n"), "Plans/README.md does not quote the current report:\n\(output)")
        // One section per finding.
        let findings = try check(["--format", "short", "--quiet"]).split(separator: "\n").count
        #expect(findings == 1)
        #expect(readme.components(separatedBy: "\n### ").count - 1 == findings)
    }

    /// Damage to the structure is reported once, by whichever knows: an unknown key and a year
    /// written as text by the schema, a full-width amount (a string, which a cell may be) by
    /// table-cell-value; the rules that would need those values stay quiet (no cascade, no
    /// rule-evaluation-failed).
    @Test func structureIsReportedOnceByTheSchema() throws {
        var plan = try repoFile("Plans/miyagi-ict-2014-2016.yaml")
        func replace(_ old: String, _ new: String, after anchor: String) throws {
            let a = try #require(plan.range(of: anchor))
            let r = try #require(plan.range(of: old, range: a.upperBound..<plan.endIndex))
            plan.replaceSubrange(r, with: new)
        }
        try replace("department:", "departmnt:", after: "name: 漁業用海岸局の再構築")
        try replace("end: 2014", "end: \"H26\"", after: "name: 高齢者講習管理システムの導入")
        try replace("209", "\"２０９\"", after: "- [教育, ")
        let r = try planlint(["check", "--format", "short", "--quiet", "-", "--stdin-filename", "Plans/miyagi-ict-2014-2016.yaml"], stdin: plan)
        #expect(r.status == 1, "\(r.stdout)\(r.stderr)")
        let codes = r.stdout.split(separator: "\n").map { line in line.split(separator: "[").last.map { String($0.dropLast()) } ?? "" }
        #expect(codes == ["schema/additional-properties", "schema/type", "table-cell-value", "table-column-total"], "\(r.stdout)")
    }

    /// `planlint report` on the Miyagi plan (plan@2) and on its plan@1 copy (charted through the
    /// migration in memory): the one finding is marked on the 情報発信サイト等 chart at the FY2016
    /// 予算額 of the 合計 row (159), on its bar and in its table, and nowhere else.
    @Test(arguments: ["Plans/miyagi-ict-2014-2016.yaml", "Tests/Fixtures/plan-1/miyagi-ict-2014-2016.yaml"])
    func theReportMarksTheFindingOnItsChart(plan: String) throws {
        let r = try planlint(["report", plan])
        #expect(r.status == 1, "\(r.stderr)")
        let page = r.stdout
        let cell = "data-finding=\"finding-"
        let marks = page.ranges(of: cell)
        #expect(marks.count == 2, "one bar and one table cell: \(marks.count)")
        for m in marks {
            let figure = try #require(page[..<m.lowerBound].range(of: "<figure id=", options: .backwards))
            let caption = page[figure.lowerBound...].prefix(400)
            #expect(caption.contains("<span class=\"figure-title\">情報発信サイト等</span>"), "\(caption)")
            let element = try #require(page[..<m.lowerBound].range(of: "<", options: .backwards))
            let marked = page[element.lowerBound...].prefix(160)
            #expect(marked.contains("data-value=\"159\"") || marked.contains("<span class=\"v\">159</span>"), "\(marked)")
        }
        #expect(page.contains("data-panel=\"2\" data-row=\"9\" data-series=\"0\" data-value=\"159\" data-finding=\"finding-"), "the bar of 合計, FY2016, 予算額")
        #expect(page.contains("<td class=\"num\" data-panel=\"2\" data-series=\"0\" data-finding=\"finding-"), "its cell in the table")
        #expect(page.contains("<p class=\"migrated\">") == plan.hasPrefix("Tests/"), "only the plan@1 file says it was read through the migration")
    }
}
