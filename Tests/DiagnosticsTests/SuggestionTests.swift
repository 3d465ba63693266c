import Diagnostics
import Testing

/// The one "did you mean" policy, for every kind of name planlint suggests.
@Suite struct SuggestionTests {
    let keys = ["id", "severity", "summary", "description", "help", "for", "when", "let", "assert", "message", "at", "labels", "examples"]

    @Test func typosFindTheirName() {
        #expect(Suggestion.closest(to: "asert", in: keys) == "assert")
        #expect(Suggestion.closest(to: "mesage", in: keys) == "message")
        #expect(Suggestion.closest(to: "exmaples", in: keys) == "examples")  // swapped neighbours
        #expect(Suggestion.closest(to: "lables", in: keys) == "labels")
        #expect(Suggestion.closest(to: "budjet", in: ["fy", "count", "budget", "actual"]) == "budget")
        #expect(Suggestion.closest(to: "budegt", in: ["budget"]) == "budget")  // transposition
        #expect(Suggestion.closest(to: "担当課", in: ["担当者", "部署"]) == "担当者")  // one edit per character
    }

    @Test func caseAloneWins() {
        #expect(Suggestion.closest(to: "Severity", in: keys) == "severity")
        #expect(Suggestion.closest(to: "Budget", in: ["budgets", "budget"]) == "budget")
    }

    @Test func farWordsFindNothing() {
        #expect(Suggestion.closest(to: "xyz", in: keys) == nil)
        #expect(Suggestion.closest(to: "rationale", in: keys) == nil)
        #expect(Suggestion.closest(to: "", in: keys) == nil)
        #expect(Suggestion.closest(to: "xyz", in: ["budget"]) == nil)
        // The word itself is not a suggestion.
        #expect(Suggestion.closest(to: "help", in: ["help"]) == nil)
    }

    @Test func shortWordsNeedCloseMatches() {
        #expect(Suggestion.closest(to: "fr", in: keys) == "for")
        #expect(Suggestion.closest(to: "wen", in: keys) == "when")
        #expect(Suggestion.closest(to: "idd", in: keys) == "id")
    }

    /// Equally close candidates make no suggestion: a guess between them would mislead.
    @Test func tiesSuggestNothing() {
        #expect(Suggestion.closest(to: "a", in: ["b", "c"]) == nil)
        #expect(Suggestion.closest(to: "a", in: ["b", "b"]) == "b")  // one candidate, listed twice
    }

    @Test func distanceCountsEdits() {
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("budegt", "budget") == 1)
        #expect(Suggestion.didYouMean("exlude", in: ["include", "exclude"]) == "did you mean `exclude`?")
    }
}
