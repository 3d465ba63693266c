import ExactNumbers
import SourceText

/// Precedence climbing over the token list.
///
/// Precedence, lowest first: `?:` (right), `||`, `&&`, comparisons and `in` (not
/// chainable), `+ -`, `* / %`, unary `! -`, postfix `.name`, `.name(...)`, `[...]`, calls.
///
/// Depth is bounded twice: every nesting construct — `( [ {`, call arguments, unary
/// operators, `?:` branches — counts against `maxDepth` (so deep input cannot overflow the
/// stack: the recursion per level is bounded by a constant), and every node's height is
/// checked (so a long flat chain `1+1+…`, built by a loop, cannot make the later
/// recursive passes overflow).
struct Parser {
    let tokens: [Token]
    /// Each token's punctuation (nil: not punctuation), and the binary operator it is with its
    /// level: read for every token several times, without copying the token (and its text).
    let puncts: [Token.Punct?]
    let binaryOps: [(op: Syntax.BinaryOp, level: Int)?]
    let limits: ExpressionLimits
    var pos = 0
    var depth = 0

    init(tokens: [Token], limits: ExpressionLimits) {
        (self.tokens, self.limits) = (tokens, limits)
        puncts = tokens.map { if case .punct(let p) = $0.kind { p } else { nil } }
        binaryOps = tokens.map { Parser.binaryOp($0).map { (op: $0.0, level: $0.1) } }
    }

    static func parse(_ text: String, limits: ExpressionLimits) -> Result<Syntax, ExpressionProblem> {
        let bytes = Array(text.utf8)
        if bytes.count > limits.maxLength {
            return .failure(ExpressionProblem(
                code: .tooLong, message: SyntaxMessage.tooLong(["length": bytes.count, "limit": limits.maxLength]),
                range: ByteRange(limits.maxLength, bytes.count), label: SyntaxMessage.beyondTheLimit(),
                help: SyntaxMessage.splitIntoLets()))
        }
        let tokens: [Token]
        switch Lexer.tokenize(bytes) {
        case .success(let t): tokens = t
        case .failure(let p): return .failure(p)
        }
        var parser = Parser(tokens: tokens, limits: limits)
        do throws(ExpressionProblem) {
            if case .end = parser.peek.kind {
                throw ExpressionProblem(code: .syntax, message: SyntaxMessage.empty(), range: ByteRange(0, bytes.count),
                                        label: SyntaxMessage.expected(["expected": TokenPhrase.anExpression()]))
            }
            let root = try parser.parseExpression()
            if case .end = parser.peek.kind { return .success(root) }
            throw parser.unexpected(expecting: TokenPhrase.operatorOrEnd())
        } catch {
            return .failure(error)
        }
    }

    var peek: Token { tokens[pos] }

    mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    func isPunct(_ p: Token.Punct) -> Bool { puncts[pos] == p }

    mutating func eat(_ p: Token.Punct) -> Token? {
        if isPunct(p) { return advance() }
        return nil
    }

    mutating func enter() throws(ExpressionProblem) {
        depth += 1
        if depth > limits.maxDepth { throw tooDeep(peek.range) }
    }

    func tooDeep(_ range: ByteRange) -> ExpressionProblem {
        ExpressionProblem(
            code: .tooDeep, message: SyntaxMessage.tooDeep(["limit": limits.maxDepth]), range: range,
            label: SyntaxMessage.limitReachedHere(), help: SyntaxMessage.splitIntoLets())
    }

    /// A node one above its tallest child (`below`: that child's height, 0 for none).
    func node(_ kind: Syntax.Kind, _ range: ByteRange, below h: Int) throws(ExpressionProblem) -> Syntax {
        if h + 1 > limits.maxDepth { throw tooDeep(range) }
        return Syntax(kind, range, height: h + 1)
    }

    /// The height of the tallest of `nodes` (0 for none).
    static func tallest(_ nodes: [Syntax]) -> Int {
        var h = 0
        for c in nodes where c.height > h { h = c.height }
        return h
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .identifier(let n): TokenPhrase.name(["name": n])
        case .number(let d): TokenPhrase.number(["number": d])
        case .string: TokenPhrase.string()
        case .keyword(let k): TokenPhrase.written(["text": k.rawValue])
        case .punct(let p): TokenPhrase.written(["text": p.rawValue])
        case .end: TokenPhrase.end()
        }
    }

    func unexpected(expecting: String) -> ExpressionProblem {
        let t = peek
        if case .end = t.kind {
            return ExpressionProblem(code: .syntax, message: SyntaxMessage.unexpectedEnd(["expected": expecting]), range: t.range,
                                     label: SyntaxMessage.expected(["expected": expecting]))
        }
        var help: String?
        if case .identifier(let w) = t.kind {
            switch w {
            case "and": help = SyntaxMessage.writeOperatorFor(["operator": "&&", "word": "and"])
            case "or": help = SyntaxMessage.writeOperatorFor(["operator": "||", "word": "or"])
            case "not": help = SyntaxMessage.writeOperatorFor(["operator": "!", "word": "not"])
            case "is": help = SyntaxMessage.writeEqualEqual()
            default: break
            }
        }
        return ExpressionProblem(
            code: .syntax, message: SyntaxMessage.unexpectedToken(["token": describe(t), "expected": expecting]), range: t.range,
            label: SyntaxMessage.expected(["expected": expecting]), help: help)
    }

    // MARK: grammar

    mutating func parseExpression() throws(ExpressionProblem) -> Syntax {
        let cond = try parseBinary(minLevel: 0)
        guard eat(.question) != nil else { return cond }
        try enter()
        defer { depth -= 1 }
        let then = try parseExpression()
        guard eat(.colon) != nil else { throw unexpected(expecting: TokenPhrase.colonOfConditional()) }
        let otherwise = try parseExpression()
        return try node(.conditional(cond, then, otherwise), ByteRange(cond.range.start, otherwise.range.end), below: max(cond.height, then.height, otherwise.height))
    }

    /// Binary levels: 0 `||`, 1 `&&`, 2 comparisons, 3 `+ -`, 4 `* / %`.
    static func binaryOp(_ t: Token) -> (Syntax.BinaryOp, Int)? {
        switch t.kind {
        case .keyword(.in): return (.in, 2)
        case .punct(let p):
            switch p {
            case .or: return (.or, 0)
            case .and: return (.and, 1)
            case .equal: return (.equal, 2)
            case .notEqual: return (.notEqual, 2)
            case .less: return (.less, 2)
            case .lessEqual: return (.lessEqual, 2)
            case .greater: return (.greater, 2)
            case .greaterEqual: return (.greaterEqual, 2)
            case .approx: return (.approx, 2)
            case .plus: return (.add, 3)
            case .minus: return (.subtract, 3)
            case .star: return (.multiply, 4)
            case .slash: return (.divide, 4)
            case .percent: return (.remainder, 4)
            default: return nil
            }
        default: return nil
        }
    }

    /// Recursion here is bounded by the number of levels (5) per nesting level, so it is
    /// not counted; nesting constructs (brackets, unary operators, `?:`) are.
    mutating func parseBinary(minLevel: Int) throws(ExpressionProblem) -> Syntax {
        var left = try parseUnary()
        while let (op, level) = binaryOps[pos], level >= minLevel {
            let opToken = advance()
            let right = try parseBinary(minLevel: level + 1)
            if level == 2, let (_, nextLevel) = binaryOps[pos], nextLevel == 2 {
                let t = peek
                throw ExpressionProblem(
                    code: .syntax, message: SyntaxMessage.chainedComparison(), range: ByteRange(left.range.start, t.range.end),
                    label: SyntaxMessage.secondComparison(), help: SyntaxMessage.chainedComparisonHelp())
            }
            left = try node(.binary(op, left, right, opRange: opToken.range), ByteRange(left.range.start, right.range.end), below: max(left.height, right.height))
        }
        return left
    }

    mutating func parseUnary() throws(ExpressionProblem) -> Syntax {
        if let t = eat(.bang) {
            try enter()
            defer { depth -= 1 }
            let x = try parseUnary()
            return try node(.unary(.not, x), ByteRange(t.range.start, x.range.end), below: x.height)
        }
        if let t = eat(.minus) {
            try enter()
            defer { depth -= 1 }
            let x = try parseUnary()
            // Fold `-3` into a literal so that `-3` is one number with its written precision.
            if case .number(let d) = x.kind, x.range.start == t.range.end {
                return Syntax(.number(d.negated()), ByteRange(t.range.start, x.range.end), height: 1)
            }
            return try node(.unary(.negate, x), ByteRange(t.range.start, x.range.end), below: x.height)
        }
        return try parsePostfix()
    }

    mutating func parsePostfix() throws(ExpressionProblem) -> Syntax {
        var e = try parsePrimary()
        while true {
            if eat(.dot) != nil {
                let t = peek
                guard case .identifier(let name) = t.kind else {
                    if case .keyword(let k) = t.kind {
                        throw ExpressionProblem(
                            code: .syntax, message: SyntaxMessage.reservedAfterDot(["word": k.rawValue]), range: t.range,
                            label: SyntaxMessage.reservedWord(), help: SyntaxMessage.indexWithAString(["text": k.rawValue]))
                    }
                    if case .string(let s, _) = t.kind {
                        throw ExpressionProblem(
                            code: .syntax, message: SyntaxMessage.quotedField(), range: t.range,
                            label: SyntaxMessage.quoted(), help: SyntaxMessage.indexWithTheString(["text": s]))
                    }
                    throw unexpected(expecting: TokenPhrase.fieldNameAfterDot())
                }
                _ = advance()
                if let open = eat(.lparen) {
                    let (args, close) = try parseArguments(open: open)
                    e = try node(.call(name: name, nameRange: t.range, receiver: e, args: args), ByteRange(e.range.start, close.range.end), below: max(e.height, Parser.tallest(args)))
                } else {
                    e = try node(.member(e, name: name, nameRange: t.range), ByteRange(e.range.start, t.range.end), below: e.height)
                }
            } else if let open = eat(.lbracket) {
                try enter()
                let index = try parseExpression()
                depth -= 1
                guard let close = eat(.rbracket) else { throw unclosed(open, "]") }
                e = try node(.index(e, index), ByteRange(e.range.start, close.range.end), below: max(e.height, index.height))
            } else if isPunct(.lparen) {
                // Only a name can be called.
                let t = peek
                throw ExpressionProblem(
                    code: .syntax, message: SyntaxMessage.onlyNamesCalled(), range: ByteRange(e.range.start, t.range.end),
                    label: SyntaxMessage.notAFunctionName())
            } else {
                return e
            }
        }
    }

    /// `open` is not closed by `closer` where the parser is (expecting `closer`, or a `,`
    /// before it when `orComma`).
    func unclosed(_ open: Token, _ closer: String, orComma: Bool = false) -> ExpressionProblem {
        var p = unexpected(expecting: orComma ? TokenPhrase.writtenOr(["first": ",", "second": closer]) : TokenPhrase.written(["text": closer]))
        p.notes.append(SyntaxMessage.toCloseTheOpening(["open": open.kind.punctText]))
        if case .end = peek.kind {
            p = ExpressionProblem(
                code: .syntax, message: SyntaxMessage.neverClosed(["open": open.kind.punctText]), range: open.range,
                label: SyntaxMessage.openedHere(), help: SyntaxMessage.addCloser(["closer": closer]))
        }
        return p
    }

    /// After `(`: arguments up to `)`; a trailing comma is allowed.
    mutating func parseArguments(open: Token) throws(ExpressionProblem) -> ([Syntax], Token) {
        try enter()
        defer { depth -= 1 }
        var args: [Syntax] = []
        while true {
            if let close = eat(.rparen) { return (args, close) }
            if case .end = peek.kind { throw unclosed(open, ")") }
            args.append(try parseExpression())
            if eat(.comma) != nil { continue }
            if let close = eat(.rparen) { return (args, close) }
            throw unclosed(open, ")", orComma: true)
        }
    }

    mutating func parsePrimary() throws(ExpressionProblem) -> Syntax {
        let t = peek
        switch t.kind {
        case .number(let d):
            _ = advance()
            return Syntax(.number(d), t.range, height: 1)
        case .string(let s, let v):
            _ = advance()
            return Syntax(.string(s, verbatimStart: v), t.range, height: 1)
        case .keyword(.true):
            _ = advance()
            return Syntax(.bool(true), t.range, height: 1)
        case .keyword(.false):
            _ = advance()
            return Syntax(.bool(false), t.range, height: 1)
        case .keyword(.null):
            _ = advance()
            return Syntax(.null, t.range, height: 1)
        case .identifier(let name):
            _ = advance()
            if let open = eat(.lparen) {
                let (args, close) = try parseArguments(open: open)
                return try node(.call(name: name, nameRange: t.range, receiver: nil, args: args), ByteRange(t.range.start, close.range.end), below: Parser.tallest(args))
            }
            return Syntax(.identifier(name), t.range, height: 1)
        case .punct(.lparen):
            _ = advance()
            try enter()
            let inner = try parseExpression()
            depth -= 1
            guard let close = eat(.rparen) else { throw unclosed(t, ")") }
            // The parentheses belong to the operand's range (for carets), not to the tree.
            return Syntax(inner.kind, ByteRange(t.range.start, close.range.end), height: inner.height)
        case .punct(.lbracket):
            _ = advance()
            try enter()
            defer { depth -= 1 }
            var items: [Syntax] = []
            while true {
                if let close = eat(.rbracket) {
                    return try node(.list(items), ByteRange(t.range.start, close.range.end), below: Parser.tallest(items))
                }
                if case .end = peek.kind { throw unclosed(t, "]") }
                items.append(try parseExpression())
                if eat(.comma) != nil { continue }
                if let close = eat(.rbracket) {
                    return try node(.list(items), ByteRange(t.range.start, close.range.end), below: Parser.tallest(items))
                }
                throw unclosed(t, "]", orComma: true)
            }
        case .punct(.lbrace):
            _ = advance()
            try enter()
            defer { depth -= 1 }
            var entries: [(key: Syntax, value: Syntax)] = []
            while true {
                if let close = eat(.rbrace) {
                    return try node(.map(entries), ByteRange(t.range.start, close.range.end), below: entries.reduce(0) { max($0, $1.key.height, $1.value.height) })
                }
                if case .end = peek.kind { throw unclosed(t, "}") }
                // A bare name before `:` is the key itself, as in YAML and JavaScript
                // (`{min: 80, below: 100}`); write a computed key in parentheses: `{(k): 1}`.
                let key: Syntax
                if case .identifier(let name) = peek.kind, pos + 1 < tokens.count, case .punct(.colon) = tokens[pos + 1].kind {
                    key = Syntax(.string(name, verbatimStart: nil), advance().range, height: 1)
                } else {
                    key = try parseExpression()
                }
                guard eat(.colon) != nil else { throw unexpected(expecting: TokenPhrase.colonAfterMapKey()) }
                let value = try parseExpression()
                entries.append((key, value))
                if eat(.comma) != nil { continue }
                if let close = eat(.rbrace) {
                    return try node(.map(entries), ByteRange(t.range.start, close.range.end), below: entries.reduce(0) { max($0, $1.key.height, $1.value.height) })
                }
                throw unclosed(t, "}", orComma: true)
            }
        default:
            throw unexpected(expecting: TokenPhrase.anExpression())
        }
    }
}

extension Token.Kind {
    var punctText: String {
        if case .punct(let p) = self { return p.rawValue }
        return "?"
    }
}
