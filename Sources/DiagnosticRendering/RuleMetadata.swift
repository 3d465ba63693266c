import Diagnostics

/// What SARIF consumers (GitHub code scanning among them) show about a rule: its names,
/// descriptions, help and default level.
///
/// Built from the code registry (`DiagnosticCode`s: planlint's own codes and rule files'
/// rules); a code without metadata gets a synthesized one.
public struct RuleMetadata: Sendable, Hashable {
    /// The stable id diagnostics carry as their `code`.
    public var id: String
    /// A readable identifier, PascalCase by SARIF convention (`DuplicateKey`).
    public var name: String
    /// One sentence.
    public var shortDescription: String
    /// A paragraph; SARIF output truncates it to 1024 characters.
    public var fullDescription: String
    /// How to fix it, plain text.
    public var helpText: String
    /// How to fix it, Markdown (defaults to `helpText`).
    public var helpMarkdown: String
    /// A page documenting the rule.
    public var helpURI: String?
    /// The level the rule reports at unless configured otherwise.
    public var defaultLevel: Severity
    /// Free-form tags (`correctness`, `style`, …).
    public var tags: [String]
    /// The descriptions and help in the other language than the run's, when the rule has them
    /// (SARIF `properties.alternateDescription`).
    public var alternate: Alternate?

    /// A rule's descriptions and help in one language.
    public struct Alternate: Sendable, Hashable {
        public var language: Language
        public var shortDescription: String
        public var fullDescription: String
        public var helpText: String
        public init(language: Language, shortDescription: String, fullDescription: String, helpText: String) {
            (self.language, self.shortDescription, self.fullDescription, self.helpText) = (language, shortDescription, fullDescription, helpText)
        }
    }

    /// Metadata for rule `id`; `name` defaults to the id in PascalCase, `fullDescription` to
    /// `shortDescription`, `helpMarkdown` to `helpText`.
    public init(id: String, name: String? = nil, shortDescription: String, fullDescription: String? = nil,
                helpText: String, helpMarkdown: String? = nil, helpURI: String? = nil,
                defaultLevel: Severity, tags: [String] = [], alternate: Alternate? = nil) {
        self.id = id
        self.name = name ?? RuleMetadata.pascalCase(id)
        self.shortDescription = shortDescription
        self.fullDescription = fullDescription ?? shortDescription
        self.helpText = helpText
        self.helpMarkdown = helpMarkdown ?? helpText
        self.helpURI = helpURI
        self.defaultLevel = defaultLevel
        self.tags = tags
        self.alternate = alternate
    }

    /// Minimal metadata for a code no rule describes, built from the diagnostics that carry it:
    /// the highest severity seen and the first docs URL.
    public static func synthesized(for code: String, from diagnostics: [Diagnostic]) -> RuleMetadata {
        let matching = diagnostics.filter { $0.code == code }
        let level = matching.map(\.severity).max() ?? .warning
        return RuleMetadata(
            id: code,
            shortDescription: RuleMetadataMessage.synthesizedSummary(["code": code]),
            helpText: RuleMetadataMessage.synthesizedHelp(),
            helpURI: matching.lazy.compactMap(\.docsURL).first,
            defaultLevel: level)
    }

    /// `schema/required` → `SchemaRequired`, `duplicate-key` → `DuplicateKey`.
    public static func pascalCase(_ id: String) -> String {
        var out = ""
        var upperNext = true
        for ch in id {
            if ch.isLetter || ch.isNumber {
                out.append(upperNext ? Character(ch.uppercased()) : ch)
                upperNext = false
            } else {
                upperNext = true
            }
        }
        return out.isEmpty ? "Rule" : out
    }
}

/// The texts of metadata planlint makes up for a code no rule describes.
package enum RuleMetadataMessage: String, MessageCatalogue {
    case synthesizedSummary = "planlint check `{code}`"
    case synthesizedHelp = "See the diagnostic's message, notes and help for details."
}
