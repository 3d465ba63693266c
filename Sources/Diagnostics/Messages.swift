import Synchronization

/// The text of diagnostics, in one catalogue per module: an enum whose cases are the
/// messages (the case is the message's id, the raw value its English text with `{name}` for
/// each argument), built with named arguments:
///
///     enum ConfigMessage: String, MessageCatalogue {
///         case notAKey = "`{key}` is not {context}"
///     }
///     let text = ConfigMessage.notAKey(["key": key, "context": "a config key"])
///
/// The English stays beside the code that reports it. Another language is one
/// `MessageTranslation` (templates by message id, see `messageID`) added to
/// `MessageText.translations`; `MessageText.language` chooses the language messages are built
/// in, and a message without a template in that language falls back to English.
/// In a template, `{name}` (ASCII letters, digits, `_`, `-`) is an argument; any other brace
/// is text.
package protocol MessageCatalogue: CaseIterable, Sendable, RawRepresentable where RawValue == String {}

extension MessageCatalogue {
    /// The stable id translations are keyed by: `ConfigMessage.notAKey`.
    package var messageID: String { Self.catalogueName + "." + String(describing: self) }

    /// The catalogue's name without its module: ids survive moving a catalogue between modules.
    package static var catalogueName: String {
        let type = String(reflecting: Self.self)
        guard let dot = type.firstIndex(of: ".") else { return type }
        return String(type[type.index(after: dot)...])
    }

    /// The English template.
    package var template: String { rawValue }

    /// The message with its arguments put in, in the current language.
    package func callAsFunction(_ arguments: KeyValuePairs<String, any CustomStringConvertible & Sendable> = [:]) -> String {
        MessageText.render(MessageText.template(id: messageID, english: rawValue), arguments)
    }

    /// The message with its arguments put in, in `translation`'s language (English when it
    /// has no template for this message, or is nil).
    package func text(_ arguments: KeyValuePairs<String, any CustomStringConvertible & Sendable> = [:],
                     in translation: MessageTranslation?) -> String {
        MessageText.render(translation?.templates[messageID] ?? rawValue, arguments)
    }

    /// Every message of this catalogue: id and English template.
    package static var messages: [(id: String, template: String)] { allCases.map { ($0.messageID, $0.rawValue) } }
}

/// The templates of one language other than English, by message id.
///
/// Adding a language is writing one of these (a file `Messages+ja.swift` holding
/// `static let japanese = MessageTranslation(language: "ja", templates: [...])`), listing it in
/// `MessageText.translations`, and letting `MessageText.problems(in:catalogues:)` check it
/// against every catalogue in a test.
package struct MessageTranslation: Sendable {
    /// A BCP 47 language tag: `ja`.
    package let language: String
    /// Templates by message id (`ConfigMessage.notAKey`), with the same `{name}` arguments as
    /// the English.
    package let templates: [String: String]

    package init(language: String, templates: [String: String]) { (self.language, self.templates) = (language, templates) }
}

/// Rendering and translations of message templates.
package enum MessageText {
    /// The languages besides English (the catalogues' raw values).
    package static let translations: [MessageTranslation] = []

    /// The languages messages can be built in: `en`, then each translation's.
    package static var languages: [String] { ["en"] + translations.map(\.language) }

    private static let selected = Mutex<MessageTranslation?>(nil)

    /// The language messages are built in, for the whole process (a run, or the language
    /// server's one client): `en` until set. Setting a language without a translation, or
    /// `en`, gives English.
    package static var language: String {
        get { selected.withLock { $0?.language ?? "en" } }
        set { selected.withLock { $0 = translations.first { $0.language == newValue } } }
    }

    /// The template for a message in the current language, or its English.
    package static func template(id: String, english: String) -> String {
        if translations.isEmpty { return english }
        return selected.withLock { $0?.templates[id] } ?? english
    }

    /// What is wrong with a translation against the catalogues it translates: a message it
    /// has no template for, a template for no message, or a template whose arguments are not
    /// the English one's. Empty when it is complete.
    package static func problems(in translation: MessageTranslation, catalogues: [any MessageCatalogue.Type]) -> [String] {
        var out: [String] = []
        var known = Set<String>()
        for catalogue in catalogues {
            for (id, english) in catalogue.messages {
                known.insert(id)
                guard let translated = translation.templates[id] else {
                    out.append("\(id) has no \(translation.language) text")
                    continue
                }
                if Set(placeholders(translated)) != Set(placeholders(english)) {
                    out.append("\(id): the \(translation.language) text takes \(placeholders(translated).sorted()), the English \(placeholders(english).sorted())")
                }
            }
        }
        for id in translation.templates.keys.sorted() where !known.contains(id) {
            out.append("\(id) is translated to \(translation.language) but is no message")
        }
        return out
    }

    /// `template` with each `{name}` replaced by its argument; an argument that is missing
    /// leaves its `{name}` in place (a test of every catalogue catches that).
    package static func render(_ template: String, _ arguments: KeyValuePairs<String, any CustomStringConvertible & Sendable>) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"),
               case let name = rest[afterOpen..<close], !name.isEmpty, name.utf8.allSatisfy(isNameByte),
               let value = arguments.first(where: { $0.key == name })?.value {
                out += value.description
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[afterOpen...]
            }
        }
        return out + rest
    }

    /// The argument names a template uses, in order.
    package static func placeholders(_ template: String) -> [String] {
        var names: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), case let name = rest[afterOpen..<close],
               !name.isEmpty, name.utf8.allSatisfy(isNameByte) {
                names.append(String(name))
                rest = rest[rest.index(after: close)...]
            } else {
                rest = rest[afterOpen...]
            }
        }
        return names
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D
    }
}
