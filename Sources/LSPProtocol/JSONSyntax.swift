/// A strict JSON (RFC 8259) syntax check that reports *where* a message body is broken.
///
/// Foundation's `JSONDecoder` says only "the given data was not valid JSON", and it uses the
/// same error for a bad character and for a number out of range, so its errors cannot tell
/// a parse error (-32700) from a wrongly shaped request (-32600). Every incoming body is
/// checked here first; what passes is then decoded by `JSONDecoder`, and any failure from
/// that point on is a shape problem.
///
/// The check is a loop over an explicit stack (no recursion), rejects invalid UTF-8, raw
/// control characters in strings and unpaired `\u` surrogate escapes (which `String` cannot
/// hold), and stops at ``maximumDepth`` levels of nesting, the limit `JSONDecoder` applies.
enum JSONSyntax {
    /// The first problem in a body: a byte offset and what was expected there.
    struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// 0-based byte offset into the body.
        var offset: Int
        var message: String
        var description: String { "at byte \(offset): \(message)" }
    }

    /// Nesting depth accepted (matches `JSONDecoder`, which fails beyond 512).
    static let maximumDepth = 512

    /// Nil if `bytes` is exactly one valid JSON value (surrounded by optional whitespace and
    /// preceded by an optional UTF-8 byte order mark); otherwise the first problem.
    static func check(_ bytes: [UInt8]) -> Failure? {
        bytes.withUnsafeBufferPointer { check($0) }
    }

    private enum Container { case array, object }
    private enum State { case value, valueOrArrayEnd, keyOrObjectEnd, key, colon, afterValue }

    static func check(_ b: UnsafeBufferPointer<UInt8>) -> Failure? {
        let n = b.count
        var i = 0
        if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
        var stack: [Container] = []
        var state = State.value

        func fail(_ at: Int, _ message: String) -> Failure { Failure(offset: at, message: message) }
        func describe(_ at: Int) -> String {
            guard at < n else { return "end of input" }
            let c = b[at]
            if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
            return "byte 0x" + String(c, radix: 16, uppercase: true)
        }

        while true {
            while i < n && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D) { i += 1 }
            switch state {
            case .value, .valueOrArrayEnd:
                guard i < n else { return fail(i, "unexpected end of input; expected a value") }
                let c = b[i]
                if c == UInt8(ascii: "]") && state == .valueOrArrayEnd {
                    stack.removeLast()
                    i += 1
                    state = .afterValue
                    continue
                }
                switch c {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard stack.count < maximumDepth else {
                        return fail(i, "nesting deeper than \(maximumDepth) levels")
                    }
                    let object = c == UInt8(ascii: "{")
                    stack.append(object ? .object : .array)
                    i += 1
                    state = object ? .keyOrObjectEnd : .valueOrArrayEnd
                case UInt8(ascii: "\""):
                    if let f = scanString(b, &i) { return f }
                    state = .afterValue
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if let f = scanNumber(b, &i) { return f }
                    state = .afterValue
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    let word: [UInt8] = c == UInt8(ascii: "t") ? Array("true".utf8)
                        : c == UInt8(ascii: "f") ? Array("false".utf8) : Array("null".utf8)
                    for (k, w) in word.enumerated() where i + k >= n || b[i + k] != w {
                        return fail(i, "invalid literal; expected '\(String(decoding: word, as: UTF8.self))'")
                    }
                    i += word.count
                    state = .afterValue
                default:
                    return fail(i, "unexpected \(describe(i)); expected a value")
                }
            case .keyOrObjectEnd, .key:
                guard i < n else { return fail(i, "unexpected end of input; expected a string key") }
                if b[i] == UInt8(ascii: "}") && state == .keyOrObjectEnd {
                    stack.removeLast()
                    i += 1
                    state = .afterValue
                    continue
                }
                guard b[i] == UInt8(ascii: "\"") else {
                    return fail(i, "unexpected \(describe(i)); expected a string key")
                }
                if let f = scanString(b, &i) { return f }
                state = .colon
            case .colon:
                guard i < n, b[i] == UInt8(ascii: ":") else {
                    return fail(i, "unexpected \(describe(i)); expected ':' after an object key")
                }
                i += 1
                state = .value
            case .afterValue:
                guard let top = stack.last else {
                    return i == n ? nil : fail(i, "unexpected \(describe(i)) after the JSON value")
                }
                guard i < n else {
                    return fail(i, "unexpected end of input inside an \(top == .array ? "array" : "object")")
                }
                switch (top, b[i]) {
                case (.array, UInt8(ascii: ",")): state = .value
                case (.object, UInt8(ascii: ",")): state = .key
                case (.array, UInt8(ascii: "]")), (.object, UInt8(ascii: "}")):
                    stack.removeLast()
                    state = .afterValue
                case (.array, _):
                    return fail(i, "unexpected \(describe(i)); expected ',' or ']'")
                case (.object, _):
                    return fail(i, "unexpected \(describe(i)); expected ',' or '}'")
                }
                i += 1
            }
        }
    }

    /// Scans a string starting at its opening quote; leaves `i` after the closing quote.
    private static func scanString(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Failure? {
        let n = b.count
        let start = i
        i += 1
        while true {
            guard i < n else { return Failure(offset: start, message: "unterminated string") }
            let c = b[i]
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                return nil
            case UInt8(ascii: "\\"):
                guard i + 1 < n else { return Failure(offset: start, message: "unterminated string") }
                switch b[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                    UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard let unit = hex4(b, i + 2) else {
                        return Failure(offset: i, message: "invalid \\u escape; expected four hex digits")
                    }
                    if unit >= 0xDC00 && unit <= 0xDFFF {
                        return Failure(offset: i, message: "unpaired low surrogate escape \\u\(String(unit, radix: 16))")
                    }
                    if unit >= 0xD800 && unit <= 0xDBFF {
                        guard i + 7 < n, b[i + 6] == UInt8(ascii: "\\"), b[i + 7] == UInt8(ascii: "u"),
                            let low = hex4(b, i + 8), low >= 0xDC00 && low <= 0xDFFF
                        else {
                            return Failure(offset: i, message: "unpaired high surrogate escape \\u\(String(unit, radix: 16))")
                        }
                        i += 12
                    } else {
                        i += 6
                    }
                default:
                    return Failure(offset: i, message: "invalid escape sequence in string")
                }
            case 0x00..<0x20:
                return Failure(offset: i, message: "control character U+00\(c < 0x10 ? "0" : "")\(String(c, radix: 16, uppercase: true)) in a string must be escaped")
            case 0x20..<0x80:
                i += 1
            default:
                guard let len = utf8SequenceLength(b, i) else {
                    return Failure(offset: i, message: "invalid UTF-8 in string")
                }
                i += len
            }
        }
    }

    private static func hex4(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in at..<(at + 4) {
            let c = b[k]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    /// Length of the well-formed UTF-8 sequence at `i` (lead byte ≥ 0x80), or nil
    /// (overlong forms, UTF-16 surrogates and values past U+10FFFF are ill-formed).
    static func utf8SequenceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let n = b.count
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            k < n && b[k] >= lo && b[k] <= hi
        }
        switch b[i] {
        case 0xC2...0xDF: return cont(i + 1) ? 2 : nil
        case 0xE0: return cont(i + 1, 0xA0) && cont(i + 2) ? 3 : nil
        case 0xE1...0xEC, 0xEE...0xEF: return cont(i + 1) && cont(i + 2) ? 3 : nil
        case 0xED: return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : nil
        case 0xF0: return cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : nil
        case 0xF1...0xF3: return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : nil
        case 0xF4: return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : nil
        default: return nil
        }
    }

    /// Scans a number (`-? int frac? exp?`); leaves `i` after it.
    private static func scanNumber(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Failure? {
        let n = b.count
        let start = i
        func isDigit(_ k: Int) -> Bool { k < n && b[k] >= UInt8(ascii: "0") && b[k] <= UInt8(ascii: "9") }
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { return Failure(offset: start, message: "invalid number; expected a digit") }
        if b[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { return Failure(offset: start, message: "invalid number; leading zeros are not allowed") }
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < n && b[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { return Failure(offset: start, message: "invalid number; expected a digit after '.'") }
            while isDigit(i) { i += 1 }
        }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else { return Failure(offset: start, message: "invalid number; expected a digit in the exponent") }
            while isDigit(i) { i += 1 }
        }
        return nil
    }
}
