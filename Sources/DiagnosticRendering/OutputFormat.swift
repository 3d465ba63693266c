import Diagnostics

/// The output formats `planlint check --format` accepts.
///
/// ```swift
/// guard let format = OutputFormat(rawValue: "sarif") else { … }
/// let text = format.render(diagnostics, context: context)
/// ```
/// Several outputs of one run (the terminal gets `human` while `--output out.sarif` gets
/// SARIF) are just several calls with the same diagnostics; see `render(_:formats:context:)`.
package enum OutputFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// rustc-style reports with source snippets (the default).
    case human
    /// One `path:line:col: severity: message [code]` line per diagnostic.
    case short
    /// planlint's documented JSON (Docs/output-json.md).
    case json
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    case sarif
    /// GitHub Actions workflow commands (`::error file=…::message`).
    case github
    /// JUnit XML, for GitLab and Jenkins test reports.
    case junit

    package var description: String { rawValue }

    /// The renderer for this format.
    package var renderer: any DiagnosticRenderer {
        switch self {
        case .human: HumanRenderer()
        case .short: ShortRenderer()
        case .json: JSONRenderer()
        case .sarif: SARIFRenderer()
        case .github: GitHubRenderer()
        case .junit: JUnitRenderer()
        }
    }

    /// Whether this format shows the codes' metadata (`RenderContext.rules`): SARIF, in
    /// `tool.driver.rules`. A run whose outputs show none need not build it.
    package var showsRuleMetadata: Bool { self == .sarif }

    /// The whole output of this format for `diagnostics`.
    package func render(_ diagnostics: [Diagnostic], context: RenderContext) -> String {
        renderer.render(diagnostics, context: context)
    }

    /// The usual file extension for an output file of this format.
    package var fileExtension: String {
        switch self {
        case .human, .short, .github: "txt"
        case .json: "json"
        case .sarif: "sarif"
        case .junit: "xml"
        }
    }
}

/// Renders the same diagnostics in several formats at once (one entry per requested format,
/// in the order given; a format requested twice is rendered once).
package func render(_ diagnostics: [Diagnostic], formats: [OutputFormat], context: RenderContext) -> [(OutputFormat, String)] {
    var seen: Set<OutputFormat> = []
    var out: [(OutputFormat, String)] = []
    for f in formats where seen.insert(f).inserted {
        out.append((f, f.render(diagnostics, context: context)))
    }
    return out
}
