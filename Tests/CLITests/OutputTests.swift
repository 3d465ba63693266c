import Foundation
import Testing

/// --format, --output, --report, --quiet, --statistics, --color; atomic writes.
@Suite struct OutputTests {
    @Test func outputFileGetsTheFormatAndTheTerminalGetsHuman() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.duplicate)
        let r = try box.planlint("check", "--format", "sarif", "--output", "out/planlint.sarif", "a.yaml")
        #expect(r.status == 2, "the folder does not exist: a write failure is a tool failure: \(r.both)")
        #expect(r.stderr.contains("cannot write out/planlint.sarif"), "\(r.both)")

        try box.mkdir("out")
        let ok = try box.planlint("check", "--format", "sarif", "--output", "out/planlint.sarif", "a.yaml")
        #expect(ok.status == 1, "\(ok.both)")
        #expect(ok.stdout.contains("error[duplicate-key]"), "terminal gets human: \(ok.both)")
        let results = try SARIF.results(try box.read("out/planlint.sarif"))
        #expect(results.count == 1)
        #expect(results.first?["ruleId"] as? String == "duplicate-key")
        #expect(try box.contents(of: "out") == ["planlint.sarif"], "no temporary file left behind")
    }

    @Test func severalReports() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.duplicate)
        let r = try box.planlint("check", "--format", "short", "--report", "junit=junit.xml", "--report", "json=out.json", "a.yaml")
        #expect(r.status == 1, "\(r.both)")
        #expect(r.lines == ["a.yaml:2:1: error: duplicate key `name` in mapping [duplicate-key]"], "\(r.both)")
        #expect(try box.read("junit.xml").contains("<testsuites"))
        #expect(try box.read("out.json").contains("\"duplicate-key\""))
        let bad = try box.planlint("check", "--report", "pdf=x.pdf", "a.yaml")
        #expect(bad.status == 2 && bad.stderr.contains("--report takes FORMAT=FILE"), "\(bad.both)")
    }

    /// The writer is killed between writing the temporary file and renaming it: the old
    /// report survives intact.
    @Test func killedMidWriteLeavesTheOldFileIntact() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.duplicate)
        let old = "OLD REPORT — must survive\n"
        try box.write("report.sarif", old)
        let running = try PlanLintProcess.start(["check", "--format", "sarif", "--output", "report.sarif", "a.yaml"],
                                                cwd: box.url, environment: [PlanLintProcess.PauseVariable.name: "1"])
        let deadline = Date().addingTimeInterval(30)
        while !running.stderrSoFar.contains("test pause before renaming") && Date() < deadline {
            usleep(20_000)
        }
        #expect(running.stderrSoFar.contains("test pause before renaming"), "the writer never reached the pause")
        // The new content is complete in the temporary file at this point.
        let temps = try box.contents().filter { $0.hasPrefix(".report.sarif.planlint-") }
        let listing = try box.contents()
        #expect(temps.count == 1, "\(listing)")
        kill(running.process.processIdentifier, SIGKILL)
        running.process.waitUntilExit()
        #expect(running.process.terminationReason == .uncaughtSignal)
        #expect(try box.read("report.sarif") == old)
        if let temp = temps.first {
            #expect(try box.read(temp).contains("\"version\": \"2.1.0\""), "the temporary file holds the new report")
        }
        // A normal run replaces it.
        let r = try box.planlint("check", "--format", "sarif", "--output", "report.sarif", "a.yaml")
        #expect(r.status == 1)
        #expect(try SARIF.results(try box.read("report.sarif")).count == 1)
    }

    /// Baselines are written through the same atomic writer.
    @Test func baselineWriteIsAtomicToo() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.duplicate)
        try box.write("b.json", "{}")
        let running = try PlanLintProcess.start(["check", "--write-baseline", "b.json", "a.yaml"],
                                                cwd: box.url, environment: [PlanLintProcess.PauseVariable.name: "1"])
        let deadline = Date().addingTimeInterval(30)
        while !running.stderrSoFar.contains("test pause before renaming") && Date() < deadline { usleep(20_000) }
        kill(running.process.processIdentifier, SIGKILL)
        running.process.waitUntilExit()
        #expect(try box.read("b.json") == "{}")
    }

    @Test func quietAndStatistics() throws {
        let box = try Sandbox()
        try box.write("a.yaml", "a: 1\na: 2\nb: 1\nb: 2\n")
        try box.write("b.yaml", "x: [1\n")
        let quiet = try box.planlint("check", "--quiet", "a.yaml")
        #expect(quiet.status == 1)
        #expect(!quiet.stdout.contains("errors in"), "no summary: \(quiet.both)")
        #expect(quiet.stdout.components(separatedBy: "error[duplicate-key]").count == 3, "\(quiet.both)")
        let clean = try box.planlint("check", "-q", "--no-config", "--stdin-filename", "x.yaml", stdin: Plan.clean)
        #expect(clean.stdout.isEmpty && clean.status == 0, "\(clean.both)")

        let stats = try box.planlint("check", "--statistics", "a.yaml", "b.yaml")
        #expect(stats.status == 1)
        #expect(stats.lines == ["2  error    duplicate-key", "1  error    yaml-syntax", "3 errors in 2 files"], "\(stats.both)")
    }

    @Test func colorChoice() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.duplicate)
        let never = try box.planlint("check", "a.yaml")
        #expect(!never.stdout.contains("\u{1B}["), "no colour into a pipe")
        let always = try box.planlint("check", "--color", "always", "a.yaml")
        #expect(always.stdout.contains("\u{1B}["), "\(always.both)")
        let forced = try box.planlint("check", "a.yaml", environment: ["CLICOLOR_FORCE": "1"])
        #expect(forced.stdout.contains("\u{1B}["))
        let noColor = try box.planlint("check", "a.yaml", environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": "1"])
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    @Test func githubAndJUnitFormats() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.duplicate)
        let gh = try box.planlint("check", "--format", "github", "a.yaml")
        #expect(gh.lines.first?.hasPrefix("::error file=a.yaml,line=2,") == true, "\(gh.both)")
        let junit = try box.planlint("check", "--format", "junit", "a.yaml")
        #expect(junit.stdout.contains("<failure"), "\(junit.both)")
    }
}
