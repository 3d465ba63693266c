import ArgumentParser
import Diagnostics
import PlanLintKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `planlint` command: subcommands only declare options and hand the work to PlanLintKit.
package struct PlanLintMain: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "planlint",
        abstract: "Check plan data against declarative policy rules, and report like a compiler.",
        discussion: """
        Run `planlint check` (or just `planlint`) in a repository with a .planlint.yaml to lint \
        the configured plans. `planlint help check` lists the options.

        Examples:
          planlint                              lint what .planlint.yaml names
          planlint check Plans/2024.yaml        lint one file
          planlint explain duplicate-key        what a code means and how to fix it
          planlint --generate-completion-script zsh > _planlint

        Exit status: 0 clean, 1 findings at or above the fail level, 2 usage, \
        configuration or I/O errors (Docs/cli.md).
        """,
        version: PlanLintVersion.current,
        subcommands: [
            CheckCommand.self,
            ReportCommand.self,
            FixCommand.self,
            TestCommand.self,
            EvalCommand.self,
            RulesCommand.self,
            ExplainCommand.self,
            ManCommand.self,
            ParseCommand.self,
            InitCommand.self,
            MigrateCommand.self,
            SchemaCommand.self,
            LSPCommand.self,
        ],
        defaultSubcommand: CheckCommand.self
    )

    package init() {}

    /// The arguments as the parser should see them: `planlint eval '-7 % 3' FILE` takes an
    /// expression that starts with `-` as the expression, not as an option (a leading space,
    /// which the expression language ignores, keeps the parser from reading it as one).
    static func prepared(_ arguments: [String]) -> [String] {
        guard arguments.first == "eval" else { return arguments }
        var out = arguments
        var i = 1
        while i < out.count {
            let a = out[i]
            if a == "--" { break }
            if a == "--at" { i += 2; continue }
            if a.hasPrefix("--at=") || a == "-h" || a == "--help" { i += 1; continue }
            if a.hasPrefix("-") && a.count > 1 { out[i] = " " + a }
            break
        }
        return out
    }

    /// Parses the command line and runs the command. Usage errors exit with status 2 (not
    /// ArgumentParser's 64), as ruff and ESLint do, so CI scripts can tell "bad invocation"
    /// from "findings" with one convention.
    package static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // Usage errors come before a command runs: they are in the flag's or the locale's language.
        MessageText.language = LanguageOptions.early(arguments, environment: Terminal.environment())
        do {
            if let settings = CheckSettings.unparsed(arguments) {
                try settings.run()
            } else {
                var command = try parseAsRoot(Self.prepared(arguments))
                try command.run()
            }
        } catch let code as ExitCode where code != .validationFailure {
            // What `exit(withError:)` does for an exit code, without its usage text built twice.
            Glibc.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .validationFailure {
                let text = fullMessage(for: error)
                let bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
                _ = bytes.withUnsafeBytes { write(2, $0.baseAddress!, $0.count) }
                Glibc.exit(ExitPolicy.toolFailure)
            }
            exit(withError: error)
        }
    }
}
