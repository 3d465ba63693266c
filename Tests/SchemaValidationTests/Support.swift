import CorpusSupport
import Foundation
import SchemaValidation
import SourceText
import YAMLTree

/// Paths the tests read: the package root, the pinned test suite and the own cases.
enum TestPaths {
    /// The package root (three levels above this file).
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The JSON Schema Test Suite (the pinned corpus `json-schema-test-suite`), if present.
    static var suite: String? { Corpus.jsonSchemaTestSuite.location?.path }

    /// The repository's own keyword cases, in the suite's format (`SchemaKeywordTests`).
    static let keywordCases = packageRoot + "/Tests/Corpora/schema-keywords"

    static let fixtures = packageRoot + "/Tests/SchemaValidationTests/Fixtures"
}

/// Serves the test suite's `http://localhost:1234/…` remotes from `remotes/` (never the network).
struct SuiteRemotes: SchemaResourceResolver {
    let folder: String
    func resource(for uri: String) -> SchemaResource? {
        let prefix = "http://localhost:1234/"
        guard uri.hasPrefix(prefix) else { return nil }
        let rel = String(uri.dropFirst(prefix.count))
        let path = folder + "/" + rel
        guard !rel.contains(".."), let data = FileManager.default.contents(atPath: path) else { return nil }
        return SchemaResource(displayPath: "remotes/" + rel, bytes: [UInt8](data))
    }
}

/// Reads and parses a YAML (or JSON) file, failing loudly.
func parseFile(_ path: String) throws -> (SourceFile, YAMLParseResult) {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw TestFailure("cannot read \(path)")
    }
    return YAMLReader.read(path: path, raw: [UInt8](data))
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
