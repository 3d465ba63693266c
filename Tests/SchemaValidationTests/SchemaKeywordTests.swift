import Foundation
import Testing

/// The repository's own JSON Schema cases (`Tests/Corpora/schema-keywords`), in the JSON Schema
/// Test Suite's format and run by the same code as the suite, so a clone without the pinned
/// suite still checks every keyword planlint's plans use: exact decimals (`multipleOf: 0.1`
/// holds for 90.6), large integers, equality by value, lengths in code points, patterns,
/// asserted dates, objects, arrays, combinators, references (local, anchored, recursive,
/// remote) and unevaluated keywords.
@Suite struct SchemaKeywordTests {
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestPaths.keywordCases)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }()

    /// Files that run with formats asserted (the rest treat `format` as an annotation).
    static let assertedFormats: [String: Set<String>] = ["format-date": ["date"]]

    @Test func theCasesAreThere() {
        #expect(Self.files.count >= 10, "\(TestPaths.keywordCases)")
        #expect(Set(Self.assertedFormats.keys).isSubset(of: Self.files))
    }

    @Test(arguments: files)
    func keywordFile(_ name: String) throws {
        let result = try TestSuiteTests.run(name, tests: TestPaths.keywordCases, root: TestPaths.keywordCases,
                                            formats: Self.assertedFormats[name] ?? [])
        #expect(result.failures.isEmpty, Comment(rawValue: "\(result)\n" + result.failures.joined(separator: "\n")))
        #expect(result.passed > 0 && result.skipped == 0, "\(result)")
    }
}
