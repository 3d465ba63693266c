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
