import DiagnosticRendering
import Diagnostics
import SourceText
import Testing

@Suite("GitHub workflow commands")
struct GitHubRendererTests {
    @Test func dataEscaping() {
        #expect(GitHubRenderer.escapeData("100% done") == "100%25 done")
        #expect(GitHubRenderer.escapeData("a\r\nb") == "a%0D%0Ab")
        #expect(GitHubRenderer.escapeData("a:b,c") == "a:b,c")
        // `%` first, so escapes are not escaped twice.
        #expect(GitHubRenderer.escapeData("%0A") == "%250A")
    }

    @Test func propertyEscaping() {
        #expect(GitHubRenderer.escapeProperty("a:b,c") == "a%3Ab%2Cc")
        #expect(GitHubRenderer.escapeProperty("50%\nx") == "50%25%0Ax")
        #expect(GitHubRenderer.escapeProperty("計画/予算.yaml") == "計画/予算.yaml")
    }

    @Test func singleLineRangeHasColumns() {
        let file = SourceFile(path: "dir,with:odd/plan.yaml", text: "a: 1\nb: 合計\n")
        let d = Diagnostic(code: "x/y", severity: .warning, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(8, 14))))
        #expect(GitHubRenderer.line(d)
                == "::warning file=dir%2Cwith%3Aodd/plan.yaml,line=2,endLine=2,col=4,endColumn=6,title=planlint (x/y)::m")
    }

    @Test func multiLineRangeHasNoColumns() {
        let file = SourceFile(path: "p.yaml", text: "a:\n  - 1\n  - 2\n")
        let d = Diagnostic(code: "c", severity: .info, message: "two\nlines", location: .span(SourceSpan(file: file, range: ByteRange(5, 14))))
        #expect(GitHubRenderer.line(d) == "::notice file=p.yaml,line=2,endLine=3,title=planlint (c)::two%0Alines")
    }

    @Test func rangeEndingAfterALineBreakStaysOnItsLine() {
        let file = SourceFile(path: "p.yaml", text: "ab\ncd\n")
        let d = Diagnostic(code: "c", severity: .error, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(0, 3))))
        #expect(GitHubRenderer.line(d) == "::error file=p.yaml,line=1,endLine=1,col=1,endColumn=4,title=planlint (c)::m")
    }

    @Test func notesAndHelpFollowTheMessage() {
        let d = Diagnostic(code: "io-error", severity: .error, message: "cannot read file", location: .path("a.yaml"),
                           notes: ["permission denied"], help: "check the path")
        #expect(GitHubRenderer.line(d)
                == "::error file=a.yaml,title=planlint (io-error)::cannot read file%0Anote: permission denied%0Ahelp: check the path")
    }

    @Test func suppressedAreSkipped() {
        var d = Diagnostic(code: "c", severity: .error, message: "m", location: .path("a.yaml"))
        d.suppression = Suppression(kind: .inSource, justification: nil)
        #expect(GitHubRenderer().render([d], context: RenderContext()) == "")
    }
}
