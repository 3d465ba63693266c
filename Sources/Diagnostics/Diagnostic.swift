import SourceText

/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible, Codable {
    case info = 0, warning = 1, error = 2

    public static func < (a: Severity, b: Severity) -> Bool { a.rawValue < b.rawValue }
    public var description: String {
        switch self {
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }
    public init?(name: String) {
        switch name {
        case "info": self = .info
        case "warning": self = .warning
        case "error": self = .error
        default: return nil
        }
    }
}

/// A secondary place that helps explain a diagnostic, with a short message. May be in
/// another file (a rule file, a schema).
public struct Label: Sendable, Hashable {
    public var span: SourceSpan
    public var message: String
    public init(span: SourceSpan, message: String) { (self.span, self.message) = (span, message) }
}

/// One replacement of a byte range by new text.
public struct TextEdit: Sendable, Hashable {
    public var span: SourceSpan
    public var replacement: String
    public init(span: SourceSpan, replacement: String) { (self.span, self.replacement) = (span, replacement) }
}

/// A fix a tool may apply: a title and edits. `isSafe` fixes keep the meaning the
/// author intended; unsafe ones need a person to look.
public struct Fix: Sendable, Hashable {
    public var title: String
    public var edits: [TextEdit]
    public var isSafe: Bool
    public init(title: String, edits: [TextEdit], isSafe: Bool) { (self.title, self.edits, self.isSafe) = (title, edits, isSafe) }
}

/// Where a diagnostic points: a span in a loaded file, or just a path (an unreadable file).
public enum Location: Sendable, Hashable {
    case span(SourceSpan)
    case path(String)

    public var path: String {
        switch self {
        case .span(let s): s.file.path
        case .path(let p): p
        }
    }
    public var span: SourceSpan? {
        if case .span(let s) = self { return s }
        return nil
    }
}

/// A text in a given language: a diagnostic's message in the language the run does not use.
public struct AlternateText: Sendable, Hashable {
    public var language: Language
    public var text: String
    public init(language: Language, text: String) { (self.language, self.text) = (language, text) }
}

/// A suppression that silenced a diagnostic (inline comment or baseline).
public struct Suppression: Sendable, Hashable {
    public enum Kind: String, Sendable { case inSource, external }
    public var kind: Kind
    public var justification: String?
    public init(kind: Kind, justification: String?) { (self.kind, self.justification) = (kind, justification) }
}

/// One problem found by planlint — a YAML error, a rule violation, a schema violation, an
/// error in a rule file or config. Every renderer reads only this. Its code is defined in a
/// `CodeCatalogue` of the module that reports it (or is a rule's id), its message built from
/// that module's `MessageCatalogue`.
public struct Diagnostic: Sendable, Hashable {
    /// Stable id: `yaml-syntax`, `duplicate-key`, `schema/required`, or a rule's id.
    public var code: String
    public var severity: Severity
    /// One line, no trailing period needed.
    public var message: String
    public var location: Location
    /// Short text under the primary carets.
    public var primaryLabel: String?
    public var labels: [Label]
    public var notes: [String]
    public var help: String?
    public var docsURL: String?
    public var fixes: [Fix]
    /// Set when an inline comment or a baseline silenced it; renderers other than SARIF skip these.
    public var suppression: Suppression?
    /// Set by baselines: `new`, `unchanged` (SARIF baselineState).
    public var baselineState: String?
    /// The message in the other language than the run's, where both were cheap to build (a
    /// catalogue message whose arguments are names and numbers, a rule message written in
    /// both languages): SARIF and JSON carry it beside `message`. Nil elsewhere.
    public var alternateMessage: AlternateText?
    /// A flood summary ("… and 999,000 more"): how many diagnostics of this code in this file
    /// it stands for, which were counted but not reported. 0 for every other diagnostic.
    public var omitted = 0

    public init(code: String, severity: Severity, message: String, location: Location,
                primaryLabel: String? = nil, labels: [Label] = [], notes: [String] = [], help: String? = nil,
                docsURL: String? = nil, fixes: [Fix] = []) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
        self.primaryLabel = primaryLabel
        self.labels = labels
        self.notes = notes
        self.help = help
        self.docsURL = docsURL
        self.fixes = fixes
        self.suppression = nil
        self.baselineState = nil
    }

    public var path: String { location.path }
    public var span: SourceSpan? { location.span }
}

extension Diagnostic {
    /// The order of output: file, position, code, message.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.path != b.path { return a.path < b.path }
        let ra = a.span?.range.start ?? -1, rb = b.span?.range.start ?? -1
        if ra != rb { return ra < rb }
        let ea = a.span?.range.end ?? -1, eb = b.span?.range.end ?? -1
        if ea != eb { return ea < eb }
        if a.code != b.code { return a.code < b.code }
        return a.message < b.message
    }
}

/// Counts for the closing summary line.
package struct DiagnosticSummary: Sendable, Equatable {
    package var errors = 0
    package var warnings = 0
    package var infos = 0
    package var suppressed = 0
    package var files = 0
    package init() {}
    package init(_ diagnostics: [Diagnostic], files: Int) {
        self.files = files
        for d in diagnostics {
            if d.suppression != nil { suppressed += 1; continue }
            switch d.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }
}
