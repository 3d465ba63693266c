/// The draft 2020-12 vocabulary as planlint sees it.
enum Keywords {
    /// Keywords whose value is one schema.
    static let singleSchema: [String] = [
        "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema",
    ]
    /// Keywords whose value is a list of schemas.
    static let schemaArray: [String] = ["allOf", "anyOf", "oneOf", "prefixItems"]
    /// Keywords whose value maps names to schemas.
    static let schemaMap: [String] = ["properties", "patternProperties", "$defs", "dependentSchemas"]

    /// Keywords that only annotate (no effect on validity).
    static let annotations: Set<String> = [
        "$schema", "$comment", "$vocabulary", "title", "description", "default", "examples",
        "deprecated", "readOnly", "writeOnly", "contentEncoding", "contentMediaType", "contentSchema",
        "$dynamicAnchor",
    ]

    /// Draft 2020-12 keywords planlint implements (validation or structure).
    static let implemented: Set<String> = [
        "$id", "$ref", "$anchor", "$defs",
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "format",
        "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "prefixItems", "items", "contains",
        "maxProperties", "minProperties", "required", "dependentRequired", "properties", "patternProperties",
        "additionalProperties", "propertyNames", "dependentSchemas",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties",
    ]

    /// Draft 2020-12 keywords planlint does not implement.
    static let unsupported: [String: SchemaFileMessage] = [
        "$dynamicRef": .dynamicRef,
    ]

    /// Keywords editors understand (VS Code, the YAML language server); accepted as annotations.
    static let editorExtensions: Set<String> = [
        "markdownDescription", "enumDescriptions", "markdownEnumDescriptions", "defaultSnippets",
        "doNotSuggest", "suggestSortText", "errorMessage", "patternErrorMessage", "deprecationMessage",
        "allowComments", "allowTrailingCommas",
    ]

    /// Names from other drafts, with what to write in draft 2020-12.
    static let otherDrafts: [String: SchemaFileMessage] = [
        "definitions": .definitions,
        "dependencies": .dependencies,
        "additionalItems": .additionalItems,
        "$recursiveRef": .recursiveRef,
        "$recursiveAnchor": .recursiveAnchor,
        "id": .id,
    ]

    /// Every name accepted without a warning, for "did you mean" suggestions.
    static let all: [String] = Array(annotations.union(implemented).union(unsupported.keys).union(editorExtensions)).sorted()

    /// The 2020-12 meta-schema URIs (`$schema`).
    static let dialects: Set<String> = [
        "https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2020-12/schema#",
        "http://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft/2020-12/schema#",
    ]
}
