import Diagnostics
import SourceText

/// GitHub Actions workflow commands, which become annotations on the run and in pull
/// request diffs: `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`.
///
/// Warnings are `::warning`, infos `::notice`. `col`/`endColumn` (code points, 1-based,
/// `endColumn` exclusive) are given only when the range is on one line, as GitHub ignores
/// them otherwise. Notes and help follow the message on their own lines. Suppressed
/// diagnostics are left out.
package struct GitHubRenderer: LineRenderer {
    package init() {}

    package static func line(_ d: Diagnostic, index: PositionIndex) -> String {
        let name = switch d.severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
        // Workflow commands are read line by line by the runner and shown in the log and the
        // pull request: control characters (ESC, OSC, BEL, NUL …) and bidirectional overrides
        // from plan values, paths or rule ids get the same visible stand-ins as in every other
        // format (`SingleLine.sanitize`) before the command's own escaping.
        var properties: [(String, String)] = [("file", SingleLine.sanitize(d.path))]
        if let span = d.span {
            let start = index.start(span)
            // The last line the range covers: a range that ends just after a line break
            // covers the line before it, not the next one.
            let last = span.range.isEmpty ? start : index.position(span.file, span.range.end - 1)
            properties.append(("line", String(start.line)))
            properties.append(("endLine", String(last.line)))
            if last.line == start.line {
                let end = index.end(span)
                let endColumn = span.range.isEmpty ? start.column : end.line == start.line ? end.column : last.column + 1
                properties.append(("col", String(start.column)))
                properties.append(("endColumn", String(endColumn)))
            }
        }
        properties.append(("title", "planlint (\(SingleLine.sanitize(d.code)))"))
        // Line breaks inside a message, note or help stay line breaks (escaped as %0A below);
        // everything else unsafe on a line is replaced.
        func lines(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { SingleLine.sanitize(String($0)) }.joined(separator: "\n")
        }
        let message = lines(d.message) + HumanMessage.notesAndHelp(of: d, lines)
        let props = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name) \(props)::\(escapeData(message))"
    }

    /// Escapes a command's message: `%`, CR and LF.
    package static func escapeData(_ s: String) -> String { Escaping.escaped(s) { dataEscapes[$0] } }

    /// Escapes a property value: as `escapeData`, plus `:` and `,`.
    package static func escapeProperty(_ s: String) -> String { Escaping.escaped(s) { propertyEscapes[$0] } }

    static let dataEscapes: [Unicode.Scalar: String] = ["%": "%25", "\r": "%0D", "\n": "%0A"]
    static let propertyEscapes = dataEscapes.merging([":": "%3A", ",": "%2C"]) { a, _ in a }
}
