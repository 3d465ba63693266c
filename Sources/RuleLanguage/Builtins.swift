/// The built-in functions. Any function may also be called on its first argument
/// (`s.startsWith('※')` is `startsWith(s, '※')`).
enum Builtin: String, Sendable, CaseIterable {
    case size, count, sum, min, max, abs, round
    case keys, values, unique, duplicates, flatten, join, get
    case matches, startsWith, endsWith, contains
    case int, string, number, type
    case fiscalYear, exact, rounded, lower, upper
}

/// Comprehension macros: `target.all(x, predicate)` etc. Their variable is bound per element.
enum MacroKind: String, Sendable, CaseIterable {
    case all, exists, exists_one, filter, map, count
}

/// A set of static types an argument may have (`dyn` always passes).
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1)
    static let bool = TypeSet(rawValue: 2)
    static let number = TypeSet(rawValue: 4)
    static let string = TypeSet(rawValue: 8)
    static let list = TypeSet(rawValue: 16)
    static let map = TypeSet(rawValue: 32)
    static let any: TypeSet = [.null, .bool, .number, .string, .list, .map]

    func admits(_ t: ValueType) -> Bool {
        switch t {
        case .dyn: true
        case .null: contains(TypeSet.null)
        case .bool: contains(TypeSet.bool)
        case .number: contains(TypeSet.number)
        case .string: contains(TypeSet.string)
        case .list: contains(TypeSet.list)
        case .map: contains(TypeSet.map)
        }
    }

    /// "a string, list or map"
    var phrase: String {
        var names: [String] = []
        if contains(TypeSet.null) { names.append("null") }
        if contains(TypeSet.bool) { names.append("bool") }
        if contains(TypeSet.number) { names.append("number") }
        if contains(TypeSet.string) { names.append("string") }
        if contains(TypeSet.list) { names.append("list") }
        if contains(TypeSet.map) { names.append("map") }
        if self == .any { return "any value" }
        if names.count == 1 { return "a \(names[0])" }
        return "a " + names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}

struct BuiltinSignature: Sendable {
    let minArgs: Int
    /// nil: any number.
    let maxArgs: Int?
    let params: [TypeSet]
    /// Type of arguments past `params` (variadic `min`/`max`).
    let rest: TypeSet
    let result: ValueType
}

extension Builtin {
    var signature: BuiltinSignature {
        switch self {
        case .size: BuiltinSignature(minArgs: 1, maxArgs: 1, params: [[.string, .list, .map]], rest: [], result: .number)
        case .count: BuiltinSignature(minArgs: 1, maxArgs: 1, params: [[.list, .map]], rest: [], result: .number)
        case .sum: BuiltinSignature(minArgs: 1, maxArgs: 1, params: [.list], rest: [], result: .number)
        case .min, .max: BuiltinSignature(minArgs: 1, maxArgs: nil, params: [[.list, .number, .string]], rest: [.number, .string], result: .dyn)
        case .abs: BuiltinSignature(minArgs: 1, maxArgs: 1, params: [.number], rest: [], result: .number)
        case .round: BuiltinSignature(minArgs: 1, maxArgs: 2, params: [.number, .number], rest: [], result: .number)
        case .keys, .values: BuiltinSignature(minArgs: 1, maxArgs: 1, params: [.map], rest: [], result: .list)
        case .unique, .duplicates, .flatten: BuiltinSignature(minArgs: 1, maxArgs: 1, params: [.list], rest: [], result: .list)
        case .join: BuiltinSignature(minArgs: 1, maxArgs: 2, params: [.list, .string], rest: [], result: .string)
        case .get: BuiltinSignature(minArgs: 3, maxArgs: 3, params: [[.map, .list, .null], [.string, .number], .any], rest: [], result: .dyn)
        case .matches, .startsWith, .endsWith: BuiltinSignature(minArgs: 2, maxArgs: 2, params: [.string, .string], rest: [], result: .bool)
        case .contains: BuiltinSignature(minArgs: 2, maxArgs: 2, params: [[.string, .list], .any], rest: [], result: .bool)
        case .int, .number: BuiltinSignature(minArgs: 1, maxArgs: 1, params: [[.number, .string]], rest: [], result: .number)
        case .string, .type: BuiltinSignature(minArgs: 1, maxArgs: 1, params: [.any], rest: [], result: .string)
        case .fiscalYear: BuiltinSignature(minArgs: 1, maxArgs: 1, params: [[.number, .string]], rest: [], result: .number)
        case .exact, .rounded, .lower, .upper: BuiltinSignature(minArgs: 1, maxArgs: 1, params: [.number], rest: [], result: .number)
        }
    }
}

/// Other names people reach for, and what planlint calls them.
let functionAliases: [String: String] = [
    "len": "size", "length": "size", "every": "all", "any": "exists", "some": "exists",
    "includes": "contains", "regex": "matches", "match": "matches", "test": "matches",
    "starts_with": "startsWith", "ends_with": "endsWith", "startswith": "startsWith", "endswith": "endsWith",
    "distinct": "unique", "dedup": "unique", "total": "sum", "str": "string", "toString": "string",
    "float": "number", "double": "number", "decimal": "number", "fy": "fiscalYear", "fiscal_year": "fiscalYear",
    "nendo": "fiscalYear", "exists_one": "exists_one", "one": "exists_one", "select": "filter", "where": "filter",
]

enum Builtins {
    static let catalog: [FunctionInfo] = [
        FunctionInfo(name: "size", signatures: ["size(string | list | map) -> number", "x.size() -> number"],
                     summary: "Number of characters (Unicode scalars) of a string, elements of a list, entries of a map.",
                     example: "size(self.items) == self.stated_projects"),
        FunctionInfo(name: "count", signatures: ["count(list | map) -> number", "list.count(x, predicate) -> number"],
                     summary: "Without a predicate, like size; with one (a macro), the number of elements for which it holds.",
                     example: "projects.count(p, p.mark == '◎') == self.counts['◎']"),
        FunctionInfo(name: "has", signatures: ["has(x.field) -> bool", "has(x['key']) -> bool"],
                     summary: "Whether the map or mapping node has the key; never an error for a missing key.",
                     example: "!has(self.note) || self.note.startsWith('※')"),
        FunctionInfo(name: "all", signatures: ["list.all(x, predicate) -> bool", "list.all(i, x, predicate) -> bool", "map.all(k, predicate)", "map.all(k, v, predicate)"],
                     summary: "Whether the predicate holds for every element (true for an empty list). Stops at the first false.",
                     example: "self.years.all(y, y.count >= 0)"),
        FunctionInfo(name: "exists", signatures: ["list.exists(x, predicate) -> bool", "list.exists(i, x, predicate) -> bool"],
                     summary: "Whether the predicate holds for at least one element. Stops at the first true.",
                     example: "self.projects.exists(p, p.mark == '×')"),
        FunctionInfo(name: "exists_one", signatures: ["list.exists_one(x, predicate) -> bool"],
                     summary: "Whether the predicate holds for exactly one element.",
                     example: "root.evaluation.tally.exists_one(t, t.category == '合計')"),
        FunctionInfo(name: "filter", signatures: ["list.filter(x, predicate) -> list", "map.filter(k, predicate) -> list of keys"],
                     summary: "The elements for which the predicate holds, in order (document nodes stay nodes).",
                     example: "self.projects.filter(p, p.end < 2016)"),
        FunctionInfo(name: "map", signatures: ["list.map(x, expr) -> list", "list.map(x, predicate, expr) -> list", "list.map(i, x, expr) -> list"],
                     summary: "The expression for each element (with a predicate: for each element where it holds).",
                     example: "self.rows.map(r, r.years[0].budget)"),
        FunctionInfo(name: "sum", signatures: ["sum(list) -> number", "list.sum() -> number"],
                     summary: "The sum of the numbers; intervals add up (n rounded values give an interval n half-units wide). Nulls are skipped. Empty: 0.",
                     example: "sum(self.rows.map(r, r.years[0].budget)) ~= self.total.years[0].budget"),
        FunctionInfo(name: "min", signatures: ["min(list) -> number | string", "min(a, b, ...) -> number | string"],
                     summary: "The smallest element (exact comparison). Empty list: an error.",
                     example: "min(self.fiscal_years) == root.plan.period.start"),
        FunctionInfo(name: "max", signatures: ["max(list) -> number | string", "max(a, b, ...) -> number | string"],
                     summary: "The largest element (exact comparison). Empty list: an error.",
                     example: "max(self.fiscal_years) == root.plan.period.end"),
        FunctionInfo(name: "abs", signatures: ["abs(number) -> number"],
                     summary: "The absolute value (of the value and of the interval).",
                     example: "abs(self.budget - self.actual) <= 10"),
        FunctionInfo(name: "round", signatures: ["round(number) -> number", "round(number, digits) -> number"],
                     summary: "Rounds half away from zero to `digits` after the point (0 by default), as printed tables do; the result is exact.",
                     example: "round(self.actual / self.budget * 100, 1) == 90.6"),
        FunctionInfo(name: "keys", signatures: ["keys(map) -> list"],
                     summary: "The keys, in document order (key nodes for a mapping node).",
                     example: "keys(self.counts) == keys(root.evaluation.legend)"),
        FunctionInfo(name: "values", signatures: ["values(map) -> list"],
                     summary: "The values, in document order.",
                     example: "sum(values(self.counts)) == self.total"),
        FunctionInfo(name: "unique", signatures: ["unique(list) -> list"],
                     summary: "The elements without repeats (first occurrence kept). Linear: hashes.",
                     example: "size(unique(self.fiscal_years)) == size(self.fiscal_years)"),
        FunctionInfo(name: "duplicates", signatures: ["duplicates(list) -> list"],
                     summary: "Each element equal to an earlier one, in order (the repeats, to blame). Linear: hashes.",
                     example: "duplicates(self.items.map(i, i.number)) == []"),
        FunctionInfo(name: "flatten", signatures: ["flatten(list) -> list"],
                     summary: "Joins a list of lists one level deep (non-list elements are kept).",
                     example: "size(flatten(root.fields.map(f, f.items))) == root.stated_counts.items"),
        FunctionInfo(name: "join", signatures: ["join(list) -> string", "join(list, separator) -> string"],
                     summary: "The elements as text, joined (by `, ` by default). For messages.",
                     example: "join(duplicates(names), '、')"),
        FunctionInfo(name: "get", signatures: ["get(map | list, key | index, default) -> value"],
                     summary: "The value under the key or index, or `default` when it is missing (or the container is null).",
                     example: "get(self, 'note', '') == ''"),
        FunctionInfo(name: "matches", signatures: ["matches(string, pattern) -> bool", "s.matches(pattern) -> bool"],
                     summary: "Whether the pattern matches anywhere in the string (anchor with ^ $). Linear-time engine; see the regex subset.",
                     example: "self.note.matches(r'^※(平成|H)[0-9０-９]+年度')"),
        FunctionInfo(name: "startsWith", signatures: ["startsWith(string, prefix) -> bool", "s.startsWith(prefix) -> bool"],
                     summary: "Whether the string starts with the prefix.",
                     example: "self.note.startsWith('※')"),
        FunctionInfo(name: "endsWith", signatures: ["endsWith(string, suffix) -> bool", "s.endsWith(suffix) -> bool"],
                     summary: "Whether the string ends with the suffix.",
                     example: "self.note.endsWith('で終了')"),
        FunctionInfo(name: "contains", signatures: ["contains(string, part) -> bool", "contains(list, element) -> bool"],
                     summary: "Whether the string contains the part, or the list the element (like `in`).",
                     example: "self.note.contains('終了')"),
        FunctionInfo(name: "int", signatures: ["int(number | string) -> number"],
                     summary: "The whole number: a number's value truncated toward zero; a string of digits (full-width too) read exactly.",
                     example: "int('１０２') == 102"),
        FunctionInfo(name: "number", signatures: ["number(number | string) -> number"],
                     summary: "A string read as a number (full-width digits, `,` separators, a trailing `%` allowed); from the document it is rounded to its written digits.",
                     example: "number('７，１９９') == 7199"),
        FunctionInfo(name: "string", signatures: ["string(value) -> string"],
                     summary: "The value as text (numbers as written).",
                     example: "string(self.fy) + '年度'"),
        FunctionInfo(name: "type", signatures: ["type(value) -> string"],
                     summary: "The value's type name: null, bool, number, string, list or map.",
                     example: "type(self.budget) == 'number'"),
        FunctionInfo(name: "fiscalYear", signatures: ["fiscalYear(string | number) -> number"],
                     summary: "The Western fiscal year of 平成２７年度, H27, 令和元年度, R2, 2015年度, or the first era year in a note.",
                     example: "fiscalYear(self.note) == self.end"),
        FunctionInfo(name: "exact", signatures: ["exact(number) -> number"],
                     summary: "A document number taken at face value (no rounding interval).",
                     example: "exact(self.count) ~= 3"),
        FunctionInfo(name: "rounded", signatures: ["rounded(number) -> number"],
                     summary: "The number with the rounding interval of its written digits: rounded(90.6) is 90.6 (90.55–90.65).",
                     example: "rounded(self.percent) ~= 90.63"),
        FunctionInfo(name: "lower", signatures: ["lower(number) -> number"],
                     summary: "The lower end of the number's interval, exact.",
                     example: "lower(sum(budgets)) <= self.total"),
        FunctionInfo(name: "upper", signatures: ["upper(number) -> number"],
                     summary: "The upper end of the number's interval, exact.",
                     example: "upper(sum(budgets)) >= self.total"),
    ]
}
