import SourceText
import Testing
@testable import RuleLanguage

@Suite struct ParserTests {
    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 * 2 + 3", "(+ (* 1 2) 3)"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("8 / 4 / 2", "(/ (/ 8 4) 2)"),
        ("7 % 3 * 2", "(* (% 7 3) 2)"),
        ("a || b && c", "(|| a (&& b c))"),
        ("a && b || c", "(|| (&& a b) c)"),
        ("!a && b", "(&& (! a) b)"),
        ("!!a", "(! (! a))"),
        ("-a * b", "(* (- a) b)"),
        ("-3", "-3"),
        ("- 3", "(- 3)"),
        ("a + b == c", "(== (+ a b) c)"),
        ("a == b && c != d", "(&& (== a b) (!= c d))"),
        ("a < b || c >= d", "(|| (< a b) (>= c d))"),
        ("x ~= y", "(~= x y)"),
        ("x ≈ y", "(~= x y)"),
        ("x in [1, 2]", "(in x [1 2])"),
        ("x in l && y", "(&& (in x l) y)"),
        ("a ? b : c", "(?: a b c)"),
        ("a ? b : c ? d : e", "(?: a b (?: c d e))"),
        ("a || b ? c : d", "(?: (|| a b) c d)"),
        ("a.b.c", "(. (. a b) c)"),
        ("a['◎'].b", "(. ([] a '◎') b)"),
        ("a[0][1]", "([] ([] a 0) 1)"),
        ("-a.b", "(- (. a b))"),
        ("!a.b(c)", "(! (.b a c))"),
        ("f(x, y)", "(f x y)"),
        ("f()", "(f)"),
        ("f(x,)", "(f x)"),
        ("l.all(x, x > 0)", "(.all l x (> x 0))"),
        ("s.startsWith('※')", "(.startsWith s '※')"),
        ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
        ("{'a': 1, 'b': [true, null]}", "{'a': 1, 'b': [true null]}"),
        ("[]", "[]"),
        ("{}", "{}"),
        ("90.6", "90.6"),
        ("100.0", "100.0"),
        ("1e3", "1000"),
        ("'it\\'s'", "'it's'"),
        ("\"a\\u3000b\"", "'a\u{3000}b'"),
        ("r'\\d+'", "'\\d+'"),
        ("a\u{3000}&&\u{3000}b", "(&& a b)"),
        ("a +\n b", "(+ a b)"),
    ])
    func precedence(_ input: String, _ expected: String) {
        #expect(parseTree(input) == expected, "\(input)")
    }

    /// Every syntax error, with the exact text its range covers.
    @Test(arguments: [
        // (input, code, covered text, message fragment)
        ("", "expr-syntax", "", "empty"),
        ("1 +", "expr-syntax", "", "unexpected end of expression"),
        ("(1 + 2", "expr-syntax", "(", "never closed"),
        ("[1, 2", "expr-syntax", "[", "never closed"),
        ("{'a': 1", "expr-syntax", "{", "never closed"),
        ("f(1, 2", "expr-syntax", "(", "never closed"),
        ("(1 2)", "expr-syntax", "2", "expected `)`"),
        ("a b", "expr-syntax", "b", "unexpected name `b`"),
        ("a = 1", "expr-syntax", "=", "`=` is not an operator"),
        ("a & b", "expr-syntax", "&", "`&` is not an operator"),
        ("a | b", "expr-syntax", "|", "`|` is not an operator"),
        ("a ~ b", "expr-syntax", "~", "`~` is not an operator"),
        ("a < b < c", "expr-syntax", "a < b <", "cannot be chained"),
        ("a == b == c", "expr-syntax", "a == b ==", "cannot be chained"),
        ("'abc", "expr-syntax", "'abc", "unterminated string"),
        ("\"ab\ncd\"", "expr-syntax", "\"ab", "unterminated string"),
        ("'a\\qb'", "invalid-literal", "\\q", "unknown escape"),
        ("'\\u12'", "invalid-literal", "\\u12", "4 hex digits"),
        ("'\\u{D800}'", "invalid-literal", "\\u{D800}", "not a Unicode scalar"),
        (".5", "expr-syntax", ".", "cannot start with `.`"),
        ("1.", "expr-syntax", "1.", "cannot end with `.`"),
        ("12abc", "expr-syntax", "12abc", "neither a number nor a name"),
        ("9999999999999999999999999999999999999999", "invalid-literal", "9999999999999999999999999999999999999999", "outside the exact range"),
        ("a.", "expr-syntax", "", "a field name after `.`"),
        ("a.in", "expr-syntax", "in", "reserved word"),
        ("a.'b'", "expr-syntax", "'b'", "cannot be quoted"),
        ("(a)(b)", "expr-syntax", "(a)(", "only a function name can be called"),
        ("a ? b", "expr-syntax", "", "`:`"),
        ("{'a' 1}", "expr-syntax", "1", "`:` after the map key"),
        ("a（b）", "expr-syntax", "（", "did you mean `(`"),
        ("a ＝＝ b", "expr-syntax", "＝", "U+FF1D"),
        ("self.合計", "expr-syntax", "合", "index with a string"),
        ("a # b", "expr-syntax", "#", "unexpected character `#`"),
        ("x and y", "expr-syntax", "and", "expected an operator"),
        (")", "expr-syntax", ")", "expected an expression"),
    ])
    func syntaxErrors(_ input: String, _ code: String, _ text: String, _ fragment: String) throws {
        let p = try #require(parseProblem(input), "\(input) should not parse")
        #expect(p.code.rawValue == code, "\(input): \(p)")
        #expect(covered(input, p.range) == text, "\(input): range \(p.range) covers '\(covered(input, p.range))'")
        #expect(p.message.contains(fragment) || (p.help ?? "").contains(fragment), "\(input): \(p.message) / \(p.help ?? "")")
    }

    /// The lexer looks a word up among the keywords only when its length and first letter
    /// could make one: every keyword is still one, and words like them are identifiers.
    @Test func keywordsAndWordsLikeThem() throws {
        func kinds(_ text: String) throws -> [Token.Kind] { try Lexer.tokenize(Array(text.utf8)).get().map(\.kind) }
        #expect(try kinds("true false null in") == [.keyword(.true), .keyword(.false), .keyword(.null), .keyword(.in), .end])
        for word in ["if", "it", "nil", "none", "nulls", "tru", "trues", "truth", "fals", "falsy", "i", "inn", "In", "TRUE", "Null", "t", "f_", "in_", "n1ll"] {
            #expect(try kinds(word) == [.identifier(word), .end], "\(word)")
        }
    }

    @Test func columnsAreUTF8ByteOffsets() throws {
        // '◎' is 3 bytes: the `=` after it is at byte 9.
        let p = try #require(parseProblem("a['◎'] = 1"))
        #expect(p.range == ByteRange(9, 10))
        let q = try #require(parseProblem("'情報' + "))
        #expect(q.range == ByteRange(11, 11))
    }

    @Test func helpForWordOperators() throws {
        let p = try #require(parseProblem("x and y"))
        #expect(p.help == "write `&&` for \"and\"")
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        for (open, close) in [("(", ")"), ("[", "]"), ("f(", ")"), ("!", ""), ("-", ""), ("a ? b : ", ""), ("{'k': ", "}")] {
            let depth = 100_000
            let text = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
            let p = try #require(parseProblem(text, limits: ExpressionLimits(maxLength: 10_000_000)), "\(open) nesting must fail")
            #expect(p.code == .tooDeep, "\(open): \(p)")
            #expect(p.range.start < 2_000, "the limit is reached early: \(p.range)")
        }
        // A long flat chain is built by a loop, but its height is bounded too.
        let chain = Array(repeating: "1", count: 5_000).joined(separator: " + ")
        #expect(parseProblem(chain, limits: ExpressionLimits(maxLength: 100_000))?.code == .tooDeep)
        let postfix = "a" + String(repeating: ".b", count: 5_000)
        #expect(parseProblem(postfix, limits: ExpressionLimits(maxLength: 100_000))?.code == .tooDeep)
        // Within the limit is fine.
        let ok = String(repeating: "(", count: 199) + "1" + String(repeating: ")", count: 199)
        #expect(parseTree(ok) == "1")
        let tooDeep = String(repeating: "(", count: 201) + "1" + String(repeating: ")", count: 201)
        #expect(parseProblem(tooDeep)?.code == .tooDeep)
    }

    /// Every node is one above its tallest child (the parser bounds the height, and the later
    /// passes recurse by it), for every kind of node, however its children are held.
    @Test(arguments: [
        "a ? [1, [2, [3]]] : b", "x.f(y.g(z.h(1)), 2)", "f(1, g(h(2)), 3)", "a[b[c[0]]][1]", "!-(a.b.c)",
        "{'k': [1, [2]], (k): {'j': 3}}", "{}", "[]", "f()", "a || b && c == d + e * -f", "(((a + [b])))", "l.all(x, x.y > [1][0])",
    ])
    func heightsAreOneAboveTheTallestChild(_ text: String) throws {
        func children(_ s: Syntax) -> [Syntax] {
            switch s.kind {
            case .null, .bool, .number, .string, .identifier: return []
            case .list(let items): return items
            case .map(let entries): return entries.flatMap { [$0.key, $0.value] }
            case .member(let t, _, _), .unary(_, let t): return [t]
            case .index(let a, let b), .binary(_, let a, let b, _): return [a, b]
            case .conditional(let c, let a, let b): return [c, a, b]
            case .call(_, _, let receiver, let args): return (receiver.map { [$0] } ?? []) + args
            }
        }
        func check(_ s: Syntax) -> Int {
            let expected = (children(s).map(check).max() ?? 0) + 1
            #expect(s.height == expected, "\(s.sexpr) in \(text)")
            return expected
        }
        guard case .success(let root) = Parser.parse(text, limits: .default) else { Issue.record("\(text) does not parse"); return }
        #expect(check(root) >= 1)
    }

    @Test func lengthLimit() throws {
        let text = String(repeating: "1 + ", count: 10) + "1"
        let p = try #require(parseProblem(text, limits: ExpressionLimits(maxLength: 20)))
        #expect(p.code == .tooLong)
        #expect(p.range == ByteRange(20, text.utf8.count))
    }

    @Test func nodeRanges() throws {
        guard case .success(let s) = Parser.parse("size(self.items) >= 2", limits: .default) else { Issue.record("parse"); return }
        #expect(s.range == ByteRange(0, 21))
        guard case .binary(_, let l, let r, let op) = s.kind else { Issue.record("shape"); return }
        #expect(l.range == ByteRange(0, 16))
        #expect(r.range == ByteRange(20, 21))
        #expect(op == ByteRange(17, 19))
        guard case .call(_, let nameRange, _, let args) = l.kind else { Issue.record("call"); return }
        #expect(nameRange == ByteRange(0, 4))
        #expect(args[0].range == ByteRange(5, 15))
    }
}
