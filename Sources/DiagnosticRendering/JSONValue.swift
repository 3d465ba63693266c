import SourceText

/// A JSON value, written with sorted keys and two-space indentation.
///
/// planlint writes JSON itself rather than through Foundation so that the bytes are the same
/// on every platform (Foundation's pretty printing differs between Darwin and Linux), keys
/// are sorted by code point, and only integers exist (no floating point in the output).
package enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case null
    case bool(Bool)
    /// Integers only: planlint writes no floating-point numbers.
    case int(Int)
    case string(String)
    case array([JSONValue])
    /// Members; written in code-point order of their keys.
    case object([String: JSONValue])

    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int) { self = .int(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// `.string(s)`, or `.null` when `s` is nil.
    package static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }

    /// Pretty-printed text with a final newline.
    package func serialized() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out += "\n"
        return out
    }

    func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                item.write(to: &out, indent: indent + 2)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (i, key) in keys.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                JSONValue.quote(key, into: &out)
                out += ": "
                members[key]!.write(to: &out, indent: indent + 2)
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string literal: `"` and `\` escaped, control characters and U+2028/U+2029
    /// (line breaks to JavaScript) as `\u` escapes, everything else as UTF-8.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        out += Escaping.escaped(s) { u in
            if let e = Escaping.json[u] ?? extraEscapes[u] { return e }
            return Escaping.isControl(u) || u == "\u{2028}" || u == "\u{2029}" ? Escaping.unicodeEscape(u) : nil
        }
        out += "\""
    }

    static let extraEscapes: [Unicode.Scalar: String] = ["\u{08}": "\\b", "\u{0C}": "\\f"]
}
