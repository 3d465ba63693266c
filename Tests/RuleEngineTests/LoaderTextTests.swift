import Testing
@testable import RuleEngine
import YAMLTree

/// `Loader.isNullOrBlank` decides whether a value the loader reads as text (a template, an
/// expression) is missing, without resolving every scalar's value: it must answer as
/// `value == .null || text.allSatisfy(\.isWhitespace)` does.
@Suite struct LoaderTextTests {
    @Test func nullOrBlankAnswersAsTheValueAndTheCharactersDo() throws {
        let yaml = #"""
            - 
            - ~
            - null
            - Null
            - NULL
            - nul
            - nulls
            - 'null'
            - ""
            - ' '
            - "\t \n"
            - "\u3000"
            - "\u00a0"
            - "\u00a0a"
            - " a"
            - "a\u0301"
            - "\u0301"
            - x
            - "{a}"
            - "~x"
            - !!null x
            - !!str null
            - !!null
            - |
              
            - >-
              text
            - 日本語
            - "\u2028"
            - "!x"
            """#
        let parsed = YAMLReader.parse(yaml, path: "t.yaml")
        let items = try #require(parsed.documents.first?.items)
        #expect(items.count == 28)
        var nullOrBlank = 0
        for item in items {
            let text = try #require(item.scalarText, "\(item.span)")
            let old = item.value == .null || text.allSatisfy { $0.isWhitespace }
            #expect(Loader.isNullOrBlank(item, text: text) == old, "\(item.span): \(text.debugDescription)")
            if old { nullOrBlank += 1 }
        }
        #expect(nullOrBlank >= 12, "both answers are compared")
    }
}
