import Diagnostics

// The Japanese of YAMLTree's catalogues (/work/coord/JA.md has the terms).

extension YAMLMessage {
    package var japanese: String? {
        switch self {
        case .inputTooLarge: "入力は {size} バイトで、上限の {limit} バイトを超えています"
        case .raiseFileSizeLimit: "このファイルを信頼できるなら、`--max-file-size`（または .planlint.yaml の `limits.max-file-size`）で上限を上げてください"
        case .utf32: "UTF-32 の入力には対応していません（ここでは UTF-8 か UTF-16 を読みます）。ファイルを UTF-8 に変換してください"
        case .oddUTF16Length: "UTF-16 の入力のバイト数が奇数です"
        case .truncatedSurrogatePair: "UTF-16 の入力がサロゲートペアの途中で終わっています"
        case .unpairedHighSurrogate: "UTF-16 として不正です：対になる下位サロゲートのない上位サロゲートがあります"
        case .unpairedLowSurrogate: "UTF-16 として不正です：対になる上位サロゲートのない下位サロゲートがあります"
        case .encodingOffset: "問題はファイルの {offset} バイト目にあります"
        case .parserUnavailable: "libyaml を初期化できませんでした（メモリ不足）"
        case .parserOutOfMemory: "libyaml がメモリ不足になりました"
        case .unknownParserError: "不明なエラー"
        case .readerProblem: "{problem}（#x{byte}）"
        case .undefinedAlias: "エイリアス `*{name}` が指すアンカーは、それより前に定義されていません"
        case .undefinedAliasLabel: "未定義のエイリアス"
        case .undefinedAliasHelp: "同じ文書の、これより前のノードに `&{name}` を定義してください"
        case .recursiveAlias: "エイリアス `*{name}` が、自身を含むノードを指しています"
        case .recursiveAliasLabel: "再帰するエイリアス"
        case .anchorIsHere: "アンカー `&{name}` はこのノードにあります"
        case .recursiveAliasNote: "再帰する構造は検査も展開もできません"
        case .expansionLimit: "この文書のエイリアスを展開すると {limit} ノードを超えます"
        case .expansionLimitLabel: "ここで上限を超えます"
        case .expansionLimitNote: "エイリアス（とマージキー）の展開で増やせるノードは max({limit}, 文書自身のノード数の 10 倍) までです。「billion laughs」のような入力から守るための上限です"
        case .raiseExpansionLimit: "このファイルを信頼できるなら、.planlint.yaml の `limits.max-alias-expansion` を上げてください"
        case .nestingTooDeep: "入れ子が {limit} 段より深くなっています"
        case .nestingLevel: "{depth} 段目はここから始まります"
        case .nestingTooDeepNote: "深く入れ子になった入力で時間やスタックを使い果たさないよう、planlint はこの深さで読むのをやめます"
        case .raiseDepthLimit: "このファイルを信頼できるなら、.planlint.yaml の `limits.max-depth` を上げてください"
        case .duplicateKey: "マッピングのキー `{key}` が重複しています"
        case .definedAgain: "ここで再び定義されています"
        case .firstDefined: "最初の定義はここです"
        case .duplicateKeyNote: "YAML ではキーは一意でなければなりません。読み取るツールは黙っていずれか一方の値だけを残します"
        case .duplicateKeyHelp: "二つの項目のどちらかを削除するか、キーの名前を変えてください"
        case .mergeListItem: "マージキー `<<` のリストにはマッピングしか置けません"
        case .mergeValue: "マージキー `<<` の値はマッピングか、マッピングのリストでなければなりません"
        case .notAMapping: "マッピングではありません"
        }
    }
}

extension YAMLFixMessage {
    package var japanese: String? {
        switch self {
        case .loneAsteriskHelp: "YAML では `*` はエイリアスの始まりです。アスタリスクを書くには引用符で囲んでください：`\"*\"`（＊と印刷されたセルは `\"＊\"` と書きます）"
        case .quoteAsterisk: "`*` を引用符で囲む"
        }
    }
}
