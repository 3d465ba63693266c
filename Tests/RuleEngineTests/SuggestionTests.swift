import RuleEngine
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
    @Test func everyEngineCodeIsCataloguedOnce() {
        let codes = EngineCode.catalog.map(\.code)
        #expect(Set(codes).count == codes.count)
        for c in [EngineCode.evaluationFailed, EngineCode.budgetExceeded, EngineCode.selectorMatchedNothing,
                  EngineCode.unknownKey, EngineCode.missingKey, EngineCode.invalidValue, EngineCode.duplicateID,
                  EngineCode.invalidPath, EngineCode.invalidMessage, EngineCode.unreadable, EngineCode.noRules] {
            #expect(codes.contains(c), "\(c)")
        }
    }
}
