import Diagnostics

// The Japanese of DiagnosticRendering's catalogues (/work/coord/JA.md has the terms).

extension HumanMessage {
    package var japanese: String? {
        switch self {
        case .error: "エラー"
        case .warning: "警告"
        case .info: "情報"
        case .note: "注記"
        case .help: "ヘルプ"
        case .fix: "修正"
        case .unsafeFix: "修正（安全でない）"
        case .moreInformation: "詳しくは {url} を参照"
        case .oneError, .errors: "{count} 件のエラー"
        case .oneWarning, .warnings: "{count} 件の警告"
        case .oneInfo, .infos: "{count} 件の情報"
        case .oneFile, .files: "{count} 個のファイル"
        case .listSeparator: "、"
        case .problems: "{files}で {counts}"
        case .noProblems: "{files}で問題は見つかりませんでした"
        case .withSuppressed: "{summary}（{count} 件を抑制）"
        }
    }
}

extension RuleMetadataMessage {
    package var japanese: String? {
        switch self {
        case .synthesizedSummary: "planlint のチェック `{code}`"
        case .synthesizedHelp: "詳しくは診断のメッセージ、注記、ヘルプを参照してください。"
        }
    }
}
