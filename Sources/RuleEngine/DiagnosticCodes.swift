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
