import Foundation
import Testing
import Diagnostics
import SchemaValidation
import SourceText
import YAMLTree

/// Loading schema files: the allowed root, symbolic links, JSON schemas, modelines.
@Suite struct RegistryTests {
    /// A fresh temporary project: `root/` (allowed) and `outside/` beside it.
    final class Sandbox {
        let base: String
        var root: String { base + "/root" }
        var outside: String { base + "/outside" }
        init() throws {
            base = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-schema-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: base + "/root/schemas", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
        }
        func write(_ rel: String, _ text: String) throws {
            let path = base + "/" + rel
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        deinit { try? FileManager.default.removeItem(atPath: base) }
    }

    @Test func refsToFilesInsideTheRootResolve() throws {
        let box = try Sandbox()
        try box.write("root/schemas/plan.schema.yaml", "properties:\n  year: {$ref: 'common/year.json'}\n")
        try box.write("root/schemas/common/year.json", #"{"type": "integer", "minimum": 1900, "title": "年度"}"#)
        let loaded = SchemaRegistry(allowedRoot: box.root).schema(atPath: box.root + "/schemas/plan.schema.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let schema = try #require(loaded.schema)
        let findings = validate(document: YAMLReader.parse("year: 1868").documents[0], against: schema)
        #expect(findings.map(\.code) == ["schema/minimum"])
        #expect(findings.first?.labels.first?.span.file.path.hasSuffix("common/year.json") == true)
    }

    @Test func filesOutsideTheRootAreRefused() throws {
        let box = try Sandbox()
        try box.write("outside/secret.yaml", "type: string\n")
        try box.write("root/schemas/a.yaml", "properties:\n  x: {$ref: '../../outside/secret.yaml'}\n")
        // A symbolic link inside the root that points outside it is outside too.
        try FileManager.default.createSymbolicLink(atPath: box.root + "/schemas/link", withDestinationPath: box.outside)
        try box.write("root/schemas/b.yaml", "properties:\n  x: {$ref: 'link/secret.yaml'}\n")
        let registry = SchemaRegistry(allowedRoot: box.root)
        for name in ["a", "b"] {
            let loaded = registry.schema(atPath: box.root + "/schemas/\(name).yaml")
            #expect(loaded.diagnostics.map(\.code) == ["schema/ref-outside-root"], "\(name)")
            let d = try #require(loaded.diagnostics.first)
            #expect(d.span?.file.path.hasSuffix("\(name).yaml") == true)
            #expect(loaded.schema != nil)
        }
        // The schema itself outside the root, named by a modeline: reported at the modeline.
        let data = SourceFile(path: box.root + "/plan.yaml", text: "# yaml-language-server: $schema=../outside/secret.yaml\nx: 1\n")
        let viaModeline = try #require(registry.schema(forModelineIn: data))
        #expect(viaModeline.schema == nil)
        #expect(viaModeline.diagnostics.map(\.code) == ["schema/ref-outside-root"])
        #expect(viaModeline.diagnostics.first?.span?.file === data)
    }

    @Test func missingAndBrokenFiles() throws {
        let box = try Sandbox()
        let registry = SchemaRegistry(allowedRoot: box.root)
        let missing = registry.schema(atPath: box.root + "/schemas/none.yaml")
        #expect(missing.schema == nil)
        #expect(missing.diagnostics.map(\.code) == ["schema/load-error"])
        try box.write("root/schemas/broken.json", #"{"type": "object", "properties": {"#)
        let broken = registry.schema(atPath: box.root + "/schemas/broken.json")
        #expect(broken.schema == nil)
        #expect(broken.diagnostics.first?.code == "yaml-syntax")
        try box.write("root/schemas/refs-broken.yaml", "properties:\n  x: {$ref: 'broken.json#/properties'}\n")
        let refsBroken = registry.schema(atPath: box.root + "/schemas/refs-broken.yaml")
        #expect(refsBroken.diagnostics.contains { $0.code == "yaml-syntax" })
        #expect(refsBroken.diagnostics.contains { $0.code == "schema/unresolved-ref" })
    }

    @Test func cachedUntilInvalidated() throws {
        let box = try Sandbox()
        try box.write("root/s.yaml", "type: string\n")
        let registry = SchemaRegistry(allowedRoot: box.root)
        let first = try #require(registry.schema(atPath: box.root + "/s.yaml").schema)
        try box.write("root/s.yaml", "type: integer\n")
        #expect(registry.schema(atPath: box.root + "/s.yaml").schema === first)
        registry.invalidateAll()
        let second = try #require(registry.schema(atPath: box.root + "/s.yaml").schema)
        #expect(second !== first)
        #expect(second.isValid(YAMLReader.parse("7").documents[0]))
        #expect(!first.isValid(YAMLReader.parse("7").documents[0]))
    }

    @Test func remoteReferencesAreNeverFetched() throws {
        let loaded = SchemaRegistry(allowedRoot: "/virtual").compile(SourceFile(path: "/virtual/s.yaml", text: "$ref: 'https://example.com/s.json'\n"))
        #expect(loaded.diagnostics.map(\.code) == ["schema/remote-schema"])
        #expect(loaded.diagnostics.first?.severity == .error)
    }

    @Test func modelines() throws {
        func find(_ text: String, path: String = "/p/Plans/a.yaml") -> SchemaModeline? {
            SchemaModeline.find(in: SourceFile(path: path, text: text))
        }
        #expect(find("# yaml-language-server: $schema=plan.schema.yaml\na: 1\n")?.target == .file(path: "/p/Plans/plan.schema.yaml"))
        #expect(find("\n\n# title\n#yaml-language-server : $schema=../s.json  \n")?.target == .file(path: "/p/s.json"))
        #expect(find("%YAML 1.2\n---\n# yaml-language-server: $schema=/abs/s.yaml\n")?.target == .file(path: "/abs/s.yaml"))
        #expect(find("# yaml-language-server: $schema=file:///abs/%E5%AE%AE/s.yaml\n")?.target == .file(path: "/abs/宮/s.yaml"))
        #expect(find("a: 1\n# yaml-language-server: $schema=s.yaml\n") == nil)  // after content: not a modeline
        #expect(find("# yaml-language-server: $schema=\n") == nil)
        #expect(find("# a comment\n") == nil)
        let remote = try #require(find("# yaml-language-server: $schema=https://json.schemastore.org/x.json\n"))
        #expect(remote.target == .remote(url: "https://json.schemastore.org/x.json"))
        let d = try #require(remote.remoteDiagnostic())
        #expect(d.code == "schema/remote-schema")
        #expect(d.severity == .info)
        #expect(d.span?.range.start == 0)
        #expect(find("x: 1\n")?.remoteDiagnostic() == nil)
    }

    @Test func everyCodeIsDocumented() throws {
        let doc = try String(contentsOfFile: TestPaths.packageRoot + "/Docs/codes.md", encoding: .utf8)
        for code in SchemaCode.allCases {
            #expect(doc.contains("### `\(code.rawValue)`\n\n\(code.definition.summary)"), "\(code.rawValue) is not in Docs/codes.md")
        }
    }
}
