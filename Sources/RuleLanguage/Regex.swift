import SourceText

/// A compiled regular expression, matched by a Pike VM (Thompson NFA simulation): time is
/// O(text length × pattern size), whatever the pattern — `(a+)+$` cannot backtrack because
/// nothing backtracks. Memory is O(pattern size).
///
/// The subset (documented in Docs/rules-language.md): literals, `.`, classes `[a-z]`,
/// `[^…]`, `\d \w \s \D \W \S`, escapes, anchors `^ $` (whole text), groups `( )` and
/// `(?: )`, alternation `|`, quantifiers `* + ?` `{m}` `{m,}` `{m,n}` (lazy forms accepted:
/// they match the same strings). No backreferences or look-around: they need backtracking.
/// Matching works on Unicode scalars, so `.` is one character of Japanese text.
final class Pattern: Sendable {
    let source: String
    let program: [Instruction]
    let anchoredStart: Bool

    init(source: String, program: [Instruction], anchoredStart: Bool) {
        self.source = source
        self.program = program
        self.anchoredStart = anchoredStart
    }

    /// Largest compiled program accepted (instructions).
    static let maxProgramSize = 20_000
    /// Deepest group nesting accepted.
    static let maxNesting = 100

    struct Failure: Error, Sendable {
        let message: String
        /// UTF-8 range in the pattern.
        let range: ByteRange
        let label: String?
        let help: String?
    }

    enum Instruction: Sendable {
        case scalar(UInt32)
        case any
        case set(CharSet)
        case split(Int, Int)
        case jump(Int)
        case assertStart
        case assertEnd
        case match
    }

    struct CharSet: Sendable {
        var ranges: [ClosedRange<UInt32>]
        var negated: Bool

        func contains(_ c: UInt32) -> Bool {
            var hit = false
            for r in ranges where r.contains(c) { hit = true; break }
            return hit != negated
        }
    }

    static func compile(_ source: String, maxRepeat: Int) -> Result<Pattern, Failure> {
        var parser = RegexParser(bytes: Array(source.utf8), maxRepeat: maxRepeat)
        do {
            let node = try parser.parseAlternation(depth: 0)
            if parser.pos < parser.bytes.count {
                // Only a stray `)` stops the top level early.
                throw Failure(message: "unmatched `)`", range: ByteRange(parser.pos, parser.pos + 1), label: "no `(` opens this", help: "escape it as \\) to match a parenthesis")
            }
            var emitter = Emitter()
            do {
                try emitter.emit(node)
            } catch {
                throw emitter.tooLarge(source)
            }
            emitter.program.append(.match)
            if emitter.program.count > maxProgramSize { throw emitter.tooLarge(source) }
            return .success(Pattern(source: source, program: emitter.program, anchoredStart: node.startsAnchored))
        } catch let f as Failure {
            return .failure(f)
        } catch {
            return .failure(Failure(message: "\(error)", range: ByteRange(0, 0), label: nil, help: nil))
        }
    }

    /// Whether the pattern matches somewhere in `text`. Each thread step costs one unit of
    /// `budget`; returns nil when the budget runs out.
    func matches(_ text: String, budget: inout Int) -> Bool? {
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { scalars.append(s.value) }
        let n = program.count
        var current = ThreadList(capacity: n)
        var next = ThreadList(capacity: n)
        var stack: [Int] = []
        stack.reserveCapacity(n)
        var i = 0
        while true {
            // Start a new thread here (unanchored search), unless anchored and past 0.
            if !anchoredStart || i == 0 {
                if addThread(0, at: i, count: scalars.count, to: &current, stack: &stack, budget: &budget) { return true }
            }
            if budget < 0 { return nil }
            if current.count == 0 {
                if anchoredStart || i >= scalars.count { return false }
                current.clear()
                i += 1
                continue
            }
            if i >= scalars.count { return false }
            let c = scalars[i]
            next.clear()
            for k in 0..<current.count {
                let pc = current.dense[k]
                budget -= 1
                let advance: Bool
                switch program[pc] {
                case .scalar(let want): advance = c == want
                case .any: advance = c != 0x0A
                case .set(let s): advance = s.contains(c)
                default: advance = false
                }
                if advance {
                    if addThread(pc + 1, at: i + 1, count: scalars.count, to: &next, stack: &stack, budget: &budget) { return true }
                }
            }
            if budget < 0 { return nil }
            swap(&current, &next)
            i += 1
        }
    }

    /// Follows jumps, splits and assertions from `pc` at text position `at`, adding the
    /// consuming instructions reached. True when `match` is reached.
    private func addThread(_ start: Int, at: Int, count: Int, to list: inout ThreadList, stack: inout [Int], budget: inout Int) -> Bool {
        stack.removeAll(keepingCapacity: true)
        stack.append(start)
        while let pc = stack.popLast() {
            if list.visited(pc) { continue }
            list.mark(pc)
            budget -= 1
            switch program[pc] {
            case .match: return true
            case .jump(let t): stack.append(t)
            case .split(let a, let b):
                stack.append(b)
                stack.append(a)
            case .assertStart: if at == 0 { stack.append(pc + 1) }
            case .assertEnd: if at == count { stack.append(pc + 1) }
            case .scalar, .any, .set: list.add(pc)
            }
        }
        return false
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

/// Regex syntax tree.
indirect enum RegexNode {
    case empty
    case scalar(UInt32)
    case any
    case set(Pattern.CharSet)
    case start
    case end
    case concat([RegexNode])
    case alternation([RegexNode])
    case repeat_(RegexNode, min: Int, max: Int?)

    var startsAnchored: Bool {
        switch self {
        case .start: return true
        case .concat(let parts): return parts.first?.startsAnchored ?? false
        case .alternation(let alts): return !alts.isEmpty && alts.allSatisfy(\.startsAnchored)
        default: return false
        }
    }
}

struct RegexParser {
    let bytes: [UInt8]
    let maxRepeat: Int
    var pos = 0

    typealias Failure = Pattern.Failure

    func fail(_ message: String, _ start: Int, _ end: Int, label: String? = nil, help: String? = nil) -> Failure {
        Failure(message: message, range: ByteRange(start, min(end, bytes.count)), label: label, help: help)
    }

    mutating func parseAlternation(depth: Int) throws -> RegexNode {
        if depth > Pattern.maxNesting { throw fail("groups nest deeper than \(Pattern.maxNesting) levels", pos, pos + 1) }
        var alts: [RegexNode] = [try parseConcat(depth: depth)]
        while pos < bytes.count && bytes[pos] == UInt8(ascii: "|") {
            pos += 1
            alts.append(try parseConcat(depth: depth))
        }
        return alts.count == 1 ? alts[0] : .alternation(alts)
    }

    mutating func parseConcat(depth: Int) throws -> RegexNode {
        var parts: [RegexNode] = []
        while pos < bytes.count {
            let c = bytes[pos]
            if c == UInt8(ascii: "|") || c == UInt8(ascii: ")") { break }
            let atomStart = pos
            var atom = try parseAtom(depth: depth)
            atom = try parseQuantifiers(atom, atomStart: atomStart)
            parts.append(atom)
        }
        if parts.isEmpty { return .empty }
        return parts.count == 1 ? parts[0] : .concat(parts)
    }

    mutating func parseQuantifiers(_ atom: RegexNode, atomStart: Int) throws -> RegexNode {
        var node = atom
        var quantified = false
        while pos < bytes.count {
            let c = bytes[pos]
            let qStart = pos
            var minCount = 0
            var maxCount: Int?
            if c == UInt8(ascii: "*") { pos += 1; minCount = 0; maxCount = nil } else if c == UInt8(ascii: "+") { pos += 1; minCount = 1; maxCount = nil } else if c == UInt8(ascii: "?") {
                pos += 1; minCount = 0; maxCount = 1
            } else if c == UInt8(ascii: "{"), let (m, n, end) = braceQuantifier(at: pos) {
                pos = end
                minCount = m
                maxCount = n
                if m > maxRepeat || (n ?? 0) > maxRepeat {
                    throw fail("repetition count over the limit of \(maxRepeat)", qStart, end, label: "too many repetitions")
                }
                if let n, n < m { throw fail("in {\(m),\(n)} the maximum is below the minimum", qStart, end) }
            } else {
                break
            }
            if case .start = atom { throw fail("nothing to repeat before this quantifier", qStart, qStart + 1, label: "after `^`") }
            if case .end = atom { throw fail("nothing to repeat before this quantifier", qStart, qStart + 1, label: "after `$`") }
            if quantified {
                // `a**` or `a+?`: a lazy marker `?` directly after a quantifier is accepted.
                if c == UInt8(ascii: "?") && pos == qStart + 1 { continue }
                throw fail("a quantifier cannot follow another quantifier", qStart, pos, label: "repeated quantifier", help: "group first: (a+)*")
            }
            quantified = true
            node = .repeat_(node, min: minCount, max: maxCount)
        }
        return node
    }

    /// `{m}`, `{m,}`, `{m,n}` at `i`; nil when it is not a quantifier (then `{` is literal
    /// — no: we reject it, see parseAtom).
    func braceQuantifier(at i: Int) -> (Int, Int?, Int)? {
        var j = i + 1
        func number() -> Int? {
            var v = 0
            var digits = 0
            while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39 {
                v = min(v * 10 + Int(bytes[j] - 0x30), 1_000_000)
                digits += 1
                j += 1
            }
            return digits > 0 ? v : nil
        }
        guard let m = number() else { return nil }
        if j < bytes.count && bytes[j] == UInt8(ascii: "}") { return (m, m, j + 1) }
        guard j < bytes.count && bytes[j] == UInt8(ascii: ",") else { return nil }
        j += 1
        let n = number()
        guard j < bytes.count && bytes[j] == UInt8(ascii: "}") else { return nil }
        return (m, n, j + 1)
    }

    mutating func parseAtom(depth: Int) throws -> RegexNode {
        let start = pos
        let c = bytes[pos]
        switch c {
        case UInt8(ascii: "("):
            pos += 1
            if pos < bytes.count && bytes[pos] == UInt8(ascii: "?") {
                if pos + 1 < bytes.count && bytes[pos + 1] == UInt8(ascii: ":") {
                    pos += 2
                } else {
                    throw fail("this group syntax is not supported", start, pos + 2, label: "only ( ) and (?: ) groups",
                               help: "look-around and named groups need backtracking, which planlint's linear-time matcher does not do")
                }
            }
            let inner = try parseAlternation(depth: depth + 1)
            guard pos < bytes.count && bytes[pos] == UInt8(ascii: ")") else {
                throw fail("unclosed group", start, start + 1, label: "this `(` is never closed", help: "add `)`")
            }
            pos += 1
            return inner
        case UInt8(ascii: "["):
            return .set(try parseClass())
        case UInt8(ascii: "."):
            pos += 1
            return .any
        case UInt8(ascii: "^"):
            pos += 1
            return .start
        case UInt8(ascii: "$"):
            pos += 1
            return .end
        case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"):
            throw fail("nothing to repeat before `\(Character(Unicode.Scalar(c)))`", start, start + 1, label: "quantifier without an atom",
                       help: "escape it as \\\(Character(Unicode.Scalar(c))) to match it literally")
        case UInt8(ascii: "{"):
            if braceQuantifier(at: pos) != nil {
                throw fail("nothing to repeat before this `{…}`", start, start + 1, label: "quantifier without an atom")
            }
            throw fail("`{` must be escaped", start, start + 1, label: "a literal brace", help: "write \\{ to match a brace")
        case UInt8(ascii: "}"):
            throw fail("`}` must be escaped", start, start + 1, help: "write \\} to match a brace")
        case UInt8(ascii: "]"):
            throw fail("`]` without `[`", start, start + 1, help: "write \\] to match a bracket")
        case UInt8(ascii: "\\"):
            return try parseEscape(inClass: false).node
        default:
            let (scalar, width) = Lexer.decodeScalar(bytes, at: pos)
            pos += width
            return .scalar(scalar)
        }
    }

    /// After `\`: returns a node (outside classes) or ranges (inside).
    mutating func parseEscape(inClass: Bool) throws -> (node: RegexNode, ranges: [ClosedRange<UInt32>], negated: Bool) {
        let start = pos
        pos += 1
        guard pos < bytes.count else { throw fail("pattern ends with `\\`", start, start + 1, help: "write \\\\ to match a backslash") }
        let c = bytes[pos]
        pos += 1
        func single(_ v: UInt32) -> (RegexNode, [ClosedRange<UInt32>], Bool) { (.scalar(v), [v...v], false) }
        switch c {
        case UInt8(ascii: "d"): return (.set(CharClasses.digit), CharClasses.digit.ranges, false)
        case UInt8(ascii: "D"): return (.set(Pattern.CharSet(ranges: CharClasses.digit.ranges, negated: true)), CharClasses.digit.ranges, true)
        case UInt8(ascii: "w"): return (.set(CharClasses.word), CharClasses.word.ranges, false)
        case UInt8(ascii: "W"): return (.set(Pattern.CharSet(ranges: CharClasses.word.ranges, negated: true)), CharClasses.word.ranges, true)
        case UInt8(ascii: "s"): return (.set(CharClasses.space), CharClasses.space.ranges, false)
        case UInt8(ascii: "S"): return (.set(Pattern.CharSet(ranges: CharClasses.space.ranges, negated: true)), CharClasses.space.ranges, true)
        case UInt8(ascii: "n"): return single(0x0A)
        case UInt8(ascii: "t"): return single(0x09)
        case UInt8(ascii: "r"): return single(0x0D)
        case UInt8(ascii: "u"):
            var v: UInt32 = 0
            var count = 0
            while count < 4, pos < bytes.count, let h = Lexer.hexValue(bytes[pos]) { v = v * 16 + h; count += 1; pos += 1 }
            guard count == 4 else { throw fail("`\\u` needs 4 hex digits", start, pos) }
            return single(v)
        default:
            if c < 0x80 && !(Lexer.isIdentContinue(c)) {
                return single(UInt32(c))
            }
            if c >= 0x80 {
                pos -= 1
                let (scalar, width) = Lexer.decodeScalar(bytes, at: pos)
                pos += width
                return single(scalar)
            }
            let b = Character(Unicode.Scalar(c))
            if c >= 0x31 && c <= 0x39 {
                throw fail("backreferences like `\\\(b)` are not supported", start, pos, label: "backreference",
                           help: "they need backtracking, which planlint's linear-time matcher does not do")
            }
            throw fail("unknown escape `\\\(b)`", start, pos, label: "unknown escape", help: "escapes are \\d \\w \\s \\D \\W \\S \\n \\t \\r \\uXXXX and \\ before a symbol")
        }
    }

    mutating func parseClass() throws -> Pattern.CharSet {
        let start = pos
        pos += 1
        var negated = false
        if pos < bytes.count && bytes[pos] == UInt8(ascii: "^") { negated = true; pos += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard pos < bytes.count else {
                throw fail("unclosed character class", start, start + 1, label: "this `[` is never closed", help: "add `]`")
            }
            let c = bytes[pos]
            if c == UInt8(ascii: "]") && !first { pos += 1; break }
            first = false
            let itemStart = pos
            var low: UInt32
            if c == UInt8(ascii: "\\") {
                let e = try parseEscape(inClass: true)
                if e.negated || e.ranges.count != 1 || e.ranges[0].count != 1 {
                    if e.negated {
                        // \D \W \S inside a class: add the complement.
                        ranges += CharClasses.complement(e.ranges)
                    } else {
                        ranges += e.ranges
                    }
                    continue
                }
                low = e.ranges[0].lowerBound
            } else {
                let (scalar, width) = Lexer.decodeScalar(bytes, at: pos)
                pos += width
                low = scalar
            }
            if pos + 1 < bytes.count && bytes[pos] == UInt8(ascii: "-") && bytes[pos + 1] != UInt8(ascii: "]") {
                pos += 1
                var high: UInt32
                if bytes[pos] == UInt8(ascii: "\\") {
                    let e = try parseEscape(inClass: true)
                    guard !e.negated, e.ranges.count == 1, e.ranges[0].count == 1 else {
                        throw fail("a class range cannot end with a class escape", itemStart, pos)
                    }
                    high = e.ranges[0].lowerBound
                } else {
                    let (scalar, width) = Lexer.decodeScalar(bytes, at: pos)
                    pos += width
                    high = scalar
                }
                if high < low { throw fail("range out of order", itemStart, pos, label: "the end is before the start") }
                ranges.append(low...high)
            } else {
                ranges.append(low...low)
            }
        }
        return Pattern.CharSet(ranges: ranges, negated: negated)
    }
}

enum CharClasses {
    static let digit = Pattern.CharSet(ranges: [0x30...0x39], negated: false)
    static let word = Pattern.CharSet(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A], negated: false)
    /// ASCII whitespace, NEL, NBSP and the Unicode spaces including the ideographic space U+3000.
    static let space = Pattern.CharSet(ranges: [0x09...0x0D, 0x20...0x20, 0x85...0x85, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000], negated: false)

    static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var out: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for r in sorted {
            if r.lowerBound > next { out.append(next...(r.lowerBound - 1)) }
            next = max(next, r.upperBound + 1)
        }
        if next <= 0x10FFFF { out.append(next...0x10FFFF) }
        return out
    }
}

struct Emitter {
    var program: [Pattern.Instruction] = []

    func tooLarge(_ source: String) -> Pattern.Failure {
        Pattern.Failure(message: "the pattern expands to more than \(Pattern.maxProgramSize) instructions", range: ByteRange(0, source.utf8.count),
                        label: "too large", help: "use smaller repetition counts")
    }

    mutating func emit(_ node: RegexNode) throws {
        if program.count > Pattern.maxProgramSize { throw tooLarge("") }
        switch node {
        case .empty: break
        case .scalar(let c): program.append(.scalar(c))
        case .any: program.append(.any)
        case .set(let s): program.append(.set(s))
        case .start: program.append(.assertStart)
        case .end: program.append(.assertEnd)
        case .concat(let parts): for p in parts { try emit(p) }
        case .alternation(let alts):
            // split L1, next; L1: alt0; jump end; next: split L2, ...
            var jumps: [Int] = []
            for (i, alt) in alts.enumerated() {
                if i < alts.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, -1))
                    try emit(alt)
                    jumps.append(program.count)
                    program.append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emit(alt)
                }
            }
            for j in jumps { program[j] = .jump(program.count) }
        case .repeat_(let inner, let minCount, let maxCount):
            for _ in 0..<minCount {
                try emit(inner)
                if program.count > Pattern.maxProgramSize { throw tooLarge("") }
            }
            if let maxCount {
                // Optional copies: split over each.
                var splits: [Int] = []
                for _ in minCount..<maxCount {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    try emit(inner)
                    if program.count > Pattern.maxProgramSize { throw tooLarge("") }
                }
                for s in splits { program[s] = .split(s + 1, program.count) }
            } else {
                // loop: split body, out; body; jump loop
                let loop = program.count
                program.append(.split(loop + 1, -1))
                try emit(inner)
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
    }
}
