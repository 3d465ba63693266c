import Diagnostics
import Foundation
import RuleEngine
import Testing

/// `planlint test`: every mismatch, with its line in the rule file.
@Suite struct TesterTests {
    let fixture = repoRoot.appendingPathComponent("Tests/UI/planlint-test/wrong-examples.yaml").path

    @Test func reportsEveryMismatchWithItsRuleFileLine() throws {
        let report = RuleTester.run(paths: [fixture])
        #expect(report.loadDiagnostics.isEmpty)
        let lines = report.failures.map(\.description).map { $0.replacingOccurrences(of: fixture, with: "wrong-examples.yaml") }
        #expect(lines == [
            "wrong-examples.yaml:21: valid example 2 of row-total: unexpected row-total on example line 3: total 4, cells add up to 3",
            "wrong-examples.yaml:29: invalid example 2 of row-total: expected row-total on example line 2, got it on example line 3 instead: total 4, cells add up to 3",
            "wrong-examples.yaml:34: invalid example 3 of row-total: `# expect: row-totals` on example line 3 names another rule; an example runs only its own rule (`row-total`); did you mean `row-total`?",
            "wrong-examples.yaml:34: invalid example 3 of row-total: unexpected row-total on example line 3: total 4, cells add up to 5",
            "wrong-examples.yaml:40: invalid example 4 of row-total: expected the message \"total 4, cells add up to 6\", got \"total 4, cells add up to 5\"",
            "wrong-examples.yaml:41: invalid example 5 of row-total: the invalid example declares nothing: add `# expect: row-total` on the line the finding points at",
            "wrong-examples.yaml:45: examples of untested: the rule has no valid example; add one under `examples: {valid: [...]}`",
            "wrong-examples.yaml:53: invalid example 1 of untested: expected untested on example line 1, got nothing",
        ])
        #expect(report.passed == 2)
        #expect(report.failed == 7)
        #expect(report.summary == "2 passed, 7 failed")
        #expect(report.exitCode == 1)
    }

    @Test func theMarkerIsTheContractForTheLine() throws {
        // The classic slip: the marker sits one line too high.
        let r = load("""
        rules:
          - id: tally-matches-marks
            severity: error
            summary: s
            for: tally[*]
            assert: self.total == 1
            at: self.total
            examples:
              valid:
                - "tally: []"
              invalid:
                - |
                  tally:
                    - category: a  # expect: tally-matches-marks
                      total: 2
        """, path: "Rules/x.yaml")
        let report = RuleTester.run(r)
        #expect(report.failures.map(\.description) == [
            "Rules/x.yaml:14: invalid example 1 of tally-matches-marks: expected tally-matches-marks on example line 2, got it on example line 3 instead: s",
        ])
        let nothing = load("""
        rules:
          - id: tally-matches-marks
            severity: error
            summary: s
            for: tally[*]
            assert: self.total == 1
            examples:
              valid: ["tally: []"]
              invalid:
                - |
                  tally:
                    - total: 1  # expect: tally-matches-marks
        """, path: "Rules/x.yaml")
        #expect(RuleTester.run(nothing).failures.map(\.description) == [
            "Rules/x.yaml:12: invalid example 1 of tally-matches-marks: expected tally-matches-marks on example line 2, got nothing",
        ])
    }

    @Test func examplesThatAreNotYAMLAndEngineDiagnostics() throws {
        let r = load("""
        rules:
          - id: typo-path
            severity: error
            summary: s
            for: tallly[*]
            assert: "true"
            examples:
              valid:
                - |
                  tally: [1]
              invalid:
                - |
                  tally: [1
        """, path: "Rules/x.yaml")
        let lines = RuleTester.run(r).failures.map(\.description)
        #expect(lines.count == 2)
        // The selector warning shows up in the valid example (typo protection while testing).
        #expect(lines[0].hasPrefix("Rules/x.yaml:10: valid example 1 of typo-path: unexpected rule-selector-matched-nothing on example line 1: the `for` path of rule `typo-path` matched nothing"))
        #expect(lines[1].hasPrefix("Rules/x.yaml:13: invalid example 1 of typo-path: the example is not valid YAML: "))
    }

    @Test func loadErrorsMakeExitCodeTwo() {
        let report = RuleTester.run(load("rules:\n  - id: x\n"))
        #expect(report.hasLoadErrors)
        #expect(report.exitCode == 2)
    }
}
