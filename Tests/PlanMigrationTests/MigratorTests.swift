import Foundation
import SourceText
import Testing
import YAMLTree
@testable import PlanMigration

/// plan@1 → plan@2 on the real Miyagi plan (Tests/Fixtures/plan-1) and on small hand-made files.
@Suite struct MigratorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixture = root.appendingPathComponent("Tests/Fixtures/plan-1/miyagi-ict-2014-2016.yaml")

    static func migrate(_ text: String, path: String = "plan.yaml") throws -> (file: SourceFile, result: PlanV1Migrator.Result) {
        let file = SourceFile(path: path, text: text)
        let parsed = YAMLReader.parse(file)
        guard parsed.problems.isEmpty, let root = parsed.documents.first else { throw Failure("does not parse: \(parsed.problems)") }
        return (file, try PlanV1Migrator.migrate(file: file, root: root))
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    static func miyagi() throws -> (original: String, file: SourceFile, result: PlanV1Migrator.Result) {
        let text = try String(contentsOf: fixture, encoding: .utf8)
        let (file, result) = try migrate(text, path: "miyagi.yaml")
        return (text, file, result)
    }

    @Test func miyagiMigratesToAParsingPlan2FileWithoutWarnings() throws {
        let (original, _, result) = try Self.miyagi()
        #expect(result.warnings == [])
        let parsed = YAMLReader.parse(result.text, path: "m2.yaml")
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        let root = try #require(parsed.documents.first)
        #expect(PlanV1Migrator.format(of: root) == "planlint/plan@2")
        #expect(root.entries.map { $0.key.scalarText ?? "" } == ["format", "plan", "scales", "levels", "nodes", "tables", "stated"])
        // Writable by hand: no longer than plan@1 (the issue allows 1.2 times).
        let lines = { (s: String) in s.split(separator: "\n", omittingEmptySubsequences: false).count }
        #expect(Double(lines(result.text)) <= 1.2 * Double(lines(original)))
        #expect(lines(result.text) < lines(original))
    }

    /// Every comment of the original survives, in the same order; a modeline naming the
    /// built-in plan@1 schema now names plan@2's.
    @Test func everyCommentIsKept() throws {
        let (original, _, result) = try Self.miyagi()
        func comments(_ s: String) -> [String] {
            s.split(separator: "\n").map { $0.drop { $0 == " " } }.filter { $0.hasPrefix("#") }.map(String.init)
        }
        let before = comments(original).map { $0 == "# yaml-language-server: $schema=planlint:plan@1" ? "# yaml-language-server: $schema=planlint:plan@2" : $0 }
        let after = comments(result.text)
        #expect(after.first == "# yaml-language-server: $schema=planlint:plan@2")
        #expect(after == before, "lost: \(Set(before).subtracting(after))")
    }

    /// Every scalar the rewrite emits maps back to the scalar it came from, and says the same.
    @Test func everyReEmittedScalarMapsBackToItsOriginal() throws {
        let (_, file, result) = try Self.miyagi()
        let out = Array(result.text.utf8)
        var checked = 0
        for segment in result.map.segments where segment.copiedFrom == nil {
            for s in segment.scalars {
                let emitted = String(decoding: out[s.output.start..<s.output.end], as: UTF8.self)
                let source = file.text(in: s.original)
                #expect(emitted == source, "\(emitted) ← \(source)")
                #expect(result.map.original(s.output) == s.original)
                checked += 1
            }
        }
        // The tally (3 × 6), the budget tables (2 × 11 rows × up to 10 cells), the legend, the stated figures …
        #expect(checked > 250)
        // Copied text maps by offset: the 情報発信サイト等 FY2016 total 159 maps to where plan@1 printed it.
        let m2 = Array(result.text.utf8)
        let needle = Array("[合計, 30, 132, 128, 32, 157, 157, 29, 159, 145]".utf8)
        let at = try #require((0...(m2.count - needle.count)).first { m2[$0..<($0 + needle.count)].elementsEqual(needle) })
        let cell = ByteRange(at + "[合計, 30, 132, 128, 32, 157, 157, 29, ".utf8.count, at + "[合計, 30, 132, 128, 32, 157, 157, 29, 159".utf8.count)
        let original = result.map.original(cell)
        #expect(file.text(in: original) == "159")
        #expect(file.location(of: original.start).line == 1050)
        #expect(file.location(of: original.start).column == 43)
    }

    @Test func aPlan2OrForeignFileIsRefused() throws {
        for (text, why) in [("format: planlint/plan@2\nplan: {title: x}\n", "already planlint/plan@2"),
                            ("plan: {title: x}\n", "no `format` key"),
                            ("- a\n", "not a mapping"),
                            ("{format: planlint/plan@1}\n", "flow style")] {
            #expect(throws: PlanV1Migrator.Failure.self) { try Self.migrate(text) }
            do { _ = try Self.migrate(text) } catch let f as PlanV1Migrator.Failure { #expect(f.description.contains(why), "\(f)") }
        }
    }

    /// A minimal plan@1 file with flow-style projects, no budgets and no evaluation.
    @Test func aSmallPlanWithFlowProjectsMigrates() throws {
        let text = """
        format: planlint/plan@1
        plan:
          title: 例
          period: {start: 2020, end: 2022}
        fields:
          - number: 1
            name: "分野: 一"   # a name that needs quotes
            items:
              - number: 1
                title: 項目
                projects:
                  - {number: 1, name: a, department: b, mark: ○, start: 2020, end: 2022}
                  - {number: 2, name: c, department: d, mark: ◎, start: 2021, end: 2022, note: "※R3年度事業開始"}
        stated_counts:
          projects: 2
        """
        let (_, result) = try Self.migrate(text)
        #expect(result.warnings == [])
        #expect(result.warnings == [])
        #expect(result.text == """
        format: planlint/plan@2
        plan:
          title: 例
          period: {start: 2020, end: 2022}
          year_notes: {end: 終了, start: 開始}

        levels:
          - 分野
          - 項目
          - {name: 事業}
        nodes:
          - number: 1
            name: "分野: 一"   # a name that needs quotes
            nodes:
              - number: 1
                name: 項目
                nodes:
                  - {number: 1, name: a, department: b, mark: ○}
                  - {number: 2, name: c, department: d, mark: ◎, start: 2021, note: "※R3年度事業開始"}
        stated:
          - {count: 2, of: 事業}
        """)
        #expect(YAMLReader.parse(result.text).problems.isEmpty)
    }

    @Test func quotingKeepsValuesThatAreNotSafeInFlowContext() {
        #expect(YAMLText.plainIsFlowSafe("地域の情報化"))
        #expect(!YAMLText.plainIsFlowSafe("a, b"))
        #expect(!YAMLText.plainIsFlowSafe("a: b"))
        #expect(YAMLText.quoted("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"")
        #expect(YAMLText.plainOrQuoted("○", flow: true) == "○")
        #expect(YAMLText.plainOrQuoted("-", flow: true) == "\"-\"")
        #expect(YAMLText.plainOrQuoted("true", flow: false) == "\"true\"")
        #expect(YAMLText.plainOrQuoted("12", flow: false) == "\"12\"")
    }
}

extension MigratorTests {
    @Test func aModelineNamingAFileIsLeftWithAWarning() throws {
        let (_, result) = try Self.migrate("# yaml-language-server: $schema=plan.schema.yaml\nformat: planlint/plan@1\nplan: {title: x}\n")
        #expect(result.text.hasPrefix("# yaml-language-server: $schema=plan.schema.yaml\nformat: planlint/plan@2\n"))
        #expect(result.warnings == ["line 1 names the schema plan.schema.yaml, which describes plan@1: point it at a plan@2 schema (`planlint schema plan@2 > plan.schema.yaml`, or `$schema=planlint:plan@2`)"])
    }
}
