import Diagnostics

/// Everything a renderer needs besides the diagnostics themselves.
///
/// Renderers are pure functions of `([Diagnostic], RenderContext)`: nothing here is read from
/// the process (environment, terminal, clock), so the same inputs always give the same bytes.
/// The command line fills it in from its options and the machine it runs on.
public struct RenderContext: Sendable {
    /// planlint's version, as printed by `--version` (SARIF `tool.driver.version`, JSON `tool.version`).
    public var toolVersion: String
    /// Where users learn about planlint (SARIF `tool.driver.informationUri`).
    public var informationURI: String
    /// Metadata for the rules that ran. SARIF lists these; codes without an entry get a
    /// minimal synthesized one (see `RuleMetadata.synthesized`).
    public var rules: [RuleMetadata]
    /// Absolute path of the directory relative paths are relative to (usually the current
    /// directory or the repository root). SARIF maps it to `%SRCROOT%`.
    public var rootDirectory: String
    /// The process exit code, when known (SARIF `invocations[0].exitCode`).
    public var exitCode: Int?
    /// Whether planlint ran to the end without a tool failure — findings do not make a run
    /// unsuccessful; an unreadable config does (SARIF `executionSuccessful`).
    public var executionSuccessful: Bool
    /// The files that were checked, as the user should see their paths. The human summary
    /// counts them; JUnit gives each one a test suite, so clean files show as passing.
    public var checkedFiles: [String]
    /// Whether the human form uses ANSI colour (decide with `ColorChoice.shouldColorize`).
    public var color: Bool
    /// Tab stops for the human form's source lines and carets.
    public var tabWidth: Int
    /// The width, in terminal cells, that source lines of the human form are elided to.
    public var maxLineWidth: Int
    /// The language of the messages (SARIF `run.language`, JSON `language`): the run's.
    public var language: Language
    /// Whether the JSON form includes suppressed diagnostics (with their `suppression`).
    /// Other text forms never show them; SARIF always includes them.
    public var includeSuppressed: Bool

    /// A context; every value has a default suited to tests. `tabWidth` is at least 1 and
    /// `maxLineWidth` at least 40.
    public init(toolVersion: String = "0.0.0",
                informationURI: String = RenderContext.defaultInformationURI,
                rules: [RuleMetadata] = [],
                rootDirectory: String = "/",
                exitCode: Int? = nil,
                executionSuccessful: Bool = true,
                checkedFiles: [String] = [],
                color: Bool = false,
                tabWidth: Int = 4,
                maxLineWidth: Int = 120,
                includeSuppressed: Bool = false,
                language: Language = MessageText.language) {
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.rules = rules
        self.rootDirectory = rootDirectory
        self.exitCode = exitCode
        self.executionSuccessful = executionSuccessful
        self.checkedFiles = checkedFiles
        self.color = color
        self.tabWidth = max(1, tabWidth)
        self.maxLineWidth = max(40, maxLineWidth)
        self.includeSuppressed = includeSuppressed
        self.language = language
    }

    /// The project's home page.
    public static let defaultInformationURI = "https://github.com/planlint/planlint"

    /// The number of files the summary reports: the checked files, or, when the caller did not
    /// list them, the distinct files the diagnostics point into.
    func fileCount(_ diagnostics: [Diagnostic]) -> Int {
        if !checkedFiles.isEmpty { return Set(checkedFiles).count }
        return Set(diagnostics.map(\.path)).count
    }
}

extension Array where Element == Diagnostic {
    /// The diagnostics in output order, without suppressed ones unless `keepSuppressed`.
    func prepared(keepSuppressed: Bool) -> [Diagnostic] {
        let kept = keepSuppressed ? self : filter { $0.suppression == nil }
        return kept.sorted(by: Diagnostic.ordered)
    }
}
