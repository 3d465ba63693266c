import Diagnostics

/// Every diagnostic code the schema validator emits. Codes are stable: configuration
/// (severity overrides) and suppressions refer to them.
///
/// Findings in the data are named after the keyword that failed (`schema/required`);
/// problems in the schema files start with `schema/` too and are listed last.
package enum SchemaCode: String, CodeCatalogue {
    // Findings in the validated document.
    case type = "schema/type"
    case enumValue = "schema/enum"
    case const = "schema/const"
    case required = "schema/required"
    case additionalProperties = "schema/additional-properties"
    case unevaluatedProperties = "schema/unevaluated-properties"
    case propertyNames = "schema/property-names"
    case minProperties = "schema/min-properties"
    case maxProperties = "schema/max-properties"
    case dependentRequired = "schema/dependent-required"
    case nonStringKey = "schema/non-string-key"
    case items = "schema/items"
    case unevaluatedItems = "schema/unevaluated-items"
    case minItems = "schema/min-items"
    case maxItems = "schema/max-items"
    case uniqueItems = "schema/unique-items"
    case contains = "schema/contains"
    case minContains = "schema/min-contains"
    case maxContains = "schema/max-contains"
    case minimum = "schema/minimum"
    case maximum = "schema/maximum"
    case exclusiveMinimum = "schema/exclusive-minimum"
    case exclusiveMaximum = "schema/exclusive-maximum"
    case multipleOf = "schema/multiple-of"
    case minLength = "schema/min-length"
    case maxLength = "schema/max-length"
    case pattern = "schema/pattern"
    case format = "schema/format"
    case anyOf = "schema/any-of"
    case oneOf = "schema/one-of"
    case not = "schema/not"
    /// A value where the schema is `false` (e.g. a property whose schema is `false`).
    case falseSchema = "schema/false"
    /// Validation stopped descending because the data nests deeper than the limit.
    case depthLimit = "schema/depth-limit"

    // Problems in the schema files.
    /// A draft 2020-12 keyword planlint does not implement (`$dynamicRef`).
    case unsupportedKeyword = "schema/unsupported-keyword"
    /// A key that is no draft 2020-12 keyword (a typo, or an older draft's name); ignored.
    case unknownKeyword = "schema/unknown-keyword"
    /// A keyword whose value has the wrong form (`minimum: "5"`, `required: name`).
    case invalidKeyword = "schema/invalid-keyword"
    /// A `pattern` that is not a valid regular expression or uses syntax outside the subset.
    case invalidRegex = "schema/invalid-regex"
    /// A `$ref` that names nothing that could be found.
    case unresolvedRef = "schema/unresolved-ref"
    /// A `$ref` to a local file outside the allowed root directory.
    case refOutsideRoot = "schema/ref-outside-root"
    /// `$ref`s (or `allOf`/`anyOf`/…) that lead back to themselves without descending into the data.
    case refCycle = "schema/ref-cycle"
    /// A schema referred to by an http(s) URL; planlint never fetches from the network.
    case remoteSchema = "schema/remote-schema"
    /// A schema file that cannot be read.
    case loadError = "schema/load-error"
    /// `$schema` names a dialect other than draft 2020-12.
    case dialect = "schema/dialect"

    /// Whether the code is about the schema files rather than the validated data.
    package var isSchemaProblem: Bool {
        switch self {
        case .unsupportedKeyword, .unknownKeyword, .invalidKeyword, .invalidRegex, .unresolvedRef,
             .refOutsideRoot, .refCycle, .remoteSchema, .loadError, .dialect:
            true
        default:
            false
        }
    }

    package var definition: DiagnosticCode {
        let (summary, fix, bad, good) = text
        let explanation: String
        if isSchemaProblem {
            explanation = """
            A problem in a JSON Schema file that .planlint.yaml binds to plans (or that a plan names \
            with `# yaml-language-server: $schema=…`). It is reported in the schema file; as an \
            error it means the schema could not be applied in full, so the run ends with status 2.
            """
        } else {
            explanation = """
            The plan does not satisfy its JSON Schema (draft 2020-12). The finding points at the \
            narrowest node that fails and carries a label at the schema keyword that decided it. \
            Schemas are bound to plans with `schemas:` in .planlint.yaml (Docs/configuration.md).
            """
        }
        let (jaSummary, jaFix) = japaneseText
        let jaExplanation = isSchemaProblem
            ? """
            .planlint.yaml が計画に対応づけた（または計画が `# yaml-language-server: $schema=…` で指定した）\
            JSON Schema ファイルの問題です。スキーマファイルの中で報告されます。エラーのときはスキーマを\
            完全には適用できなかったことを意味し、実行は終了コード 2 で終わります。
            """
            : """
            計画がその JSON Schema（draft 2020-12）を満たしていません。指摘は検査に失敗したいちばん狭いノードを\
            指し、判定したスキーマのキーワードにラベルを付けます。スキーマは .planlint.yaml の `schemas:` で\
            計画に対応づけます（Docs/configuration.md）。
            """
        // A schema that cannot be read or compiled in full is a tool failure when it is an error.
        return define(.error, toolFailure: isSchemaProblem, summary: summary, explanation: explanation, fix: fix,
                      bad: bad, good: good, tags: isSchemaProblem ? ["schema", "config"] : ["schema"],
                      ja: .init(summary: jaSummary, explanation: jaExplanation, fix: jaFix))
    }

    /// The summary and fix in Japanese.
    private var japaneseText: (String, String) {
        switch self {
        case .type: ("値の型が違います。", "スキーマが示す型で値を書いてください（文字列ではなく数値など）。")
        case .enumValue: ("値が許される値のどれでもありません。", "メッセージが挙げる値のどれかを使ってください。")
        case .const: ("値がスキーマの許すただ一つの値と違います。", "スキーマが求める値を書いてください。")
        case .required: ("マッピングに必須のキーがありません。", "メッセージが示す不足のキーを加えてください。")
        case .additionalProperties: ("マッピングにスキーマが許さないキーがあります。", "キーを削除するか綴りを直してください（メッセージがいちばん近い使えるキーを示します）。")
        case .unevaluatedProperties: ("マッピングにスキーマのどの部分も扱わないキーがあります。", "キーを削除するか綴りを直してください。")
        case .propertyNames: ("キーがスキーマのキー名の規則に合いません。", "キーの名前を変えてください。")
        case .minProperties: ("マッピングの項目がスキーマの求める数より少なくなっています。", "足りない項目を加えてください。")
        case .maxProperties: ("マッピングの項目がスキーマの許す数より多くなっています。", "項目を削除してください。")
        case .dependentRequired: ("あるキーが、一緒に必要なキーなしで書かれています。", "メッセージが示すキーを加えてください。")
        case .nonStringKey: ("マッピングのキーが文字列ではありません。", "JSON Schema は文字列のキーしか記述できません。キーを引用符で囲んでください。")
        case .items: ("リストの項目が項目のスキーマに合いません。", "指摘が示す項目を直してください。")
        case .unevaluatedItems: ("リストにスキーマのどの部分も扱わない項目があります。", "余分な項目を削除してください。")
        case .minItems: ("リストの項目がスキーマの求める数より少なくなっています。", "項目を加えてください。")
        case .maxItems: ("リストの項目がスキーマの許す数より多くなっています。", "項目を削除してください。")
        case .uniqueItems: ("重複してはいけないリストに同じ項目が繰り返されています。", "繰り返された項目を削除してください。")
        case .contains: ("リストにスキーマの `contains` に合う項目がありません。", "求められる形の項目を加えてください。")
        case .minContains: ("スキーマの `contains` に合う項目が少なすぎます。", "合う項目を加えてください。")
        case .maxContains: ("スキーマの `contains` に合う項目が多すぎます。", "合う項目を削除してください。")
        case .minimum: ("数値が最小値を下回っています。", "数値を直してください。")
        case .maximum: ("数値が最大値を上回っています。", "数値を直してください。")
        case .exclusiveMinimum: ("数値が排他的最小値より大きくありません。", "数値を直してください。")
        case .exclusiveMaximum: ("数値が排他的最大値より小さくありません。", "数値を直してください。")
        case .multipleOf: ("数値が求められる刻みの倍数ではありません。", "数値を直してください。")
        case .minLength: ("文字列が最小の長さより短くなっています。", "文字列を長くしてください。")
        case .maxLength: ("文字列が最大の長さより長くなっています。", "文字列を短くしてください。")
        case .pattern: ("文字列が求められるパターンに合いません。", "パターンが記述する形で書いてください。")
        case .format: ("文字列が指定された形式（日付など）になっていません。", "日付などは YYYY-MM-DD の形で書いてください。")
        case .anyOf: ("値が選択肢（`anyOf`）のどれにも合いません。", "値をどれか一つの選択肢に合わせてください。メッセージがいちばん近いものを示します。")
        case .oneOf: ("値が選択肢（`oneOf`）のどれにも合わないか、二つ以上に合っています。", "値がちょうど一つの選択肢に合うようにしてください。")
        case .not: ("値が合ってはいけないスキーマ（`not`）に合っています。", "値を変えてください。")
        case .falseSchema: ("スキーマが何も許さない所に値があります。", "値を削除してください。")
        case .depthLimit: ("入れ子の深さの上限で検証が止まりました。", "データの入れ子を浅くしてください。")
        case .unsupportedKeyword: ("スキーマが planlint の実装していないキーワードを使っています。", "それを使わずにスキーマを書き直してください。無視せずに報告しています。")
        case .unknownKeyword: ("スキーマに draft 2020-12 のキーワードではないキーがあります。", "キーワードを直してください（古い版の名前や綴りの誤りがよくあります）。")
        case .invalidKeyword: ("スキーマのキーワードの値の形が違います。", "仕様が求める形の値をキーワードに与えてください。")
        case .invalidRegex: ("スキーマの `pattern` が正しい正規表現ではありません（または対応する範囲外の構文を使っています）。", "パターンを直してください。")
        case .unresolvedRef: ("`$ref` が見つかるものを何も指していません。", "参照を直してください。")
        case .refOutsideRoot: ("スキーマまたは `$ref` がリポジトリの外のファイルを指しています。", "スキーマはリポジトリの中に置くか、--allow-outside-root を指定してください。")
        case .refCycle: ("`$ref` がデータに降りることなく自分自身に戻ってきます。", "循環を断ち切ってください。")
        case .remoteSchema: ("スキーマが URL で指定されています。planlint はネットワークから取得しません。", "ローカルの写しを置き、`schemas:` で対応づけてください。")
        case .loadError: ("スキーマファイルを読めません。", ".planlint.yaml や `$schema=` コメントで指定したパスを確かめてください。")
        case .dialect: ("スキーマが draft 2020-12 以外の方言を宣言しています。", "`$schema: https://json-schema.org/draft/2020-12/schema` を使ってください。")
        }
    }

    /// Summary, fix, and an example reported and corrected.
    private var text: (String, String, String?, String?) {
        switch self {
        case .type: ("A value has the wrong type.", "Write the value with the type the schema gives (a number, not a string).", "budget: \"100\"", "budget: 100")
        case .enumValue: ("A value is not one of the allowed values.", "Use one of the values the message lists.", "status: dun", "status: done")
        case .const: ("A value differs from the one value the schema allows.", "Write the value the schema requires.", nil, nil)
        case .required: ("A mapping lacks a required key.", "Add the missing key the message names.", "project:\n  name: 光ファイバ網", "project:\n  name: 光ファイバ網\n  number: 1")
        case .additionalProperties: ("A mapping has a key the schema does not allow.", "Remove the key or correct its spelling (the message suggests the nearest allowed key).", "project: {nmae: x}", "project: {name: x}")
        case .unevaluatedProperties: ("A mapping has a key no part of the schema accounts for.", "Remove the key or correct its spelling.", nil, nil)
        case .propertyNames: ("A key does not match the schema's rule for key names.", "Rename the key.", nil, nil)
        case .minProperties: ("A mapping has fewer entries than the schema requires.", "Add the missing entries.", nil, nil)
        case .maxProperties: ("A mapping has more entries than the schema allows.", "Remove entries.", nil, nil)
        case .dependentRequired: ("A key is present without the keys that must accompany it.", "Add the keys the message names.", nil, nil)
        case .nonStringKey: ("A mapping key is not a string.", "JSON Schema only describes string keys; quote the key.", "1: first", "\"1\": first")
        case .items: ("A list item does not match the schema for items.", "Fix the item the finding points at.", nil, nil)
        case .unevaluatedItems: ("A list has items no part of the schema accounts for.", "Remove the extra items.", nil, nil)
        case .minItems: ("A list has fewer items than the schema requires.", "Add items.", "fields: []", nil)
        case .maxItems: ("A list has more items than the schema allows.", "Remove items.", nil, nil)
        case .uniqueItems: ("A list that must hold distinct items repeats one.", "Remove the repeated item.", "tags: [a, a]", "tags: [a]")
        case .contains: ("A list has no item matching the schema's `contains`.", "Add an item of the required form.", nil, nil)
        case .minContains: ("Too few items match the schema's `contains`.", "Add matching items.", nil, nil)
        case .maxContains: ("Too many items match the schema's `contains`.", "Remove matching items.", nil, nil)
        case .minimum: ("A number is below the minimum.", "Correct the number.", "budget: -5", "budget: 5")
        case .maximum: ("A number is above the maximum.", "Correct the number.", nil, nil)
        case .exclusiveMinimum: ("A number is not above the exclusive minimum.", "Correct the number.", nil, nil)
        case .exclusiveMaximum: ("A number is not below the exclusive maximum.", "Correct the number.", nil, nil)
        case .multipleOf: ("A number is not a multiple of the required step.", "Correct the number.", nil, nil)
        case .minLength: ("A string is shorter than the minimum length.", "Lengthen the text.", "name: \"\"", "name: 地域の情報化")
        case .maxLength: ("A string is longer than the maximum length.", "Shorten the text.", nil, nil)
        case .pattern: ("A string does not match the required pattern.", "Write the text in the form the pattern describes.", nil, nil)
        case .format: ("A string is not in the asserted format (such as a date).", "Write e.g. dates as YYYY-MM-DD.", "start: 2015/04/01", "start: 2015-04-01")
        case .anyOf: ("A value matches none of the alternatives (`anyOf`).", "Make the value match one alternative; the message names the closest.", nil, nil)
        case .oneOf: ("A value matches none, or more than one, of the alternatives (`oneOf`).", "Make the value match exactly one alternative.", nil, nil)
        case .not: ("A value matches a schema it must not match (`not`).", "Change the value.", nil, nil)
        case .falseSchema: ("A value is present where the schema allows nothing.", "Remove the value.", nil, nil)
        case .depthLimit: ("Validation stopped at the nesting depth limit.", "Flatten the data.", nil, nil)
        case .unsupportedKeyword: ("The schema uses a keyword planlint does not implement.", "Rewrite the schema without it; it is reported rather than ignored.", nil, nil)
        case .unknownKeyword: ("The schema has a key that is not a draft 2020-12 keyword.", "Correct the keyword (often an older draft's name or a typo).", nil, nil)
        case .invalidKeyword: ("A schema keyword has a value of the wrong form.", "Give the keyword a value of the form the specification requires.", "minimum: \"5\"", "minimum: 5")
        case .invalidRegex: ("A schema `pattern` is not a valid regular expression (or uses syntax outside the supported subset).", "Correct the pattern.", nil, nil)
        case .unresolvedRef: ("A `$ref` names nothing that can be found.", "Correct the reference.", nil, nil)
        case .refOutsideRoot: ("A schema or `$ref` names a file outside the repository.", "Keep schemas inside the repository, or pass --allow-outside-root.", nil, nil)
        case .refCycle: ("`$ref`s lead back to themselves without descending into the data.", "Break the cycle.", nil, nil)
        case .remoteSchema: ("A schema is named by a URL; planlint never fetches from the network.", "Keep a local copy and bind it with `schemas:`.", nil, nil)
        case .loadError: ("A schema file cannot be read.", "Check the path given in .planlint.yaml or the `$schema=` comment.", nil, nil)
        case .dialect: ("The schema declares a dialect other than draft 2020-12.", "Use `$schema: https://json-schema.org/draft/2020-12/schema`.", nil, nil)
        }
    }
}
