import Diagnostics
import SchemaValidation
import Testing

/// The schema messages in Japanese, built the way the validator builds them (each phrase in the
/// same language as the message it goes into), without setting the process's language.
@Suite struct JapaneseMessageTests {
    static let catalogues: [any MessageCatalogue.Type] = [
        SchemaMessage.self, SchemaHintMessage.self, SchemaPhrase.self, SchemaFileMessage.self, SchemaKeywordForm.self,
    ]

    @Test func everySchemaMessageHasJapaneseWithTheSameArguments() {
        #expect(MessageText.problems(catalogues: Self.catalogues) == [])
    }

    /// A Japanese template holds no English: ASCII words are only in `code`, `{arguments}` and
    /// the names that stay as they are (JSON, YAML, draft 2020-12, planlint, file names).
    @Test func theJapaneseHoldsNoEnglishWords() {
        let kept: Set<String> = ["JSON", "Schema", "YAML", "URI", "NFC", "planlint", "draft", "Docs", "schemas", "md",
                                 "planlint", "yaml", "true", "false", "null", "YYYY", "MM", "DD", "allow", "outside", "root", "boolean",
                                 "object", "array", "number", "string", "integer", "Pointer"]
        for catalogue in Self.catalogues {
            for (id, english, japanese) in catalogue.messages {
                guard let japanese else { continue }
                var text = japanese
                // Drop `code`, {arguments} and what English and Japanese share word for word.
                for pattern in [#/`[^`]*`/#, #/\{[A-Za-z0-9_-]+\}/#] { text = text.replacing(pattern, with: " ") }
                let words = text.split { !($0.isASCII && $0.isLetter) }.map(String.init).filter { $0.count > 1 && !kept.contains($0) }
                #expect(words.isEmpty || japanese == english, "\(id): English words \(words) in 「\(japanese)」")
            }
        }
    }

    /// A type mismatch as the validator reports it: "expected integer or string, found string "7,199"".
    @Test func aTypeMismatchReadsAsJapanese() {
        let expected = SchemaPhrase.or.text(["items": SchemaPhrase.integer.text(in: .ja), "last": SchemaPhrase.string.text(in: .ja)], in: .ja)
        let found = SchemaPhrase.stringValue.text(["value": "\"7,199\""], in: .ja)
        let message = SchemaMessage.expectedFound.text(["expected": expected, "found": found], in: .ja)
        #expect(message == "整数または文字列が必要ですが、文字列 \"7,199\" です")
        #expect(SchemaMessage.expectedFound.text(["expected": "integer or string", "found": "string \"7,199\""], in: .en)
                == "expected integer or string, found string \"7,199\"")
        let help = SchemaHintMessage.withoutSeparators.text(["number": "7199"], in: .ja)
        #expect(help == "数値を桁区切りなしで書いてください：`7199`")
    }

    @Test func aMissingKeyAndAnUnknownKeyReadAsJapanese() {
        let aside = SchemaPhrase.aside.text(["text": "事業番号"], in: .ja)
        let whose = SchemaPhrase.inTitle.text(["title": "事業"], in: .ja)
        #expect(SchemaMessage.missingKey.text(["key": "number", "schema": aside, "whose": whose], in: .ja)
                == "必須キー `number`（事業番号）がありません（事業）")
        #expect(SchemaMessage.unknownKey.text(["key": "nmae", "whose": whose], in: .ja) == "未知のキー `nmae`（事業）")
        let keys = ["`name`", "`number`", "`budget`"].joined(separator: SchemaPhrase.separator.text(in: .ja))
        #expect(SchemaMessage.allowedKeys.text(["whose": whose, "keys": keys], in: .ja) == "使えるキー（事業）：`name`、`number`、`budget`")
        #expect(SchemaMessage.addKeyHelp.text(["key": "number"], in: .ja) == "このマッピングに `number: …` を加えてください")
    }

    @Test func countsAndListsReadAsJapanese() {
        let count = SchemaPhrase.items.text(["count": 2], in: .ja)
        #expect(SchemaMessage.atLeast.text(["count": count, "found": 1], in: .ja) == "少なくとも 2 個の項目が必要ですが、1です")
        let values = SchemaPhrase.andMore.text(["items": "\"○\"、\"△\"", "count": 3], in: .ja)
        #expect(SchemaMessage.expectedOneOf.text(["values": values, "found": SchemaPhrase.emptyObject.text(in: .ja)], in: .ja)
                == "\"○\"、\"△\"、…（ほか 3 件）のいずれかが必要ですが、空のオブジェクトです")
    }

    @Test func schemaFileProblemsReadAsJapanese() {
        let form = SchemaKeywordForm.count.text(in: .ja)
        let found = SchemaPhrase.stringValue.text(["value": "\"5\""], in: .ja)
        #expect(SchemaFileMessage.invalidValue.text(["keyword": "minItems", "expected": form, "found": found], in: .ja)
                == "`minItems` は0 以上の整数でなければなりませんが、文字列 \"5\" です")
        #expect(SchemaFileMessage.unknownKeyword.text(["keyword": "propertys"], in: .ja) == "未知のキーワード `propertys`。無視されます")
    }

    /// Every schema code documents itself in Japanese.
    @Test func everySchemaCodeHasJapaneseDocumentation() {
        for code in SchemaCode.allCases {
            let ja = code.definition.text(in: .ja)
            #expect(code.definition.japanese != nil, "\(code.rawValue) has no Japanese")
            #expect(ja.summary != code.definition.summary && ja.fix != code.definition.fix && ja.explanation != code.definition.explanation,
                    "\(code.rawValue): the Japanese repeats the English")
        }
    }
}
