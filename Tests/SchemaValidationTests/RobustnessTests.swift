import Foundation
import Testing
import Diagnostics
import SchemaValidation
import SourceText
import YAMLTree

/// Hostile or broken input must give positioned diagnostics — never a crash, a hang or
/// unbounded work.
@Suite struct RobustnessTests {
    static func compile(_ text: String, path: String = "/virtual/schema.yaml") -> SchemaLoadResult {
        SchemaRegistry(allowedRoot: "/virtual").compile(SourceFile(path: path, text: text))
    }

    static func document(_ text: String, limits: YAMLLimits = .default) throws -> YAMLNode {
        let parsed = YAMLReader.parse(text, path: "data.yaml", limits: limits)
        guard parsed.isComplete, let root = parsed.documents.first else { throw TestFailure("data did not parse: \(parsed.problems)") }
        return root
    }

    static func nested(_ depth: Int, innermost: String) -> String {
        String(repeating: "[", count: depth) + innermost + String(repeating: "]", count: depth)
    }

    /// A recursive schema (`$ref: '#'`) on data 1000 levels deep (the YAML reader's limit):
    /// the one finding is at the bottom.
    @Test func thousandLevelsDeep() throws {
        let schema = try #require(Self.compile("type: array\nitems:\n  anyOf:\n    - $ref: '#'\n    - type: integer\n").schema)
        let ok = try Self.document(Self.nested(1000, innermost: "1"))
        #expect(validate(document: ok, against: schema).isEmpty)
        #expect(schema.isValid(ok))
        let bad = try Self.document(Self.nested(1000, innermost: "x"))
        let findings = validate(document: bad, against: schema)
        #expect(findings.count == 1)
        #expect(findings.first?.code == "schema/any-of")
        #expect(findings.first?.span.map { $0.file.text(in: $0.range) } == "x")
        #expect(!schema.isValid(bad))
    }

    /// A closed mapping with thousands of keys it does not allow (issue 16: a million made a
    /// million messages with suggestions, 1.7 GB): the first 1,000 in the document are
    /// diagnostics, the rest one summary that counts them.
    @Test func aFloodOfUnknownKeysIsCountedNotBuilt() throws {
        let schema = try #require(Self.compile("type: object\nproperties: {name: {type: string}}\nadditionalProperties: false\n").schema)
        let doc = try Self.document((0..<5_000).map { "k\($0): \($0)\n" }.joined())
        let findings = validate(document: doc, against: schema)
        let shown = findings.filter { $0.omitted == 0 }
        #expect(shown.count == 1_000)
        #expect(shown.allSatisfy { $0.code == "schema/additional-properties" })
        // The first in the document, in order.
        #expect(shown.first?.message == "unknown key `k0`" && shown.last?.message == "unknown key `k999`", "\(shown.first?.message ?? "")")
        let summary = try #require(findings.first { $0.omitted > 0 })
        #expect(summary.omitted == 4_000 && summary.code == "schema/additional-properties")
        // Under the cap nothing changes: every key is a diagnostic, none a count.
        let few = validate(document: doc, against: schema, options: ValidationOptions(maxDiagnosticsPerCode: 5_000))
        #expect(few.count == 5_000 && few.allSatisfy { $0.omitted == 0 })
    }

    /// A stream of invalid documents (issue 21: 10,000 one-scalar documents built 10,000
    /// messages to show 1,000): past the cap, a document's failures are counted, not worded.
    @Test func aStreamPastTheCapIsCountedNotWorded() throws {
        let schema = try #require(Self.compile("type: object\nrequired: [a, b]\n").schema)
        let parsed = YAMLReader.parse(String(repeating: "---\n1\n", count: 2_500) + String(repeating: "--- {}\n", count: 700),
                                      path: "data.yaml")
        let jobs = parsed.documents.map { (document: $0, schema: schema) }
        let batch = ValidationBatch.run(jobs, perCode: 1_000)
        // The first 1,000 scalars are worded and kept; the other 1,500 only counted.
        #expect(batch.diagnostics.filter { $0.code == "schema/type" }.count == 1_000)
        #expect(batch.omitted["schema/type"] == 1_500)
        // Each `{}` misses `a` and `b` at one place: they are worded (only words tell two
        // failures at one place apart), 700 × 2 = 1,400 findings, 1,000 kept.
        #expect(batch.diagnostics.filter { $0.code == "schema/required" }.count == 1_000)
        #expect(batch.omitted["schema/required"] == 400)
        #expect(batch.worded == 1_000 + 1_400, "failures past the cap were worded")
        #expect(batch.wordedDocuments == 1_700)
        // The kept diagnostics are those validate(document:against:) gives, in the same order.
        let one = jobs.prefix(1_000).flatMap { validate(document: $0.document, against: schema) }
        #expect(batch.diagnostics.filter { $0.code == "schema/type" } == one)
    }

    /// Deeper than the validator's own limit: a `schema/depth-limit` finding, not a crash.
    @Test func deeperThanTheLimitStopsWithAFinding() throws {
        let schema = try #require(Self.compile("type: array\nitems: {$ref: '#'}\n").schema)
        let doc = try Self.document(Self.nested(1500, innermost: ""), limits: YAMLLimits(maxDepth: 10_000))
        let findings = validate(document: doc, against: schema, options: ValidationOptions(maxDepth: 2_000))
        #expect(findings.map(\.code) == ["schema/depth-limit"])
        #expect(validate(document: doc, against: schema).isEmpty)  // default limit is enough
    }

    @Test func refCyclesAreSchemaErrorsAndDoNotHang() throws {
        let loaded = Self.compile("""
            $defs:
              a: {$ref: '#/$defs/b'}
              b: {anyOf: [{$ref: '#/$defs/a'}, {type: string}]}
            $ref: '#/$defs/a'
            """)
        let cycles = loaded.diagnostics.filter { $0.code == "schema/ref-cycle" }
        #expect(cycles.count == 1)
        #expect(cycles.first?.severity == .error)
        let schema = try #require(loaded.schema)
        _ = validate(document: try Self.document("{a: 1}"), against: schema)
        _ = schema.isValid(try Self.document("1"))

        let selfRef = Self.compile("$ref: '#'\n")
        #expect(selfRef.diagnostics.map(\.code) == ["schema/ref-cycle"])
        // Recursion through the data is not a cycle.
        #expect(Self.compile("properties: {next: {$ref: '#'}}\n").diagnostics.isEmpty)
        #expect(Self.compile("items: {$ref: '#'}\nallOf: [{$ref: '#/$defs/x'}]\n$defs: {x: {type: array}}\n").diagnostics.isEmpty)
    }

    /// Alternatives that each recurse would take 2^depth steps without memoisation.
    @Test func recursiveAlternativesStayPolynomial() throws {
        let schema = try #require(Self.compile("""
            $defs:
              n:
                anyOf:
                  - allOf: [{type: array, items: {$ref: '#/$defs/n'}}, {minItems: 2}]
                  - allOf: [{type: array, items: {$ref: '#/$defs/n'}}, {maxItems: 0}]
            $ref: '#/$defs/n'
            """).schema)
        let doc = try Self.document(Self.nested(60, innermost: "x"))
        let clock = ContinuousClock()
        var findings: [Diagnostic] = []
        let elapsed = clock.measure { findings = validate(document: doc, against: schema) }
        #expect(!findings.isEmpty)
        #expect(!schema.isValid(doc))
        // Not a speed claim: without memoisation this would take 2^60 steps and never return,
        // so the generous bound turns a hang into a failure.
        #expect(elapsed < .seconds(60), "took \(elapsed)")
    }

    @Test func brokenSchemasAreDiagnosedInTheSchemaFile() {
        let yamlError = Self.compile("type: [integer\n")
        #expect(yamlError.schema == nil)
        #expect(yamlError.diagnostics.first?.code == "yaml-syntax")
        let notASchema = Self.compile("- 1\n- 2\n")
        #expect(notASchema.schema == nil)
        #expect(notASchema.diagnostics.map(\.code) == ["schema/invalid-keyword"])
        let empty = Self.compile("")
        #expect(empty.schema == nil)
        for bad in ["minLength: -1", "minLength: 1.5", "multipleOf: 0", "enum: 3", "allOf: []", "properties: [a]",
                    "pattern: '('", "type: [string, strin]", "required: [a, 1]", "dependentRequired: {a: b}", "$ref: 5"] {
            let loaded = Self.compile(bad + "\n")
            #expect(loaded.schema != nil, "\(bad)")
            #expect(loaded.diagnostics.contains { $0.severity == .error && $0.span != nil }, "\(bad): \(loaded.diagnostics)")
        }
    }

    /// One compiled schema is used from many tasks at once.
    @Test func concurrentValidationAgrees() async throws {
        let loaded = SchemaRegistry(allowedRoot: TestPaths.packageRoot).schema(atPath: TestPaths.packageRoot + "/Plans/plan-1.schema.yaml")
        let schema = try #require(loaded.schema)
        let text = try String(contentsOfFile: TestPaths.packageRoot + "/Tests/Fixtures/plan-1/miyagi-ict-2014-2016.yaml", encoding: .utf8)
            .replacingOccurrences(of: "budget: 7199", with: "budget: \"7,199\"")
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let parsed = YAMLReader.parse(text, path: "plan.yaml")
                    return validate(document: parsed.documents[0], against: schema).count
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == [Int](repeating: 1, count: 8))
    }
}
