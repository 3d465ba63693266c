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

    func runPack(on text: String) throws -> RunResult {
        let loaded = RuleLoader.load(paths: [repoRoot.appendingPathComponent("Rules").path])
        #expect(!loaded.hasErrors)
        let parsed = YAMLReader.parse(text, path: "Plans/miyagi-ict-2014-2016.yaml")
        #expect(parsed.problems.isEmpty)
        return RuleRunner(ruleSet: loaded.ruleSet).run(on: parsed.tree)
    }

    /// 1-based line of the first line containing `needle`.
    func line(of needle: String, in text: String) throws -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(needle) }) + 1
    }

    @Test func theMiyagiPlanAgreesWithThePack() throws {
        let result = try runPack(on: try repoFile("Plans/miyagi-ict-2014-2016.yaml"))
        #expect(result.isComplete)
        #expect(result.diagnostics.map(describe) == [])
    }

    @Test func changingOneMarkInTheMiyagiPlanFiresTheTallyRule() throws {
        let original = try repoFile("Plans/miyagi-ict-2014-2016.yaml")
        // The first ◎ project becomes ○: the tally's ◎ is now one too many, its ○ one too few.
        let mutated = original.replacingOccurrences(of: "mark: ◎", with: "mark: ○", options: [], range: original.range(of: "mark: ◎"))
        let result = try runPack(on: mutated)
        let tallyLine = try line(of: "counts: {◎: 15, ○: 80", in: original)
        #expect(result.diagnostics.map(describe) == [
            "Plans/miyagi-ict-2014-2016.yaml:\(tallyLine):19: tally-matches-marks: tally for ◎ says 15, but 14 listed projects carry it",
            "Plans/miyagi-ict-2014-2016.yaml:\(tallyLine):26: tally-matches-marks: tally for ○ says 80, but 81 listed projects carry it",
        ])
    }

    @Test func changingOneStatedCountFiresItsRule() throws {
        let original = try repoFile("Plans/miyagi-ict-2014-2016.yaml")
        let mutated = original.replacingOccurrences(of: "  projects: 102\n", with: "  projects: 103\n")
        #expect(mutated != original)
        let result = try runPack(on: mutated)
        #expect(result.diagnostics.map(\.message) == ["the plan states 103 projects, but lists 102"])
    }
}
