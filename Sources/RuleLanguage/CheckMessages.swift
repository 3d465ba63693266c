import Diagnostics

/// The names of the expression language's types in messages, without an article: `number`
/// (what `type(x)` returns, in English).
package enum TypeNoun: String, MessageCatalogue {
    case dyn, null, bool, number, string, list, map

    /// The noun of a static type.
    static func of(_ t: ValueType) -> TypeNoun {
        switch t {
        case .dyn: .dyn
        case .null: .null
        case .bool: .bool
        case .number: .number
        case .string: .string
        case .list: .list
        case .map: .map
        }
    }
}

/// Phrases built from type names: `a number`, `a string, list or map`.
package enum TypePhrase: String, MessageCatalogue {
    case a = "a {type}"
    case alternatives = "a {types} or {last}"
    /// Between the names of `alternatives`' `{types}`.
    case separator = ", "
    case anyValue = "any value"
    /// What a list whose items have a known shape is called (`a list of #/$defs/row`).
    case listOf = "a list of {item}"
    /// Two operand types and the operator between them (a label).
    case operands = "{left} {operator} {right}"
}

extension ValueType {
    /// "a number", in the current language.
    package var phrase: String { TypePhrase.a(["type": TypeNoun.of(self)()]) }
    /// "number", in the current language.
    package var noun: String { TypeNoun.of(self)() }
}

/// How many arguments: `1 argument`, `2 to 3 arguments`, `1 was given`.
package enum ArityPhrase: String, MessageCatalogue {
    case one = "1 argument"
    case count = "{count} arguments"
    case orMore = "{min} or {max} arguments"
    case range = "{min} to {max} arguments"
    case atLeastOne = "at least 1 argument"
    case atLeast = "at least {count} arguments"
    case oneGiven = "1 was given"
    case given = "{count} were given"

    /// "1 argument", "2 arguments".
    static func arguments(_ n: Int) -> String { n == 1 ? Self.one() : Self.count(["count": n]) }
    /// "1 was given", "2 were given".
    static func wereGiven(_ n: Int) -> String { n == 1 ? Self.oneGiven() : Self.given(["count": n]) }
}

/// The messages of checking an expression before it runs: names, types, calls (codes
/// `unknown-identifier`, `unknown-function`, `wrong-arity`, `type-mismatch`, `invalid-macro`,
/// `duplicate-map-key`, `unknown-field`).
package enum CheckMessage: String, MessageCatalogue {
    case expectedExpression = "expected {expected} expression, but this is {actual}"
    case conditionHelp = "a condition must be true or false, e.g. `x > 0` or `has(x.y)`"
    case mapKeysAreStrings = "map keys must be strings, but this is {actual}"
    case quoteIt = "quote it: '…'"
    case keyTwice = "the key '{key}' appears twice in this map"
    case repeatedKey = "repeated key"
    case noFields = "{type} has no fields"
    case fieldOn = "`.{name}` on {type}"
    case listIndexedByNumber = "a list is indexed by a number, but this is {actual}"
    case mapIndexedByString = "a map is indexed by a string, but this is {actual}"
    case indexNumberOrString = "an index must be a number or a string, but this is {actual}"
    case cannotBeIndexed = "{type} cannot be indexed"
    case notNeedsBool = "`!` needs a bool, but this is {actual}"
    case negateNeedsNumber = "`-` needs a number, but this is {actual}"
    case conditionalNeedsBool = "the condition of `? :` must be a bool, but this is {actual}"
    case noParameters = "the rule declares no parameters, so `params.{name}` does not exist"
    case noSuchParameter = "the rule declares no parameter `{name}`"
    case notAParameter = "not a parameter of this rule"
    case declareParameter = "declare it under the rule's `params:`, with a type and a default"
    case parametersAre = "the rule's parameters: {names}"
    case noSuchField = "the schema allows no field `{name}` in {place}"
    case notInTheSchema = "not in the schema"
    case useHasForOptional = "use has(…) for a field that may be absent"
    case itsFields = "its fields: {names}"
    case operandLeft = "`{operator}` needs {allowed}, but the left operand is {actual}"
    case operandRight = "`{operator}` needs {allowed}, but the right operand is {actual}"
    case bools = "bools"
    case numbers = "numbers"
    case numbersStringsOrLists = "numbers, strings or lists"
    case numbersOrStrings = "numbers or strings"
    case cannotAdd = "cannot add {right} to {left}"
    case joinWithString = "convert with string(…) to join text"
    case neverEqual = "{left} is never equal to {right}"
    case convertOneSide = "convert one side with number(…) or string(…)"
    case cannotOrder = "cannot order {left} against {right}"
    case inNeedsContainer = "`in` needs a list or a map on the right, but this is {actual}"
    case useContains = "to look for text inside a string, use contains(s, part)"
    case macroNeedsList = "`{name}` is a macro called on a list: write `list.{name}(x, …)`"
    case needsAListBefore = "needs a list before it"
    case macroExample = "e.g. `self.projects.{name}(p, …)`"
    case takes = "`{name}` takes {expected}, but {given}"
    case takesCountingReceiver = "`{name}` takes {expected}, but {given} (counting the value before the `.`)"
    case extraArgument = "extra argument"
    case missingArgument = "missing argument"
    case useForms = "use {forms}"
    case usePackFunction = "use {signature}, a function of the rule pack"
    case needsAs = "`{name}` needs {allowed} as {whose}, but this is {actual}"
    case theValueBefore = "the value before `.{name}`"
    case argumentNumber = "argument {number}"
    case hasTakesOneField = "`has` takes one field, as in has(self.note)"
    case notASingleField = "not a single field"
    case hasNeedsMap = "`has` tests a field of a map, but this is {actual}"
    case hasNeedsKey = "`has` needs a key (string) or an index (number), but this is {actual}"
    case hasTakesAField = "`has` takes a field, as in has(self.note)"
    case notAField = "not a field"
    case writeHas = "write has(x.key) or has(x['key'])"
    case macroNeedsContainer = "`{macro}` works on a list or a map, but this is {actual}"
    case takesVariableAndKey = "`{macro}` takes a variable and the key of each element"
    case keyExample = "e.g. list.{macro}(p, p.number)"
    case mapTakes = "`map` takes a variable and an expression, or a variable, a condition and an expression"
    case mapExample = "e.g. list.map(x, x.budget) or list.map(x, x.count > 0, x.budget)"
    case takesVariableAndCondition = "`{macro}` takes a variable and a condition"
    case conditionExample = "e.g. list.{macro}(x, x > 0), or list.{macro}(i, x, …) for the index too"
    case firstArgumentVariable = "the first argument of `{macro}` must name a variable"
    case firstArgumentsVariables = "the first arguments of `{macro}` must name a variable"
    case notAName = "not a name"
    case bindsEachElement = "e.g. list.{macro}(x, …) binds each element to x"
    case alreadyAVariable = "`{name}` is already a variable here"
    case alreadyBound = "already bound"
    case pickAnotherName = "pick another name for the element, e.g. `{name}2`"
    case mapConditionBool = "the condition of `map` must be a bool, but this is {actual}"
    case groupByKey = "the key of `groupBy` must be a string or a number, but this is {actual}"
    case sortByKey = "the key of `sortBy` must be a number or a string, but this is {actual}"
    case macroConditionBool = "the condition of `{macro}` must be a bool, but this is {actual}"
    case functionNotVariable = "`{name}` is a function, not a variable"
    case notAVariable = "not a variable"
    case callOnAList = "call it on a list: list.{name}(x, …)"
    case callIt = "call it: {name}(…)"
    case unknownName = "unknown name `{name}`"
    case notDefined = "not defined"
    case notVisibleHere = "not visible here"
    case namesAvailable = "names available here: {names}"
    case unknownFunction = "unknown function `{name}`"
    case notAFunction = "not a function"
    case seeFunctions = "see Docs/rules-language.md for the functions"
    case isMacroWrite = "`{name}` is a macro: write `{target}.{name}(x, …)`"
    case isFunctionWrite = "`{name}` is a function: write `{name}({target})` (or `{target}.{name}()`)"
    // Names a rule may not take (Scope).
    case constantOfPack = "`{name}` is a constant of the rule pack"
    case functionOfPack = "`{name}` is a function of the rule pack"
    case invalidName = "`{name}` is not a valid name: use ASCII letters, digits and `_`, not starting with a digit"
    case reservedName = "`{name}` is a reserved word"
    // The checks of some functions (`refine`).
    case extremeOfOne = "`{name}` of one value needs a list, but this is {actual}"
    case extremeHelp = "pass a list, or two or more values: {name}(a, b)"
    case invalidPattern = "invalid pattern: {problem}"
    case notANormalizationForm = "'{form}' is not a normalization form"
    case notNFC = "not NFC, NFD, NFKC or NFKD"
    case didYouMeanQuoted = "did you mean '{name}'?"
    case intervalOfOne = "`interval` of one value needs a mapping of bounds, e.g. interval({min: 80, below: 100})"
    case oneNumber = "one number"
    case giveBothEnds = "or give both ends: interval(80, 100, '[)')"
    case intervalTakes = "`interval` takes either a mapping of bounds or two numbers"
    case notIntervalEnds = "'{text}' is not a kind of interval ends"
    case notIntervalEndsLabel = "not '[]', '[)', '(]' or '()'"
    case intervalEndsHelp = "'[)' includes the lower end and excludes the upper one"
    case notARoundingMode = "not a rounding mode"
    case readingNotRounding = "'{mode}' describes how a value was printed, but is not a way to round one"
    case notARoundingModeMessage = "'{text}' is not a rounding mode"
    case theModesAre = "the modes are {modes}"
    case didYouMeanMode = "did you mean '{name}'? ({modes})"
}
