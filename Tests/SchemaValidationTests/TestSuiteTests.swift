import Foundation
import Testing
import Diagnostics
import SchemaValidation
import SourceText
import YAMLTree

/// The official JSON Schema Test Suite, draft 2020-12, read from the shared corpus.
///
/// Every file whose keywords planlint supports runs in full; each case must pass, with the
/// quick validity check and the message-building pass agreeing, and the schema itself must
/// compile without errors. The only exceptions are listed in `skipped`, with the reason.
@Suite struct TestSuiteTests {
    /// Top-level files run in full.
    static let files = [
        "additionalProperties", "allOf", "anchor", "anyOf", "boolean_schema", "const", "contains", "content",
        "default", "defs", "dependentRequired", "dependentSchemas", "enum", "exclusiveMaximum", "exclusiveMinimum",
        "format", "if-then-else", "infinite-loop-detection", "items", "maxContains", "maxItems", "maxLength",
        "maxProperties", "maximum", "minContains", "minItems", "minLength", "minProperties", "minimum", "multipleOf",
        "not", "oneOf", "pattern", "patternProperties", "prefixItems", "properties", "propertyNames", "ref",
        "refRemote", "required", "type", "unevaluatedItems", "unevaluatedProperties", "uniqueItems",
    ]

    /// Optional files run in full too (with `format: date` asserted for `optional/format/date`).
    static let optionalFiles = [
        "optional/bignum", "optional/ecmascript-regex", "optional/non-bmp-regex", "optional/id", "optional/anchor",
        "optional/refOfUnknownKeyword", "optional/unknownKeyword", "optional/no-schema", "optional/float-overflow",
        "optional/format/date",
    ]

    /// Top-level files not run as validity tests, and why.
    static let notRun: [String: String] = [
        "dynamicRef": "`$dynamicRef` is not supported; `unsupportedKeywordsAreReported` checks that every schema using it gets `schema/unsupported-keyword`",
        "vocabulary": "needs custom meta-schemas with `$vocabulary`; planlint validates only against draft 2020-12 and does not process meta-schemas",
    ]

    /// The only skipped cases: "file|group" or "file|group|test" → reason.
    static let skipped: [String: String] = [
        "ref|remote ref, containing refs itself": "refers to the draft 2020-12 meta-schema at json-schema.org, which is not in the corpus and never fetched",
        "defs|validate definition against metaschema": "refers to the draft 2020-12 meta-schema at json-schema.org, which is not in the corpus and never fetched",
        "unevaluatedItems|unevaluatedItems with $dynamicRef": "uses `$dynamicRef`, which is not supported (reported as `schema/unsupported-keyword`)",
        "unevaluatedProperties|unevaluatedProperties with $dynamicRef": "uses `$dynamicRef`, which is not supported (reported as `schema/unsupported-keyword`)",
    ]

    /// Reads a JSON file as YAML. JSON writes characters outside the BMP as UTF-16 surrogate
    /// escapes (`\\uD83D\\uDCA9`), which YAML does not allow; they are rewritten as the
    /// equivalent YAML escape (`\\U0001F4A9`) first. Nothing else changes.
    static func parseJSONFile(_ path: String) throws -> (SourceFile, YAMLParseResult) {
        guard let data = FileManager.default.contents(atPath: path) else { throw TestFailure("cannot read \(path)") }
        let text = rewriteSurrogateEscapes(String(decoding: data, as: UTF8.self))
        let file = SourceFile(path: path, text: text)
        return (file, YAMLReader.parse(file))
    }

    static func rewriteSurrogateEscapes(_ text: String) -> String {
        let u = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        func hex(_ i: Int) -> UInt32? {
            guard i + 4 <= u.count else { return nil }
            return UInt32(String(decoding: u[i..<i + 4], as: UTF8.self), radix: 16)
        }
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "\\"), i + 1 < u.count {
                if u[i + 1] == UInt8(ascii: "u"), let hi = hex(i + 2), (0xD800...0xDBFF).contains(hi),
                   i + 11 < u.count, u[i + 6] == UInt8(ascii: "\\"), u[i + 7] == UInt8(ascii: "u"),
                   let lo = hex(i + 8), (0xDC00...0xDFFF).contains(lo) {
                    let scalar = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                    let h = String(scalar, radix: 16, uppercase: true)
                    out += Array(("\\U" + String(repeating: "0", count: 8 - h.count) + h).utf8)
                    i += 12
                    continue
                }
                out.append(u[i]); out.append(u[i + 1])
                i += 2
                continue
            }
            out.append(u[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    struct FileResult: CustomStringConvertible {
        var file: String
        var passed = 0
        var skipped = 0
        var failures: [String] = []
        var description: String {
            "\(file): \(passed) passed, \(skipped) skipped, \(failures.count) failed"
        }
    }

    static func run(_ name: String, formats: Set<String> = []) throws -> FileResult {
        guard let suite = TestPaths.suite else { throw TestFailure("the JSON Schema Test Suite was not found above \(#filePath)") }
        let path = suite + "/tests/draft2020-12/" + name + ".json"
        let (_, parsed) = try parseJSONFile(path)
        guard parsed.isComplete, let root = parsed.documents.first, root.isSequence else {
            throw TestFailure("\(path) did not parse: \(parsed.problems)")
        }
        let options = ValidationOptions(assertedFormats: formats)
        var result = FileResult(file: name)
        for (g, group) in root.items.enumerated() {
            let groupName = group["description"]?.scalarText ?? "#\(g)"
            guard let schemaNode = group["schema"], let tests = group["tests"] else {
                throw TestFailure("\(name): group \(groupName) has no schema or tests")
            }
            if skipped["\(name)|\(groupName)"] != nil {
                result.skipped += tests.count
                continue
            }
            let registry = SchemaRegistry(allowedRoot: suite, resolver: SuiteRemotes(folder: suite + "/remotes"))
            let loaded = registry.compile(schemaNode: schemaNode, baseURI: "file://\(suite)/tests/draft2020-12/\(name)/\(g).json")
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            guard let schema = loaded.schema, errors.isEmpty else {
                result.failures.append("\(groupName): schema did not compile: \(errors.map { "\($0.code) \($0.message)" })")
                continue
            }
            for test in tests.items {
                let testName = test["description"]?.scalarText ?? "?"
                if skipped["\(name)|\(groupName)|\(testName)"] != nil {
                    result.skipped += 1
                    continue
                }
                guard let data = test["data"], let expected = test["valid"]?.value else {
                    throw TestFailure("\(name): \(groupName): \(testName) lacks data or valid")
                }
                let want = expected == .bool(true)
                let quick = schema.isValid(data, options: options)
                let diagnostics = validate(document: data, against: schema, options: options)
                if quick != want || diagnostics.isEmpty != want {
                    let shown = diagnostics.prefix(3).map { "\($0.code): \($0.message)" }
                    result.failures.append("\(groupName) / \(testName): expected \(want ? "valid" : "invalid"), quick says \(quick ? "valid" : "invalid"), messages \(shown)")
                } else {
                    result.passed += 1
                }
            }
        }
        return result
    }

    @Test(arguments: files)
    func suiteFile(_ name: String) throws {
        let result = try Self.run(name)
        print("json-schema-test-suite draft2020-12/\(result)")
        #expect(result.failures.isEmpty, Comment(rawValue: "\(result)\n" + result.failures.joined(separator: "\n")))
        #expect(result.passed + result.skipped > 0)
    }

    @Test(arguments: optionalFiles)
    func optionalSuiteFile(_ name: String) throws {
        let result = try Self.run(name, formats: name == "optional/format/date" ? ["date"] : [])
        print("json-schema-test-suite draft2020-12/\(result)")
        #expect(result.failures.isEmpty, Comment(rawValue: "\(result)\n" + result.failures.joined(separator: "\n")))
        #expect(result.passed > 0)
    }

    /// Every top-level file of the suite is either run or listed with a reason.
    @Test func everyFileIsAccountedFor() throws {
        guard let suite = TestPaths.suite else { throw TestFailure("suite not found") }
        let names = try FileManager.default.contentsOfDirectory(atPath: suite + "/tests/draft2020-12")
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        for n in names {
            #expect(Self.files.contains(n) || Self.notRun[n] != nil, "\(n) is neither run nor listed as not run")
        }
    }

    /// Schemas using `$dynamicRef` compile with a `schema/unsupported-keyword` error on the keyword.
    @Test func unsupportedKeywordsAreReported() throws {
        guard let suite = TestPaths.suite else { throw TestFailure("suite not found") }
        let (_, parsed) = try parseFile(suite + "/tests/draft2020-12/dynamicRef.json")
        var groups = 0
        for group in parsed.documents[0].items {
            let schemaNode = group["schema"]!
            guard CanonicalText.contains(schemaNode, key: "$dynamicRef") else { continue }
            groups += 1
            let registry = SchemaRegistry(allowedRoot: suite, resolver: SuiteRemotes(folder: suite + "/remotes"))
            let loaded = registry.compile(schemaNode: schemaNode, baseURI: "file://\(suite)/dyn.json")
            let unsupported = loaded.diagnostics.filter { $0.code == "schema/unsupported-keyword" }
            #expect(!unsupported.isEmpty, "\(group["description"]?.scalarText ?? "")")
            for d in unsupported {
                #expect(d.severity == .error)
                #expect(d.span.map { schemaNode.file.text(in: $0.range) } == "\"$dynamicRef\"")
            }
        }
        #expect(groups > 10)
    }
}

/// Finds a key anywhere under a node (iteratively).
enum CanonicalText {
    static func contains(_ node: YAMLNode, key: String) -> Bool {
        var stack = [node]
        while let n = stack.popLast() {
            for (k, v) in n.entries {
                if k.scalarText == key { return true }
                stack.append(v)
            }
            stack += n.items
        }
        return false
    }
}
