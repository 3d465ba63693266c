import Testing
@testable import LinearRegex

/// `firstMatch`: where a pattern matches and what its groups captured (the rule language's
/// `find` and `findAll`), leftmost-first as in ECMAScript.
@Suite struct RegexCaptureTests {
    /// The whole match and the groups, as texts ("-" for a group that took no part).
    func find(_ pattern: String, _ text: String, from: Int = 0) throws -> String? {
        let p = try LinearPattern(pattern)
        let input = text.unicodeScalars.map(\.value)
        var budget = Int.max
        guard case .match(let m) = p.firstMatch(in: input, from: from, budget: &budget) else { return nil }
        func slice(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(input[r].map { Unicode.Scalar($0)! })) }
        return ([slice(m.range)] + m.groups.map { $0.map(slice) ?? "-" }).joined(separator: "|")
    }

    @Test(arguments: [
        ("[0-9]+", "計36事業", "36"),
        ("([0-9]+)〜([0-9]+)%", "B: 80〜99%", "80〜99%|80|99"),
        ("(a|ab)(c|bcd)", "abcd", "abcd|a|bcd"),                // leftmost-first: the first alternative that leads to a match
        ("a+", "baaa", "aaa"),                                   // greedy
        ("a+?", "baaa", "a"),                                    // lazy
        ("<(.+?)>", "<a><b>", "<a>|a"),
        ("<(.+)>", "<a><b>", "<a><b>|a><b"),
        ("(x)?y", "y", "y|-"),                                   // a group that took no part
        ("(?:ab)+(c)", "ababc", "ababc|c"),                      // non-capturing groups do not count
        ("(?<year>\\d{4})年", "2016年3月", "2016年|2016"),       // named groups are numbered too
        ("\\bbar", "foobar bar", "bar"),
        ("^平成", "令和", nil),
        ("$", "abc", ""),
        ("(a*)*", "b", "|-"),                                   // as ECMAScript: the empty loop leaves the group unset
    ] as [(String, String, String?)])
    func leftmostFirstWithGroups(_ pattern: String, _ text: String, _ expected: String?) throws {
        #expect(try find(pattern, text) == expected, "\(pattern) on \(text)")
    }

    @Test func searchFromAnOffsetAndCountGroups() throws {
        #expect(try find("[0-9]+", "1 22 333", from: 1) == "22")
        #expect(try find("^1", "11", from: 1) == nil, "anchored at the text's start only")
        #expect(try LinearPattern("(a)(?:b)(?<c>c)").captureCount == 2)
        #expect(try LinearPattern("(a)(b)").matches("xaby"), "groups change nothing for matches")
    }

    @Test func workIsLinearAndMetered() throws {
        // (a+)+$ backtracks exponentially elsewhere; here the work grows linearly.
        let p = try LinearPattern("(a+)+b")
        for n in [1_000, 2_000] {
            let input = Array(repeating: UInt32(0x61), count: n)
            var budget = Int.max
            #expect(p.firstMatch(in: input, from: 0, budget: &budget) == .noMatch)
            #expect(Int.max - budget < n * 40, "\(n): \(Int.max - budget) steps")
        }
        var small = 100
        #expect(p.firstMatch(in: Array(repeating: 0x61, count: 1_000), from: 0, budget: &small) == .budgetExceeded)
    }
}
