import Diagnostics
import SourceText
import YAMLTree

/// Wording shared by the validator's messages, and the hints that make them useful
/// ("did you mean", a number written with thousands separators, a look-alike character).
enum Messages {
    /// "`type` of 件数 (count)" — a keyword and the schema it belongs to.
    static func inSchema(_ keyword: String, _ s: SchemaNodeRef) -> String {
        if let t = s.title { return SchemaMessage.keywordOf(["keyword": keyword, "title": t]) }
        return SchemaMessage.keywordAt(["keyword": keyword, "pointer": s.pointer])
    }

    /// A label at the failing value, after its schema's title when it has one: "件数: too long".
    static func titled(_ title: String?, _ label: String) -> String {
        title.map { SchemaMessage.titled(["title": $0, "label": label]) } ?? label
    }

    /// " (title)", or nothing.
    static func aside(_ title: String?) -> String { title.map { SchemaPhrase.aside(["text": $0]) } ?? "" }

    /// " in title", or nothing.
    static func whose(_ title: String?) -> String { title.map { SchemaPhrase.inTitle(["title": $0]) } ?? "" }

    /// "1 item", "3 items".
    static func count(_ n: Int, _ one: SchemaPhrase, _ many: SchemaPhrase) -> String { (n == 1 ? one : many)(["count": n]) }

    /// The number of Unicode scalars (JSON Schema's characters) in `text`, counted only up to
    /// `limit`: `min(count, limit)`.
    static func scalarCount(_ text: String, upTo limit: Int) -> Int {
        var n = 0
        for _ in text.unicodeScalars {
            if n >= limit { break }
            n += 1
        }
        return n
    }

    /// "`anyOf` of 事業: none of 3 alternatives matches".
    static func noAlternative(_ keyword: String, _ s: SchemaNodeRef, count: Int) -> String {
        SchemaMessage.noAlternativeMatches(["label": inSchema("`\(keyword)`", s), "count": count])
    }

    /// `a`, `a or b`, `a, b or c`.
    static func orList(_ items: [String]) -> String { join(items, .or) }
    static func andList(_ items: [String]) -> String { join(items, .and) }

    static func join(_ items: [String], _ word: SchemaPhrase) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return word(["items": items.dropLast().joined(separator: SchemaPhrase.separator()), "last": items.last!])
        }
    }

    /// Text on one line, cut at `limit` characters with an ellipsis.
    static func shortened(_ text: String, limit: Int) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces
        if line.count <= limit { return line }
        return String(line.prefix(limit)) + "…"
    }

    /// `a, b, c` — or `a, b, … (12 more)` past `limit`.
    static func truncatedList(_ items: [String], limit: Int) -> String {
        let separator = SchemaPhrase.separator()
        if items.count <= limit { return items.joined(separator: separator) }
        return SchemaPhrase.andMore(["items": items.prefix(limit).joined(separator: separator), "count": items.count - limit])
    }

    // MARK: type mismatches

    /// Help for a value of the wrong type that was probably meant right: `"7,199"` for an
    /// integer, a quoted number, `yes` for a boolean, an empty value.
    static func typeHint(_ inst: Instance, expected: JSONTypeSet) -> (help: String?, fixes: [Fix]) {
        let wantsNumber = expected.contains(.integer) || expected.contains(.number)
        if inst.keyName != nil { return (nil, []) }
        let node = inst.node
        switch node.value {
        case .string(let s)? where wantsNumber:
            if let n = numberWithoutSeparators(s) {
                return (SchemaHintMessage.withoutSeparators(["number": n]), [rewrite(node, n, safe: false)])
            }
            if let n = asciiDigits(s) {
                // The same number in other digits: safe.
                return (SchemaHintMessage.asciiDigits(["number": n]), [rewrite(node, n, safe: true)])
            }
            if let n = numberWithoutPercent(s) {
                return (SchemaHintMessage.withoutPercent(["number": n]), [rewrite(node, n, safe: false)])
            }
            if expected.contains(.integer), let (year, era) = westernYear(s) {
                return (SchemaHintMessage.westernYear(["year": year, "era": era]), [rewrite(node, String(year), safe: false)])
            }
            if CoreSchema.isInt(s) || CoreSchema.isFloat(s), node.scalarStyle != .plain {
                return (SchemaHintMessage.quotedNumber(),
                        [Fix(title: SchemaHintMessage.removeQuotes(), edits: [TextEdit(span: node.span, replacement: s)], isSafe: false)])
            }
        case .string(let s)? where expected.contains(.boolean):
            if ["yes", "no", "on", "off", "y", "n", "Yes", "No", "On", "Off", "YES", "NO", "ON", "OFF"].contains(s) {
                return (SchemaHintMessage.yamlBoolean(["value": s]), [])
            }
        case .int(let t)?, .float(let t)?:
            if expected.contains(.string) { return quoteIt(node, t) }
        case .bool?:
            if expected.contains(.string), let text = node.scalarText { return quoteIt(node, text) }
        case .null?:
            if node.range.isEmpty || node.scalarText == "" { return (SchemaHintMessage.emptyValue(), []) }
        default:
            break
        }
        return (nil, [])
    }

    /// "write 7199": the value replaced by `text`.
    static func rewrite(_ node: YAMLNode, _ text: String, safe: Bool) -> Fix {
        Fix(title: SchemaHintMessage.write(["value": text]), edits: [TextEdit(span: node.span, replacement: text)], isSafe: safe)
    }

    /// A number or boolean written as a string: `"42"`.
    static func quoteIt(_ node: YAMLNode, _ text: String) -> (help: String?, fixes: [Fix]) {
        (SchemaHintMessage.quoteIt(["quoted": "\"\(text)\""]),
         [Fix(title: SchemaHintMessage.quoteItFix(), edits: [TextEdit(span: node.span, replacement: "\"\(text)\"")], isSafe: false)])
    }

    /// `"7,199"` → `7199`; `"1,234.5"` → `1234.5` (groups of three after the first).
    static func numberWithoutSeparators(_ s: String) -> String? {
        let t = s.trimmingSpaces
        guard t.contains(",") else { return nil }
        var body = Substring(t)
        var sign = ""
        if let f = body.first, f == "-" || f == "+" { sign = f == "-" ? "-" : ""; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count),
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if parts.count == 2 { guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil } }
        return sign + groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
    }

    /// `"90.6%"` → `90.6` (also with a full-width ％).
    static func numberWithoutPercent(_ s: String) -> String? {
        let t = s.trimmingSpaces
        guard let last = t.last, last == "%" || last == "％" else { return nil }
        let body = String(t.dropLast()).trimmingSpaces
        if CoreSchema.isInt(body) || CoreSchema.isFloat(body) { return body }
        return asciiDigits(body)
    }

    /// Japanese era years: `平成27` / `平成２７年度` / `H27` / `令和元年` → (2015, "平成27 = 2015").
    static func westernYear(_ s: String) -> (Int, String)? {
        let eras: [(names: [String], offset: Int)] = [
            (["令和", "R"], 2018), (["平成", "H"], 1988), (["昭和", "S"], 1925), (["大正", "T"], 1911), (["明治", "M"], 1867),
        ]
        var t = s.trimmingSpaces
        for suffix in ["年度", "年"] where t.hasSuffix(suffix) { t = String(t.dropLast(suffix.count)); break }
        for era in eras {
            for name in era.names where t.hasPrefix(name) {
                let rest = String(t.dropFirst(name.count))
                let digits = rest == "元" ? "1" : (asciiDigits(rest) ?? rest)
                guard let n = Int(digits), n >= 1, n <= 99 else { return nil }
                return (n + era.offset, "\(s.trimmingSpaces) = \(n + era.offset)")
            }
        }
        return nil
    }

    /// Full-width digits (`７１９９`, `１，２３４`) → ASCII, if that makes a number.
    static func asciiDigits(_ s: String) -> String? {
        var out = ""
        var changed = false
        for u in s.unicodeScalars {
            if (0xFF10...0xFF19).contains(u.value) {
                out.unicodeScalars.append(Unicode.Scalar(u.value - 0xFF10 + 0x30)!); changed = true
            } else if u.value == 0xFF0C { out += ","; changed = true }
            else if u.value == 0xFF0E { out += "."; changed = true }
            else if u.value == 0xFF0D || u.value == 0x2212 { out += "-"; changed = true }
            else { out.unicodeScalars.append(u) }
        }
        guard changed else { return nil }
        if CoreSchema.isInt(out) || CoreSchema.isFloat(out) { return out }
        return numberWithoutSeparators(out)
    }

    // MARK: near values

    /// "did you mean" for a string that should have been one of `allowed`: a look-alike
    /// character (〇 for ○, - for －), a full-width/half-width variant, or a small typo.
    static func nearValue(_ found: String, among allowed: [String], inst: Instance) -> (help: String?, fixes: [Fix]) {
        let key = skeleton(found)
        let sameText = allowed.first { $0 == found && !$0.utf8.elementsEqual(found.utf8) }
        var match = sameText ?? allowed.first { !$0.utf8.elementsEqual(found.utf8) && skeleton($0) == key }
        var lookAlike = match != nil && sameText == nil
        if match == nil {
            match = Suggestion.closest(to: found, in: allowed)
            lookAlike = false
        }
        guard let m = match else { return (nil, []) }
        var help = SchemaHintMessage.didYouMean(["value": JSONView.quoted(m)])
        if sameText != nil { help += " " + normalizationNote(found: found, allowed: m) }
        if lookAlike { help += " " + lookAlikeNote(found: found, allowed: m) }
        var fixes: [Fix] = []
        if inst.keyName == nil {
            // The same text in other code points, or the one allowed value it looks like: safe.
            // A small typo may be another value: unsafe.
            let safe = sameText != nil || (lookAlike && allowed.filter { skeleton($0) == key }.count == 1)
            fixes.append(Fix(title: SchemaHintMessage.replaceWith(["value": JSONView.quoted(m)]),
                             edits: [TextEdit(span: inst.node.span, replacement: YAMLScalarText.string(m, like: inst.node))], isSafe: safe))
        }
        return (help, fixes)
    }

    /// "`〇` is U+3007 IDEOGRAPHIC NUMBER ZERO; the schema has `○` U+25CB WHITE CIRCLE" —
    /// naming only the characters that differ.
    static func lookAlikeNote(found: String, allowed: String) -> String {
        let a = Array(found.unicodeScalars), b = Array(allowed.unicodeScalars)
        var x = a[...], y = b[...]
        if a.count == b.count {
            // Keep only the differing characters.
            let diff = zip(a, b).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            if let f = diff.first, let l = diff.last { x = a[f...l]; y = b[f...l] }
        }
        let separator = SchemaPhrase.separator()
        let left = x.map { "`\($0)` \(codePoint($0))" }.joined(separator: separator)
        let right = y.map { "`\($0)` \(codePoint($0))" }.joined(separator: separator)
        return SchemaHintMessage.lookAlike(["found": left, "allowed": right])
    }

    /// For text that looks identical but is composed differently (NFC vs NFD, common in
    /// text copied from PDFs or macOS file names).
    static func normalizationNote(found: String, allowed: String) -> String {
        let a = found.unicodeScalars.map { codePoint($0) }.joined(separator: " + ")
        let b = allowed.unicodeScalars.map { codePoint($0) }.joined(separator: " + ")
        return SchemaHintMessage.normalization(["found": a, "allowed": b])
    }

    /// `U+3007 IDEOGRAPHIC NUMBER ZERO`.
    static func codePoint(_ u: Unicode.Scalar) -> String {
        let hex = String(u.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return code + (u.properties.name.map { " " + $0 } ?? "")
    }

    /// Characters people type for the symbols plans use, mapped to one representative.
    static let lookAlikes: [UInt32: UInt32] = {
        var m: [UInt32: UInt32] = [:]
        let groups: [(UInt32, [UInt32])] = [
            (0x25CB, [0x3007, 0x25EF, 0x26AA, 0x25E6, 0x006F, 0x004F, 0xFF4F, 0xFF2F, 0x00B0, 0x2218]),  // ○
            (0x25CE, [0x25C9, 0x29BF, 0x229A, 0x2299]),  // ◎
            (0x25B3, [0x25B2, 0x25B5, 0x22BF, 0x2206, 0x0394, 0x25BD]),  // △
            (0x00D7, [0x0078, 0x0058, 0xFF58, 0xFF38, 0x2715, 0x2716, 0x2573, 0x2613, 0x2A2F, 0x2717, 0x2718]),  // ×
            (0xFF0D, [0x002D, 0x2212, 0x2010, 0x2011, 0x2013, 0x2014, 0x30FC, 0x2015, 0xFF70, 0x4E00, 0x2500]),  // －
            (0xFF0A, [0x002A, 0x203B, 0x204E, 0x2217, 0x2731, 0xFE61]),  // ＊
        ]
        for (rep, others) in groups {
            m[rep] = rep
            for o in others { m[o] = rep }
        }
        return m
    }()

    /// A comparison key: look-alikes collapsed, full-width ASCII and the ideographic space folded.
    static func skeleton(_ s: String) -> [UInt32] {
        s.unicodeScalars.map { u in
            if let r = lookAlikes[u.value] { return r }
            if (0xFF01...0xFF5E).contains(u.value) { return u.value - 0xFF01 + 0x21 }
            if u.value == 0x3000 { return 0x20 }
            return u.value
        }
    }

}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
