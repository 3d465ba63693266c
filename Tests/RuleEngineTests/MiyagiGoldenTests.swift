import DiagnosticRendering
import Diagnostics
import Foundation
import PlanLintKit
import RuleEngine
import Testing
import YAMLTree

/// What planlint prints for the real plan, held in Tests/UI/miyagi/ (re-record with
/// PLANLINT_RECORD=1): the bundled pack's findings on Plans/miyagi-ict-2014-2016.yaml in the
/// human and SARIF forms.
@Suite struct MiyagiGoldenTests {
    static let planPath = "Plans/miyagi-ict-2014-2016.yaml"
    static let goldenDirectory = repoRoot.appendingPathComponent("Tests/UI/miyagi")
    /// The root SARIF names as `%SRCROOT%`; a placeholder, so the golden is the same on every machine.
    static let root = "/REPO"

    /// The rules' metadata as SARIF lists it.
    static func metadata(_ rules: [Rule]) -> [RuleMetadata] {
        rules.map { r in
            RuleMetadata(id: r.id, shortDescription: r.summary, fullDescription: r.description ?? r.summary,
                         helpText: r.help ?? r.summary, helpURI: r.docsURL, defaultLevel: r.severity, tags: r.tags)
        } + RuleMetadata.builtIn
    }

    /// The pack's diagnostics on the plan, in output order, and the render context.
    func run() throws -> ([Diagnostic], RenderContext) {
        let loaded = RuleLoader.load(paths: [repoRoot.appendingPathComponent("Rules").path])
        #expect(loaded.diagnostics.isEmpty)
        let parsed = YAMLReader.parse(try repoFile(Self.planPath), path: Self.planPath)
        #expect(parsed.problems.isEmpty)
        let result = RuleRunner(ruleSet: loaded.ruleSet).run(on: parsed.tree)
        #expect(result.isComplete)
        let diagnostics = result.diagnostics.sorted(by: Diagnostic.ordered)
        let failing = diagnostics.contains { $0.severity == .error }
        let context = RenderContext(toolVersion: PlanLintVersion.current, rules: Self.metadata(loaded.ruleSet.rules),
                                    rootDirectory: Self.root, exitCode: failing ? 1 : 0, executionSuccessful: true,
                                    checkedFiles: [Self.planPath], color: false)
        return (diagnostics, context)
    }

    /// Compares `output` with the golden file `name`, or records it when PLANLINT_RECORD=1.
    func check(_ output: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = Self.goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PLANLINT_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try Data(output.utf8).write(to: url, options: .atomic)
            return
        }
        let expected = try #require(try? String(contentsOf: url, encoding: .utf8),
                                    "no golden Tests/UI/miyagi/\(name): record it with PLANLINT_RECORD=1", sourceLocation: sourceLocation)
        #expect(output == expected, "Tests/UI/miyagi/\(name) differs (re-record with PLANLINT_RECORD=1 if intended):\n\(Self.diff(expected, output))",
                sourceLocation: sourceLocation)
    }

    /// The first differing lines, with their numbers: readable in a test log.
    static func diff(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(e.count, a.count) where out.count < 12 {
            let l = i < e.count ? String(e[i]) : nil, r = i < a.count ? String(a[i]) : nil
            if l != r {
                out.append("line \(i + 1):")
                out.append("  - \(l ?? "(no line)")")
                out.append("  + \(r ?? "(no line)")")
            }
        }
        return out.joined(separator: "\n")
    }

    @Test func humanOutput() throws {
        let (diagnostics, context) = try run()
        let output = OutputFormat.human.render(diagnostics, context: context)
        // The golden must hold the known finding, whatever was recorded.
        #expect(output.contains("error[budget-amount-sum]"))
        #expect(output.contains("--> Plans/miyagi-ict-2014-2016.yaml:1050:43"))
        try check(output, against: "check.human.txt")
    }

    @Test func sarifOutput() throws {
        let (diagnostics, context) = try run()
        let output = OutputFormat.sarif.render(diagnostics, context: context)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["budget-amount-sum"])
        try check(output, against: "check.sarif.json")
    }
}
