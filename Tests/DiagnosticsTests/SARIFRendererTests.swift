import CorpusSupport
import DiagnosticRendering
import Diagnostics
import Foundation
import SourceText
import Testing
import YAMLTree

@Suite("SARIF")
struct SARIFRendererTests {
    static func sarif(_ diagnostics: [Diagnostic], rules: [RuleMetadata] = RuleMetadata.fixtureRules, root: String = "/repo") -> [String: Any] {
        let text = SARIFRenderer().render(diagnostics, context: RenderContext(toolVersion: "1.2.3", rules: rules, rootDirectory: root, exitCode: 1))
        return try! JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    static func run(_ log: [String: Any]) -> [String: Any] { (log["runs"] as! [[String: Any]])[0] }
    static func results(_ log: [String: Any]) -> [[String: Any]] { run(log)["results"] as! [[String: Any]] }
    static func region(_ result: [String: Any]) -> [String: Int] {
        let loc = (result["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any]
        return loc["region"] as! [String: Int]
    }
    static func artifact(_ result: [String: Any]) -> [String: String] {
        let loc = (result["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any]
        return loc["artifactLocation"] as! [String: String]
    }

    /// An emoji outside the BMP takes two UTF-16 units: columns and charOffset count them.
    @Test func utf16ColumnsAfterAnEmoji() {
        let text = "a: 1\nb: 😀 合計 x\n"
        let file = SourceFile(path: "p.yaml", text: text)
        let start = Array("a: 1\nb: 😀 合計 ".utf8).count
        let d = Diagnostic(code: "c", severity: .error, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(start, start + 1))))
        let region = Self.region(Self.results(Self.sarif([d]))[0])
        // "b: 😀 合計 " is 8 code points but 9 UTF-16 units.
        #expect(region["startLine"] == 2)
        #expect(region["startColumn"] == 10)
        #expect(region["endColumn"] == 11)
        #expect(region["charOffset"] == "a: 1\nb: 😀 合計 ".utf16.count)
        #expect(region["charLength"] == 1)
        #expect(Self.run(Self.sarif([d]))["columnKind"] as? String == "utf16CodeUnits")
        #expect(file.location(of: start).column == 9)  // code points, for contrast
    }

    @Test func charOffsetCountsCRLFAndEmojiOnEarlierLines() {
        let text = "😀😀\r\n\r\nkey: v\n"
        let file = SourceFile(path: "p.yaml", text: text)
        let start = Array("😀😀\r\n\r\nkey: ".utf8).count
        let d = Diagnostic(code: "c", severity: .error, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(start, start + 1))))
        let region = Self.region(Self.results(Self.sarif([d]))[0])
        #expect(region["charOffset"] == "😀😀\r\n\r\nkey: ".utf16.count)
        #expect(region["startLine"] == 3)
        #expect(region["startColumn"] == 6)
    }

    @Test func fingerprintsSurviveEditsElsewhereButNotChangesToTheLine() {
        func fingerprint(_ text: String, _ needle: String, code: String = "c") -> String {
            let file = SourceFile(path: "p.yaml", text: text)
            let start = HumanRendererTests.offset(of: needle, in: text)
            let d = Diagnostic(code: code, severity: .error, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(start, start + needle.utf8.count))))
            return (Self.results(Self.sarif([d]))[0]["partialFingerprints"] as! [String: String])["primaryLocationLineHash"]!
        }
        let original = fingerprint("a: 1\nbudget: 120\n", "120")
        #expect(original.hasSuffix(":1"))
        #expect(original.count == 18)
        // Lines added above, and re-indentation, keep it.
        #expect(fingerprint("x: 0\ny: 0\na: 1\nbudget: 120\n", "120") == original)
        #expect(fingerprint("a: 1\n  budget: 120   \n", "120") == original)
        // Another rule, or another text on the line, changes it.
        #expect(fingerprint("a: 1\nbudget: 120\n", "120", code: "d") != original)
        #expect(fingerprint("a: 1\nbudget: 121\n", "121") != original)
    }

    @Test func identicalLinesAreToldApartByTheCounter() {
        let file = SourceFile(path: "p.yaml", text: "- x: 1\n- x: 1\n")
        let ds = [0, 7].map { o in
            Diagnostic(code: "c", severity: .error, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(o + 2, o + 3))))
        }
        let prints = Self.results(Self.sarif(ds)).map { ($0["partialFingerprints"] as! [String: String])["primaryLocationLineHash"]! }
        #expect(prints.count == 2)
        #expect(prints[0].dropLast(2) == prints[1].dropLast(2))
        #expect(prints[0].hasSuffix(":1") && prints[1].hasSuffix(":2"))
    }

    @Test func pathsBecomeURIsRelativeToTheRoot() {
        func uri(_ path: String, root: String = "/repo") -> [String: String] {
            Self.artifact(Self.results(Self.sarif([Diagnostic(code: "c", severity: .error, message: "m", location: .path(path))], root: root))[0])
        }
        #expect(uri("plans/a.yaml") == ["uri": "plans/a.yaml", "uriBaseId": "%SRCROOT%"])
        #expect(uri("./plans/../plans/a b.yaml") == ["uri": "plans/a%20b.yaml", "uriBaseId": "%SRCROOT%"])
        #expect(uri("計画.yaml") == ["uri": "%E8%A8%88%E7%94%BB.yaml", "uriBaseId": "%SRCROOT%"])
        #expect(uri("a:b#c?.yaml") == ["uri": "a%3Ab%23c%3F.yaml", "uriBaseId": "%SRCROOT%"])
        // The one URI encoder (SourceText.FileURI): everything but unreserved characters.
        #expect(uri("a(1)&b@c.yaml") == ["uri": "a%281%29%26b%40c.yaml", "uriBaseId": "%SRCROOT%"])
        #expect(uri("/repo/plans/a.yaml") == ["uri": "plans/a.yaml", "uriBaseId": "%SRCROOT%"])
        #expect(uri("/elsewhere/a.yaml") == ["uri": "file:///elsewhere/a.yaml"])
        #expect(uri("../shared/a.yaml") == ["uri": "file:///shared/a.yaml"])
        #expect(uri("/repository/a.yaml") == ["uri": "file:///repository/a.yaml"])  // a prefix of the name is not the root
        let base = Self.run(Self.sarif([], root: "/home/me/my repo")) ["originalUriBaseIds"] as! [String: [String: String]]
        #expect(base == ["%SRCROOT%": ["uri": "file:///home/me/my%20repo/"]])
    }

    @Test func everyResultHasARuleAndItsIndex() {
        let file = SourceFile(path: "p.yaml", text: "a: 1\n")
        let span = SourceSpan(file: file, range: ByteRange(3, 4))
        let custom = RuleMetadata(id: "budget/sum", shortDescription: "Sums match.", fullDescription: String(repeating: "long ", count: 400),
                                  helpText: "Fix the total.", helpURI: "https://planlint.example/budget-sum", defaultLevel: .warning, tags: ["budget"])
        let ds = [
            Diagnostic(code: "budget/sum", severity: .error, message: "m", location: .span(span)),
            Diagnostic(code: "schema/required", severity: .warning, message: "m", location: .span(span), docsURL: "https://planlint.example/schema"),
            Diagnostic(code: "duplicate-key", severity: .error, message: "m", location: .span(span)),
        ]
        let log = Self.sarif(ds, rules: RuleMetadata.fixtureRules + [custom])
        let driver = (Self.run(log)["tool"] as! [String: Any])["driver"] as! [String: Any]
        let rules = driver["rules"] as! [[String: Any]]
        let ids = rules.map { $0["id"] as! String }
        #expect(ids == ids.sorted())
        #expect(Set(ids).isSuperset(of: ["budget/sum", "schema/required", "duplicate-key", "yaml-syntax"]))
        for result in Self.results(log) {
            let index = result["ruleIndex"] as! Int
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let sum = rules.first { $0["id"] as? String == "budget/sum" }!
        #expect(((sum["fullDescription"] as! [String: String])["text"]!).utf16.count <= 1024)
        #expect((sum["properties"] as! [String: [String]])["tags"] == ["budget"])
        #expect((sum["defaultConfiguration"] as! [String: String])["level"] == "warning")
        let synthesized = rules.first { $0["id"] as? String == "schema/required" }!
        #expect(synthesized["name"] as? String == "SchemaRequired")
        #expect(synthesized["helpUri"] as? String == "https://planlint.example/schema")
        #expect((synthesized["help"] as! [String: String])["markdown"] != nil)
        #expect(driver["semanticVersion"] as? String == "1.2.3")
    }

    @Test func suppressionsFixesAndBaselines() {
        let file = SourceFile(path: "p.yaml", text: "a: 😀x\n")
        let x = SourceSpan(file: file, range: ByteRange(7, 8))
        var suppressed = Diagnostic(code: "c", severity: .warning, message: "m", location: .span(x),
                                    fixes: [Fix(title: "drop x", edits: [TextEdit(span: x, replacement: "")], isSafe: true)])
        suppressed.suppression = Suppression(kind: .external, justification: "baseline 2024")
        suppressed.baselineState = "unchanged"
        var invalidState = Diagnostic(code: "c", severity: .info, message: "n", location: .span(x))
        invalidState.baselineState = "sideways"
        let results = Self.results(Self.sarif([suppressed, invalidState]))
        #expect(results.count == 2)
        let s = results.first { ($0["message"] as! [String: String])["text"] == "m" }!
        #expect(s["suppressions"] as? [[String: String]] == [["kind": "external", "justification": "baseline 2024"]])
        #expect(s["baselineState"] as? String == "unchanged")
        let fix = (s["fixes"] as! [[String: Any]])[0]
        let change = (fix["artifactChanges"] as! [[String: Any]])[0]
        let replacement = (change["replacements"] as! [[String: Any]])[0]
        #expect(replacement["deletedRegion"] as? [String: Int] == ["startLine": 1, "startColumn": 6, "endLine": 1, "endColumn": 7, "charOffset": 5, "charLength": 1])
        #expect(replacement["insertedContent"] as? [String: String] == ["text": ""])
        let other = results.first { ($0["message"] as! [String: String])["text"] == "n" }!
        #expect(other["baselineState"] == nil)
        #expect(other["level"] as? String == "note")
    }

    /// The validators are not vacuous: each rejects logs that break the specification.
    static func validatorRejectsInvalidLogs(_ schema: SchemaCheck.SARIFSchema) {
        let file = SourceFile(path: "p.yaml", text: "a: 😀x\n")
        let d = Diagnostic(code: "c", severity: .warning, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(7, 8))))
        let good = SARIFRenderer().render([d], context: RenderContext())
        #expect(SchemaCheck.checkSARIF(good, name: "good", against: schema) == .valid)
        let broken = [
            ("level", "\"level\": \"warning\"", "\"level\": \"fatal\""),
            ("startColumn", "\"startColumn\": 6", "\"startColumn\": 0"),
            ("version", "\"version\": \"2.1.0\"", "\"version\": \"2.0.0\""),
        ]
        for (what, from, to) in broken {
            let bad = good.replacingOccurrences(of: from, with: to)
            #expect(bad != good, "\(from) is not in the log")
            guard case .invalid(let report) = SchemaCheck.checkSARIF(bad, name: "bad-\(what)", against: schema) else {
                Issue.record("\(schema) accepted an invalid \(what)")
                continue
            }
            #expect(report.contains(what), "\(report)")
        }
    }

    @Test func shapeSchemaRejectsInvalidLogs() { Self.validatorRejectsInvalidLogs(.shape) }

    @Test(.enabled(if: Corpus.sarifSchema.isAvailable, Comment(rawValue: Corpus.sarifSchema.skipReason)))
    func officialSchemaRejectsInvalidLogs() { Self.validatorRejectsInvalidLogs(.official) }

    @Test func truncatedDescriptionsAndSemanticVersions() {
        let long = String(repeating: "合計", count: 600)
        let r = RuleMetadata(id: "x", shortDescription: long, helpText: "h", defaultLevel: .error)
        let log = SARIFRenderer().render([], context: RenderContext(toolVersion: "dev", rules: [r]))
        let obj = try! JSONSerialization.jsonObject(with: Data(log.utf8)) as! [String: Any]
        let driver = ((Self.run(obj)["tool"] as! [String: Any])["driver"] as! [String: Any])
        let short = ((driver["rules"] as! [[String: Any]])[0]["shortDescription"] as! [String: String])["text"]!
        #expect(short.utf16.count <= 1024)
        #expect(short.hasSuffix("…"))
        #expect(driver["semanticVersion"] == nil)  // "dev" is not a semantic version
        SchemaCheck.validateSARIF(log, name: "truncated")
    }
}
