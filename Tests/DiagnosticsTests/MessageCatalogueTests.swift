import Diagnostics
import Testing

/// Messages are built from catalogues with named arguments, in English or a translation.
@Suite struct MessageCatalogueTests {
    enum SampleMessage: String, MessageCatalogue {
        case notAKey = "`{key}` is not {context}"
        case plain = "no arguments {here"
    }

    @Test func argumentsAreNamed() {
        #expect(SampleMessage.notAKey(["context": "a config key", "key": "exlude"]) == "`exlude` is not a config key")
        #expect(SampleMessage.plain() == "no arguments {here")
        // A missing argument stays visible rather than vanishing.
        #expect(SampleMessage.notAKey(["key": "x"]) == "`x` is not {context}")
        #expect(MessageText.placeholders(SampleMessage.notAKey.template) == ["key", "context"])
        #expect(MessageText.placeholders("{a} {} {b c} {d-e_1}") == ["a", "d-e_1"])
    }

    @Test func idsNameTheCatalogueAndTheCase() {
        #expect(SampleMessage.notAKey.messageID == "MessageCatalogueTests.SampleMessage.notAKey")
        #expect(SampleMessage.messages.map(\.id) == ["MessageCatalogueTests.SampleMessage.notAKey", "MessageCatalogueTests.SampleMessage.plain"])
    }

    @Test func theProcessLanguageIsEnglishUntilSet() {
        // Tests never set the process-wide language (they run in parallel): they use
        // `text(_:in:)`, or run the planlint binary with `--lang`.
        #expect(MessageText.language == .en)
        #expect(TranslatedMessage.notAKey(["key": "k", "context": "c"]) == "`k` is not c")
    }

    enum TranslatedMessage: String, MessageCatalogue {
        case notAKey = "`{key}` is not {context}"
        case plain = "no arguments"
        case misnamed = "{one} and {two}"

        var japanese: String? {
            switch self {
            case .notAKey: "`{key}` は{context}ではありません"
            case .plain: nil
            case .misnamed: "{one}と{three}"
            }
        }
    }

    @Test func theJapaneseIsUsedWhereItIsWritten() {
        #expect(TranslatedMessage.notAKey.text(["key": "exlude", "context": "設定のキー"], in: .ja) == "`exlude` は設定のキーではありません")
        #expect(TranslatedMessage.plain.text(in: .ja) == "no arguments", "no Japanese: English")
        #expect(TranslatedMessage.notAKey.text(["key": "k", "context": "c"], in: .en) == "`k` is not c")
        #expect(SampleMessage.notAKey.text(["key": "k", "context": "c"], in: .ja) == "`k` is not c", "a catalogue without Japanese")
    }

    @Test func missingAndMismatchedJapaneseAreListed() {
        #expect(MessageText.problems(catalogues: [TranslatedMessage.self]) == [
            "MessageCatalogueTests.TranslatedMessage.plain has no Japanese text",
            "MessageCatalogueTests.TranslatedMessage.misnamed: the Japanese takes [\"one\", \"three\"], the English [\"one\", \"two\"]",
        ])
        #expect(MessageText.problems(catalogues: [SampleMessage.self]).count == 2)
    }

    @Test func localesChooseALanguage() {
        #expect(Language(locale: "ja_JP.UTF-8") == .ja)
        #expect(Language(locale: "ja-JP") == .ja)
        #expect(Language(locale: "ja") == .ja)
        #expect(Language(locale: "en_US.UTF-8") == .en)
        #expect(Language(locale: "C.UTF-8") == .en)
        #expect(Language(locale: "POSIX") == .en)
        #expect(Language(locale: "fr_FR.UTF-8") == nil)
        #expect(Language(locale: "") == nil)
        // POSIX order: LC_ALL over LC_MESSAGES over LANG; an empty one is skipped.
        #expect(Language.from(environment: ["LANG": "ja_JP.UTF-8"]) == .ja)
        #expect(Language.from(environment: ["LC_ALL": "C", "LANG": "ja_JP.UTF-8"]) == .en)
        #expect(Language.from(environment: ["LC_ALL": "", "LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"]) == .ja)
        #expect(Language.from(environment: ["LANG": "fr_FR.UTF-8"]) == .en)
        #expect(Language.from(environment: [:]) == .en)
    }
}
