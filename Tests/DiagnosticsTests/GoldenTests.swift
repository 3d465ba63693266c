import CorpusSupport
import DiagnosticRendering
import Diagnostics
import Foundation
import GoldenFiles
import Testing

/// Every fixture in every format, compared with the goldens beside it; SARIF validated
/// against the official schema and JSON against planlint's own.
@Suite("Golden outputs")
struct GoldenTests {
    /// What the tests pass as the root: the Fixtures directory, so paths are `<case>/<file>`.
    static func context(for c: FixtureCase, diagnostics: [Diagnostic], color: Bool = false) -> RenderContext {
        let failing = diagnostics.contains { $0.severity == .error && $0.suppression == nil }
        return RenderContext(
            toolVersion: "0.1.0",
            rules: RuleMetadata.fixtureRules,
            rootDirectory: Fixtures.directory,
            exitCode: failing ? 1 : 0,
            executionSuccessful: true,
            checkedFiles: c.checkedFiles,
            color: color)
    }

    /// The root's `file://` URI differs per machine; goldens hold a placeholder.
    static func normalizeRoot(_ sarif: String) -> String {
        Golden.replacingRoot(Fixtures.directory, in: sarif, with: "file:///FIXTURES/")
    }

    static let goldenFiles: [(OutputFormat, String)] = [
        (.human, "expected.human.txt"), (.short, "expected.short.txt"), (.json, "expected.json"),
        (.sarif, "expected.sarif.json"), (.github, "expected.github.txt"), (.junit, "expected.junit.xml"),
    ]

    @Test("each format matches its golden", arguments: FixtureCase.all)
    func formats(_ c: FixtureCase) throws {
        let diagnostics = try c.diagnostics()
        let context = Self.context(for: c, diagnostics: diagnostics)
        for (format, file) in Self.goldenFiles {
            var output = format.render(diagnostics, context: context)
            if format == .sarif { output = Self.normalizeRoot(output) }
            Fixtures.check(output, against: "\(c.name)/\(file)")
        }
    }

    /// The placeholder must really have replaced the machine's root, or the goldens would
    /// hold an absolute path (and pass only on this machine).
    @Test func sarifRootIsNormalized() throws {
        let diagnostics = try FixtureCase.ascii.diagnostics()
        let raw = OutputFormat.sarif.render(diagnostics, context: Self.context(for: .ascii, diagnostics: diagnostics))
        let normalized = Self.normalizeRoot(raw)
        #expect(normalized != raw)
        #expect(normalized.contains("\"uri\": \"file:///FIXTURES/\""))
        #expect(!normalized.contains(Fixtures.directory))
    }

    // The official schema is an external corpus: skipped, with the reason, where it is absent.
    @Test("SARIF validates against the OASIS schema", .enabled(if: Corpus.sarifSchema.isAvailable, Comment(rawValue: Corpus.sarifSchema.skipReason)),
          arguments: FixtureCase.all)
    func sarifIsValid(_ c: FixtureCase) throws {
        let diagnostics = try c.diagnostics()
        SchemaCheck.validateSARIF(OutputFormat.sarif.render(diagnostics, context: Self.context(for: c, diagnostics: diagnostics)),
                                  name: "\(c.name).sarif", against: [.official])
    }

    @Test("SARIF has the shape the specification gives (own schema)", arguments: FixtureCase.all)
    func sarifHasTheShape(_ c: FixtureCase) throws {
        let diagnostics = try c.diagnostics()
        SchemaCheck.validateSARIF(OutputFormat.sarif.render(diagnostics, context: Self.context(for: c, diagnostics: diagnostics)),
                                  name: "\(c.name).sarif", against: [.shape])
    }

    @Test("JSON validates against Docs/schemas/planlint-output.schema.json", arguments: FixtureCase.all)
    func jsonIsValid(_ c: FixtureCase) throws {
        let diagnostics = try c.diagnostics()
        var context = Self.context(for: c, diagnostics: diagnostics)
        SchemaCheck.validateOutputJSON(OutputFormat.json.render(diagnostics, context: context), name: "\(c.name).json")
        context.includeSuppressed = true
        SchemaCheck.validateOutputJSON(OutputFormat.json.render(diagnostics, context: context), name: "\(c.name)-with-suppressed.json")
    }

    @Test("colour output matches its golden", arguments: [FixtureCase.ascii, FixtureCase.multiline])
    func colour(_ c: FixtureCase) throws {
        let diagnostics = try c.diagnostics()
        let output = OutputFormat.human.render(diagnostics, context: Self.context(for: c, diagnostics: diagnostics, color: true))
        Fixtures.check(output, against: "\(c.name)/expected.human.color.txt")
    }
}
