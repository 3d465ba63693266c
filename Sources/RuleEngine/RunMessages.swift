import Diagnostics
import RuleLanguage
import YAMLTree

/// The messages of running rules over documents (codes `rule-evaluation-failed`,
/// `rule-budget-exceeded`, `rule-selector-matched-nothing`).
package enum RunMessage: String, MessageCatalogue {
    case whenNotBool = "the rule file's `when` gave {type}, not true or false"
    case whenFailed = "the `when` of the rule file {path} could not be evaluated, so its rules were not run: {problem}"
    case inFileWhen = "in the rule file's `when`"
    case moreDiagnosticOne = "… and 1 more `{code}` diagnostic of rule `{rule}` in this file (the first {shown} are shown)"
    case moreDiagnostics = "… and {count} more `{code}` diagnostics of rule `{rule}` in this file (the first {shown} are shown)"
    case filterNotBool = "the filter gave {type} `{value}`, not true or false"
    case partNotBool = "`{part}` gave {type} `{value}`, not true or false"
    case budgetWhileBuilding = "the rule's budget ran out while building its {part}"
    case messageNotFormed = "the rule's message could not be formed; this is its summary"
    case atNotANode = "the rule's `at` gave {type} `{value}`, not a node of the document; reported at the rule's match instead"
    case moreLabelOne = "1 more label not shown"
    case moreLabels = "{count} more labels not shown"
    case replaceWith = "replace with {text}"
    case labelAtNotANode = "a label's `at` gave {type} `{value}`, not a node of the document"
    case labelEachNotAList = "a label's `each` gave {type}, not a list"
    case comparison = "`{expression}`: `{left}` is {leftValue}, `{right}` is {rightValue}; `{operator}` is {result}"
    case fileBudget = "the file's budget of {limit} evaluation steps, shared by every rule and document of the file, ran out while rule `{rule}` was checking it"
    case ruleBudget = "rule `{rule}` exceeded its budget of {limit} evaluation steps on this file"
    case whileChecking = "while checking this"
    case theRule = "the rule"
    case inPart = "in {part}"
    case restNotChecked = "the rest of the document was not checked by this rule"
    case budgetHelp = "make the rule do less work per match (a nested `all`/`exists`/`map` over a large list grows quadratically), or raise the budget"
    case inPartOfRule = "in {part} of rule `{rule}`"
    case calledHere = "called here, in {part} of rule `{rule}`"
    case couldNotEvaluate = "rule `{rule}` could not be evaluated: {problem}"
    case forPathOfRule = "the `for` path of rule `{rule}`"
    case matchedNothingNoKey = "{path} matched nothing: no mapping at `{at}` has the key `{key}`"
    case noKeyInThisMapping = "no `{key}` in this mapping"
    case markOptional = "if the key may be absent, mark it optional: `{key}?`"
    case matchedNothingKind = "{path} matched nothing: this step needs {expected}, but `{at}` is {found}"
    case matchedNothingFromHere = "matched nothing from here on"
}

/// Phrases of the run's messages: the part of a rule an expression is in, and kinds of node.
package enum RunPhrase: String, MessageCatalogue {
    case forFilter = "the `for` filter"
    case function = "function `{name}`"
    case `let` = "let `{name}`"
    case fixAt = "fix `at`"
    case fixReplace = "fix `replace`"
    case fixTitle = "fix title"
    case labelAt = "label `at`"
    case labelMessage = "label message"
    case labelEach = "label `each`"
    case aMapping = "a mapping"
    case aSequence = "a sequence"
    case aSequenceOrMapping = "a sequence or a mapping"
    case aNull = "a null"
    case aScalar = "a scalar"
    case aList = "a list"
    case aNothing = "a nothing"
}

/// The part of a rule an expression is in, for failure reports: a key as written (`assert`,
/// `message`) or a phrase. Cheap to pass for every match: the text is built for a report only.
package enum PartName: ExpressibleByStringLiteral, Sendable {
    case key(String)
    case phrase(RunPhrase)
    case function(String)
    case `let`(String)

    package init(stringLiteral value: String) { self = .key(value) }

    /// The text, in the current language.
    var text: String {
        switch self {
        case .key(let k): k
        case .phrase(let p): p()
        case .function(let name): RunPhrase.function(["name": name])
        case .`let`(let name): RunPhrase.let(["name": name])
        }
    }
}

extension RunPhrase {
    /// What a node is, in a message: `a mapping`, `a list`, `a scalar`, `a null`.
    static func kind(of node: YAMLNode) -> RunPhrase {
        switch node.kind {
        case .scalar: node.value == .null ? .aNull : .aScalar
        case .sequence: .aList
        case .mapping: .aMapping
        }
    }
}

extension RunMessage {
    package var japanese: String? {
        switch self {
        case .whenNotBool: "ルールファイルの`when`が{type}になり、真でも偽でもありません"
        case .whenFailed: "ルールファイル{path}の`when`を評価できなかったため、そのルールは実行されませんでした: {problem}"
        case .inFileWhen: "ルールファイルの`when`で"
        case .moreDiagnosticOne: "… このファイルではルール`{rule}`の`{code}`の診断がほかに1件あります（最初の{shown}件を表示しています）"
        case .moreDiagnostics: "… このファイルではルール`{rule}`の`{code}`の診断がほかに{count}件あります（最初の{shown}件を表示しています）"
        case .filterNotBool: "フィルターが{type} `{value}`になり、真でも偽でもありません"
        case .partNotBool: "`{part}`が{type} `{value}`になり、真でも偽でもありません"
        case .budgetWhileBuilding: "ルールの{part}を組み立てる途中で予算が尽きました"
        case .messageNotFormed: "ルールのメッセージを組み立てられなかったため、要約を示しています"
        case .atNotANode: "ルールの`at`が{type} `{value}`になり、文書のノードではありません。代わりにルールのマッチの位置に報告しています"
        case .moreLabelOne: "ほかに1個のラベルを表示していません"
        case .moreLabels: "ほかに{count}個のラベルを表示していません"
        case .replaceWith: "{text}に置き換える"
        case .labelAtNotANode: "ラベルの`at`が{type} `{value}`になり、文書のノードではありません"
        case .labelEachNotAList: "ラベルの`each`が{type}になり、リストではありません"
        case .comparison: "`{expression}`: `{left}`は{leftValue}、`{right}`は{rightValue}。`{operator}`は{result}"
        case .fileBudget: "ファイルのすべてのルールと文書が共有する{limit}評価ステップの予算が、ルール`{rule}`の検査中に尽きました"
        case .ruleBudget: "ルール`{rule}`がこのファイルで{limit}評価ステップの予算を超えました"
        case .whileChecking: "これを検査している間"
        case .theRule: "ルール"
        case .inPart: "{part}で"
        case .restNotChecked: "文書の残りはこのルールで検査されていません"
        case .budgetHelp: "マッチごとのルールの処理を減らすか（大きなリストに対する`all`/`exists`/`map`の入れ子は2乗で増えます）、予算を上げてください"
        case .inPartOfRule: "ルール`{rule}`の{part}で"
        case .calledHere: "ここで呼ばれています（ルール`{rule}`の{part}）"
        case .couldNotEvaluate: "ルール`{rule}`を評価できませんでした: {problem}"
        case .forPathOfRule: "ルール`{rule}`の`for`パス"
        case .matchedNothingNoKey: "{path}は何にもマッチしませんでした: `{at}`のどのマッピングにもキー`{key}`がありません"
        case .noKeyInThisMapping: "このマッピングに`{key}`はありません"
        case .markOptional: "キーがないこともあるなら、省略可能にしてください: `{key}?`"
        case .matchedNothingKind: "{path}は何にもマッチしませんでした: このステップには{expected}が必要ですが、`{at}`は{found}です"
        case .matchedNothingFromHere: "ここから先は何にもマッチしませんでした"
        }
    }
}

extension RunPhrase {
    package var japanese: String? {
        switch self {
        case .forFilter: "`for`のフィルター"
        case .function: "関数`{name}`"
        case .let: "letの`{name}`"
        case .fixAt: "修正の`at`"
        case .fixReplace: "修正の`replace`"
        case .fixTitle: "修正の題"
        case .labelAt: "ラベルの`at`"
        case .labelMessage: "ラベルのメッセージ"
        case .labelEach: "ラベルの`each`"
        case .aMapping: "マッピング"
        case .aSequence: "シーケンス"
        case .aSequenceOrMapping: "シーケンスかマッピング"
        case .aNull: "null"
        case .aScalar: "スカラー"
        case .aList: "リスト"
        case .aNothing: "何もない"
        }
    }
}
