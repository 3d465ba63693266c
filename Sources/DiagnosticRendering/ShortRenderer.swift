import Diagnostics

/// One line per diagnostic in the GNU form that Vim's `errorformat`, Emacs'
/// compilation-mode and reviewdog read: `path:line:col: severity: message [code]`.
///
/// `line` and `col` are 1-based; `col` counts Unicode code points (a tab is one column, so is
/// a Japanese character). A diagnostic without a position prints `path: severity: …`.
/// Control characters in messages are replaced by visible stand-ins so each diagnostic stays
/// one line. Suppressed diagnostics are left out.
package struct ShortRenderer: LineRenderer {
    package init() {}

    package static func line(_ d: Diagnostic, index: PositionIndex) -> String {
        let tail = "\(d.severity): \(SingleLine.sanitize(d.message)) [\(SingleLine.sanitize(d.code))]"
        let path = SingleLine.sanitize(d.path)
        if let span = d.span {
            let loc = index.start(span)
            return "\(path):\(loc.line):\(loc.column): \(tail)"
        }
        return "\(path): \(tail)"
    }
}
