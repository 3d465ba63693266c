import Diagnostics
import RuleLanguage
import YAMLTree

/// The codes of the diagnostics the rule engine itself reports (rule ids are the codes of
/// rule findings): problems in rule files, and rules that could not be run over a document.
package enum EngineCode: String, CodeCatalogue {
    // Problems in rule files (reported when loading; each makes the CLI exit 2 when an error):
    // an unknown key (with "did you mean"), a missing required key, a value of the wrong kind,
    // two rules with one id, a `for` path or message template that does not parse, a file
    // that cannot be read, a file or folder without rules.
    case unknownKey = "rule-file/unknown-key", missingKey = "rule-file/missing-key", invalidValue = "rule-file/invalid-value"
    case duplicateID = "rule-file/duplicate-id", invalidPath = "rule-file/invalid-path", invalidMessage = "rule-file/invalid-message"
    case unreadable = "rule-file/unreadable", noRules = "rule-file/no-rules"

    // Problems while running rules over a document: an expression could not be evaluated over
    // the data, a rule used more steps than its budget, a `for` path matched nothing in a
    // document that has the structure leading to it.
    case evaluationFailed = "rule-evaluation-failed", budgetExceeded = "rule-budget-exceeded"
    case selectorMatchedNothing = "rule-selector-matched-nothing"

    package var definition: DiagnosticCode {
        let ruleFile = """
        A rule file could not be loaded as written; the rules it holds do not run, and the run \
        ends with status 2. See Docs/rules.md for the rule format.
        """
        switch self {
        case .unknownKey:
            return define(.error, toolFailure: true, summary: "A rule file uses a key the rule format does not know.",
                          explanation: ruleFile, fix: "Correct the key (the message suggests the closest known one); see Docs/rules.md for the keys.",
                          bad: "rules:\n  - id: x\n    sevrity: error", tags: ["rule-file"])
        case .missingKey:
            return define(.error, toolFailure: true, summary: "A rule lacks a required key.",
                          explanation: ruleFile, fix: "Every rule needs `id`, `severity`, `summary`, `for` and `assert`.", tags: ["rule-file"])
        case .invalidValue:
            return define(.error, toolFailure: true, summary: "A value in a rule file is of the wrong kind or not allowed.",
                          explanation: ruleFile, fix: "See the message and Docs/rules.md for the allowed values.", tags: ["rule-file"])
        case .duplicateID:
            return define(.error, toolFailure: true, summary: "Two rules have the same id.",
                          explanation: ruleFile, fix: "Rule ids must be unique across all loaded rule files; rename one.", tags: ["rule-file"])
        case .invalidPath:
            return define(.error, toolFailure: true, summary: "A rule's `for` path does not parse.",
                          explanation: ruleFile, fix: "See Docs/rules.md, \"Paths\", for the one path dialect.", tags: ["rule-file"])
        case .invalidMessage:
            return define(.error, toolFailure: true, summary: "A message template has unbalanced braces.",
                          explanation: ruleFile, fix: "Close each `{` with `}`; write `{{` and `}}` for literal braces.", tags: ["rule-file"])
        case .unreadable:
            return define(.error, toolFailure: true, summary: "A rule file or folder cannot be read.",
                          explanation: ruleFile, fix: "Check the path given with --rules or `rules:`.", tags: ["rule-file"])
        case .noRules:
            return define(.warning, toolFailure: true, summary: "A rule file has no rules, or a folder no rule files.",
                          explanation: "A folder without rule files is an error (nothing would be checked); a file without rules is a warning.",
                          fix: "Add rules, or stop passing the path.", tags: ["rule-file"])
        case .evaluationFailed:
            return define(.error, toolFailure: true, summary: "A rule could not be evaluated on the data.",
                          explanation: """
                          An expression of a rule failed on a document: a key the rule reads is missing, a value \
                          has the wrong type, a number cannot be read. The rule neither passed nor failed there, \
                          so the run ends with status 2 (unless this code is lowered in .planlint.yaml).
                          """,
                          fix: "Fix the data at the reported node, or make the rule guard against it (`has(...)`, `when:`).",
                          tags: ["rules"])
        case .budgetExceeded:
            return define(.error, toolFailure: true, summary: "A rule used more evaluation steps than its budget.",
                          explanation: """
                          Each rule may spend a bounded number of steps on a document (by default 1,000,000 plus \
                          100 per node of the document), so a costly rule cannot hang planlint. The rule was \
                          stopped; the run ends with status 2.
                          """,
                          fix: "Simplify the rule, or raise `limits.cost-budget` (or `--cost-budget`) if the data is trusted.",
                          tags: ["rules", "limits"])
        case .selectorMatchedNothing:
            return define(.warning, summary: "A rule's `for` path matched nothing in a document that has the structure leading to it.",
                          explanation: "Usually a typo in the rule's `for` path: a rule that never matches would pass silently.",
                          fix: "Check the `for` path against the document (`planlint eval` helps).", tags: ["rules"])
        }
    }

    /// The code of an expression problem in a rule file: `rule-file/` + the compiler's code
    /// (`rule-file/unknown-identifier`).
    package static func expression(_ code: ExpressionProblem.Code) -> String { "rule-file/" + code.rawValue }

    /// The definitions of `rule-file/<expression code>`: the compiler's, under the engine's name.
    package static var expressionDefinitions: [DiagnosticCode] {
        ExpressionProblem.Code.allCases.map { code in
            var d = code.definition
            d.id = expression(code)
            d.tags = ["rule-file"] + d.tags.filter { $0 != "expression" }
            return d
        }
    }

    /// Every code the engine reports.
    package static var allDefinitions: [DiagnosticCode] { definitions + expressionDefinitions }

    /// Codes a rule id may not take: the engine's own and those of reading YAML (and
    /// `io-error`, the frontend's code for an unreadable file).
    static let reserved: Set<String> = Set([evaluationFailed, budgetExceeded, selectorMatchedNothing].map(\.rawValue)
        + YAMLProblem.Code.allCases.map(\.rawValue) + ["io-error"])
}
