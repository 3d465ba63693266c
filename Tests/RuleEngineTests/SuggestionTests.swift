import RuleEngine
import RuleLanguage
import Testing

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
