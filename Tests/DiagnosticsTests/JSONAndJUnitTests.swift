import DiagnosticRendering
import Diagnostics
import Foundation
import SourceText
import Testing

@Suite("JSON and JUnit")
struct JSONAndJUnitTests {
    @Test func jsonWriterEscapesAndSortsKeys() {
        let value: JSONValue = ["b": "x\"\\\n\t\u{01}\u{7F}\u{2028}合計😀/", "a": [1, true, .null, [:], []], "$": -3]
        #expect(value.serialized() == """
            {
              "$": -3,
              "a": [
                1,
                true,
                null,
                {},
                []
              ],
              "b": "x\\"\\\\\\n\\t\\u0001\\u007f\\u2028合計😀/"
            }

            """)
        // And it is JSON that a standard parser reads back to the same strings.
        let parsed = try! JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as! [String: Any]
        #expect(parsed["b"] as? String == "x\"\\\n\t\u{01}\u{7F}\u{2028}合計😀/")
    }

    @Test func jsonCarriesSuppressedOnlyWhenAsked() {
        let file = SourceFile(path: "p.yaml", text: "a: 😀x\n")
        var d = Diagnostic(code: "c", severity: .warning, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(7, 8))))
        d.suppression = Suppression(kind: .inSource, justification: nil)
        func decode(_ s: String) -> [String: Any] { try! JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any] }
        let without = decode(JSONRenderer().render([d], context: RenderContext()))
        #expect((without["diagnostics"] as! [Any]).isEmpty)
        #expect((without["summary"] as! [String: Int])["suppressed"] == 1)
        let with = decode(JSONRenderer().render([d], context: RenderContext(includeSuppressed: true)))
        let item = (with["diagnostics"] as! [[String: Any]])[0]
        #expect(item["suppression"] as? [String: NSObject] == ["kind": "inSource" as NSString, "justification": NSNull()])
        let start = (item["range"] as! [String: [String: Int]])["start"]!
        #expect(start == ["offset": 7, "line": 1, "column": 5, "utf16Column": 6])
    }

    @Test func xmlEscaping() {
        let file = SourceFile(path: "a&b<c>.yaml", text: "k: v\n")
        let d = Diagnostic(code: "c", severity: .error, message: "it's \"<bad>\" & \u{01}\u{1B}gone\ttab",
                           location: .span(SourceSpan(file: file, range: ByteRange(3, 4))))
        let xml = JUnitRenderer().render([d], context: RenderContext())
        #expect(xml.contains("<testsuite name=\"a&amp;b&lt;c&gt;.yaml\""))
        #expect(xml.contains("message=\"it&apos;s &quot;&lt;bad&gt;&quot; &amp; gone&#9;tab\""))
        #expect(!xml.contains("\u{01}") && !xml.contains("\u{1B}"))
        Self.checkWellFormed(xml, name: "escaping")
    }

    @Test func cleanFilesPassAndCountsAddUp() {
        let file = SourceFile(path: "b.yaml", text: "k: v\n")
        let d = Diagnostic(code: "c", severity: .warning, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(3, 4))))
        let xml = JUnitRenderer().render([d], context: RenderContext(checkedFiles: ["a.yaml", "b.yaml"]))
        #expect(xml.contains("<testsuites name=\"planlint\" tests=\"2\" failures=\"1\" errors=\"0\">"))
        #expect(xml.contains("<testcase classname=\"a.yaml\" name=\"planlint\" file=\"a.yaml\"/>"))
        #expect(xml.contains("<failure message=\"m\" type=\"warning\">b.yaml:1:4: warning: m [c]</failure>"))
        Self.checkWellFormed(xml, name: "clean")
    }

    /// Every fixture's JUnit output parses as XML.
    @Test(arguments: FixtureCase.all)
    func fixtureJUnitIsWellFormed(_ c: FixtureCase) throws {
        let diagnostics = try c.diagnostics()
        Self.checkWellFormed(OutputFormat.junit.render(diagnostics, context: GoldenTests.context(for: c, diagnostics: diagnostics)), name: c.name)
    }

    static func checkWellFormed(_ xml: String, name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("planlint-junit-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: file) }
        try! Data(xml.utf8).write(to: file)
        guard let (status, _, stderr) = Subprocess.run(["python3", "-c", "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])", file.path]) else {
            Issue.record("cannot run python3 to parse JUnit XML", sourceLocation: sourceLocation)
            return
        }
        #expect(status == 0, "\(name): JUnit output is not well-formed XML: \(stderr)", sourceLocation: sourceLocation)
    }
}

@Suite("Output formats")
struct OutputFormatTests {
    @Test func namesParse() {
        #expect(OutputFormat.allCases.map(\.rawValue) == ["human", "short", "json", "sarif", "github", "junit"])
        for f in OutputFormat.allCases { #expect(OutputFormat(rawValue: f.rawValue) == f) }
        #expect(OutputFormat(rawValue: "SARIF") == nil)
        #expect(OutputFormat(rawValue: "xml") == nil)
    }

    @Test func severalFormatsFromOneRun() {
        let file = SourceFile(path: "p.yaml", text: "k: v\n")
        let d = Diagnostic(code: "c", severity: .error, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(3, 4))))
        let context = RenderContext(checkedFiles: ["p.yaml"])
        let outputs = render([d], formats: [.human, .sarif, .human, .short], context: context)
        #expect(outputs.map(\.0) == [.human, .sarif, .short])
        for (format, text) in outputs { #expect(text == format.render([d], context: context)) }
        #expect(outputs[2].1 == "p.yaml:1:4: error: m [c]\n")
    }

    /// Rendering is pure: the same input gives the same bytes, whatever order it came in.
    @Test(arguments: OutputFormat.allCases)
    func deterministic(_ format: OutputFormat) throws {
        let diagnostics = try FixtureCase.many.diagnostics()
        let context = GoldenTests.context(for: .many, diagnostics: diagnostics)
        let a = format.render(diagnostics, context: context)
        let b = format.render(diagnostics.reversed(), context: context)
        #expect(a == b)
    }
}
