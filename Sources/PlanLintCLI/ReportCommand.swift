import ArgumentParser
import Diagnostics
import DiagnosticRendering
import PlanLintKit

/// `planlint report`: the check's findings and the plans' numbers as one HTML page.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report: the findings and the plans' numbers as charts, one self-contained page.",
        discussion: """
        Checks the plans as `planlint check` does and writes one HTML page: a summary (plans, \
        files, findings per code, whether CI would pass, the planlint version and rule packs), \
        every finding with its source excerpt, and each plan's tables, marks, yearly counts and \
        indicators as charts with the table of their numbers; a cell a finding points at is \
        marked on its chart. The page loads nothing and runs no script, so it opens offline (from \
        a mail attachment) and prints on A4. Docs/output-formats.md describes it.

        Examples:
          planlint report --output report.html              the configured plans
          planlint report Plans/miyagi-ict-2014-2016.yaml -o miyagi.html
          planlint check --report html=report.html          the same page beside a check

        `planlint check --report html=FILE` writes the same page with every option of `check` \
        (baselines, --max-warnings, --jobs …).

        Exit status: as `planlint check` (0 clean, 1 findings, 2 usage, configuration or I/O \
        errors); the page is written in every case but a usage error or a failed write.
        """
    )

    @Argument(help: ArgumentHelp("Files and folders to check (default: the configured paths).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("The HTML file to write (atomically); without it, standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var project: ProjectOptions

    @OptionGroup var language: LanguageOptions

    func validate() throws {
        if paths.contains("-") { throw ValidationError(CLIMessage.reportReadsFiles()) }
        if let output, output.isEmpty { throw ValidationError(CLIMessage.outputNeedsName()) }
    }

    func run() throws {
        let config = language.apply(config: project.config, useConfig: !project.noConfig)
        var options = project.checkOptions(paths: paths)
        options.loadedConfig = config
        let cwd = options.cwd
        options.keepDocuments = true
        options.outputFiles = output.map { [$0] } ?? []

        let report = CheckRun.run(options)
        var exit = report.exitCode
        let context = RenderContext(
            toolVersion: PlanLintVersion.current, rules: report.rules, rootDirectory: cwd,
            exitCode: Int(exit), executionSuccessful: report.toolFailures == 0,
            checkedFiles: report.checkedFiles, color: false)
        guard report.outputsAllowed else {
            // The page would replace a file the run reads (a plan, rule file, schema, config):
            // nothing is written, and the refusal is the whole answer.
            let refusals = report.diagnostics.filter { $0.code == FrontendCode.outputIsInput.rawValue }
            Terminal.error(HumanRenderer().render(refusals, context: context))
            throw ExitCode(ExitPolicy.toolFailure)
        }
        let page = HTMLReportRun.render(report, context: context)
        if let output {
            do {
                try AtomicFile.write(page, to: output, allowedRoots: report.outputRoots)
                let summary = HumanRenderer.summary(DiagnosticSummary(report.diagnostics, files: Set(report.checkedFiles).count))
                Terminal.error("planlint: " + CLIMessage.wroteReport(["path": output, "summary": summary]))
            } catch {
                Terminal.error("planlint: \(error)")
                exit = ExitPolicy.toolFailure
            }
        } else {
            Terminal.out(page)
        }
        for n in report.notices { Terminal.error("planlint: \(n)") }
        if exit != 0 { throw ExitCode(exit) }
    }
}
