/// Every diagnostic code the schema validator emits. Codes are stable: configuration
/// (severity overrides) and suppressions refer to them.
///
/// Findings in the data are named after the keyword that failed (`schema/required`);
/// problems in the schema files start with `schema/` too and are listed last.
public enum SchemaCode: String, Sendable, CaseIterable {
    // Findings in the validated document.
    case type = "schema/type"
    case enumValue = "schema/enum"
    case const = "schema/const"
    case required = "schema/required"
    case additionalProperties = "schema/additional-properties"
    case unevaluatedProperties = "schema/unevaluated-properties"
    case propertyNames = "schema/property-names"
    case minProperties = "schema/min-properties"
    case maxProperties = "schema/max-properties"
    case dependentRequired = "schema/dependent-required"
    case nonStringKey = "schema/non-string-key"
    case items = "schema/items"
    case unevaluatedItems = "schema/unevaluated-items"
    case minItems = "schema/min-items"
    case maxItems = "schema/max-items"
    case uniqueItems = "schema/unique-items"
    case contains = "schema/contains"
    case minContains = "schema/min-contains"
    case maxContains = "schema/max-contains"
    case minimum = "schema/minimum"
    case maximum = "schema/maximum"
    case exclusiveMinimum = "schema/exclusive-minimum"
    case exclusiveMaximum = "schema/exclusive-maximum"
    case multipleOf = "schema/multiple-of"
    case minLength = "schema/min-length"
    case maxLength = "schema/max-length"
    case pattern = "schema/pattern"
    case format = "schema/format"
    case anyOf = "schema/any-of"
    case oneOf = "schema/one-of"
    case not = "schema/not"
    /// A value where the schema is `false` (e.g. a property whose schema is `false`).
    case falseSchema = "schema/false"
    /// Validation stopped descending because the data nests deeper than the limit.
    case depthLimit = "schema/depth-limit"

    // Problems in the schema files.
    /// A draft 2020-12 keyword planlint does not implement (`$dynamicRef`).
    case unsupportedKeyword = "schema/unsupported-keyword"
    /// A key that is no draft 2020-12 keyword (a typo, or an older draft's name); ignored.
    case unknownKeyword = "schema/unknown-keyword"
    /// A keyword whose value has the wrong form (`minimum: "5"`, `required: name`).
    case invalidKeyword = "schema/invalid-keyword"
    /// A `pattern` that is not a valid regular expression or uses syntax outside the subset.
    case invalidRegex = "schema/invalid-regex"
    /// A `$ref` that names nothing that could be found.
    case unresolvedRef = "schema/unresolved-ref"
    /// A `$ref` to a local file outside the allowed root directory.
    case refOutsideRoot = "schema/ref-outside-root"
    /// `$ref`s (or `allOf`/`anyOf`/…) that lead back to themselves without descending into the data.
    case refCycle = "schema/ref-cycle"
    /// A schema referred to by an http(s) URL; planlint never fetches from the network.
    case remoteSchema = "schema/remote-schema"
    /// A schema file that cannot be read.
    case loadError = "schema/load-error"
    /// `$schema` names a dialect other than draft 2020-12.
    case dialect = "schema/dialect"

    /// Whether the code is about the schema files rather than the validated data.
    public var isSchemaProblem: Bool {
        switch self {
        case .unsupportedKeyword, .unknownKeyword, .invalidKeyword, .invalidRegex, .unresolvedRef,
             .refOutsideRoot, .refCycle, .remoteSchema, .loadError, .dialect:
            true
        default:
            false
        }
    }
}
