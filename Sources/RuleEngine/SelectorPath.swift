import RuleLanguage
import SourceText
import YAMLTree

/// A `for` path: which nodes of a document a rule checks.
///
/// The one dialect (Docs/rules.md, "Paths"):
///
///     path    = "$" | first { step }
///     first   = name [ "?" ] | bracket
///     step    = "." name [ "?" ] | bracket
///     bracket = "[" ( quoted | integer | "*" ) [ capture ] "]" [ "?" ]
///             | "[?" expression [ capture ] "]"
///             | "[**" [ capture ] "]"                 (after a key step only)
///     capture = "as" identifier
///     name    = 1*( ASCII letter | digit | "_" | "-" | any non-ASCII character )
///
/// `$` alone is the document root. A key step selects the value under that key of each
/// mapping; `[n]` the n-th item of each sequence (`[-1]` the last); `[*]` every item of a
/// sequence or every value of a mapping; `[? expr]` the items or values for which `expr`
/// (with the candidate bound to `self`, its container to `parent`, its `key`/`index`) is
/// true. A trailing `?` marks a key as optional: its absence is not worth a warning.
/// `as name` at the end of a bracket binds the node that step selects to `name` in the rule's
/// expressions (`budgets.tables[* as table].total.years[*]`: each total cell, with its table).
/// `key[**]` descends recursively by one key: every item of `key` and, recursively, of each
/// selected item's own `key`, in document order (`nodes[**]`: a hierarchy of any depth).
package struct SelectorPath: Sendable {
    /// One step of a path, with its byte range in the path text.
    package struct Step: Sendable {
        package enum Kind: Sendable {
            case key(String)
            case index(Int)
            case wildcard
            /// A `[? …]` filter: the compiled condition and where its text starts in the path.
            case filter(CompiledExpression, offset: Int)
            /// `key[**]`: the items under `key`, and recursively the items under each one's
            /// own `key`, pre-order.
            case recursive(String)
        }
        package let kind: Kind
        /// Where the step is written in the path text.
        package let range: ByteRange
        /// Set by a trailing `?`: the key may be absent without a warning.
        package let isOptional: Bool
        /// `as name` inside the bracket: the node this step selects is bound to `name`.
        package var capture: String? = nil
        /// Where the capture's name is written in the path text.
        package var captureRange: ByteRange? = nil

        /// The key a key step or a recursive step reads.
        package var key: String? {
            switch kind {
            case .key(let name), .recursive(let name): name
            default: nil
            }
        }
    }

    /// The names bound with `as`, in step order, with the index of their step.
    package var captures: [(name: String, step: Int, range: ByteRange)] {
        steps.enumerated().compactMap { i, s in s.capture.map { ($0, i, s.captureRange ?? s.range) } }
    }

    /// The path as written.
    package let text: String
    /// Empty for `$` (the document root).
    package let steps: [Step]

    /// Whether any filter reads the `path` variable (then match paths are formatted for it).
    var filtersUsePath: Bool { filtersRead(Scope.pathSlot) }

    /// Whether the path has a `[? …]` filter (then matching evaluates expressions).
    var hasFilters: Bool {
        steps.contains { if case .filter = $0.kind { true } else { false } }
    }

    /// Whether any filter reads the rule variable in `slot`.
    func filtersRead(_ slot: Int) -> Bool {
        steps.contains {
            if case .filter(let e, _) = $0.kind { return e.usedSlots.contains(slot) }
            return false
        }
    }

    /// A problem in a path's text.
    package typealias Problem = TextProblem

    /// Parses `text`. Filter expressions are compiled with the rule variables in scope and
    /// must be boolean. Returns every problem found (it goes on after a bad filter).
    package static func parse(_ text: String, limits: ExpressionLimits = .default) -> Result<SelectorPath, TextProblems> {
        var parser = PathParser(text: text, limits: limits)
        return parser.parse()
    }
}

struct PathParser {
    let text: String
    let bytes: [UInt8]
    let limits: ExpressionLimits
    var i = 0
    var problems: [SelectorPath.Problem] = []
    var steps: [SelectorPath.Step] = []

    init(text: String, limits: ExpressionLimits) {
        self.text = text
        self.bytes = Array(text.utf8)
        self.limits = limits
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D || b >= 0x80
    }

    mutating func fail(_ message: String, _ range: ByteRange, label: String? = nil, help: String? = nil) {
        problems.append(.init(message: message, range: range, label: label, help: help))
    }

    mutating func parse() -> Result<SelectorPath, TextProblems> {
        var end = bytes.count
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        while end > i, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        if i == end {
            fail(PathMessage.empty(), ByteRange(0, bytes.count), help: PathMessage.emptyHelp())
            return .failure(TextProblems(problems))
        }
        if bytes[i] == UInt8(ascii: "$") {
            if i + 1 == end { return .success(SelectorPath(text: text, steps: [])) }
            let r = ByteRange(i, i + 1)
            fail(PathMessage.rootWithoutDollar(), r, label: PathMessage.dropThis(), help: PathMessage.rootHelp())
            return .failure(TextProblems(problems))
        }
        if bytes[i] == UInt8(ascii: ".") {
            fail(PathMessage.startsWithDot(), ByteRange(i, i + 1), label: PathMessage.dropThis(), help: PathMessage.startsWithDotHelp())
            return .failure(TextProblems(problems))
        }
        var first = true
        while i < end && problems.isEmpty {
            let start = i
            let b = bytes[i]
            if b == UInt8(ascii: "[") {
                bracket(end: end)
            } else if b == UInt8(ascii: ".") || first {
                if b == UInt8(ascii: ".") {
                    i += 1
                    if i < end, bytes[i] == UInt8(ascii: ".") {
                        fail(PathMessage.recursiveDescent(), ByteRange(start, i + 1), help: PathMessage.recursiveDescentHelp())
                        break
                    }
                    if i < end, bytes[i] == UInt8(ascii: "*") {
                        fail(PathMessage.dotStar(), ByteRange(start, i + 1), help: PathMessage.dotStarHelp())
                        break
                    }
                }
                let nameStart = i
                while i < end, PathParser.isNameByte(bytes[i]) { i += 1 }
                if i == nameStart {
                    let r = i < end ? ByteRange(i, i + Self.charLength(bytes, i)) : ByteRange(i, i)
                    fail(i < end ? PathMessage.expectedKeyFound(["text": text(r)]) : PathMessage.expectedKeyAfterDot(), r,
                         help: PathMessage.bracketKeyHelp())
                    break
                }
                let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
                var optional = false
                if i < end, bytes[i] == UInt8(ascii: "?") { optional = true; i += 1 }
                steps.append(.init(kind: .key(name), range: ByteRange(start, i), isOptional: optional))
            } else {
                let r = ByteRange(i, i + Self.charLength(bytes, i))
                fail(PathMessage.unexpected(["text": text(r)]), r, label: PathMessage.expectedStep(), help: PathMessage.bracketKeyHelp())
            }
            first = false
        }
        return problems.isEmpty ? .success(SelectorPath(text: text, steps: steps)) : .failure(TextProblems(problems))
    }

    func text(_ r: ByteRange) -> String { String(decoding: bytes[r.start..<min(r.end, bytes.count)], as: UTF8.self) }

    static func charLength(_ bytes: [UInt8], _ i: Int) -> Int {
        let b = bytes[i]
        let n = b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        return min(n, bytes.count - i)
    }

    mutating func skipSpaces(_ end: Int) {
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    mutating func bracket(end: Int) {
        let start = i
        i += 1
        skipSpaces(end)
        guard i < end else {
            fail(PathMessage.bracketNotClosed(), ByteRange(start, start + 1), label: PathMessage.openedHere())
            return
        }
        let b = bytes[i]
        if b == UInt8(ascii: "?") {
            filter(start: start, end: end)
            return
        }
        var kind: SelectorPath.Step.Kind
        var replacesKey: SelectorPath.Step?
        if b == UInt8(ascii: "*") && i + 1 < end && bytes[i + 1] == UInt8(ascii: "*") {
            // `key[**]`: recursion by the key of the step before.
            guard let last = steps.last, case .key(let name) = last.kind, last.capture == nil else {
                fail(PathMessage.recursiveAfterKey(), ByteRange(start, i + 2), help: PathMessage.recursiveAfterKeyHelp())
                return
            }
            i += 2
            kind = .recursive(name)
            replacesKey = last
        } else if b == UInt8(ascii: "*") {
            i += 1
            kind = .wildcard
        } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
            guard let key = quoted(end: end) else { return }
            kind = .key(key)
        } else if b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39) {
            let numStart = i
            if b == UInt8(ascii: "-") { i += 1 }
            let digitsStart = i
            while i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            let digits = text(ByteRange(numStart, i))
            guard i > digitsStart, let n = Int(digits) else {
                fail(PathMessage.notAnIndex(["text": digits]), ByteRange(numStart, max(i, numStart + 1)), help: PathMessage.indexHelp())
                return
            }
            kind = .index(n)
        } else {
            let r = ByteRange(i, i + Self.charLength(bytes, i))
            fail(PathMessage.expectedAfterBracket(["text": text(r)]), r, help: PathMessage.bracketHelp())
            return
        }
        skipSpaces(end)
        let capture = captureClause(end: end)
        if capture.failed { return }
        guard i < end, bytes[i] == UInt8(ascii: "]") else {
            if i < end {
                let r = ByteRange(i, i + Self.charLength(bytes, i))
                fail(PathMessage.expectedCloseFound(["text": text(r)]), r, label: PathMessage.expectedClose())
            } else {
                fail(PathMessage.bracketNotClosed(), ByteRange(start, start + 1), label: PathMessage.openedHere(), help: PathMessage.addBracket())
            }
            return
        }
        i += 1
        var optional = false
        if i < end, bytes[i] == UInt8(ascii: "?") {
            if case .key = kind { optional = true; i += 1 } else {
                fail(PathMessage.optionalKeyOnly(), ByteRange(i, i + 1))
                return
            }
        }
        if let key = replacesKey {
            steps.removeLast()
            steps.append(.init(kind: kind, range: ByteRange(key.range.start, i), isOptional: key.isOptional,
                               capture: capture.name, captureRange: capture.range))
            return
        }
        steps.append(.init(kind: kind, range: ByteRange(start, i), isOptional: optional,
                           capture: capture.name, captureRange: capture.range))
    }

    /// `as name` before a `]`, if written there. Moves past it.
    mutating func captureClause(end: Int) -> (name: String?, range: ByteRange?, failed: Bool) {
        guard i + 2 < end, bytes[i] == UInt8(ascii: "a"), bytes[i + 1] == UInt8(ascii: "s"),
              bytes[i + 2] == 0x20 || bytes[i + 2] == 0x09 || bytes[i + 2] == UInt8(ascii: "]") else { return (nil, nil, false) }
        i += 2
        skipSpaces(end)
        let nameStart = i
        while i < end, ExpressionScan.isIdentByte(bytes[i]) { i += 1 }
        let range = ByteRange(nameStart, i)
        let name = text(range)
        if let problem = Scope.nameProblem(name) {
            fail(name.isEmpty ? PathMessage.expectedNameAfterAs() : problem, name.isEmpty ? ByteRange(nameStart, min(nameStart + 1, end)) : range,
                 help: PathMessage.asHelp())
            return (nil, nil, true)
        }
        skipSpaces(end)
        return (name, range, false)
    }

    /// A quoted key; `\\`, `\'` and `\"` are the only escapes.
    mutating func quoted(end: Int) -> String? {
        let quote = bytes[i]
        let open = i
        i += 1
        var out: [UInt8] = []
        while i < end, bytes[i] != quote {
            if bytes[i] == UInt8(ascii: "\\") {
                guard i + 1 < end, [UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\"")].contains(bytes[i + 1]) else {
                    fail(PathMessage.unknownEscape(), ByteRange(i, min(i + 2, end)), help: PathMessage.escapesHelp())
                    return nil
                }
                out.append(bytes[i + 1])
                i += 2
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        guard i < end else {
            fail(PathMessage.quotedKeyNotClosed(), ByteRange(open, open + 1), label: PathMessage.openedHere())
            return nil
        }
        i += 1
        return String(decoding: out, as: UTF8.self)
    }

    /// The names written after `as` anywhere in the path (before or after the filter being
    /// compiled): only for the help of an `unknown name` error in a filter.
    static func boundNames(_ bytes: [UInt8]) -> [String] {
        var names: [String] = []
        var i = 0
        while i + 3 < bytes.count {
            let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
            if blank(bytes[i]), bytes[i + 1] == UInt8(ascii: "a"), bytes[i + 2] == UInt8(ascii: "s"), blank(bytes[i + 3]) {
                var j = i + 3
                while j < bytes.count, blank(bytes[j]) { j += 1 }
                let start = j
                while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
                if j > start { names.append(String(decoding: bytes[start..<j], as: UTF8.self)) }
                i = j
            } else {
                i += 1
            }
        }
        return names
    }

    /// `[? expression ]`: the expression runs to the `]` that closes the bracket, skipping
    /// brackets and strings inside it.
    mutating func filter(start: Int, end: Int) {
        i += 1  // past `?`
        let exprStart = i
        guard let close = ExpressionScan.closing(bytes, from: i, end: end, closer: UInt8(ascii: "]")) else {
            fail(PathMessage.filterNotClosed(), ByteRange(start, start + 2), label: PathMessage.openedHere(), help: PathMessage.endFilter())
            return
        }
        var exprEnd = close
        var capture: String?
        var captureRange: ByteRange?
        if let (name, range) = Self.trailingCapture(bytes, from: exprStart, to: close) {
            capture = name
            captureRange = range
            exprEnd = range.start
            // Back over `as` and the blanks around it.
            while exprEnd > exprStart, bytes[exprEnd - 1] == 0x20 || bytes[exprEnd - 1] == 0x09 { exprEnd -= 1 }
            exprEnd -= 2
            while exprEnd > exprStart, bytes[exprEnd - 1] == 0x20 || bytes[exprEnd - 1] == 0x09 { exprEnd -= 1 }
            if let problem = Scope.nameProblem(name) {
                fail(problem, range)
                i = close + 1
                return
            }
        }
        let exprText = text(ByteRange(exprStart, exprEnd))
        if exprText.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) {
            fail(PathMessage.emptyFilter(), ByteRange(start, close + 1), help: PathMessage.emptyFilterHelp())
            i = close + 1
            return
        }
        var scope = Scope()
        for name in Self.boundNames(bytes) {
            scope.hints[name] = PathMessage.boundByAs(["name": name])
        }
        let result = Expression.compile(exprText, scope: scope, expecting: .bool, limits: limits)
        if let compiled = result.expression {
            i = close + 1
            steps.append(.init(kind: .filter(compiled, offset: exprStart), range: ByteRange(start, i), isOptional: false,
                               capture: capture, captureRange: captureRange))
        } else {
            for p in result.problems {
                problems.append(TextProblem(p, offset: exprStart))
            }
            i = close + 1
        }
    }
}

extension PathParser {
    /// `… as name` at the end of a filter: an expression cannot end with `as` and a name
    /// (two operands in a row), so the clause is unambiguous.
    static func trailingCapture(_ bytes: [UInt8], from: Int, to: Int) -> (String, ByteRange)? {
        var e = to
        while e > from, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 || bytes[e - 1] == 0x0A { e -= 1 }
        var s = e
        while s > from, ExpressionScan.isIdentByte(bytes[s - 1]) { s -= 1 }
        guard s < e else { return nil }
        var k = s
        guard k > from, bytes[k - 1] == 0x20 || bytes[k - 1] == 0x09 || bytes[k - 1] == 0x0A else { return nil }
        while k > from, bytes[k - 1] == 0x20 || bytes[k - 1] == 0x09 || bytes[k - 1] == 0x0A { k -= 1 }
        guard k - 2 >= from, bytes[k - 2] == UInt8(ascii: "a"), bytes[k - 1] == UInt8(ascii: "s") else { return nil }
        if k - 3 >= from, ExpressionScan.isIdentByte(bytes[k - 3]) { return nil }  // `has x`, `alias x`
        guard k - 3 < from || bytes[k - 3] == 0x20 || bytes[k - 3] == 0x09 || bytes[k - 3] == 0x0A else { return nil }
        return (String(decoding: bytes[s..<e], as: UTF8.self), ByteRange(s, e))
    }
}

/// Scanning expression text embedded in other text (a path filter, a message template part)
/// for the bracket that ends it, without parsing it: strings and nested brackets are skipped.
enum ExpressionScan {
    /// The offset of the `closer` byte that ends an expression starting at `from`, outside
    /// strings and nested `()`, `[]`, `{}`; nil if there is none before `end`. A bracket that
    /// closes something never opened also ends the scan there (the compiler will report it).
    static func closing(_ bytes: [UInt8], from: Int, end: Int, closer: UInt8) -> Int? {
        var depth = 0
        var i = from
        while i < end {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                // A raw string r'..' / R".." has no escapes.
                let raw = i > from && (bytes[i - 1] == UInt8(ascii: "r") || bytes[i - 1] == UInt8(ascii: "R"))
                    && (i - 1 == from || !isIdentByte(bytes[i - 2]))
                i += 1
                while i < end, bytes[i] != b {
                    if !raw && bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                if i >= end { return nil }
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0 {
                    return b == closer ? i : nil
                }
                depth -= 1
            default:
                break
            }
            i += 1
        }
        return nil
    }

    static func isIdentByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }
}
