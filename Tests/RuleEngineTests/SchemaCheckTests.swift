import Diagnostics
import Foundation
import RuleEngine
import SourceText
import Testing
import YAMLTree

/// Issue 18, item 9: when the schema of the documents a pack checks is known, paths and
/// fields are checked when the rules load — one error at the rule, not one per match.
@Suite struct SchemaCheckTests {
    static let schema = """
    $schema: https://json-schema.org/draft/2020-12/schema
    type: object
    additionalProperties: false
    properties:
      format: {const: demo@1}
      projects:
        type: array
        items: {$ref: "#/$defs/project"}
      nodes:
        type: array
        items: {$ref: "#/$defs/node"}
      extra:
        type: object
    $defs:
      project:
        title: 事業
        type: object
        additionalProperties: false
        properties:
          name: {type: string}
          department: {type: string}
          budget: {type: number}
          note: {type: string}
      node:
        type: object
        additionalProperties: false
        properties:
          name: {type: string}
          nodes: {type: array, items: {$ref: "#/$defs/node"}}
    """

    /// Loads `rules` (a rule file beside the schema, which it names with `schema:`).
    func load(_ rules: String) throws -> RuleLoadResult {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-schema-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.schema.write(to: dir.appendingPathComponent("demo.schema.yaml"), atomically: true, encoding: .utf8)
        try ("schema: demo.schema.yaml\n" + rules).write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        let loaded = RuleLoader.load(paths: [dir.appendingPathComponent("rules.yaml").path])
        // Messages name the file by its place in the temporary folder: keep the last part.
        return loaded
    }

    func describe(_ d: Diagnostic) -> String {
        guard let span = d.span else { return d.message }
        return "\(URL(fileURLWithPath: span.file.path).lastPathComponent):\(span.start.line):\(span.start.column): \(d.code): \(d.message)"
    }

    func rule(_ path: String, _ assert: String, extra: String = "") -> String {
        """
        rules:
          - id: r
            severity: error
            summary: s
            for: "\(path)"
        \(extra)    assert: "\(assert)"
        """
    }

    @Test func aMisspeltFieldIsOneErrorAtTheRule() throws {
        let r = try load(rule("projects[*]", "self.departmnet != ''"))
        #expect(r.diagnostics.map(describe) == ["rules.yaml:7:19: rule-file/unknown-field: the schema allows no field `departmnet` in 事業"])
        #expect(r.diagnostics.first?.help == "did you mean `department`?")
        #expect(r.diagnostics.first?.notes == ["its fields: name, department, budget, note"])
        #expect(r.ruleSet.isEmpty, "the rule is not loaded, so it cannot fail once per project")
    }

    @Test func pathsAreCheckedStepByStep() throws {
        let r = try load(rule("projcts[*].name", "true"))
        #expect(r.diagnostics.map(describe) == ["rules.yaml:6:11: rule-file/unknown-field: the schema allows no key `projcts` in the document, so this path matches nothing"])
        #expect(r.diagnostics.first?.help == "did you mean `projects`?")
        // An optional key may be absent from the schema; a key the schema leaves open is fine.
        #expect(try load(rule("legacy?[*]", "true")).diagnostics.isEmpty)
        #expect(try load(rule("extra.anything", "true")).diagnostics.isEmpty)
    }

    @Test func fieldsThroughMacrosLetsCapturesAndRecursion() throws {
        // Macro variables take the items' schema; so do lets and captures.
        let macro = try load(rule("$", "root.projects.all(p, has(p.note) || p.nmae != '')"))
        #expect(macro.diagnostics.map(\.message) == ["the schema allows no field `nmae` in 事業"])
        let letted = try load(rule("$", "first.budgt > 0", extra: "    let:\n      first: root.projects[0]\n"))
        #expect(letted.diagnostics.map(\.message) == ["the schema allows no field `budgt` in 事業"])
        let captured = try load(rule("projects[* as p].name", "p.departement != ''"))
        #expect(captured.diagnostics.map(\.message) == ["the schema allows no field `departement` in 事業"])
        let deep = try load(rule("nodes[**]", "size(self.children) >= 0"))
        #expect(deep.diagnostics.map(\.message) == ["the schema allows no field `children` in #/$defs/node"])
        #expect(try load(rule("nodes[**]", "has(self.nodes) || self.name != ''")).diagnostics.isEmpty)
        // `has` and `get` test for fields: they are not errors.
        #expect(try load(rule("projects[*]", "!has(self.notes) && get(self, 'notez', '') == ''")).diagnostics.isEmpty)
    }

    @Test func theSchemasTypesFeedTheChecker() throws {
        let r = try load(rule("projects[*]", "self.name > 3"))
        #expect(r.diagnostics.map(\.message) == ["cannot order a string against a number"])
        #expect(try load(rule("projects[*]", "self.budget > 3 && self.name.startsWith('地')")).diagnostics.isEmpty)
    }
}
