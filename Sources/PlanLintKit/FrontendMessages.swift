import Diagnostics
import SourceText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What planlint's frontend says around linting: suppression comments, baselines, finding and
/// reading files, writing outputs, `migrate`, `init` and rule tools (the configuration's
/// messages are `ConfigMessage`). The Japanese is beside the English.
package enum FrontendMessage: String, MessageCatalogue {
    // Suppression comments.
    case notADirective = "`{word}` is not a planlint directive; this comment suppresses nothing"
    case unknownDirective = "unknown directive"
    case useADirective = "use `planlint-disable-next-line`, `planlint-disable-line` or `planlint-disable-file`"
    case namesNoCode = "`{word}` names no code; this comment suppresses nothing"
    case expectedCodes = "expected codes after this"
    case nameTheCodes = "name the codes to suppress: `# {word} CODE[, CODE] -- reason`"
    case cannotSuppress = "`{code}` cannot be suppressed: a file with this problem was not checked"
    case fixOrExcludeFile = "fix the file, or exclude it in .planlint.yaml"
    case unusedInFile = "suppression of `{code}` is unused: no such finding in this file"
    case unusedOnLine = "suppression of `{code}` is unused: no such finding on line {line}"
    case unusedNoLine = "suppression of `{code}` is unused: no such finding (no line follows the comment)"
    case suppressesNothing = "suppresses nothing"
    case removeCode = "remove `{code}` from the comment"
    // Baselines.
    case writeBaseline = "write it with `planlint check --write-baseline {path}`"
    case cannotReadBaseline = "cannot read baseline {path}: {reason}"
    case baselineWrongType = "baseline {path}: `{key}` has the wrong type"
    case baselineNotObject = "baseline {path} is not a JSON object"
    case notABaseline = "{path} is not a planlint baseline (no `\"tool\": \"planlint\"` and `version`)"
    case baselineVersion = "baseline {path} has format version {version}; this planlint reads version {expected}"
    case baselineNoFindings = "baseline {path} has no `findings` list"
    case baselineTooLarge = "baseline {path} holds {count} findings, over the limit of {limit}"
    case baselineEntry = "baseline {path}: finding {index} lacks `path`, `code` or `fingerprint`"
    case inBaseline = "recorded in the baseline {path}"
    case wroteBaselineOne = "wrote 1 finding to the baseline {path}"
    case wroteBaseline = "wrote {count} findings to the baseline {path}"
    // Finding and reading files.
    case cannotRead = "cannot read {path}: {reason}"
    case relativeToCwd = "check the path; it is relative to the current directory"
    case notFileOrFolder = "cannot read {path}: {kind}, not a regular file or folder"
    case cannotReadFolder = "cannot read folder {path}: {reason}"
    case danglingLink = "it may be a symbolic link to a file that does not exist"
    case linkOutside = "{path} is a symbolic link to {target}, outside the repository {root}; not read"
    case replaceLink = "replace the link with the file, exclude it, or pass `--allow-outside-root` if you trust this repository"
    case linkLoop = "{path} links back to a folder that contains it; not followed"
    case removeLoop = "remove the link or add it to `exclude` in .planlint.yaml"
    case notRegularNotChecked = "cannot read {path}: {kind}, not a regular file; not checked"
    case removeOrExclude = "remove it or add it to `exclude` in .planlint.yaml"
    case overSizeLimit = "{path} is over the size limit of {limit} bytes; not checked"
    case raiseSizeLimit = "raise `limits.max-file-size` in .planlint.yaml or pass `--max-file-size` if the file is trusted"
    case deprecatedFormat = "{old} is deprecated: `planlint migrate` rewrites this file as {new}"
    case deprecatedLabel = "deprecated format"
    case runMigrate = "run `planlint migrate {path}` to rewrite it as {new}, keeping its comments and layout"
    case remoteSchema = "the schema {url} is not fetched: planlint never reads from the network"
    case bindLocalCopy = "bind a local copy with `schemas:` in .planlint.yaml"
    case moreDiagnosticOne = "… and 1 more `{code}` diagnostic in this file (the first {shown} are shown)"
    case moreDiagnostics = "… and {count} more `{code}` diagnostics in this file (the first {shown} are shown)"
    case commonCause = "fix the cause these have in common; `--statistics` counts findings by code"
    // Outputs.
    case refuseOutput = "refusing to write {what} to {path}: it is {input}, an input of this run; nothing was written"
    case writeElsewhere = "write {what} to a file that planlint does not read (a plan, rule file, schema, config or baseline)"
    case theReport = "the report"
    case theBaseline = "the baseline"
    case cannotWrite = "cannot write {path}: {reason}"
    case isAFolder = "it is a folder"
    case unresolvedLink = "cannot resolve the symbolic link"
    case linkOutsideNotWritten = "it is a symbolic link to {target}, outside the repository; planlint does not write through it"
    case noProgress = "the write made no progress"
    case systemFailure = "{what}: {reason}"
    case cannotCreateTemporary = "cannot create a temporary file in {folder}"
    case cannotWriteTemporary = "cannot write the temporary file: {reason}"
    case cannotFlushTemporary = "cannot flush the temporary file"
    case cannotCloseTemporary = "cannot close the temporary file"
    case cannotRename = "cannot rename {temporary} over it"
    // Rule parameters (config `params:`, checked once rules are loaded).
    case notARuleForParams = "`{id}` is not a loaded rule, so it has no parameters to set"
    case unknownRule = "unknown rule"
    case noParameters = "rule `{id}` has no parameters"
    case noParameter = "rule `{id}` has no parameter `{name}`"
    case unknownParameter = "unknown parameter"
    case itsParameters = "its parameters: {list}"
    case explainRule = "`planlint explain {id}` describes the rule"
    case parameterType = "parameter `{name}` of rule `{id}` is a {type}, but this is a {actual}"
    case aType = "a {type}"
    // Rule packs built in.
    case noBuiltinPack = "no rule pack {name} is built into planlint; {hint}"
    case builtIn = "built in: {names}"
    // migrate.
    case migrateInvalidYAML = "{path} is not valid YAML ({problem} at line {line}); fix it first"
    case migrateDocuments = "{path} holds {count} YAML documents; a plan file holds one"
    case migrateRefused = "{path}: {reason}"
    case migrateWouldNotParse = "{path}: the rewritten file would not parse ({problem}); nothing was written. Please report this."
    case noSuchFile = "no such file"
    case migrateFolder = "is a directory; name plan files"
    case notRegularFile = "not a regular file"
    case migrateOutside = "{path} is outside the repository {root}; planlint writes only inside it (pass --allow-outside-root if you mean it)"
    // init.
    case notAFolder = "{path} is not a folder"
    case initCannotWriteAfter = "cannot write {path}: {reason} (written: {written})"
    /// What the system said (`errno`), in `language` (`FileMessage.system`).
    package static func system(_ code: Int32, in language: Language = MessageText.language) -> String {
        FileMessage.system(code, in: language)
    }

    /// Why a file could not be read, in `language` (`FileMessage.reason`).
    package static func reason(_ problem: FileIO.Problem, in language: Language = MessageText.language) -> String {
        FileMessage.reason(problem, in: language)
    }

    /// What a file mode is, in `language` (`FileMessage.kind`).
    package static func kind(_ mode: mode_t, in language: Language = MessageText.language) -> String {
        FileMessage.kind(mode, in: language)
    }
}

extension FrontendMessage {
    package var japanese: String? {
        switch self {
        case .notADirective: "`{word}` はplanlintの指示ではありません。このコメントは何も抑制しません"
        case .unknownDirective: "不明な指示"
        case .useADirective: "`planlint-disable-next-line`、`planlint-disable-line`、`planlint-disable-file` のいずれかを使ってください"
        case .namesNoCode: "`{word}` がコードを指定していません。このコメントは何も抑制しません"
        case .expectedCodes: "この後にコードが必要です"
        case .nameTheCodes: "抑制するコードを書いてください: `# {word} CODE[, CODE] -- reason`（reason には抑制する理由を書きます）"
        case .cannotSuppress: "`{code}` は抑制できません: この問題のあるファイルはチェックされていません"
        case .fixOrExcludeFile: "ファイルを直すか、.planlint.yaml で除外してください"
        case .unusedInFile: "`{code}` の抑制は使われていません: このファイルにその指摘はありません"
        case .unusedOnLine: "`{code}` の抑制は使われていません: {line}行目にその指摘はありません"
        case .unusedNoLine: "`{code}` の抑制は使われていません: その指摘はありません（コメントの後に行がありません）"
        case .suppressesNothing: "何も抑制していません"
        case .removeCode: "コメントから `{code}` を消してください"
        case .writeBaseline: "`planlint check --write-baseline {path}` で書き出してください"
        case .cannotReadBaseline: "ベースライン {path} を読めません: {reason}"
        case .baselineWrongType: "ベースライン {path}: `{key}` の型が違います"
        case .baselineNotObject: "ベースライン {path} はJSONオブジェクトではありません"
        case .notABaseline: "{path} はplanlintのベースラインではありません（`\"tool\": \"planlint\"` と `version` がありません）"
        case .baselineVersion: "ベースライン {path} の形式はバージョン{version}ですが、このplanlintが読めるのはバージョン{expected}です"
        case .baselineNoFindings: "ベースライン {path} に `findings` のリストがありません"
        case .baselineTooLarge: "ベースライン {path} には{count}件の指摘があり、上限の{limit}件を超えています"
        case .baselineEntry: "ベースライン {path}: {index}件目の指摘に `path`、`code`、`fingerprint` のいずれかがありません"
        case .inBaseline: "ベースライン {path} に記録済み"
        case .wroteBaselineOne: "1件の指摘をベースライン {path} に書き出しました"
        case .wroteBaseline: "{count}件の指摘をベースライン {path} に書き出しました"
        case .cannotRead: "{path} を読めません: {reason}"
        case .relativeToCwd: "パスを確かめてください。現在のフォルダーからの相対パスです"
        case .notFileOrFolder: "{path} を読めません: {kind}で、通常のファイルでもフォルダーでもありません"
        case .cannotReadFolder: "フォルダー {path} を読めません: {reason}"
        case .danglingLink: "存在しないファイルへのシンボリックリンクかもしれません"
        case .linkOutside: "{path} はリポジトリ {root} の外の {target} へのシンボリックリンクです。読みません"
        case .replaceLink: "リンクをファイルに置き換えるか、除外してください。このリポジトリを信頼するなら `--allow-outside-root` を指定します"
        case .linkLoop: "{path} はそれを含むフォルダーに戻るリンクです。たどりません"
        case .removeLoop: "リンクを消すか、.planlint.yaml の `exclude` に加えてください"
        case .notRegularNotChecked: "{path} を読めません: {kind}で、通常のファイルではありません。チェックしていません"
        case .removeOrExclude: "消すか、.planlint.yaml の `exclude` に加えてください"
        case .overSizeLimit: "{path} は大きさの上限{limit}バイトを超えています。チェックしていません"
        case .raiseSizeLimit: "ファイルを信頼できるなら、.planlint.yaml の `limits.max-file-size` を上げるか `--max-file-size` を指定してください"
        case .deprecatedFormat: "{old} は非推奨です: `planlint migrate` でこのファイルを{new}に書き換えられます"
        case .deprecatedLabel: "非推奨の形式"
        case .runMigrate: "`planlint migrate {path}` を実行すると、コメントとレイアウトを保ったまま{new}に書き換えます"
        case .remoteSchema: "スキーマ {url} は取得しません: planlintはネットワークから読み込みません"
        case .bindLocalCopy: ".planlint.yaml の `schemas:` でローカルの複製を対応づけてください"
        case .moreDiagnosticOne: "…このファイルには `{code}` の診断がほかに1件あります（最初の{shown}件を表示しています）"
        case .moreDiagnostics: "…このファイルには `{code}` の診断がほかに{count}件あります（最初の{shown}件を表示しています）"
        case .commonCause: "これらに共通する原因を直してください。`--statistics` でコードごとの指摘数を数えられます"
        case .refuseOutput: "{what}を {path} に書き出しません: それはこの実行の入力 {input} です。何も書き出していません"
        case .writeElsewhere: "{what}はplanlintが読まないファイル（計画、ルールファイル、スキーマ、設定ファイル、ベースライン以外）に書き出してください"
        case .theReport: "レポート"
        case .theBaseline: "ベースライン"
        case .cannotWrite: "{path} に書き込めません: {reason}"
        case .isAFolder: "フォルダーです"
        case .unresolvedLink: "シンボリックリンクをたどれません"
        case .linkOutsideNotWritten: "リポジトリの外の {target} へのシンボリックリンクです。planlintはリンク越しには書き込みません"
        case .noProgress: "書き込みが進みませんでした"
        case .systemFailure: "{what}: {reason}"
        case .cannotCreateTemporary: "{folder} に一時ファイルを作れません"
        case .cannotWriteTemporary: "一時ファイルに書き込めません: {reason}"
        case .cannotFlushTemporary: "一時ファイルをディスクに書き出せません"
        case .cannotCloseTemporary: "一時ファイルを閉じられません"
        case .cannotRename: "{temporary} の名前を変えて置き換えられません"
        case .notARuleForParams: "`{id}` は読み込んだルールではないため、設定できるパラメーターはありません"
        case .unknownRule: "不明なルール"
        case .noParameters: "ルール `{id}` にはパラメーターがありません"
        case .noParameter: "ルール `{id}` にはパラメーター `{name}` がありません"
        case .unknownParameter: "不明なパラメーター"
        case .itsParameters: "パラメーター: {list}"
        case .explainRule: "`planlint explain {id}` でルールの説明を読めます"
        case .parameterType: "ルール `{id}` のパラメーター `{name}` は{type}ですが、これは{actual}です"
        case .aType: "{type}"
        case .noBuiltinPack: "ルールパック {name} はplanlintに組み込まれていません。{hint}"
        case .builtIn: "組み込み: {names}"
        case .migrateInvalidYAML: "{path} は正しいYAMLではありません（{line}行目: {problem}）。先に直してください"
        case .migrateDocuments: "{path} には{count}個のYAML文書があります。計画ファイルに書ける文書は1つです"
        case .migrateRefused: "{path}: {reason}"
        case .migrateWouldNotParse: "{path}: 書き換えたファイルが読めなくなります（{problem}）。何も書き出していません。この問題を報告してください。"
        case .noSuchFile: "ファイルがありません"
        case .migrateFolder: "フォルダーです。計画ファイルを指定してください"
        case .notRegularFile: "通常のファイルではありません"
        case .migrateOutside: "{path} はリポジトリ {root} の外にあります。planlintはその中にしか書き込みません（承知の上なら --allow-outside-root を指定します）"
        case .notAFolder: "{path} はフォルダーではありません"
        case .initCannotWriteAfter: "{path} に書き込めません: {reason}（書き出し済み: {written}）"
        }
    }
}
