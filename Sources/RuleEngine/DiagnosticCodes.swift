import Diagnostics

/// The codes of the diagnostics the rule engine itself reports (rule ids are the codes of
/// rule findings).
public enum EngineCode {
    // Problems in rule files (reported when loading; each makes the CLI exit 2 when an error).
    /// A key the rule format does not know (with "did you mean").
    public static let unknownKey = "rule-file/unknown-key"
    /// A required key is missing (`id`, `severity`, `summary`, `for`, `assert`).
    public static let missingKey = "rule-file/missing-key"
    /// A value of the wrong kind or outside the allowed ones (a severity, an id, a URL…).
    public static let invalidValue = "rule-file/invalid-value"
    /// Two rules with the same id.
    public static let duplicateID = "rule-file/duplicate-id"
    /// A `for` path that does not parse.
    public static let invalidPath = "rule-file/invalid-path"
    /// A message template with unbalanced braces.
    public static let invalidMessage = "rule-file/invalid-message"
    /// A rule file (or folder) that cannot be read.
    public static let unreadable = "rule-file/unreadable"
    /// A rule file without rules, or a folder without rule files.
    public static let noRules = "rule-file/no-rules"
    /// An expression problem: `rule-file/` + the compiler's code (`rule-file/unknown-identifier`).
    public static func expression(_ code: String) -> String { "rule-file/" + code }

    // Problems while running rules over a document.
    /// An expression could not be evaluated over the data (a missing key, a type mismatch).
    public static let evaluationFailed = "rule-evaluation-failed"
    /// A rule used more evaluation steps than its budget on a document.
    public static let budgetExceeded = "rule-budget-exceeded"
    /// A `for` path matched nothing in a document that has the structure leading to it.
    public static let selectorMatchedNothing = "rule-selector-matched-nothing"

    /// Codes a rule id may not take.
    static let reserved: Set<String> = [
        evaluationFailed, budgetExceeded, selectorMatchedNothing,
        "yaml-syntax", "duplicate-key", "undefined-alias", "recursive-alias", "invalid-merge",
        "nesting-too-deep", "alias-expansion-limit", "input-too-large", "encoding", "io-error",
    ]
}

/// What a listing or SARIF needs to know about one of the engine's own codes.
public struct EngineCodeInfo: Sendable, Hashable {
    public let code: String
    public let severity: Severity
    public let summary: String
    public let help: String
}

extension EngineCode {
    /// The engine's own codes with a summary and help each (for SARIF `rules`, `explain`).
    /// Expression problems in rule files use `rule-file/` + the compiler's code and are not
    /// listed one by one.
    public static let catalog: [EngineCodeInfo] = [
        EngineCodeInfo(code: unknownKey, severity: .error, summary: "A rule file uses a key the rule format does not know.",
                       help: "Correct the key (the message suggests the closest known one); see Docs/rules.md for the keys."),
        EngineCodeInfo(code: missingKey, severity: .error, summary: "A rule lacks a required key.",
                       help: "Every rule needs `id`, `severity`, `summary`, `for` and `assert`."),
        EngineCodeInfo(code: invalidValue, severity: .error, summary: "A value in a rule file is of the wrong kind or not allowed.",
                       help: "See the message and Docs/rules.md for the allowed values."),
        EngineCodeInfo(code: duplicateID, severity: .error, summary: "Two rules have the same id.",
                       help: "Rule ids must be unique across all loaded rule files; rename one."),
        EngineCodeInfo(code: invalidPath, severity: .error, summary: "A rule's `for` path does not parse.",
                       help: "See Docs/rules.md, \"Paths\", for the one path dialect."),
        EngineCodeInfo(code: invalidMessage, severity: .error, summary: "A message template has unbalanced braces.",
                       help: "Close each `{` with `}`; write `{{` and `}}` for literal braces."),
        EngineCodeInfo(code: unreadable, severity: .error, summary: "A rule file or folder cannot be read.",
                       help: "Check the path given with --rules."),
        EngineCodeInfo(code: noRules, severity: .warning, summary: "A rule file has no rules, or a folder no rule files.",
                       help: "Add rules, or stop passing the path."),
        EngineCodeInfo(code: evaluationFailed, severity: .error, summary: "A rule could not be evaluated on the data.",
                       help: "The data lacks something the rule reads, or has another type; guard the rule with `when: has(…)` or fix the data."),
        EngineCodeInfo(code: budgetExceeded, severity: .error, summary: "A rule used more evaluation steps than its budget.",
                       help: "Make the rule do less work per match (avoid nested loops over large lists), or raise the budget."),
        EngineCodeInfo(code: selectorMatchedNothing, severity: .warning, summary: "A rule's `for` path matched nothing where the document has the structure leading to it.",
                       help: "Correct the key in the path (the message suggests one), or mark it optional with `?`."),
    ]
}
