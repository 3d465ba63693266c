import Diagnostics
/// A regular expression matched in linear time: planlint's one regex engine, for the rule
/// language's `matches` and for JSON Schema's `pattern` and `patternProperties`.
///
/// The syntax is ECMA-262's (with the `u` flag), restricted to what can be matched without
/// backtracking, and run as a Pike VM (Thompson NFA simulation) over Unicode scalars: the time
/// to test a string is O(pattern size × string length) whatever the input, so a hostile plan
/// or rule cannot make matching hang. Supported: literals and escapes (`\t \n \v \f \r \0
/// \cX \xHH \uHHHH \u{H…}`, and `\` before any ASCII symbol, which makes it literal), `.`,
/// classes `[…]` `[^…]` with ranges, `\d \D \w \W \s \S`, `\p{…}`/`\P{…}` for general
/// categories (`L`, `Lu`, `Letter`, `Nd`, …) and a few binary properties (`Alphabetic`,
/// `White_Space`, `Uppercase`, `Lowercase`, `ASCII`, `Any`, `Assigned`, `Emoji`), anchors `^ $`,
/// word boundaries `\b \B`, groups `(…)` `(?:…)` `(?<name>…)`, alternation, and the
/// quantifiers `* + ? {n} {n,} {n,m}` (greedy or lazy — for a yes/no match they are the same).
/// A `{` that starts no quantifier is literal. Not supported, and rejected with a position:
/// backreferences, lookahead and lookbehind, and `\p{Script=…}`.
///
/// Semantics: a pattern matches anywhere in the string unless anchored; `^` and `$` are the
/// start and end of the whole string; `.` matches any scalar but the line terminators (LF, CR,
/// U+2028, U+2029), as in ECMAScript; `\d` and `\w` are ASCII; `\s` is ECMAScript white space
/// (the ideographic space U+3000 included).
package struct LinearPattern: Sendable {
    /// The pattern as written.
    package let source: String
    let program: [RegexInstruction]
    let classes: [CharClass]
    /// True when the program can only match at the start (pattern begins with `^`).
    let anchoredAtStart: Bool
    /// The number of capturing groups: `(…)` and `(?<name>…)`, numbered from 1 by their `(`.
    package let captureCount: Int

    /// The largest program accepted (counted repetitions are expanded).
    package static let maxProgramSize = 20_000
    /// The deepest group nesting accepted.
    package static let maxNesting = 100

    /// Compiles `pattern`, or throws a `PatternError` naming the offending place.
    /// - Parameter maxRepeat: the largest count a `{n,m}` quantifier may give (nil: only the
    ///   program size limits it).
    package init(_ pattern: String, maxRepeat: Int? = nil) throws(PatternError) {
        var parser = RegexParser(pattern, maxRepeat: maxRepeat)
        let ast = try parser.parse()
        var compiler = RegexCompiler()
        do {
            try compiler.emit(ast)
        } catch {
            throw PatternError(kind: .tooComplex,
                               message: PatternMessage.tooLarge(["limit": LinearPattern.maxProgramSize]),
                               offset: 0, length: parser.s.count, label: PatternMessage.tooLargeLabel(), help: PatternMessage.smallerCounts())
        }
        compiler.program.append(.match)
        captureCount = parser.groupCount
        source = pattern
        program = compiler.program
        classes = compiler.classes
        if case .assert(.start) = program.first { anchoredAtStart = true } else { anchoredAtStart = false }
    }

    /// Whether the pattern matches somewhere in `text`.
    package func matches(_ text: String) -> Bool {
        var budget = Int.max
        return run(text, budget: &budget).matched ?? false
    }

    /// Whether the pattern matches somewhere in `text`, charging `budget` one unit for each
    /// instruction a thread visits and each input scalar a thread tests; nil when the budget
    /// runs out first.
    package func matches(_ text: String, budget: inout Int) -> Bool? {
        run(text, budget: &budget).matched
    }

    /// The answer and the instructions visited, which the Pike VM bounds by program size ×
    /// (input length + 1). Tests assert that bound.
    func run(_ text: String) -> (matched: Bool, steps: Int) {
        var budget = Int.max
        let r = run(text, budget: &budget)
        return (r.matched ?? false, r.steps)
    }

    func run(_ text: String, budget: inout Int) -> (matched: Bool?, steps: Int) {
        var input: [UInt32] = []
        input.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { input.append(s.value) }
        var vm = PikeVM(program: program, classes: classes)
        let matched = vm.search(input, anchored: anchoredAtStart, budget: &budget)
        return (matched, vm.steps)
    }

    /// Number of instructions in the compiled program.
    var programSize: Int { program.count }
}

/// Why a pattern was rejected: a message and where in the pattern (in Unicode scalars; see
/// `utf8Range(in:)` for bytes), with a short label for that place and a hint.
package struct PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// Not a valid pattern.
        case invalid
        /// Valid ECMA-262, but outside the linear-time subset planlint implements.
        case unsupported
        /// Too large once counted repetitions are expanded, or nested too deep.
        case tooComplex
    }
    package let kind: Kind
    package let message: String
    /// Offset of the problem in the pattern, in Unicode scalars.
    package let offset: Int
    /// Length of the offending text, in Unicode scalars (at least 1 where possible).
    package let length: Int
    /// A short label for the offending text (under carets).
    package let label: String?
    package let help: String?

    package init(kind: Kind, message: String, offset: Int, length: Int, label: String? = nil, help: String? = nil) {
        (self.kind, self.message, self.offset, self.length, self.label, self.help) = (kind, message, offset, length, label, help)
    }

    package var description: String { "\(message) (at \(offset))" }

    /// The offending text as a UTF-8 byte range of `pattern` (start, end).
    package func utf8Range(in pattern: String) -> (start: Int, end: Int) {
        var start = 0, end = 0, k = 0
        for s in pattern.unicodeScalars {
            if k < offset { start += s.utf8.count }
            if k < offset + length { end += s.utf8.count }
            k += 1
        }
        return (start, max(start, end))
    }
}

enum RegexAssertion: Sendable, Equatable {
    case start, end, wordBoundary, notWordBoundary

    /// Whether the assertion holds between `input[pos - 1]` and `input[pos]`.
    func holds(at pos: Int, in input: [UInt32]) -> Bool {
        switch self {
        case .start: return pos == 0
        case .end: return pos == input.count
        case .wordBoundary, .notWordBoundary:
            let prev: UInt32? = pos > 0 ? input[pos - 1] : nil
            let cur: UInt32? = pos < input.count ? input[pos] : nil
            return (CharClass.isWord(prev) != CharClass.isWord(cur)) == (self == .wordBoundary)
        }
    }
}

enum RegexInstruction: Sendable, Equatable {
    case char(UInt32)
    case charClass(Int)
    case any
    case split(Int, Int)
    case jump(Int)
    case assert(RegexAssertion)
    /// Records the position in capture slot n (2g: group g starts, 2g + 1: it ends).
    case save(Int)
    case match
}

indirect enum RegexNode: Sendable {
    case empty
    case char(UInt32)
    case charClass(CharClass)
    case any
    case concat([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?, lazy: Bool)
    case assertion(RegexAssertion)
    /// A capturing group, numbered from 1.
    case group(Int, RegexNode)
}

// MARK: - Parser

struct RegexParser {
    let s: [UInt32]
    let maxRepeat: Int?
    var i = 0
    var depth = 0
    /// Capturing groups opened so far.
    var groupCount = 0

    init(_ pattern: String, maxRepeat: Int?) {
        s = pattern.unicodeScalars.map(\.value)
        self.maxRepeat = maxRepeat
    }

    var atEnd: Bool { i >= s.count }
    func peek(_ k: Int = 0) -> UInt32? { i + k < s.count ? s[i + k] : nil }
    func isChar(_ c: UInt32?, _ ch: Character) -> Bool { c != nil && c! == ch.unicodeScalars.first!.value }

    func error(_ kind: PatternError.Kind, _ message: String, at: Int? = nil, length: Int = 1,
               label: String? = nil, help: String? = nil) -> PatternError {
        PatternError(kind: kind, message: message, offset: at ?? i, length: length, label: label, help: help)
    }

    mutating func parse() throws(PatternError) -> RegexNode {
        let node = try parseDisjunction()
        if !atEnd {
            // Only an unmatched `)` stops a top-level disjunction early.
            throw error(.invalid, PatternMessage.unmatchedParen(), label: PatternMessage.noOpeningParen(), help: PatternMessage.escapeParen())
        }
        return node
    }

    mutating func parseDisjunction() throws(PatternError) -> RegexNode {
        var alternatives = [try parseAlternative()]
        while isChar(peek(), "|") {
            i += 1
            alternatives.append(try parseAlternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    mutating func parseAlternative() throws(PatternError) -> RegexNode {
        var terms: [RegexNode] = []
        while let c = peek(), !isChar(c, "|"), !isChar(c, ")") {
            terms.append(try parseTerm())
        }
        if terms.isEmpty { return .empty }
        return terms.count == 1 ? terms[0] : .concat(terms)
    }

    mutating func parseTerm() throws(PatternError) -> RegexNode {
        let start = i
        let c = peek()!
        var atom: RegexNode
        var quantifiable = true
        switch Character(Unicode.Scalar(c)!) {
        case "^": i += 1; atom = .assertion(.start); quantifiable = false
        case "$": i += 1; atom = .assertion(.end); quantifiable = false
        case "\\" where isChar(peek(1), "b"): i += 2; atom = .assertion(.wordBoundary); quantifiable = false
        case "\\" where isChar(peek(1), "B"): i += 2; atom = .assertion(.notWordBoundary); quantifiable = false
        case "\\": atom = try parseAtomEscape()
        case "(": atom = try parseGroup()
        case ".": i += 1; atom = .any
        case "[": atom = .charClass(try parseClass())
        case "*", "+", "?":
            throw error(.invalid, PatternMessage.nothingToRepeat(["char": Character(Unicode.Scalar(c)!)]), label: PatternMessage.quantifierWithoutAtom(),
                        help: PatternMessage.escapeToMatch(["char": Character(Unicode.Scalar(c)!)]))
        case "{":
            if let _ = try scanQuantifierBraces(at: i) {
                throw error(.invalid, PatternMessage.nothingToRepeat(["char": "{"]), label: PatternMessage.quantifierWithoutAtom())
            }
            i += 1; atom = .char(c)
        default:
            i += 1; atom = .char(c)
        }
        guard let q = try parseQuantifier() else { return atom }
        if !quantifiable {
            throw error(.invalid, PatternMessage.assertionRepeated(), at: start, length: i - start,
                        label: PatternMessage.repeatedAssertion())
        }
        return .repetition(atom, min: q.min, max: q.max, lazy: q.lazy)
    }

    /// Parses `{n}`, `{n,}`, `{n,m}` at `pos` without consuming; nil if it is not one.
    func scanQuantifierBraces(at pos: Int) throws(PatternError) -> (min: Int, max: Int?, end: Int)? {
        var j = pos
        guard j < s.count, s[j] == 0x7B else { return nil }
        j += 1
        func number(_ j: inout Int) -> Int? {
            var v = 0, n = 0
            while j < s.count, s[j] >= 0x30, s[j] <= 0x39 {
                v = min(v * 10 + Int(s[j] - 0x30), 1_000_000_000)
                j += 1; n += 1
            }
            return n > 0 ? v : nil
        }
        guard let lo = number(&j) else { return nil }
        var hi: Int? = lo
        if j < s.count, s[j] == 0x2C {
            j += 1
            hi = number(&j)
        }
        guard j < s.count, s[j] == 0x7D else { return nil }
        if let hi, hi < lo {
            throw error(.invalid, PatternMessage.maxBelowMin(["lo": lo, "hi": hi]), at: pos, length: j + 1 - pos)
        }
        if let maxRepeat, max(lo, hi ?? lo) > maxRepeat {
            throw error(.tooComplex, PatternMessage.repetitionOverLimit(["limit": maxRepeat]), at: pos, length: j + 1 - pos,
                        label: PatternMessage.tooManyRepetitions())
        }
        return (lo, hi, j + 1)
    }

    mutating func parseQuantifier() throws(PatternError) -> (min: Int, max: Int?, lazy: Bool)? {
        guard let c = peek() else { return nil }
        var q: (min: Int, max: Int?)
        switch c {
        case 0x2A: q = (0, nil); i += 1
        case 0x2B: q = (1, nil); i += 1
        case 0x3F: q = (0, 1); i += 1
        case 0x7B:
            guard let b = try scanQuantifierBraces(at: i) else { return nil }
            q = (b.min, b.max)
            i = b.end
        default: return nil
        }
        // Lazy: the same yes/no answer, but the shortest text for captures.
        var lazy = false
        if isChar(peek(), "?") { i += 1; lazy = true }
        if let c = peek(), c == 0x2A || c == 0x2B || c == 0x3F || (c == 0x7B && (try? scanQuantifierBraces(at: i)) != nil) {
            throw error(.invalid, PatternMessage.quantifierAfterQuantifier(), label: PatternMessage.repeatedQuantifier(), help: PatternMessage.groupFirst())
        }
        return (q.min, q.max, lazy)
    }

    mutating func parseGroup() throws(PatternError) -> RegexNode {
        let start = i
        i += 1
        var capturing = true
        if isChar(peek(), "?") {
            if isChar(peek(1), ":") {
                capturing = false
                i += 2
            } else if isChar(peek(1), "=") || isChar(peek(1), "!") {
                let sign = isChar(peek(1), "=") ? "=" : "!"
                throw error(.unsupported, PatternMessage.lookahead(["sign": sign]),
                            at: start, length: 3, label: PatternMessage.lookAround(), help: PatternMessage.lookAroundNeedsBacktracking())
            } else if isChar(peek(1), "<") && (isChar(peek(2), "=") || isChar(peek(2), "!")) {
                throw error(.unsupported, PatternMessage.lookbehind(), at: start, length: 4,
                            label: PatternMessage.lookAround(), help: PatternMessage.lookAroundNeedsBacktracking())
            } else if isChar(peek(1), "<") {
                i += 2
                let nameStart = i
                while let c = peek(), !isChar(c, ">") {
                    guard let u = Unicode.Scalar(c), u.properties.isAlphabetic || u.properties.numericType != nil || c == 0x5F || c == 0x24 else {
                        throw error(.invalid, PatternMessage.invalidGroupNameCharacter())
                    }
                    i += 1
                }
                if atEnd || i == nameStart { throw error(.invalid, PatternMessage.emptyGroupName(), at: start, length: i - start) }
                i += 1
            } else {
                throw error(.invalid, PatternMessage.invalidGroup(), at: start, length: 2)
            }
        }
        depth += 1
        if depth > LinearPattern.maxNesting {
            throw error(.tooComplex, PatternMessage.nestTooDeep(["limit": LinearPattern.maxNesting]), at: start)
        }
        var number = 0
        if capturing {
            groupCount += 1
            number = groupCount
        }
        let inner = try parseDisjunction()
        depth -= 1
        guard isChar(peek(), ")") else {
            throw error(.invalid, PatternMessage.unclosedGroup(), at: start, label: PatternMessage.parenNeverClosed(), help: PatternMessage.addParen())
        }
        i += 1
        return capturing ? .group(number, inner) : inner
    }

    /// After `\` outside a class.
    mutating func parseAtomEscape() throws(PatternError) -> RegexNode {
        let start = i
        i += 1
        guard let c = peek() else { throw error(.invalid, PatternMessage.endsWithBackslash(), at: start, help: PatternMessage.writeDoubleBackslash()) }
        if let cls = try classEscape(c, start: start) { return .charClass(cls) }
        if c >= 0x31 && c <= 0x39 {
            throw error(.unsupported, PatternMessage.backreference(["digit": Character(Unicode.Scalar(c)!)]),
                        at: start, length: 2, label: PatternMessage.backreferenceLabel(), help: PatternMessage.backreferenceNeedsBacktracking())
        }
        if c == 0x6B {  // k
            throw error(.unsupported, PatternMessage.namedBackreference(), at: start, length: 2)
        }
        return .char(try characterEscape(c, start: start, inClass: false))
    }

    /// `\d \D \w \W \s \S \p{…} \P{…}` (consumed) or nil.
    mutating func classEscape(_ c: UInt32, start: Int) throws(PatternError) -> CharClass? {
        switch Character(Unicode.Scalar(c)!) {
        case "d": i += 1; return .digit
        case "D": i += 1; var x = CharClass.digit; x.negated = true; return x
        case "w": i += 1; return .word
        case "W": i += 1; var x = CharClass.word; x.negated = true; return x
        case "s": i += 1; return .space
        case "S": i += 1; var x = CharClass.space; x.negated = true; return x
        case "p", "P":
            let negate = c == 0x50
            i += 1
            guard isChar(peek(), "{") else { throw error(.invalid, PatternMessage.propertyNeedsBraces(["example": "\\p{L}"]), at: start, length: 2) }
            i += 1
            var name = ""
            while let c = peek(), !isChar(c, "}") {
                name.unicodeScalars.append(Unicode.Scalar(c)!)
                i += 1
            }
            guard !atEnd else { throw error(.invalid, PatternMessage.unterminatedProperty(), at: start, length: i - start) }
            i += 1
            guard let test = PropertyTest.named(name) else {
                let kind: PatternError.Kind = name.hasPrefix("Script") || name.hasPrefix("sc=") || name.hasPrefix("scx=") ? .unsupported : .invalid
                let what = kind == .unsupported
                    ? PatternMessage.scriptProperty(["name": name])
                    : PatternMessage.unknownProperty(["name": name])
                throw error(kind, what, at: start, length: i - start)
            }
            return CharClass(ranges: [], properties: [test], negated: negate)
        default:
            return nil
        }
    }

    /// A single-character escape after `\` (the escape letter is at `i`).
    mutating func characterEscape(_ c: UInt32, start: Int, inClass: Bool) throws(PatternError) -> UInt32 {
        i += 1
        switch Character(Unicode.Scalar(c)!) {
        case "t": return 0x09
        case "n": return 0x0A
        case "v": return 0x0B
        case "f": return 0x0C
        case "r": return 0x0D
        case "b" where inClass: return 0x08
        case "0":
            if let d = peek(), d >= 0x30, d <= 0x39 {
                throw error(.invalid, PatternMessage.octalEscape(), at: start, length: 3)
            }
            return 0
        case "c":
            guard let l = peek(), (l >= 0x41 && l <= 0x5A) || (l >= 0x61 && l <= 0x7A) else {
                throw error(.invalid, PatternMessage.controlNeedsLetter(), at: start, length: 2)
            }
            i += 1
            return l % 32
        case "x":
            guard let v = hexDigits(2) else { throw error(.invalid, PatternMessage.hexNeedsTwoDigits(), at: start, length: 2) }
            return v
        case "u":
            if isChar(peek(), "{") {
                i += 1
                var v: UInt32 = 0, n = 0
                while let d = peek(), let h = hexValue(d) {
                    v = v &* 16 &+ h; n += 1; i += 1
                    if v > 0x10FFFF { throw error(.invalid, PatternMessage.pastLastCodePoint(), at: start, length: i - start) }
                }
                guard n > 0, isChar(peek(), "}") else { throw error(.invalid, PatternMessage.unicodeBraces(), at: start, length: 3) }
                i += 1
                return v
            }
            guard let hi = hexDigits(4) else { throw error(.invalid, PatternMessage.unicodeNeedsFourDigits(), at: start, length: 2) }
            if hi >= 0xD800 && hi <= 0xDBFF, isChar(peek(), "\\"), isChar(peek(1), "u") {
                let save = i
                i += 2
                if let lo = hexDigits(4), lo >= 0xDC00, lo <= 0xDFFF {
                    return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                }
                i = save
            }
            return hi
        default:
            // `\` before an ASCII symbol (a syntax character among them) is that symbol.
            if (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E) { return c }
            throw error(.invalid, PatternMessage.unknownEscape(["char": Character(Unicode.Scalar(c)!)]), at: start, length: 2,
                        label: PatternMessage.unknownEscapeLabel(), help: PatternMessage.escapesAre())
        }
    }

    func hexValue(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }

    mutating func hexDigits(_ n: Int) -> UInt32? {
        var v: UInt32 = 0
        for k in 0..<n {
            guard let c = peek(k), let h = hexValue(c) else { return nil }
            v = v * 16 + h
        }
        i += n
        return v
    }

    mutating func parseClass() throws(PatternError) -> CharClass {
        let start = i
        i += 1
        var cls = CharClass()
        if isChar(peek(), "^") { cls.negated = true; i += 1 }
        while true {
            guard let c = peek() else {
                throw error(.invalid, PatternMessage.unclosedClass(), at: start, label: PatternMessage.bracketNeverClosed(), help: PatternMessage.addBracket())
            }
            if isChar(c, "]") { i += 1; break }
            let itemStart = i
            let first = try classAtom()
            if isChar(peek(), "-"), let next = peek(1), !isChar(next, "]") {
                i += 1
                let second = try classAtom()
                guard case .single(let lo) = first, case .single(let hi) = second else {
                    throw error(.invalid, PatternMessage.rangeAtClass(), at: itemStart, length: i - itemStart)
                }
                guard lo <= hi else {
                    throw error(.invalid, PatternMessage.rangeOutOfOrder(), at: itemStart, length: i - itemStart,
                                label: PatternMessage.endBeforeStart())
                }
                cls.add(lo...hi)
            } else {
                switch first {
                case .single(let v): cls.add(v...v)
                case .set(let set): cls.add(set)
                }
            }
        }
        cls.normalize()
        return cls
    }

    enum ClassAtom { case single(UInt32), set(CharClass) }

    mutating func classAtom() throws(PatternError) -> ClassAtom {
        let c = peek()!
        if c != 0x5C { i += 1; return .single(c) }
        let start = i
        i += 1
        guard let e = peek() else { throw error(.invalid, PatternMessage.endsWithBackslash(), at: start, help: PatternMessage.writeDoubleBackslash()) }
        if let set = try classEscape(e, start: start) { return .set(set) }
        if e >= 0x31 && e <= 0x39 {
            throw error(.invalid, PatternMessage.backreferenceInClass(), at: start, length: 2)
        }
        return .single(try characterEscape(e, start: start, inClass: true))
    }
}

// MARK: - Compiler

struct RegexCompiler {
    var program: [RegexInstruction] = []
    var classes: [CharClass] = []

    mutating func grow() throws(PatternError) {
        if program.count > LinearPattern.maxProgramSize {
            throw PatternError(kind: .tooComplex, message: PatternMessage.tooLargeLabel(), offset: 0, length: 0)
        }
    }

    mutating func emit(_ node: RegexNode) throws(PatternError) {
        try grow()
        switch node {
        case .empty: break
        case .char(let c): program.append(.char(c))
        case .any: program.append(.any)
        case .charClass(let c):
            classes.append(c)
            program.append(.charClass(classes.count - 1))
        case .assertion(let a): program.append(.assert(a))
        case .group(let n, let inner):
            program.append(.save(2 * n))
            try emit(inner)
            program.append(.save(2 * n + 1))
        case .concat(let parts):
            for p in parts { try emit(p) }
        case .alternation(let alts):
            var jumpsToEnd: [Int] = []
            for (k, alt) in alts.enumerated() {
                if k < alts.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, -1))
                    try emit(alt)
                    jumpsToEnd.append(program.count)
                    program.append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(alt)
                }
            }
            for j in jumpsToEnd { program[j] = .jump(program.count) }
        case .repetition(let inner, let minCount, let maxCount, let lazy):
            // A split prefers its first target: the repetition when greedy, the way out
            // when lazy (which only matters for what captures and `find` return).
            func split(_ again: Int, _ out: Int) -> RegexInstruction { lazy ? .split(out, again) : .split(again, out) }
            for _ in 0..<minCount { try emit(inner) }
            if let maxCount {
                var splits: [Int] = []
                for _ in minCount..<max(minCount, maxCount) {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    try emit(inner)
                }
                for s in splits { program[s] = split(s + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, -1))
                try emit(inner)
                program.append(.jump(loop))
                program[loop] = split(loop + 1, program.count)
            }
        }
    }
}

// MARK: - Pike VM

/// Simulates the program's NFA over the input, one scalar at a time: each step touches
/// every instruction at most once, so matching is linear in the input.
struct PikeVM {
    let program: [RegexInstruction]
    let classes: [CharClass]
    var stack: [Int] = []
    /// Instructions visited (each at most once per input position).
    var steps = 0

    init(program: [RegexInstruction], classes: [CharClass]) { (self.program, self.classes) = (program, classes) }

    /// Adds the thread at `pc` and everything reachable from it without consuming input to
    /// `list`; returns true if it reaches `match`.
    mutating func add(_ pc: Int, to list: inout ThreadList, at pos: Int, _ input: [UInt32], budget: inout Int) -> Bool {
        stack.removeAll(keepingCapacity: true)
        stack.append(pc)
        while let p = stack.popLast() {
            if list.visited(p) { continue }
            list.mark(p)
            steps += 1
            budget -= 1
            switch program[p] {
            case .jump(let t): stack.append(t)
            case .save: stack.append(p + 1)
            case .split(let a, let b): stack.append(b); stack.append(a)
            case .assert(let a):
                if a.holds(at: pos, in: input) { stack.append(p + 1) }
            case .match:
                return true
            case .char, .charClass, .any:
                list.add(p)
            }
        }
        return false
    }

    /// Whether the program matches somewhere in `input` (at 0 only when `anchored`); nil when
    /// `budget` runs out.
    mutating func search(_ input: [UInt32], anchored: Bool, budget: inout Int) -> Bool? {
        var current = ThreadList(capacity: program.count)
        var next = ThreadList(capacity: program.count)
        if add(0, to: &current, at: 0, input, budget: &budget) { return true }
        var pos = 0
        while pos < input.count {
            if budget < 0 { return nil }
            if current.count == 0 && anchored { return false }
            let c = input[pos]
            next.clear()
            for k in 0..<current.count {
                let pc = current.dense[k]
                budget -= 1
                let ok: Bool
                switch program[pc] {
                case .char(let x): ok = x == c
                case .charClass(let k): ok = classes[k].contains(c)
                case .any: ok = !(c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029)
                default: ok = false
                }
                if ok && add(pc + 1, to: &next, at: pos + 1, input, budget: &budget) { return true }
            }
            if !anchored && add(0, to: &next, at: pos + 1, input, budget: &budget) { return true }
            swap(&current, &next)
            pos += 1
        }
        return budget < 0 ? nil : false
    }
}

/// A set of program counters with O(1) insert, membership and clear (generation marks).
struct ThreadList {
    /// The consuming instructions reached at this position, in priority order.
    var dense: [Int]
    /// `generation[pc] == gen` when pc was visited at this position (stops epsilon loops).
    var generation: [Int]
    var gen = 1
    var count = 0

    init(capacity: Int) {
        dense = Array(repeating: 0, count: capacity)
        generation = Array(repeating: 0, count: capacity)
    }

    func visited(_ pc: Int) -> Bool { generation[pc] == gen }
    mutating func mark(_ pc: Int) { generation[pc] = gen }

    mutating func add(_ pc: Int) {
        dense[count] = pc
        count += 1
    }

    mutating func clear() {
        count = 0
        gen += 1
    }
}
