import DiagnosticRendering
import Diagnostics
import SourceText

/// Text made safe for an HTML page: one function for element content and attribute values
/// alike (both quote characters escaped), used for every value that comes from a plan, a
/// rule or a message, in HTML and in inline SVG.
///
/// Beyond `& < > " '`, characters that would corrupt or deceive a reader are shown instead
/// of obeyed, as in the human form: C0 and C1 controls (other than tab and line breaks) as
/// visible stand-ins, bidirectional controls ("Trojan Source") as `<U+202E>`, and the
/// noncharacters HTML forbids as U+FFFD.
package enum HTMLText {
    package static func escape(_ text: String) -> String {
        Escaping.escaped(text) { u in
            switch u.value {
            case 0x26: "&amp;"
            case 0x3C: "&lt;"
            case 0x3E: "&gt;"
            case 0x22: "&quot;"
            case 0x27: "&#39;"
            case 0x09, 0x0A, 0x0D: nil
            case 0x00..<0x20: String(Unicode.Scalar(0x2400 + u.value)!)
            case 0x7F: "\u{2421}"
            case 0x80..<0xA0, 0xFDD0...0xFDEF: "\u{FFFD}"
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: bidiStandIn(u)
            default: u.value & 0xFFFE == 0xFFFE ? "\u{FFFD}" : nil
            }
        }
    }

    /// The text of a code's documentation (written in Markdown's inline forms) as HTML:
    /// escaped first, then each `` `code` `` and `**strong**` pair made an element; an unpaired
    /// mark stays as written. Only these two forms, so nothing from the text becomes a link or
    /// an attribute.
    package static func prose(_ text: String) -> String {
        var out = ""
        var rest = Substring(escape(text))
        while let i = rest.firstIndex(where: { $0 == "`" || $0 == "*" }) {
            out += rest[..<i]
            let after = rest[i...]
            let (open, tag) = after.hasPrefix("**") ? ("**", "strong") : after.hasPrefix("`") ? ("`", "code") : ("*", "")
            let body = after.dropFirst(open.count)
            if !tag.isEmpty, let close = body.firstRange(of: open), close.lowerBound > body.startIndex {
                out += "<\(tag)>" + body[..<close.lowerBound] + "</\(tag)>"
                rest = body[close.upperBound...]
            } else {
                out += open
                rest = body
            }
        }
        return out + rest
    }

    /// `<U+202E>` (escaped), for a bidirectional control.
    static func bidiStandIn(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        return "&lt;U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "&gt;"
    }

    /// An id or class fragment made only of `a-z0-9-` from any text (codes such as
    /// `budget-amount-sum`, `schema/required`), with a hash so different texts stay different.
    package static func token(_ text: String) -> String {
        var out = ""
        for u in text.unicodeScalars {
            switch u {
            case "a"..."z", "0"..."9": out.unicodeScalars.append(u)
            case "A"..."Z": out.unicodeScalars.append(Unicode.Scalar(u.value + 32)!)
            default: if !out.hasSuffix("-") { out += "-" }
            }
        }
        var h: UInt32 = 2166136261
        for b in text.utf8 { h = (h ^ UInt32(b)) &* 16777619 }
        return String(out.prefix(40)) + "-" + String(h, radix: 36)
    }
}

/// A `Styler` that writes the human form's excerpt as HTML: every piece escaped, roles as
/// classes (`r-gutter`, `r-error`, `mark-error`, …) that the page's style sheet colours.
struct HTMLStyler: Styler {
    func style(_ text: String, _ role: TextRole) -> String {
        if text.isEmpty { return text }
        let cls: String
        switch role {
        case .severity(let s): cls = "r-\(s)"
        case .message: cls = "r-message"
        case .gutter: cls = "r-gutter"
        case .secondary: cls = "r-secondary"
        case .note: cls = "r-note"
        case .help: cls = "r-help"
        case .summary: cls = "r-summary"
        case .marked(let s): return "<mark class=\"mark-\(s)\">" + HTMLText.escape(text) + "</mark>"
        case .markedSecondary: return "<mark class=\"mark-secondary\">" + HTMLText.escape(text) + "</mark>"
        }
        return "<span class=\"\(cls)\">" + HTMLText.escape(text) + "</span>"
    }

    func plain(_ text: String) -> String { HTMLText.escape(text) }
}
