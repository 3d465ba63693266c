/// What a diagnostic code means and how planlint treats it: declared once, by the module that
/// reports it, and read by `planlint explain`, SARIF rule metadata, severity and suppression
/// checks, the exit status, the language server's hover and Docs/codes.md.
///
/// A module declares its codes as an enum conforming to `CodeCatalogue` (one case per code,
/// one `define(…)` per case); a rule's code is its id, documented by the rule file.
public struct DiagnosticCode: Sendable, Hashable {
    /// The stable id diagnostics carry: `duplicate-key`, `config/unknown-key`, a rule's id.
    public var id: String
    /// The severity it is reported at unless the configuration says otherwise.
    public var severity: Severity
    /// Whether the configuration may lower or turn it off, an inline comment suppress it and a
    /// baseline hold it. False for codes that mean a file was not (fully) checked, or that
    /// the configuration itself is broken: such a finding never passes silently.
    public var isSuppressible: Bool
    /// Whether an error with this code means planlint could not do what it was asked (exit
    /// status 2: an unreadable file, a broken config, a rule that could not be evaluated)
    /// rather than a finding in a plan (exit status 1).
    public var isToolFailure: Bool
    /// One sentence.
    public var summary: String
    /// Why it matters and what planlint does (paragraphs separated by blank lines).
    public var explanation: String
    /// How to fix it.
    public var fix: String
    /// Input that is reported (YAML or a shell line), and the same corrected.
    public var badExample: String?
    public var goodExample: String?
    public var tags: [String]
    /// Where it is defined, for `explain`: `builtInSource`, or a rule file's `path:line`.
    public var source: String
    /// The `source` of planlint's own codes.
    public static let builtInSource = "built in"
    /// A page documenting it.
    public var docsURL: String?
    /// The summary, explanation and fix in Japanese; nil while untranslated (English is used).
    public var japanese: Text?

    /// The words of a code's documentation in one language.
    public struct Text: Sendable, Hashable {
        public var summary: String
        public var explanation: String
        public var fix: String

        public init(summary: String, explanation: String, fix: String) {
            (self.summary, self.explanation, self.fix) = (summary, explanation, fix)
        }
    }

    /// The documentation in `language` (English where it has no text in it).
    public func text(in language: Language) -> Text {
        if language == .ja, let japanese { return japanese }
        return Text(summary: summary, explanation: explanation, fix: fix)
    }

    public init(id: String, severity: Severity, isSuppressible: Bool = true, isToolFailure: Bool = false,
                summary: String, explanation: String, fix: String, badExample: String? = nil, goodExample: String? = nil,
                tags: [String] = [], source: String = DiagnosticCode.builtInSource, docsURL: String? = nil, japanese: Text? = nil) {
        self.id = id
        self.severity = severity
        self.isSuppressible = isSuppressible
        self.isToolFailure = isToolFailure
        self.summary = summary
        self.explanation = explanation
        self.fix = fix
        self.badExample = badExample
        self.goodExample = goodExample
        self.tags = tags
        self.source = source
        self.docsURL = docsURL
        self.japanese = japanese
    }
}

/// The codes one module reports: an enum whose raw values are the codes' ids, each case
/// defined once in `definition`.
///
///     public enum ConfigCode: String, CodeCatalogue {
///         case unknownKey = "config/unknown-key"
///         public var definition: DiagnosticCode {
///             switch self {
///             case .unknownKey: define(.error, suppressible: false, toolFailure: true,
///                                      summary: "…", explanation: "…", fix: "…", bad: "exlude: []", good: "exclude: []",
///                                      ja: .init(summary: "…", explanation: "…", fix: "…"))
///             }
///         }
///     }
public protocol CodeCatalogue: CaseIterable, Sendable, RawRepresentable where RawValue == String {
    var definition: DiagnosticCode { get }
}

extension CodeCatalogue {
    /// The code's id.
    public var id: String { rawValue }

    /// Every code of this catalogue, defined.
    public static var definitions: [DiagnosticCode] { allCases.map(\.definition) }

    /// A definition of this code (its id is the raw value).
    public func define(_ severity: Severity, suppressible: Bool = true, toolFailure: Bool = false,
                       summary: String, explanation: String, fix: String, bad: String? = nil, good: String? = nil,
                       tags: [String] = [], docsURL: String? = nil, ja: DiagnosticCode.Text? = nil) -> DiagnosticCode {
        DiagnosticCode(id: rawValue, severity: severity, isSuppressible: suppressible, isToolFailure: toolFailure,
                       summary: summary, explanation: explanation, fix: fix, badExample: bad, goodExample: good,
                       tags: tags, docsURL: docsURL, japanese: ja)
    }
}

/// Every code planlint knows: the built-in catalogues, then the loaded rules'. One registry
/// answers what a code means (`explain`, hover, SARIF), whether it may be suppressed or
/// lowered, and whether it makes the run a tool failure.
public struct CodeRegistry: Sendable {
    /// Every code, in registration order (built-in codes first).
    public private(set) var codes: [DiagnosticCode] = []
    private var index: [String: Int] = [:]

    public init(_ codes: [DiagnosticCode] = []) {
        add(codes)
    }

    /// Adds codes; a code already registered keeps its first definition.
    public mutating func add(_ more: [DiagnosticCode]) {
        for c in more where index[c.id] == nil {
            index[c.id] = codes.count
            codes.append(c)
        }
    }

    /// The definition of `id`, if it is registered.
    public func code(_ id: String) -> DiagnosticCode? { index[id].map { codes[$0] } }

    public func contains(_ id: String) -> Bool { index[id] != nil }

    /// Every id, in registration order (for "did you mean").
    public var ids: [String] { codes.map(\.id) }

    /// Whether a finding with this code may be lowered, turned off, suppressed or baselined
    /// (unknown codes may: they are rule ids of rules not loaded).
    public func isSuppressible(_ id: String) -> Bool { code(id)?.isSuppressible ?? true }

    /// Whether an error with this code is a tool failure (exit status 2).
    public func isToolFailure(_ id: String) -> Bool { code(id)?.isToolFailure ?? false }
}

extension Diagnostic {
    /// A diagnostic with one of a catalogue's codes, at the code's default severity unless
    /// `severity` is given.
    public init<C: CodeCatalogue>(_ code: C, severity: Severity? = nil, message: String, location: Location,
                                  primaryLabel: String? = nil, labels: [Label] = [], notes: [String] = [], help: String? = nil,
                                  fixes: [Fix] = []) {
        self.init(code: code.rawValue, severity: severity ?? code.definition.severity, message: message, location: location,
                  primaryLabel: primaryLabel, labels: labels, notes: notes, help: help, fixes: fixes)
    }
}
