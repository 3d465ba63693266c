import Diagnostics
import RuleLanguage
import SourceText
import YAMLTree

/// Where a rule is written: its rule file and the span of its `id` value.
public struct RuleSource: Sendable, Hashable {
    /// The span of the rule's `id` value in its rule file.
    public let idSpan: SourceSpan
    /// The rule file's path as the user gave it.
    public var path: String { idSpan.file.path }
    /// 1-based line of the rule's `id`.
    public var line: Int { idSpan.start.line }
    /// 1-based column (code points) of the rule's `id` value.
    public var column: Int { idSpan.start.column }
}

/// A YAML snippet in a rule's `examples`, run by `planlint test`.
public struct RuleExample: Sendable {
    public enum Kind: String, Sendable {
        /// Must produce no diagnostic from the rule.
        case valid
        /// Must produce exactly the diagnostics its `# expect:` comments name.
        case invalid
    }
    public let kind: Kind
    /// 1-based position among the rule's examples of the same kind.
    public let number: Int
    /// The example's YAML text, and the scalar it was written in.
    public let yaml: RuleText
    /// Messages the example must produce (the mapping form's `messages:`), each exactly: in
    /// its language when it is given per language, else in any language of the rule.
    public let expectedMessages: [ExpectedMessage]
    /// The example's text after the rule's fixes (the mapping form's `fixed:`), exactly.
    public var expectedFix: RuleText? = nil
}

/// A message an example must produce (`messages:` of an invalid example).
public struct ExpectedMessage: Sendable {
    /// The language whose message it is; nil: any language the rule is written in.
    public let language: Language?
    public let text: String
    /// Where it is written.
    public let node: YAMLNode
}

/// One loaded and compiled rule. Immutable and `Sendable`: a `RuleSet` is shared by every
/// worker that lints files.
public struct Rule: Sendable {
    // MARK: Metadata (for listings, SARIF, `explain`, docs)

    /// Kebab-case id; diagnostics the rule reports carry it as their `code`.
    public let id: String
    /// The severity of the rule's findings (the rule file's, unless overridden).
    public internal(set) var severity: Severity
    /// One line (listings, SARIF `shortDescription`), per language.
    public let summaries: Localized<String>
    /// Markdown: why the rule exists, per language.
    public let descriptions: Localized<String>?
    /// How to fix a finding (plain text or light Markdown), per language.
    public let helps: Localized<String>?
    /// The summary in the language messages are built in (`MessageText.language`).
    public var summary: String { summaries.current }
    /// The description in the language messages are built in.
    public var description: String? { descriptions?.current }
    /// The help in the language messages are built in.
    public var help: String? { helps?.current }
    public func summary(in language: Language) -> String { summaries.text(in: language) }
    public func description(in language: Language) -> String? { descriptions?.text(in: language) }
    public func help(in language: Language) -> String? { helps?.text(in: language) }
    /// The languages the rule's texts are written in (empty: plain strings only, the same
    /// text in every language), in the order first written.
    public var languages: [Language] {
        var out: [Language] = []
        for l in textLanguages where !out.contains(l) { out.append(l) }
        return out
    }
    public let tags: [String]
    /// A page documenting the rule.
    public let docsURL: String?
    public let source: RuleSource
    public let examples: [RuleExample]
    /// The `for` path as written.
    public var forPath: String { selector.text }
    /// Which documents the rule's file applies to (`format:`, `when:` at the top of the rule
    /// file); nil: every document.
    public let appliesTo: Applicability?
    /// The rule's parameters (`params:`), in declaration order: settings a configuration
    /// may change per rule and per path, read as `params.name`.
    public let params: [RuleParameter]
    /// The constants and functions of the rule files loaded with it (`constants:`,
    /// `functions:`); nil when there are none.
    public let pack: PackDefinitions?

    // MARK: Compiled parts

    /// A class: the engine hands a rule's parts around for every match, and a copy of a
    /// class costs one reference count where this struct's fields cost four.
    final class Part: Sendable {
        let expression: CompiledExpression
        /// The rule-file text the expression is part of, and where it starts in it.
        let source: RuleText
        let offset: Int

        init(expression: CompiledExpression, source: RuleText, offset: Int) {
            (self.expression, self.source, self.offset) = (expression, source, offset)
        }

        /// The rule-file span of a range of the expression.
        func span(of range: ByteRange) -> SourceSpan {
            source.span(of: ByteRange(range.start + offset, range.end + offset))
        }
    }

    struct Template: Sendable {
        let template: MessageTemplate
        let source: RuleText
    }

    /// A named expression computed on demand: the first expression of a match that reads it
    /// evaluates it (`Activation.defineLet`), so a let behind `&&`, `||` or `?:` that is not
    /// taken is never evaluated.
    struct Let: Sendable {
        let name: String
        let slot: Int
        let part: Part
        /// Computed from `root` and invariant lets only: the same for every match, so the
        /// engine keeps its value for the whole document.
        let isDocumentInvariant: Bool
        /// "let `name`", for failure reports.
        let what: PartName
    }

    struct LabelSpec: Sendable {
        /// `each`: an expression giving a list; one label per element.
        let each: Part?
        /// The slot the element is bound to (`as`, default `it`).
        let elementSlot: Int?
        /// `at`: the node to label (default: the element).
        let at: Part?
        let message: Localized<Template>?
        /// The label's entry in the rule file (for errors).
        let node: YAMLNode
    }

    /// `fix: {at, replace, title, safe}`: the fix a finding offers — the scalar `at` names
    /// (default: where the finding points) replaced by the value of `replace` (none when it
    /// is null). Unsafe unless `safe: true`.
    struct FixSpec: Sendable {
        let at: Part?
        let replace: Part
        let title: Localized<Template>?
        let isSafe: Bool
    }

    let selector: SelectorPath
    let selectorText: RuleText
    /// For each `as` capture of the path: the step that selects its node, and its slot.
    let captures: [(step: Int, slot: Int)]
    let when: Part?
    let lets: [Let]
    let assertion: Part
    let message: Localized<Template>?
    let at: Part?
    let labels: [LabelSpec]
    let notes: Localized<[Template]>
    let fix: FixSpec?
    /// A scope as large as any expression of the rule needs (rule variables, lets, label element).
    let activationScope: Scope
    let options: EvaluationOptions
    /// Whether any expression of the rule reads `path` (then match paths are formatted).
    var usesPath: Bool { reads[Scope.pathSlot] }
    /// Whether the rule reads `files`, the documents of the whole run: it looks across files,
    /// so a run over several files checks it once they are all read (`RunOptions.files`).
    public var readsFiles: Bool { reads[Scope.filesSlot] }
    /// For each rule variable (`self`, `root`, … by slot), whether any expression of the
    /// rule reads it: the engine binds only those for each match.
    let reads: [Bool]
    /// Every language any text of the rule is written in (with repeats).
    let textLanguages: [Language]

    /// Each text of the rule given per language, with what it is (`message`, `label 2
    /// message`, `note`, `fix title`): for `planlint test`'s checks across languages.
    var localizedTemplates: [(what: String, texts: Localized<Template>)] {
        var out: [(String, Localized<Template>)] = []
        if let message { out.append((TesterMessage.message(), message)) }
        for (i, l) in labels.enumerated() { if let m = l.message { out.append((TesterMessage.labelMessage(["number": i + 1]), m)) } }
        if notes.isPerLanguage, let count = notes.values.map(\.count).max() {
            for i in 0..<count {
                let entries = notes.entries.compactMap { e in i < e.value.count ? (e.language, e.value[i]) : nil }
                out.append((TesterMessage.note(["number": i + 1]), Localized(entries: entries)))
            }
        }
        if let t = fix?.title { out.append((TesterMessage.fixTitle(), t)) }
        return out.filter { $0.1.isPerLanguage }
    }
}

/// The `constants:` and `functions:` of the rule files loaded together: visible to every
/// rule of every one of those files.
public final class PackDefinitions: Sendable {
    public let constants: [String: Value]
    public let functions: [String: FunctionDefinition]
    /// Where each function's body is written (for errors inside it).
    let functionParts: [String: Rule.Part]

    init(constants: [String: Value], functions: [String: FunctionDefinition], functionParts: [String: Rule.Part]) {
        self.constants = constants
        self.functions = functions
        self.functionParts = functionParts
    }
}

/// A parameter of a rule: `params: {max_projects: {type: number, default: 40, description: …}}`.
public struct RuleParameter: Sendable {
    public let name: String
    /// `number`, `string`, `bool`, `list` or `map`.
    public let type: ValueType
    /// The value when the configuration does not set one.
    public let defaultValue: Value
    public let descriptions: Localized<String>?
    /// The description in the language messages are built in.
    public var description: String? { descriptions?.current }
    /// Where the parameter is declared in the rule file.
    public let span: SourceSpan

    /// `max_projects (number, default 40)`, in the run's language.
    public var signature: String { signature(in: MessageText.language) }

    /// `max_projects (number, default 40)`, in `language`.
    public func signature(in language: Language) -> String {
        RuleWord.parameterSignature.text(["name": name, "type": type, "value": defaultValue.formatted()], in: language)
    }
}

/// The documents a rule file applies to: those whose top-level `format:` is one of `formats`
/// (when given) and for which `when` holds (when given). Shared by the rules of one file and
/// decided once per document.
public final class Applicability: Sendable {
    /// The formats (`planlint/plan@2`) the file's rules check; nil: any.
    public let formats: [String]?
    /// A condition on the document (`root`).
    let when: Rule.Part?

    init(formats: [String]?, when: Rule.Part?) {
        self.formats = formats
        self.when = when
    }

    /// `format: planlint/plan@2`, `format: a, b`, and the condition as written, in `language`.
    public func summary(in language: Language) -> String {
        let format = formats.map {
            RuleWord.appliesFormat.text(["formats": $0.joined(separator: RuleWord.listSeparator.text(in: language))], in: language)
        }
        let condition = when.map { RuleWord.appliesWhen.text(["condition": $0.expression.text], in: language) }
        if let format, let condition { return RuleWord.appliesBoth.text(["format": format, "condition": condition], in: language) }
        return format ?? condition ?? ""
    }

    /// The document's top-level `format:` value, if it has one.
    static func format(of root: YAMLNode) -> String? {
        guard root.isMapping, let f = root.entry("format")?.value, f.isScalar else { return nil }
        return f.scalarText
    }
}

/// The rules loaded from rule files, ready to run. Immutable and `Sendable`.
public struct RuleSet: Sendable {
    /// In load order: files in the order given (folders sorted by path), rules in file order.
    public private(set) var rules: [Rule]

    public init(rules: [Rule] = []) {
        self.rules = rules
    }

    public static let empty = RuleSet()

    public var isEmpty: Bool { rules.isEmpty }
    public var count: Int { rules.count }

    /// The rule with `id`, if loaded.
    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }

    /// The ids of all rules, in load order.
    public var ids: [String] { rules.map(\.id) }

    /// Only the rules for which `isIncluded` holds (for configs that disable rules).
    public func filtered(_ isIncluded: (Rule) -> Bool) -> RuleSet {
        RuleSet(rules: rules.filter(isIncluded))
    }

    /// The same rules, with the severity of `id` changed (for configs). Unknown ids are ignored:
    /// check them against `ids` to report typos.
    public func settingSeverity(_ severity: Severity, forRule id: String) -> RuleSet {
        var copy = self
        for i in copy.rules.indices where copy.rules[i].id == id { copy.rules[i].severity = severity }
        return copy
    }

    /// Both sets' rules (`self` first). Ids are not checked for clashes: load all rule files
    /// with one `RuleLoader.load` call to get duplicate-id diagnostics.
    public func merging(_ other: RuleSet) -> RuleSet {
        RuleSet(rules: rules + other.rules)
    }
}
