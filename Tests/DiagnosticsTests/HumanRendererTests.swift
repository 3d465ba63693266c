import DiagnosticRendering
import Foundation
import Diagnostics
import SourceText
import Testing

@Suite("Human form layout")
struct HumanRendererTests {
    /// Renders one diagnostic over `text` at the first occurrence of `needle` (plain, no colour).
    static func render(_ text: String, needle: String, label: String? = "here", tabWidth: Int = 4,
                       maxLineWidth: Int = 120) -> (lines: [String], file: SourceFile, range: ByteRange) {
        let file = SourceFile(path: "t.yaml", text: text)
        let start = Self.offset(of: needle, in: text)
        let range = ByteRange(start, start + needle.utf8.count)
        let d = Diagnostic(code: "c", severity: .error, message: "m", location: .span(SourceSpan(file: file, range: range)), primaryLabel: label)
        let out = HumanRenderer().render([d], context: RenderContext(tabWidth: tabWidth, maxLineWidth: maxLineWidth))
        return (out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), file, range)
    }

    static func offset(of needle: String, in text: String) -> Int {
        let r = text.range(of: needle)!
        return text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound.samePosition(in: text.utf8)!)
    }

    /// The source row of line `line` and the caret row after it, without their gutters.
    static func rows(_ lines: [String], line: Int) -> (source: String, carets: String) {
        let i = lines.firstIndex { $0.hasPrefix("\(line) |") }!
        let gutter = "\(line) | ".count
        return (String(lines[i].dropFirst(gutter)), String(lines[i + 1].dropFirst(gutter)))
    }

    struct Alignment: Sendable, CustomTestStringConvertible {
        let line: String
        let needle: String
        let tabWidth: Int
        var testDescription: String { "\(line.debugDescription) at \(needle.debugDescription), tabs \(tabWidth)" }
    }

    static let alignments: [Alignment] = [
        Alignment(line: "名前: 値段", needle: "値段", tabWidth: 4),
        Alignment(line: "ｱｲｳ: ＡＢＣ x", needle: "x", tabWidth: 4),  // half-width kana are narrow, full-width letters wide
        Alignment(line: "e\u{301}t\u{301}: v", needle: "v", tabWidth: 4),  // combining accents take no cell
        Alignment(line: "\t\tk: v", needle: "v", tabWidth: 4),
        Alignment(line: "合\tk: v", needle: "k", tabWidth: 4),  // the tab after a wide character stops at 4
        Alignment(line: "a\t合計\tb", needle: "b", tabWidth: 8),
        Alignment(line: "k: \"a\tb\" c", needle: "a\tb", tabWidth: 4),  // a tab inside the range
        Alignment(line: "😀 x: 📊", needle: "📊", tabWidth: 4),
        Alignment(line: "-- ◎ ○ △ × －: 2", needle: "2", tabWidth: 4),  // ambiguous marks narrow, － wide
    ]

    /// The carets start under the range's first cell and are as wide as its text, whatever
    /// the characters and tabs before and inside it.
    @Test(arguments: alignments)
    func caretsAlign(_ a: Alignment) {
        let (lines, file, range) = Self.render(a.line + "\n", needle: a.needle, tabWidth: a.tabWidth)
        let (source, carets) = Self.rows(lines, line: 1)
        let prefix = file.text(in: ByteRange(0, range.start))
        let expectedStart = DisplayWidth.columns(prefix, tabWidth: a.tabWidth)
        let expectedWidth = DisplayWidth.columns(a.needle, startColumn: expectedStart, tabWidth: a.tabWidth)
        let caretStart = carets.prefix { $0 == " " }.count
        let caretCount = carets.dropFirst(caretStart).prefix { $0 == "^" }.count
        #expect(caretStart == expectedStart)
        #expect(caretCount == expectedWidth)
        // The printed line has tabs expanded, and the range's text starts at that same cell.
        #expect(!source.contains("\t"))
        let expandedNeedle = a.needle.replacingOccurrences(of: "\t", with: " ")
        let at = source.range(of: expandedNeedle.split(separator: " ").first.map(String.init) ?? expandedNeedle)!
        #expect(DisplayWidth.columns(source[..<at.lowerBound]) == expectedStart)
    }

    @Test func tabWidthIsHonoured() {
        let four = Self.rows(Self.render("\tv\n", needle: "v", tabWidth: 4).lines, line: 1)
        let eight = Self.rows(Self.render("\tv\n", needle: "v", tabWidth: 8).lines, line: 1)
        #expect(four.source == "    v")
        #expect(four.carets == "    ^ here")
        #expect(eight.source == "        v")
        #expect(eight.carets == "        ^ here")
    }

    @Test func longLinesAreElidedAroundTheRange() {
        let text = String(repeating: "a", count: 500) + "NEEDLE" + String(repeating: "b", count: 500) + "\n"
        let (lines, _, _) = Self.render(text, needle: "NEEDLE", label: "x")
        for line in lines { #expect(DisplayWidth.columns(line) <= 120, "\(line.count) cells: \(line)") }
        let (source, carets) = Self.rows(lines, line: 1)
        #expect(source.hasPrefix("..."))
        #expect(source.hasSuffix("..."))
        let needle = source.range(of: "NEEDLE")!
        #expect(carets.prefix { $0 == " " }.count == source.distance(from: source.startIndex, to: needle.lowerBound))
        #expect(carets.contains("^^^^^^ x"))
    }

    @Test func elisionRespectsWideCharactersAndTheWidthSetting() {
        let text = String(repeating: "あ", count: 300) + "NEEDLE" + String(repeating: "い", count: 301) + "\n"
        let (lines, _, _) = Self.render(text, needle: "NEEDLE", label: "x", maxLineWidth: 80)
        for line in lines { #expect(DisplayWidth.columns(line) <= 80, "\(DisplayWidth.columns(line)) cells: \(line)") }
        let (source, carets) = Self.rows(lines, line: 1)
        let needle = source.range(of: "NEEDLE")!
        #expect(carets.prefix { $0 == " " }.count == DisplayWidth.columns(source[..<needle.lowerBound]))
    }

    @Test func rangeAtTheStartAndEndOfALongLine() {
        let text = "START" + String(repeating: "x", count: 300) + "END\n"
        let start = Self.rows(Self.render(text, needle: "START").lines, line: 1)
        #expect(start.source.hasPrefix("START"))
        #expect(start.source.hasSuffix("..."))
        #expect(start.carets == "^^^^^ here")
        let end = Self.rows(Self.render(text, needle: "END").lines, line: 1)
        #expect(end.source.hasPrefix("..."))
        #expect(end.source.hasSuffix("END"))
        #expect(end.carets.hasSuffix("^^^ here"))
        #expect(end.carets.count - " here".count == end.source.count)
    }

    @Test func emptyRangeGetsOneCaretAndEndOfFileIsAfterTheLastCharacter() {
        let file = SourceFile(path: "t.yaml", text: "a: 1\nb: 合")
        let eof = SourceSpan(file: file, range: ByteRange(file.bytes.count, file.bytes.count))
        let d = Diagnostic(code: "c", severity: .error, message: "m", location: .span(eof), primaryLabel: "end")
        let lines = HumanRenderer().render([d], context: RenderContext()).split(separator: "\n").map(String.init)
        #expect(lines.contains(" --> t.yaml:2:5"))
        let (source, carets) = Self.rows(lines, line: 2)
        #expect(source == "b: 合")
        #expect(carets == "     ^ end")
    }

    @Test func crlfLinesShowNoCarriageReturn() {
        let (lines, _, _) = Self.render("a: 1\r\nb: 2\r\n", needle: "2")
        let (source, carets) = Self.rows(lines, line: 2)
        #expect(source == "b: 2")
        #expect(carets == "   ^ here")
        #expect(!lines.joined().contains("\r"))
    }

    @Test func aRangeOverTheLineBreakPointsJustAfterTheLine() {
        let file = SourceFile(path: "t.yaml", text: "ab\r\ncd\n")
        let d = Diagnostic(code: "c", severity: .info, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(2, 4))))
        let lines = HumanRenderer().render([d], context: RenderContext()).split(separator: "\n").map(String.init)
        #expect(Self.rows(lines, line: 1) == ("ab", "  ^"))
    }

    @Test func controlAndBidiCharactersAreShownNotObeyed() {
        let (lines, _, _) = Self.render("a: \u{1B}[31mred \u{202E}abc\n", needle: "abc")
        let out = lines.joined(separator: "\n")
        #expect(!out.contains("\u{1B}"))
        #expect(!out.contains("\u{202E}"))
        let (source, carets) = Self.rows(lines, line: 1)
        #expect(source == "a: \u{241B}[31mred <U+202E>abc")
        #expect(carets.prefix { $0 == " " }.count == DisplayWidth.columns("a: \u{241B}[31mred <U+202E>"))
    }

    @Test func invalidUTF8IsReplacedAndStillAligned() {
        let file = SourceFile(path: "t.yaml", bytes: Array("k: ".utf8) + [0xFF, 0xC3] + Array(" v\n".utf8))
        let d = Diagnostic(code: "c", severity: .error, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(6, 7))))
        let lines = HumanRenderer().render([d], context: RenderContext()).split(separator: "\n").map(String.init)
        #expect(Self.rows(lines, line: 1) == ("k: \u{FFFD}\u{FFFD} v", "      ^"))
    }

    @Test func severalLabelsOnOneLineHangBelow() {
        let file = SourceFile(path: "t.yaml", text: "x: [1, 2, 3]\n")
        let span = { (o: Int) in SourceSpan(file: file, range: ByteRange(o, o + 1)) }
        let d = Diagnostic(code: "c", severity: .error, message: "m", location: .span(span(10)), primaryLabel: "third",
                           labels: [Label(span: span(4), message: "first"), Label(span: span(7), message: "second")])
        let out = HumanRenderer().render([d], context: RenderContext())
        #expect(out == """
            error[c]: m
             --> t.yaml:1:11
              |
            1 | x: [1, 2, 3]
              |     -  -  ^ third
              |     |  |
              |     |  second
              |     first

            1 error in 1 file

            """)
    }

    @Test func multiLineRanges() {
        let file = SourceFile(path: "t.yaml", text: "k: |\n  one\n  two\nrows:\n  - a\n  - b\n")
        let block = Diagnostic(code: "c", severity: .warning, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(3, 17))), primaryLabel: "block")
        let rows = Diagnostic(code: "c", severity: .warning, message: "n", location: .span(SourceSpan(file: file, range: ByteRange(25, 36))), primaryLabel: "rows")
        let out = HumanRenderer().render([block, rows], context: RenderContext())
        #expect(out == """
            warning[c]: m
             --> t.yaml:1:4
              |
            1 |   k: |
              |  ____^
            2 | |   one
            3 | |   two
              | |_____^ block

            warning[c]: n
             --> t.yaml:5:3
              |
            5 | /   - a
            6 | |   - b
              | |_____^ rows

            2 warnings in 1 file

            """)
    }

    /// Nested and overlapping multi-line ranges each get a margin column; identical ranges
    /// keep the primary label beside the carets.
    @Test func overlappingRanges() {
        let text = "budget:\n  rows:\n    - a: 1\n    - b: 2\n  total: 3\nnext: 1\n"
        let file = SourceFile(path: "t.yaml", text: text)
        func span(_ a: String, _ b: String) -> SourceSpan {
            SourceSpan(file: file, range: ByteRange(Self.offset(of: a, in: text), Self.offset(of: b, in: text) + b.utf8.count))
        }
        let nested = Diagnostic(code: "c", severity: .error, message: "nested", location: .span(span("rows", "total: 3")), primaryLabel: "outer",
                                labels: [Label(span: span("- a", "b: 2"), message: "inner"), Label(span: span("rows", "rows"), message: "same start")])
        let overlap = Diagnostic(code: "c", severity: .error, message: "overlap", location: .span(span("a: 1", "b: 2")), primaryLabel: "first",
                                 labels: [Label(span: span("b: 2", "next"), message: "second")])
        let same = Diagnostic(code: "c", severity: .warning, message: "same range", location: .span(span("total", "total")), primaryLabel: "p",
                              labels: [Label(span: span("total", "total"), message: "s"), Label(span: span("tal", "tal"), message: "inside")])
        let out = HumanRenderer().render([nested, overlap, same], context: RenderContext())
        #expect(out == """
            error[c]: nested
             --> t.yaml:2:3
              |
            2 | /    rows:
              | |    ---- same start
            3 | |/     - a: 1
            4 | ||     - b: 2
              | ||__________- inner
            5 | |    total: 3
              | |___________^ outer

            error[c]: overlap
             --> t.yaml:3:7
              |
            3 |        - a: 1
              |  ________^
            4 | |      - b: 2
              | | _______-
              | ||__________^ first
            5 |  |   total: 3
            6 |  | next: 1
              |  |____- second

            warning[c]: same range
             --> t.yaml:5:3
              |
            5 |   total: 3
              |   ^^^^^ p
              |   | |
              |   | inside
              |   s

            2 errors, 1 warning in 1 file

            """)
    }

    @Test func labelInAnotherFileGetsItsOwnSnippet() {
        let plan = SourceFile(path: "plan.yaml", text: "total: 5\n")
        let rules = SourceFile(path: "rules/sum.yaml", text: "id: sum\nwhen: total > 10\n")
        let d = Diagnostic(code: "sum", severity: .error, message: "too small", location: .span(SourceSpan(file: plan, range: ByteRange(7, 8))),
                           primaryLabel: "5", labels: [Label(span: SourceSpan(file: rules, range: ByteRange(14, 24)), message: "rule")],
                           notes: ["a note"])
        let out = HumanRenderer().render([d], context: RenderContext(checkedFiles: ["plan.yaml"]))
        #expect(out == """
            error[sum]: too small
             --> plan.yaml:1:8
              |
            1 | total: 5
              |        ^ 5
              |
             ::: rules/sum.yaml:2:7
              |
            2 | when: total > 10
              |       ---------- rule
              |
              = note: a note

            1 error in 1 file

            """)
    }

    @Test func summaries() {
        var s = DiagnosticSummary()
        s.files = 3
        #expect(HumanRenderer.summary(s) == "no problems found in 3 files")
        s.suppressed = 2
        #expect(HumanRenderer.summary(s) == "no problems found in 3 files (2 suppressed)")
        s = DiagnosticSummary()
        (s.errors, s.warnings, s.files) = (2, 1, 3)
        #expect(HumanRenderer.summary(s) == "2 errors, 1 warning in 3 files")
        (s.errors, s.warnings, s.infos, s.files, s.suppressed) = (1, 0, 2, 1, 1)
        #expect(HumanRenderer.summary(s) == "1 error, 2 infos in 1 file (1 suppressed)")
    }

    @Test func suppressedAreCountedNotShown() {
        let file = SourceFile(path: "t.yaml", text: "a: 1\n")
        var d = Diagnostic(code: "c", severity: .error, message: "hidden", location: .span(SourceSpan(file: file, range: ByteRange(3, 4))))
        d.suppression = Suppression(kind: .inSource, justification: "ok")
        let out = HumanRenderer().render([d], context: RenderContext(checkedFiles: ["t.yaml"]))
        #expect(out == "no problems found in 1 file (1 suppressed)\n")
    }

    @Test func colourOnlyWhenAsked() {
        let file = SourceFile(path: "t.yaml", text: "a: 1\n")
        let d = Diagnostic(code: "c", severity: .error, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(3, 4))))
        let plain = HumanRenderer().render([d], context: RenderContext(color: false))
        let coloured = HumanRenderer().render([d], context: RenderContext(color: true))
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[1;31merror[c]\u{1B}[0m"))
        // Without the escape sequences the two are the same text.
        #expect(coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression) == plain)
    }
}
