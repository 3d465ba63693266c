import ArgumentParser
import DiagnosticRendering
import Diagnostics
import PlanLintKit

/// `planlint init [DIR]`: a plan@2 skeleton, its schema and a configuration that lint clean.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a plan repository: a commented plan@2 skeleton, its schema and a .planlint.yaml.",
        discussion: """
        Writes, into DIR (default: the current folder), `plan.yaml` — a commented plan@2 \
        skeleton with one example of each construct, whose first line names its schema for \
        editors — `plan.schema.yaml` (the schema, as `planlint schema plan@2` prints it) and \
        `.planlint.yaml`, which uses the rules built into planlint (`extends: \
        planlint:recommended`). `planlint check` is clean at once; replace the examples with \
        the review's own values, as printed (Docs/plan-format.md). Asks nothing; overwrites \
        nothing (when one of the files exists, nothing is written).

        Examples:
          planlint init
          planlint init reviews/2023 && cd reviews/2023 && planlint check

        Exit status: 0 written, 2 when a file exists or cannot be written.
        """
    )

    @Argument(help: "The folder to write into (it must exist).")
    var directory: String = "."

    @OptionGroup var language: LanguageOptions

    func run() throws {
        language.apply()
        switch ProjectInit.run(directory: directory) {
        case .written(let paths):
            for p in paths { Terminal.out(CLIMessage.wrote(["path": p]) + "\n") }
            Terminal.out(CLIMessage.initNext() + "\n")
        case .exists(let paths):
            let list = paths.joined(separator: ", ")
            Terminal.error("planlint: " + (paths.count == 1 ? CLIMessage.initExists(["paths": list]) : CLIMessage.initExist(["paths": list])))
            throw ExitCode(ExitPolicy.toolFailure)
        case .failed(let reason):
            Terminal.error("planlint: \(reason)")
            throw ExitCode(ExitPolicy.toolFailure)
        }
    }
}
