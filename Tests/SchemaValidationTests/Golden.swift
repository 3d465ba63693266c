import Foundation
import GoldenFiles
import Testing
import Diagnostics
import SourceText

/// A stable plain-text form of diagnostics for golden files (the real renderers live in
/// DiagnosticRendering): `path:line:col: severity code: message`, then the primary label,
/// labels (with their own positions, possibly in another file), notes, help and fixes.
/// Paths are shown relative to the package root.
enum GoldenText {
    /// Rendered, with machine-specific directories replaced by `<package>`.
    static func render(_ diagnostics: [Diagnostic]) -> String {
        let root = TestPaths.packageRoot
        let parent = (root as NSString).deletingLastPathComponent
        return diagnostics.map(render).joined()
            .replacingOccurrences(of: root, with: "<package>")
            .replacingOccurrences(of: parent + "/", with: "<package>/../")
    }

    static func position(_ span: SourceSpan) -> String {
        let loc = span.file.location(of: span.range.start)
        let end = span.file.location(of: span.range.end)
        let range = loc.line == end.line ? "\(loc.column)-\(end.column)" : "\(loc.column)-\(end.line):\(end.column)"
        return "\(relative(span.file.path)):\(loc.line):\(range)"
    }

    static func relative(_ path: String) -> String {
        let root = TestPaths.packageRoot + "/"
        if path.hasPrefix(root) { return String(path.dropFirst(root.count)) }
        if let suite = TestPaths.suite, path.hasPrefix(suite + "/") { return "<json-schema-test-suite>/" + path.dropFirst(suite.count + 1) }
        return path
    }

    static func render(_ d: Diagnostic) -> String {
        var out = ""
        if let span = d.span {
            out += "\(position(span)): \(d.severity) \(d.code): \(d.message)\n"
            out += "    | \(span.file.text(in: span.range).replacingOccurrences(of: "\n", with: "⏎"))\n"
        } else {
            out += "\(relative(d.path)): \(d.severity) \(d.code): \(d.message)\n"
        }
        if let p = d.primaryLabel { out += "  primary: \(p)\n" }
        for l in d.labels { out += "  label \(position(l.span)): \(l.message)\n" }
        for n in d.notes { out += "  note: \(n)\n" }
        if let h = d.help { out += "  help: \(h)\n" }
        for f in d.fixes {
            out += "  fix\(f.isSafe ? "" : " (unsafe)"): \(f.title)\n"
            for e in f.edits { out += "    \(position(e.span)) → \(e.replacement)\n" }
        }
        return out
    }

    /// Compares `actual` with the golden file at `path`; re-records it when PLANLINT_RECORD=1.
    static func check(_ actual: String, against path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        Golden.check(actual, against: path, sourceLocation: sourceLocation)
    }
}
