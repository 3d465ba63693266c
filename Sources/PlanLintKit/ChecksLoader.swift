import RuleEngine
import RuleLanguage

/// Builds the checks a configuration asks for: rule packs (RuleEngine) and schemas
/// (SchemaValidation).
public enum ChecksLoader {
    /// Options beyond the configuration.
    public struct Options: Sendable {
        /// Add the compared intervals to each rule finding (`check --explain`).
        public var explainRules = false
        /// The working directory, for the paths diagnostics show.
        public var cwd: String
        public init(cwd: String, explainRules: Bool = false) {
            self.cwd = cwd
            self.explainRules = explainRules
        }
    }

    /// The checks for `config`. Problems loading them are in `loadDiagnostics`.
    public static func load(_ config: Configuration, options: Options) -> Checks {
        var checks = Checks()
        checks.codePrefixes = ["rule-file/"]
        checks.toolErrorCodes = [EngineCode.evaluationFailed, EngineCode.budgetExceeded]
        checks.documentation += engineDocumentation
        if !config.rules.isEmpty {
            let (ruleSet, diagnostics) = loadRules(config, options: options)
            checks.loadDiagnostics += diagnostics
            checks.documentation += ruleSet.rules.map(documentation)
            if !ruleSet.isEmpty {
                checks.checkers.append(RuleChecker(ruleSet: ruleSet, explain: options.explainRules))
            }
        }
        for s in config.schemas {
            checks.loadDiagnostics.append(unavailable("schema \(s.schema.written)", s.schema))
        }
        return checks
    }

    /// Reads the configured rule files (folders expanded) under the paths users see, and
    /// compiles them.
    static func loadRules(_ config: Configuration, options: Options) -> (RuleSet, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sources: [SourceFile] = []
        let loadOptions = RuleLoadOptions(
            expressionLimits: ExpressionLimits(maxDepth: config.limits.maxExpressionDepth ?? ExpressionLimits.default.maxDepth),
            yamlLimits: config.limits.yamlLimits)
        for file in RuleLoader.ruleFiles(in: config.rules.map(\.path), diagnostics: &diagnostics) {
            let display = PathUtil.display(file, cwd: options.cwd)
            do {
                let raw = try FileIO.readBytes(path: file, limit: loadOptions.yamlLimits.maxInputBytes)
                let (source, parsed) = YAMLReader.read(path: display, raw: raw, limits: loadOptions.yamlLimits)
                if source.bytes.isEmpty && !parsed.problems.isEmpty {
                    diagnostics += parsed.problems.map { Diagnostic($0, in: source) }   // not text planlint can read
                } else {
                    sources.append(source)
                }
            } catch {
                diagnostics.append(Diagnostic(code: EngineCode.unreadable, severity: .error,
                                              message: "cannot read rule file \(display): \(error.reason)",
                                              location: .path(display)))
            }
        }
        let result = RuleLoader.load(sources: sources, options: loadOptions)
        return (result.ruleSet, diagnostics + result.diagnostics)
    }

    /// A rule's documentation for `explain` and SARIF.
    static func documentation(_ rule: Rule) -> CodeDocumentation {
        CodeDocumentation(
            code: rule.id, severity: rule.severity, summary: rule.summary,
            description: rule.description ?? rule.summary,
            help: rule.help ?? "See the rule's description.",
            badExample: rule.examples.first { $0.kind == .invalid }?.yaml.text,
            goodExample: rule.examples.first { $0.kind == .valid }?.yaml.text,
            tags: rule.tags, source: "\(rule.source.path):\(rule.source.line)", docsURL: rule.docsURL)
    }

    /// The engine's own codes.
    static let engineDocumentation: [CodeDocumentation] = [
        CodeDocumentation(
            code: EngineCode.evaluationFailed, severity: .error, summary: "A rule could not be evaluated on the data.",
            description: """
            An expression of a rule failed on a document: a key the rule reads is missing, a value \
            has the wrong type, a number cannot be read. The rule neither passed nor failed there, \
            so the run ends with status 2 (unless this code is lowered in .planlint.yaml).
            """,
            help: "Fix the data at the reported node, or make the rule guard against it (`has(...)`, `when:`).",
            tags: ["rules"]),
        CodeDocumentation(
            code: EngineCode.budgetExceeded, severity: .error, summary: "A rule used more evaluation steps than its budget.",
            description: """
            Each rule may spend a bounded number of steps on a document (by default 1,000,000 plus \
            100 per node of the document), so a costly rule cannot hang planlint. The rule was \
            stopped; the run ends with status 2.
            """,
            help: "Simplify the rule, or raise `limits.cost-budget` (or `--cost-budget`) if the data is trusted.",
            tags: ["rules", "limits"]),
        CodeDocumentation(
            code: EngineCode.selectorMatchedNothing, severity: .warning,
            summary: "A rule's `for` path matched nothing in a document that has the structure leading to it.",
            description: "Usually a typo in the rule's `for` path: a rule that never matches would pass silently.",
            help: "Check the `for` path against the document (`planlint eval` helps).", tags: ["rules"]),
    ]

    static func unavailable(_ what: String, _ p: ConfiguredPath) -> Diagnostic {
        Diagnostic(code: "config/unsupported", severity: .error,
                   message: "\(what) cannot be loaded: this build of planlint has no schema validator yet",
                   location: p.span.map(Location.span) ?? .path(p.written))
    }
}

/// Runs a rule set over each document (the cost budget from the file's limits).
struct RuleChecker: DocumentChecker {
    let ruleSet: RuleSet
    let explain: Bool

    func check(_ document: LintDocument) -> [Diagnostic] {
        var policy = CostPolicy.default
        if let budget = document.limits.costBudget { policy.base = budget }
        let runner = RuleRunner(ruleSet: ruleSet, options: RunOptions(explain: explain, costPolicy: policy))
        return runner.run(on: document.parse.tree).diagnostics
    }
}
