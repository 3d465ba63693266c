import Diagnostics
import SourceText

/// The default, rustc-style form for people at a terminal.
///
/// ```text
/// error[duplicate-key]: duplicate key "name"
///  --> plan.yaml:3:1
///   |
/// 1 | name: a
///   | ---- first defined here
/// 2 | x: 1
/// 3 | name: b
///   | ^^^^ duplicate key
///   |
///   = help: remove one of the two entries
///
/// 1 error in 1 file
/// ```
/// Columns in `-->` are code points (as in `short`); carets are placed by terminal cells, so
/// they stay under the right characters with tabs and wide characters. Suppressed
/// diagnostics are left out and counted in the summary.
package struct HumanRenderer: DiagnosticRenderer {
    package init() {}

    /// The whole output for `diagnostics` (see the type's documentation).
    package func render(_ diagnostics: [Diagnostic], context: RenderContext) -> String {
        let styler: any Styler = context.color ? ANSIStyler() : PlainStyler()
        let index = PositionIndex()
        var out = ""
        for d in diagnostics.prepared(keepSuppressed: false) {
            out += renderOne(d, context: context, styler: styler, index: index)
            out += "\n"
        }
        out += styler.style(HumanRenderer.summary(DiagnosticSummary(diagnostics, files: context.fileCount(diagnostics))), .summary)
        out += "\n"
        return out
    }

    /// One diagnostic: header, excerpts, notes; each line ends with a newline.
    package func renderOne(_ d: Diagnostic, context: RenderContext, styler: any Styler) -> String {
        renderOne(d, context: context, styler: styler, index: PositionIndex())
    }

    func renderOne(_ d: Diagnostic, context: RenderContext, styler: any Styler, index: PositionIndex) -> String {
        var lines: [String] = []
        let severity = TextRole.severity(d.severity)
        lines.append(styler.style("\(HumanMessage.word(for: d.severity))[\(SingleLine.sanitize(d.code))]", severity)
                     + styler.style(": " + SingleLine.sanitize(d.message), .message))
        let snippets = HumanRenderer.snippets(for: d)
        let gutterWidth = HumanRenderer.gutterWidth(snippets)
        let indent = String(repeating: " ", count: gutterWidth)
        let emptyGutter = indent + " " + styler.style("|", .gutter)
        lines += excerpt(d, snippets: snippets, gutterWidth: gutterWidth, context: context, styler: styler, index: index)

        var trailers: [(TextRole, String, String)] = []
        for note in d.notes { trailers.append((.note, HumanMessage.note(), note)) }
        if let help = d.help { trailers.append((.help, HumanMessage.help(), help)) }
        for fix in d.fixes { trailers.append((.help, fix.isSafe ? HumanMessage.fix() : HumanMessage.unsafeFix(), fix.title)) }
        if let url = d.docsURL { trailers.append((.note, HumanMessage.note(), HumanMessage.moreInformation(["url": url]))) }
        if !trailers.isEmpty && !snippets.isEmpty { lines.append(emptyGutter) }
        for (role, word, text) in trailers {
            let head = indent + " " + styler.style("=", .gutter) + " " + styler.style(word, role) + ": "
            let continuation = String(repeating: " ", count: indent.count + 3 + DisplayWidth.columns(word) + 2)
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map { SingleLine.sanitize(String($0)) }
            lines.append(head + parts[0])
            for part in parts.dropFirst() { lines.append(part.isEmpty ? "" : continuation + part) }
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// The excerpt of a diagnostic as rows without line breaks: the ` --> path:line:col` line
    /// and the source lines with their markers, laid out as in `renderOne`. Every piece of
    /// text goes through `styler` (`plain` for text without a role), so a styler for another
    /// medium (HTML) can escape it; the primary range in the source line has the role `marked`.
    package func excerpt(_ d: Diagnostic, context: RenderContext, styler: any Styler) -> [String] {
        let snippets = HumanRenderer.snippets(for: d)
        return excerpt(d, snippets: snippets, gutterWidth: HumanRenderer.gutterWidth(snippets),
                       context: context, styler: styler, index: PositionIndex())
    }

    static func gutterWidth(_ snippets: [Snippet]) -> Int {
        max(1, String(snippets.map(\.maxLineNumber).max() ?? 1).count)
    }

    func excerpt(_ d: Diagnostic, snippets: [Snippet], gutterWidth: Int, context: RenderContext, styler: any Styler,
                 index: PositionIndex) -> [String] {
        var lines: [String] = []
        let indent = String(repeating: " ", count: gutterWidth)
        let emptyGutter = indent + " " + styler.style("|", .gutter)
        if d.span == nil {
            lines.append(indent + styler.style("-->", .gutter) + " " + styler.plain(SingleLine.sanitize(d.path)))
        }
        for (i, snippet) in snippets.enumerated() {
            let isPrimary = i == 0 && d.span != nil
            let loc = index.position(snippet.file, isPrimary ? d.span!.range.start : snippet.firstOffset)
            let arrow = isPrimary ? "-->" : ":::"
            if i > 0 || d.span == nil { lines.append(emptyGutter) }
            lines.append(indent + styler.style(arrow, .gutter) + " "
                         + styler.plain("\(SingleLine.sanitize(snippet.file.path)):\(loc.line):\(loc.column)"))
            lines.append(emptyGutter)
            lines += snippet.render(gutterWidth: gutterWidth, severity: d.severity, context: context, styler: styler, index: index)
        }
        return lines
    }

    /// `2 errors, 1 warning in 3 files (1 suppressed)`, or `no problems found in 3 files`.
    package static func summary(_ s: DiagnosticSummary) -> String {
        typealias M = HumanMessage
        func count(_ n: Int, _ one: M, _ many: M) -> String { (n == 1 ? one : many)(["count": n]) }
        var parts: [String] = []
        if s.errors > 0 { parts.append(count(s.errors, .oneError, .errors)) }
        if s.warnings > 0 { parts.append(count(s.warnings, .oneWarning, .warnings)) }
        if s.infos > 0 { parts.append(count(s.infos, .oneInfo, .infos)) }
        let files = count(s.files, .oneFile, .files)
        let line = parts.isEmpty ? M.noProblems(["files": files]) : M.problems(["counts": parts.joined(separator: M.listSeparator()), "files": files])
        return s.suppressed > 0 ? M.withSuppressed(["summary": line, "count": s.suppressed]) : line
    }

    /// The excerpts of a diagnostic: the primary range's file first (with the secondary
    /// labels in that file), then one per other file in order of first mention.
    static func snippets(for d: Diagnostic) -> [Snippet] {
        var order: [SourceFile] = []
        var groups: [SourceFile: [Snippet.Annotation]] = [:]
        func add(_ file: SourceFile, _ a: Snippet.Annotation) {
            if groups[file] == nil { order.append(file) }
            groups[file, default: []].append(a)
        }
        if let span = d.span { add(span.file, .init(range: span.range, label: d.primaryLabel, isPrimary: true)) }
        for label in d.labels { add(label.span.file, .init(range: label.span.range, label: label.message, isPrimary: false)) }
        return order.map { Snippet(file: $0, annotations: groups[$0]!) }
    }
}

/// The words of the human form.
package enum HumanMessage: String, MessageCatalogue {
    case error = "error"
    case warning = "warning"
    case info = "info"
    case note = "note"
    case help = "help"
    case fix = "fix"
    case unsafeFix = "fix (unsafe)"
    case moreInformation = "for more information, see {url}"
    case oneError = "{count} error"
    case errors = "{count} errors"
    case oneWarning = "{count} warning"
    case warnings = "{count} warnings"
    case oneInfo = "{count} info"
    case infos = "{count} infos"
    case oneFile = "{count} file"
    case files = "{count} files"
    /// Between the counts of the summary.
    case listSeparator = ", "
    case problems = "{counts} in {files}"
    case noProblems = "no problems found in {files}"
    case withSuppressed = "{summary} ({count} suppressed)"

    /// The notes and help of `d`, each on a line of its own after the message
    /// (`\nnote: …\nhelp: …`), for the formats that carry one text per finding; `line`
    /// prepares each text for the format.
    package static func notesAndHelp(of d: Diagnostic, _ line: (String) -> String = { $0 }) -> String {
        var out = ""
        for text in d.notes { out += "\n" + note() + ": " + line(text) }
        if let text = d.help { out += "\n" + help() + ": " + line(text) }
        return out
    }

    /// The header's word for a severity.
    package static func word(for severity: Severity) -> String {
        switch severity {
        case .error: error()
        case .warning: warning()
        case .info: info()
        }
    }
}
