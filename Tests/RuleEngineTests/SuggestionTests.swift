import RuleEngine
import RuleLanguage
import Testing

@Suite struct SuggestionTests {
    let keys = ["id", "severity", "summary", "description", "help", "for", "when", "let", "assert", "message", "at", "labels", "examples"]

    @Test func typosFindTheirKey() {
        #expect(Suggestions.closest(to: "asert", in: keys) == "assert")
        #expect(Suggestions.closest(to: "mesage", in: keys) == "message")
        #expect(Suggestions.closest(to: "exmaples", in: keys) == "examples")  // swapped neighbours
        #expect(Suggestions.closest(to: "Severity", in: keys) == "severity")  // case
        #expect(Suggestions.closest(to: "lables", in: keys) == "labels")
    }

    @Test func farWordsFindNothing() {
        #expect(Suggestions.closest(to: "xyz", in: keys) == nil)
        #expect(Suggestions.closest(to: "rationale", in: keys) == nil)
        #expect(Suggestions.closest(to: "", in: keys) == nil)
        // The word itself is not a suggestion.
        #expect(Suggestions.closest(to: "help", in: ["help"]) == nil)
    }

    @Test func shortWordsNeedCloseMatches() {
        #expect(Suggestions.closest(to: "fr", in: keys) == "for")
        #expect(Suggestions.closest(to: "wen", in: keys) == "when")
        #expect(Suggestions.closest(to: "idd", in: keys) == "id")
    }
}

@Suite struct EngineCodeTests {
    @Test func everyEngineCodeIsDefinedOnce() {
        let ids = EngineCode.allDefinitions.map(\.id)
        #expect(Set(ids).count == ids.count)
        for c in EngineCode.allCases { #expect(ids.contains(c.rawValue), "\(c)") }
        // An expression problem in a rule file keeps the compiler's documentation.
        for c in ExpressionProblem.Code.allCases {
            let d = EngineCode.allDefinitions.first { $0.id == "rule-file/" + c.rawValue }
            #expect(d?.summary == c.definition.summary && d?.fix == c.definition.fix, "\(c)")
        }
    }
}
