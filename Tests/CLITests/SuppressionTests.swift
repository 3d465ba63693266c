import Foundation
import Testing

/// `# planlint-disable-…` comments.
@Suite struct SuppressionTests {
    @Test func usedSuppressionsSilenceFindings() throws {
        let box = try Sandbox()
        try box.write("a.yaml", """
        # planlint-disable-next-line duplicate-key -- the printed plan repeats it
        # (a comment between the directive and its line is skipped)

        name: a
        name: b
        other:
          x: 1
          x: 2   # planlint-disable-line duplicate-key -- copied as printed
        """)
        // The next-line directive skips the comment and blank lines and covers line 4 (`name: a`);
        // the duplicate is on line 5, so it is still reported and the directive is unused.
        let r = try box.planlint("check", "--format", "short", "a.yaml")
        #expect(r.lines == [
            "a.yaml:1:30: warning: suppression of `duplicate-key` is unused: no such finding on line 4 [unused-suppression]",
            "a.yaml:5:1: error: duplicate key `name` in mapping [duplicate-key]",
        ], "\(r.both)")
        #expect(r.status == 1, "\(r.both)")

        try box.write("b.yaml", """
        name: a
        # planlint-disable-next-line duplicate-key -- the printed plan repeats it
        name: b
        other:
          x: 1
          x: 2   # planlint-disable-line duplicate-key -- copied as printed
        """)
        let ok = try box.planlint("check", "b.yaml")
        #expect(ok.status == 0, "\(ok.both)")
        #expect(ok.stdout == "no problems found in 1 file (2 suppressed)\n", "\(ok.both)")

        // SARIF keeps them, with the reason as the justification.
        let sarif = try box.planlint("check", "--format", "sarif", "b.yaml")
        let results = try SARIF.results(sarif.stdout)
        #expect(results.count == 2, "\(sarif.both)")
        let justifications = results.compactMap { (($0["suppressions"] as? [[String: Any]])?.first)?["justification"] as? String }
        #expect(justifications == ["the printed plan repeats it", "copied as printed"], "\(sarif.stdout)")
        #expect(results.allSatisfy { (($0["suppressions"] as? [[String: Any]])?.first)?["kind"] as? String == "inSource" })
        // Other formats leave them out.
        let short = try box.planlint("check", "--format", "short", "b.yaml")
        #expect(short.stdout.isEmpty, "\(short.both)")
    }

    @Test func fileLevelSuppression() throws {
        let box = try Sandbox()
        try box.write("a.yaml", "# planlint-disable-file duplicate-key\nname: a\nname: b\nx: 1\nx: 2\n")
        let r = try box.planlint("check", "a.yaml")
        #expect(r.status == 0, "\(r.both)")
        #expect(r.stdout == "no problems found in 1 file (2 suppressed)\n", "\(r.both)")
        // Without a reason, SARIF has no justification.
        let sarif = try SARIF.results(try box.planlint("check", "--format", "sarif", "a.yaml").stdout)
        #expect(sarif.count == 2)
        #expect(sarif.allSatisfy { (($0["suppressions"] as? [[String: Any]])?.first)?["justification"] == nil })
    }

    @Test func unusedUnknownAndMalformedSuppressionsWarn() throws {
        let box = try Sandbox()
        try box.write("a.yaml", """
        name: a   # planlint-disable-line duplicate-key -- nothing here
        b: 1   # planlint-disable-line duplicte-key
        # planlint-disable-nextline duplicate-key
        c: 2
        # planlint-disable-line
        d: 3   # planlint-disable-line yaml-syntax
        """)
        let r = try box.planlint("check", "--format", "short", "a.yaml")
        #expect(r.status == 0, "warnings only: \(r.both)")
        #expect(r.lines == [
            "a.yaml:1:35: warning: suppression of `duplicate-key` is unused: no such finding on line 1 [unused-suppression]",
            "a.yaml:2:32: warning: `duplicte-key` is not a loaded rule or a planlint code [unknown-suppression-code]",
            "a.yaml:3:3: warning: `planlint-disable-nextline` is not a planlint directive; this comment suppresses nothing [invalid-suppression]",
            "a.yaml:5:3: warning: `planlint-disable-line` names no code; this comment suppresses nothing [invalid-suppression]",
            "a.yaml:6:32: warning: `yaml-syntax` cannot be suppressed: a file with this problem was not checked [invalid-suppression]",
        ], "\(r.both)")
        let human = try box.planlint("check", "a.yaml")
        #expect(human.stdout.contains("= help: did you mean `duplicate-key`?"), "\(human.both)")
        #expect(human.stdout.contains("= help: did you mean `planlint-disable-next-line`?"), "\(human.both)")
        // The unused warnings can be turned off in the config.
        try box.write(".planlint.yaml", "severity:\n  unused-suppression: off\n")
        let off = try box.planlint("check", "--format", "short", "a.yaml")
        #expect(!off.stdout.contains("unused-suppression"), "\(off.both)")
    }

    /// A `#` inside a quoted or block scalar is text, not a comment.
    @Test func hashInsideScalarsIsNotAComment() throws {
        let box = try Sandbox()
        try box.write("a.yaml", """
        title: "Plan # planlint-disable-line duplicate-key"
        note: 'it''s # planlint-disable-file duplicate-key'
        body: |
          # planlint-disable-file duplicate-key
        name: a
        name: b
        """)
        let r = try box.planlint("check", "--format", "short", "a.yaml")
        #expect(r.lines == ["a.yaml:6:1: error: duplicate key `name` in mapping [duplicate-key]"], "\(r.both)")
    }
}

enum SARIF {
    static func results(_ text: String) throws -> [[String: Any]] {
        guard let log = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let runs = log["runs"] as? [[String: Any]], let results = runs.first?["results"] as? [[String: Any]] else {
            throw TestFailure("not a SARIF log: \(text.prefix(300))")
        }
        return results
    }
}
