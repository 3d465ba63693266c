import Foundation
import Testing

/// The built `planlint` binary, end to end (scripts/test builds it before running tests).
@Suite struct CommandLineTests {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func planlint(_ arguments: String...) throws -> Output {
        let binary = planlintBinary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build planlint first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repoRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func testReportsMismatchesAndExitsOne() throws {
        let r = try planlint("test", "Tests/UI/planlint-test/wrong-examples.yaml")
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Tests/UI/planlint-test/wrong-examples.yaml:21: valid example 2 of row-total: unexpected row-total on example line 3: total 4, cells add up to 3")
        #expect(lines.count == 9)
        #expect(lines.last == "2 passed, 7 failed")
    }

    @Test func testPassesOnTheBundledPack() throws {
        let r = try planlint("test", "Rules/")
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.hasSuffix(" passed, 0 failed\n"))
        #expect(r.stderr.isEmpty)
    }

    @Test func rulesListsTheBundledPack() throws {
        let r = try planlint("rules", "--rules", "Rules")
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("ID ") == true)
        #expect(lines.contains { $0.hasPrefix("tally-row-total ") && $0.contains(" error ") && $0.contains("Rules/tallies.yaml:8 ") })
        let json = try planlint("rules", "--rules", "Rules/tallies.yaml", "--format", "json")
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(decoded?.map { $0["id"] as? String } == ["tally-row-total", "tally-total-row", "tally-matches-marks"])
    }

    @Test func evalPrintsValuesWithIntervals() throws {
        let r = try planlint("eval", "size(root.fields)", "Tests/Fixtures/plan-1/miyagi-ict-2014-2016.yaml")
        #expect(r.status == 0)
        #expect(r.stdout == "9\n")
        let at = try planlint("eval", "rounded(self.budget)", "Tests/Fixtures/plan-1/miyagi-ict-2014-2016.yaml", "--at", "budgets.tables[0].total.years[0]")
        #expect(at.stdout == "budgets.tables[0].total.years[0]: 7199 (7198.5–<7199.5)\n")
        let exact = try planlint("eval", "self.budget", "Tests/Fixtures/plan-1/miyagi-ict-2014-2016.yaml", "--at", "budgets.tables[0].total.years[0]")
        #expect(exact.stdout == "budgets.tables[0].total.years[0]: 7199\n")
        let bad = try planlint("eval", "size(root.fields", "Tests/Fixtures/plan-1/miyagi-ict-2014-2016.yaml")
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("<expression>:1:5: error: "))
    }

    @Test func brokenRuleFilesExitTwo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.yaml")
        try "rules:\n  - id: x\n    severity: error\n    summary: s\n    for: a[*\n    assert: 'true'\n".write(to: file, atomically: true, encoding: .utf8)
        let r = try planlint("rules", "--rules", file.path)
        #expect(r.status == 2)
        #expect(r.stderr.contains("bad.yaml:5:11: error: `[` is not closed [rule-file/invalid-path]"))
        let t = try planlint("test", file.path)
        #expect(t.status == 2)
        #expect(t.stdout == "0 passed, 0 failed; 1 rule file has errors: no rule was tested\n")
    }
}
