/// Escaping text for the formats planlint writes (JSON, XML, GitHub workflow commands) and for
/// quoting values in messages: one loop over the Unicode scalars, each format giving its own
/// replacements.
package enum Escaping {
    /// `text` with each scalar for which `replacement` gives a string replaced by it (nil keeps
    /// the scalar). After `limit` scalars the rest is dropped and `…` ends the result.
    package static func escaped(_ text: String, limit: Int = .max, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        var n = 0
        for u in text.unicodeScalars {
            if n == limit { out += "…"; break }
            if let r = replacement(u) { out += r } else { out.unicodeScalars.append(u) }
            n += 1
        }
        return out
    }

    /// The JSON escapes of `"`, `\` and the usual control characters (`\n`, `\t`, …).
    package static let json: [Unicode.Scalar: String] = ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"]

    /// `\u001f`: a scalar of the Basic Multilingual Plane as a JSON-style escape.
    package static func unicodeEscape(_ u: Unicode.Scalar, uppercase: Bool = false) -> String {
        let hex = String(u.value, radix: 16, uppercase: uppercase)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Whether `u` is a C0 control character or DEL.
    package static func isControl(_ u: Unicode.Scalar) -> Bool { u.value < 0x20 || u.value == 0x7F }
}
