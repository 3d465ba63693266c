import ArgumentParser
import DiagnosticRendering
import Diagnostics
import PlanLintKit
import SourceText
import YAMLTree

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputFormat: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { ["error", "warning", "info"] }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint plan files (YAML) and report what is wrong.",
        discussion: """
        With no PATH, checks the `paths` of .planlint.yaml (found by walking up from the current \
        directory), or the current directory. Folders are searched for *.yaml and *.yml files, \
        honouring `include` and `exclude`.

        Examples:
          planlint check                                  the configured paths
          planlint check Plans/ --format short            one line per finding
          cat plan.yaml | planlint check - --stdin-filename Plans/plan.yaml
          planlint check --format sarif --output planlint.sarif
          planlint check --report junit=junit.xml --report sarif=planlint.sarif
          planlint check --report html=report.html        findings and the plans' charts, one page
          planlint check --write-baseline .planlint-baseline.json
          planlint check --baseline .planlint-baseline.json
          planlint check --fail-on warning --max-warnings 10
          planlint check --fix                            apply the safe fixes, then report what is left
          planlint check --diff                           show the fixes as a diff; write nothing

        Exit status: 0 when nothing is at or above the fail level; 1 when findings are (or \
        warnings exceed --max-warnings); 2 for usage, configuration, baseline and I/O errors and \
        rules that could not be loaded or evaluated. --exit-zero turns 1 into 0, never 2.
        """
    )

    @Argument(help: ArgumentHelp("Files and folders to check; `-` reads standard input.", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var project: ProjectOptions

    @Option(help: ArgumentHelp("Name to lint standard input under (for config globs, schemas and output).", valueName: "path"))
    var stdinFilename: String?

    @Option(help: "Output format for the terminal, or for --output.")
    var format: OutputFormat = .human

    @Option(help: ArgumentHelp("Write the --format output to this file (atomically); the terminal gets the human form.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("report"), help: ArgumentHelp("Also write FORMAT to FILE (repeatable), e.g. sarif=planlint.sarif; html=FILE writes the HTML report.", valueName: "format=file"))
    var reports: [String] = []

    @Option(help: "When to use colour in the human form.")
    var color: ColorChoice = .auto

    @Flag(name: .shortAndLong, help: "Print findings only: no summary line, no notices.")
    var quiet = false

    @Flag(help: "Print the number of findings per code instead of the findings.")
    var statistics = false

    @Option(help: ArgumentHelp("Fail (exit 1) when there are more than N warnings.", valueName: "n"))
    var maxWarnings: Int?

    @Option(help: ArgumentHelp("Report only findings that are not in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Record the current findings in this baseline file (atomically).", valueName: "file"))
    var writeBaseline: String?

    @Flag(help: "Let the config name rules, schemas, paths and extends outside the repository.")
    var allowOutsideRoot = false

    @Option(help: ArgumentHelp("Largest file read, e.g. 10MiB (default 512 MiB).", valueName: "size"))
    var maxFileSize: String?

    @Option(help: ArgumentHelp("Deepest YAML nesting read (default 1000).", valueName: "n"))
    var maxDepth: Int?

    @Option(help: ArgumentHelp("Nodes aliases may add per document (default 1000000).", valueName: "n"))
    var maxAliasExpansion: Int?

    @Option(help: ArgumentHelp("Evaluation steps one rule may spend on one document.", valueName: "n"))
    var costBudget: Int?

    @Flag(help: "Add to each rule finding the values and rounding intervals that were compared.")
    var explain = false

    @Option(name: [.customShort("j"), .long], help: ArgumentHelp("Threads (default: one per core): files are linted at once, and with fewer files than threads a file's rules share the rest.", valueName: "n"))
    var jobs: Int = 0

    @Flag(help: "Apply the findings' safe fixes to the files (atomically, byte for byte), then report what is left.")
    var fix = false

    @Flag(help: "Print the fixes as a unified diff and write nothing (exit status as after fixing).")
    var diff = false

    @Flag(help: "Apply (or show) the unsafe fixes too: those that change what the document says. Implies --fix.")
    var unsafeFixes = false

    @OptionGroup var language: LanguageOptions

    /// The options parsed, as plain values.
    var settings: CheckSettings {
        CheckSettings(
            paths: paths, config: project.config, noConfig: project.noConfig, rules: project.rules,
            failOn: project.failOn, exitZero: project.exitZero, stdinFilename: stdinFilename, format: format,
            output: output, reports: reports, color: color, quiet: quiet, statistics: statistics,
            maxWarnings: maxWarnings, baseline: baseline, writeBaseline: writeBaseline,
            allowOutsideRoot: allowOutsideRoot, maxFileSize: maxFileSize, maxDepth: maxDepth,
            maxAliasExpansion: maxAliasExpansion, costBudget: costBudget, explain: explain, jobs: jobs,
            fix: fix, diff: diff, unsafeFixes: unsafeFixes, lang: language.lang)
    }

    func validate() throws { try settings.validate() }

    func run() throws { try settings.run() }
}

/// `check`'s options as plain values, which the run works from. swift-argument-parser gives
/// them (`CheckCommand.settings`), except for a command line with nothing to parse —
/// `planlint`, or `planlint check` followed by paths and no option — which `unparsed(_:)`
/// reads without building the parser's argument sets by reflection (about a fifth of the
/// instructions of checking the Miyagi plan; Docs/performance.md, "### 3").
struct CheckSettings: Equatable {
    var paths: [String] = []
    var config: String?
    var noConfig = false
    var rules: [String] = []
    var failOn: Severity?
    var exitZero = false
    var stdinFilename: String?
    var format: OutputFormat = .human
    var output: String?
    var reports: [String] = []
    var color: ColorChoice = .auto
    var quiet = false
    var statistics = false
    var maxWarnings: Int?
    var baseline: String?
    var writeBaseline: String?
    var allowOutsideRoot = false
    var maxFileSize: String?
    var maxDepth: Int?
    var maxAliasExpansion: Int?
    var costBudget: Int?
    var explain = false
    var jobs = 0
    var fix = false
    var diff = false
    var unsafeFixes = false
    var lang: Language?

    /// The settings of `arguments` (as `planlint` got them) when the parser has nothing to do
    /// with them: none at all (`check` is the default command), or `check` and paths that
    /// are not empty and do not start with `-` (so no `--`, no standard input), with at most
    /// the common options of `quickOptions` among them, each once. Nil for anything else,
    /// which goes to the parser; what this gives is what the parser gives
    /// (`CheckSettingsTests`).
    static func unparsed(_ arguments: [String]) -> CheckSettings? {
        guard let first = arguments.first else { return CheckSettings() }
        guard first == "check" else { return nil }
        var settings = CheckSettings()
        var seen: Set<String> = []
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            guard !argument.isEmpty else { return nil }
            guard argument.hasPrefix("-") else {
                settings.paths.append(argument)
                continue
            }
            // `--name value` or `--name=value` for an option, `--name` or `-q` for a flag.
            let name: String, inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                (name, inlineValue) = (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
            } else {
                (name, inlineValue) = (argument, nil)
            }
            guard let option = quickOptions[name], seen.insert(option.long).inserted else { return nil }
            switch option.kind {
            case .flag(let set):
                guard inlineValue == nil else { return nil }
                set(&settings)
            case .value(let set):
                guard let value = inlineValue ?? rest.popFirst(), !value.isEmpty, !value.hasPrefix("-"),
                      set(&settings, value) else { return nil }
            }
        }
        return (try? settings.validate()) == nil ? nil : settings
    }

    /// What a quick option does to the settings: a flag sets one; an option reads its value
    /// (false: not a value the parser takes, so the parser reports it).
    enum QuickKind: Sendable {
        case flag(@Sendable (inout CheckSettings) -> Void)
        case value(@Sendable (inout CheckSettings, String) -> Bool)
    }

    /// The options CI command lines usually carry (`--format short`, `-q`, a `--config`), read
    /// without the parser, by every name the parser knows them by. `CheckSettingsTests` compares each with
    /// the parser's reading. Anything else on the command line goes to the parser.
    static let quickOptions: [String: (long: String, kind: QuickKind)] = {
        let options: [(names: [String], kind: QuickKind)] = [
            (["--format"], .value { s, v in OutputFormat(rawValue: v).map { s.format = $0 } != nil }),
            (["--quiet", "-q"], .flag { $0.quiet = true }),
            (["--exit-zero"], .flag { $0.exitZero = true }),
            (["--fail-on"], .value { s, v in Severity(argument: v).map { s.failOn = $0 } != nil }),
            // A config of one's own (as scripts/bench's runs give one beside the plans).
            (["--config"], .value { s, v in s.config = v; return true }),
            (["--allow-outside-root"], .flag { $0.allowOutsideRoot = true }),
        ]
        var byName: [String: (long: String, kind: QuickKind)] = [:]
        for o in options {
            for n in o.names { byName[n] = (o.names[0], o.kind) }
        }
        return byName
    }()

    func validate() throws {
        if let m = maxWarnings, m < 0 { throw ValidationError(CLIMessage.maxWarnings()) }
        if jobs < 0 { throw ValidationError(CLIMessage.jobs()) }
        if let d = maxDepth, d < 1 { throw ValidationError(CLIMessage.maxDepth()) }
        if let s = maxFileSize, parseSize(s) == nil {
            throw ValidationError(CLIMessage.maxFileSize(["value": s]))
        }
        if let a = maxAliasExpansion, a < 0 { throw ValidationError(CLIMessage.maxAliasExpansion()) }
        if let c = costBudget, c < 1 { throw ValidationError(CLIMessage.costBudget()) }
        // No flag can raise a limit past its hard ceiling (Docs/security.md), as no config can.
        let asked = LimitSettings(maxFileSize: maxFileSize.flatMap(parseSize), maxDepth: maxDepth,
                                  maxAliasExpansion: maxAliasExpansion, costBudget: costBudget)
        if let over = asked.overCeiling {
            throw ValidationError(CLIMessage.overCeiling(["flag": over.key, "ceiling": over.ceiling]))
        }
        for r in reports where parseReport(r) == nil {
            throw ValidationError(CLIMessage.reportTakes([
                "formats": (OutputFormat.allCases.map(\.rawValue) + ["html"]).joined(separator: ", "), "value": r,
            ]))
        }
        if paths.filter({ $0 == "-" }).count > 1 { throw ValidationError(CLIMessage.stdinOnce()) }
        if stdinFilename != nil && !paths.isEmpty && !paths.contains("-") {
            throw ValidationError(CLIMessage.stdinFilename())
        }
    }

    func run() throws {
        let config = LanguageOptions.apply(lang: lang, config: self.config, useConfig: !noConfig, allowOutsideRoot: allowOutsideRoot)
        var options = ProjectOptions.checkOptions(paths: paths, config: self.config, noConfig: noConfig, rules: rules,
                                                  failOn: failOn, exitZero: exitZero)
        let cwd = options.cwd
        options.allowOutsideRoot = allowOutsideRoot
        options.loadedConfig = config
        options.stdinFilename = stdinFilename
        options.limits = LimitSettings(maxFileSize: maxFileSize.flatMap(parseSize), maxDepth: maxDepth,
                                       maxAliasExpansion: maxAliasExpansion, costBudget: costBudget)
        options.jobs = jobs
        options.baseline = baseline
        options.writeBaseline = writeBaseline
        options.outputFiles = (output.map { [$0] } ?? []) + reports.compactMap { parseReport($0)?.1 }
        options.maxWarnings = maxWarnings
        options.explainRules = explain
        options.keepDocuments = reports.contains { if case .html? = parseReport($0)?.0 { true } else { false } }
        options.ruleMetadata = showsRuleMetadata
        if fix || diff || unsafeFixes {
            options.fix = FixOptions(mode: diff ? .diff : .write, includeUnsafe: unsafeFixes)
        }
        if readsStdin {
            do {
                options.stdin = try FileIO.readStream(fd: 0, path: "<stdin>",
                                                      limit: options.limits.maxFileSize ?? YAMLLimits.default.maxInputBytes)
            } catch {
                Terminal.error("planlint: " + FrontendMessage.cannotRead(["path": error.path, "reason": FileMessage.reason(error.problem)]))
                throw ExitCode(ExitPolicy.toolFailure)
            }
        }

        let report = CheckRun.run(options)
        var exit = report.exitCode
        // With fixes: the diff (or the fixed standard input) is the output; the findings left
        // go to the terminal, or to standard error when standard output carries the text.
        var reportFD: Int32 = 1
        if let fixes = report.fixes {
            if diff {
                for f in fixes.files { Terminal.out(UnifiedDiff.render(path: f.displayPath, old: f.original, new: f.fixed)) }
            } else if readsStdin {
                let fixed = fixes.files.first { $0.absolutePath == nil }?.fixed ?? options.stdin ?? []
                Terminal.writeAll(1, fixed)
                reportFD = 2
            }
        }

        let isTerminal = isatty(reportFD) != 0
        var context = RenderContext(
            toolVersion: PlanLintVersion.current, rules: report.rules, rootDirectory: cwd,
            exitCode: Int(exit), executionSuccessful: report.toolFailures == 0,
            checkedFiles: report.checkedFiles,
            color: color.shouldColorize(environment: Terminal.environment(), isTerminal: isTerminal))

        // Files first, so that a failed write is reported on the terminal.
        var files: [(ReportTarget, String)] = []
        if let output { files.append((.format(format), output)) }
        for r in reports { if let pair = parseReport(r) { files.append(pair) } }
        var plain = context
        plain.color = false
        for (target, path) in files where report.outputsAllowed {
            let text: String
            switch target {
            case .format(let f):
                text = f.render(f == .sarif ? report.diagnostics + report.absent : report.diagnostics, context: plain)
            case .html:
                text = HTMLReportRun.render(report, context: plain)
            }
            do {
                try AtomicFile.write(text, to: path, allowedRoots: report.outputRoots)
            } catch {
                Terminal.error("planlint: \(error)")
                exit = ExitPolicy.toolFailure
                context.exitCode = Int(exit)
                context.executionSuccessful = false
            }
        }

        let terminalFormat: OutputFormat = output == nil ? format : .human
        let out: (String) -> Void = { Terminal.writeAll(reportFD, $0) }
        if diff {
            // The diff was the output.
        } else if statistics {
            out(Statistics.render(report.diagnostics, context: context, quiet: quiet))
        } else if quiet && terminalFormat == .human {
            let styler: any Styler = context.color ? ANSIStyler() : PlainStyler()
            let human = HumanRenderer()
            for d in report.diagnostics where d.suppression == nil {
                out(human.renderOne(d, context: context, styler: styler) + "\n")
            }
        } else {
            let shown = terminalFormat == .sarif ? report.diagnostics + report.absent : report.diagnostics
            out(terminalFormat.render(shown, context: context))
        }
        if !quiet {
            if let fixes = report.fixes { for n in FixNotices.lines(fixes, diff: diff) { Terminal.error("planlint: \(n)") } }
            for n in report.notices { Terminal.error("planlint: \(n)") }
        }
        if let failure = Terminal.outputFailure {
            // The report did not reach standard output (`> /dev/full`): the run must not pass.
            Terminal.error("planlint: " + CLIMessage.cannotWriteStdout(["reason": failure]))
            exit = ExitPolicy.toolFailure
        }
        // The process ends here rather than returning: returning would release the report —
        // the rules' compiled expressions, the schemas, the plans' trees — object by object
        // (about 5 M instructions on the Miyagi plan) just before the process ends anyway.
        // Everything was written with write(2); nothing is left in a buffer. The report stays
        // reachable from a global, so that a leak checker at exit sees it held, not lost.
        Self.keptUntilExit = report
        Glibc.exit(exit)
    }

    /// The report of the run that is ending the process (`run`).
    nonisolated(unsafe) private static var keptUntilExit: CheckReport?

    var readsStdin: Bool { paths.contains("-") || (paths.isEmpty && stdinFilename != nil) }

    /// Whether an output of the run shows the codes' metadata (`CheckReport.rules`): the
    /// terminal's format, `--output`'s, a `--report` in a format that shows it, or the HTML
    /// report.
    var showsRuleMetadata: Bool {
        let formats: [OutputFormat] = output == nil ? [format] : [.human, format]
        return formats.contains(where: \.showsRuleMetadata) || reports.contains { r in
            switch parseReport(r)?.0 {
            case .html?: true
            case .format(let f)?: f.showsRuleMetadata
            case nil: false
            }
        }
    }

    func parseReport(_ s: String) -> (ReportTarget, String)? {
        guard let eq = s.firstIndex(of: "=") else { return nil }
        let name = String(s[..<eq])
        let target: ReportTarget
        if name == "html" {
            target = .html
        } else if let f = OutputFormat(rawValue: name) {
            target = .format(f)
        } else {
            return nil
        }
        let path = String(s[s.index(after: eq)...])
        return path.isEmpty ? nil : (target, path)
    }
}

/// What `--report FORMAT=FILE` writes: an output format of the findings, or the HTML report
/// (which needs the plans too, so it is not an `OutputFormat`).
enum ReportTarget: Equatable {
    case format(OutputFormat)
    case html
}

/// `10MiB`, `500 KB`, `1048576` → bytes (see `LimitSettings.parseSize`).
func parseSize(_ text: String) -> Int? { LimitSettings.parseSize(text) }

/// Counts per code for `--statistics`, most frequent first.
enum Statistics {
    static func render(_ diagnostics: [Diagnostic], context: RenderContext, quiet: Bool) -> String {
        var counts: [String: (Int, Severity)] = [:]
        for d in diagnostics where d.suppression == nil {
            let c = counts[d.code] ?? (0, d.severity)
            // A flood summary stands for the diagnostics it counted.
            counts[d.code] = (c.0 + max(1, d.omitted), max(c.1, d.severity))
        }
        let rows = counts.sorted { a, b in a.value.0 != b.value.0 ? a.value.0 > b.value.0 : a.key < b.key }
        let width = String(rows.first?.value.0 ?? 0).count
        var out = ""
        for (code, (n, sev)) in rows {
            let num = String(n)
            out += String(repeating: " ", count: width - num.count) + num + "  " + sev.description.padding(7) + "  " + code + "\n"
        }
        if !quiet {
            out += HumanRenderer.summary(DiagnosticSummary(diagnostics, files: Set(context.checkedFiles).count)) + "\n"
        }
        return out
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}

/// Writing to standard output and error without Foundation buffering surprises.
enum Terminal {
    /// The first error writing standard output (ENOSPC, EIO …), if any: the run then exits 2.
    nonisolated(unsafe) static var outputFailure: String?

    static func out(_ s: String) { writeAll(1, s) }

    static func writeAll(_ fd: Int32, _ s: String) { writeAll(fd, Array(s.utf8)) }

    /// Writes the run's output (the report, a diff, fixed text) to `fd`; the first failure
    /// is remembered and the run exits 2.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        guard outputFailure == nil else { return }
        do { try AtomicFile.writeAll(fd: fd, bytes: bytes, path: fd == 1 ? "<stdout>" : "<fd \(fd)>") } catch {
            outputFailure = error.reason
        }
    }

    static func error(_ s: String) {
        try? AtomicFile.writeAll(fd: 2, bytes: Array((s.hasSuffix("\n") ? s : s + "\n").utf8), path: "<stderr>")
    }

    /// The process's environment, as it was when first asked for (a run asks three times:
    /// the language, the config's, colour; planlint sets no variable).
    static func environment() -> [String: String] { environmentOnce }

    private static let environmentOnce: [String: String] = {
        var env: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") { env[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return env
    }()
}

/// `planlint fix`: `planlint check --fix`, with the same options.
struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Apply the fixes planlint knows to plan files, changing nothing else in them.",
        discussion: """
        Applies every safe fix of the findings `planlint check` reports for the same PATHs and \
        options, then reports the findings left. Each fix replaces byte ranges of the file; every \
        other byte (comments, quoting, flow or block style, indentation, line endings, a BOM) stays \
        as it is. Fixes that overlap are applied over several passes (the file is checked again \
        after each), at most 10. A fix that would make the file unreadable as YAML is not applied.

        Safe fixes keep what the document says (a look-alike mark 〇 for ○, a full-width year, a \
        misspelt key with one clear correction); unsafe ones may change it and are applied only \
        with --unsafe-fixes. Files are written atomically, keeping their permissions; only regular \
        files inside the repository are written (a symbolic link only when its target is inside). \
        With `-`, the fixed text is written to standard output and the findings to standard error.

        Examples:
          planlint fix                                    fix the configured paths
          planlint fix Plans/2024.yaml --diff             show what would change
          planlint fix --unsafe-fixes Plans/2024.yaml     also the fixes that change values

        Exit status, as `planlint check` after fixing: 0 when nothing at or above the fail level is \
        left; 1 when findings are left; 2 for usage, configuration and I/O errors, and files that \
        could not be written.
        """
    )

    @OptionGroup var check: CheckCommand

    func validate() throws { try check.validate() }

    func run() throws {
        var settings = check.settings
        settings.fix = true
        try settings.run()
    }
}

/// The lines `fix` prints to standard error about what it did.
enum FixNotices {
    static func lines(_ s: FixSummary, diff: Bool) -> [String] {
        var out: [String] = []
        // Files that could not be written are reported as findings (fix/not-written).
        let done = diff ? s.files : s.files.filter { $0.written || $0.absolutePath == nil }
        let fixes = done.reduce(0) { $0 + $1.fixes }
        out.append(fixes == 0 ? FixMessage.nothing() : (diff ? FixMessage.wouldFix : FixMessage.fixed)(["fixes": fixes, "files": done.count]))
        if s.unsafeLeft > 0 { out.append(FixMessage.unsafeLeft(["count": s.unsafeLeft])) }
        if s.pendingAfterLastPass > 0 { out.append(FixMessage.pending(["count": s.pendingAfterLastPass, "passes": s.passes])) }
        if s.rejected > 0 { out.append(FixMessage.rejected(["count": s.rejected])) }
        return out
    }
}
