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
        let jaRuleFile = "ルールファイルを書かれたとおりに読み込めませんでした。そこにあるルールは実行されず、実行は状態2で終わります。ルールの書式はDocs/rules.mdを参照してください。"
        switch self {
        case .unknownKey:
            return define(.error, toolFailure: true, summary: "A rule file uses a key the rule format does not know.",
                          explanation: ruleFile, fix: "Correct the key (the message suggests the closest known one); see Docs/rules.md for the keys.",
                          bad: "rules:\n  - id: x\n    sevrity: error", tags: ["rule-file"],
                          ja: .init(summary: "ルールファイルが、ルールの書式にないキーを使っています。", explanation: jaRuleFile,
                                    fix: "キーを直してください（メッセージが最も近い既知のキーを示します）。キーはDocs/rules.mdを参照してください。"))
        case .missingKey:
            return define(.error, toolFailure: true, summary: "A rule lacks a required key.",
                          explanation: ruleFile, fix: "Every rule needs `id`, `severity`, `summary`, `for` and `assert`.", tags: ["rule-file"],
                          ja: .init(summary: "ルールに必須のキーがありません。", explanation: jaRuleFile,
                                    fix: "どのルールにも`id`、`severity`、`summary`、`for`、`assert`が必要です。"))
        case .invalidValue:
            return define(.error, toolFailure: true, summary: "A value in a rule file is of the wrong kind or not allowed.",
                          explanation: ruleFile, fix: "See the message and Docs/rules.md for the allowed values.", tags: ["rule-file"],
                          ja: .init(summary: "ルールファイルの値の種類が違うか、許されていない値です。", explanation: jaRuleFile,
                                    fix: "許される値はメッセージとDocs/rules.mdを参照してください。"))
        case .duplicateID:
            return define(.error, toolFailure: true, summary: "Two rules have the same id.",
                          explanation: ruleFile, fix: "Rule ids must be unique across all loaded rule files; rename one.", tags: ["rule-file"],
                          ja: .init(summary: "2つのルールが同じidを持っています。", explanation: jaRuleFile,
                                    fix: "ルールのidは読み込むすべてのルールファイルを通して一意でなければなりません。どちらかの名前を変えてください。"))
        case .invalidPath:
            return define(.error, toolFailure: true, summary: "A rule's `for` path does not parse.",
                          explanation: ruleFile, fix: "See Docs/rules.md, \"Paths\", for the one path dialect.", tags: ["rule-file"],
                          ja: .init(summary: "ルールの`for`パスを解析できません。", explanation: jaRuleFile,
                                    fix: "パスの書き方はDocs/rules.mdの「Paths」を参照してください。"))
        case .invalidMessage:
            return define(.error, toolFailure: true, summary: "A message template has unbalanced braces.",
                          explanation: ruleFile, fix: "Close each `{` with `}`; write `{{` and `}}` for literal braces.", tags: ["rule-file"],
                          ja: .init(summary: "メッセージのテンプレートの波括弧が対応していません。", explanation: jaRuleFile,
                                    fix: "`{`はそれぞれ`}`で閉じてください。波括弧そのものは`{{`と`}}`と書きます。"))
        case .unreadable:
            return define(.error, toolFailure: true, summary: "A rule file or folder cannot be read.",
                          explanation: ruleFile, fix: "Check the path given with --rules or `rules:`.", tags: ["rule-file"],
                          ja: .init(summary: "ルールファイルかフォルダーを読めません。", explanation: jaRuleFile,
                                    fix: "--rulesや`rules:`で指定したパスを確かめてください。"))
        case .noRules:
            return define(.warning, toolFailure: true, summary: "A rule file has no rules, or a folder no rule files.",
                          explanation: "A folder without rule files is an error (nothing would be checked); a file without rules is a warning.",
                          fix: "Add rules, or stop passing the path.", tags: ["rule-file"],
                          ja: .init(summary: "ルールファイルにルールがないか、フォルダーにルールファイルがありません。", explanation: "ルールファイルのないフォルダーはエラーです（何も検査されなくなるため）。ルールのないファイルは警告です。",
                                    fix: "ルールを加えるか、そのパスを渡すのをやめてください。"))
        case .evaluationFailed:
            return define(.error, toolFailure: true, summary: "A rule could not be evaluated on the data.",
                          explanation: """
                          An expression of a rule failed on a document: a key the rule reads is missing, a value \
                          has the wrong type, a number cannot be read. The rule neither passed nor failed there, \
                          so the run ends with status 2 (unless this code is lowered in .planlint.yaml).
                          """,
                          fix: "Fix the data at the reported node, or make the rule guard against it (`has(...)`, `when:`).",
                          tags: ["rules"],
                          ja: .init(summary: "データに対してルールを評価できませんでした。", explanation: "ルールの式が文書の上で失敗しました。ルールが読むキーがない、値の型が違う、数値が読めない、などです。そこではルールは合格も不合格もしていないため、実行は状態2で終わります（.planlint.yamlでこのコードの重大度を下げた場合を除きます）。",
                                    fix: "報告されたノードのデータを直すか、ルールでそれに備えてください（`has(...)`、`when:`）。"))
        case .budgetExceeded:
            return define(.error, toolFailure: true, summary: "A rule used more evaluation steps than its budget.",
                          explanation: """
                          Each rule may spend a bounded number of steps on a document (by default 1,000,000 plus \
                          100 per node of the document), so a costly rule cannot hang planlint. The rule was \
                          stopped; the run ends with status 2.
                          """,
                          fix: "Simplify the rule, or raise `limits.cost-budget` (or `--cost-budget`) if the data is trusted.",
                          tags: ["rules", "limits"],
                          ja: .init(summary: "ルールが予算より多くの評価ステップを使いました。", explanation: "ルールが1つの文書に使えるステップ数には上限があります（既定では1,000,000に文書のノード1つにつき100を加えた数）。そのため手間のかかるルールでplanlintが止まることはありません。ルールは止められ、実行は状態2で終わります。",
                                    fix: "ルールを簡単にするか、データが信頼できるなら`limits.cost-budget`（または`--cost-budget`）を上げてください。"))
        case .selectorMatchedNothing:
            return define(.warning, summary: "A rule's `for` path matched nothing in a document that has the structure leading to it.",
                          explanation: "Usually a typo in the rule's `for` path: a rule that never matches would pass silently.",
                          fix: "Check the `for` path against the document (`planlint eval` helps).", tags: ["rules"],
                          ja: .init(summary: "ルールの`for`パスが、そこへ至る構造を持つ文書で何にもマッチしませんでした。", explanation: "たいていはルールの`for`パスの書き誤りです。決してマッチしないルールは黙って合格してしまいます。",
                                    fix: "`for`パスを文書と照らし合わせてください（`planlint eval`が役立ちます）。"))
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
