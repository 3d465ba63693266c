import CorpusSupport
import Foundation
import Testing
import Diagnostics
import SchemaValidation
import SourceText
import YAMLTree

/// The official JSON Schema Test Suite, draft 2020-12, from the pinned corpus.
///
/// Every file whose keywords planlint supports runs in full; each case must pass, with the
/// quick validity check and the message-building pass agreeing, and the schema itself must
/// compile without errors. The only exceptions are listed in `skipped`, with the reason.
/// Without the corpus these tests are skipped, with the reason and how to get it;
/// `SchemaKeywordTests` runs the repository's own cases in the same format either way.
@Suite(.enabled(if: Corpus.jsonSchemaTestSuite.isAvailable, Comment(rawValue: Corpus.jsonSchemaTestSuite.skipReason)))
struct TestSuiteTests {
    /// Every skipped file, group or case of the suite, with the reason — the one list.
    /// Keys: "file" (relative to tests/draft2020-12, without .json), "file|group" or
    /// "file|group|test". Everything else found in the suite runs and must pass.
    static let skipped: [String: String] = [
        // Whole files.
        "dynamicRef": "`$dynamicRef` is not supported; `unsupportedKeywordsAreReported` checks that every schema using it gets `schema/unsupported-keyword` instead",
        "vocabulary": "needs custom meta-schemas with `$vocabulary`; planlint validates only as draft 2020-12 and does not process meta-schemas",
        "optional/dynamicRef": "`$dynamicRef` is not supported",
        "optional/cross-draft": "mixes drafts (2019-09, draft-07) within one schema; planlint validates only as draft 2020-12",
        "optional/dependencies-compatibility": "tests the draft-07 `dependencies` keyword, which draft 2020-12 replaced; planlint reports it as `schema/unknown-keyword`",
        "optional/format-assertion": "switches format assertion on through a custom meta-schema's `$vocabulary`; planlint asserts formats through `ValidationOptions.assertedFormats`",
        // Formats are annotations in planlint unless asserted; only `date` can be asserted.
        "optional/format/date-time": "format not asserted by planlint (annotation only)",
        "optional/format/duration": "format not asserted by planlint (annotation only)",
        "optional/format/ecmascript-regex": "format not asserted by planlint (annotation only)",
        "optional/format/email": "format not asserted by planlint (annotation only)",
        "optional/format/hostname": "format not asserted by planlint (annotation only)",
        "optional/format/idn-email": "format not asserted by planlint (annotation only)",
        "optional/format/idn-hostname": "format not asserted by planlint (annotation only)",
        "optional/format/ipv4": "format not asserted by planlint (annotation only)",
        "optional/format/ipv6": "format not asserted by planlint (annotation only)",
        "optional/format/iri": "format not asserted by planlint (annotation only)",
        "optional/format/iri-reference": "format not asserted by planlint (annotation only)",
        "optional/format/json-pointer": "format not asserted by planlint (annotation only)",
        "optional/format/regex": "format not asserted by planlint (annotation only)",
        "optional/format/relative-json-pointer": "format not asserted by planlint (annotation only)",
        "optional/format/time": "format not asserted by planlint (annotation only)",
        "optional/format/uri": "format not asserted by planlint (annotation only)",
        "optional/format/uri-reference": "format not asserted by planlint (annotation only)",
        "optional/format/uri-template": "format not asserted by planlint (annotation only)",
        "optional/format/uuid": "format not asserted by planlint (annotation only)",
        // Groups.
        "ref|remote ref, containing refs itself": "refers to the draft 2020-12 meta-schema at json-schema.org, which is not in the corpus and never fetched",
        "defs|validate definition against metaschema": "refers to the draft 2020-12 meta-schema at json-schema.org, which is not in the corpus and never fetched",
        "unevaluatedItems|unevaluatedItems with $dynamicRef": "uses `$dynamicRef`, which is not supported (reported as `schema/unsupported-keyword`)",
        "unevaluatedProperties|unevaluatedProperties with $dynamicRef": "uses `$dynamicRef`, which is not supported (reported as `schema/unsupported-keyword`)",
    ]

    /// Formats asserted when running a file (the rest of the suite runs with formats as annotations).
    static let assertedFormats: [String: Set<String>] = ["optional/format/date": ["date"]]

    /// Every test file of the suite (top level and optional), found on disk.
    static let allFiles: [String] = {
        guard let suite = TestPaths.suite else { return [] }
        let base = suite + "/tests/draft2020-12/"
        let walker = FileManager.default.enumerator(atPath: base)
        var names: [String] = []
        while let rel = walker?.nextObject() as? String {
            if rel.hasSuffix(".json") { names.append(String(rel.dropLast(5))) }
        }
        return names.sorted()
    }()

    /// The files that run: all but the whole files skipped above.
    static let files: [String] = allFiles.filter { skipped[$0] == nil }

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

    /// Runs one file of cases: `<tests>/<name>.json`, with `http://localhost:1234/` served
    /// from `<root>/remotes` and references confined to `root`.
    static func run(_ name: String, tests: String? = TestPaths.suite.map { $0 + "/tests/draft2020-12" }, root: String? = TestPaths.suite,
                    formats: Set<String>? = nil) throws -> FileResult {
        let formats = formats ?? assertedFormats[name] ?? []
        guard let tests, let suite = root else { throw TestFailure("the JSON Schema Test Suite was not found: \(Corpus.jsonSchemaTestSuite.skipReason)") }
        let path = tests + "/" + name + ".json"
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
            let loaded = registry.compile(schemaNode: schemaNode, baseURI: "file://\(tests)/\(name)/\(g).json")
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
                // Past the cap of a stream, failures are counted without words: the count must
                // be what the worded diagnostics (and their summaries) add up to.
                let worded = diagnostics.reduce(into: [String: Int]()) { $0[$1.code, default: 0] += max(1, $1.omitted) }
                let counted = ValidationBatch.countedFailures(data, schema, options: options)
                // The validator's shortcuts must give what full evaluation gives.
                var full = options
                full.shortcuts = false
                let fullQuick = schema.isValid(data, options: full)
                let fullDiagnostics = validate(document: data, against: schema, options: full)
                if quick != want || diagnostics.isEmpty != want {
                    let shown = diagnostics.prefix(3).map { "\($0.code): \($0.message)" }
                    result.failures.append("\(groupName) / \(testName): expected \(want ? "valid" : "invalid"), quick says \(quick ? "valid" : "invalid"), messages \(shown)")
                } else if let counted, counted != worded {
                    result.failures.append("\(groupName) / \(testName): counted without words \(counted), worded \(worded)")
                } else if fullQuick != quick || fullDiagnostics != diagnostics {
                    result.failures.append("\(groupName) / \(testName): without shortcuts \(fullQuick ? "valid" : "invalid"), \(fullDiagnostics.count) diagnostics; with them \(quick ? "valid" : "invalid"), \(diagnostics.count)")
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

    /// The suite was found, and every skip names something that exists.
    @Test func skipListIsCurrent() throws {
        guard TestPaths.suite != nil else { throw TestFailure(Corpus.jsonSchemaTestSuite.skipReason) }
        #expect(Self.allFiles.count > 60)
        for key in Self.skipped.keys {
            let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            #expect(Self.allFiles.contains(parts[0]), "skip entry \(key) names no file")
            guard parts.count > 1, Self.allFiles.contains(parts[0]) else { continue }
            let (_, parsed) = try Self.parseJSONFile(TestPaths.suite! + "/tests/draft2020-12/" + parts[0] + ".json")
            let group = parsed.documents.first?.items.first { $0["description"]?.scalarText == parts[1] }
            #expect(group != nil, "skip entry \(key) names no group")
            if parts.count > 2 {
                #expect(group?["tests"]?.items.contains { $0["description"]?.scalarText == parts[2] } == true, "skip entry \(key) names no test")
            }
        }
    }

    /// Schemas using `$dynamicRef` compile with a `schema/unsupported-keyword` error on the keyword.
    @Test func unsupportedKeywordsAreReported() throws {
        guard let suite = TestPaths.suite else { throw TestFailure(Corpus.jsonSchemaTestSuite.skipReason) }
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
