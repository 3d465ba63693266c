import DiagnosticRendering
import Diagnostics
import SourceText
import Testing

@Suite("Short form")
struct ShortRendererTests {
    @Test func columnsAreCodePoints() {
        // 😀 is one code point (two UTF-16 units, four bytes); 合計 two code points.
        let file = SourceFile(path: "p.yaml", text: "k: 😀合計 x\n")
        let offset = Array("k: 😀合計 ".utf8).count
        let d = Diagnostic(code: "c", severity: .warning, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(offset, offset + 1))))
        #expect(ShortRenderer.line(d) == "p.yaml:1:8: warning: m [c]")
    }

    @Test func oneLinePerDiagnosticWhateverTheMessage() {
        let d = Diagnostic(code: "c", severity: .error, message: "line one\nline two\u{1B}[31m", location: .path("p.yaml"))
        let out = ShortRenderer().render([d], context: RenderContext())
        #expect(out == "p.yaml: error: line one\u{240A}line two\u{241B}[31m [c]\n")
        #expect(!out.contains("\u{1B}"))
    }

    @Test func sortedAndWithoutSuppressed() {
        let file = SourceFile(path: "b.yaml", text: "a: 1\nb: 2\n")
        let late = Diagnostic(code: "z", severity: .info, message: "late", location: .span(SourceSpan(file: file, range: ByteRange(5, 6))))
        let early = Diagnostic(code: "z", severity: .info, message: "early", location: .span(SourceSpan(file: file, range: ByteRange(0, 1))))
        let other = Diagnostic(code: "z", severity: .info, message: "other file", location: .path("a.yaml"))
        var hidden = early
        hidden.message = "hidden"
        hidden.suppression = Suppression(kind: .external, justification: "baseline")
        let out = ShortRenderer().render([late, hidden, early, other], context: RenderContext())
        #expect(out == """
            a.yaml: info: other file [z]
            b.yaml:1:1: info: early [z]
            b.yaml:2:1: info: late [z]

            """)
    }
}
