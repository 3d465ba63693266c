import LinearRegex
import SourceText

// How a built-in function is declared, and what reads the declaration. The declarations
// themselves are in Builtins.swift, one entry per function: adding a function touches that
// file (and its tests), nothing else.
//
//   - the checker (`Checker.checkCall`) finds the function by name, checks the arguments
//     against `signature` and lets `refine` look at the call;
//   - the interpreter calls `implementation` with the evaluated arguments;
//   - `Expression.functions` (documentation, completion, hover) and the generated table of
//     Docs/rules-language.md read `forms`, `summary`, `cost` and `example`;
//   - "did you mean" offers the names and reads `aliases`.

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

    /// "a string, list or map", in the current language.
    var phrase: String {
        if self == .any { return TypePhrase.anyValue() }
        let all: [(TypeSet, TypeNoun)] = [(.null, .null), (.bool, .bool), (.number, .number), (.string, .string), (.list, .list), (.map, .map)]
        let names = all.filter { contains($0.0) }.map { $0.1() }
        if names.count == 1 { return TypePhrase.a(["type": names[0]]) }
        return TypePhrase.alternatives(["types": names.dropLast().joined(separator: TypePhrase.separator()), "last": names.last!])
    }
}

/// What a function accepts and returns, as the checker sees it.
struct BuiltinSignature: Sendable {
    let minArgs: Int
    /// nil: any number.
    let maxArgs: Int?
    /// The types each argument may have, in order (the value before `.` counts as the first).
    let params: [TypeSet]
    /// Type of arguments past `params` (variadic `min`/`max`).
    let rest: TypeSet
    let result: ValueType

}

extension BuiltinSignature {
    /// `params.count` arguments, of which the last `optional` may be left out. (The
    /// memberwise form takes at least `minArgs` arguments, those past `params` of type `rest`.)
    init(_ params: [TypeSet], optional: Int = 0, result: ValueType) {
        self.init(minArgs: params.count - optional, maxArgs: params.count, params: params, rest: [], result: result)
    }
}

/// A call being applied: the evaluated arguments (the value before `.` first), the
/// expressions they came from (for errors that point at one), and the call itself (for
/// errors about the whole call, and for charging steps).
struct BuiltinCall {
    let values: ArgumentValues
    let args: [Expr]
    let node: Expr

    var count: Int { values.count }
    /// The first argument's value and expression (every function takes at least one).
    var first: Val { values.first }
    var firstArg: Expr { args[0] }
    /// The pattern argument, compiled when the rule loaded, when it was written as a literal.
    var literalPattern: LinearPattern? { node.pattern }
}

/// A call as the checker sees it, for a function's own checks (`BuiltinFunction.refine`).
struct CheckedCall {
    let name: String
    /// The arguments as written (the value before `.` first), and as checked.
    let syntax: [Syntax]
    let args: [Expr]
    let types: [ValueType]
    let range: ByteRange
    /// The static type of the result: the signature's, unless `refine` knows better.
    var result: ValueType
}

/// One built-in function: its name, signature, cost, documentation and implementation.
/// Immutable and shared: checked expressions point at it.
final class BuiltinFunction: Sendable {
    /// Applies the function to evaluated arguments. Charges the steps the work costs beyond
    /// the one the call node took (see `cost`), and throws an `EvaluationError` for
    /// arguments it cannot use. Not recursive into `eval`.
    typealias Implementation = @Sendable (_ interpreter: inout Interpreter, _ call: BuiltinCall) throws -> Val
    /// Checks what the signature cannot say (reporting through the checker) and may narrow
    /// the result type, or return another expression to run instead of the call (a literal
    /// regex compiled once). nil: the call as it is.
    typealias Refinement = @Sendable (_ checker: inout Checker, _ call: inout CheckedCall) -> Expr?

    let name: String
    let signature: BuiltinSignature
    /// The call forms, for documentation and help: `round(number, digits) -> number`.
    let forms: [String]
    /// What it returns, one or two sentences (Markdown).
    let summary: String
    /// The evaluation steps it charges beyond the call's own step ("" for none).
    let cost: String
    /// An expression using it; it must compile (a test checks every one).
    let example: String
    /// Other names people reach for (`len`, `length`): "did you mean" leads from them here.
    let aliases: [String]
    let implementation: Implementation
    let refine: Refinement?

    init(_ name: String, _ signature: BuiltinSignature, forms: [String], summary: String, cost: String = "",
         example: String, aliases: [String] = [], refine: Refinement? = nil, implementation: @escaping Implementation) {
        self.name = name
        self.signature = signature
        self.forms = forms
        self.summary = summary
        self.cost = cost
        self.example = example
        self.aliases = aliases
        self.refine = refine
        self.implementation = implementation
    }
}

/// Comprehension macros: `target.all(x, predicate)` etc. Their variable is bound per element.
/// They are syntax the checker and the interpreter know, not functions; their documentation
/// is in `Builtins.macros`.
enum MacroKind: String, Sendable, CaseIterable {
    case all, exists, exists_one, filter, map, count, sortBy, groupBy

    /// Whether the body is an expression giving a value for each element (not a condition).
    var bodyIsValue: Bool { self == .map || self == .sortBy || self == .groupBy }
}

/// Documentation of a form that is not a `BuiltinFunction` (a macro, `has`).
struct FormDocumentation: Sendable {
    let name: String
    let forms: [String]
    let summary: String
    let example: String
    let aliases: [String]
}

extension Builtins {
    /// Every function by name.
    static let byName: [String: BuiltinFunction] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })

    /// The function called `name`, if any.
    static func named(_ name: String) -> BuiltinFunction? { byName[name] }

    /// Every name a call may use: functions, macros, `has`.
    static var callableNames: [String] { all.map(\.name) + MacroKind.allCases.map(\.rawValue) + ["has"] }

    /// Whether `name` is a function, a macro or `has`.
    static func isCallable(_ name: String) -> Bool {
        named(name) != nil || MacroKind(rawValue: name) != nil || name == "has"
    }

    /// Other names people reach for, and what planlint calls them.
    static let aliases: [String: String] = {
        var out: [String: String] = [:]
        for f in all { for a in f.aliases { out[a] = f.name } }
        for f in special { for a in f.aliases { out[a] = f.name } }
        return out
    }()

    /// Functions, `has` and the macros, for documentation, completion and hover: `has` and
    /// the macros first, then the functions in declaration order.
    static var catalog: [FunctionInfo] {
        special.map { FunctionInfo(name: $0.name, signatures: $0.forms, summary: $0.summary, example: $0.example, cost: "") }
            + all.map { FunctionInfo(name: $0.name, signatures: $0.forms, summary: $0.summary, example: $0.example, cost: $0.cost) }
    }

    /// The table of functions in Docs/rules-language.md (`has` and the functions; the macros
    /// have their own section).
    static var markdownTable: String {
        func cell(_ s: String) -> String {
            var out = ""
            for c in s { out += c == "|" ? "\\|" : c == "\n" ? " " : String(c) }
            return out
        }
        var out = "| function | what it gives | steps | example |\n|---|---|---|---|\n"
        let rows = special.filter { $0.name == "has" }.map { ($0.forms, $0.summary, "", $0.example) }
            + all.map { ($0.forms, $0.summary, $0.cost, $0.example) }
        for (forms, summary, cost, example) in rows {
            out += "| " + forms.map { "`\(cell($0))`" }.joined(separator: ", ") + " | \(cell(summary)) | \(cost.isEmpty ? "—" : cell(cost)) | `\(cell(example))` |\n"
        }
        return out
    }
}
