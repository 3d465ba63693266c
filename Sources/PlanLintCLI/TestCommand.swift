import ArgumentParser
import DiagnosticRendering
import Diagnostics
#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanLintKit

/// `planlint test`: runs the examples of rule files.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the valid and invalid examples of rule files and report every mismatch.",
        discussion: """
        Each example runs its own rule. An invalid example marks the lines a finding must point \
        at with `# expect: rule-id`; a valid example must produce nothing. Every mismatch is \
        reported with its line in the rule file, then `N passed, M failed`.

        Exit status: 0 when every example behaves as declared, 1 when one does not, 2 when a \
        rule file has an error.
        """
    )

    @Argument(help: "Rule files or folders, or `planlint:recommended` (default: Rules/ in the current directory).")
    var paths: [String] = []

    @OptionGroup var language: LanguageOptions

    func run() throws {
        language.apply()
        let paths = try RuleToolIO.rulePaths(self.paths, usage: "planlint test RULE-FILE-OR-FOLDER…")
        let report = RuleTools.test(paths: paths)
        RuleToolIO.printDiagnostics(report.loadDiagnostics)
        for f in report.failures { print(f.description) }
        print(report.summary)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}

/// What the rule-author subcommands share: default rule paths and printing diagnostics.
enum RuleToolIO {
    /// `paths`, or `Rules/` when none are given and it exists; otherwise a usage error.
    /// `usage` is how the command takes rule paths (in the error's advice).
    static func rulePaths(_ paths: [String], usage: String) throws -> [String] {
        if !paths.isEmpty { return paths }
        #if canImport(FoundationEssentials)
        var isDir = false
        let exists = FileManager.default.fileExists(atPath: RuleTools.defaultDirectory, isDirectory: &isDir)
        #else
        var objcIsDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: RuleTools.defaultDirectory, isDirectory: &objcIsDir)
        let isDir = objcIsDir.boolValue
        #endif
        if exists, isDir {
            return [RuleTools.defaultDirectory]
        }
        printError(CLIMessage.noRules(["dir": RuleTools.defaultDirectory, "usage": usage]))
        throw ExitCode(2)
    }

    /// Diagnostics on standard error, in output order, with their notes and help.
    static func printDiagnostics(_ diagnostics: [Diagnostic]) {
        for d in diagnostics.sorted(by: Diagnostic.ordered) {
            var text = ShortRenderer.line(d)
            for l in d.labels { text += "\n  \(l.span.file.path):\(l.span.start.line):\(l.span.start.column): \(l.message)" }
            for n in d.notes { text += "\n  = \(HumanMessage.note()): \(n)" }
            if let h = d.help { text += "\n  = \(HumanMessage.help()): \(h)" }
            printError(text)
        }
    }

    static func printError(_ text: String) {
        let bytes = Array((text + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 { if errno == EINTR { continue } else { return } }
            offset += n
        }
    }
}
