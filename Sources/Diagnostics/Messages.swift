/// The text of diagnostics, in one catalogue per module: an enum whose cases are the
/// messages (the case is the message's id, the raw value its English text with `{name}` for
/// each argument), built with named arguments:
///
///     enum ConfigMessage: String, MessageCatalogue {
///         case notAKey = "`{key}` is not {context}"
///     }
///     let text = ConfigMessage.notAKey(["key": key, "context": "a config key"])
///
/// Rendering looks the id up in `MessageText.translations` first, so translating planlint's
/// messages is filling that one table; the English stays beside the code that reports it.
/// In a template, `{name}` (ASCII letters, digits, `_`, `-`) is an argument; any other brace
/// is text.
public protocol MessageCatalogue: CaseIterable, Sendable, RawRepresentable where RawValue == String {}

extension MessageCatalogue {
    /// The stable id translations are keyed by: `ConfigMessage.notAKey`.
    public var messageID: String {
        var type = String(reflecting: Self.self)
        // Drop the module name: ids survive moving a catalogue between modules.
        if let dot = type.firstIndex(of: ".") { type = String(type[type.index(after: dot)...]) }
        return type + "." + String(describing: self)
    }

    /// The English template.
    public var template: String { rawValue }

    /// The message with its arguments put in, in the current language.
    public func callAsFunction(_ arguments: KeyValuePairs<String, any CustomStringConvertible & Sendable> = [:]) -> String {
        MessageText.render(MessageText.translations[messageID] ?? rawValue, arguments)
    }
}

/// Rendering and translations of message templates.
public enum MessageText {
    /// Templates in another language, by message id (empty: English everywhere).
    public static let translations: [String: String] = [:]

    /// `template` with each `{name}` replaced by its argument; an argument that is missing
    /// leaves its `{name}` in place (a test of every catalogue catches that).
    public static func render(_ template: String, _ arguments: KeyValuePairs<String, any CustomStringConvertible & Sendable>) -> String {
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
    public static func placeholders(_ template: String) -> [String] {
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
