import Foundation
import Testing
@testable import SchemaValidation

@Suite struct RegexTests {
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
    ]

    @Test func matchesLikeECMAScript() throws {
        for (pattern, text, expected) in Self.matching {
            let re = try SchemaRegex(pattern)
            #expect(re.matches(text) == expected, "/\(pattern)/ on \(text.debugDescription)")
        }
    }

    static let rejected: [(String, SchemaRegexError.Kind, Int)] = [
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

    @Test func rejectsWithPositions() {
        for (pattern, kind, offset) in Self.rejected {
            do {
                _ = try SchemaRegex(pattern)
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
        #expect(throws: SchemaRegexError.self) { try SchemaRegex(pattern) }
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
            let re = try SchemaRegex(pattern)
            let result = re.run(text)
            #expect(result.matched == false, "/\(pattern)/")
            let bound = re.programSize * (text.unicodeScalars.count + 1)
            #expect(result.steps <= bound, "/\(pattern)/ took \(result.steps) steps, over \(bound)")
        }
    }
}
