import Foundation
import Testing
@testable import LinearRegex

/// The one regex engine, as JSON Schema patterns and the rule language's `matches` use it.
@Suite struct LinearPatternTests {
    static let matching: [(String, String, Bool)] = [
        ("abc", "xxabcxx", true),
        ("^abc$", "xxabcxx", false),
        ("^abc$", "abc", true),
        ("^a*$", "", true),
        ("^a+$", "", false),
        ("^(ab|cd){2}$", "abcd", true),
        ("^(ab|cd){2}$", "abcdab", false),
        ("^a{2,3}$", "aaaa", false),
        ("^a{2,}$", "aaaaaaa", true),
        ("^a{0,1}b$", "b", true),
        ("^[a-c]+$", "abcabc", true),
        ("^[^a-c]+$", "xyz", true),
        ("^[^a-c]+$", "xaz", false),
        ("^\\d{3}-\\d{4}$", "980-8570", true),
        ("^\\d+$", "７１９９", false),  // \d is ASCII only
        ("^\\w+$", "snake_case1", true),
        ("^\\w+$", "宮城", false),
        ("^\\s$", "\u{3000}", true),  // ideographic space is Zs
        ("^\\S+$", "a\u{3000}b", false),
        ("^.$", "\n", false),
        ("^.$", "🐲", true),  // one scalar, not two UTF-16 units
        ("^\\u{1F432}$", "🐲", true),
        ("^\\uD83D\\uDC32$", "🐲", true),
        ("^\\p{L}+$", "宮城県", true),
        ("^\\p{Lu}", "Miyagi", true),
        ("^\\P{L}+$", "2014", true),
        ("^\\p{Nd}+$", "７１９９", true),
        ("^[\\p{L}\\d]+$", "平成27", true),
        ("^[ぁ-ん]+$", "みやぎ", true),
        ("^[ぁ-ん]+$", "ミヤギ", false),
        ("\\bbar\\b", "foo bar baz", true),
        ("\\bbar\\b", "foobar", false),
        ("\\Bbar", "foobar", true),
        ("^※", "※平成27年度で終了", true),
        ("^※", "平成27年度で終了", false),
        ("^[\\-+]?\\d+$", "-5", true),
        ("a|", "zzz", true),  // empty alternative matches everywhere
        ("^(?:a|b)+$", "abba", true),
        ("^(?<year>\\d{4})$", "2014", true),
        ("^a+?$", "aaa", true),  // lazy: same yes/no answer
        ("^\\$\\^\\.\\*$", "$^.*", true),
        ("x{", "x{", true),  // a brace that is no quantifier is literal
        ("^[\\]]$", "]", true),
        ("^[\\W]$", "-", true),
        ("^[^\\W]$", "-", false),
        ("^\\cJ$", "\n", true),
        ("^\\x41$", "A", true),
        ("^\\0$", "\u{0}", true),
        ("(a*)*b", "aaaab", true),
        ("[]", "anything", false),
        ("^[^]$", "\n", true),
        // The rule language's patterns.
        ("^abc", "xabc", false),
        ("a.c", "a情c", true),
        ("^.{3}$", "情報課", true),
        ("^[^0-9]+$", "情報1", false),
        ("\\d{4}", "FY2015", true),
        ("^[0-9０-９]+$", "２０１５", true),
        ("\\s", "a\u{3000}b", true),
        ("^(平成|令和)", "令和元年", true),
        ("^(?:ab)+$", "ababa", false),
        ("colou?r", "color", true),
        ("a*?b", "aab", true),
        ("\\.", "ab", false),
        ("[.]", "a", false),
        ("[-a]", "-", true),
        ("^$", "", true),
        ("", "anything", true),
        ("^(a|ab)(c|bcd)$", "abcd", true),
        ("(a*)*$", "aaa!", true),
        ("\\u3000", "a\u{3000}", true),
        // `.` is any scalar but a line terminator (LF, CR, U+2028, U+2029), as in ECMAScript,
        // for schemas and rules alike.
        ("a.c", "a\nc", false),
        ("a.c", "a\rc", false),
        ("a.c", "a\u{2028}c", false),
        ("a.c", "a\u{2029}c", false),
        ("a.c", "a\u{85}c", true),
        ("a.c", "a\tc", true),
        // `\` before any ASCII symbol is the symbol; a `{` that starts no quantifier is literal.
        ("^\\#\\@\\-\\'$", "#@-'", true),
        ("a{", "a{", true),
        ("^a{,2}$", "a{,2}", true),
        // Named groups match like groups.
        ("^(?<era>平成|令和)", "平成27", true),
    ]

    @Test func matchesLikeECMAScript() throws {
        for (pattern, text, expected) in Self.matching {
            let re = try LinearPattern(pattern)
            #expect(re.matches(text) == expected, "/\(pattern)/ on \(text.debugDescription)")
        }
    }

    static let rejected: [(String, PatternError.Kind, Int)] = [
        ("(?=a)b", .unsupported, 0),
        ("a(?!b)", .unsupported, 1),
        ("(?<=a)b", .unsupported, 0),
        ("(a)\\1", .unsupported, 3),
        ("\\k<x>", .unsupported, 0),
        ("\\p{Script=Han}", .unsupported, 0),
        ("\\p{Nope}", .invalid, 0),
        ("[z-a]", .invalid, 1),
        ("(ab", .invalid, 0),
        ("ab)", .invalid, 2),
        ("*a", .invalid, 0),
        ("a**", .invalid, 2),
        ("a{3,1}", .invalid, 1),
        ("^*", .invalid, 0),
        ("[a", .invalid, 0),
        ("\\", .invalid, 0),
        ("\\q", .invalid, 0),
        ("[\\d-z]", .invalid, 1),
        ("a{100000}", .tooComplex, 0),
        ("((a{100}){100}){100}", .tooComplex, 0),
    ]

    /// Messages and places (in scalars) of rejected patterns: what a rule file's diagnostic and
    /// a schema's `schema/invalid-regex` show.
    static let messages: [(String, String, Int, Int)] = [
        ("(a", "unclosed group", 0, 1),
        ("a)", "unmatched `)`", 1, 1),
        ("[a-", "unclosed character class", 0, 1),
        ("[z-a]", "range out of order", 1, 3),
        ("*a", "nothing to repeat", 0, 1),
        ("a**", "a quantifier cannot follow another quantifier", 2, 1),
        ("a{5,2}", "in {5,2} the maximum is below the minimum", 1, 5),
        ("(?=a)", "lookahead `(?=…)` is not supported", 0, 3),
        ("(a)\\1", "backreferences like `\\1` are not supported", 3, 2),
        ("\\q", "unknown escape `\\q`", 0, 2),
        ("a\\", "pattern ends with `\\`", 1, 1),
        ("^*", "nothing to repeat: an assertion cannot be repeated", 0, 2),
        ("情(報", "unclosed group", 1, 1),
        ("(((((a{1000}){1000}){1000})))", "more than 20000 instructions", 0, 29),
    ]

    @Test func rejectsWithMessages() {
        for (pattern, message, offset, length) in Self.messages {
            do {
                _ = try LinearPattern(pattern)
                Issue.record("/\(pattern)/ should be rejected")
            } catch {
                #expect(error.message.contains(message), "/\(pattern)/: \(error.message)")
                #expect(error.offset == offset && error.length == length, "/\(pattern)/: \(error.offset), \(error.length)")
            }
        }
        // The rule language's limit on counted repetitions.
        #expect(throws: PatternError(kind: .tooComplex, message: "repetition count over the limit of 1000", offset: 1, length: 6,
                                     label: "too many repetitions")) { try LinearPattern("a{2000}", maxRepeat: 1000) }
        #expect((try? LinearPattern("a{1000}", maxRepeat: 1000)) != nil)
        // Byte ranges, for positions inside a rule's string literal.
        let e = PatternError(kind: .invalid, message: "", offset: 1, length: 1)
        #expect(e.utf8Range(in: "情(報") == (3, 4))
    }

    @Test func budgetStopsTheMatch() throws {
        let re = try LinearPattern("(a|b|c|d)*x")
        var budget = 1_000
        #expect(re.matches(String(repeating: "abcd", count: 10_000), budget: &budget) == nil)
        var enough = Int.max / 2
        #expect(re.matches("abcdx", budget: &enough) == true)
    }

    @Test func rejectsWithPositions() {
        for (pattern, kind, offset) in Self.rejected {
            do {
                _ = try LinearPattern(pattern)
                Issue.record("/\(pattern)/ should be rejected")
            } catch {
                #expect(error.kind == kind, "/\(pattern)/: \(error)")
                #expect(error.offset == offset, "/\(pattern)/: \(error)")
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test func deepGroupsAreRejectedNotRecursedInto() {
        let pattern = String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000)
        #expect(throws: PatternError.self) { try LinearPattern(pattern) }
    }

    /// Patterns that make backtracking engines take exponential time run in linear time:
    /// the VM visits each instruction at most once per input position (a deterministic
    /// count, so the test does not depend on machine load).
    @Test func hostileInputIsLinear() throws {
        let hostile: [(String, String)] = [
            ("^(a+)+$", String(repeating: "a", count: 20_000) + "!"),
            ("^(a|aa)*c$", String(repeating: "a", count: 20_000)),
            ("(.*a){12}x", String(repeating: "a", count: 10_000)),
            ("^(\\w+\\s?)*$", String(repeating: "word ", count: 4_000) + "!"),
            ("^(?:[^,]*,){0,50}[^,]*$", String(repeating: "x,", count: 5_000)),
        ]
        for (pattern, text) in hostile {
            let re = try LinearPattern(pattern)
            let result = re.run(text)
            #expect(result.matched == false, "/\(pattern)/")
            let bound = re.programSize * (text.unicodeScalars.count + 1)
            #expect(result.steps <= bound, "/\(pattern)/ took \(result.steps) steps, over \(bound)")
        }
    }
}
