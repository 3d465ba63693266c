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
}
