import ExactNumbers
import SourceText

/// One token of an expression, with its UTF-8 byte range.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case identifier(String)
        case number(ExactDecimal)
        /// A string literal's decoded text. `verbatimStart` is the offset of its first
        /// content byte when the content maps 1:1 onto the source (no escapes), so positions
        /// inside it (a regex error) can be reported exactly.
        case string(String, verbatimStart: Int?)
        case keyword(Keyword)
        case punct(Punct)
        case end
    }

    enum Keyword: String, Sendable {
        case `true`, `false`, null, `in`
    }

    enum Punct: String, Sendable {
        case lparen = "(", rparen = ")", lbracket = "[", rbracket = "]", lbrace = "{", rbrace = "}"
        case dot = ".", comma = ",", colon = ":", question = "?"
        case bang = "!", minus = "-", plus = "+", star = "*", slash = "/", percent = "%"
        case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case equal = "==", notEqual = "!=", approx = "~="
        case and = "&&", or = "||"
    }

    let kind: Kind
    let range: ByteRange
}

/// Splits an expression into tokens. The first malformed token ends lexing with a
/// positioned problem (an expression is short; one clear error beats a cascade).
enum Lexer {
    static let reservedWords: Set<String> = ["true", "false", "null", "in"]

    @inline(__always) static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F
    }
    @inline(__always) static func isIdentContinue(_ c: UInt8) -> Bool {
        isIdentStart(c) || isDigit(c)
    }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    static func tokenize(_ bytes: [UInt8]) -> Result<[Token], ExpressionProblem> {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 3 + 1)
        var i = 0
        let n = bytes.count
        while true {
            // Whitespace, including the full-width space U+3000 (E3 80 80) that Japanese
            // text is full of and newlines of block scalars.
            while i < n {
                let c = bytes[i]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { i += 1; continue }
                if c == 0xE3 && i + 2 < n && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80 { i += 3; continue }
                break
            }
            if i >= n {
                tokens.append(Token(kind: .end, range: ByteRange(n, n)))
                return .success(tokens)
            }
            let start = i
            let c = bytes[i]
            if isIdentStart(c) {
                // Raw strings: r'...' / r"..."
                if (c == UInt8(ascii: "r") || c == UInt8(ascii: "R")) && i + 1 < n && (bytes[i + 1] == 0x27 || bytes[i + 1] == 0x22) {
                    switch lexString(bytes, start: i + 1, raw: true) {
                    case .success(let (text, end, verbatim)):
                        tokens.append(Token(kind: .string(text, verbatimStart: verbatim), range: ByteRange(start, end)))
                        i = end
                        continue
                    case .failure(let p): return .failure(p)
                    }
                }
                while i < n && isIdentContinue(bytes[i]) { i += 1 }
                let word = String(decoding: bytes[start..<i], as: UTF8.self)
                // Only `in`, `null`, `true` and `false` are keywords: most words are not even
                // looked up (the lookup is a string switch).
                let length = i - start
                let mayBeKeyword = (length == 2 || length == 4 || length == 5)
                    && (c == UInt8(ascii: "i") || c == UInt8(ascii: "n") || c == UInt8(ascii: "t") || c == UInt8(ascii: "f"))
                if mayBeKeyword, let k = Token.Keyword(rawValue: word) {
                    tokens.append(Token(kind: .keyword(k), range: ByteRange(start, i)))
                } else {
                    tokens.append(Token(kind: .identifier(word), range: ByteRange(start, i)))
                }
                continue
            }
            if isDigit(c) {
                switch lexNumber(bytes, start: i) {
                case .success(let (value, end)):
                    tokens.append(Token(kind: .number(value), range: ByteRange(start, end)))
                    i = end
                    continue
                case .failure(let p): return .failure(p)
                }
            }
            if c == 0x27 || c == 0x22 {
                switch lexString(bytes, start: i, raw: false) {
                case .success(let (text, end, verbatim)):
                    tokens.append(Token(kind: .string(text, verbatimStart: verbatim), range: ByteRange(start, end)))
                    i = end
                    continue
                case .failure(let p): return .failure(p)
                }
            }
            // Punctuation, longest match first.
            let next: UInt8 = i + 1 < n ? bytes[i + 1] : 0
            var punct: Token.Punct?
            var len = 1
            switch c {
            case UInt8(ascii: "("): punct = .lparen
            case UInt8(ascii: ")"): punct = .rparen
            case UInt8(ascii: "["): punct = .lbracket
            case UInt8(ascii: "]"): punct = .rbracket
            case UInt8(ascii: "{"): punct = .lbrace
            case UInt8(ascii: "}"): punct = .rbrace
            case UInt8(ascii: "."):
                if isDigit(next) {
                    return .failure(ExpressionProblem(
                        code: .syntax, message: SyntaxMessage.numberStartsWithPoint(), range: ByteRange(i, i + 1),
                        label: SyntaxMessage.digitBeforePoint(), help: SyntaxMessage.writeLeadingZero(["digits": digits(bytes, from: i + 1)])))
                }
                punct = .dot
            case UInt8(ascii: ","): punct = .comma
            case UInt8(ascii: ":"): punct = .colon
            case UInt8(ascii: "?"): punct = .question
            case UInt8(ascii: "!"):
                if next == UInt8(ascii: "=") { punct = .notEqual; len = 2 } else { punct = .bang }
            case UInt8(ascii: "-"): punct = .minus
            case UInt8(ascii: "+"): punct = .plus
            case UInt8(ascii: "*"): punct = .star
            case UInt8(ascii: "/"): punct = .slash
            case UInt8(ascii: "%"): punct = .percent
            case UInt8(ascii: "<"):
                if next == UInt8(ascii: "=") { punct = .lessEqual; len = 2 } else { punct = .less }
            case UInt8(ascii: ">"):
                if next == UInt8(ascii: "=") { punct = .greaterEqual; len = 2 } else { punct = .greater }
            case UInt8(ascii: "="):
                if next == UInt8(ascii: "=") { punct = .equal; len = 2 } else {
                    return .failure(ExpressionProblem(
                        code: .syntax, message: SyntaxMessage.notAnOperator(["operator": "="]), range: ByteRange(i, i + 1),
                        label: SyntaxMessage.noAssignment(), help: SyntaxMessage.writeEqualEqual()))
                }
            case UInt8(ascii: "~"):
                if next == UInt8(ascii: "=") { punct = .approx; len = 2 } else {
                    return .failure(ExpressionProblem(
                        code: .syntax, message: SyntaxMessage.notAnOperator(["operator": "~"]), range: ByteRange(i, i + 1),
                        help: SyntaxMessage.writeApprox()))
                }
            case UInt8(ascii: "&"):
                if next == UInt8(ascii: "&") { punct = .and; len = 2 } else {
                    return .failure(ExpressionProblem(
                        code: .syntax, message: SyntaxMessage.notAnOperator(["operator": "&"]), range: ByteRange(i, i + 1),
                        help: SyntaxMessage.writeOperatorFor(["operator": "&&", "word": "and"])))
                }
            case UInt8(ascii: "|"):
                if next == UInt8(ascii: "|") { punct = .or; len = 2 } else {
                    return .failure(ExpressionProblem(
                        code: .syntax, message: SyntaxMessage.notAnOperator(["operator": "|"]), range: ByteRange(i, i + 1),
                        help: SyntaxMessage.writeOperatorFor(["operator": "||", "word": "or"])))
                }
            default:
                break
            }
            if let punct {
                tokens.append(Token(kind: .punct(punct), range: ByteRange(i, i + len)))
                i += len
                continue
            }
            // Non-ASCII: ≈ (E2 89 88) is accepted for ~=; everything else gets a pointed error.
            let (scalar, width) = decodeScalar(bytes, at: i)
            if scalar == 0x2248 {
                tokens.append(Token(kind: .punct(.approx), range: ByteRange(i, i + width)))
                i += width
                continue
            }
            return .failure(unexpectedCharacter(scalar, range: ByteRange(i, i + width)))
        }
    }

    static func digits(_ bytes: [UInt8], from: Int) -> String {
        var j = from
        while j < bytes.count && isDigit(bytes[j]) { j += 1 }
        return String(decoding: bytes[from..<j], as: UTF8.self)
    }

    static func lexNumber(_ bytes: [UInt8], start: Int) -> Result<(ExactDecimal, Int), ExpressionProblem> {
        var i = start
        let n = bytes.count
        while i < n && isDigit(bytes[i]) { i += 1 }
        if i < n && bytes[i] == UInt8(ascii: ".") && i + 1 < n && isDigit(bytes[i + 1]) {
            i += 1
            while i < n && isDigit(bytes[i]) { i += 1 }
        } else if i < n && bytes[i] == UInt8(ascii: ".") && !(i + 1 < n && isIdentStart(bytes[i + 1])) {
            return .failure(ExpressionProblem(
                code: .syntax, message: SyntaxMessage.numberEndsWithPoint(), range: ByteRange(start, i + 1),
                label: SyntaxMessage.digitsAfterPoint(), help: SyntaxMessage.writePointZero(["number": String(decoding: bytes[start..<i], as: UTF8.self)])))
        }
        if i < n && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            var j = i + 1
            if j < n && (bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-")) { j += 1 }
            if j < n && isDigit(bytes[j]) {
                while j < n && isDigit(bytes[j]) { j += 1 }
                i = j
            }
        }
        if i < n && isIdentContinue(bytes[i]) {
            var j = i
            while j < n && isIdentContinue(bytes[j]) { j += 1 }
            return .failure(ExpressionProblem(
                code: .syntax, message: SyntaxMessage.neitherNumberNorName(["text": String(decoding: bytes[start..<j], as: UTF8.self)]),
                range: ByteRange(start, j), label: SyntaxMessage.nameStartsWithDigit()))
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let value = ExactDecimal(text) else {
            return .failure(ExpressionProblem(
                code: .invalidLiteral, message: SyntaxMessage.numberOutOfRange(["text": text]),
                range: ByteRange(start, i), label: SyntaxMessage.numberOutOfRangeLabel()))
        }
        return .success((value, i))
    }

    /// Lexes a quoted string starting at the quote at `start`. Returns the text, the end
    /// offset (after the closing quote) and, when no escape was used, where the content starts.
    static func lexString(_ bytes: [UInt8], start: Int, raw: Bool) -> Result<(String, Int, Int?), ExpressionProblem> {
        let quote = bytes[start]
        var out: [UInt8] = []
        var i = start + 1
        let n = bytes.count
        var verbatim = true
        while i < n {
            let c = bytes[i]
            if c == quote {
                return .success((String(decoding: out, as: UTF8.self), i + 1, verbatim ? start + 1 : nil))
            }
            if c == 0x0A || c == 0x0D {
                break
            }
            if c == UInt8(ascii: "\\") && !raw {
                verbatim = false
                guard i + 1 < n else { break }
                let e = bytes[i + 1]
                switch e {
                case UInt8(ascii: "\\"): out.append(0x5C); i += 2
                case UInt8(ascii: "'"): out.append(0x27); i += 2
                case UInt8(ascii: "\""): out.append(0x22); i += 2
                case UInt8(ascii: "n"): out.append(0x0A); i += 2
                case UInt8(ascii: "r"): out.append(0x0D); i += 2
                case UInt8(ascii: "t"): out.append(0x09); i += 2
                case UInt8(ascii: "u"):
                    // \uXXXX or \u{X...}
                    var j = i + 2
                    var value: UInt32 = 0
                    var count = 0
                    if j < n && bytes[j] == UInt8(ascii: "{") {
                        j += 1
                        while j < n, let h = hexValue(bytes[j]), count < 6 { value = value * 16 + h; count += 1; j += 1 }
                        guard count > 0, j < n, bytes[j] == UInt8(ascii: "}") else {
                            return .failure(badEscape(ByteRange(i, min(j + 1, n)), SyntaxMessage.unicodeBraces()))
                        }
                        j += 1
                    } else {
                        while j < n, count < 4, let h = hexValue(bytes[j]) { value = value * 16 + h; count += 1; j += 1 }
                        guard count == 4 else {
                            return .failure(badEscape(ByteRange(i, j), SyntaxMessage.unicodeFourDigits()))
                        }
                    }
                    guard let scalar = Unicode.Scalar(value) else {
                        return .failure(badEscape(ByteRange(i, j), SyntaxMessage.notAScalar(["hex": String(value, radix: 16, uppercase: true)])))
                    }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    i = j
                default:
                    let (_, w) = decodeScalar(bytes, at: i + 1)
                    return .failure(badEscape(ByteRange(i, i + 1 + w), SyntaxMessage.unknownEscape(["escape": String(decoding: bytes[(i + 1)..<(i + 1 + w)], as: UTF8.self)])))
                }
                continue
            }
            out.append(c)
            i += 1
        }
        let q = quote == 0x27 ? "'" : "\""
        return .failure(ExpressionProblem(
            code: .syntax, message: SyntaxMessage.unterminatedString(), range: ByteRange(start, min(i, n)),
            label: SyntaxMessage.noClosingQuote(["quote": q]), help: SyntaxMessage.closeOnTheSameLine(["quote": q])))
    }

    static func badEscape(_ range: ByteRange, _ message: String) -> ExpressionProblem {
        ExpressionProblem(
            code: .invalidLiteral, message: message, range: range, label: SyntaxMessage.badEscape(),
            help: SyntaxMessage.escapesHelp())
    }

    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: UInt32(c - 0x30)
        case 0x41...0x46: UInt32(c - 0x41 + 10)
        case 0x61...0x66: UInt32(c - 0x61 + 10)
        default: nil
        }
    }

    /// The Unicode scalar at `i` and its UTF-8 width (1 for invalid bytes).
    static func decodeScalar(_ bytes: [UInt8], at i: Int) -> (UInt32, Int) {
        let c = bytes[i]
        var width = 1
        if c >= 0xF0 { width = 4 } else if c >= 0xE0 { width = 3 } else if c >= 0xC0 { width = 2 }
        guard i + width <= bytes.count else { return (UInt32(c), 1) }
        var it = bytes[i..<(i + width)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&it) { return (s.value, width) }
        return (UInt32(c), 1)
    }

    /// Look-alikes people type in Japanese input mode, and what they meant.
    static let lookalikes: [UInt32: String] = [
        0xFF08: "(", 0xFF09: ")", 0xFF3B: "[", 0xFF3D: "]", 0xFF5B: "{", 0xFF5D: "}",
        0xFF0E: ".", 0xFF0C: ",", 0x3001: ",", 0xFF1A: ":", 0xFF1F: "?", 0xFF01: "!",
        0xFF0D: "-", 0x2212: "-", 0xFF0B: "+", 0xFF0A: "*", 0x00D7: "*", 0xFF0F: "/", 0x00F7: "/",
        0xFF05: "%", 0xFF1C: "<", 0xFF1E: ">", 0xFF1D: "==", 0x2260: "!=", 0x2264: "<=", 0x2266: "<=",
        0x2265: ">=", 0x2267: ">=", 0xFF06: "&&", 0xFF5C: "||", 0xFF5E: "~=",
        0x2018: "'", 0x2019: "'", 0x201C: "\"", 0x201D: "\"", 0xFF07: "'", 0xFF02: "\"",
    ]

    static func unexpectedCharacter(_ scalar: UInt32, range: ByteRange) -> ExpressionProblem {
        let hex = "U+" + String(String(scalar, radix: 16, uppercase: true).leftPadded(to: 4))
        let shown = Unicode.Scalar(scalar).map { String(Character($0)) } ?? "?"
        if let meant = lookalikes[scalar] {
            return ExpressionProblem(
                code: .syntax, message: SyntaxMessage.unexpectedCharacterCode(["character": shown, "hex": hex]), range: range,
                label: SyntaxMessage.notAnOperatorLabel(), help: SyntaxMessage.lookalikeHelp(["meant": meant, "character": shown]))
        }
        if scalar >= 0x30 && scalar < 0x7F {
            return ExpressionProblem(code: .syntax, message: SyntaxMessage.unexpectedCharacter(["character": shown]), range: range,
                                     label: SyntaxMessage.notPartOfAnyToken())
        }
        if let s = Unicode.Scalar(scalar), s.properties.isAlphabetic || (scalar >= 0xFF10 && scalar <= 0xFF19) {
            return ExpressionProblem(
                code: .syntax, message: SyntaxMessage.unexpectedCharacterCode(["character": shown, "hex": hex]), range: range,
                label: SyntaxMessage.namesAreASCII(), help: SyntaxMessage.japaneseKeyHelp(["character": shown]))
        }
        return ExpressionProblem(
            code: .syntax, message: SyntaxMessage.unexpectedCharacterCode(["character": shown, "hex": hex]), range: range,
            label: SyntaxMessage.notPartOfAnyToken(), help: SyntaxMessage.quoteSymbolsHelp(["character": shown]))
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
