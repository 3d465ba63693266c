import Foundation
import Testing
import Diagnostics
import SchemaValidation
import SourceText
import YAMLTree

/// The schema the project ships (Plans/plan-1.schema.yaml) against the plan it ships, and
/// against copies of that plan with one mistake each.
@Suite struct PlanSchemaTests {
    static let planPath = TestPaths.packageRoot + "/Tests/Fixtures/plan-1/miyagi-ict-2014-2016.yaml"
    static let schemaPath = TestPaths.packageRoot + "/Plans/plan-1.schema.yaml"

    static func schema() throws -> CompiledSchema {
        let registry = SchemaRegistry(allowedRoot: TestPaths.packageRoot)
        let loaded = registry.schema(atPath: schemaPath)
        guard let schema = loaded.schema else { throw TestFailure("schema did not load: \(loaded.diagnostics)") }
        return schema
    }

    static func planText() throws -> String {
        try String(contentsOfFile: planPath, encoding: .utf8)
    }

    static func validateText(_ text: String, path: String = "Plans/miyagi-mutated.yaml") throws -> [Diagnostic] {
        let file = SourceFile(path: path, text: text)
        let parsed = YAMLReader.parse(file)
        guard parsed.isComplete, let root = parsed.documents.first else { throw TestFailure("mutated plan does not parse: \(parsed.problems)") }
        return validate(document: root, against: try schema())
    }

    @Test func schemaLoadsWithoutProblems() throws {
        let registry = SchemaRegistry(allowedRoot: TestPaths.packageRoot)
        let loaded = registry.schema(atPath: Self.schemaPath)
        #expect(loaded.schema != nil)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map { GoldenText.render($0) })")
        #expect(loaded.schema?.title == "planlint plan file (planlint/plan@1)")
    }

    @Test func miyagiPlanValidatesCleanly() throws {
        let diagnostics = try Self.validateText(try Self.planText(), path: Self.planPath)
        #expect(diagnostics.isEmpty, Comment(rawValue: GoldenText.render(diagnostics)))
        let (_, parsed) = try parseFile(Self.planPath)
        #expect(try Self.schema().isValid(parsed.documents[0]))
    }

    /// The plan in Plans/ (plan@2) names its schema beside it in its first line.
    @Test func planModelineNamesTheSchema() throws {
        let planPath = TestPaths.packageRoot + "/Plans/miyagi-ict-2014-2016.yaml"
        let schemaPath = TestPaths.packageRoot + "/Plans/plan.schema.yaml"
        let (file, _) = try parseFile(planPath)
        let modeline = try #require(SchemaModeline.find(in: file))
        #expect(modeline.written == "plan.schema.yaml")
        #expect(modeline.target == .file(path: schemaPath))
        #expect(file.location(of: modeline.span.range.start).line == 1)
        let registry = SchemaRegistry(allowedRoot: TestPaths.packageRoot)
        let loaded = try #require(registry.schema(forModelineIn: file))
        #expect(loaded.schema != nil)
        // Cached: the same compiled schema comes back.
        #expect(registry.schema(atPath: schemaPath).schema === loaded.schema)
    }

    struct Mutation: CustomStringConvertible, Sendable {
        var name: String
        /// Text to find (its first occurrence after `after`, if given) and its replacement.
        var find: String
        var replace: String
        var after: String?
        var code: String
        /// The text the finding must point at, and a part of its message.
        var pointsAt: String
        var message: String
        var description: String { name }
    }

    static let mutations: [Mutation] = [
        Mutation(name: "look-alike mark", find: "mark: ○", replace: "mark: 〇", code: "schema/enum",
                 pointsAt: "〇", message: "expected one of \"◎\", \"○\", \"△\", \"×\", \"－\"; found string \"〇\""),
        Mutation(name: "misspelt key", find: "budget: 7199", replace: "budjet: 7199", code: "schema/additional-properties",
                 pointsAt: "budjet", message: "unknown key `budjet` in 年度の欄 (one year's cells)"),
        Mutation(name: "missing end", find: "            end: 2016\n", replace: "", code: "schema/required",
                 pointsAt: "number: 1", message: "missing required key `end` (終了年度 (last fiscal year)) in 事業 (project)"),
        Mutation(name: "thousands separator", find: "budget: 7199", replace: "budget: \"7,199\"", code: "schema/any-of",
                 pointsAt: "\"7,199\"", message: "expected integer or \"＊\", found string \"7,199\""),
        Mutation(name: "era year", find: "fy: 2015, count: 5, budget: 4", replace: "fy: 平成27, count: 5, budget: 4", code: "schema/type",
                 pointsAt: "平成27", message: "expected integer, found string \"平成27\""),
        Mutation(name: "percent sign", find: "percent: 90.6", replace: "percent: 90.6%", code: "schema/type",
                 pointsAt: "90.6%", message: "expected number, found string \"90.6%\""),
        Mutation(name: "format version", find: "format: planlint/plan@1", replace: "format: planlint/plan@2", code: "schema/const",
                 pointsAt: "planlint/plan@2", message: "expected \"planlint/plan@1\", found string \"planlint/plan@2\""),
        Mutation(name: "year too early", find: "start: 2014\n    end: 2016", replace: "start: 1899\n    end: 2016", code: "schema/minimum",
                 pointsAt: "1899", message: "expected a number ≥ 1900, found 1899"),
        Mutation(name: "note without ※", find: "note: \"※平成26年度で終了\"", replace: "note: \"平成26年度で終了\"", code: "schema/pattern",
                 pointsAt: "\"平成26年度で終了\"", message: "string \"平成26年度で終了\" does not match the pattern `^※`"),
        Mutation(name: "repeated fiscal year", find: "fiscal_years: [2014, 2015, 2016]", replace: "fiscal_years: [2014, 2014, 2016]",
                 code: "schema/unique-items", pointsAt: "2014", message: "item 2 repeats item 1 (2014); items must be unique"),
        Mutation(name: "empty title", find: "title: 防災機能の再構築", replace: "title: \"\"", code: "schema/min-length",
                 pointsAt: "\"\"", message: "expected at least 1 character, found an empty string"),
        Mutation(name: "printed count without count", find: "    stated_projects: 7\n    stated_projects_printed: 計７事業",
                 replace: "    stated_projects_printed: 計７事業", code: "schema/dependent-required",
                 pointsAt: "stated_projects_printed", message: "`stated_projects_printed` requires `stated_projects`, which is missing"),
        Mutation(name: "no priority goals", find: "  priority_goals:\n    - 安全・安心なくらし\n    - 快適・便利なくらし\n    - 活力ある豊かな地域\n    - 情報活用力の向上\n    - 行政運営の最適化\n",
                 replace: "  priority_goals: []\n", code: "schema/min-items",
                 pointsAt: "priority_goals", message: "expected at least 1 item, found 0"),
        Mutation(name: "negative count", find: "counts: {◎: 22, ○: 107", replace: "counts: {◎: -22, ○: 107", code: "schema/minimum",
                 pointsAt: "-22", message: "expected a number ≥ 0, found -22"),
    ]

    /// Each mutated copy of the plan yields exactly one finding, of the right code, at the
    /// mutated text.
    @Test(arguments: mutations)
    func mutationIsFoundPrecisely(_ m: Mutation) throws {
        let text = try Self.planText()
        var searchStart = text.startIndex
        if let after = m.after, let r = text.range(of: after) { searchStart = r.upperBound }
        let range = try #require(text.range(of: m.find, range: searchStart..<text.endIndex), "\(m.find) not in the plan")
        let mutated = text.replacingCharacters(in: range, with: m.replace)
        let diagnostics = try Self.validateText(mutated)
        #expect(diagnostics.count == 1, Comment(rawValue: GoldenText.render(diagnostics)))
        let d = try #require(diagnostics.first)
        #expect(d.code == m.code)
        #expect(d.severity == .error)
        #expect(d.message == m.message)
        let span = try #require(d.span)
        let pointed = span.file.text(in: span.range)
        #expect(pointed == m.pointsAt || pointed.hasPrefix(m.pointsAt), "points at \(pointed)")
        // The mutation is on the line the finding points at (or, for a removal, the mapping that lost it).
        let changedOffset = mutated.utf8.distance(from: mutated.startIndex, to: range.lowerBound)
        let changedLine = span.file.location(of: changedOffset).line
        let line = span.file.location(of: span.range.start).line
        #expect(abs(line - changedLine) <= 8, "finding on line \(line), change on line \(changedLine)")
        // Every finding explains itself with a label in the schema file.
        #expect(d.labels.contains { $0.span.file.path.hasSuffix("Plans/plan-1.schema.yaml") })
    }

    /// The golden for a trimmed Miyagi plan with the classic mistakes, Japanese keys and values.
    @Test func japaneseGolden() throws {
        let dir = TestPaths.fixtures + "/miyagi-mistakes"
        let (file, parsed) = try parseFile(dir + "/plan.yaml")
        #expect(parsed.problems.isEmpty)
        let diagnostics = validate(document: parsed.documents[0], against: try Self.schema())
        #expect(!diagnostics.isEmpty)
        _ = file
        GoldenText.check(GoldenText.render(diagnostics), against: dir + "/expected.txt")
    }
}
