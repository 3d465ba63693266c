import Foundation
import Testing

/// `schemas:` bindings, `$schema` comments, and the repository's own configuration.
@Suite struct SchemaIntegrationTests {
    static let schema = """
    $schema: https://json-schema.org/draft/2020-12/schema
    type: object
    required: [name]
    properties:
      name: {type: string}
      budget: {type: integer, minimum: 0}
    additionalProperties: false
    """

    @Test func configuredSchemaAppliesToMatchingFilesOnly() throws {
        let box = try Sandbox()
        try box.write("schemas/plan.schema.yaml", Self.schema)
        try box.write(".planlint.yaml", """
        schemas:
          - schema: schemas/plan.schema.yaml
            files: ["Plans/**/*.yaml"]
        severity:
          "schema/minimum": warning
        """)
        try box.write("Plans/a.yaml", "name: a\nbudget: -1\n")
        try box.write("Plans/sub/b.yaml", "nmae: b\n")
        try box.write("Other/c.yaml", "anything: goes\n")
        let r = try box.planlint("check", "--format", "short", "Plans", "Other")
        #expect(r.status == 1, "\(r.both)")
        #expect(r.lines.contains("Plans/a.yaml:2:9: warning: value -1 is below the minimum 0 [schema/minimum]")
                || r.lines.contains { $0.hasPrefix("Plans/a.yaml:2:9: warning: ") && $0.hasSuffix("[schema/minimum]") }, "\(r.both)")
        #expect(r.lines.contains { $0.hasPrefix("Plans/sub/b.yaml:1:1: error: ") && $0.hasSuffix("[schema/additional-properties]") }, "\(r.both)")
        // A misspelt required key is one finding (unknown key, with a suggestion), not two.
        #expect(r.lines.filter { $0.hasPrefix("Plans/sub/b.yaml:") }.count == 1, "\(r.both)")
        #expect(try box.planlint("check", "Plans/sub").stdout.contains("did you mean `name`?"))
        #expect(!r.stdout.contains("Other/c.yaml"), "\(r.both)")
        // Suppressing a schema code inline.
        try box.write("Plans/sub/b.yaml", "# planlint-disable-file schema/additional-properties -- draft\nnmae: b\n")
        let quiet = try box.planlint("check", "--format", "short", "Plans/sub")
        #expect(quiet.status == 0 && quiet.stdout.isEmpty, "\(quiet.both)")
    }

    @Test func modelineNamesTheSchema() throws {
        let box = try Sandbox()
        try box.write("Plans/plan.schema.yaml", Self.schema)
        try box.write("Plans/a.yaml", "# yaml-language-server: $schema=plan.schema.yaml\nbudget: 1\n")
        try box.write("Plans/b.yaml", "# yaml-language-server: $schema=https://example.com/plan.json\nname: b\n")
        let r = try box.planlint("check", "--format", "short", "Plans/a.yaml", "Plans/b.yaml")
        #expect(r.status == 1, "\(r.both)")
        #expect(r.lines.contains { $0.hasPrefix("Plans/a.yaml:2:1: error: ") && $0.hasSuffix("[schema/required]") }, "\(r.both)")
        #expect(r.lines.contains { $0.hasPrefix("Plans/b.yaml:1:1: warning: the schema https://example.com/plan.json is not fetched") }, "\(r.both)")
    }

    @Test func brokenSchemaIsAToolFailure() throws {
        let box = try Sandbox()
        try box.write("plan.schema.yaml", "type: object\nminimum: \"5\"\nproperties: [1]\n")
        try box.write(".planlint.yaml", "schemas:\n  - schema: plan.schema.yaml\n    files: [\"*.yaml\"]\nexclude: [\"*.schema.yaml\"]\n")
        try box.write("a.yaml", "name: a\n")
        let r = try box.planlint("check", "--format", "short", "a.yaml")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.lines.contains { $0.hasPrefix("plan.schema.yaml:") && $0.contains("[schema/") }, "\(r.both)")
    }

    /// The README's main command: a bare `planlint check` in this repository.
    @Test func repositoryConfigLintsPlansWithRulesAndSchema() throws {
        let root = PlanLintProcess.repositoryRoot
        let r = try PlanLintProcess.run(["check", "--format", "json"], cwd: root)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        // Exactly the real document's known finding (Plans/README.md): exit 1, nothing else.
        #expect(r.status == 1, "\(r.both)")
        let codes = (object?["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
        #expect(codes == ["table-column-total"], "\(r.stdout.prefix(500))")
        let files = (object?["summary"] as? [String: Any])?["files"] as? Int
        #expect(files == 2, "\(r.stdout.prefix(500))")
        // The same plan with a schema error and a rule error, through stdin under its name.
        let plan = try String(contentsOf: root.appendingPathComponent("Tests/Fixtures/plan-1/miyagi-ict-2014-2016.yaml"), encoding: .utf8)
        let broken = plan.replacingOccurrences(of: "\nformat: planlint/plan@1", with: "\nformt: planlint/plan@1")
        let b = try PlanLintProcess.run(["check", "--format", "short", "-", "--stdin-filename", "Plans/broken.yaml"], cwd: root, stdin: broken)
        #expect(b.status == 1, "\(b.both)")
        #expect(b.stdout.contains("[schema/"), "the plan schema applies: \(b.both)")
    }
}
