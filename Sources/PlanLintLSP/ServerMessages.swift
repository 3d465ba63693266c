import DiagnosticRendering
import Diagnostics

/// What the language server says itself: hovers over marks and codes, and the finding that
/// stands for a broken configuration, rule file or schema (LSPMessage holds the code
/// actions' titles). `ServerMessageTests` checks it as `MessageCataloguesTests` checks the
/// catalogues below the server.
package enum ServerMessage: String, MessageCatalogue {
    case reportedHere = "reported here"
    case theConfiguration = "the configuration {path}"
    case theRuleFile = "the rule file {path}"
    case theSchema = "the schema {path}"
    case anError = "an error"
    case errors = "{count} errors"
    case notCheckedUntilFixed = "this file is not checked until it is fixed"
    case checksMissing = "checks from it are missing"
    case projectBroken = "{what} has {count}, so {consequence}: {message}"
    case lookAlike = "{b}{char}{b} is {name}, not the evaluation mark {b}{mark}{b} ({markName}, {meaning}). Marks are exactly these characters: ◎ ○ △ × －."
    case markTitle = "{b}{mark}{b} — evaluation mark ({name})"
    case asTheLegendPrints = "(as this plan's `evaluation.legend` prints it)"
    case asTheScaleDeclares = "(as this plan's scale `{scale}` declares it)"
    case asTheScalesDeclare = "(as this plan's scales declare it; a node's mark is on its level's scale)"
    case usualMeaning = "(the usual meaning; this plan gives none in `scales` or `evaluation.legend`)"
    case codeTitleMarkdown = "**{id}** · {severity} — {summary}"
    case codeTitle = "{id} ({severity}): {summary}"
    case fixMarkdown = "**Fix:** {fix}"
    case fix = "Fix: {fix}"
    case ownCode = "planlint's own code"
    case definedAt = "defined at {source}"
    case documentation = "documentation"
    case watchersNotRegistered = "file watchers not registered: {error}"
}

extension ServerMessage {
    package var japanese: String? {
        switch self {
        case .reportedHere: "ここで報告"
        case .theConfiguration: "設定ファイル {path}"
        case .theRuleFile: "ルールファイル {path}"
        case .theSchema: "スキーマ {path}"
        case .anError: "1件のエラー"
        case .errors: "{count}件のエラー"
        case .notCheckedUntilFixed: "直すまでこのファイルはチェックされません"
        case .checksMissing: "そこからのチェックが欠けています"
        case .projectBroken: "{what} に{count}があるため、{consequence}: {message}"
        case .lookAlike: "{b}{char}{b} は{name}で、評価記号 {b}{mark}{b}（{markName}、{meaning}）ではありません。評価記号は◎、○、△、×、－の5文字だけです。"
        case .markTitle: "{b}{mark}{b} — 評価記号（{name}）"
        case .asTheLegendPrints: "（この計画の `evaluation.legend` の記載どおり）"
        case .asTheScaleDeclares: "（この計画の尺度 `{scale}` の宣言どおり）"
        case .asTheScalesDeclare: "（この計画の尺度の宣言どおり。ノードの評価記号はその階層の尺度によります）"
        case .usualMeaning: "（通常の意味。この計画の `scales` にも `evaluation.legend` にも記載がありません）"
        case .codeTitleMarkdown: "**{id}** · {severity} — {summary}"
        case .codeTitle: "{id}（{severity}）: {summary}"
        case .fixMarkdown: "**直し方:** {fix}"
        case .fix: "直し方: {fix}"
        case .ownCode: "planlint自身のコード"
        case .definedAt: "{source} で定義"
        case .documentation: "説明"
        case .watchersNotRegistered: "ファイルの監視を登録できませんでした: {error}"
        }
    }
}

extension HoverContent {
    /// A severity as the human form names it, in `language`.
    static func severityWord(_ severity: Severity, in language: Language) -> String {
        switch severity {
        case .error: HumanMessage.error.text(in: language)
        case .warning: HumanMessage.warning.text(in: language)
        case .info: HumanMessage.info.text(in: language)
        }
    }
}
