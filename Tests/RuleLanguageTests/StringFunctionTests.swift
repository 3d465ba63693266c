import Testing
@testable import RuleLanguage

/// Issue 18, item 6: text functions, each linear and metered.
@Suite struct StringFunctionTests {
    @Test(arguments: [
        ("find('計36事業', r'[0-9]+')", "36"),
        ("find('計36事業', r'計([0-9]+)事業')", "36"),
        ("find('B: 80〜99%', r'([0-9]+)〜([0-9]+)')", "['80', '99']"),
        ("find('abc', r'x')", "null"),
        ("find('ay', r'(x)?y')", "null"),
        ("findAll('80〜99%', r'[0-9]+')", "['80', '99']"),
        ("findAll('H26: 7, H27: 9', r'H([0-9]+): ([0-9]+)')", "[['26', '7'], ['27', '9']]"),
        ("findAll('aaa', r'a*')", "['aaa', '']"),
        ("findAll('', r'x')", "[]"),
        ("findAll('a1b22', '[0-9]+')", "['1', '22']"),
        ("replace('a、b、c', '、', ', ')", "a, b, c"),
        ("replace('aaa', 'aa', 'b')", "ba"),
        ("split('a、b、c', '、')", "['a', 'b', 'c']"),
        ("split('a,,b', ',')", "['a', '', 'b']"),
        ("split('情報', '')", "['情', '報']"),
        ("split('', ',')", "['']"),
        ("substring('※平成27年度', 1)", "平成27年度"),
        ("substring('※平成27年度', 1, 3)", "平成"),
        ("substring('※平成27年度', -3)", "7年度"),
        ("substring('abc', 3)", ""),
        ("trim('　 情報政策課\\n')", "情報政策課"),
        ("normalize('ＡＢＣ１２３ｱｲｳ①')", "ABC123アイウ1"),
        ("normalize('が', 'NFD') == 'が'", "false"),
        ("normalize(normalize('が', 'NFD'), 'NFC') == 'が'", "true"),
        ("toHalfWidth('計３６事業（Ｈ２７）　x')", "計36事業(H27) x"),
        ("toFullWidth('36 H27')", "３６　Ｈ２７"),
        ("toHalfWidth(toFullWidth('a-Z 9'))", "a-Z 9"),
        ("lowerAscii('H27 Ａ')", "h27 Ａ"),
        ("upperAscii('h27')", "H27"),
        ("'計' + toFullWidth(string(36)) + '事業' == '計３６事業'", "true"),
    ])
    func values(_ text: String, _ expected: String) throws {
        #expect(try show(text) == expected, "\(text)")
    }

    @Test func errorsArePositioned() throws {
        let p = problems("find(self, r'a(b')")
        #expect(p.map(\.code) == [.invalidRegex])
        #expect(covered("find(self, r'a(b')", p[0].range) == "(", "inside the literal")
        #expect(problems("findAll(self, '[0-9')").map(\.code) == [.invalidRegex])
        #expect(problems("normalize(self, 'nfkc')").first?.help == "did you mean 'NFKC'?")
        #expect(evaluationError("substring('abc', 4)")?.message == "position 4 is outside the string: it has 3 characters")
        #expect(evaluationError("substring('abc', 2, 1)")?.code == .indexOutOfRange)
        #expect(evaluationError("replace('abc', '', 'x')")?.code == .typeMismatch)
        #expect(evaluationError("find('abc', x)", [("x", .string("a("))])?.code == .invalidRegex)
        #expect(evaluationError("findAll(x, 'a')", [("x", .number(.zero))])?.code == .typeMismatch)
    }

    @Test func everyFunctionIsMetered() throws {
        // 100,000 characters: each function charges about one step per 8 bytes, so a budget of
        // 5,000 steps stops each, and 200,000 lets each finish.
        let long = Value.string(String(repeating: "計３６事業、", count: 16_667))
        for e in ["normalize(s)", "toHalfWidth(s)", "trim(s)", "split(s, '、')", "replace(s, '、', ',')",
                  "substring(s, 1)", "findAll(s, r'[0-9０-９]+')", "find(s, r'x')"] {
            #expect(evaluationError(e, [("s", long)], limit: 5_000)?.code == .budgetExceeded, "\(e)")
            #expect(evaluationError(e, [("s", long)], limit: 2_000_000) == nil, "\(e)")
        }
    }

    @Test func findAllIsLinearForThePatternsRulesUse() throws {
        // Doubling the text doubles the work.
        func steps(_ n: Int) throws -> Int {
            var meter = CostMeter(limit: Int.max)
            _ = try Expression.evaluate("findAll(s, r'[0-9]+')", variables: [("s", .string(String(repeating: "ab12 ", count: n)))],
                                        options: .default, meter: &meter)
            return meter.used
        }
        let (a, b) = (try steps(10_000), try steps(20_000))
        #expect(b < a * 21 / 10 && b > a * 19 / 10, "\(a) → \(b)")
    }
}
