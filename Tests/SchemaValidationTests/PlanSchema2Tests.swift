import Foundation
import Testing
import Diagnostics
import SchemaValidation
import SourceText
import YAMLTree

/// The plan@2 schema (Plans/plan.schema.yaml) against the plans written in plan@2, and
/// against copies of them with one structural mistake each.
@Suite struct PlanSchema2Tests {
    static let schemaPath = TestPaths.packageRoot + "/Plans/plan.schema.yaml"
    static let seiroPath = TestPaths.packageRoot + "/Plans/seiro-2021.yaml"

    static func schema() throws -> CompiledSchema {
        let loaded = SchemaRegistry(allowedRoot: TestPaths.packageRoot).schema(atPath: schemaPath)
        guard let schema = loaded.schema else { throw TestFailure("schema did not load: \(loaded.diagnostics)") }
        return schema
    }

    static func validate(_ text: String, path: String = "Plans/mutated.yaml") throws -> [Diagnostic] {
        let parsed = YAMLReader.parse(SourceFile(path: path, text: text))
        guard parsed.isComplete, let root = parsed.documents.first else { throw TestFailure("does not parse: \(parsed.problems)") }
        return SchemaValidation.validate(document: root, against: try schema())
    }

    @Test func schemaLoadsWithoutProblems() throws {
        let loaded = SchemaRegistry(allowedRoot: TestPaths.packageRoot).schema(atPath: Self.schemaPath)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map { GoldenText.render($0) })")
        #expect(loaded.schema?.title == "planlint plan file (planlint/plan@2)")
    }

    @Test func seiroValidatesCleanly() throws {
        let diagnostics = try Self.validate(try String(contentsOfFile: Self.seiroPath, encoding: .utf8), path: Self.seiroPath)
        #expect(diagnostics.isEmpty, Comment(rawValue: GoldenText.render(diagnostics)))
    }

    struct Mutation: CustomStringConvertible, Sendable {
        var name: String
        var find: String
        var replace: String
        var code: String
        /// The text the finding points at.
        var pointsAt: String
        var description: String { name }
    }

    static let mutations: [Mutation] = [
        Mutation(name: "misspelt table key", find: "    label: 所属", replace: "    lable: 所属",
                 code: "schema/additional-properties", pointsAt: "lable"),
        Mutation(name: "unknown column kind", find: "{name: 割合, kind: share, of: 事業数, precision: 0}",
                 replace: "{name: 割合, kind: percent, of: 事業数, precision: 0}", code: "schema/enum", pointsAt: "percent"),
        Mutation(name: "a band with two lower ends", find: "B: {means: 80〜99%, min: 80, max: 99}",
                 replace: "B: {means: 80〜99%, min: 80, above: 79, max: 99}", code: "schema/not", pointsAt: "{means: 80〜99%"),
        Mutation(name: "a cell that is a mapping", find: "[税務課, 2]", replace: "[税務課, {n: 2}]", code: "schema/type", pointsAt: "{n: 2}"),
        Mutation(name: "a percent sign", find: "[A(100%以上), 114, 52]", replace: "[A(100%以上), 114, 52%]", code: "",
                 pointsAt: ""),
        Mutation(name: "a rounding mode that does not exist", find: "  - name: 評価実施事業数\n",
                 replace: "  - name: 評価実施事業数\n    rounding: nearest\n", code: "schema/enum", pointsAt: "nearest"),
        Mutation(name: "the wrong format", find: "format: planlint/plan@2", replace: "format: planlint/plan@3",
                 code: "schema/const", pointsAt: "planlint/plan@3"),
        Mutation(name: "a table without rows", find: "    total: 総計\n", replace: "    total: 総計\n    rows: []\n",
                 code: "", pointsAt: ""),
        Mutation(name: "a year count without its year", find: "  period: {start: 2020, end: 2020, printed: 令和2年度実施事業}\n",
                 replace: "  period: {start: 2020, end: 2020, printed: 令和2年度実施事業}\nstated:\n  - {count: 151, of: 事業, added: 3}\n",
                 code: "schema/dependent-required", pointsAt: "added"),
    ]

    /// Each mutated copy of the Seiro plan gives exactly one structural finding, at the
    /// mutated text — or, where the mutation is still valid YAML of another type (`52%` is a
    /// string, which a cell may be) or breaks YAML itself, what the test says instead.
    @Test(arguments: mutations)
    func mutationIsFoundPrecisely(_ m: Mutation) throws {
        let text = try String(contentsOfFile: Self.seiroPath, encoding: .utf8)
        let range = try #require(text.range(of: m.find), "\(m.find) not in the plan")
        let mutated = text.replacingCharacters(in: range, with: m.replace)
        if m.code.isEmpty {
            // `52%` is a string cell (the rules, not the schema, say it is not a share); a
            // second `rows` key is a YAML duplicate-key error before any schema runs.
            let parsed = YAMLReader.parse(SourceFile(path: "x.yaml", text: mutated))
            if parsed.problems.isEmpty { #expect(try Self.validate(mutated).isEmpty) } else { #expect(parsed.problems.first?.code.rawValue == "duplicate-key") }
            return
        }
        let diagnostics = try Self.validate(mutated)
        #expect(diagnostics.count == 1, Comment(rawValue: GoldenText.render(diagnostics)))
        let d = try #require(diagnostics.first)
        #expect(d.code == m.code, Comment(rawValue: GoldenText.render(diagnostics)))
        let span = try #require(d.span)
        #expect(span.file.text(in: span.range).hasPrefix(m.pointsAt), "points at \(span.file.text(in: span.range))")
    }

    /// Editors complete every key: every property the schema declares has a title.
    @Test func everyPropertyHasATitle() throws {
        let parsed = YAMLReader.parse(SourceFile(path: Self.schemaPath, text: try String(contentsOfFile: Self.schemaPath, encoding: .utf8)))
        let root = try #require(parsed.documents.first)
        var missing: [String] = []
        func walk(_ node: YAMLNode, _ path: String) {
            if node.isMapping {
                if let props = node["properties"], props.isMapping {
                    for (k, v) in props.entries where v.isMapping && v["title"] == nil && v["$ref"] == nil {
                        missing.append(path + "." + (k.scalarText ?? "?"))
                    }
                }
                for (k, v) in node.entries { walk(v, path + "." + (k.scalarText ?? "?")) }
            } else if node.isSequence {
                for (i, v) in node.items.enumerated() { walk(v, path + "[\(i)]") }
            }
        }
        walk(root, "")
        #expect(missing == [])
    }
}
