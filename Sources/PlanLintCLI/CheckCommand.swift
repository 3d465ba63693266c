import ArgumentParser
import Foundation
import PlanLintKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint plan files (YAML) and report what is wrong.",
        discussion: """
        Exit status: 0 when nothing is at or above the fail level, 1 when findings are, \
        2 for usage, configuration or I/O errors.
        """
    )

    @Argument(help: "Files to check.")
    var paths: [String] = []

    @Option(help: "Output format (only `short` so far).")
    var format: String = "short"

    func run() throws {
        var diagnostics: [Diagnostic] = []
        for path in paths {
            diagnostics += Linter.lintYAMLFile(path: path)
        }
        diagnostics.sort(by: Diagnostic.ordered)
        for d in diagnostics {
            print(ShortLine.render(d))
        }
        let hasIOError = diagnostics.contains { $0.code == "io-error" }
        if hasIOError { throw ExitCode(2) }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
