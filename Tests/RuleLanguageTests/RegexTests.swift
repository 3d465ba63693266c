import SourceText
import Testing
@testable import RuleLanguage

/// `matches` in the rule language (the engine itself: LinearRegexTests).
@Suite struct RegexTests {
    /// A literal pattern's error points at the offending text inside the literal.
    @Test func literalPatternErrorsPointInsideTheLiteral() throws {
        for (text, part) in [("self.matches('ab(c')", "("), ("self.matches('情報{5,2}')", "{5,2}"), ("self.matches('a{2000}')", "{2000}")] {
            let p = try #require(problems(text).first, "\(text)")
            #expect(p.code == .invalidRegex, "\(text)")
            #expect(covered(text, p.range) == part, "\(text): \(p.range)")
        }
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
        #expect(e.message == "invalid pattern '(x': unclosed group: `(` has no matching `)`")
    }
}
