import DiagnosticRendering
import Diagnostics
import RuleEngine
import SourceText
import YAMLTree

/// One document handed to the checkers: the parsed file and what the configuration says
/// about it.
public struct LintDocument: Sendable {
    public let file: SourceFile
    public let parse: YAMLParseResult
    /// Absolute path (nil for standard input without `--stdin-filename`).
    public let absolutePath: String?
    /// Limits in force for this file (top level plus matching overrides).
    public let limits: LimitSettings
    /// The schemas the configuration binds to this file.
    public let schemas: [SchemaBinding]
    /// Threads a checker may use for this one document (more than 1 when there are spare
    /// cores: fewer files than cores).
    public var threads: Int = 1
    /// State shared by every file of the run (what is reported once per run).
    public var runState: RunState?
    /// A later pass over all the run's documents checks what looks across files
    /// (`CrossFileChecker`): leave that out here.
    public var deferCrossFileChecks = false
}

/// A checker with checks that look across the files of a run (rules that read `files`):
/// they run once every file is read, over all of them.
public protocol CrossFileChecker: DocumentChecker {
    /// Whether it has checks that look across files.
    var looksAcrossFiles: Bool { get }
    /// Findings of those checks, in any of the documents.
    func checkAcross(_ documents: [LintDocument]) -> [Diagnostic]
}

/// Something that checks parsed documents: the rule engine, the schema validator.
///
/// Checkers are shared by all worker threads: `check` must be safe to call concurrently.
public protocol DocumentChecker: Sendable {
    /// Findings in one document; only called when the YAML parsed completely.
    func check(_ document: LintDocument) -> [Diagnostic]
}

/// What a run checks with, besides YAML well-formedness: the checkers built from the
/// configuration, every code they and planlint can produce (with documentation) and problems
/// loading them.
public struct Checks: Sendable {
    public var checkers: [any DocumentChecker] = []
    /// Every code of this run: planlint's own, then the loaded rules' (for `explain`, SARIF,
    /// hover, severity and suppression checks and the exit status).
    public var codes: CodeRegistry = Codes.builtIn
    /// Problems loading rules or schemas (rule-file errors): tool failures when errors.
    public var loadDiagnostics: [Diagnostic] = []
    /// The rule files read (folders expanded), and the text of each with whether it came from
    /// an editor's buffer (`ChecksLoader.Options.buffers`).
    public var ruleFiles: [String] = []
    public var ruleTexts: [String: (bytes: [UInt8], fromBuffer: Bool)] = [:]
    /// The files the checks were loaded from (rule files, schemas) and, once linting ran, the
    /// schemas that plans' modelines and `$ref`s made them read: inputs no output may replace.
    public var inputFiles: @Sendable () -> [String] = { [] }

    public init() {}

    /// Whether `code` is planlint's own or a loaded rule's id.
    public func isKnownCode(_ code: String) -> Bool { codes.contains(code) }

    /// Every known code, for suggestions.
    public var allCodes: [String] { codes.ids }

    /// The documentation of `code`.
    public func documentation(for code: String) -> DiagnosticCode? { codes.code(code) }

    /// SARIF metadata: every code a check of plans can report, and the codes of problems in
    /// rule files and expressions that `diagnostics` report (the rule table lists those only
    /// when they occur: they are about a broken rule pack, not about plans).
    public func ruleMetadata(for diagnostics: [Diagnostic]) -> [RuleMetadata] {
        let used = Set(diagnostics.map(\.code))
        return codes.codes.filter { c in used.contains(c.id) || !c.tags.contains { $0 == "rule-file" || $0 == "expression" } }
            .map(RuleMetadata.init)
    }

    /// Whether a finding is a tool failure (exit 2): an error whose code says planlint could
    /// not do what it was asked (an unreadable file, a broken config, a rule that could not be
    /// evaluated).
    public func isToolFailure(_ d: Diagnostic) -> Bool {
        d.suppression == nil && d.severity == .error && codes.isToolFailure(d.code)
    }
}

extension RuleMetadata {
    /// SARIF metadata for a code, in the run's language; with the other language's text as
    /// `alternate` when the code has Japanese.
    public init(_ code: DiagnosticCode) {
        let text = code.text(in: MessageText.language)
        let other = MessageText.otherLanguage
        let alternate = code.japanese.map { _ in code.text(in: other) }.map {
            Alternate(language: other, shortDescription: $0.summary, fullDescription: $0.explanation, helpText: $0.fix)
        }
        self.init(id: code.id, shortDescription: text.summary, fullDescription: text.explanation,
                  helpText: text.fix, helpURI: code.docsURL, defaultLevel: code.severity, tags: code.tags, alternate: alternate)
    }
}
