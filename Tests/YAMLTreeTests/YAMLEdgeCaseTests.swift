import CorpusSupport
import Foundation
import Testing
import SourceText
import YAMLTree

/// The repository's own YAML conformance cases (`Tests/Corpora/yaml-edge-cases`), in the YAML
/// test suite's format, so a clone without the pinned suite still tests the reader on what plan
/// files contain: Japanese keys and marks, full-width digits, BOM and CRLF, the core schema's
/// scalars, block scalars and their chomping, escapes, anchors, flow collections, streams, and
/// positioned syntax errors.
///
/// Beyond the suite's verdicts, each accepted case's values must equal its `in.json` (read as
/// YAML, which JSON is; a stream's documents are separated by `---` lines there), and each
/// rejected case's `error` file holds the `line:column` of the first error.
@Suite struct YAMLEdgeCaseTests {
    static let folder = Corpus.repositoryRoot.appendingPathComponent("Tests/Corpora/yaml-edge-cases")
    static let cases: [String] = (try? YAMLCases.list(in: folder)) ?? []

    @Test func theCasesAreThere() {
        #expect(Self.cases.count >= 30, "\(Self.folder.path)")
        #expect(Self.cases.contains { FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent("\($0)/error").path) })
    }

    @Test(arguments: cases)
    func edgeCase(_ id: String) throws {
        let dir = Self.folder.appendingPathComponent(id)
        let rejected = try YAMLCases.check(dir, id: id)
        let expected = dir.appendingPathComponent("in.json")
        guard !rejected, FileManager.default.fileExists(atPath: expected.path) else {
            #expect(rejected || FileManager.default.fileExists(atPath: expected.path), "\(id): an accepted case needs in.json")
            return
        }
        let actual = YAMLReader.read(path: "in.yaml", raw: [UInt8](try Data(contentsOf: dir.appendingPathComponent("in.yaml")))).1
        let json = YAMLReader.read(path: "in.json", raw: [UInt8](try Data(contentsOf: expected))).1
        #expect(json.isComplete, "\(id): in.json does not parse: \(json.problems)")
        #expect(actual.documents.map(Self.canonical) == json.documents.map(Self.canonical), "\(id)")
    }

    /// A value-only JSON-like text of a node: numbers by value (`0x1F` and `31` agree),
    /// strings quoted, mapping keys by their text, entries in document order.
    static func canonical(_ node: YAMLNode) -> String {
        if node.isSequence { return "[" + node.items.map(canonical).joined(separator: ",") + "]" }
        if node.isMapping {
            return "{" + node.entries.map { k, v in
                (k.isScalar ? quote(k.scalarText ?? "") : canonical(k)) + ":" + canonical(v)
            }.joined(separator: ",") + "}"
        }
        switch node.value {
        case .none, .null?: return "null"
        case .bool(let b)?: return b ? "true" : "false"
        case .int(let t)?: return integer(t).map(String.init) ?? "int(\(t))"
        case .float(let t)?: return Decimal(string: t).map { "\($0)" } ?? "float(\(t))"
        case .infinity(let negative)?: return negative ? "-inf" : "inf"
        case .nan?: return "nan"
        case .string(let s)?: return quote(s)
        }
    }

    static func integer(_ t: String) -> Int? {
        if t.hasPrefix("0x") { return Int(t.dropFirst(2), radix: 16) }
        if t.hasPrefix("0o") { return Int(t.dropFirst(2), radix: 8) }
        return Int(t.hasPrefix("+") ? String(t.dropFirst()) : t)
    }

    static func quote(_ s: String) -> String {
        "\"" + s.unicodeScalars.map { $0 == "\"" || $0 == "\\" ? "\\\($0)" : $0.value < 0x20 ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined() + "\""
    }
}
