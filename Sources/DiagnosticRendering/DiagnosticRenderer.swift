import Diagnostics

/// Turns diagnostics into one output format.
///
/// Each format is a small value type conforming to this protocol. `render` is pure: it
/// depends only on its arguments, sorts the diagnostics with `Diagnostic.ordered`, and
/// returns the complete output (ending with a newline unless it is empty).
package protocol DiagnosticRenderer: Sendable {
    /// The whole output for `diagnostics`.
    func render(_ diagnostics: [Diagnostic], context: RenderContext) -> String
}

/// A format of one line per diagnostic (`short`, `github`): the output is each diagnostic's
/// line in order, suppressed ones left out.
package protocol LineRenderer: DiagnosticRenderer {
    /// The line for one diagnostic, without a newline (`index` caches line tables across a run).
    static func line(_ d: Diagnostic, index: PositionIndex) -> String
}

extension LineRenderer {
    /// The whole output for `diagnostics` (see the type's documentation).
    package func render(_ diagnostics: [Diagnostic], context: RenderContext) -> String { Self.lines(diagnostics) }

    /// The line for one diagnostic, without a newline.
    package static func line(_ d: Diagnostic) -> String {
        line(d, index: PositionIndex())
    }

    /// The whole output for `diagnostics`: a line each, each ending with a newline.
    static func lines(_ diagnostics: [Diagnostic]) -> String {
        let index = PositionIndex()
        return diagnostics.prepared(keepSuppressed: false).map { line($0, index: index) + "\n" }.joined()
    }
}
