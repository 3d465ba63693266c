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
/// The Japanese is written beside the English, in the same module, as an exhaustive switch
/// (the compiler then refuses a new message without it):
///
///     extension ConfigMessage {
///         var japanese: String? {
///             switch self {
///             case .notAKey: "`{key}` は{context}ではありません"
///             }
///         }
///     }
///
/// `MessageText.language` chooses the language messages are built in; a message without a
/// Japanese template falls back to English, and `MessageText.problems(catalogues:)` lists
/// such messages for a test. In a template, `{name}` (ASCII letters, digits, `_`, `-`) is an
/// argument; any other brace is text. An argument that is itself a phrase is a message too,
/// built in the same language.
public protocol MessageCatalogue: CaseIterable, Sendable, RawRepresentable where RawValue == String {
    /// The Japanese template, with the same `{name}` arguments as the English; nil while
    /// untranslated.
    var japanese: String? { get }
}

/// A language planlint writes its own text in. English is the fallback of every message.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en, ja

    /// The language a locale name asks for: `ja_JP.UTF-8`, `ja-JP`, `ja` → Japanese;
    /// `en_US.UTF-8`, `C`, `POSIX` → English; nil for a locale planlint has no text for (the
    /// caller then looks further, and finally falls back to English) or an empty one.
    public init?(locale: String) {
        let name = locale.trimmingPrefix(while: { $0 == " " })
        if name.isEmpty { return nil }
        if name == "C" || name.hasPrefix("C.") || name == "POSIX" { self = .en; return }
        let language = name.prefix { $0.isLetter }.lowercased()
        guard let known = Language(rawValue: language) else { return nil }
        self = known
    }

    /// The language the environment asks for, as POSIX orders it: `LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG` (the first that is set and not empty decides); English when
    /// none names a language planlint has.
    public static func from(environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return Language(locale: value) ?? .en
        }
        return .en
    }
}

extension MessageCatalogue {
    public var japanese: String? { nil }

    /// The stable id of the message: `ConfigMessage.notAKey`.
    public var messageID: String { Self.catalogueName + "." + String(describing: self) }

    /// The catalogue's name without its module: ids survive moving a catalogue between modules.
    public static var catalogueName: String {
        let type = String(reflecting: Self.self)
        guard let dot = type.firstIndex(of: ".") else { return type }
        return String(type[type.index(after: dot)...])
    }

    /// The English template.
    public var template: String { rawValue }

    /// The template in `language` (English when the message has no text in it).
    public func template(in language: Language) -> String {
        switch language {
        case .en: rawValue
        case .ja: japanese ?? rawValue
        }
    }

    /// The message with its arguments put in, in the current language.
    public func callAsFunction(_ arguments: KeyValuePairs<String, any CustomStringConvertible & Sendable> = [:]) -> String {
        MessageText.render(template(in: MessageText.language), arguments)
    }

    /// The message with its arguments put in, in `language`.
    public func text(_ arguments: KeyValuePairs<String, any CustomStringConvertible & Sendable> = [:],
                     in language: Language) -> String {
        MessageText.render(template(in: language), arguments)
    }

    /// The message in the language other than the run's (`MessageText.otherLanguage`), for a
    /// diagnostic's `alternateMessage`; nil when the message has no text of its own in it.
    /// Give it only arguments that read the same in both languages (names, numbers, code):
    /// a phrase built in the run's language would be left in it.
    public func alternate(_ arguments: KeyValuePairs<String, any CustomStringConvertible & Sendable> = [:]) -> AlternateText? {
        guard japanese != nil else { return nil }
        let other = MessageText.otherLanguage
        return AlternateText(language: other, text: MessageText.render(template(in: other), arguments))
    }

    /// Every message of this catalogue: id, English template and Japanese template.
    public static var messages: [(id: String, template: String, japanese: String?)] {
        allCases.map { ($0.messageID, $0.rawValue, $0.japanese) }
    }
}

/// Rendering of message templates, and the language they are built in.
public enum MessageText {
    private static let selected = Mutex<Language>(.en)

    /// The language messages are built in, for the whole process (a run, or the language
    /// server's one client): English until set.
    public static var language: Language {
        get { selected.withLock { $0 } }
        set { selected.withLock { $0 = newValue } }
    }

    /// The language SARIF and JSON give beside the run's: Japanese for an English run, English
    /// for a Japanese one.
    public static var otherLanguage: Language { language == .ja ? .en : .ja }

    /// What is missing from the catalogues' Japanese: a message without it, or whose Japanese
    /// takes other `{name}` arguments than its English. Empty when they are complete.
    public static func problems(catalogues: [any MessageCatalogue.Type]) -> [String] {
        var out: [String] = []
        for catalogue in catalogues {
            for (id, english, japanese) in catalogue.messages {
                guard let japanese else {
                    out.append("\(id) has no Japanese text")
                    continue
                }
                if Set(placeholders(japanese)) != Set(placeholders(english)) {
                    out.append("\(id): the Japanese takes \(placeholders(japanese).sorted()), the English \(placeholders(english).sorted())")
                }
            }
        }
        return out
    }

    /// `template` with each `{name}` replaced by its argument; an argument that is missing
    /// leaves its `{name}` in place (a test of every catalogue catches that).
    package static func render(_ template: String, _ arguments: KeyValuePairs<String, any CustomStringConvertible & Sendable>) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        // Over the UTF-8 bytes, not Characters: braces and names are ASCII, and walking
        // grapheme clusters made each message cost thousands of instructions (a flood of
        // schema findings builds one per finding).
        var template = template
        return template.withUTF8 { t in
            var out: [UInt8] = []
            out.reserveCapacity(t.count + 32)
            var copied = 0
            var i = 0
            while i < t.count {
                guard t[i] == UInt8(ascii: "{") else { i += 1; continue }
                var end = i + 1
                while end < t.count, isNameByte(t[end]) { end += 1 }
                let name = UnsafeBufferPointer(rebasing: t[(i + 1)..<end])
                if end > i + 1, end < t.count, t[end] == UInt8(ascii: "}"),
                   let value = arguments.first(where: { isKey($0.key, name) })?.value {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: t[copied..<i]))
                    var text = value.description
                    text.withUTF8 { out.append(contentsOf: $0) }
                    i = end + 1
                    copied = i
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: t[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether `key` is the name whose bytes are `name`.
    private static func isKey(_ key: String, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var key = key
        return key.withUTF8 { $0.count == name.count && $0.elementsEqual(name) }
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
