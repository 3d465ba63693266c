import Diagnostics
import SourceText
import Testing
@testable import YAMLTree

/// libyaml's words are translated by their exact text (`LibYAMLMessage`): the texts libyaml
/// writes for common mistakes must be in the catalogue, each with Japanese.
@Suite struct LibYAMLMessageTests {
    static let broken: [String] = [
        "budget: [1, 2\ntotal: 3\n",          // did not find expected ',' or ']'
        "a: {b: 1\nc: 2\n",                   // did not find expected ',' or '}'
        "a: b: c\n",                          // mapping values are not allowed in this context
        "a:\n  - 1\n - 2\n",                  // did not find expected key
        "a: `b`\n",                           // found character that cannot start any token
        "a: \"b\n",                           // found unexpected end of stream
        "a: *\n",                             // did not find expected alphabetic or numeric character
        "a:\n\t- 1\n",                        // found character that cannot start any token (tab)
        "- a\nb: 1\n",                        // did not find expected <document start>
        "a: 'b\n",                            // found unexpected end of stream (single quoted)
        "a: \"\\q\"\n",                       // found unknown escape character
        "%FOO\n---\na\n",                     // found unknown directive name? (libyaml ignores or reports)
        "a: !<x\n",                           // did not find the expected '>'
    ]

    @Test func theTextsLibyamlWritesAreInTheCatalogue() {
        var seen = 0
        for text in Self.broken {
            let parsed = YAMLReader.parse(SourceFile(path: "t.yaml", text: text))
            for p in parsed.problems where p.code == .syntax {
                // Tests build English (the process language is never set in tests).
                #expect(LibYAMLMessage(rawValue: p.message) != nil, "libyaml wrote \"\(p.message)\" for \(text.debugDescription)")
                for r in p.related { #expect(LibYAMLMessage(rawValue: r.message) != nil, "libyaml wrote \"\(r.message)\"") }
                seen += 1
            }
        }
        #expect(seen >= 10)
    }

    @Test func everyTextHasJapaneseAndNoArguments() {
        #expect(MessageText.problems(catalogues: [LibYAMLMessage.self]).isEmpty)
        for m in LibYAMLMessage.allCases { #expect(MessageText.placeholders(m.rawValue).isEmpty, "\(m)") }
        #expect(LibYAMLMessage.expectedKey.text(in: .ja) == "必要なキーが見つかりません")
        #expect(LibYAMLMessage.localized("a text libyaml may write one day") == "a text libyaml may write one day")
    }
}
