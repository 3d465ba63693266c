import Diagnostics
import YAMLTree

/// Texts given per language in a rule file: `message: {ja: "…", en: "…"}` (see Docs/rules.md
/// "Rules in two languages").
extension Loader {
    /// The keys of a text given per language: `ja`, `en`.
    static let languageKeys = Language.allCases.map(\.rawValue)

    /// A YAML entry: a key and its value.
    typealias Entry = (key: YAMLNode, value: YAMLNode)

    /// Whether a value is a text given per language: a mapping with a language among its keys,
    /// or whose every value is text (`{jp: …}`: a language misspelt, reported as such). A flow
    /// mapping of one key without a value is an unquoted template (`message: {self.total} …`)
    /// and is reported as one by `text`.
    static func isPerLanguage(_ v: YAMLNode) -> Bool {
        guard v.isMapping, !v.entries.isEmpty else { return false }
        if v.entries.contains(where: { $0.key.scalarText.map(languageKeys.contains) ?? false }) { return true }
        return v.entries.allSatisfy { e in
            e.key.isScalar && (e.value.isSequence || (e.value.isScalar && e.value.value != .null))
        }
    }

    /// The texts of an entry, each with its language: the entry itself (language nil) when it
    /// is not given per language, else one entry per language key (the key as the entry's key,
    /// so errors inside a text point at its language). Unknown language keys are reported
    /// (with "did you mean"); nil when no language is left.
    mutating func languageEntries(_ entry: Entry, what: String) -> [(language: Language?, entry: Entry)]? {
        let v = entry.value
        guard Self.isPerLanguage(v) else { return [(nil, entry)] }
        checkKeys(v, known: Self.languageKeys, what: RuleFilePhrase.perLanguage(["what": what]))
        var out: [(language: Language?, entry: Entry)] = []
        for (k, value) in v.entries {
            guard let name = k.scalarText, let language = Language(rawValue: name) else { continue }
            out.append((language, (k, value)))
        }
        return out.isEmpty ? nil : out
    }

    /// The texts read by `read` for each language of the entry; nil when any of them fails.
    mutating func localized<T>(_ entry: Entry, what: String, _ read: (inout Loader, Entry) -> T?) -> Localized<T>? {
        guard let entries = languageEntries(entry, what: what) else { return nil }
        var out: [(language: Language?, value: T)] = []
        var failed = false
        for e in entries {
            if let value = read(&self, e.entry) { out.append((e.language, value)) } else { failed = true }
        }
        return failed || out.isEmpty ? nil : Localized(entries: out)
    }

    /// A text of the rule file, plain or per language.
    mutating func localizedText(_ entry: Entry, what: String, allowEmpty: Bool = false) -> Localized<String>? {
        localized(entry, what: what) { loader, e in loader.text(e, what: Self.textName(what, e), allowEmpty: allowEmpty) }
    }

    /// How an error names one language's text: `message`, or `ja` inside a per-language
    /// `message` (the key the error points at).
    static func textName(_ what: String, _ e: Entry) -> String {
        if let key = e.key.scalarText, languageKeys.contains(key) { return key }
        return what
    }

    /// Notes: one template, a list of them, a per-language mapping of either, or a list
    /// whose items are per language. Read as one list of templates per language.
    mutating func localizedNotes(_ entry: Entry, _ readTemplate: (inout Loader, Entry) -> Rule.Template?) -> Localized<[Rule.Template]>? {
        func list(_ loader: inout Loader, _ e: Entry) -> [Localized<Rule.Template>]? {
            let items = e.value.isSequence ? e.value.items.map { (e.key, $0) } : [e]
            var out: [Localized<Rule.Template>] = []
            var failed = false
            for item in items {
                if let t = loader.localized(item, what: "notes", readTemplate) { out.append(t) } else { failed = true }
            }
            return failed ? nil : out
        }
        // `notes: {ja: [...], en: [...]}`
        if Self.isPerLanguage(entry.value) {
            guard let entries = languageEntries(entry, what: "notes") else { return nil }
            var out: [(language: Language?, value: [Rule.Template])] = []
            var failed = false
            for e in entries {
                guard let items = list(&self, e.entry) else { failed = true; continue }
                out.append((e.language, items.map { $0.text(in: e.language ?? .en) }))
            }
            return failed || out.isEmpty ? nil : Localized(entries: out)
        }
        // `notes: [a, {ja: …, en: …}]`: each language takes every note, in its text or the note's other one.
        guard let items = list(&self, entry) else { return nil }
        var languages: [Language] = []
        for l in items.flatMap(\.languages) where !languages.contains(l) { languages.append(l) }
        if languages.isEmpty { return Localized(items.map { $0.text(in: .en) }) }
        return Localized(entries: languages.map { l in (l, items.map { $0.text(in: l) }) })
    }

    /// The expected messages of an example: a list of texts, each plain or per language, or
    /// a per-language mapping of lists.
    mutating func expectedMessages(_ entry: Entry) -> [ExpectedMessage] {
        func list(_ loader: inout Loader, _ value: YAMLNode, language: Language?) -> [ExpectedMessage] {
            guard value.isSequence else {
                loader.report(EngineCode.invalidValue, RuleFileMessage.messagesList(), at: Self.headSpan(value))
                return []
            }
            var out: [ExpectedMessage] = []
            for item in value.items {
                if item.isScalar, let s = item.scalarText {
                    out.append(ExpectedMessage(language: language, text: s, node: item))
                } else if language == nil, item.isMapping, let entries = loader.languageEntries((item, item), what: RuleFilePhrase.expectedMessage()) {
                    for e in entries {
                        if e.entry.value.isScalar, let s = e.entry.value.scalarText {
                            out.append(ExpectedMessage(language: e.language, text: s, node: e.entry.value))
                        } else {
                            loader.report(EngineCode.invalidValue, RuleFileMessage.expectedMessageText(), at: Self.headSpan(e.entry.value))
                        }
                    }
                } else {
                    loader.report(EngineCode.invalidValue, RuleFileMessage.expectedMessageText(), at: Self.headSpan(item))
                }
            }
            return out
        }
        if entry.value.isMapping, Self.isPerLanguage(entry.value) {
            guard let entries = languageEntries(entry, what: "messages") else { return [] }
            return entries.flatMap { list(&self, $0.entry.value, language: $0.language) }
        }
        return list(&self, entry.value, language: nil)
    }
}
