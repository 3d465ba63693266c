import DiagnosticRendering

/// The documentation of one code, for `planlint explain` and SARIF rule metadata.
public struct CodeDocumentation: Sendable, Hashable {
    public var code: String
    public var severity: Severity
    /// One line.
    public var summary: String
    /// Why it matters (Markdown-ish plain text, paragraphs separated by blank lines).
    public var description: String
    /// How to fix it.
    public var help: String
    /// A short example that triggers it (YAML or a shell line), and how it looks fixed.
    public var badExample: String?
    public var goodExample: String?
    public var tags: [String]
    /// Where it comes from, for `explain` (`built in`, a rule file's path, …).
    public var source: String
    /// A page documenting it.
    public var docsURL: String?

    public init(code: String, severity: Severity, summary: String, description: String, help: String,
                badExample: String? = nil, goodExample: String? = nil, tags: [String] = [], source: String = "built in",
                docsURL: String? = nil) {
        self.code = code
        self.severity = severity
        self.summary = summary
        self.description = description
        self.help = help
        self.badExample = badExample
        self.goodExample = goodExample
        self.tags = tags
        self.source = source
        self.docsURL = docsURL
    }

    /// SARIF metadata for this code.
    public var ruleMetadata: RuleMetadata {
        RuleMetadata(id: code, shortDescription: summary, fullDescription: description,
                     helpText: help, helpURI: docsURL, defaultLevel: severity, tags: tags)
    }
}

/// planlint's own codes: reading files and YAML, configuration, suppressions.
///
/// Rule ids come from rule files and `schema/…` codes from the schema validator; these are the
/// rest. Each has documentation for `planlint explain`.
public enum BuiltinCodes {
    public static let ioError = "io-error"
    public static let symlinkLoop = "symlink-loop"
    public static let unknownSuppressionCode = "unknown-suppression-code"
    public static let unusedSuppression = "unused-suppression"
    public static let invalidSuppression = "invalid-suppression"
    public static let configUnknownKey = "config/unknown-key"
    public static let configInvalidValue = "config/invalid-value"
    public static let configInvalidGlob = "config/invalid-glob"
    public static let configNotFound = "config/not-found"
    public static let configOutsideRoot = "config/outside-root"
    public static let configExtendsCycle = "config/extends-cycle"
    public static let configExtendsTooDeep = "config/extends-too-deep"
    public static let configUnknownCode = "config/unknown-code"
    public static let configProtectedCode = "config/protected-code"
    public static let baselineInvalid = "baseline/invalid"

    /// Codes whose findings mean a file was not (fully) checked: they cannot be turned off,
    /// lowered, suppressed inline or baselined, so an unreadable plan never passes silently.
    public static let protected: Set<String> = [
        "yaml-syntax", "encoding", "input-too-large", "nesting-too-deep", "alias-expansion-limit", ioError,
    ]

    /// Whether `code` is protected (also every `config/…` and `baseline/…` code).
    public static func isProtected(_ code: String) -> Bool {
        protected.contains(code) || code.hasPrefix("config/") || code.hasPrefix("baseline/")
    }

    /// Codes whose findings are tool failures (exit 2) rather than findings in a plan.
    public static func isToolError(_ code: String) -> Bool {
        code == ioError || code.hasPrefix("config/") || code.hasPrefix("baseline/")
    }

    /// The documentation of every built-in code, sorted by code.
    public static let all: [CodeDocumentation] = (yaml + frontend).sorted { $0.code < $1.code }

    /// Looks a built-in code up.
    public static func documentation(_ code: String) -> CodeDocumentation? {
        all.first { $0.code == code }
    }

    static let yaml: [CodeDocumentation] = [
        CodeDocumentation(
            code: "yaml-syntax", severity: .error, summary: "The file is not valid YAML.",
            description: """
            The YAML parser rejected the file. Rules and schemas cannot run on a file that does not \
            parse, so the file counts as not checked: this finding cannot be turned off, lowered or \
            suppressed.
            """,
            help: "Fix the syntax at the reported position; the message says what the parser expected.",
            badExample: "budget: [1, 2\ntotal: 3", goodExample: "budget: [1, 2]\ntotal: 3", tags: ["yaml"]),
        CodeDocumentation(
            code: "duplicate-key", severity: .error, summary: "A mapping has the same key twice.",
            description: """
            YAML requires the keys of a mapping to be unique. Tools disagree on which value wins \
            when a key repeats, so the plan means different things to different readers.
            """,
            help: "Remove one of the entries, or rename the key if both are wanted.",
            badExample: "name: ICT plan\nname: ICT plan 2015", goodExample: "name: ICT plan 2015", tags: ["yaml"]),
        CodeDocumentation(
            code: "undefined-alias", severity: .error,
            summary: "An alias refers to an anchor that was not defined before it.",
            description: "An alias `*name` must follow an anchor `&name` earlier in the same document.",
            help: "Define the anchor before the alias, or correct the alias name.",
            badExample: "total: *sum", goodExample: "sum: &sum 10\ntotal: *sum", tags: ["yaml"]),
        CodeDocumentation(
            code: "recursive-alias", severity: .error, summary: "An alias refers to a node that contains it.",
            description: "A node cannot contain an alias to itself: the data would be infinite.",
            help: "Point the alias at a node outside the one being defined.",
            badExample: "a: &a\n  b: *a", tags: ["yaml"]),
        CodeDocumentation(
            code: "invalid-merge", severity: .error,
            summary: "A merge key `<<` is given something other than a mapping or a list of mappings.",
            description: "The merge key `<<` takes a mapping, an alias to one, or a sequence of them.",
            help: "Give `<<` a mapping or a list of mappings.",
            badExample: "base: &b 1\nitem:\n  <<: *b", goodExample: "base: &b {unit: yen}\nitem:\n  <<: *b", tags: ["yaml"]),
        CodeDocumentation(
            code: "nesting-too-deep", severity: .error, summary: "The file nests collections deeper than the limit.",
            description: """
            planlint stops reading at a nesting depth limit (default 1000) so that hostile input \
            cannot exhaust memory or the stack. The file counts as not checked.
            """,
            help: "Flatten the data, or raise `limits.max-depth` (or `--max-depth`) if the file is trusted.",
            tags: ["yaml", "limits"]),
        CodeDocumentation(
            code: "alias-expansion-limit", severity: .error, summary: "Aliases expand to more nodes than the limit.",
            description: """
            Aliases that refer to aliases can expand exponentially (a "billion laughs" document). \
            planlint stops at a limit on the expanded size (default 1,000,000 nodes per document).
            """,
            help: "Use fewer nested aliases, or raise `limits.max-alias-expansion` if the file is trusted.",
            tags: ["yaml", "limits", "security"]),
        CodeDocumentation(
            code: "input-too-large", severity: .error, summary: "The file is larger than the input size limit.",
            description: "planlint refuses files over a size limit so that one input cannot exhaust memory.",
            help: "Split the file, or raise `limits.max-file-size` (or `--max-file-size`) if the file is trusted.",
            tags: ["limits"]),
        CodeDocumentation(
            code: "encoding", severity: .error, summary: "The file's text encoding is not supported.",
            description: "planlint reads UTF-8 (with or without a byte order mark) and UTF-16 with a byte order mark.",
            help: "Convert the file to UTF-8.", tags: ["yaml"]),
    ]

    static let frontend: [CodeDocumentation] = [
        CodeDocumentation(
            code: ioError, severity: .error, summary: "A file could not be read.",
            description: """
            A path given on the command line or in the configuration does not exist, is not \
            readable, or is not a regular file. planlint exits with status 2: a plan that was not \
            read was not checked.
            """,
            help: "Check the path and the file's permissions.",
            badExample: "planlint check Plans/missing.yaml", tags: ["io"]),
        CodeDocumentation(
            code: symlinkLoop, severity: .warning, summary: "A symbolic link leads back into a folder being walked.",
            description: """
            While walking a folder, planlint met a symbolic link to a folder it is already inside \
            (or has already walked). It skips the link instead of looping forever; every file is \
            still checked once.
            """,
            help: "Remove the link, or exclude it with `exclude:` in .planlint.yaml.",
            badExample: "ln -s .. Plans/loop", tags: ["io"]),
        CodeDocumentation(
            code: unknownSuppressionCode, severity: .warning,
            summary: "A suppression comment names a code that no loaded rule or check produces.",
            description: """
            A `# planlint-disable…` comment names a code that is neither a loaded rule's id nor one of \
            planlint's own codes, so it can never suppress anything — usually a typo, or a rule that \
            was renamed or removed.
            """,
            help: "Correct the code (`planlint rules` lists the loaded rules), or delete the comment.",
            badExample: "budget: 10  # planlint-disable-line budjet-sum -- reviewed",
            goodExample: "budget: 10  # planlint-disable-line budget-sum -- reviewed", tags: ["suppression"]),
        CodeDocumentation(
            code: unusedSuppression, severity: .warning,
            summary: "A suppression comment suppressed nothing.",
            description: """
            A `# planlint-disable…` comment names a code, but no finding with that code is on the \
            line it covers. The problem it silenced has been fixed (or moved): a stale suppression \
            would hide the next real problem there.
            """,
            help: "Delete the code from the comment (or the whole comment).", tags: ["suppression"]),
        CodeDocumentation(
            code: invalidSuppression, severity: .warning,
            summary: "A suppression comment is malformed.",
            description: """
            A comment starting with `planlint-` is not one of `planlint-disable-next-line`, \
            `planlint-disable-line` or `planlint-disable-file` followed by at least one code, or it \
            names a code that cannot be suppressed (a file that does not parse counts as unchecked).
            """,
            help: "Write `# planlint-disable-next-line CODE[, CODE] -- reason`.",
            badExample: "# planlint-disable-nextline budget-sum", goodExample: "# planlint-disable-next-line budget-sum -- figures as printed",
            tags: ["suppression"]),
        CodeDocumentation(
            code: configUnknownKey, severity: .error, summary: "The configuration has a key planlint does not know.",
            description: "An unknown key in .planlint.yaml is an error, not ignored: a misspelt `exlude` must not silently lint everything.",
            help: "Correct the key; the message suggests the nearest known one.",
            badExample: "exlude: [Plans/drafts]", goodExample: "exclude: [Plans/drafts]", tags: ["config"]),
        CodeDocumentation(
            code: configInvalidValue, severity: .error, summary: "A configuration value has the wrong type or an unknown value.",
            description: "Each key of .planlint.yaml takes one kind of value (Docs/configuration.md); this one does not.",
            help: "Give the value the message asks for.",
            badExample: "fail-on: errors", goodExample: "fail-on: error", tags: ["config"]),
        CodeDocumentation(
            code: configInvalidGlob, severity: .error, summary: "A glob pattern in the configuration is malformed.",
            description: "Patterns support `*`, `**` (as a whole segment), `?`, `[...]` and `\\` escapes.",
            help: "Fix the pattern at the reported character.",
            badExample: "exclude: [\"Plans/[draft\"]", goodExample: "exclude: [\"Plans/draft*\"]", tags: ["config"]),
        CodeDocumentation(
            code: configNotFound, severity: .error, summary: "A file named in the configuration does not exist.",
            description: "A rule pack, schema, `extends` target or default path in .planlint.yaml is missing.",
            help: "Correct the path; it is relative to the folder of the config file that names it.", tags: ["config"]),
        CodeDocumentation(
            code: configOutsideRoot, severity: .error, summary: "A configuration path leads outside the repository.",
            description: """
            Rule packs, schemas and `extends` targets must resolve (after following symbolic links) \
            inside the repository that holds the config, so a config in a cloned repository cannot \
            make planlint read other files on the machine.
            """,
            help: "Move the file into the repository, or pass `--allow-outside-root` if you trust the config.",
            badExample: "extends: ../../shared/base.planlint.yaml", tags: ["config", "security"]),
        CodeDocumentation(
            code: configExtendsCycle, severity: .error, summary: "Config files extend each other in a cycle.",
            description: "`extends` must form a chain or tree; a file that (indirectly) extends itself has no meaning.",
            help: "Remove one of the `extends` entries in the cycle.", tags: ["config"]),
        CodeDocumentation(
            code: configExtendsTooDeep, severity: .error, summary: "A chain of `extends` is longer than 16 files.",
            description: "planlint stops following `extends` after 16 levels.",
            help: "Flatten the chain.", tags: ["config", "limits"]),
        CodeDocumentation(
            code: configUnknownCode, severity: .error, summary: "A `severity:` key names no known code.",
            description: """
            A `severity:` entry must name a loaded rule's id, a built-in code, or a pattern with `*` \
            (`schema/*`). A misspelt id would otherwise leave the rule at its default severity.
            """,
            help: "Correct the id (`planlint rules` lists them).",
            badExample: "severity:\n  budget-sums: off", goodExample: "severity:\n  budget-sum: off", tags: ["config"]),
        CodeDocumentation(
            code: configProtectedCode, severity: .error, summary: "A `severity:` entry tries to lower a protected code.",
            description: """
            Codes that mean a file could not be read (`yaml-syntax`, `encoding`, `input-too-large`, \
            `nesting-too-deep`, `alias-expansion-limit`, `io-error`) stay errors: otherwise an \
            unreadable plan would pass.
            """,
            help: "Remove the entry; fix or exclude the file instead.",
            badExample: "severity:\n  yaml-syntax: off", tags: ["config"]),
        CodeDocumentation(
            code: baselineInvalid, severity: .error, summary: "The baseline file cannot be read.",
            description: "The file given to `--baseline` is missing, not JSON, or not in planlint's baseline format (Docs/cli.md).",
            help: "Write it again with `planlint check --write-baseline FILE`.", tags: ["baseline"]),
    ]
}
