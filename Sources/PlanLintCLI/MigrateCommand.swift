import ArgumentParser
import DiagnosticRendering
import Diagnostics
import PlanLintKit

/// `planlint migrate FILE…`: plan@1 → plan@2, in place.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Rewrite plan@1 files as plan@2, keeping comments and layout where it can.",
        discussion: """
        Each FILE that says `format: planlint/plan@1` is rewritten as planlint/plan@2 \
        (Docs/plan-format.md): the hierarchy becomes `levels` and `nodes`, the marks a declared \
        scale, the tally and budget tables `tables` with rows of cells, the stated counts \
        `stated`. Comments, blank lines, key order and the text of every kept scalar stay as \
        written. The file is replaced atomically and keeps its permissions; a file that is \
        already plan@2 is left alone.

        Examples:
          planlint migrate Plans/plan.yaml
          planlint migrate --stdout Plans/plan.yaml | less
          planlint migrate --check Plans/*.yaml      exit 1 if any file is still plan@1

        Exit status: 0 done (or nothing to do), 1 with --check when a file would change, \
        2 when a file cannot be read, parsed or written.
        """
    )

    @Argument(help: "plan@1 files to rewrite.")
    var files: [String]

    @Flag(name: .customLong("stdout"), help: "Print the rewritten text instead of writing the file (one file only).")
    var toStandardOutput = false

    @Flag(help: "Write nothing; list the files that are still plan@1 and exit 1 if there are any.")
    var check = false

    @Flag(help: "Accept files outside the repository.")
    var allowOutsideRoot = false

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if toStandardOutput && files.count != 1 { throw ValidationError(CLIMessage.stdoutOneFile()) }
        if toStandardOutput && check { throw ValidationError(CLIMessage.stdoutAndCheck()) }
    }

    func run() throws {
        language.apply()
        let options = Migrate.Options(cwd: PathUtil.currentDirectory(), toStandardOutput: toStandardOutput,
                                      check: check, allowOutsideRoot: allowOutsideRoot)
        var failed = false, pending = false
        for file in files {
            switch Migrate.run(path: file, options: options) {
            case .migrated(let text, let warnings):
                if toStandardOutput {
                    Terminal.out(text)
                } else if check {
                    Terminal.out(CLIMessage.stillPlan1(["file": file]) + "\n")
                    pending = true
                } else {
                    Terminal.out(CLIMessage.rewritten(["file": file]) + "\n")
                }
                for w in warnings { Terminal.error(CLIMessage.fileWarning(["file": file, "warning": HumanMessage.warning(), "text": w])) }
            case .alreadyCurrent:
                if !toStandardOutput && !check { Terminal.out(CLIMessage.alreadyPlan2(["file": file]) + "\n") }
            case .failed(let reason):
                Terminal.error("planlint: \(reason)")
                failed = true
            }
        }
        if failed { throw ExitCode(ExitPolicy.toolFailure) }
        if pending { throw ExitCode(ExitPolicy.findings) }
    }
}
