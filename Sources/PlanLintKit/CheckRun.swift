import DiagnosticRendering
import Diagnostics
import Guarded

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which exit status a run ends with.
///
/// | status | when |
/// |---|---|
/// | 0 | nothing unsuppressed at or above `failOn`, and warnings within `maxWarnings` |
/// | 1 | findings at or above `failOn`, or more warnings than `maxWarnings` |
/// | 2 | a tool failure: bad usage, a config or baseline error, an unreadable file, a rule that could not be loaded or evaluated |
///
/// `exitZero` turns 1 into 0 (report-only jobs) but never hides a 2: a run that could not
/// check everything must not look green.
public struct ExitPolicy: Sendable, Equatable {
    public var failOn: Severity
    public var maxWarnings: Int?
    public var exitZero: Bool

    public init(failOn: Severity = .error, maxWarnings: Int? = nil, exitZero: Bool = false) {
        (self.failOn, self.maxWarnings, self.exitZero) = (failOn, maxWarnings, exitZero)
    }

    public static let success: Int32 = 0
    public static let findings: Int32 = 1
    public static let toolFailure: Int32 = 2

    public func exitCode(_ diagnostics: [Diagnostic], toolFailures: Int) -> Int32 {
        if toolFailures > 0 { return ExitPolicy.toolFailure }
        if exitZero { return ExitPolicy.success }
        let active = diagnostics.filter { $0.suppression == nil && $0.baselineState != "absent" }
        if active.contains(where: { $0.severity >= failOn }) { return ExitPolicy.findings }
        if let max = maxWarnings, active.lazy.filter({ $0.severity == .warning }).count > max { return ExitPolicy.findings }
        return ExitPolicy.success
    }
}

/// Everything `planlint check` is asked to do, independent of the command line.
public struct CheckOptions: Sendable {
    /// Files and folders as given (`-` is standard input); empty: the configured paths.
    public var paths: [String] = []
    public var cwd: String
    /// `--config FILE`.
    public var configFile: String?
    /// False for `--no-config`.
    public var useConfig = true
    /// The configuration as `ConfigLoader.load` read it for `configFile`, `cwd`, `useConfig`
    /// and `allowOutsideRoot` (as `RunLanguage.selectReusingConfig` gives it), so that the
    /// run does not read it again; nil: the run reads it.
    public var loadedConfig: ConfigLoader.Result?
    public var allowOutsideRoot = false
    /// The content of standard input, when it is linted.
    public var stdin: [UInt8]?
    /// The name standard input is linted under (config globs, schemas, output paths).
    public var stdinFilename: String?
    /// `--rules PATH` (relative to `cwd`), added to the configured rules.
    public var extraRules: [String] = []
    /// Limits from flags; they win over the configuration.
    public var limits = LimitSettings()
    /// Worker threads (0: one per core).
    public var jobs = 0
    public var baseline: String?
    public var writeBaseline: String?
    /// Files the caller will write the report to (`--output`, `--report`), as given: the run
    /// refuses them (and `writeBaseline`) when they are among its inputs.
    public var outputFiles: [String] = []
    public var failOn: Severity?
    public var maxWarnings: Int?
    public var exitZero = false
    /// Add the compared intervals to rule findings (`--explain`).
    public var explainRules = false
    /// Keep the parsed documents in `CheckReport.documents` (for the HTML report).
    public var keepDocuments = false
    /// Fill `CheckReport.rules`, the metadata of the codes (SARIF and the HTML report show
    /// it); false when no output of the run does (about 2 M instructions saved per run).
    public var ruleMetadata = true
    /// `planlint fix`, `check --fix`, `--diff`: apply the findings' fixes (Fixer).
    public var fix: FixOptions?

    public init(cwd: String) { self.cwd = cwd }
}

/// What a run found, ready to render.
public struct CheckReport: Sendable {
    /// Sorted; suppressed findings included (with `suppression` set).
    public var diagnostics: [Diagnostic] = []
    /// Baseline findings that are gone (`baselineState` `absent`), for SARIF only.
    public var absent: [Diagnostic] = []
    /// The files checked, as displayed.
    public var checkedFiles: [String] = []
    public var toolFailures = 0
    public var exitCode: Int32 = 0
    /// Metadata of the known codes (SARIF `rules`; see `Checks.ruleMetadata(for:)`).
    public var rules: [RuleMetadata] = []
    /// The repository root of the configuration.
    public var root: String = "/"
    /// Messages for the person at the terminal (not diagnostics), such as "wrote baseline".
    public var notices: [String] = []
    /// The checks that ran (for `explain`-like lookups by the caller).
    public var checks = Checks()
    /// The documents that parsed, in the order of `checkedFiles` (only with `keepDocuments`).
    public var documents: [LintDocument] = []
    /// The rule packs of the run as configured or given (`Rules/`, `planlint:recommended`).
    public var rulePacks: [String] = []
    /// The lowest severity that fails the run.
    public var failOn: Severity = .error
    /// What fixing changed, when fixes were asked for; the diagnostics are then the findings
    /// left after fixing.
    public var fixes: FixSummary?
    /// False when an output named in the options is an input of the run: then no output
    /// may be written (`output/is-input` says which).
    public var outputsAllowed = true
    /// The folders a symbolic link among the outputs may lead into (the repository and the
    /// working directory, real paths).
    public var outputRoots: [String] = []
}

/// `planlint check` as a library call: configuration, discovery, linting, baseline, exit status.
public enum CheckRun {
    /// Of `inputs`, the files read and parsed while the checks load (their indexes): files on
    /// disk, as many of the first as stay within `earlyBytes` together (by their size now),
    /// at most `earlyFiles`. Their trees are held until the whole run's check is done, so a
    /// folder of many plans is not parsed ahead; and the loading they hide is the same few
    /// milliseconds whatever the files' size.
    static func parsedEarly(_ inputs: [Linter.Input]) -> [Int] {
        var out: [Int] = []
        var bytes = 0
        for (i, input) in inputs.enumerated() where out.count < earlyFiles {
            guard input.content == nil, let path = input.target.absolutePath else { continue }
            var st = stat()
            // Regular files only: a FIFO is read once, when its turn comes.
            guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            bytes += Int(st.st_size)
            guard bytes <= earlyBytes else { break }
            out.append(i)
        }
        return out
    }

    /// At most this many bytes of files parsed while the checks load (`parsedEarly`).
    static let earlyBytes = 1 << 20
    /// At most this many files parsed while the checks load.
    static let earlyFiles = 8

    /// Runs a check. `loadChecks` builds the checkers for a configuration (default: the
    /// configured rule packs and schemas).
    public static func run(_ options: CheckOptions, loadChecks: ((Configuration) -> Checks)? = nil) -> CheckReport {
        var report = CheckReport()
        let cwd = options.cwd
        let loaded = options.loadedConfig
            ?? ConfigLoader.load(explicit: options.configFile, cwd: cwd, useConfig: options.useConfig,
                                 allowOutsideRoot: options.allowOutsideRoot)
        var config = loaded.configuration
        report.root = config.root
        report.diagnostics = loaded.diagnostics
        // Errors in the config and rule files are tool failures whatever their code
        // (a `yaml-syntax` error in .planlint.yaml included).
        var loadFailures = loaded.diagnostics.filter { $0.severity == .error && !Codes.builtIn.isToolFailure($0.code) }.count
        func finish(_ report: inout CheckReport) -> CheckReport {
            report.diagnostics = report.diagnostics.sortedForOutput()
            // A finding reported identically for several files (a rule-file warning repeated
            // per plan) is shown once.
            // After sorting, identical findings are neighbours.
            var unique: [Diagnostic] = []
            unique.reserveCapacity(report.diagnostics.count)
            for d in report.diagnostics where unique.last != d { unique.append(d) }
            report.diagnostics = unique
            report.toolFailures = report.diagnostics.filter(report.checks.isToolFailure).count + loadFailures
            report.rules = options.ruleMetadata ? report.checks.ruleMetadata(for: report.diagnostics) : []
            let policy = ExitPolicy(failOn: options.failOn ?? config.failOn ?? .error,
                                    maxWarnings: options.maxWarnings ?? config.maxWarnings,
                                    exitZero: options.exitZero)
            report.failOn = policy.failOn
            report.exitCode = policy.exitCode(report.diagnostics, toolFailures: report.toolFailures)
            return report
        }
        if loaded.failed {
            // Never lint with half a configuration.
            return finish(&report)
        }
        for r in options.extraRules {
            let abs = PathUtil.absolute(r, base: cwd)
            config.rules.append(ConfiguredPath(path: abs, written: r, span: nil))
        }
        config.limits.merge(options.limits)
        for i in config.overrides.indices {
            // Flags beat the configuration everywhere, overrides included.
            config.overrides[i].limits.merge(options.limits)
        }

        // What to lint, found before the checks load so that the files can be read and parsed
        // while the rules compile (below); reported where it was before.
        var inputs: [Linter.Input] = []
        let readsStdin = options.paths.contains("-") || (options.paths.isEmpty && options.stdinFilename != nil)
        let fileArgs = options.paths.filter { $0 != "-" }
        if readsStdin {
            let name = options.stdinFilename ?? "<stdin>"
            let abs = options.stdinFilename.map { PathUtil.absolute($0, base: cwd) }
            let shown = abs.map { PathUtil.display($0, cwd: cwd) } ?? name
            inputs.append(Linter.Input(target: LintTarget(absolutePath: abs, displayPath: shown, isStdin: true),
                                       content: options.stdin ?? []))
        }
        var found: FileDiscovery.Result?
        if !fileArgs.isEmpty || !readsStdin {
            let discovered = FileDiscovery.discover(inputs: fileArgs, cwd: cwd, config: config, allowOutsideRoot: options.allowOutsideRoot)
            found = discovered
            inputs += discovered.targets.map { Linter.Input(target: $0) }
        }
        // The files parsed beside the loading (`ChecksLoader.load`'s `beside`): only a few small
        // ones (`parsedEarly`), and not when fixing (the fixes re-read the files they change).
        let early = loadChecks == nil && options.fix == nil ? CheckRun.parsedEarly(inputs) : []
        let parsed = Guarded<[Linter.Parsed?]>(Array(repeating: nil, count: early.count))
        // Each file that parses is validated against its schemas there too, while the rules
        // compile (`SchemaChecker.validateEarly`), rather than after its rules, alone.
        let parseEarly: (@Sendable (SchemaChecker) -> Void)? = early.isEmpty ? nil : { @Sendable [inputs, config] schemas in
            for (k, i) in early.enumerated() {
                let input = inputs[i], path = input.target.absolutePath
                let limits = config.limits(for: path)
                guard case .success(let ready) = Linter.read(input, limits: limits.yamlLimits, run: nil) else { continue }
                parsed.withLock { $0[k] = ready }
                if ready.parse.isComplete {
                    schemas.validateEarly(LintDocument(file: ready.file, parse: ready.parse, absolutePath: path, limits: limits,
                                                       schemas: path.map(config.schemas(for:)) ?? []))
                }
            }
        }
        let checks = loadChecks?(config)
            ?? ChecksLoader.load(config, options: .init(cwd: cwd, explainRules: options.explainRules,
                                                     allowOutsideRoot: options.allowOutsideRoot), besideSchemas: parseEarly)
        report.checks = checks
        report.diagnostics += checks.loadDiagnostics
        loadFailures += checks.loadDiagnostics.filter { $0.severity == .error && !checks.isToolFailure($0) }.count
        let keyProblems = ConfigLoader.checkSeverityKeys(config, knownCodes: checks.isKnownCode, allCodes: checks.allCodes)
        if !keyProblems.isEmpty {
            report.diagnostics += keyProblems
            return finish(&report)
        }

        if let found { report.diagnostics += found.diagnostics }
        report.checkedFiles = inputs.map(\.target.displayPath)
        // Fixing re-checks `inputs`: the parses are for the first check only.
        var lintInputs = inputs
        for (k, ready) in parsed.withLock({ $0 }).enumerated() { lintInputs[early[k]].parsed = ready }

        report.rulePacks = config.rules.map(\.written)
        let linter = Linter(configuration: config, checks: checks)
        let linted = linter.lint(lintInputs, jobs: options.jobs, keepDocuments: options.keepDocuments)
        var diagnostics = linted.diagnostics
        report.documents = linted.documents
        // Outputs must not replace any input (checked before anything is written).
        var runInputs = RunInputs(config.loadedFiles + checks.inputFiles() + inputs.compactMap(\.target.absolutePath))
        if let path = options.baseline { runInputs.insert(PathUtil.absolute(path, base: cwd)) }
        var outputs = options.outputFiles.map { (path: PathUtil.absolute($0, base: cwd), written: $0, what: FrontendMessage.theReport()) }
        if let path = options.writeBaseline { outputs.append((PathUtil.absolute(path, base: cwd), path, FrontendMessage.theBaseline())) }
        let refusals = runInputs.refusals(outputs, cwd: cwd)
        report.outputsAllowed = refusals.isEmpty
        report.outputRoots = [config.root, cwd].map { PathUtil.realPath($0) ?? $0 }

        // Fixes are written too: none when an output was refused.
        if let fix = options.fix, report.outputsAllowed {
            let fixed = Fixer.run(fix, linter: linter, inputs: inputs, first: diagnostics, jobs: options.jobs,
                                  roots: [config.root, cwd])
            diagnostics = fixed.diagnostics + fixed.problems
            report.fixes = fixed.summary
        }
        report.diagnostics += diagnostics + refusals

        // Baselines.
        if let path = options.baseline {
            let abs = PathUtil.absolute(path, base: cwd)
            let (baseline, problem) = Baseline.read(path: abs, display: path)
            if let problem { report.diagnostics.append(problem) }
            if let baseline {
                report.absent = baseline.apply(to: &report.diagnostics, cwd: cwd, root: config.root, baselineName: path)
            }
        }
        if let path = options.writeBaseline, report.outputsAllowed {
            let abs = PathUtil.absolute(path, base: cwd)
            var current = report.diagnostics
            for i in current.indices where current[i].suppression?.kind == .external {
                current[i].suppression = nil   // findings already in the old baseline stay recorded
            }
            let baseline = Baseline.record(current, cwd: cwd, root: config.root)
            do {
                try AtomicFile.write(baseline.serialized(), to: abs, allowedRoots: report.outputRoots)
                report.notices.append(baseline.entries.count == 1 ? FrontendMessage.wroteBaselineOne(["path": path])
                                      : FrontendMessage.wroteBaseline(["count": baseline.entries.count, "path": path]))
                // Everything recorded is now accepted.
                let accepted = Set(baseline.entries.map(\.fingerprint))
                let prints = Baseline.fingerprints(report.diagnostics, cwd: cwd, root: config.root)
                for i in report.diagnostics.indices
                where Baseline.isBaselinable(report.diagnostics[i]) && accepted.contains(prints[i]) {
                    report.diagnostics[i].suppression = Suppression(kind: .external, justification: FrontendMessage.inBaseline(["path": path]))
                    report.diagnostics[i].baselineState = "unchanged"
                }
                report.absent = []
            } catch {
                report.diagnostics.append(Diagnostic(FrontendCode.ioError, severity: .error,
                                                     message: error.description, location: .path(path)))
            }
        }
        return finish(&report)
    }
}
