import DiagnosticRendering

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
}

/// Something that checks parsed documents: the rule engine, the schema validator.
///
/// Checkers are shared by all worker threads: `check` must be safe to call concurrently.
public protocol DocumentChecker: Sendable {
    /// Findings in one document; only called when the YAML parsed completely.
    func check(_ document: LintDocument) -> [Diagnostic]
}

/// What a run checks with, besides YAML well-formedness: the checkers built from the
/// configuration, the codes they can produce (with documentation) and problems loading them.
public struct Checks: Sendable {
    public var checkers: [any DocumentChecker] = []
    /// Documentation of the loaded rules' codes (for `explain`, SARIF and suppression checks).
    public var documentation: [CodeDocumentation] = []
    /// Families of codes a checker produces without listing each (`schema/`).
    public var codePrefixes: [String] = []
    /// Problems loading rules or schemas (rule-file errors): tool failures when errors.
    public var loadDiagnostics: [Diagnostic] = []
    /// Codes that mean a check could not be carried out (a rule that could not be
    /// evaluated): as errors they make the exit status 2.
    public var toolErrorCodes: Set<String> = []

    public init() {}

    /// Whether `code` is a built-in code, a loaded rule's id or in a known family.
    public func isKnownCode(_ code: String) -> Bool {
        BuiltinCodes.documentation(code) != nil || documentation.contains { $0.code == code }
            || codePrefixes.contains { code.hasPrefix($0) } || toolErrorCodes.contains(code)
    }

    /// Every listed code, for suggestions.
    public var allCodes: [String] {
        BuiltinCodes.all.map(\.code) + documentation.map(\.code) + toolErrorCodes.sorted()
    }

    /// The documentation of `code`: a loaded rule first, then planlint's own.
    public func documentation(for code: String) -> CodeDocumentation? {
        documentation.first { $0.code == code } ?? BuiltinCodes.documentation(code)
    }

    /// SARIF metadata for every known code.
    public var ruleMetadata: [RuleMetadata] {
        var seen: Set<String> = []
        var out: [RuleMetadata] = []
        for d in documentation + BuiltinCodes.all where seen.insert(d.code).inserted { out.append(d.ruleMetadata) }
        return out
    }

    /// Whether a finding is a tool failure (exit 2): I/O, config and baseline problems, and
    /// errors with a `toolErrorCodes` code.
    public func isToolFailure(_ d: Diagnostic) -> Bool {
        d.suppression == nil && d.severity == .error && (BuiltinCodes.isToolError(d.code) || toolErrorCodes.contains(d.code))
    }
}
