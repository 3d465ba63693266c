import Dispatch
import Diagnostics
import DiagnosticRendering
import Guarded
import RuleEngine
import SourceText
import YAMLTree
import PlanMigration

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum PlanLintVersion {
    public static let current = "0.1.0"
}

/// The lint frontend shared by the command line and the language server: from a
/// configuration and a list of files to a sorted list of diagnostics.
///
/// Per file: read (size-limited) → parse → checkers (only when the YAML parsed) →
/// per-rule severity from the configuration (and `off`) → inline suppressions. Files are
/// linted in parallel on all cores; the result does not depend on scheduling because it is
/// sorted by `Diagnostic.ordered` at the end.
public struct Linter: Sendable {
    public let configuration: Configuration
    public let checks: Checks
    /// Diagnostics of one code shown per file at most; the rest are summed up in one line
    /// ("… and 999,000 more"). A hard limit (Docs/security.md).
    public static let maxDiagnosticsPerCode = 1_000

    public init(configuration: Configuration, checks: Checks) { (self.configuration, self.checks) = (configuration, checks) }

    /// State shared by every file of one run: what is reported once per run, and whether the
    /// run was cancelled (the language server cancels a check the user has edited past).
    public typealias RunState = RuleEngine.RunState

    /// Content to lint instead of reading a file (standard input, an editor's buffer).
    public struct Input: Sendable {
        public var target: LintTarget
        /// The bytes; nil reads `target.absolutePath`.
        public var content: [UInt8]?
        /// The input already read and parsed (`Linter.read`), used instead of reading it again
        /// (`CheckRun` parses the files to check while the rules compile).
        public var parsed: Parsed?
        public init(target: LintTarget, content: [UInt8]? = nil) { (self.target, self.content) = (target, content) }
    }

    /// An input read and parsed.
    public struct Parsed: Sendable {
        public var file: SourceFile
        public var parse: YAMLParseResult
    }

    /// Whether a checker looks across the files of a run (rules that read `files`): then a
    /// file's findings can change when another file does.
    public var looksAcrossFiles: Bool {
        checks.checkers.contains { ($0 as? any CrossFileChecker)?.looksAcrossFiles == true }
    }

    /// Lints `inputs` with up to `jobs` threads (0: one per core). The result is sorted.
    ///
    /// When a checker looks across files (rules that read `files`), every file is read and
    /// checked first, then those checks run over all the documents together, and each file's
    /// severities and suppressions apply to the findings in it.
    public func lint(_ inputs: [Input], jobs: Int = 0) -> [Diagnostic] {
        lint(inputs, jobs: jobs, keepDocuments: false).diagnostics
    }

    /// `lint(_:jobs:)`, also returning the documents that parsed (in input order) when
    /// `keepDocuments` is set — for a report that shows the plans beside the findings.
    public func lint(_ inputs: [Input], jobs: Int = 0, keepDocuments: Bool) -> (diagnostics: [Diagnostic], documents: [LintDocument]) {
        let run = RunState()
        let threads = jobs > 0 ? jobs : WorkerPool.coreCount
        let (workers, perFile) = Linter.share(threads: threads, among: inputs)
        let across = checks.checkers.compactMap { $0 as? any CrossFileChecker }.filter(\.looksAcrossFiles)
        if across.isEmpty && !keepDocuments {
            return (WorkerPool.map(count: inputs.count, workers: workers) { i in lintOne(inputs[i], threads: perFile, run: run) }
                .flatMap { $0 }.sortedForOutput(), [])
        }
        let read = WorkerPool.map(count: inputs.count, workers: workers) { i in
            check(inputs[i], threads: perFile, deferCrossFile: !across.isEmpty, run: run)
        }
        let documents = read.compactMap(\.document)
        var byFile: [String: [Diagnostic]] = [:]
        for checker in across {
            for d in checker.checkAcross(documents) { byFile[d.span?.file.path ?? d.path, default: []].append(d) }
        }
        let diagnostics = read.flatMap { r in finish(r, adding: byFile[r.document?.file.path ?? ""] ?? []) }.sortedForOutput()
        return (diagnostics, keepDocuments ? documents : [])
    }

    /// How a run's threads are shared among its files: one file per thread, or — when there
    /// is one file, one job, or one file of a few has twice the bytes of the others together —
    /// one file after another with every thread each (its rules run side by side). With a thread per
    /// file, a 40 KB plan beside a 4 KB one had its rules on one core while the other, done
    /// with the small file, waited (threads inside a file's thread do not run in parallel).
    static func share(threads: Int, among inputs: [Input]) -> (workers: Int, perFile: Int) {
        let workers = max(1, min(threads, inputs.count))
        if workers == 1 { return (1, threads) }
        // Sizes are looked at only for a few files (a folder of many plans is shared by file).
        guard inputs.count <= 2 * threads else { return (workers, 1) }
        let sizes = inputs.map { input in
            if let content = input.content { return content.count }
            var st = stat()
            guard let path = input.target.absolutePath, stat(path, &st) == 0 else { return 0 }
            return Int(st.st_size)   // (not opened: a FIFO's size is 0 and reading it must not block here)
        }
        let largest = sizes.max() ?? 0
        return largest > 0 && largest >= 2 * (sizes.reduce(0, +) - largest) ? (1, threads) : (workers, 1)
    }

    /// One file read and checked, before severities and suppressions.
    struct Checked {
        let target: LintTarget
        var diagnostics: [Diagnostic]
        /// The document, when its YAML parsed completely.
        let document: LintDocument?
    }

    /// Lints one file; `threads` > 1 lets its checkers work in parallel.
    public func lintOne(_ input: Input, threads: Int = 1, run: RunState? = nil) -> [Diagnostic] {
        finish(check(input, threads: threads, deferCrossFile: false, run: run), adding: [])
    }

    /// Reads, parses and checks one file.
    func check(_ input: Input, threads: Int, deferCrossFile: Bool, run: RunState?) -> Checked {
        let target = input.target
        let limits = configuration.limits(for: target.absolutePath)
        let yamlLimits = limits.yamlLimits
        let file: SourceFile, parsed: YAMLParseResult
        switch input.parsed.map(Result.success) ?? Linter.read(input, limits: yamlLimits, run: run) {
        case .success(let ready): (file, parsed) = (ready.file, ready.parse)
        case .failure(let failure): return Checked(target: target, diagnostics: failure.diagnostics, document: nil)
        }
        var diagnostics = parsed.problems.map { Diagnostic($0, in: file) }
        guard parsed.isComplete, run?.isCancelled != true else { return Checked(target: target, diagnostics: diagnostics, document: nil) }
        var document = LintDocument(
            file: file, parse: parsed, absolutePath: target.absolutePath, limits: limits,
            schemas: target.absolutePath.map(configuration.schemas(for:)) ?? [])
        document.threads = threads
        document.deferCrossFileChecks = deferCrossFile
        document.runState = run
        for checker in checks.checkers where run?.isCancelled != true { diagnostics += checker.check(document) }
        diagnostics += Linter.formatWarnings(parsed, displayPath: target.displayPath)
        return Checked(target: target, diagnostics: diagnostics, document: document)
    }

    /// Why an input was not parsed: the diagnostics saying so (none for an input without bytes
    /// or a path).
    public struct Unread: Error {
        public var diagnostics: [Diagnostic]
    }

    /// Reads and parses one input under `limits` (those `configuration.limits(for:)` gives it).
    public static func read(_ input: Input, limits yamlLimits: YAMLLimits, run: RunState?) -> Result<Parsed, Unread> {
        let target = input.target
        let raw: [UInt8]
        if let content = input.content {
            raw = content
        } else {
            guard let path = target.absolutePath else { return .failure(Unread(diagnostics: [])) }
            do {
                // One byte over the limit is enough for the reader to say the file is too large.
                raw = try FileIO.readBytes(path: path, limit: yamlLimits.maxInputBytes)
            } catch {
                if error.problem.isOverLimit {
                    return .failure(Unread(diagnostics: [Diagnostic(
                        YAMLProblem.Code.inputTooLarge, severity: .error,
                        message: FrontendMessage.overSizeLimit(["path": target.displayPath, "limit": yamlLimits.maxInputBytes]),
                        location: .path(target.displayPath), help: FrontendMessage.raiseSizeLimit())]))
                }
                return .failure(Unread(diagnostics: [Diagnostic(
                    FrontendCode.ioError, severity: .error, message: FrontendMessage.cannotRead(["path": target.displayPath, "reason": FileMessage.reason(error.problem)]),
                    location: .path(target.displayPath))]))
            }
        }
        // A cancelled run (the server's check of a version edited again) stops while parsing
        // (the reader asks every 1,024 events), after parsing, and between checkers; its
        // findings are incomplete and are not used.
        let (file, parsed) = YAMLReader.read(path: target.displayPath, raw: raw, limits: yamlLimits,
                                             shouldStop: run.map { run in { run.isCancelled } })
        return .success(Parsed(file: file, parse: parsed))
    }

    /// Applies severities and suppressions to a checked file's findings (and `extra`, the
    /// findings of checks across files that are in this file).
    func finish(_ checked: Checked, adding extra: [Diagnostic]) -> [Diagnostic] {
        let target = checked.target
        var diagnostics = checked.diagnostics + extra
        applySeverity(&diagnostics, absolutePath: target.absolutePath)
        if let document = checked.document {
            let file = document.file, parsed = document.parse
            let (directives, problems) = Suppressions.scan(file, tree: parsed.tree)
            var warnings = problems
            warnings += Suppressions.apply(directives, in: file, to: &diagnostics,
                                           isKnownCode: checks.isKnownCode, allCodes: checks.allCodes)
            applySeverity(&warnings, absolutePath: target.absolutePath)
            diagnostics += warnings
        }
        return FloodControl.cap(diagnostics, perCode: Linter.maxDiagnosticsPerCode, path: target.displayPath)
    }

    /// A warning at the `format` of every document written in the deprecated plan@1.
    static func formatWarnings(_ parsed: YAMLParseResult, displayPath: String) -> [Diagnostic] {
        parsed.documents.compactMap { root in
            guard PlanV1Migrator.format(of: root) == PlanV1Migrator.formatV1, let value = root["format"] else { return nil }
            return Diagnostic(FrontendCode.planFormatDeprecated,
                              message: FrontendMessage.deprecatedFormat(["old": PlanV1Migrator.formatV1, "new": PlanV1Migrator.formatV2]),
                              location: .span(value.span), primaryLabel: FrontendMessage.deprecatedLabel(),
                              help: FrontendMessage.runMigrate(["path": displayPath, "new": PlanV1Migrator.formatV2]))
        }
    }

    /// Applies `severity:` settings (top level and matching overrides) to findings in the
    /// file; `off` drops them. Protected codes and findings in other files are left alone.
    func applySeverity(_ diagnostics: inout [Diagnostic], absolutePath: String?) {
        guard !configuration.severity.isEmpty || !configuration.overrides.isEmpty else { return }
        var kept: [Diagnostic] = []
        kept.reserveCapacity(diagnostics.count)
        for var d in diagnostics {
            if !Codes.isProtected(d.code),
               let setting = configuration.severitySetting(for: d.code, absolutePath: absolutePath) {
                switch setting {
                case .off: continue
                case .level(let s): d.severity = s
                }
            }
            kept.append(d)
        }
        diagnostics = kept
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics in output order (`Diagnostic.ordered`). Sorts indices rather than the
    /// (large) values, so each diagnostic moves once, and returns at once when already in order
    /// — the usual case for one file's findings.
    public func sortedForOutput() -> [Diagnostic] {
        var inOrder = true
        var i = 1
        while i < count {
            if Diagnostic.ordered(self[i], self[i - 1]) { inOrder = false; break }
            i += 1
        }
        if inOrder { return self }
        let order = indices.sorted { Diagnostic.ordered(self[$0], self[$1]) }
        return order.map { self[$0] }
    }
}
