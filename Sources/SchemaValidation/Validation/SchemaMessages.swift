import Diagnostics

// The text of SchemaValidation, in four catalogues (Docs/architecture.md, "Messages"): what
// the validator says about the data (`SchemaMessage`), its hints for values that were probably
// meant right (`SchemaHintMessage`), problems in schema files (`SchemaFileMessage`), and the
// phrases the others take as arguments (`SchemaPhrase`: type names, descriptions of values,
// lists, counts), so that a message in Japanese never holds an English phrase. The Japanese
// of each is beside it, in SchemaMessages+ja.swift.

/// Findings in the validated data: messages, labels, notes and help.
package enum SchemaMessage: String, MessageCatalogue {
    // Floods folded into one summary.
    case moreDiagnostic = "… and {count} more `{code}` diagnostic in this document (the first {limit} are shown)"
    case moreDiagnostics = "… and {count} more `{code}` diagnostics in this document (the first {limit} are shown)"
    case moreHelp = "fix the cause these have in common"

    // Depth.
    case depthLimit = "validation stops here: the data and schema nest deeper than {limit} levels"
    case tooDeep = "too deep"
    case depthLimitHelp = "the values below this one are not checked against the schema"

    // `false` schemas.
    case keyNotAllowed = "`{key}` is not allowed here (its schema is `false`)"
    case valueNotAllowed = "no value is allowed here (the schema is `false`)"
    case notAllowed = "not allowed"
    case falseSchema = "`false` schema"

    // Labels in general.
    /// A label at the failing value, after the title of its schema.
    case titled = "{title}: {label}"
    /// A label at a schema keyword: "`type` of 件数".
    case keywordOf = "{keyword} of {title}"
    case keywordAt = "{keyword} at {pointer}"

    // Types, const, enum.
    case expectedFound = "expected {expected}, found {found}"
    case expected = "expected {expected}"
    case expectedOneOf = "expected one of {values}; found {found}"
    case notAnAllowedValue = "not an allowed value"

    // Numbers.
    case expectedNumber = "expected a number {op} {bound}, found {found}"
    case mustBe = "must be {op} {bound}"
    case expectedMultiple = "expected a multiple of {step}, found {found}"
    case notAMultiple = "not a multiple of {step}"

    // Lengths and counts (`{count}` is a `SchemaPhrase` count: "3 characters", "2 items").
    case atLeast = "expected at least {count}, found {found}"
    case atMost = "expected at most {count}, found {found}"
    case tooShort = "too short"
    case tooLong = "too long"

    // Strings.
    case patternMismatch = "{found} does not match the pattern `{pattern}`"
    case doesNotMatch = "does not match"
    case formatMismatch = "expected a {format} ({shape}), found {found}: {problem}"
    case notAValidFormat = "not a valid {format}"
    case dateForm = "not in the form YYYY-MM-DD"
    case noSuchMonth = "there is no month {month}"
    case noSuchDay = "month {month} of {year} has no day {day}"

    // Arrays.
    case tooFewItems = "too few items"
    case tooManyItems = "too many items"
    case repeatedItem = "item {index} repeats item {first} ({value}); items must be unique"
    case repeated = "repeated"
    case firstHere = "first here"
    case noItemsAllowed = "expected no items, found {count}"
    case beyondPrefixItems = "expected at most {count} (those `prefixItems` describes), found {found}"
    case containsNone = "expected an item matching `contains`{schema}, found none"
    case containsTooFew = "expected at least {count} items matching `contains`{schema}, found {found}"
    case containsTooMany = "expected at most {count} matching `contains`{schema}, found {found}"
    case noMatchingItem = "no matching item"
    case oneTooMany = "one too many"
    case unevaluatedItem = "item {index} is not allowed: no keyword of the schema describes it"

    // Objects.
    case nonStringKey = "a key that is {found} cannot be a JSON property name; this entry is not checked"
    case notAName = "not a name"
    case plainKeyHelp = "write the key as a plain name"
    case tooFewProperties = "too few properties"
    case tooManyProperties = "too many properties"
    case missingKey = "missing required key `{key}`{schema}{whose}"
    case keyIsMissing = "`{key}` is missing"
    case requiredHere = "required here{by}"
    case requiredBy = " by {title}"
    case addKeyHelp = "add `{key}: …` to this mapping"
    case requiresKey = "`{key}` requires `{needed}`, which is missing"
    case needsKey = "needs `{needed}`"
    case requiredWith = "required with `{key}` here"
    case addOrRemoveHelp = "add `{needed}: …` or remove `{key}`"
    case probablyMisspelt = "`{key}` is required and missing, so this is probably it"
    case keyRequiredHere = "`{key}` is required here"
    case invalidKey = "invalid key `{key}`: {message}"
    case checkedByPropertyNames = "keys of this mapping are checked by `propertyNames`"
    case unknownKey = "unknown key `{key}`{whose}"
    case notAllowedHere = "not allowed here"
    case allowedKeys = "allowed keys{whose}: {keys}"
    case patternKeysAllowed = "keys matching {patterns} are allowed too"
    case renameKey = "rename `{key}` to `{suggestion}`"

    // In-place applicators.
    case matchesNot = "{found} matches the schema under `not`{schema}, which it must not"
    case mustNotMatch = "must not match"
    case ifMatched = "`if` matched, so `then` applies"
    case ifDidNotMatch = "`if` did not match, so `else` applies"
    case appliesBecause = "this applies because the mapping has `{key}` (`dependentSchemas`)"
    case alternativesCount = "`{keyword}` with {count} alternatives"
    case alternativeMatches = "alternative {index} matches"
    case matchesSeveral = "{found} matches alternatives {which} of `oneOf`; it must match exactly one"
    case matchesCount = "matches {count} alternatives"
    case exclusiveHelp = "make the alternatives exclusive, e.g. with a distinguishing `const` or `required` key"
    case nothing = "nothing"
    case noAlternativeMatches = "{label}: none of {count} alternatives matches"
    case showingClosest = "{count} alternatives of `{keyword}` match none; showing the closest (alternative {index})"
    case noneOfThese = "none of these {count} alternatives matches"
    case toldApart = "the {count} alternatives of `{keyword}` are told apart by `{key}`"
}

/// Help for a value that was probably meant right, and the fixes it offers.
package enum SchemaHintMessage: String, MessageCatalogue {
    case withoutSeparators = "write the number without thousands separators: `{number}`"
    case asciiDigits = "write the number with ASCII digits: `{number}`"
    case withoutPercent = "write the number without the % sign: `{number}`"
    case westernYear = "write the Western calendar year: `{year}` ({era})"
    case write = "write {value}"
    case quotedNumber = "the value is quoted, so it is a string; remove the quotes to make it a number"
    case removeQuotes = "remove the quotes"
    case yamlBoolean = "YAML 1.2 reads `{value}` as a string; write `true` or `false`"
    case quoteIt = "quote it to make it a string: `{quoted}`"
    case quoteItFix = "quote it"
    case emptyValue = "the value is empty; write one after the `:`"
    case didYouMean = "did you mean {value}?"
    case replaceWith = "replace with {value}"
    case lookAlike = "{found} looks alike but differs: the schema has {allowed}"
    case normalization = "the text looks the same but is written with different code points ({found}, where the schema has {allowed}); JSON compares code points, so re-type it or normalise the file to NFC"
}

/// Phrases the other catalogues take as arguments.
package enum SchemaPhrase: String, MessageCatalogue {
    // JSON types (the values of `type`).
    case null = "null"
    case boolean = "boolean"
    case object = "object"
    case array = "array"
    case number = "number"
    case string = "string"
    case integer = "integer"

    // Values described in messages (`JSONView.describe`).
    case emptyObject = "an empty object"
    case anObject = "an object"
    case emptyArray = "an empty array"
    case arrayOfItem = "an array of {count} item"
    case arrayOfItems = "an array of {count} items"
    case booleanValue = "boolean {value}"
    case stringValue = "string {value}"
    case integerValue = "integer {value}"
    case numberValue = "number {value}"
    case emptyString = "an empty string"

    // Counts.
    case item = "{count} item"
    case items = "{count} items"
    case property = "{count} property"
    case properties = "{count} properties"
    case character = "{count} character"
    case characters = "{count} characters"

    // Lists.
    case separator = ", "
    case or = "{items} or {last}"
    case and = "{items} and {last}"
    case andMore = "{items}, … ({count} more)"
    case oneOf = "one of {values}"

    // Pieces.
    /// A schema's title after what it names: " (件数)".
    case aside = " ({text})"
    /// The schema a key belongs in: " in 事業".
    case inTitle = " in {title}"
    case theDocument = "the document"
    case theDocumentRoot = "the document root"
    case thisDocument = "this document"
}

/// Problems in schema files: the compiler's, the registry's and the modeline's.
package enum SchemaFileMessage: String, MessageCatalogue {
    case notASchemaRoot = "a schema must be a mapping or `true`/`false`, found {found}"
    case notASchema = "not a schema"
    case otherDialect = "this schema declares `$schema: {dialect}`; planlint validates as JSON Schema draft 2020-12"
    case anotherDialect = "another dialect"
    case otherDialectNote = "keywords whose meaning changed between drafts (`items`, `dependencies`, `definitions`, …) are read the 2020-12 way"
    case extraDocuments = "a schema file holds one document; the {count} after the first are ignored"
    case ignoredFromHere = "ignored from here"

    case invalidValue = "`{keyword}` must be {expected}, found {found}"
    case keywordItem = "{keyword} item"
    case keysMustBeKeywords = "a schema's keys must be keyword names, found {found}"
    case idFragment = "`$id` must not have a fragment (`#{fragment}`); use `$anchor` to name a location"
    case fragmentHere = "fragment here"
    case anchorName = "`{keyword}` must be a plain name (a letter or `_`, then letters, digits, `-`, `_`, `.`), found {found}"
    case multipleOfPositive = "`multipleOf` must be greater than 0, found {found}"
    case exclusiveMinimumHelp = "draft-04 wrote `exclusiveMinimum: true` beside `minimum`; draft 2020-12 writes the bound itself: `exclusiveMinimum: 0`"
    case exclusiveMaximumHelp = "draft-04 wrote `exclusiveMaximum: true` beside `maximum`; draft 2020-12 writes the bound itself: `exclusiveMaximum: 100`"
    case itemsListHelp = "a list of item schemas is `prefixItems` in draft 2020-12; `items` then applies to the items after them"
    case patternPropertiesKeys = "`patternProperties` keys must be regular expressions"
    case keysMustBeNames = "`{keyword}` keys must be names, found {found}"
    case listAtLeastOne = "`{keyword}` must list at least one schema"
    case unsupported = "`{keyword}` is not supported by planlint"
    case notSupported = "not supported"
    case unsupportedHelp = "the rest of this schema is still checked; see Docs/schemas.md for the supported keywords"
    case dynamicRef = "`$dynamicRef` (dynamic scope resolution) is not implemented; the reference is not followed"
    case otherDraftKeyword = "`{keyword}` is not a draft 2020-12 keyword; it is ignored"
    case ignored = "ignored"
    case definitions = "`definitions` is the draft-07 name; draft 2020-12 uses `$defs` (`$ref`s by JSON Pointer still reach it, but `$id`/`$anchor` inside it are not found)"
    case dependencies = "`dependencies` was split in draft 2019-09 into `dependentRequired` and `dependentSchemas`"
    case additionalItems = "`additionalItems` is gone in draft 2020-12: use `prefixItems` for the leading items and `items` for the rest"
    case recursiveRef = "`$recursiveRef` is draft 2019-09; draft 2020-12 has `$dynamicRef`, which planlint does not implement"
    case recursiveAnchor = "`$recursiveAnchor` is draft 2019-09; draft 2020-12 has `$dynamicAnchor`"
    case id = "`id` is the draft-04 name; draft 2020-12 uses `$id`"
    case unknownKeyword = "unknown keyword `{keyword}`; it is ignored"
    case notAKeyword = "not a JSON Schema keyword"
    case vendorExtensionHelp = "vendor extensions are written `x-…`; they are ignored without a warning"
    case containsBoundsAlone = "`minContains`/`maxContains` have no effect without `contains`"
    case unknownType = "`type` must name a JSON type (null, boolean, object, array, number, string, integer), found {found}"
    case unknownTypeLabel = "unknown type"
    case jsonSchemaCallsIt = "JSON Schema calls it `{type}`"
    case listsTwice = "`{keyword}` lists `{name}` twice"
    case listHelp = "write `{keyword}: [{value}]`"

    // Regular expressions.
    case invalidRegex = "invalid regular expression: {detail}"
    case unsupportedRegex = "regular expression uses syntax planlint does not support: {detail}"
    case regexTooComplex = "regular expression is too complex: {detail}"
    case invalidHere = "invalid here"
    case regexNote = "planlint matches patterns with a linear-time engine; see Docs/schemas.md for the supported syntax"

    // `$ref`.
    case refHoldsNoSchema = "`$ref: {ref}` names {path}, which holds no schema"
    case refNamesNoSchema = "`$ref: {ref}` names no schema"
    case unresolved = "unresolved"
    case refNoToken = "`$ref: {ref}`: {place} has no `{token}`"
    case refNoAnchor = "`$ref: {ref}`: no `$anchor: {fragment}` in {place}"
    case refNotASchema = "`$ref: {ref}` points at {found}, not a schema"
    case refOutsideRoot = "`$ref: {ref}` names {path}, outside the allowed directory {root}"
    case outsideDirectory = "outside the allowed directory"
    case refOutsideRootNote = "schemas may refer only to files inside the project, so a schema cannot make planlint read arbitrary files"
    case refUnreadable = "`$ref: {ref}`: cannot read {path}: {reason}"
    case refRemote = "`$ref: {ref}` names a remote schema ({uri}); planlint never fetches schemas from the network"
    case notFetched = "not fetched"
    case refRemoteHelp = "keep a copy of the schema in the project and refer to it by a relative path"
    case refScheme = "`$ref: {ref}`: cannot load {uri} (only local files are read)"
    case refCycle = "`{keyword}` leads back to a schema already being applied to the same value, without descending into the data"
    case loopsBack = "loops back to {pointer}"
    case theCycle = "the cycle: {path}"
    case refCycleNote = "validating would never finish; planlint stops at the repeat"

    // Loading.
    case noSuchSchema = "there is no schema {uri}"
    case schemaOutsideRoot = "the schema {path} is outside the allowed directory {root}"
    case schemaOutsideRootNote = "schemas are read only from inside the project"
    case cannotRead = "cannot read the schema {path}: {reason}"
    case noSuchFile = "no such file"
    case isADirectory = "it is a directory"
    case outsideFolder = "{path} is outside the allowed folder {root}"
    case isRemote = "{uri} is remote, and planlint never fetches"
    case otherScheme = "{uri} uses a scheme planlint does not read"
    case remoteModeline = "remote schemas are not fetched: {url}"
    case remoteModelineNote = "planlint never reads from the network, so this file is not checked against a schema"
    case remoteModelineHelp = "keep a copy of the schema in the project and name it by a relative path, or map this file to a schema in .planlint.yaml (`schemas:`)"
}

/// What a keyword's value must be (`SchemaFileMessage.invalidValue`).
package enum SchemaKeywordForm: String, MessageCatalogue {
    case uriString = "a URI string"
    case name = "a name"
    case uriReference = "a URI reference string"
    case string = "a string"
    case boolean = "true or false"
    case list = "a list"
    case schema = "a schema (a mapping or true/false)"
    case allowedValues = "a list of allowed values"
    case number = "a number"
    case regex = "a regular expression string"
    case formatName = "a format name"
    case regexMap = "a mapping of regular expressions to schemas"
    case dependentMap = "a mapping of property names to lists of names"
    case schemaList = "a list of schemas"
    case schemaMap = "a mapping of names to schemas"
    case finiteNumber = "a finite number"
    case count = "a non-negative integer"
    case propertyNames = "a list of property names"
    case propertyName = "a property name (a string)"
}
