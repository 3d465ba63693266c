import Foundation
import PlanLintKit
import Testing

/// The files planlint carries in its binary (`planlint:recommended`, `planlint:plan@2`,
/// `planlint:plan@1`) are the repository's own: `Sources/PlanLintKit/EmbeddedFiles.swift` is
/// generated from `Rules/*.yaml` and `Plans/*.schema.yaml`, and this test fails when it is
/// stale. Regenerate with `PLANLINT_RECORD=1 swift test --filter EmbeddedFilesTests` and
/// rebuild.
@Suite struct EmbeddedFilesTests {
    static let root = PlanLintProcess.repositoryRoot
    static let generatedPath = "Sources/PlanLintKit/EmbeddedFiles.swift"

    /// The repository files that are embedded, by path relative to the root.
    static func sourceFiles() throws -> [(path: String, text: String)] {
        let fm = FileManager.default
        let rules = try fm.contentsOfDirectory(atPath: root.appendingPathComponent("Rules").path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted().map { "Rules/" + $0 }
        return try (["Plans/plan.schema.yaml", "Plans/plan-1.schema.yaml"] + rules).map { path in
            (path, try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
    }

    /// The Swift source holding `files` as raw string literals.
    static func generate(_ files: [(path: String, text: String)]) -> String {
        var out = """
        // Generated from the repository's Rules/*.yaml and Plans/*.schema.yaml by
        // Tests/CLITests/EmbeddedFilesTests.swift; do not edit. After changing those files:
        //   PLANLINT_RECORD=1 swift test --filter EmbeddedFilesTests
        // These are the texts of planlint:recommended, planlint:plan@2 and planlint:plan@1.
        enum EmbeddedFiles {
            static let files: [(path: String, text: String)] = [

        """
        for (path, text) in files {
            // Enough `#`s that the text cannot end the literal or interpolate.
            var hashes = "#"
            while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
            out += "        (path: \"\(path)\", text: \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
        }
        out += "    ]\n}\n"
        return out
    }

    @Test func theGeneratedFileIsCurrent() throws {
        let expected = Self.generate(try Self.sourceFiles())
        let url = Self.root.appendingPathComponent(Self.generatedPath)
        if ProcessInfo.processInfo.environment["PLANLINT_RECORD"] == "1" {
            try Data(expected.utf8).write(to: url, options: .atomic)
            return
        }
        let actual = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(Self.generatedPath) is stale: run PLANLINT_RECORD=1 swift test --filter EmbeddedFilesTests")
    }

    /// What the binary serves is byte for byte what the repository holds.
    @Test func theBuiltInResourcesAreTheRepositoryFiles() throws {
        let files = try Self.sourceFiles()
        #expect(BuiltinResources.schema("plan@2")?.text == files.first { $0.path == "Plans/plan.schema.yaml" }?.text)
        #expect(BuiltinResources.schema("planlint:plan@1")?.text == files.first { $0.path == "Plans/plan-1.schema.yaml" }?.text)
        #expect(BuiltinResources.schema("plan@3") == nil)
        let pack = try #require(BuiltinResources.pack("planlint:recommended"))
        let rules = files.filter { $0.path.hasPrefix("Rules/") }
        #expect(pack.map(\.displayPath) == rules.map { "planlint:recommended/" + $0.path.dropFirst("Rules/".count) })
        #expect(pack.map(\.text) == rules.map(\.text))
        #expect(BuiltinResources.schemaName(forFormat: "planlint/plan@2") == "plan@2")
        #expect(BuiltinResources.schemaName(forFormat: "planlint/plan@9") == nil)
    }
}
