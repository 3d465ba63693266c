import Foundation
import Testing
import Diagnostics
import SchemaValidation
import SourceText
import YAMLTree

/// Positioned-message goldens, one folder per area under Fixtures/: `schema.yaml`, a
/// `data.yaml` validated against it (with `format: date` asserted), and `expected.txt`
/// holding the schema's own diagnostics followed by the data's, in `GoldenText` form.
/// Re-record with PLANLINT_RECORD=1.
@Suite struct FixtureTests {
    static let cases = ["objects", "arrays", "scalars", "combinators", "refs", "schema-errors"]

    @Test(arguments: cases)
    func golden(_ name: String) throws {
        let dir = TestPaths.fixtures + "/" + name
        let registry = SchemaRegistry(allowedRoot: TestPaths.fixtures)
        let loaded = registry.schema(atPath: dir + "/schema.yaml")
        let schema = try #require(loaded.schema)
        let (_, parsed) = try parseFile(dir + "/data.yaml")
        #expect(parsed.problems.isEmpty)
        let findings = validate(document: parsed.documents[0], against: schema, options: ValidationOptions(assertedFormats: ["date"]))
        #expect(!findings.isEmpty || !loaded.diagnostics.isEmpty)
        let text = "# schema diagnostics\n" + GoldenText.render(loaded.diagnostics.sorted(by: Diagnostic.ordered))
            + "# data diagnostics\n" + GoldenText.render(findings)
        GoldenText.check(text, against: dir + "/expected.txt")
        // Quick validity agrees with the findings.
        #expect(schema.isValid(parsed.documents[0], options: ValidationOptions(assertedFormats: ["date"])) == findings.isEmpty)
    }
}
