import Foundation
import Testing

/// `planlint:recommended` and `planlint:plan@2` named from a repository that holds neither,
/// `planlint schema`, plans checked against the schema of the format they declare, and the
/// plan@1 deprecation warning.
@Suite struct BuiltinResourceTests {
    static let root = PlanLintProcess.repositoryRoot
    static func repoText(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The Seiro plan without its modeline (a user's repository has no schema file).
    static func seiro(misspelling: Bool = false) throws -> String {
        var text = try repoText("Plans/seiro-2021.yaml")
        text = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
        if misspelling { text = text.replacingOccurrences(of: "    label: 所属", with: "    lable: 所属") }
        return text
    }

    @Test func extendsRecommendedLoadsTheBundledPackWithoutACopy() throws {
        let box = try Sandbox()
        try box.write(".planlint.yaml", "extends: planlint:recommended\npaths: [plans]\n")
        try box.write("plans/seiro.yaml", try Self.seiro())
        let rules = try box.planlint("rules", "--rules", "planlint:recommended", "--format", "json")
        #expect(rules.status == 0, "\(rules.both)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(rules.stdout.utf8)) as? [[String: Any]])
        #expect(!list.isEmpty)
        let sources = Set(list.compactMap { $0["file"] as? String })
        #expect(!sources.isEmpty && sources.allSatisfy { $0.hasPrefix("planlint:recommended/") }, "\(sources)")
        let examples = try box.planlint("test", "planlint:recommended")
        #expect(examples.status == 0 && examples.stdout.hasSuffix(" failed\n"), "\(examples.both)")
        // The plan is checked (and clean): the pack and the plan@2 schema both apply.
        let clean = try box.planlint("check", "--format", "short")
        #expect(clean.status == 0, "\(clean.both)")
        try box.write("plans/seiro.yaml", try Self.seiro(misspelling: true))
        let broken = try box.planlint("check", "--format", "short")
        #expect(broken.status == 1, "\(broken.both)")
        #expect(broken.lines.contains { $0.contains("unknown key `lable`") && $0.hasSuffix("[schema/additional-properties]") }, "\(broken.both)")
    }

    @Test func anUnknownBuiltinIsAConfigErrorWithASuggestion() throws {
        let box = try Sandbox()
        try box.write("a.yaml", "x: 1\n")
        for (config, wanted) in [("extends: planlint:recomended\n", "`planlint:recomended` is not a configuration built into planlint"),
                                 ("rules: [planlint:recommend]\n", "`planlint:recommend` is not a rule pack built into planlint"),
                                 ("schemas:\n  - {schema: planlint:plan@3, files: [\"*.yaml\"]}\n", "`planlint:plan@3` is not a schema built into planlint")] {
            try box.write(".planlint.yaml", config)
            let r = try box.planlint("check", "--format", "short", "a.yaml")
            #expect(r.status == 2, "\(r.both)")
            let line = try #require(r.stdout.split(separator: "\n").first { $0.contains(wanted) } ?? r.stderr.split(separator: "\n").first { $0.contains(wanted) },
                                    "\(r.both)")
            #expect(line.hasSuffix("[config/not-found]"))
            #expect(line.hasPrefix(".planlint.yaml:"))
        }
        let human = try box.planlint("check", "a.yaml")
        #expect(human.stdout.contains("did you mean `planlint:plan@2`?") || human.stdout.contains("`planlint:plan@2`"), "\(human.both)")
    }

    @Test func aSchemaBindingAndAModelineCanNameTheBuiltinSchema() throws {
        let box = try Sandbox()
        try box.write(".planlint.yaml", "schemas:\n  - {schema: planlint:plan@2, files: [\"bound/*.yaml\"]}\n")
        try box.write("bound/a.yaml", try Self.seiro(misspelling: true))
        try box.write("free/b.yaml", "# yaml-language-server: $schema=planlint:plan@2\n" + (try Self.seiro(misspelling: true)))
        try box.write("free/c.yaml", "# yaml-language-server: $schema=planlint:plan@9\nx: 1\n")
        let r = try box.planlint("check", "--format", "short", "bound", "free")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.lines.contains { $0.hasPrefix("bound/a.yaml:") && $0.hasSuffix("[schema/additional-properties]") }, "\(r.both)")
        #expect(r.lines.contains { $0.hasPrefix("free/b.yaml:") && $0.hasSuffix("[schema/additional-properties]") }, "\(r.both)")
        #expect(r.lines.contains { $0.hasPrefix("free/c.yaml:1:1: error: there is no schema planlint:plan@9") }, "\(r.both)")
    }

    /// Without a config or a modeline, a document that declares `format: planlint/plan@2` is
    /// checked against the plan@2 schema; other YAML is left alone.
    @Test func theDeclaredFormatChoosesTheSchema() throws {
        let box = try Sandbox()
        try box.write("plan.yaml", try Self.seiro(misspelling: true))
        try box.write("other.yaml", "lable: 所属\n")
        let r = try box.planlint("check", "--no-config", "--format", "short", "plan.yaml", "other.yaml")
        #expect(r.status == 1, "\(r.both)")
        #expect(r.lines.count == 1 && r.lines[0].hasPrefix("plan.yaml:") && r.lines[0].hasSuffix("[schema/additional-properties]"), "\(r.both)")
    }

    @Test func aPlan1FileGetsADeprecationWarningAtItsFormat() throws {
        let box = try Sandbox()
        try box.write("old.yaml", "format: planlint/plan@1\nplan: {title: 例, period: {start: 2020, end: 2020}}\nfields: []\n")
        let r = try box.planlint("check", "--no-config", "--format", "short", "old.yaml")
        #expect(r.lines.contains("old.yaml:1:9: warning: planlint/plan@1 is deprecated: `planlint migrate` rewrites this file as planlint/plan@2 [plan-format-deprecated]"), "\(r.both)")
        let explain = try box.planlint("explain", "plan-format-deprecated")
        #expect(explain.status == 0 && explain.stdout.contains("planlint migrate"), "\(explain.both)")
    }

    @Test func schemaPrintsTheBuiltinSchemas() throws {
        let box = try Sandbox()
        let plan2 = try box.planlint("schema", "plan@2")
        #expect(plan2.status == 0)
        #expect(plan2.stdout == (try Self.repoText("Plans/plan.schema.yaml")))
        let plan1 = try box.planlint("schema", "plan@1")
        #expect(plan1.stdout == (try Self.repoText("Plans/plan-1.schema.yaml")))
        let list = try box.planlint("schema")
        #expect(list.lines == ["plan@2", "plan@1"])
        let wrong = try box.planlint("schema", "plan2")
        #expect(wrong.status == 2 && wrong.stderr.contains("did you mean `plan@2`?"), "\(wrong.both)")
    }
}
