import Diagnostics
import RuleLanguage
import SourceText
import YAMLTree

/// What a finding's severity becomes under the configuration: a new level, or dropped.
public enum SeveritySetting: Sendable, Hashable, CustomStringConvertible {
    case off
    case level(Severity)

    public init?(name: String) {
        if name == "off" { self = .off; return }
        guard let s = Severity(name: name) else { return nil }
        self = .level(s)
    }

    public var description: String {
        switch self {
        case .off: "off"
        case .level(let s): s.description
        }
    }
}

/// `severity:` entries: codes (or code patterns with `*`, such as `schema/*`) mapped to a
/// severity or `off`.
///
/// An exact code beats any pattern; among patterns that match, the one written last wins.
/// Patterns never change protected codes (`Codes.isProtected`): a file that could not be
/// read must never look clean.
public struct SeverityTable: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var pattern: String
        public var setting: SeveritySetting
        public init(pattern: String, setting: SeveritySetting) { (self.pattern, self.setting) = (pattern, setting) }
        var isPattern: Bool { pattern.contains("*") }
    }

    public var entries: [Entry] = []
    public init(_ entries: [Entry] = []) { self.entries = entries }
    public var isEmpty: Bool { entries.isEmpty }

    /// Adds entries written later (a later exact entry for the same code replaces an earlier one).
    public mutating func merge(_ other: SeverityTable) {
        for e in other.entries {
            entries.removeAll { $0.pattern == e.pattern }
            entries.append(e)
        }
    }

    /// The setting for `code`, or nil when no entry applies.
    public func setting(for code: String) -> SeveritySetting? {
        if let exact = entries.last(where: { !$0.isPattern && $0.pattern == code }) { return exact.setting }
        if Codes.isProtected(code) { return nil }
        return entries.last(where: { $0.isPattern && SeverityTable.codeMatches($0.pattern, code) })?.setting
    }

    /// `*` in a code pattern matches any run of characters (including `/`).
    public static func codeMatches(_ pattern: String, _ code: String) -> Bool {
        Glob.matchSegment(pattern.map { $0 == "*" ? Glob.Token.star : Glob.Token.literal($0) }, Array(code))
    }
}

/// The hard ceilings of the limits: no config, override or flag can raise a limit past
/// these (a value above one is refused; Docs/security.md lists each with its default). A pull
/// request may carry its own `.planlint.yaml`, so the config is as untrusted as the plans.
public enum LimitCeiling {
    /// `max-file-size`: 2 GiB (default 512 MiB).
    public static let maxFileSize = YAMLLimits.ceilingInputBytes
    /// `max-depth`: 10,000 levels (default 1,000); libyaml's work grows with the square of it.
    public static let maxDepth = YAMLLimits.ceilingDepth
    /// `max-alias-expansion`: 10 million nodes per document (default max(1,000,000, 10 × the document's nodes)).
    public static let maxAliasExpansion = YAMLLimits.ceilingAliasExpansion
    /// `cost-budget`: 50 million steps (default 1,000,000).
    public static let costBudget = CostPolicy.ceilingBase
    /// `max-expression-depth`: `ExpressionLimits.ceilingDepth` levels (default 200).
    public static let maxExpressionDepth = ExpressionLimits.ceilingDepth
}

/// Bounds that keep one input from costing too much. Unset fields keep planlint's defaults
/// (Docs/configuration.md lists them); every field is capped by `LimitCeiling`.
public struct LimitSettings: Sendable, Hashable {
    /// Largest file read, in bytes.
    public var maxFileSize: Int?
    /// Deepest YAML nesting.
    public var maxDepth: Int?
    /// Nodes that aliases and merge keys may add per document.
    public var maxAliasExpansion: Int?
    /// Evaluation steps one rule may spend on one document.
    public var costBudget: Int?
    /// Deepest nesting of a rule expression.
    public var maxExpressionDepth: Int?

    public init(maxFileSize: Int? = nil, maxDepth: Int? = nil, maxAliasExpansion: Int? = nil,
                costBudget: Int? = nil, maxExpressionDepth: Int? = nil) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.costBudget = costBudget
        self.maxExpressionDepth = maxExpressionDepth
    }

    /// Fields set in `other` replace ours.
    public mutating func merge(_ other: LimitSettings) {
        if let v = other.maxFileSize { maxFileSize = v }
        if let v = other.maxDepth { maxDepth = v }
        if let v = other.maxAliasExpansion { maxAliasExpansion = v }
        if let v = other.costBudget { costBudget = v }
        if let v = other.maxExpressionDepth { maxExpressionDepth = v }
    }

    /// The YAML reader's limits with these applied (each capped by its ceiling, whoever set it).
    public var yamlLimits: YAMLLimits {
        var l = YAMLLimits.default
        if let v = maxFileSize { l.maxInputBytes = min(max(0, v), LimitCeiling.maxFileSize) }
        if let v = maxDepth { l.maxDepth = min(max(1, v), LimitCeiling.maxDepth) }
        if let v = maxAliasExpansion { l.maxAliasExpansion = min(max(0, v), LimitCeiling.maxAliasExpansion) }
        return l
    }

    /// The rule cost policy with `costBudget` applied (capped by its ceiling).
    public var costPolicy: CostPolicy {
        var p = CostPolicy.default
        if let v = costBudget { p.base = v }
        return p
    }

    /// The expression limits with `maxExpressionDepth` applied (capped by its ceiling).
    public var expressionLimits: ExpressionLimits {
        ExpressionLimits(maxDepth: maxExpressionDepth ?? ExpressionLimits.default.maxDepth)
    }

    /// The first limit set above its hard ceiling, as (key, value, ceiling), or nil.
    public var overCeiling: (key: String, value: Int, ceiling: Int)? {
        let checks: [(String, Int?, Int)] = [
            ("max-file-size", maxFileSize, LimitCeiling.maxFileSize),
            ("max-depth", maxDepth, LimitCeiling.maxDepth),
            ("max-alias-expansion", maxAliasExpansion, LimitCeiling.maxAliasExpansion),
            ("cost-budget", costBudget, LimitCeiling.costBudget),
            ("max-expression-depth", maxExpressionDepth, LimitCeiling.maxExpressionDepth),
        ]
        for (key, value, ceiling) in checks { if let value, value > ceiling { return (key, value, ceiling) } }
        return nil
    }

    /// The hard ceiling of the limit a config key names.
    public static func ceiling(of key: String) -> Int? {
        switch key {
        case "max-file-size": LimitCeiling.maxFileSize
        case "max-depth": LimitCeiling.maxDepth
        case "max-alias-expansion": LimitCeiling.maxAliasExpansion
        case "cost-budget": LimitCeiling.costBudget
        case "max-expression-depth": LimitCeiling.maxExpressionDepth
        default: nil
        }
    }

    /// The largest file read (the YAML reader refuses bigger input with `input-too-large`).
    public var effectiveMaxFileSize: Int { yamlLimits.maxInputBytes }

    /// A size as written in the config or on the command line: a whole number of bytes, or a
    /// number with a unit (`B`, `KB`, `MB`, `GB`, `KiB`, `MiB`, `GiB`; a space before the unit
    /// and `_` between digits allowed). Nil for anything else, zero, or more than 4 GiB (the
    /// callers refuse what is above `LimitCeiling.maxFileSize`).
    public static func parseSize(_ text: String) -> Int? {
        let units: [(String, Int)] = [("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30),
                                      ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1)]
        var digits = Substring(text.filter { $0 != "_" })
        var factor = 1
        for (u, f) in units where digits.hasSuffix(u) {
            digits = digits.dropLast(u.count)
            factor = f
            break
        }
        while digits.last == " " { digits.removeLast() }
        guard let n = Int(digits), n > 0, n <= (1 << 32) / factor else { return nil }
        return n * factor
    }
}

/// A path written in a config file, resolved: absolute, as written, and where it was written.
public struct ConfiguredPath: Sendable, Hashable {
    /// Absolute, normalised (symlinks not resolved).
    public var path: String
    /// As written in the config.
    public var written: String
    /// The scalar in the config file, for diagnostics about it.
    public var span: SourceSpan?

    public init(path: String, written: String, span: SourceSpan?) { (self.path, self.written, self.span) = (path, written, span) }
}

/// `schemas:` entry: a JSON Schema and the files it applies to.
public struct SchemaBinding: Sendable, Hashable {
    public var schema: ConfiguredPath
    public var files: GlobList
    public init(schema: ConfiguredPath, files: GlobList) { (self.schema, self.files) = (schema, files) }
}

/// `overrides:` entry: settings for the files its globs match.
public struct PathOverride: Sendable, Hashable {
    public var files: GlobList
    public var severity: SeverityTable
    public var limits: LimitSettings
    public var params = ParamTable()
    public init(files: GlobList, severity: SeverityTable, limits: LimitSettings) {
        (self.files, self.severity, self.limits) = (files, severity, limits)
    }
}

/// `params:` settings: for rule ids, values of their parameters (ESLint's rule options,
/// Kubernetes' `paramKind`). Values stay nodes of the config file, so a rule reading one can
/// point at it. Checked against the rules' declarations once the rules are loaded.
public struct ParamTable: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var ruleID: String
        /// The rule id as written.
        public var ruleSpan: SourceSpan
        public var name: String
        /// The parameter name as written.
        public var nameSpan: SourceSpan
        public var value: YAMLNode
    }
    public var entries: [Entry] = []
    public init() {}
}

/// A `severity:` key as written, to check once the rules are loaded that it names a code.
public struct SeverityKeyRef: Sendable, Hashable {
    public var code: String
    public var span: SourceSpan
}

/// The configuration in force for one run: the merged result of `.planlint.yaml`, the files it
/// `extends`, and defaults. Paths are absolute; globs carry the folder they are relative to.
public struct Configuration: Sendable {
    /// The repository root (the nearest folder with `.git` above the config, else the config's
    /// folder): rule, schema and `extends` paths must stay inside it.
    public var root: String
    /// The config file that was found or given (nil: none, defaults only).
    public var configFile: String?
    /// Every config file read, the given one first, then what it extends.
    public var loadedFiles: [String] = []
    /// Rule files and folders of rule packs.
    public var rules: [ConfiguredPath] = []
    public var schemas: [SchemaBinding] = []
    /// What a bare `planlint check` lints.
    public var paths: [ConfiguredPath] = []
    /// Files linted when a folder is walked (default `*.yaml`, `*.yml`).
    public var include: GlobList
    /// Files and folders skipped, always (the defaults plus each config's own).
    public var exclude: [GlobList]
    public var severity = SeverityTable()
    public var overrides: [PathOverride] = []
    /// `params:` at the top level (overrides have their own).
    public var params = ParamTable()
    public var limits = LimitSettings()
    public var failOn: Severity?
    public var maxWarnings: Int?
    /// `lang:`: the language of planlint's messages (below `--lang`, above the environment).
    public var language: Language?
    /// Every `severity:` key written (top level and overrides), checked after rules load.
    public var severityKeys: [SeverityKeyRef] = []

    /// Files `include` matches unless a config says otherwise.
    public static let defaultInclude = ["*.yaml", "*.yml"]
    /// Folders never walked into.
    public static let defaultExclude = [".git/", ".build/", ".swiftpm/", "node_modules/"]

    /// Defaults for a run without a config file, rooted at `root`.
    public init(root: String) {
        self.root = root
        self.include = GlobList(Configuration.defaultInclude.map { try! Glob($0) }, base: root)
        self.exclude = [GlobList(Configuration.defaultExclude.map { try! Glob($0) }, base: root)]
    }

    /// The severity setting for `code` in the file at `absolutePath`: the last matching
    /// override wins over the top level.
    public func severitySetting(for code: String, absolutePath: String?) -> SeveritySetting? {
        if let p = absolutePath {
            for o in overrides.reversed() where o.files.matchesAny(absolutePath: p) {
                if let s = o.severity.setting(for: code) { return s }
            }
        }
        return severity.setting(for: code)
    }

    /// The parameter values for the file at `absolutePath`: rule id → name → value (top
    /// level, then matching overrides in order; the last setting wins).
    public func params(for absolutePath: String?) -> [String: [String: ParamTable.Entry]] {
        var out: [String: [String: ParamTable.Entry]] = [:]
        for e in params.entries { out[e.ruleID, default: [:]][e.name] = e }
        if let p = absolutePath {
            for o in overrides where o.files.matchesAny(absolutePath: p) {
                for e in o.params.entries { out[e.ruleID, default: [:]][e.name] = e }
            }
        }
        return out
    }

    /// Every `params:` setting written (top level and overrides).
    public var allParamSettings: [ParamTable.Entry] { params.entries + overrides.flatMap(\.params.entries) }

    /// The limits for the file at `absolutePath` (top level, then matching overrides in order).
    public func limits(for absolutePath: String?) -> LimitSettings {
        var l = limits
        if let p = absolutePath {
            for o in overrides where o.files.matchesAny(absolutePath: p) { l.merge(o.limits) }
        }
        return l
    }

    /// Whether a path is excluded (it or a folder containing it matches an `exclude` glob).
    public func isExcluded(absolutePath: String, isDirectory: Bool) -> Bool {
        exclude.contains { $0.matchesAny(absolutePath: absolutePath, isDirectory: isDirectory) }
    }

    /// Whether a file found by walking a folder is linted.
    public func isIncluded(absolutePath: String) -> Bool {
        include.matchesFile(absolutePath: absolutePath)
    }

    /// The schemas bound to a file (every binding whose globs match it).
    public func schemas(for absolutePath: String) -> [SchemaBinding] {
        schemas.filter { $0.files.matchesAny(absolutePath: absolutePath) }
    }
}
