import Diagnostics

// The codes of problems compiling an expression. `planlint eval` reports them as they are;
// the rule engine reports them in rule files as `rule-file/<code>` (RuleEngine/Codes.swift).

extension ExpressionProblem.Code: CodeCatalogue {
    package var definition: DiagnosticCode {
        let explanation = """
        An expression could not be compiled, so it is never evaluated: in a rule file the rule \
        does not load and the run ends with status 2 (see Docs/rules-language.md, "Errors").
        """
        let jaExplanation = "式をコンパイルできなかったため、評価されません。ルールファイルでは、そのルールは読み込まれず、実行は状態2で終わります（Docs/rules-language.mdの「Errors」を参照）。"
        switch self {
        case .syntax:
            return define(.error, toolFailure: true, summary: "The text is not an expression.",
                          explanation: explanation + " A syntax error stops parsing: it is the only problem reported for the expression.",
                          fix: "Correct the text at the reported character; the message says what was expected (comparisons cannot be chained, full-width brackets are not operators).",
                          bad: "a < b < c", good: "a < b && b < c", tags: ["expression"],
                          ja: .init(summary: "文字列が式になっていません。", explanation: jaExplanation + "構文エラーで解析は止まります。その式について報告される問題はこれだけです。",
                                    fix: "報告された文字の位置を直してください。何が必要だったかはメッセージにあります（比較は連ねられません。全角の括弧は演算子ではありません）。"))
        case .tooLong:
            return define(.error, toolFailure: true, summary: "The expression is longer than the limit (16,384 bytes).",
                          explanation: explanation, fix: "Split the work into `let`s.", tags: ["expression", "limits"],
                          ja: .init(summary: "式が上限（16,384バイト）より長くなっています。", explanation: jaExplanation,
                                    fix: "処理を`let`に分けてください。"))
        case .tooDeep:
            return define(.error, toolFailure: true, summary: "The expression nests deeper than the limit (200 levels).",
                          explanation: explanation + " The limit is checked without deep recursion, so hostile rules cannot exhaust the stack.",
                          fix: "Compute inner parts in `let`s.", tags: ["expression", "limits"],
                          ja: .init(summary: "式の入れ子が上限（200段）より深くなっています。", explanation: jaExplanation + "上限は深い再帰なしに調べるので、悪意のあるルールでもスタックを使い果たせません。",
                                    fix: "内側の部分を`let`で計算してください。"))
        case .invalidLiteral:
            return define(.error, toolFailure: true, summary: "A number literal is out of range, or a string has a bad escape.",
                          explanation: explanation, fix: "Write the number within 38 significant digits; use `\\\\` for a backslash or a raw string `r'…'`.",
                          bad: "'\\q'", good: "r'\\q'", tags: ["expression"],
                          ja: .init(summary: "数値リテラルが範囲外か、文字列に不正なエスケープがあります。", explanation: jaExplanation,
                                    fix: "数値は有効数字38桁以内で書いてください。バックスラッシュには`\\\\`を、または生文字列`r'…'`を使ってください。"))
        case .unknownIdentifier:
            return define(.error, toolFailure: true, summary: "A name is not a variable in scope.",
                          explanation: explanation + " The help suggests the nearest name in scope.",
                          fix: "Correct the name, or declare it with `let:`.", bad: "slef.items", good: "self.items", tags: ["expression"],
                          ja: .init(summary: "名前がスコープ内の変数ではありません。", explanation: jaExplanation + "ヘルプはスコープ内で最も近い名前を示します。",
                                    fix: "名前を直すか、`let:`で宣言してください。"))
        case .unknownFunction:
            return define(.error, toolFailure: true, summary: "A called name is not a function.",
                          explanation: explanation + " The help suggests the nearest function, also from other languages' names (`len` → `size`).",
                          fix: "Call one of the functions of Docs/rules-language.md.", bad: "len(self.items)", good: "size(self.items)", tags: ["expression"],
                          ja: .init(summary: "呼び出した名前が関数ではありません。", explanation: jaExplanation + "ヘルプは最も近い関数を、他の言語での名前（`len` → `size`）からも示します。",
                                    fix: "Docs/rules-language.mdにある関数を呼んでください。"))
        case .wrongArity:
            return define(.error, toolFailure: true, summary: "A function is given too many or too few arguments.",
                          explanation: explanation, fix: "Call it in one of the forms the help lists.", bad: "size(a, b)", good: "size(a)", tags: ["expression"],
                          ja: .init(summary: "関数に渡した引数が多すぎるか少なすぎます。", explanation: jaExplanation,
                                    fix: "ヘルプに挙がっている形のどれかで呼んでください。"))
        case .typeMismatch:
            return define(.error, toolFailure: true, summary: "An operator or function is applied to a type it does not accept.",
                          explanation: explanation + " Only what is known before the data is read is checked: document values are typed at run time.",
                          fix: "Convert with number(…) or string(…), or use the operator the types call for.",
                          bad: "'a' - 1", tags: ["expression"],
                          ja: .init(summary: "演算子や関数を、受け付けない型に使っています。", explanation: jaExplanation + "調べるのはデータを読む前に分かることだけです。文書の値の型は実行時に決まります。",
                                    fix: "number(…)やstring(…)で変換するか、型に合った演算子を使ってください。"))
        case .invalidMacro:
            return define(.error, toolFailure: true, summary: "A macro's variable is not a name, or `has()` is not given a field.",
                          explanation: explanation, fix: "Name the element variable: `list.all(x, x > 0)`; write `has(x.key)`.",
                          bad: "l.all(1, true)", good: "l.all(x, x > 0)", tags: ["expression"],
                          ja: .init(summary: "マクロの変数が名前でないか、`has()`にフィールドが渡されていません。", explanation: jaExplanation,
                                    fix: "要素の変数に名前を付けてください: `list.all(x, x > 0)`。`has(x.key)`と書いてください。"))
        case .invalidRegex:
            return define(.error, toolFailure: true, summary: "A literal pattern is not a valid regular expression of the supported subset.",
                          explanation: explanation, fix: "Correct the pattern at the reported character (Docs/rules-language.md, \"Regular expressions\").",
                          bad: "matches(s, 'a{3,1}')", good: "matches(s, 'a{1,3}')", tags: ["expression"],
                          ja: .init(summary: "リテラルのパターンが、対応している正規表現の範囲で正しくありません。", explanation: jaExplanation,
                                    fix: "報告された文字の位置でパターンを直してください（Docs/rules-language.mdの「Regular expressions」）。"))
        case .unknownField:
            return define(.error, toolFailure: true, summary: "An expression reads a field the documents' schema does not allow there.",
                          explanation: explanation + " Reported once, when the rule loads against the schema of the documents it checks (the pack's `schema:`, or the schema the configuration binds to its `format:`), instead of once per match when it runs.",
                          fix: "Correct the field's name (the help suggests one from the schema), or test for an optional field with `has(x.f)`.",
                          bad: "self.departmnet", good: "self.department", tags: ["expression"],
                          ja: .init(summary: "文書のスキーマがその場所で許していないフィールドを式が読んでいます。", explanation: jaExplanation + "ルールが検査する文書のスキーマ（パックの`schema:`、または設定が`format:`に結び付けたスキーマ）に照らして、マッチごとの実行時ではなくルールの読み込み時に一度だけ報告します。",
                                    fix: "フィールド名を直すか（ヘルプがスキーマから候補を示します）、省略できるフィールドは`has(x.f)`で確かめてください。"))
        case .duplicateKey:
            return define(.error, toolFailure: true, summary: "A map literal has the same key twice.",
                          explanation: explanation, fix: "Remove one of the entries.", bad: "{'a': 1, 'a': 2}", good: "{'a': 1}", tags: ["expression"],
                          ja: .init(summary: "マップリテラルに同じキーが2回あります。", explanation: jaExplanation,
                                    fix: "どちらかの項目を削除してください。"))
        }
    }
}
