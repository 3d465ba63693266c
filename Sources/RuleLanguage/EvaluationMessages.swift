import Diagnostics

/// The messages of evaluating an expression over the data (`EvaluationError`): the
/// interpreter and the built-in functions.
package enum EvaluationMessage: String, MessageCatalogue {
    case internalError = "internal error: {error}"
    case budgetExceeded = "evaluation took more than {limit} steps, the rule's cost budget"
    case budgetHelp = "a comprehension inside a comprehension over a large list is quadratic: compute the inner part once in a `let`, or raise the rule's cost budget"
    case stoppedWhile = "stopped while evaluating `{expression}`"
    case typeMismatch = "expected {expected}, but `{expression}` is {actual}"
    case resultOutOfRange = "the result of `{expression}` is outside the exact range (38 significant digits)"
    case divisionByZero = "division by zero in `{expression}`"
    case unboundedQuotient = "cannot divide by {divisor}: its interval contains or comes arbitrarily close to zero, so the quotient is unbounded"
    case checkTheDivisor = "check that the divisor is not 0 or ＊ first, e.g. `x > 0 ? a / x : …`"
    case numberOutOfRange = "the number {text} is outside the exact range (38 significant digits)"
    case notFinite = "`{expression}` is {text}, which is not a finite number"
    case looksLikeANumber = "the text looks like a number: convert it with number(…)"
    case declareTheSymbol = "if '{text}' is a table symbol, declare what it means in the symbol table (＊ means 0–1 by default)"
    case needsANumber = "{what} needs a number, but `{expression}` is null"
    case testForNull = "test for it first, e.g. `x != null && …`"
    case convertWithString = "convert it with string(…)"
    case notWhole = "{what} must be a whole number, but `{expression}` is {value}"
    case readFromEveryElement = "to read `{name}` from every element, write `{target}.map(x, x.{name})`; for one element, index it: `[0]`"
    case testForNullOrHas = "test for it first: `has(…)` or `x != null && …`"
    case cannotRead = "cannot read `.{name}`: `{target}` is {actual}, not a map"
    case keysHere = "keys here: {keys}"
    case noKey = "no key `{name}` in `{target}`"
    case useHasOrGet = "use has({target}.{name}) to test for an optional key, or get(x, '{name}', default)"
    case indexOutOfRangeOne = "index {index} is out of range: `{target}` has 1 element"
    case indexOutOfRange = "index {index} is out of range: `{target}` has {count} elements"
    case listIsEmpty = "the list is empty"
    case indexesRun = "indexes run from 0 to {last}"
    case plusNull = "`+` needs two numbers, strings or lists, but `{expression}` is null"
    case joinOrAdd = "convert with string(…) to join text, or number(…) to add"
    case needsExactValue = "{what} needs an exact value, but `{expression}` is only known to lie in {interval}"
    case useLowerOrUpper = "use lower(…) or upper(…) to pick an end of the interval"
    case nestedTooDeep = "values nested more than 64 levels deep cannot be compared"
    case cannotDecide = "cannot decide `{expression}` exactly: {left} against {right}"
    case symbolHasNoValue = "a symbol such as ＊ has no exact value: compare within rounding with `~=`, or compare an end with lower(…)/upper(…)"
    case cannotCompareNull = "cannot compare: `{expression}` is null"
    // The built-in functions.
    case invalidPattern = "invalid pattern '{pattern}': {problem}"
    case notAWholeNumberText = "`{expression}` is '{text}', which is not a whole number"
    case intHelp = "int() reads digits with an optional sign, e.g. '102' or '１０２'"
    case notANumberText = "`{expression}` is '{text}', which is not a number"
    case numberHelp = "number() reads digits (full-width too), `,` separators, a decimal point and an optional trailing %"
    case ofAnEmptyList = "{name} of an empty list"
    case checkSizeFirst = "check first: `size(x) > 0 && …`"
    case notIntervalEnds = "`{expression}` is '{text}', which is not '[]', '[)', '(]' or '()'"
    case emptyInterval = "the interval from {low} to {high} with ends '{ends}' is empty"
    case lowerBoundFirst = "give the lower bound first"
    case precisionOutOfRange = "a precision of {precision} decimals is outside -38…38"
    case moreDigitsThanPrecisionOne = "`{expression}` is {value}, which has more digits than a precision of 1 decimal allows"
    case moreDigitsThanPrecision = "`{expression}` is {value}, which has more digits than a precision of {precision} decimals allows"
    case moreDigitsHelp = "a value printed to that precision has at most {decimals} decimals; check the value or the declared precision"
    case bothBounds = "the bounds of {what} give both `{closed}` and `{open}`"
    case keepOneBound = "`{closed}` includes the bound, `{open}` excludes it: keep one"
    case nothingBetween = "the bounds of {what} leave nothing between them"
    case lowerBelowUpper = "the lower bound (`min`/`above`) must be below the upper one (`max`/`below`)"
    case neitherNumberNorSymbol = "`{expression}` is '{text}', which is neither a number nor a symbol the declaration defines"
    case declareSymbolMeaning = "declare what the symbol means under `symbols:`, e.g. `＊: {above: 0, below: 1}`"
    case declaredSymbolsAre = "the declared symbols are {symbols}"
    case symbolWithoutAmount = "the symbol '{text}' is declared without an amount (no `min`, `above`, `max`, `below` or `none`)"
    case declareItsInterval = "declare its interval, e.g. `{means: 百万円未満, above: 0, below: 1}`, or `none: true`"
    case replaceNeedsText = "replace needs a text to look for, but `{expression}` is empty"
    case positionOutsideOne = "position {position} is outside the string: it has 1 character"
    case positionOutside = "position {position} is outside the string: it has {count} characters"
    case positionsRun = "positions run from 0 to {count} (or -{count} to -1 from the end)"
    case substringBackwards = "the substring would start at {start}, after its end at {end}"
    case useANormalizationForm = "use 'NFKC', 'NFC', 'NFKD' or 'NFD'"
}

/// Phrases evaluation errors put in: what a value was expected to be (`expected {expected}`),
/// what it was needed for (`{what} needs a number`), and what it was (`{actual}`).
package enum EvaluationPhrase: String, MessageCatalogue {
    // What a value is: `describe`.
    case null = "null"
    case theString = "the string '{text}'"
    case theValue = "the {type} {value}"
    // What was expected.
    case trueOrFalse = "a bool (true or false)"
    case stringFor = "a string for {what}"
    case listFor = "a list for {what}"
    case mapFor = "a map for {what}"
    case stringAsMapKey = "a string as a map key"
    case numberToIndexAList = "a number to index a list"
    case listOrMapToIndex = "a list or a map to index"
    case numberOrStringToCompare = "a number or a string to compare"
    case stringToCompareWith = "a string to compare with {value}"
    case listOrMapAfterIn = "a list or a map after `in`"
    case listOrMapForMacro = "a list or a map for `{macro}`"
    case groupByKey = "a string or a number as the key of `groupBy`"
    case sizeArgument = "a string, list or map for size"
    case countArgument = "a list or map for count"
    case getArgument = "a map or a list for get"
    case wholeYear = "a whole year"
    case boundsOrTwoNumbers = "a mapping of bounds (`min`, `above`, `max`, `below`) or two numbers"
    case declaration = "a declaration (a mapping with `rounding`, `precision`, `symbols`)"
    case printedAmount = "a printed amount (a number or a declared symbol)"
    // What a value was needed for.
    case aListIndex = "a list index"
    case aMapKey = "a map key"
    case anIndex = "an index"
    case aKey = "a key"
    case keyLookupWithIn = "a key lookup with `in`"
    case theSeparator = "the separator"
    case thePattern = "the pattern"
    case theTextToReplace = "the text to replace"
    case theReplacement = "the replacement"
    case aPosition = "a position"
    case aNormalizationForm = "a normalization form"
    case aRoundingMode = "a rounding mode"
    case aPrecision = "a precision"
    case aBound = "a bound"
    case aDepth = "a depth"
    case theEndsOfAnInterval = "the ends of an interval"
    case theKeyOfDescendants = "the key of descendants"
    case theSymbol = "the symbol '{text}'"
    /// An operator, as written.
    case `operator` = "`{operator}`"
}

/// What a value is needed for, in an evaluation error: a function by its name (`abs`), an
/// operator, or a phrase. Cheap to pass on the hot path: the text is built only for an error.
enum Purpose: ExpressibleByStringLiteral, Sendable {
    case name(String)
    case `operator`(String)
    case phrase(EvaluationPhrase)
    /// `the symbol '＊'`.
    case symbol(String)

    init(stringLiteral value: String) { self = .name(value) }

    /// The text, in the current language.
    var text: String {
        switch self {
        case .name(let n): n
        case .operator(let o): EvaluationPhrase.operator(["operator": o])
        case .phrase(let p): p()
        case .symbol(let s): EvaluationPhrase.theSymbol(["text": s])
        }
    }
}

/// The messages of reading a fiscal year (`fiscalYear(…)`, code `invalid-fiscal-year`).
package enum FiscalYearMessage: String, MessageCatalogue {
    case howToWrite = "write the year as 平成27年度, H27, 令和元年度, R2 or 2015 (full-width digits and kanji numerals are fine)"
    case eraYearWithoutEra = "{year} is not a Western year; an era year needs its era"
    case writeWithEra = "write H{year} or 平成{year}年度 (or R{year}, 令和{year}年度)"
    case outsideRange = "{year} is outside the fiscal years planlint reads ({first}–{last})"
    case numberWithoutEra = "'{text}' has the number {year} but no era"
    case writeWithEraOrWestern = "write H{year} or 平成{year}年度 (or R{year}, 令和{year}年度), or the Western year"
    case cannotRead = "cannot read a fiscal year from '{text}'"
    case noSuchMonth = "'{text}' has no month {month}: months run from 1 to 12"
    case noSuchDay = "'{text}' has no day {day} in month {month}: it has {days} days"
    case eraWithoutYear = "'{text}' names the era {era} but no year"
    case writeYearAfterEra = "write the year after the era: {era}27年度 or {era}元年度"
    case noYearZero = "{era} has no year 0: its first year is 元年 (1)"
    case eraEnded = "{era} ended in its {ordinal} year ({western}); {era}{year} does not exist"
    case yearAfter = "the year after {era}{last} is {next} ({western})"
    case inconsistent = "'{text}' is inconsistent: {era}{year} is {western}, but the parentheses say {written}"
    case eraBegan = "{era} began on {date}: {written} never existed"
    case eraEndedOn = "{era} ended on {date}: {written} never existed"
    case thatDateIs = "that date is {date}"
    case checkEraAndYear = "check the era and the year"
    /// A day of the Western calendar: `8 January 1989`.
    case date = "{day} {month} {year}"
    case ordinalFirst = "{n}st"
    case ordinalSecond = "{n}nd"
    case ordinalThird = "{n}rd"
    case ordinalNth = "{n}th"
}

/// The months of the Western calendar, for `FiscalYearMessage.date`.
package enum MonthName: String, MessageCatalogue {
    case january = "January", february = "February", march = "March", april = "April", may = "May", june = "June"
    case july = "July", august = "August", september = "September", october = "October", november = "November", december = "December"
}
