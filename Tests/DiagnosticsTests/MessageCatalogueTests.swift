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

    @Test func aTranslationIsUsedWhereItHasATemplate() {
        let ja = MessageTranslation(language: "ja", templates: ["MessageCatalogueTests.SampleMessage.notAKey": "`{key}` は{context}ではありません"])
        #expect(SampleMessage.notAKey.text(["key": "exlude", "context": "設定のキー"], in: ja) == "`exlude` は設定のキーではありません")
        #expect(SampleMessage.plain.text(in: ja) == "no arguments {here", "no template: English")
        #expect(SampleMessage.notAKey.text(["key": "k", "context": "c"], in: nil) == "`k` is not c")
    }

    @Test func translationsAreCheckedAgainstTheCatalogues() {
        let complete = MessageTranslation(language: "ja", templates: [
            "MessageCatalogueTests.SampleMessage.notAKey": "{context}: `{key}`",
            "MessageCatalogueTests.SampleMessage.plain": "引数なし",
        ])
        #expect(MessageText.problems(in: complete, catalogues: [SampleMessage.self]).isEmpty)
        let broken = MessageTranslation(language: "ja", templates: [
            "MessageCatalogueTests.SampleMessage.notAKey": "`{key}` は {kontext} ではありません",
            "MessageCatalogueTests.SampleMessage.gone": "古い",
        ])
        #expect(MessageText.problems(in: broken, catalogues: [SampleMessage.self]) == [
            "MessageCatalogueTests.SampleMessage.notAKey: the ja text takes [\"key\", \"kontext\"], the English [\"context\", \"key\"]",
            "MessageCatalogueTests.SampleMessage.plain has no ja text",
            "MessageCatalogueTests.SampleMessage.gone is translated to ja but is no message",
        ])
    }

    @Test func aLanguageWithoutATranslationIsEnglish() {
        #expect(MessageText.languages.first == "en")
        #expect(MessageText.language == "en")
        MessageText.language = "xx"
        #expect(MessageText.language == "en")
        #expect(SampleMessage.notAKey(["key": "k", "context": "c"]) == "`k` is not c")
    }
}
