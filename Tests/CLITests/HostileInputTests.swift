import Foundation
import Testing

/// Issue 16, "hostile input, round two": each class is tried with the repository's own
/// `.planlint.yaml`, rule packs and schema in force (a copy of them in a sandbox), as an
/// attacker's pull request would meet them.
extension Sandbox {
    /// A sandbox holding a copy of this repository's config, plans, schema and rules.
    static func repositoryCopy() throws -> Sandbox {
        let box = try Sandbox()
        let root = PlanLintProcess.repositoryRoot
        for item in [".planlint.yaml", "Plans", "Rules"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(item), to: box.url(item))
        }
        return box
    }

    static let miyagi = "Plans/miyagi-ict-2014-2016.yaml"

    func mkfifo(_ relative: String) throws {
        guard Foundation.mkfifo(url(relative).path, 0o644) == 0 else { throw TestFailure("mkfifo \(relative) failed") }
    }

    func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }
}

extension PlanLintProcess.Output {
    /// Whether planlint ended by itself with a documented status (never a signal).
    var answered: Bool { [0, 1, 2].contains(status) }
}

@Suite struct HostileInputTests {
    // MARK: class 1 — numbers

    /// A budget cell of the real plan set to an exponent far past Int64 once crashed the schema
    /// validator (SIGILL, exit 132). Now it is a finding like any other out-of-range value.
    @Test func aHugeExponentInAPlanIsAFinding() throws {
        let box = try Sandbox.repositoryCopy()
        let plan = try box.read(Sandbox.miyagi)
        // The first budget cell of the plan@2 table (地域の情報化, FY2014 予算額 7).
        let row = "[地域の情報化, 6, 7, 7,"
        let before = try #require(plan.range(of: row), "the plan still has the row the test edits")
        let line = plan[..<before.lowerBound].filter { $0 == "\n" }.count + 1
        for huge in ["1e99999999999999999999", "-1e99999999999999999999", "1e-99999999999999999999",
                     "9" + String(repeating: "9", count: 400), "0x" + String(repeating: "f", count: 100), "1.5e+9223372036854775808"] {
            try box.write(Sandbox.miyagi, plan.replacingOccurrences(of: row, with: "[地域の情報化, 6, \(huge), 7,"))
            let r = try box.planlint("check", "--format", "short")
            #expect(r.answered, "\(huge): \(r.both)")
            #expect(r.status != 0, "\(huge) is not a plausible budget: \(r.both)")
            // At the edited cell: the plan has a finding of its own elsewhere.
            #expect(r.lines.contains { $0.hasPrefix("\(Sandbox.miyagi):\(line):21: error:") }, "\(huge): \(r.both.prefix(3_000))")
        }
    }

    // MARK: class 2 — outputs that are inputs

    /// Every input of the run — plan, rule file, schema, config, baseline — under every
    /// spelling (relative, absolute, `./`, `..`, a symbolic link, a hard link) and through every
    /// output option is refused with exit 2, and nothing is written.
    @Test func noOutputReplacesAnInput() throws {
        let box = try Sandbox.repositoryCopy()
        try box.write("baseline.json", "{\"version\": 1, \"findings\": []}\n")
        _ = try box.planlint("check", "--write-baseline", "baseline.json")
        let inputs = [Sandbox.miyagi, "Rules/budgets.yaml", "Plans/plan.schema.yaml", ".planlint.yaml", "baseline.json"]
        try box.mkdir("links")
        for (i, input) in inputs.enumerated() {
            try box.symlink("links/sym\(i)", to: "../" + input)
            try FileManager.default.linkItem(atPath: box.url(input).path, toPath: box.url("links/hard\(i)").path)
        }
        let before = try inputs.map { try box.read($0) }
        for (i, input) in inputs.enumerated() {
            let spellings = [input, "./" + input, box.path + "/" + input, "Plans/../" + input, "links/sym\(i)", "links/hard\(i)"]
            for spelling in spellings {
                for option in [["--output", spelling], ["--report", "json=" + spelling], ["--write-baseline", spelling]] {
                    let r = try box.planlint(arguments: ["check", "--baseline", "baseline.json", "--format", "short"] + option)
                    #expect(r.status == 2, "\(option): \(r.both)")
                    #expect(r.stdout.contains("[output/is-input]"), "\(option): \(r.both)")
                }
            }
        }
        #expect(try inputs.map { try box.read($0) } == before, "no input was touched")
        #expect(try box.contents(of: "Plans").allSatisfy { !$0.contains(".planlint-") }, "no temporary file left")
    }

    /// One refused output means none is written, not even the harmless ones.
    @Test func aRefusedOutputStopsEveryOutput() throws {
        let box = try Sandbox.repositoryCopy()
        let r = try box.planlint("check", "--report", "json=fine.json", "--output", Sandbox.miyagi, "--write-baseline", "b.json")
        #expect(r.status == 2, "\(r.both)")
        let listing = try box.contents()
        #expect(!box.exists("fine.json") && !box.exists("b.json"), "\(listing)")
    }

    /// The HTML page (`check --report html=FILE`, `planlint report --output FILE`) is an output
    /// like the others: it never replaces an input, however the path is spelled.
    @Test func theHTMLReportNeverReplacesAnInput() throws {
        let box = try Sandbox.repositoryCopy()
        try box.mkdir("links")
        try box.symlink("links/plan", to: "../" + Sandbox.miyagi)
        let inputs = [Sandbox.miyagi, "Rules/budgets.yaml", ".planlint.yaml"]
        let before = try inputs.map { try box.read($0) }
        for spelling in [Sandbox.miyagi, "./Rules/budgets.yaml", ".planlint.yaml", "links/plan"] {
            for arguments in [["check", "--report", "html=" + spelling], ["report", "--output", spelling]] {
                let r = try box.planlint(arguments: arguments)
                #expect(r.status == 2, "\(arguments): \(r.both)")
                #expect(r.both.contains("[output/is-input]"), "\(arguments): \(r.both)")
            }
        }
        #expect(try inputs.map { try box.read($0) } == before, "no input was touched")
        let ok = try box.planlint("report", "--output", "report.html")
        #expect(ok.status == 1, "\(ok.both)")
        #expect(try box.read("report.html").hasPrefix("<!DOCTYPE html>"))
    }

    /// A link committed to the repository must not make planlint overwrite a file outside it.
    @Test func outputsAreNotWrittenThroughLinksLeavingTheRepository() throws {
        let box = try Sandbox.repositoryCopy()
        let outside = try Sandbox(repository: false)
        try outside.write("victim.txt", "precious\n")
        try box.symlink("planlint.sarif", to: outside.url("victim.txt").path)
        let r = try box.planlint("check", "--format", "sarif", "--output", "planlint.sarif")
        #expect(r.status == 2, "\(r.both)")
        #expect(try outside.read("victim.txt") == "precious\n")
        // A link inside the repository is followed and stays a link.
        try box.symlink("inside.sarif", to: "reports/out.sarif")
        try box.mkdir("reports")
        let ok = try box.planlint("check", "--format", "sarif", "--output", "inside.sarif")
        #expect(ok.status == 1, "\(ok.both)")
        #expect(try box.read("reports/out.sarif").contains("\"version\": \"2.1.0\""))
        #expect(!box.isRegularFile(box.url("inside.sarif").path), "the link is still a link")
    }

    // MARK: class 3 — devices and write errors

    @Test func devicesAreWrittenNotReplaced() throws {
        let box = try Sandbox.repositoryCopy()
        for device in ["/dev/null", "/dev/zero"] where FileManager.default.isWritableFile(atPath: device) {
            let r = try box.planlint("check", "--format", "json", "--output", device, "--report", "sarif=" + device)
            #expect(r.status == 1, "\(device): \(r.both)")
            var st = stat()
            #expect(lstat(device, &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR, "\(device) is still a device")
        }
        // /dev/stdout is this process's standard output.
        let out = try box.planlint("check", "--format", "short", "--report", "json=/dev/stdout")
        #expect(out.status == 1, "\(out.both)")
        #expect(out.stdout.contains("\"code\""), "the JSON report reached standard output: \(out.both)")
        // A FIFO gets the report through it.
        try box.mkfifo("pipe")
        let cat = Process()
        cat.executableURL = URL(fileURLWithPath: "/bin/cat")
        cat.arguments = [box.url("pipe").path]
        let received = box.url("received.json")
        _ = FileManager.default.createFile(atPath: received.path, contents: nil)
        cat.standardOutput = try FileHandle(forWritingTo: received)
        try cat.run()
        let piped = try box.planlint("check", "--format", "json", "--output", "pipe")
        cat.waitUntilExit()
        #expect(piped.status == 1, "\(piped.both)")
        #expect(try box.read("received.json").contains("\"code\""), "the report went through the FIFO")
        var st = stat()
        #expect(lstat(box.url("pipe").path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO, "still a FIFO")
    }

    /// A full device (ENOSPC) is a tool failure: exit 2 with the system's reason.
    @Test func writeErrorsExitTwo() throws {
        guard FileManager.default.isWritableFile(atPath: "/dev/full") else { return }
        let box = try Sandbox.repositoryCopy()
        for option in [["--output", "/dev/full"], ["--report", "sarif=/dev/full"], ["--write-baseline", "/dev/full"]] {
            let r = try box.planlint(arguments: ["check"] + option)
            #expect(r.status == 2, "\(option): \(r.both)")
            #expect(r.both.contains("No space left on device"), "\(option): \(r.both)")
        }
        var st = stat()
        #expect(lstat("/dev/full", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
        // Standard output itself on a full device.
        let process = Process()
        process.executableURL = PlanLintProcess.executable
        process.arguments = ["check", "--format", "short"]
        process.currentDirectoryURL = box.url
        process.environment = PlanLintProcess.baseEnvironment()
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
    }

    // MARK: class 4 — reads outside the repository

    /// A link met while discovering plans or rules that leads outside the repository is not
    /// read, and says so (exit 2) — even when a rule would print the file's content.
    @Test func discoveredLinksStayInsideTheRepository() throws {
        let box = try Sandbox.repositoryCopy()
        let outside = try Sandbox(repository: false)
        try outside.write("secret.yaml", "name: TOP-SECRET-VALUE\n")
        try outside.write("folder/also.yaml", "name: TOP-SECRET-VALUE\n")
        try box.write("Rules/leak.yaml", """
            rules:
              - id: leak
                severity: error
                summary: Prints the document.
                for: $
                assert: "false"
                message: "{root}"
            """)
        for (link, target) in [("Plans/p.yaml", outside.url("secret.yaml").path), ("Plans/sub", outside.url("folder").path),
                               ("Plans/passwd.yaml", "/etc/passwd"), ("Plans/status.yaml", "/proc/self/status")] {
            try box.symlink(link, to: target)
            let r = try box.planlint("check", "--format", "short")
            #expect(r.status == 2, "\(link): \(r.both)")
            #expect(r.stdout.contains("[outside-root]"), "\(link): \(r.both)")
            #expect(!r.both.contains("TOP-SECRET-VALUE") && !r.both.contains("root:x:0"), "\(link): \(r.both)")
            try FileManager.default.removeItem(at: box.url(link))
        }
        // A rule file linked outside the repository is not loaded either.
        try box.symlink("Rules/evil.yaml", to: outside.url("secret.yaml").path)
        let rules = try box.planlint("check", "--format", "short")
        #expect(rules.status == 2, "\(rules.both)")
        #expect(!rules.both.contains("TOP-SECRET-VALUE"), "\(rules.both)")
        // --allow-outside-root is the user's explicit trust.
        try FileManager.default.removeItem(at: box.url("Rules/evil.yaml"))
        try box.symlink("Plans/p.yaml", to: outside.url("secret.yaml").path)
        let trusted = try box.planlint("check", "--format", "short", "--allow-outside-root")
        #expect(trusted.stdout.contains("Plans/p.yaml"), "\(trusted.both)")
    }

    // MARK: class 5 and 9 — limits have hard ceilings

    /// No config value can lift a limit past its ceiling: every key, values at and far past it.
    @Test func configLimitsHaveHardCeilings() throws {
        let box = try Sandbox.repositoryCopy()
        let config = try box.read(".planlint.yaml")
        let ceilings = ["max-depth": 10_000, "max-alias-expansion": 10_000_000, "cost-budget": 50_000_000,
                        "max-expression-depth": 256]
        for (key, ceiling) in ceilings.sorted(by: { $0.key < $1.key }) {
            for value in ["\(ceiling + 1)", "9e18", "1e8", "9223372036854775807", "99999999999999999999999", "1e99999999999999999999"] {
                try box.write(".planlint.yaml", config + "limits:\n  \(key): \(value)\n")
                let r = try box.planlint("check", "--format", "short")
                #expect(r.status == 2, "\(key): \(value): \(r.both)")
                #expect(r.stdout.contains("[config/invalid-value]"), "\(key): \(value): \(r.both)")
            }
            try box.write(".planlint.yaml", config + "limits:\n  \(key): \(ceiling)\n")
            let at = try box.planlint("check", "--format", "short")
            #expect(at.status == 1, "\(key) at its ceiling is accepted: \(at.both)")
        }
        for value in ["3GiB", "9e18", "99999999999999999999999"] {
            try box.write(".planlint.yaml", config + "limits:\n  max-file-size: \(value)\n")
            let r = try box.planlint("check", "--format", "short")
            #expect(r.status == 2 && r.stdout.contains("[config/invalid-value]"), "\(value): \(r.both)")
        }
        for flag in [["--cost-budget", "9000000000000000000"], ["--max-depth", "100000000"], ["--max-alias-expansion", "99999999999"],
                     ["--max-file-size", "4GiB"], ["--cost-budget", "99999999999999999999999"]] {
            let r = try box.planlint(arguments: ["check"] + flag)
            #expect(r.status == 2, "\(flag): \(r.both)")
        }
    }

    /// 1,800 nested parentheses once overflowed the expression parser's stack when the config
    /// raised `max-expression-depth`; past the ceiling the config is refused, and at it a deep
    /// expression is checked (or refused as too deep), never a crash.
    @Test func deepExpressionsAtTheCeilingAreErrorsNotCrashes() throws {
        let box = try Sandbox.repositoryCopy()
        try box.write(".planlint.yaml", try box.read(".planlint.yaml") + "limits:\n  max-expression-depth: 256\n")
        for depth in [250, 256, 300, 1_800, 5_000] {
            var parens = String(repeating: "(", count: depth) + "true" + String(repeating: ")", count: depth)
            var sum = "1"
            for _ in 0..<max(0, depth - 2) { sum = "(1 + " + sum + ")" }
            if sum.utf8.count > 16_000 { sum = "1" }
            for expression in [parens, sum + " > 0"] {
                try box.write("Rules/deep.yaml", """
                    rules:
                      - id: deep
                        severity: error
                        summary: Deep.
                        for: $
                        assert: "\(expression)"
                    """)
                let r = try box.planlint("check", "--format", "short")
                #expect(r.answered, "\(depth): \(r.both.prefix(2_000))")
                if depth > 256 && expression.utf8.count > 3 * 256 {
                    #expect(r.stdout.contains("expr-too-deep"), "\(depth): \(r.both.prefix(2_000))")
                }
            }
            parens = ""
        }
    }

    // MARK: class 14 — nothing that could not be read passes in silence

    @Test func aConfigThatCannotBeReadIsAnError() throws {
        let box = try Sandbox.repositoryCopy()
        try FileManager.default.removeItem(at: box.url(".planlint.yaml"))
        try box.mkfifo(".planlint.yaml")
        let fifo = try box.planlint("check")
        #expect(fifo.status == 2, "FIFO: \(fifo.both)")
        try FileManager.default.removeItem(at: box.url(".planlint.yaml"))
        try box.mkdir(".planlint.yaml")
        let folder = try box.planlint("check")
        #expect(folder.status == 2, "folder: \(folder.both)")
        try FileManager.default.removeItem(at: box.url(".planlint.yaml"))
        for target in ["missing.yaml", "/dev/zero", "/dev/null"] {
            try box.symlink(".planlint.yaml", to: target)
            let r = try box.planlint("check")
            #expect(r.status == 2, "link to \(target): \(r.both)")
            #expect(r.both.contains(".planlint.yaml"), "link to \(target): \(r.both)")
            try FileManager.default.removeItem(at: box.url(".planlint.yaml"))
        }
        // --config names the same things.
        try box.mkfifo("fifo.yaml")
        let explicit = try box.planlint("check", "--config", "fifo.yaml")
        #expect(explicit.status == 2, "\(explicit.both)")
    }

    @Test func unreadableFilesInSearchedFoldersAreErrors() throws {
        let box = try Sandbox.repositoryCopy()
        try box.mkfifo("Plans/pipe.yaml")
        let fifo = try box.planlint("check", "--format", "short")
        #expect(fifo.status == 2, "\(fifo.both)")
        #expect(fifo.stdout.contains("Plans/pipe.yaml") && fifo.stdout.contains("[io-error]"), "\(fifo.both)")
        try FileManager.default.removeItem(at: box.url("Plans/pipe.yaml"))
        try box.mkfifo("Rules/pipe.yaml")
        let rules = try box.planlint("check", "--format", "short")
        #expect(rules.status == 2, "\(rules.both)")
        try FileManager.default.removeItem(at: box.url("Rules/pipe.yaml"))
        try box.symlink("Rules/gone.yaml", to: "nowhere.yaml")
        let dangling = try box.planlint("check", "--format", "short")
        #expect(dangling.status == 2, "\(dangling.both)")
    }
}
