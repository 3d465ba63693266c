import Foundation
import Testing

/// Exit status: 0 clean, 1 findings at or above the fail level, 2 tool failures.
@Suite struct ExitCodeTests {
    @Test func cleanFilesExitZero() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.clean)
        let r = try box.planlint("check", "a.yaml")
        #expect(r.status == 0, "\(r.both)")
        #expect(r.stdout == "no problems found in 1 file\n", "\(r.both)")
    }

    @Test func errorFindingExitsOne() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.duplicate)
        let r = try box.planlint("check", "--format", "short", "a.yaml")
        #expect(r.status == 1, "\(r.both)")
        #expect(r.lines == ["a.yaml:2:1: error: duplicate key `name` in mapping [duplicate-key]"], "\(r.both)")
    }

    @Test func missingPathIsAnIOErrorExitingTwo() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.duplicate)
        let r = try box.planlint("check", "--format", "short", "a.yaml", "missing.yaml")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.lines.contains("missing.yaml: error: cannot read missing.yaml: No such file or directory [io-error]"), "\(r.both)")
        // The other file is still checked.
        #expect(r.lines.contains { $0.hasPrefix("a.yaml:2:1: error: duplicate key") }, "\(r.both)")
    }

    /// A warning passes by default, fails with --fail-on warning; info findings need --fail-on info.
    @Test func failOnLevels() throws {
        let box = try Sandbox()
        // Lowered to a warning by the config.
        try box.write(".planlint.yaml", "severity:\n  duplicate-key: warning\n")
        try box.write("a.yaml", Plan.duplicate)
        #expect(try box.planlint("check", "a.yaml").status == 0)
        #expect(try box.planlint("check", "--fail-on", "warning", "a.yaml").status == 1)
        #expect(try box.planlint("check", "--fail-on", "error", "a.yaml").status == 0)

        try box.write(".planlint.yaml", "severity:\n  duplicate-key: info\n")
        #expect(try box.planlint("check", "--fail-on", "warning", "a.yaml").status == 0)
        #expect(try box.planlint("check", "--fail-on", "info", "a.yaml").status == 1)

        // `fail-on` in the config; the flag wins over it.
        try box.write(".planlint.yaml", "fail-on: info\nseverity:\n  duplicate-key: info\n")
        #expect(try box.planlint("check", "a.yaml").status == 1)
        #expect(try box.planlint("check", "--fail-on", "error", "a.yaml").status == 0)
    }

    @Test func maxWarnings() throws {
        let box = try Sandbox()
        try box.write(".planlint.yaml", "severity:\n  duplicate-key: warning\n")
        try box.write("a.yaml", Plan.duplicate)
        try box.write("b.yaml", Plan.duplicate)
        #expect(try box.planlint("check", "--max-warnings", "2", "a.yaml", "b.yaml").status == 0)
        let r = try box.planlint("check", "--max-warnings", "1", "a.yaml", "b.yaml")
        #expect(r.status == 1, "\(r.both)")
        #expect(r.stdout.contains("2 warnings in 2 files"), "\(r.both)")
        #expect(try box.planlint("check", "--max-warnings", "-1", "a.yaml").status == 2)
    }

    @Test func exitZeroHidesFindingsButNotToolFailures() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.duplicate)
        let findings = try box.planlint("check", "--exit-zero", "a.yaml")
        #expect(findings.status == 0, "\(findings.both)")
        #expect(findings.stdout.contains("error[duplicate-key]"), "findings are still printed: \(findings.both)")
        #expect(try box.planlint("check", "--exit-zero", "a.yaml", "missing.yaml").status == 2)
        try box.write(".planlint.yaml", "exlude: []\n")
        #expect(try box.planlint("check", "--exit-zero", "a.yaml").status == 2)
    }

    @Test func unknownFlagIsAUsageErrorExitingTwo() throws {
        let box = try Sandbox()
        let r = try box.planlint("check", "--no-such-flag")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.stderr.contains("Unknown option '--no-such-flag'"), "\(r.both)")
        #expect(r.stderr.contains("Usage: planlint check"), "\(r.both)")
        #expect(r.stdout.isEmpty)
        let badValue = try box.planlint("check", "--format", "xml")
        #expect(badValue.status == 2, "\(badValue.both)")
        #expect(badValue.stderr.contains("xml"), "\(badValue.both)")
        let badRoot = try box.planlint("--bogus")
        #expect(badRoot.status == 2, "\(badRoot.both)")
    }
}
