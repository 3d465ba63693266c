import SourceText
import Testing
@testable import RuleLanguage

@Suite struct RegexTests {
    func match(_ pattern: String, _ text: String) -> Bool? {
        guard case .success(let p) = Pattern.compile(pattern, maxRepeat: 1000) else { return nil }
        var budget = Int.max / 2
        return p.matches(text, budget: &budget)
    }

    @Test(arguments: [
        ("abc", "xabcx", true),
        ("^abc", "xabc", false),
        ("^abc$", "abc", true),
        ("abc$", "abcx", false),
        ("a.c", "a情c", true),
        ("a.c", "a\nc", false),
        ("^.{3}$", "情報課", true),
        ("[a-c]+", "xxbxx", true),
        ("^[a-c]+$", "abcd", false),
        ("^[^0-9]+$", "情報", true),
        ("^[^0-9]+$", "情報1", false),
        ("\\d{4}", "FY2015", true),
        ("^\\d+$", "２０１５", false),
        ("^[0-9０-９]+$", "２０１５", true),
        ("^\\w+$", "a_1", true),
        ("\\s", "a\u{3000}b", true),
        ("^\\S+$", "a b", false),
        ("^(平成|令和)", "令和元年", true),
        ("^(?:ab)+$", "ababab", true),
        ("^(?:ab)+$", "ababa", false),
        ("colou?r", "color", true),
        ("^a{2,3}$", "aaaa", false),
        ("^a{2,3}$", "aaa", true),
        ("^a{2,}$", "aaaaaaa", true),
        ("^a{2}$", "a", false),
        ("a*?b", "aab", true),
        ("^※", "※平成", true),
        ("\\.", "a.b", true),
        ("\\.", "ab", false),
        ("[.]", "a", false),
        ("[\\]]", "]", true),
        ("[-a]", "-", true),
        ("^$", "", true),
        ("", "anything", true),
        ("a|b|c", "zzc", true),
        ("^(a|ab)(c|bcd)$", "abcd", true),
        ("(a*)*b", "aaab", true),
        ("(a*)*$", "aaa!", true),
        ("\\u3000", "a\u{3000}", true),
    ])
    func matches(_ pattern: String, _ text: String, _ expected: Bool) {
        #expect(match(pattern, text) == expected, "/\(pattern)/ on '\(text)'")
    }

    @Test(arguments: [
        ("(a", "unclosed group", ByteRange(0, 1)),
        ("a)", "unmatched `)`", ByteRange(1, 2)),
        ("[a-", "unclosed character class", ByteRange(0, 1)),
        ("[z-a]", "range out of order", ByteRange(1, 4)),
        ("*a", "nothing to repeat", ByteRange(0, 1)),
        ("a**", "a quantifier cannot follow another quantifier", ByteRange(2, 3)),
        ("a{5,2}", "the maximum is below the minimum", ByteRange(1, 6)),
        ("a{2000}", "repetition count over the limit of 1000", ByteRange(1, 7)),
        ("(?=a)", "this group syntax is not supported", ByteRange(0, 3)),
        ("(?<n>a)", "this group syntax is not supported", ByteRange(0, 3)),
        ("(a)\\1", "backreferences like `\\1` are not supported", ByteRange(3, 5)),
        ("\\q", "unknown escape `\\q`", ByteRange(0, 2)),
        ("a\\", "pattern ends with `\\`", ByteRange(1, 2)),
        ("a{", "`{` must be escaped", ByteRange(1, 2)),
        ("^*", "nothing to repeat", ByteRange(1, 2)),
        ("(((((a{1000}){1000}){1000})))", "more than 20000 instructions", ByteRange(0, 29)),
    ])
    func errors(_ pattern: String, _ message: String, _ range: ByteRange) {
        guard case .failure(let f) = Pattern.compile(pattern, maxRepeat: 1000) else {
            Issue.record("/\(pattern)/ must not compile")
            return
        }
        #expect(f.message.contains(message), "/\(pattern)/: \(f.message)")
        #expect(f.range == range, "/\(pattern)/: \(f.range)")
    }

    /// Linear time, shown by counted steps (never by wall-clock time): each classic
    /// catastrophic pattern fails to match, and doubling the text at most about doubles the
    /// work — a backtracking engine would blow the budget instead.
    @Test func catastrophicPatternsRunInLinearTime() throws {
        func steps(_ pattern: String, _ length: Int) throws -> Int {
            var meter = CostMeter(limit: 50_000_000)
            let text = String(repeating: "a", count: length) + "!"
            let v = try Expression.evaluate("s.matches(p)", variables: [("s", .string(text)), ("p", .string(pattern))], meter: &meter)
            #expect(v.boolValue == false, "/\(pattern)/ must not match")
            return meter.used
        }
        for pattern in ["(a+)+$", "(a*)*b", "(a|aa)+$", "(a|a)+$", "^(a+)+b", "(.*a){20}$", "(x+x+)+y"] {
            let small = try steps(pattern, 5_000)
            let large = try steps(pattern, 10_000)
            #expect(small > 5_000, "/\(pattern)/: regex work is metered (\(small) steps)")
            #expect(Double(large) <= 2.2 * Double(small), "/\(pattern)/: \(small) steps for 5k, \(large) for 10k")
        }
    }

    @Test func regexWorkCanExhaustTheBudget() throws {
        let e = try #require(evaluationError("s.matches('(a|b|c|d)*x')", [("s", .string(String(repeating: "abcd", count: 10_000)))], limit: 50_000))
        #expect(e.code == .budgetExceeded)
    }

    @Test func dynamicPatternsAreCompiledAndChecked() throws {
        #expect(try isTrue("matches(s, p)", [("s", .string("H27")), ("p", .string("^[HR][0-9]+$"))]))
        let e = try #require(evaluationError("matches(s, p)", [("s", .string("x")), ("p", .string("(x"))]))
        #expect(e.code == .invalidRegex)
        #expect(e.message == "invalid pattern '(x': unclosed group")
    }
}
