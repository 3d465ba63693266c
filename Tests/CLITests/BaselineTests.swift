import Foundation
import Testing

/// --write-baseline / --baseline.
@Suite struct BaselineTests {
    @Test func baselineReportsOnlyNewFindingsAfterLinesShift() throws {
        let box = try Sandbox()
        try box.write("Plans/a.yaml", "name: a\nname: b\nbudget: 1\nbudget: 2\n")
        try box.write("Plans/b.yaml", "x: 1\nx: 2\n")

        let write = try box.planlint("check", "--write-baseline", "baseline.json", "Plans")
        #expect(write.status == 0, "everything is recorded, so nothing is new: \(write.both)")
        #expect(write.stderr.contains("wrote 3 findings to the baseline baseline.json"), "\(write.both)")
        let json = try box.read("baseline.json")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["tool"] as? String == "planlint" && object?["version"] as? Int == 1)
        let findings = object?["findings"] as? [[String: Any]] ?? []
        #expect(findings.map { $0["path"] as? String ?? "" } == ["Plans/a.yaml", "Plans/a.yaml", "Plans/b.yaml"], "\(json)")
        #expect(!json.contains("\"line\""), "no line numbers: they would churn")

        // Shift every line down; nothing is new.
        try box.write("Plans/a.yaml", "# added\n\nintro: x\nname: a\nname: b\nbudget: 1\nbudget: 2\n")
        let same = try box.planlint("check", "--baseline", "baseline.json", "Plans")
        #expect(same.status == 0, "\(same.both)")
        #expect(same.stdout == "no problems found in 2 files (3 suppressed)\n", "\(same.both)")

        // A new finding is reported, the old ones not; one old one is fixed.
        try box.write("Plans/a.yaml", "# added\n\nintro: x\nname: a\nname: b\nbudget: 1\nbudget: 2\ntotal: 1\ntotal: 2\n")
        try box.write("Plans/b.yaml", "x: 1\n")
        let new = try box.planlint("check", "--format", "short", "--baseline", "baseline.json", "Plans")
        #expect(new.status == 1, "\(new.both)")
        #expect(new.lines == ["Plans/a.yaml:9:1: error: duplicate key `total` in mapping [duplicate-key]"], "\(new.both)")

        // SARIF: new, unchanged (suppressed externally) and absent.
        let sarif = try SARIF.results(try box.planlint("check", "--format", "sarif", "--baseline", "baseline.json", "Plans").stdout)
        let states = sarif.map { $0["baselineState"] as? String ?? "-" }.sorted()
        #expect(states == ["absent", "new", "unchanged", "unchanged"], "\(sarif)")
        let unchanged = sarif.filter { $0["baselineState"] as? String == "unchanged" }
        #expect(unchanged.allSatisfy { (($0["suppressions"] as? [[String: Any]])?.first)?["kind"] as? String == "external" })
    }

    @Test func brokenBaselineIsAToolFailure() throws {
        let box = try Sandbox()
        try box.write("a.yaml", Plan.clean)
        try box.write("baseline.json", "{ not json")
        let r = try box.planlint("check", "--format", "short", "--baseline", "baseline.json", "a.yaml")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.lines == ["baseline.json: error: baseline baseline.json is not a JSON object [baseline/invalid]"], "\(r.both)")
        let missing = try box.planlint("check", "--baseline", "nope.json", "a.yaml")
        #expect(missing.status == 2, "\(missing.both)")
    }

    /// Identical findings on identical lines are told apart by occurrence.
    @Test func repeatedIdenticalFindingsAreCounted() throws {
        let box = try Sandbox()
        try box.write("a.yaml", "- {k: 1, k: 2}\n- {k: 1, k: 2}\n")
        try box.planlint("check", "--write-baseline", "b.json", "a.yaml")
        try box.write("a.yaml", "- {k: 1, k: 2}\n- {k: 1, k: 2}\n- {k: 1, k: 2}\n")
        let r = try box.planlint("check", "--format", "short", "--baseline", "b.json", "a.yaml")
        #expect(r.lines.count == 1, "one of three is new: \(r.both)")
    }
}
