import SourceText

/// Writing a value back into YAML source as a scalar: what fixes replace a node's text with
/// (the schema's look-alike and did-you-mean fixes, a rule's `fix:`).
package enum YAMLScalarText {
    /// `s` as a YAML scalar in the style of `node` where that style can hold it (a quoted
    /// value stays quoted), else plain when it reads back as the same string, else
    /// double-quoted.
    package static func string(_ s: String, like node: YAMLNode?) -> String {
        switch node?.scalarStyle {
        case .doubleQuoted?: return doubleQuoted(s)
        case .singleQuoted? where !s.unicodeScalars.contains(where: Escaping.isControl):
            return "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
        default: return isPlainSafe(s) ? s : doubleQuoted(s)
        }
    }

    /// `"…"` with JSON escapes (a JSON string is a YAML double-quoted scalar).
    package static func doubleQuoted(_ s: String) -> String {
        "\"" + Escaping.escaped(s) { u in
            Escaping.json[u] ?? (Escaping.isControl(u) ? Escaping.unicodeEscape(u, uppercase: true) : nil)
        } + "\""
    }

    /// Whether `s` written plain reads back as the same string.
    package static func isPlainSafe(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if case .string = CoreSchema.resolve(text: s, plain: true, tag: nil) {} else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first == " " || last == " " { return false }
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return false }
        return !s.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{7F}" }
    }
}
