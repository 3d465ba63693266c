import DiagnosticRendering
import Diagnostics
import SourceText
import Testing

/// Issue 16, class 11: ESC, OSC, BEL, NUL and bidirectional overrides from plan values, file
/// names, rule ids and `--stdin-filename` once reached `--format github` verbatim, while every
/// other format replaced them. Every unsafe scalar, in every field, in every format.
@Suite struct GitHubHostileTests {
    static let unsafe: [Unicode.Scalar] = (0..<0x20).compactMap(Unicode.Scalar.init) + [Unicode.Scalar(0x7F)!]
        + (0x80..<0xA0).compactMap(Unicode.Scalar.init)
        + [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C].compactMap(Unicode.Scalar.init)

    /// Whether a rendered line holds a scalar a terminal or a log viewer would act on.
    static func isClean(_ line: Substring) -> Bool {
        !line.unicodeScalars.contains { s in s != "\t" && unsafe.contains(s) }
    }

    @Test(arguments: ["path", "code", "message", "note", "help", "label", "source"])
    func everyUnsafeScalarIsReplacedInEveryField(_ field: String) {
        for u in Self.unsafe {
            let evil = "a\(u)]8;;http://x\u{07}b\(u)"
            let source = field == "source" ? "name: \(evil)\n" : "name: x\n"
            let file = SourceFile(path: field == "path" ? "plans/\(evil).yaml" : "plan.yaml", text: source)
            var d = Diagnostic(code: field == "code" ? "rule-\(evil)" : "rule", severity: .error,
                               message: field == "message" ? "value \(evil)" : "m",
                               location: .span(SourceSpan(file: file, range: ByteRange(6, file.bytes.count - 1))),
                               primaryLabel: field == "label" ? evil : nil)
            if field == "note" { d.notes = ["note \(evil)"] }
            if field == "help" { d.help = "help \(evil)" }
            for format in OutputFormat.allCases where format != .sarif && format != .json && format != .junit {
                let text = format.render([d], context: RenderContext())
                for line in text.split(separator: "\n") {
                    #expect(Self.isClean(line), "\(format) \(field) U+\(String(u.value, radix: 16)): \(line.debugDescription)")
                }
            }
        }
    }
}
