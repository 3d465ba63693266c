import DiagnosticRendering

extension RuleMetadata {
    /// The rules the renderer fixtures are rendered with (SARIF `tool.driver.rules`): input
    /// to the renderers under test, as the code registry would give it.
    static let fixtureRules: [RuleMetadata] = [
        RuleMetadata(
            id: "yaml-syntax", shortDescription: "The file is not valid YAML.",
            fullDescription: "The YAML parser rejected the file. Nothing after the error can be checked, so rules do not run on this file until it parses.",
            helpText: "Fix the syntax at the reported position; the message says what the parser expected.",
            defaultLevel: .error, tags: ["yaml", "correctness"]),
        RuleMetadata(
            id: "duplicate-key", shortDescription: "A mapping has the same key twice.",
            fullDescription: "YAML requires keys in a mapping to be unique. Parsers disagree on which value wins when a key repeats, so the data means different things to different tools.",
            helpText: "Remove one of the entries, or rename the key if both are wanted.",
            defaultLevel: .error, tags: ["yaml", "correctness"]),
        RuleMetadata(
            id: "undefined-alias", shortDescription: "An alias refers to an anchor that was not defined before it.",
            fullDescription: "An alias `*name` must follow an anchor `&name` earlier in the same document.",
            helpText: "Define the anchor before the alias, or correct the alias name.",
            helpMarkdown: "Define the anchor (`&name`) before the alias (`*name`), or correct the alias name.",
            defaultLevel: .error, tags: ["yaml", "correctness"]),
        RuleMetadata(
            id: "recursive-alias", shortDescription: "An alias refers to a node that contains it.",
            fullDescription: "A node cannot contain an alias to itself: the data would be infinite.",
            helpText: "Point the alias at a node outside the one being defined.",
            defaultLevel: .error, tags: ["yaml", "correctness"]),
        RuleMetadata(
            id: "invalid-merge", shortDescription: "A merge key `<<` is given something other than a mapping or a list of mappings.",
            fullDescription: "The merge key `<<` takes a mapping, an alias to one, or a sequence of them.",
            helpText: "Give `<<` a mapping or a list of mappings.",
            helpMarkdown: "Give `<<` a mapping or a list of mappings.",
            defaultLevel: .error, tags: ["yaml", "correctness"]),
        RuleMetadata(
            id: "nesting-too-deep", shortDescription: "The file nests collections deeper than the limit.",
            fullDescription: "planlint stops reading at a nesting depth limit so that hostile input cannot exhaust memory or the stack.",
            helpText: "Flatten the data, or raise the limit if the file is trusted.",
            defaultLevel: .error, tags: ["yaml", "limits"]),
        RuleMetadata(
            id: "alias-expansion-limit", shortDescription: "Aliases expand to more nodes than the limit.",
            fullDescription: "Aliases that refer to aliases can expand exponentially (a \"billion laughs\" document). planlint stops at a limit on the expanded size.",
            helpText: "Use fewer nested aliases, or raise the limit if the file is trusted.",
            defaultLevel: .error, tags: ["yaml", "limits", "security"]),
        RuleMetadata(
            id: "input-too-large", shortDescription: "The file is larger than the input size limit.",
            fullDescription: "planlint refuses files over a size limit so that one input cannot exhaust memory.",
            helpText: "Split the file, or raise the limit if the file is trusted.",
            defaultLevel: .error, tags: ["limits"]),
        RuleMetadata(
            id: "encoding", shortDescription: "The file's text encoding is not supported.",
            fullDescription: "planlint reads UTF-8 (with or without a byte order mark) and UTF-16 with a byte order mark.",
            helpText: "Convert the file to UTF-8.",
            defaultLevel: .error, tags: ["correctness"]),
        RuleMetadata(
            id: "io-error", shortDescription: "A file could not be read.",
            fullDescription: "The file does not exist, is not readable, or is not a regular file.",
            helpText: "Check the path and the file's permissions.",
            defaultLevel: .error, tags: ["io"]),
    ]
}
