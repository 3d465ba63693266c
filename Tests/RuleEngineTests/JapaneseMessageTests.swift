import Diagnostics
@testable import RuleEngine
@testable import RuleLanguage
import Testing

/// The messages of the rule language and the rule engine in Japanese: every catalogue has
/// its Japanese with the English's arguments, and representative errors read as Japanese
/// with Japanese phrases put in (never the English of an argument).
@Suite struct JapaneseMessageTests {
    static let catalogues: [any MessageCatalogue.Type] = [
        SyntaxMessage.self, TokenPhrase.self, TypeNoun.self, TypePhrase.self, ArityPhrase.self, CheckMessage.self,
        EvaluationMessage.self, EvaluationPhrase.self, FiscalYearMessage.self, MonthName.self, PathMessage.self,
        RunMessage.self, RunPhrase.self, ToolMessage.self, RuleFileMessage.self, RuleFilePhrase.self,
        TesterMessage.self, RuleWord.self,
    ]

    @Test func everyMessageHasJapaneseWithTheSameArguments() {
        #expect(MessageText.problems(catalogues: Self.catalogues) == [])
        // Japanese text, not a copy of the English: only `null` has words and is the same.
        var copies: [String] = []
        for c in Self.catalogues {
            for m in c.messages where m.japanese == m.template {
                let words = m.template.replacing(#/\{[A-Za-z0-9_-]+\}/#, with: "")
                if words.unicodeScalars.contains(where: { $0.properties.isAlphabetic && $0.isASCII }) { copies.append(m.id) }
            }
        }
        // `format:` and `when:` are a rule file's keys, printed as written; `ID` is a column.
        #expect(copies.sorted() == ["EvaluationPhrase.null", "RuleWord.appliesFormat", "RuleWord.appliesWhen", "RuleWord.idColumn", "TypeNoun.null"])
    }

    @Test func aWrongNumberOfArguments() {
        let text = CheckMessage.takes.text([
            "name": "size", "expected": ArityPhrase.one.text(in: .ja), "given": ArityPhrase.given.text(["count": 2], in: .ja),
        ], in: .ja)
        #expect(text == "`size`の引数は1個ですが、2個が渡されました")
        let english = CheckMessage.takes.text([
            "name": "size", "expected": ArityPhrase.one.text(in: .en), "given": ArityPhrase.given.text(["count": 2], in: .en),
        ], in: .en)
        #expect(english == "`size` takes 1 argument, but 2 were given")
    }

    @Test func aTypeMismatchPutsInJapaneseTypeNames() {
        let number = TypePhrase.a.text(["type": TypeNoun.number.text(in: .ja)], in: .ja)
        let string = TypePhrase.a.text(["type": TypeNoun.string.text(in: .ja)], in: .ja)
        #expect(CheckMessage.cannotAdd.text(["right": number, "left": string], in: .ja) == "文字列に数値を足すことはできません")
        let expected = EvaluationPhrase.stringFor.text(["what": EvaluationPhrase.theSeparator.text(in: .ja)], in: .ja)
        let actual = EvaluationPhrase.theValue.text(["type": TypeNoun.number.text(in: .ja), "value": "7199"], in: .ja)
        #expect(EvaluationMessage.typeMismatch.text(["expected": expected, "expression": "self.sep", "actual": actual], in: .ja)
            == "区切りに使う文字列が必要ですが、`self.sep`は数値7199です")
        let alternatives = TypePhrase.alternatives.text([
            "types": [TypeNoun.string, .list].map { $0.text(in: .ja) }.joined(separator: TypePhrase.separator.text(in: .ja)),
            "last": TypeNoun.map.text(in: .ja),
        ], in: .ja)
        #expect(alternatives == "文字列、リストまたはマップ")
    }

    @Test func aSyntaxErrorAndAPathError() {
        let expected = TokenPhrase.writtenOr.text(["first": ",", "second": ")"], in: .ja)
        #expect(SyntaxMessage.unexpectedToken.text(["token": TokenPhrase.name.text(["name": "and"], in: .ja), "expected": expected], in: .ja)
            == "予期しない名前`and`です。`,`または`)`が必要です")
        #expect(PathMessage.expectedKeyFound.text(["text": "["], in: .ja) == "ここにはキー名が必要ですが、`[`があります")
    }

    @Test func aFiscalYearPastTheEndOfItsEra() {
        let ordinal = FiscalYearMessage.ordinalFirst.text(["n": 31], in: .ja)
        #expect(FiscalYearMessage.eraEnded.text(["era": "平成", "ordinal": ordinal, "western": 2019, "year": 32], in: .ja)
            == "平成は31年（2019年）で終わりました。平成32年はありません")
        let date = FiscalYearMessage.date.text(["day": 8, "month": MonthName.january.text(in: .ja), "year": 1989], in: .ja)
        #expect(date == "1989年1月8日")
        #expect(FiscalYearMessage.date.text(["day": 8, "month": MonthName.january.text(in: .en), "year": 1989], in: .en) == "8 January 1989")
    }

    @Test func aRuleFileErrorAndARunFailure() {
        let what = RuleFilePhrase.rule.text(in: .ja)
        #expect(RuleFileMessage.unknownKey.text(["name": "sevrity", "what": what], in: .ja) == "ルールに不明なキー`sevrity`があります")
        #expect(RunMessage.inPartOfRule.text(["part": RunPhrase.labelAt.text(in: .ja), "rule": "table-total"], in: .ja)
            == "ルール`table-total`のラベルの`at`で")
        #expect(RunMessage.matchedNothingKind.text([
            "path": RunMessage.forPathOfRule.text(["rule": "r"], in: .ja), "expected": RunPhrase.aMapping.text(in: .ja),
            "at": "$.rows[0]", "found": RunPhrase.aList.text(in: .ja),
        ], in: .ja) == "ルール`r`の`for`パスは何にもマッチしませんでした: このステップにはマッピングが必要ですが、`$.rows[0]`はリストです")
    }

    /// Every code of the rule language and the engine is documented in Japanese (summary,
    /// explanation and fix), so `planlint explain` in Japanese has no English left.
    @Test func everyCodeIsDocumentedInJapanese() {
        let codes = EngineCode.allDefinitions + ExpressionProblem.Code.allCases.map(\.definition)
        #expect(codes.count == EngineCode.allCases.count + 2 * ExpressionProblem.Code.allCases.count)
        for code in codes {
            let ja = code.text(in: .ja)
            #expect(code.japanese != nil, "\(code.id) has no Japanese")
            #expect(ja.summary != code.summary && ja.explanation != code.explanation && ja.fix != code.fix, "\(code.id)")
        }
        #expect(EngineCode.expressionDefinitions.first { $0.id == "rule-file/expr-syntax" }?.text(in: .ja).summary == "文字列が式になっていません。")
    }

    /// `planlint test`'s lines, and the words around a rule's own text.
    @Test func ruleTestFailuresAndRuleWords() throws {
        let ja = TesterMessage.failure.text(["path": "r.yaml", "line": 12, "rule": "has-name",
                                             "subject": TesterMessage.invalidExample.text(["number": 1], in: .ja),
                                             "message": TesterMessage.gotNothing.text(["code": "has-name", "line": 2], in: .ja)], in: .ja)
        #expect(ja == "r.yaml:12: has-name の誤りの例 1: 例の2行目に has-name を期待しましたが、何も報告されませんでした")
        let en = TesterMessage.failure.text(["path": "r.yaml", "line": 12, "rule": "has-name",
                                             "subject": TesterMessage.invalidExample.text(["number": 1], in: .en),
                                             "message": TesterMessage.gotNothing.text(["code": "has-name", "line": 2], in: .en)], in: .en)
        #expect(en == "r.yaml:12: invalid example 1 of has-name: expected has-name on example line 2, got nothing")
        #expect(TesterMessage.noExample.text(["kind": "valid"], in: .en) == "the rule has no valid example; add one under `examples: {valid: [...]}`")
        #expect(TesterMessage.unexpected.text(["code": "c", "where": TesterMessage.notLocated.text(in: .ja), "message": "m"], in: .ja)
                == "予期しない c（例の中の位置なし）: m")

        let loaded = RuleLoader.load(text: """
            format: planlint/plan@2
            when: has(root.tables)
            rules:
              - id: r
                severity: error
                summary: s
                params: {max_rows: {type: number, default: 40}}
                for: items[*]
                assert: "true"
            """)
        let rule = try #require(loaded.ruleSet.rules.first, "\(loaded.diagnostics)")
        #expect(rule.params.first?.signature(in: .en) == "max_rows (number, default 40)")
        #expect(rule.params.first?.signature(in: .ja) == "max_rows（number、既定値 40）")
        #expect(rule.appliesTo?.summary(in: .en) == "format: planlint/plan@2; when: has(root.tables)")
        #expect(rule.appliesTo?.summary(in: .ja) == "format: planlint/plan@2、when: has(root.tables)")
    }

    /// English stays as it was: the errors the tests of the language and the engine compare
    /// with their messages are built from these catalogues.
    @Test func theEnglishOfACompiledErrorIsUnchanged() {
        let result = Expression.compile("size(a, b)", scope: Scope(["a", "b"]))
        #expect(result.problems.first?.message == "`size` takes 1 argument, but 2 were given")
        #expect(result.problems.first?.label == "extra argument")
    }
}
