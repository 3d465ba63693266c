import Diagnostics

/// The words of `planlint eval` (ExpressionTool) and of reading a rule's message template
/// (code `rule-file/invalid-message`).
package enum ToolMessage: String, MessageCatalogue {
    case alreadyAVariable = "`{name}` is already a variable"
    case inThisFilter = "in this filter"
    case noMatch = "no match"
    case documentNoMatch = "document {number}: no match"
    case theAtPath = "the --at path"
    case documentPath = "document {number} {path}"
    case whileEvaluating = "while evaluating this"
    // Message templates.
    case braceNotClosed = "`{` in the message is not closed"
    case openedHere = "opened here"
    case endTheExpression = "end the expression with `}`, or write `{{` for a literal brace"
    case emptyBraces = "empty `{}` in the message"
    case putAnExpression = "put an expression inside, e.g. `{self.total}`, or write `{{}}` for literal braces"
    case singleCloseBrace = "single `}` in the message"
    case noOpeningBrace = "no `{` opens this"
    case writeDoubleBrace = "write `}}` for a literal brace"
}

extension ToolMessage {
    package var japanese: String? {
        switch self {
        case .alreadyAVariable: "`{name}`は既に変数です"
        case .inThisFilter: "このフィルターで"
        case .noMatch: "マッチなし"
        case .documentNoMatch: "文書{number}: マッチなし"
        case .theAtPath: "--atのパス"
        case .documentPath: "文書{number} {path}"
        case .whileEvaluating: "これを評価している間"
        case .braceNotClosed: "メッセージの`{`が閉じられていません"
        case .openedHere: "ここで開いています"
        case .endTheExpression: "式を`}`で終えるか、波括弧そのものは`{{`と書いてください"
        case .emptyBraces: "メッセージに空の`{}`があります"
        case .putAnExpression: "中に式を書くか（例: `{self.total}`）、波括弧そのものは`{{}}`と書いてください"
        case .singleCloseBrace: "メッセージに対のない`}`があります"
        case .noOpeningBrace: "これを開く`{`がありません"
        case .writeDoubleBrace: "波括弧そのものは`}}`と書いてください"
        }
    }
}
