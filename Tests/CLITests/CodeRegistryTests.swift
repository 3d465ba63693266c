import Foundation
import PlanLintKit
import Testing

/// The code registry: every code planlint can report is defined once, listed by
/// `planlint explain`, and documented in Docs/codes.md.
@Suite struct CodeRegistryTests {
    static let root = PlanLintProcess.repositoryRoot

    @Test func everyCodeIsDefinedOnceAndCompletely() {
        let codes = Codes.builtIn.codes
        #expect(Set(codes.map(\.id)).count == codes.count, "a code is defined twice")
        for c in codes {
            #expect(!c.summary.isEmpty && !c.summary.contains("\n"), "\(c.id): summary is one line")
            #expect(!c.explanation.isEmpty && !c.fix.isEmpty, "\(c.id) is explained")
            // SARIF truncates longer descriptions.
            #expect(c.explanation.utf16.count <= 1024, "\(c.id)")
        }
        // The codes that mean a file was not (fully) checked or the config is broken.
        for id in ["yaml-syntax", "encoding", "input-too-large", "nesting-too-deep", "alias-expansion-limit", "io-error",
                   "config/unknown-key", "baseline/invalid"] {
            #expect(Codes.isProtected(id), "\(id)")
        }
        for id in ["duplicate-key", "unused-suppression", "schema/required", "rule-evaluation-failed"] {
            #expect(!Codes.isProtected(id), "\(id)")
        }
        for id in ["io-error", "config/invalid-value", "rule-evaluation-failed", "rule-budget-exceeded", "schema/load-error",
                   "rule-file/unknown-key", "rule-file/expr-syntax"] {
            #expect(Codes.builtIn.isToolFailure(id), "\(id)")
        }
        for id in ["yaml-syntax", "schema/required", "unused-suppression", "rule-selector-matched-nothing"] {
            #expect(!Codes.builtIn.isToolFailure(id), "\(id)")
        }
    }

    /// `planlint explain` lists every code planlint can report: its own (each `Diagnostic` in
    /// Sources carries a catalogue's code, see `noCodeIsWrittenAsALiteral`) and the loaded
    /// rules' ids.
    @Test func explainListsEveryCode() throws {
        let box = try Sandbox()
        let r = try box.planlint("explain", "--config", "/dev/null", "--rules", Self.root.appendingPathComponent("Rules").path)
        #expect(r.status == 0, "\(r.both)")
        let listed = Set(r.lines.compactMap { $0.split(separator: " ").first.map(String.init) })
        for id in Codes.builtIn.ids { #expect(listed.contains(id), "`planlint explain` does not list \(id)") }
        for id in ["budget-amount-sum", "tally-matches-marks"] { #expect(listed.contains(id), "rule \(id)") }
        for id in listed {
            let e = try box.planlint("explain", "--config", "/dev/null", "--rules", Self.root.appendingPathComponent("Rules").path, id)
            #expect(e.status == 0 && e.stdout.contains("[\(id)]"), "\(id): \(e.both)")
        }
    }

    /// Every code the tests expect planlint to report is one `planlint explain` lists, or the
    /// id of a rule the tests define.
    @Test func explainListsEveryCodeTheTestsExpect() throws {
        let box = try Sandbox()
        let listed = try box.planlint("explain", "--config", "/dev/null").lines.compactMap { $0.split(separator: " ").first.map(String.init) }
        // Codes of findings planlint reported, as tests and goldens quote them. (The renderer
        // fixtures of DiagnosticsTests and the LSP message tests build diagnostics by hand, with
        // made-up codes: they are not planlint's.)
        let patterns = [#"\.code == "([^"\\]+)""#, #""code" ?: ?"([^"\\]+)""#, #"\b(?:error|warning|info)\[([a-z][a-z0-9/-]*)\]"#,
                        #""ruleId" ?: ?"([^"\\]+)""#]
        var expected: [String: String] = [:]
        var ruleIDs = Set<String>()
        let folders = ["Tests/UI", "Tests/CLITests", "Tests/RuleEngineTests", "Tests/SchemaValidationTests", "Tests/YAMLTreeTests",
                       "Tests/LSPTests/PlanLintServerTests.swift", "Tests/LSPTests/Fixtures", "Rules", "Plans"]
        for folder in folders {
            for file in Self.files(under: Self.root.appendingPathComponent(folder)) where file.lastPathComponent != "CodeRegistryTests.swift" {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                for p in patterns {
                    for m in text.matches(of: try Regex(p)) {
                        if let c = m.output[1].substring { expected[String(c)] = file.lastPathComponent }
                    }
                }
                // `#expect(x.codes == ["a", "b"])`, over several lines.
                for m in text.matches(of: #/codes == \[([^\]]*)\]/#) {
                    for q in m.output.1.matches(of: #/"([^"\\]+)"/#) { expected[String(q.output.1)] = file.lastPathComponent }
                }
                for m in text.matches(of: #/(?m)(?:^|\\n)\s*-?\s*id: ?([a-z0-9][a-z0-9-]*)/#) { ruleIDs.insert(String(m.output.1)) }
            }
        }
        #expect(expected.count > 25, "the scan found the codes the tests quote")
        for (code, file) in expected.sorted(by: { $0.key < $1.key }) where !listed.contains(code) && !ruleIDs.contains(code) {
            Issue.record("\(file) expects the code `\(code)`, which `planlint explain` does not list")
        }
    }

    /// Docs/codes.md is the catalogues' documentation (re-recorded with PLANLINT_RECORD=1).
    @Test func codesPageIsGenerated() throws {
        let url = Self.root.appendingPathComponent("Docs/codes.md")
        let expected = Codes.markdownReference
        if ProcessInfo.processInfo.environment["PLANLINT_RECORD"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let actual = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        #expect(actual == expected, "Docs/codes.md is stale: PLANLINT_RECORD=1 swift test --filter CodeRegistryTests")
    }

    /// Codes are written once, in their catalogue: nowhere else in Sources is one a literal.
    @Test func noCodeIsWrittenAsALiteral() throws {
        for file in Self.files(under: Self.root.appendingPathComponent("Sources")) where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.contains(#"code: ""#) {
                Issue.record("\(file.lastPathComponent):\(i + 1) writes a code as a literal: \(line)")
            }
        }
    }

    static func files(under url: URL) -> [URL] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return [] }
        if !isDir.boolValue { return [url] }
        let e = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)
        return (e?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }.sorted { $0.path < $1.path }
    }
}
