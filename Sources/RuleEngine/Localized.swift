import Diagnostics

/// Something a rule file says to users, in one language or in several: a plain string
/// (`message: "…"`, the same text whatever the run's language) or a mapping from languages to
/// texts (`message: {ja: "…", en: "…"}`, see Docs/rules.md "Rules in two languages").
///
/// The run's language picks the text (`RunOptions.language`, `MessageText.language`); a rule
/// that does not have it speaks its other language, the first one written.
public struct Localized<Value: Sendable>: Sendable {
    /// The texts as written, in order, each with its language: nil for a plain string.
    public let entries: [(language: Language?, value: Value)]

    /// A text that is the same in every language (a plain string in the rule file).
    public init(_ value: Value) { entries = [(nil, value)] }

    /// Texts by language, in the order written. Not empty.
    init(entries: [(language: Language?, value: Value)]) {
        precondition(!entries.isEmpty, "a localized text has at least one entry")
        self.entries = entries
    }

    /// The text in `language`, or the one written first when there is none in it.
    public func text(in language: Language) -> Value {
        entries.first { $0.language == language }?.value ?? entries[0].value
    }

    /// The languages written (empty for a plain string).
    public var languages: [Language] { entries.compactMap(\.language) }

    /// Whether the text is given per language.
    public var isPerLanguage: Bool { entries.contains { $0.language != nil } }

    /// The same languages, each text transformed.
    func map<T>(_ transform: (Value) throws -> T) rethrows -> Localized<T> {
        Localized<T>(entries: try entries.map { ($0.language, try transform($0.value)) })
    }

    /// Every text written, in order.
    var values: [Value] { entries.map(\.value) }
}

extension Localized where Value == String {
    /// The text in the language messages are built in (`MessageText.language`).
    public var current: String { text(in: MessageText.language) }
}
