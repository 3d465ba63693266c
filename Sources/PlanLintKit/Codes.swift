import DiagnosticRendering
import Diagnostics
import RuleEngine
import RuleLanguage
import SchemaValidation
import YAMLTree

/// planlint's own codes beside those of reading YAML, schemas and rules: reading files,
/// configuration, suppressions, baselines.
public enum FrontendCode: String, CodeCatalogue {
    case ioError = "io-error", symlinkLoop = "symlink-loop"
    case unknownSuppressionCode = "unknown-suppression-code", unusedSuppression = "unused-suppression"
    case invalidSuppression = "invalid-suppression"
    case configUnknownKey = "config/unknown-key", configInvalidValue = "config/invalid-value", configInvalidGlob = "config/invalid-glob"
    case configNotFound = "config/not-found", configOutsideRoot = "config/outside-root"
    case configExtendsCycle = "config/extends-cycle", configExtendsTooDeep = "config/extends-too-deep"
    case configUnknownCode = "config/unknown-code", configProtectedCode = "config/protected-code"
    case baselineInvalid = "baseline/invalid"
    case planFormatDeprecated = "plan-format-deprecated"
    case fixNotWritten = "fix/not-written"
    case outputIsInput = "output/is-input"
    case outsideRoot = "outside-root"

    public var definition: DiagnosticCode {
        // Codes meaning a file could not be read or the configuration is broken cannot be
        // lowered, suppressed or baselined, and make the run exit 2.
        switch self {
        case .ioError:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "A file could not be read.",
                   explanation: """
                   A path given on the command line or in the configuration does not exist, is not \
                   readable, or is not a regular file. planlint exits with status 2: a plan that was not \
                   read was not checked.
                   """,
                   fix: "Check the path and the file's permissions.",
                   bad: "planlint check Plans/missing.yaml", tags: ["io"],
                   ja: .init(summary: "ファイルを読めませんでした。",
                             explanation: "コマンドラインや設定ファイルで指定したパスが存在しないか、読めないか、通常のファイルではありません。読めなかった計画はチェックされていないため、planlintは終了ステータス2で終わります。",
                             fix: "パスとファイルのアクセス権を確かめてください。"))
        case .symlinkLoop:
            define(.warning,
                   summary: "A symbolic link leads back into a folder being walked.",
                   explanation: """
                   While walking a folder, planlint met a symbolic link to a folder it is already inside \
                   (or has already walked). It skips the link instead of looping forever; every file is \
                   still checked once.
                   """,
                   fix: "Remove the link, or exclude it with `exclude:` in .planlint.yaml.",
                   bad: "ln -s .. Plans/loop", tags: ["io"],
                   ja: .init(summary: "シンボリックリンクが、たどっているフォルダーの中に戻っています。",
                             explanation: "フォルダーをたどる途中で、すでに中にいる（またはたどり終えた）フォルダーへのシンボリックリンクがありました。planlintは無限にたどらずにそのリンクを飛ばします。どのファイルも一度ずつはチェックされます。",
                             fix: "リンクを消すか、.planlint.yaml の `exclude:` で除外してください。"))
        case .unknownSuppressionCode:
            define(.warning,
                   summary: "A suppression comment names a code that no loaded rule or check produces.",
                   explanation: """
                   A `# planlint-disable…` comment names a code that is neither a loaded rule's id nor one of \
                   planlint's own codes, so it can never suppress anything — usually a typo, or a rule that \
                   was renamed or removed.
                   """,
                   fix: "Correct the code (`planlint rules` lists the loaded rules), or delete the comment.",
                   bad: "budget: 10  # planlint-disable-line budjet-sum -- reviewed",
                   good: "budget: 10  # planlint-disable-line budget-sum -- reviewed", tags: ["suppression"],
                   ja: .init(summary: "抑制コメントが、読み込んだルールにもチェックにもないコードを指定しています。",
                             explanation: "`# planlint-disable…` コメントが、読み込んだルールのIDでもplanlint自身のコードでもないコードを指定しているため、何も抑制できません。多くは書き間違いか、名前が変わったか消されたルールです。",
                             fix: "コードを直すか（`planlint rules` で読み込んだルールを一覧できます）、コメントを消してください。"))
        case .unusedSuppression:
            define(.warning,
                   summary: "A suppression comment suppressed nothing.",
                   explanation: """
                   A `# planlint-disable…` comment names a code, but no finding with that code is on the \
                   line it covers. The problem it silenced has been fixed (or moved): a stale suppression \
                   would hide the next real problem there.
                   """,
                   fix: "Delete the code from the comment (or the whole comment).", tags: ["suppression"],
                   ja: .init(summary: "抑制コメントが何も抑制していません。",
                             explanation: "`# planlint-disable…` コメントがコードを指定していますが、そのコメントが対象とする行にそのコードの指摘がありません。抑えていた問題は直された（か移動した）ため、古い抑制コメントは次に同じ場所で起きる本当の問題を隠してしまいます。",
                             fix: "コメントからそのコードを消してください（またはコメントごと消してください）。"))
        case .invalidSuppression:
            define(.warning,
                   summary: "A suppression comment is malformed.",
                   explanation: """
                   A comment starting with `planlint-` is not one of `planlint-disable-next-line`, \
                   `planlint-disable-line` or `planlint-disable-file` followed by at least one code, or it \
                   names a code that cannot be suppressed (a file that does not parse counts as unchecked).
                   """,
                   fix: "Write `# planlint-disable-next-line CODE[, CODE] -- reason`.",
                   bad: "# planlint-disable-nextline budget-sum", good: "# planlint-disable-next-line budget-sum -- figures as printed",
                   tags: ["suppression"],
                   ja: .init(summary: "抑制コメントの書き方が正しくありません。",
                             explanation: "`planlint-` で始まるコメントが、`planlint-disable-next-line`、`planlint-disable-line`、`planlint-disable-file` のいずれかと1つ以上のコードという形になっていないか、抑制できないコードを指定しています（読めないファイルはチェックされていないものとして扱います）。",
                             fix: "`# planlint-disable-next-line CODE[, CODE] -- reason` と書いてください（reason には抑制する理由を書きます）。"))
        case .configUnknownKey:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "The configuration has a key planlint does not know.",
                   explanation: "An unknown key in .planlint.yaml is an error, not ignored: a misspelt `exlude` must not silently lint everything.",
                   fix: "Correct the key; the message suggests the nearest known one.",
                   bad: "exlude: [Plans/drafts]", good: "exclude: [Plans/drafts]", tags: ["config"],
                   ja: .init(summary: "設定ファイルに、planlintの知らないキーがあります。",
                             explanation: ".planlint.yaml の不明なキーは無視せずエラーにします。`exlude` のような書き間違いで、黙ってすべてをチェックしてしまわないためです。",
                             fix: "キーを直してください。メッセージがいちばん近いキーを示します。"))
        case .configInvalidValue:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "A configuration value has the wrong type or an unknown value.",
                   explanation: "Each key of .planlint.yaml takes one kind of value (Docs/configuration.md); this one does not.",
                   fix: "Give the value the message asks for.",
                   bad: "fail-on: errors", good: "fail-on: error", tags: ["config"],
                   ja: .init(summary: "設定の値の型が違うか、知らない値です。",
                             explanation: ".planlint.yaml のキーはそれぞれ1種類の値をとります（Docs/configuration.md）。この値はそれに合っていません。",
                             fix: "メッセージが示す値を指定してください。"))
        case .configInvalidGlob:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "A glob pattern in the configuration is malformed.",
                   explanation: "Patterns support `*`, `**` (as a whole segment), `?`, `[...]` and `\\` escapes.",
                   fix: "Fix the pattern at the reported character.",
                   bad: "exclude: [\"Plans/[draft\"]", good: "exclude: [\"Plans/draft*\"]", tags: ["config"],
                   ja: .init(summary: "設定ファイルのglobパターンの書き方が正しくありません。",
                             explanation: "パターンに使えるのは `*`、`**`（1区切り全体として）、`?`、`[...]` と `\\` によるエスケープです。",
                             fix: "示された文字の位置でパターンを直してください。"))
        case .planFormatDeprecated:
            define(.warning,
                   summary: "The file is written in the first plan format, planlint/plan@1.",
                   explanation: """
                   planlint/plan@1 fixed one shape of plan review (fields, items and projects; the marks \
                   ◎○△×－; one budget table layout). planlint/plan@2 declares the shape instead — scales, \
                   levels, tables, stated figures — so that any review can be transcribed \
                   (Docs/plan-format.md). A plan@1 file is still read and checked against its schema \
                   (`planlint:plan@1`); `planlint migrate` rewrites it as plan@2, keeping its comments and layout.
                   """,
                   fix: "Run `planlint migrate FILE` to rewrite the file as plan@2 (comments and layout are kept).",
                   bad: "format: planlint/plan@1", good: "format: planlint/plan@2", tags: ["plan-format"],
                   ja: .init(summary: "ファイルが最初の計画形式 planlint/plan@1 で書かれています。",
                             explanation: "planlint/plan@1 は計画の評価を1つの形（施策・項目・事業、評価記号 ◎○△×－、1種類の予算表）に固定していました。planlint/plan@2 は尺度、階層、表、記載された数値といった形そのものを宣言するので、どのような評価でも書き写せます（Docs/plan-format.md）。plan@1 のファイルも引き続き読み込み、そのスキーマ（`planlint:plan@1`）でチェックします。`planlint migrate` は、コメントとレイアウトを保ったまま plan@2 に書き換えます。",
                             fix: "`planlint migrate FILE` を実行して、ファイルを plan@2 に書き換えてください（コメントとレイアウトは保たれます）。"))
        case .configNotFound:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "A file named in the configuration does not exist.",
                   explanation: "A rule pack, schema, `extends` target or default path in .planlint.yaml is missing.",
                   fix: "Correct the path; it is relative to the folder of the config file that names it.", tags: ["config"],
                   ja: .init(summary: "設定ファイルで指定したファイルがありません。",
                             explanation: ".planlint.yaml で指定したルールパック、スキーマ、`extends` の対象、または既定のパスがありません。",
                             fix: "パスを直してください。パスは、それを書いた設定ファイルのあるフォルダーからの相対パスです。"))
        case .configOutsideRoot:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "A configuration path leads outside the repository.",
                   explanation: """
                   Rule packs, schemas and `extends` targets must resolve (after following symbolic links) \
                   inside the repository that holds the config, so a config in a cloned repository cannot \
                   make planlint read other files on the machine.
                   """,
                   fix: "Move the file into the repository, or pass `--allow-outside-root` if you trust the config.",
                   bad: "extends: ../../shared/base.planlint.yaml", tags: ["config", "security"],
                   ja: .init(summary: "設定ファイルのパスがリポジトリの外を指しています。",
                             explanation: "ルールパック、スキーマ、`extends` の対象は、シンボリックリンクをたどった後も、設定ファイルのあるリポジトリの中になければなりません。複製したリポジトリの設定ファイルが、planlintにマシン上のほかのファイルを読ませないためです。",
                             fix: "ファイルをリポジトリの中に移すか、設定ファイルを信頼するなら `--allow-outside-root` を指定してください。"))
        case .configExtendsCycle:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "Config files extend each other in a cycle.",
                   explanation: "`extends` must form a chain or tree; a file that (indirectly) extends itself has no meaning.",
                   fix: "Remove one of the `extends` entries in the cycle.", tags: ["config"],
                   ja: .init(summary: "設定ファイルが循環して互いを継承しています。",
                             explanation: "`extends` は鎖か木の形でなければなりません。（間接的に）自分自身を継承するファイルには意味がありません。",
                             fix: "循環している `extends` の項目を1つ消してください。"))
        case .configExtendsTooDeep:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "A chain of `extends` is longer than 16 files.",
                   explanation: "planlint stops following `extends` after 16 levels.",
                   fix: "Flatten the chain.", tags: ["config", "limits"],
                   ja: .init(summary: "`extends` の連なりが16ファイルを超えています。",
                             explanation: "planlintは `extends` を16段までしかたどりません。",
                             fix: "連なりを浅くしてください。"))
        case .configUnknownCode:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "A `severity:` key names no known code.",
                   explanation: """
                   A `severity:` entry must name a loaded rule's id, a built-in code, or a pattern with `*` \
                   (`schema/*`). A misspelt id would otherwise leave the rule at its default severity.
                   """,
                   fix: "Correct the id (`planlint rules` lists them).",
                   bad: "severity:\n  budget-sums: off", good: "severity:\n  budget-sum: off", tags: ["config"],
                   ja: .init(summary: "`severity:` のキーが、知らないコードを指定しています。",
                             explanation: "`severity:` の項目には、読み込んだルールのID、組み込みのコード、または `*` を含むパターン（`schema/*`）を指定します。書き間違えたIDのままでは、ルールが既定の重大度のままになってしまいます。",
                             fix: "IDを直してください（`planlint rules` で一覧できます）。"))
        case .configProtectedCode:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "A `severity:` entry tries to lower a protected code.",
                   explanation: """
                   Codes that mean a file could not be read (`yaml-syntax`, `encoding`, `input-too-large`, \
                   `nesting-too-deep`, `alias-expansion-limit`, `io-error`) stay errors: otherwise an \
                   unreadable plan would pass.
                   """,
                   fix: "Remove the entry; fix or exclude the file instead.",
                   bad: "severity:\n  yaml-syntax: off", tags: ["config"],
                   ja: .init(summary: "`severity:` の項目が、保護されたコードを引き下げようとしています。",
                             explanation: "ファイルを読めなかったことを示すコード（`yaml-syntax`、`encoding`、`input-too-large`、`nesting-too-deep`、`alias-expansion-limit`、`io-error`）はエラーのままです。そうでなければ、読めない計画が通ってしまいます。",
                             fix: "その項目を消して、代わりにファイルを直すか除外してください。"))
        case .baselineInvalid:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "The baseline file cannot be read.",
                   explanation: "The file given to `--baseline` is missing, not JSON, or not in planlint's baseline format (Docs/cli.md).",
                   fix: "Write it again with `planlint check --write-baseline FILE`.", tags: ["baseline"],
                   ja: .init(summary: "ベースラインファイルを読めません。",
                             explanation: "`--baseline` に渡したファイルがないか、JSONではないか、planlintのベースラインの形式ではありません（Docs/cli.md）。",
                             fix: "`planlint check --write-baseline FILE` で書き出し直してください。"))
        case .fixNotWritten:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "`planlint fix` could not write a fixed file.",
                   explanation: """
                   planlint writes fixes only into the regular files it checked, inside the repository (or \
                   the working folder), atomically and keeping their permissions; a symbolic link is written \
                   at its target only when that is inside too. It refuses a file outside, a link leading out, \
                   a device or FIFO, and a file that changed on disk after it was read. The file is left as \
                   it was, its findings are those of the text on disk, and the run exits 2.
                   """,
                   fix: "Run `planlint fix` from inside the repository, on the file itself rather than a link out of it; re-run it if the file changed.",
                   bad: "planlint fix Plans/link-to-home.yaml", tags: ["fix", "io"],
                   ja: .init(summary: "`planlint fix` が修正したファイルを書き込めませんでした。",
                             explanation: "planlintが修正を書き込むのは、チェックした通常のファイルで、リポジトリ（または作業フォルダー）の中にあるものだけです。書き込みはアトミックに行い、アクセス権を保ちます。シンボリックリンクは、リンク先も中にあるときだけリンク先に書き込みます。外にあるファイル、外へ出るリンク、デバイスやFIFO、読んだ後にディスク上で変わったファイルには書き込みません。そのファイルは元のまま残り、指摘はディスク上の内容に対するものになり、終了ステータスは2です。",
                             fix: "`planlint fix` はリポジトリの中から、外へ出るリンクではなくファイルそのものに対して実行してください。ファイルが変わった場合は実行し直してください。"))
        case .outputIsInput:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "An output file is one of the run's inputs.",
                   explanation: """
                   `--output`, `--report FORMAT=FILE` or `--write-baseline` names a file the run reads: a \
                   checked plan, a rule file, a schema, a config file or the baseline (compared by real path \
                   and by device and inode, so links and other spellings are caught). Writing the report \
                   there would destroy the input, so nothing is written and planlint exits with status 2.
                   """,
                   fix: "Write the report to a file planlint does not read.",
                   bad: "planlint check --output Plans/plan.yaml", good: "planlint check --output planlint.txt",
                   tags: ["io", "security"],
                   ja: .init(summary: "出力先のファイルが、この実行の入力の1つです。",
                             explanation: "`--output`、`--report FORMAT=FILE` または `--write-baseline` が、この実行で読むファイル（チェックする計画、ルールファイル、スキーマ、設定ファイル、ベースライン）を指しています（実際のパスと、デバイスとiノードで比べるので、リンクや別の書き方でも見つかります）。そこにレポートを書くと入力が壊れるため、何も書き出さず、終了ステータス2で終わります。",
                             fix: "planlintが読まないファイルにレポートを書き出してください。"))
        case .outsideRoot:
            define(.error, suppressible: false, toolFailure: true,
                   summary: "A file found while walking a folder lies outside the repository.",
                   explanation: """
                   A symbolic link met while walking a folder (`Plans/p.yaml -> /etc/passwd`) leads outside \
                   both the repository and the folder being walked. planlint does not read it (the same \
                   rule as for `extends`, `rules`, `schemas` and `$ref`) and exits with status 2, since the \
                   file was not checked.
                   """,
                   fix: "Replace the link with the file, remove it, exclude it, or pass `--allow-outside-root` if you trust the repository.",
                   bad: "ln -s /etc/passwd Plans/p.yaml", tags: ["io", "security"],
                   ja: .init(summary: "フォルダーをたどって見つけたファイルがリポジトリの外にあります。",
                             explanation: "フォルダーをたどる途中のシンボリックリンク（`Plans/p.yaml -> /etc/passwd`）が、リポジトリとたどっているフォルダーのどちらの外も指しています。planlintはそれを読まず（`extends`、`rules`、`schemas`、`$ref` と同じ決まりです）、ファイルをチェックしていないため終了ステータス2で終わります。",
                             fix: "リンクをファイルに置き換えるか、消すか、除外してください。リポジトリを信頼するなら `--allow-outside-root` を指定します。"))
        }
    }
}

/// Every code planlint defines, for the registry every reader asks.
public enum Codes {
    /// planlint's own codes: reading YAML and files, configuration, suppressions and
    /// baselines (by id), the engine's, the schema validator's, then the expression
    /// language's (as `planlint eval` reports them).
    public static let builtIn: CodeRegistry = {
        var registry = CodeRegistry((YAMLProblem.Code.definitions + FrontendCode.definitions).sorted { $0.id < $1.id })
        registry.add(EngineCode.definitions.filter { !$0.id.hasPrefix("rule-file/") })
        registry.add(SchemaCode.definitions)
        registry.add(EngineCode.definitions.filter { $0.id.hasPrefix("rule-file/") } + EngineCode.expressionDefinitions)
        registry.add(ExpressionProblem.Code.definitions)
        return registry
    }()

    /// Whether a code means a file was not (fully) checked or the configuration is broken:
    /// it cannot be lowered, turned off, suppressed or baselined.
    public static func isProtected(_ code: String) -> Bool { !builtIn.isSuppressible(code) }
}

extension Codes {
    /// planlint's own codes grouped by who reports them (Docs/codes.md's sections); `anchor`
    /// names the group.
    public static var groups: [(title: String, anchor: String, about: String, codes: [DiagnosticCode])] {
        [
            ("Reading files and YAML", "yaml", "Problems reading a file as YAML (YAMLTree).", YAMLProblem.Code.definitions),
            ("Files, configuration, suppressions, baselines", "frontend",
             "planlint's own checks around linting (PlanLintKit).", FrontendCode.definitions),
            ("Rules", "rules", "Rules that could not be run over a document (RuleEngine).",
             EngineCode.definitions.filter { !$0.id.hasPrefix("rule-file/") }),
            ("Rule files", "rule-files", "Problems in rule files (RuleEngine); an expression problem is `rule-file/` and the expression code.",
             EngineCode.definitions.filter { $0.id.hasPrefix("rule-file/") } + EngineCode.expressionDefinitions),
            ("Expressions", "expressions",
             "Problems compiling an expression (RuleLanguage), as `planlint eval` reports them; in rule files they are `rule-file/<code>`.",
             ExpressionProblem.Code.definitions),
            ("Schemas", "schemas", "JSON Schema findings in plans, and problems in schema files (SchemaValidation).", SchemaCode.definitions),
        ]
    }

    /// Docs/codes.md: every code of planlint's own, grouped by who reports it, each with its
    /// severity, whether it can be suppressed, whether it fails the run with status 2, and its
    /// documentation. `CodeRegistryTests` keeps the file equal to this.
    public static var markdownReference: String {
        func cell(_ s: String) -> String {
            var out = ""
            for c in s { out += c == "|" ? "\\|" : c == "\n" ? " " : String(c) }
            return out
        }
        var out = """
        # Diagnostic codes

        Every code planlint reports besides rule ids (a rule's code is its id: `planlint explain ID`
        and Docs/rules/ describe the bundled rules). `planlint explain CODE` shows the same text in
        the terminal; `planlint explain` lists every code.

        *Protected* codes mean that a file was not (fully) checked or that the configuration is
        broken: they cannot be lowered or turned off in `severity:`, suppressed inline or
        baselined. *Exit 2*: an error with this code is a tool failure (exit status 2) rather than a
        finding (exit status 1); see Docs/cli.md, "Exit status".

        This page is generated from the code catalogues in Sources (Docs/architecture.md, "Where to
        add a code"): `PLANLINT_RECORD=1 swift test --filter CodeRegistryTests` writes it, and the
        tests fail when it is stale.

        """
        for g in groups {
            out += "\n- [\(g.title)](#\(g.anchor))"
        }
        out += "\n"
        for g in groups {
            out += "\n<a id=\"\(g.anchor)\"></a>\n\n## \(g.title)\n\n\(g.about)\n\n"
            out += "| code | severity | | summary |\n|---|---|---|---|\n"
            for c in g.codes {
                var traits: [String] = []
                if !c.isSuppressible { traits.append("protected") }
                if c.isToolFailure { traits.append("exit 2") }
                out += "| [`\(c.id)`](#\(anchor(c.id))) | \(c.severity) | \(traits.joined(separator: ", ")) | \(cell(c.summary)) |\n"
            }
            for c in g.codes {
                out += "\n<a id=\"\(anchor(c.id))\"></a>\n\n### `\(c.id)`\n\n\(c.summary)\n\n"
                for paragraph in c.explanation.split(separator: "\n\n", omittingEmptySubsequences: true) {
                    out += paragraph.trimmedWhitespaceAndNewlines + "\n\n"
                }
                out += "**Fix:** \(c.fix)\n"
                if let bad = c.badExample { out += "\nReported:\n\n```text\n\(bad)\n```\n" }
                if let good = c.goodExample { out += "\nCorrected:\n\n```text\n\(good)\n```\n" }
            }
        }
        return out
    }

    /// `config/unknown-key` → `config-unknown-key`.
    static func anchor(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }
}
