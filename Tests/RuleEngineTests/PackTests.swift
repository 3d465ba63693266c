import Diagnostics
import Foundation
import RuleEngine
import Testing
import YAMLTree

@Suite struct PackTests {
    @Test func bundledPackPassesItsOwnExamples() throws {
        let report = RuleTester.run(paths: [repoRoot.appendingPathComponent("Rules").path])
        #expect(report.loadDiagnostics.isEmpty, "\(report.loadDiagnostics.map(describe))")
        #expect(report.failures.isEmpty, "\(report.failures.map(\.description).joined(separator: "\n"))")
        #expect(report.failed == 0)
        #expect(report.passed > 10)
        #expect(report.exitCode == 0)
    }

    @Test func miyagiPlan() throws {
        let loaded = RuleLoader.load(paths: [repoRoot.appendingPathComponent("Rules").path])
        #expect(!loaded.hasErrors)
        let text = try repoFile("Plans/miyagi-ict-2014-2016.yaml")
        let parsed = YAMLReader.parse(text, path: "Plans/miyagi-ict-2014-2016.yaml")
        let result = RuleRunner(ruleSet: loaded.ruleSet).run(on: parsed.tree)
        print(result.diagnostics.sorted(by: Diagnostic.ordered).map(describe).joined(separator: "\n"))
        #expect(result.isComplete)
    }
}
