// The public surface of the expression language, in one place.
//
// Life of an expression (the RuleEngine's view):
//
//     var scope = Scope()                                   // self, root, parent, key, index, path
//     let lets = Expression.compile("self.rows.map(r, r.budget)", scope: scope)
//     let slot = scope.declare("budgets", type: lets.expression?.resultType ?? .dyn)
//     let check = Expression.compile("sum(budgets) ~= self.total.budget", scope: scope, expecting: .bool)
//     // report check.problems (ranges are UTF-8 offsets into the expression text)
//
//     var activation = Activation(scope: scope)             // one per worker, reused
//     activation[Scope.selfSlot] = .node(match)
//     var meter = CostMeter.forDocument(nodeCount: tree.nodeCount)   // one per rule per document
//     activation[slot] = try lets.expression!.evaluate(&activation, meter: &meter)
//     let ok = try check.expression!.evaluate(&activation, meter: &meter)
//
// Compiled expressions are immutable and Sendable: compile once, evaluate from any thread.

import Diagnostics
import ExactNumbers
import SourceText
import YAMLTree

// MARK: - Values

/// A value during evaluation.
///
/// Values read from a plan stay `.node` until an operation needs their content, so they
/// remember where they were written: the engine can blame them (`at:`), runtime errors
/// point at them, and a sum's rows can be labelled one by one. A scalar node becomes a
/// number, string, bool or null when an operator or function needs one (see
/// Docs/rules-language.md, "Document values").
public enum Value: Sendable {
    case null
    case bool(Bool)
    /// An exact number, a rounded number with its interval, or an interval (`＊`).
    case number(Quantity)
    case string(String)
    case list([Value])
    /// A map with string keys in insertion order.
    case map(MapValue)
    /// A node of the plan document (aliases already resolved by `YAMLNode`).
    case node(YAMLNode)
}

/// A map value with string keys, kept in insertion order (map literals, `{...}`).
public typealias MapValue = StringMap<Value>

/// A map with string keys in insertion order. Small maps look keys up by scanning; a map
/// of more than 16 entries keeps a hash index, so looking up every key of a large map
/// (`groupBy` over thousands of projects) stays linear.
public struct StringMap<Element> {
    public private(set) var keys: [String]
    public private(set) var values: [Element]
    /// The position of each key, kept once the map has more than `indexedFrom` entries.
    private var index: [String: Int]?

    static var indexedFrom: Int { 16 }

    public init() {
        keys = []
        values = []
    }

    /// A map from pairs; a later pair with the same key replaces the earlier one's value.
    public init(_ pairs: [(String, Element)]) {
        self.init()
        for (k, v) in pairs { self[k] = v }
    }

    /// A map from keys known to be distinct and their values, in order.
    init(uniqueKeys: [String], values: [Element]) {
        self.keys = uniqueKeys
        self.values = values
        if uniqueKeys.count > Self.indexedFrom { reindex() }
    }

    public var count: Int { keys.count }

    private mutating func reindex() {
        var built: [String: Int] = [:]
        built.reserveCapacity(keys.count)
        for (i, k) in keys.enumerated() where built[k] == nil { built[k] = i }
        index = built
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    /// The value under `key`, or nil. Setting keeps the key's first position.
    public subscript(key: String) -> Element? {
        get {
            if let i = position(of: key) { return values[i] }
            return nil
        }
        set {
            if let i = position(of: key) {
                if let newValue { values[i] = newValue } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                    if index != nil { reindex() }
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if index != nil { index![key] = keys.count - 1 } else if keys.count > Self.indexedFrom { reindex() }
            }
        }
    }

    /// The same keys with each value transformed.
    func mapValues<T>(_ transform: (Element) -> T) -> StringMap<T> {
        var m = StringMap<T>()
        m.keys = keys
        m.values = values.map(transform)
        m.index = index
        return m
    }
}

extension StringMap: Sendable where Element: Sendable {}

/// The static type the checker infers. Document values are `dyn` (gradual typing): their
/// type is only known at run time.
public enum ValueType: String, Sendable, Hashable, CustomStringConvertible {
    case dyn, null, bool, number, string, list, map
    public var description: String { rawValue }
}

// MARK: - Scope and compilation

/// The variables an expression may use, each with a slot number, in declaration order.
///
/// A new scope holds the rule variables `self`, `root`, `parent`, `key`, `index`, `path`,
/// `depth`, `files`, `params` (slots 0–8). The engine declares each `let` after compiling it, so a let can use the
/// lets before it and nothing after. Function names live apart from variables: a let
/// named `size` does not hide the function `size(...)`.
public struct Scope: Sendable {
    public static let ruleVariables = ["self", "root", "parent", "key", "index", "path", "depth", "files", "params"]
    public static let selfSlot = 0, rootSlot = 1, parentSlot = 2, keySlot = 3, indexSlot = 4, pathSlot = 5, depthSlot = 6, filesSlot = 7
    public static let paramsSlot = 8

    public private(set) var names: [String]
    public private(set) var types: [ValueType]
    /// For each variable, what its value depends on, as a set of capture slots (bit `s`
    /// for slot `s`), or nil when it changes from match to match. 0: the same for every
    /// match of a rule over one document (`root`, and lets computed only from such
    /// variables). A path capture (`fields[* as field]`) depends on itself, and a let
    /// computed from captures and invariants on those captures. Expressions over such
    /// variables alone may be remembered (see `Activation.cachesInvariants`).
    public private(set) var dependencies: [UInt64?]
    /// For each variable, whether it is computed on demand (a rule's `let`): the interpreter
    /// evaluates its expression the first time it is read (see `Activation.defineLet`).
    public private(set) var lazy: [Bool]
    /// The parameters the rule declares (`params:`), with their types: `params.name` is
    /// checked against them when an expression compiles. Nil: `params` is not checked.
    public var parameterTypes: [String: ValueType]?
    /// Named values of the pack (`constants:` in rule files), read by name in expressions.
    public var constants: [String: Value] = [:]
    /// Helper functions of the pack (`functions:` in rule files), called by name.
    public var functions: [String: FunctionDefinition] = [:]
    /// Why a name the expression may use is not visible here (a let declared below, a name
    /// a path binds that a filter cannot see): the help of an `unknown name` error.
    public var hints: [String: String] = [:]
    /// What the document's schema says about the values of some variables (by slot):
    /// fields read from them are checked against it, and its types feed the checker.
    package var shapes: [Int: any ValueShape] = [:]

    /// Why `name` cannot name a variable of a rule in this scope beyond `nameProblem`: it is
    /// a constant or a function of the pack. Nil when it can.
    public func clash(_ name: String) -> String? {
        if constants[name] != nil { return CheckMessage.constantOfPack(["name": name]) }
        if functions[name] != nil { return CheckMessage.functionOfPack(["name": name]) }
        return nil
    }

    /// A scope with the given variables (all `dyn`); the rule variables by default, of which
    /// `root` is document-invariant.
    public init(_ names: [String] = Scope.ruleVariables) {
        self.names = names
        self.types = names.map { _ in .dyn }
        let isRuleScope = names == Scope.ruleVariables
        self.dependencies = names.indices.map {
            isRuleScope && ($0 == Scope.rootSlot || $0 == Scope.filesSlot || $0 == Scope.paramsSlot) ? 0 : nil
        }
        self.lazy = names.map { _ in false }
    }

    /// Declares a variable and returns its slot, or nil when `name` is already declared or
    /// is not a valid name (see `nameProblem`). `invariant`: the variable's value is the
    /// same for every match over a document (a let whose expression `isDocumentInvariant`).
    @discardableResult
    public mutating func declare(_ name: String, type: ValueType = .dyn, invariant: Bool = false) -> Int? {
        declare(name, type: type, dependsOn: invariant ? 0 : nil)
    }

    /// Declares a variable whose value is determined by the capture variables in
    /// `dependsOn` (see `dependencies`; nil: it changes from match to match).
    ///
    /// `lazy`: the variable is computed on demand, the first time an expression reads it (a
    /// rule's `let`; the engine gives the activation its expression with `defineLet`).
    @discardableResult
    public mutating func declare(_ name: String, type: ValueType = .dyn, dependsOn: UInt64?, lazy: Bool = false) -> Int? {
        if Scope.nameProblem(name) != nil || names.contains(name) { return nil }
        names.append(name)
        types.append(type)
        dependencies.append(dependsOn)
        self.lazy.append(lazy)
        return names.count - 1
    }

    /// Whether the variable in `slot` is computed on demand.
    public func isLazy(_ slot: Int) -> Bool { slot < lazy.count && lazy[slot] }

    /// Declares a path capture (`as name`): a node that stays the same for all the matches
    /// below it, which come one after another. Values computed from captures (and from
    /// invariants) are remembered per captured node. Only the first 64 slots can be
    /// captures of this kind; later ones are declared as changing with every match.
    @discardableResult
    public mutating func declareCapture(_ name: String) -> Int? {
        let slot = names.count
        return declare(name, dependsOn: slot < 64 ? 1 << UInt64(slot) : nil)
    }

    /// Whether the variable in `slot` is document-invariant.
    public func isInvariant(_ slot: Int) -> Bool { slot < dependencies.count && dependencies[slot] == 0 }

    /// What the variable in `slot` depends on (see `dependencies`).
    public func dependencies(of slot: Int) -> UInt64? { slot < dependencies.count ? dependencies[slot] : nil }

    /// The slot of a declared variable.
    public func slot(of name: String) -> Int? { names.firstIndex(of: name) }

    /// Why `name` cannot name a variable (not an identifier, or a reserved word), or nil.
    public static func nameProblem(_ name: String) -> String? {
        guard let first = name.utf8.first, Lexer.isIdentStart(first), name.utf8.allSatisfy(Lexer.isIdentContinue) else {
            return CheckMessage.invalidName(["name": name])
        }
        if Lexer.reservedWords.contains(name) { return CheckMessage.reservedName(["name": name]) }
        return nil
    }
}

/// Bounds on one expression's text, checked while parsing.
public struct ExpressionLimits: Sendable, Equatable {
    /// Longest expression accepted, in UTF-8 bytes.
    public var maxLength: Int
    /// Deepest nesting accepted: parentheses, brackets, calls, unary and binary operators
    /// each add a level. Checked without deep recursion; exceeding it is `expr-too-deep`.
    public private(set) var maxDepth: Int
    /// Largest repetition count in a regex quantifier (`{m,n}`).
    public var maxRegexRepeat: Int

    /// `maxDepth` is capped by its ceiling, whoever asks: the parser, checker and interpreter
    /// recurse once per level, so a deeper limit could exhaust the stack (a config once allowed
    /// 1,800 levels and planlint died of SIGSEGV). No configuration sets the other two.
    public init(maxLength: Int = 16_384, maxDepth: Int = 200, maxRegexRepeat: Int = 1_000) {
        self.maxLength = maxLength
        self.maxDepth = min(maxDepth, ExpressionLimits.ceilingDepth)
        self.maxRegexRepeat = maxRegexRepeat
    }

    /// The deepest nesting any configuration may allow.
    public static let ceilingDepth = 256

    public static let `default` = ExpressionLimits()
}

/// A problem found while compiling an expression (parsing or static checking).
package struct ExpressionProblem: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Code: String, Sendable, CaseIterable {
        /// The text is not an expression (unexpected character or token, unclosed string…).
        case syntax = "expr-syntax"
        case tooLong = "expr-too-long"
        case tooDeep = "expr-too-deep"
        /// A number literal out of range, a bad escape in a string.
        case invalidLiteral = "invalid-literal"
        case unknownIdentifier = "unknown-identifier"
        case unknownFunction = "unknown-function"
        case wrongArity = "wrong-arity"
        /// An operator or function applied to a type it does not accept (`'a' - 1`, `!5`).
        case typeMismatch = "type-mismatch"
        /// A macro's first argument is not a variable name (`l.all(1, true)`), or `has()`
        /// is not given a field.
        case invalidMacro = "invalid-macro"
        case invalidRegex = "invalid-regex"
        case duplicateKey = "duplicate-map-key"
        /// A field the document's schema does not allow there (`self.departmnet`).
        case unknownField = "unknown-field"
    }

    package var code: Code
    package var message: String
    /// UTF-8 byte range in the expression text.
    package var range: ByteRange
    /// A short label shown under the carets.
    package var label: String?
    package var help: String?
    package var notes: [String]

    package init(code: Code, message: String, range: ByteRange, label: String? = nil, help: String? = nil, notes: [String] = []) {
        (self.code, self.message, self.range, self.label, self.help, self.notes) = (code, message, range, label, help, notes)
    }

    package var description: String { "\(code.rawValue)@\(range): \(message)" }
}

/// What is known, before any document is read, about the values at one place of the
/// documents a rule checks: the keys a mapping there may have, the shape of its items, its
/// type. A schema provides it (RuleEngine adapts SchemaValidation's `SchemaShape`).
package protocol ValueShape: Sendable {
    /// What is known about key `key` of a mapping here.
    func member(_ key: String) -> ShapeMember
    /// The shape of the items of a list here, if known.
    var element: (any ValueShape)? { get }
    /// The type of every value here, or `dyn`.
    var valueType: ValueType { get }
    /// What to call a value here in messages (`a project`, `#/$defs/row`).
    var name: String { get }
}

package enum ShapeMember: Sendable {
    case shape(any ValueShape)
    /// The key may be there, but nothing more is known.
    case unknown
    /// The key cannot be there: the keys that can.
    case absent(declared: [String])
}

/// A list whose items have a known shape (what `filter` and `sortBy` keep).
struct ListShape: ValueShape {
    let item: any ValueShape
    func member(_ key: String) -> ShapeMember { .unknown }
    var element: (any ValueShape)? { item }
    var valueType: ValueType { .list }
    var name: String { TypePhrase.listOf(["item": item.name]) }
}

/// A helper of a rule pack: a named expression over parameters (`functions: {share(part,
/// whole): part / whole * 100}`), compiled once, called like a built-in. It sees only its
/// parameters, the pack's constants and the functions defined before it, so calls cannot
/// recurse.
public final class FunctionDefinition: Sendable {
    public let name: String
    public let parameters: [String]
    /// The body, compiled with the parameters as its variables (slots 0…).
    public let expression: CompiledExpression
    /// `expression`, unmanaged (this definition owns it): a call switches to it without a
    /// retain and a release.
    let body: Unmanaged<CompiledExpression>

    public init(name: String, parameters: [String], expression: CompiledExpression) {
        self.name = name
        self.parameters = parameters
        self.expression = expression
        body = Unmanaged.passUnretained(expression)
    }

    /// `share(part, whole)`.
    public var signature: String { "\(name)(\(parameters.joined(separator: ", ")))" }
}

/// What `Expression.compile` returns: the compiled expression when there were no problems.
package struct CompileResult: Sendable {
    package let expression: CompiledExpression?
    /// Every problem found, in text order. Non-empty exactly when `expression` is nil.
    package let problems: [ExpressionProblem]
    /// What the scope's shapes say about the expression's value (a field of `self`, the items
    /// `filter` keeps), when they say something.
    package var shape: (any ValueShape)? = nil
}

/// Entry points of the expression language.
package enum Expression {
    /// Parses and checks `text` against `scope`.
    ///
    /// - Parameter expecting: the type the caller needs (`.bool` for `when`/`assert`); a
    ///   statically different type is a `type-mismatch` problem covering the whole text.
    package static func compile(_ text: String, scope: Scope, expecting: ValueType? = nil, limits: ExpressionLimits = .default) -> CompileResult {
        Compiler.compile(text, scope: scope, expecting: expecting, limits: limits)
    }

    /// Compiles and evaluates `text` with variables bound by name, for tools (`planlint
    /// eval`) and tests. Variables not in `variables` are not declared.
    package static func evaluate(
        _ text: String, variables: [(String, Value)] = [], options: EvaluationOptions = .default,
        meter: inout CostMeter
    ) throws(ExpressionFailure) -> Value {
        let scope = Scope(variables.map(\.0))
        let result = compile(text, scope: scope)
        guard let compiled = result.expression else { throw .compile(result.problems) }
        var activation = Activation(scope: scope)
        for (i, v) in variables.enumerated() { activation[i] = v.1 }
        do {
            return try compiled.evaluate(&activation, options: options, meter: &meter)
        } catch {
            throw .evaluation(error)
        }
    }
}

/// A failure of `Expression.evaluate(_:variables:...)`.
package enum ExpressionFailure: Error, Sendable {
    case compile([ExpressionProblem])
    case evaluation(EvaluationError)
}

/// A checked expression, ready to evaluate any number of times, from any thread.
public final class CompiledExpression: Sendable {
    /// The expression text all ranges refer to.
    public let text: String
    /// The statically inferred type of the result (`dyn` when it depends on the data).
    public let resultType: ValueType
    /// How many variables the scope had when compiled; an `Activation` must have at least
    /// these slots.
    public let variableCount: Int
    /// Slots of the scope variables the expression reads, ascending (the engine may skip
    /// computing a variable nothing reads, such as `path`).
    public let usedSlots: [Int]

    let root: Expr
    /// Every node of `root`'s tree, as plain references. The tree itself owns its nodes;
    /// this list exists for LeakSanitizer, which finds live objects by scanning memory for
    /// their addresses. Swift stores the case of `Expr.Kind` in the spare high bits of a
    /// payload pointer (here the body of a macro), and an address with those bits set is
    /// not recognised: without this list every macro body of an expression alive at exit
    /// was reported as "leaked" (swiftlang/swift-corelibs-xctest#342 describes the same
    /// effect). One pointer per node, at compile time only.
    let nodes: [Expr]
    let limits: ExpressionLimits
    /// How many macro variables the expression numbers (the highest local index + 1): they
    /// live at the interpreter's `base` + index, so a call's frame starts above them.
    let localCount: Int

    /// Whether the value is the same for every match of a rule over one document: it reads
    /// only document-invariant variables (`root`, invariant lets) and constants.
    public var isDocumentInvariant: Bool { root.isInvariant }

    /// The capture variables the value depends on (see `Scope.dependencies`): 0 when it is
    /// document-invariant, nil when it changes from match to match.
    public var captureDependencies: UInt64? { root.freeLocals == 0 ? root.dependencies : nil }

    init(text: String, root: Expr, nodes: [Expr], resultType: ValueType, variableCount: Int, usedSlots: [Int], limits: ExpressionLimits) {
        self.limits = limits
        self.text = text
        self.root = root
        self.nodes = nodes
        self.resultType = resultType
        self.variableCount = variableCount
        self.usedSlots = usedSlots
        var locals = 0
        for e in nodes {
            switch e.kind {
            case .local(let index, _): locals = max(locals, index + 1)
            case .macro(_, _, let first, let second, _, _): locals = max(locals, first + 1, (second ?? first) + 1)
            default: break
            }
        }
        localCount = locals
    }

    /// Evaluates with the variables in `activation` (slots as declared in the scope).
    /// `activation` is used as scratch space for macro variables and comes back as it went in.
    public func evaluate(_ activation: inout Activation, options: EvaluationOptions = .default, meter: inout CostMeter) throws(EvaluationError) -> Value {
        var interpreter = Interpreter(expression: self, options: options, tracing: false)
        return Value(try interpreter.run(&activation, meter: &meter))
    }

    /// Evaluates like `evaluate` for a condition (`when`, `assert`): the Bool, without
    /// handing out a `Value`, or the value that is not a Bool (for the engine's message).
    package func evaluateCondition(_ activation: inout Activation, options: EvaluationOptions = .default, meter: inout CostMeter) throws(EvaluationError) -> ConditionOutcome {
        var interpreter = Interpreter(expression: self, options: options, tracing: false)
        let v = try interpreter.run(&activation, meter: &meter)
        if let b = v.boolValue { return .bool(b) }
        return .other(Value(v))
    }

    /// Evaluates like `evaluate` and stores the value in `slot` of `activation` as it is,
    /// without handing it out (the engine's lets: a list of nodes is not converted twice).
    package func evaluate(_ activation: inout Activation, options: EvaluationOptions = .default, meter: inout CostMeter, into slot: Int) throws(EvaluationError) {
        var interpreter = Interpreter(expression: self, options: options, tracing: false)
        let v = try interpreter.run(&activation, meter: &meter)
        activation.slots[slot] = v
    }

    /// Evaluates like `evaluate` and also records the comparisons that decided the result
    /// (for `planlint check --explain`).
    public func explain(_ activation: inout Activation, options: EvaluationOptions = .default, meter: inout CostMeter) throws(EvaluationError) -> Explanation {
        var interpreter = Interpreter(expression: self, options: options, tracing: true)
        let value = try interpreter.run(&activation, meter: &meter)
        return Explanation(value: Value(value), comparisons: interpreter.trace)
    }

    /// The checked tree as an S-expression, e.g. `(+ 1 (* 2 3))` (for tests and debugging).
    public var treeDescription: String { root.sexpr }
}

// MARK: - Evaluation

/// What `CompiledExpression.evaluateCondition` gave: a Bool, or a value that is not one.
package enum ConditionOutcome {
    case bool(Bool)
    case other(Value)
}

/// The variable values for one evaluation, indexed by scope slot. Reuse one per worker
/// thread: evaluation pushes macro variables onto it and pops them again.
public struct Activation: Sendable {
    var slots: [Val]
    /// The trees of the nodes bound here. An evaluation reaches document nodes only through
    /// these variables, so holding their trees keeps every node it makes valid (`Val`). An
    /// activation keeps every tree it was given: make one per document, as the engine does.
    var owners: [YAMLTree] = []
    let declaredCount: Int
    /// Remember the values of document-invariant subexpressions (those reading only
    /// `root`, invariant lets and constants, and doing real work: `root.fields.map(…)`,
    /// `listed.all(p, …)`), so each is computed once per activation instead of once per
    /// match — loop-invariant code motion for rules. Only valid while the invariant
    /// variables keep their values: the engine uses one activation per rule per document.
    /// Subexpressions that depend on path captures too (`row.field`, declared with
    /// `Scope.declareCapture`) are remembered with the captured nodes, and computed again
    /// when those change. A cache hit costs one step of the budget. Off by default.
    public var cachesInvariants = false
    /// The remembered values, by expression node.
    var cache: [ObjectIdentifier: CacheEntry] = [:]
    /// With `cachesInvariants`: results of pack-function calls, by call site and argument
    /// values (`CallMemo`), for the language and symbol table they were computed under.
    var memo: CallMemos?
    /// The expressions of the variables computed on demand (`defineLet`), by slot.
    var lets: LetTable?
    /// For each slot of `lets`: the match (`letGeneration`) its value was computed for, or
    /// `LetTable.forever` for a document-invariant let once computed; 0: never.
    var letStamps: [UInt32] = []
    var letGeneration: UInt32 = 1

    /// Slots for every variable of `scope`, all `null`.
    public init(scope: Scope) {
        declaredCount = scope.names.count
        slots = Array(repeating: .null, count: scope.names.count)
        slots.reserveCapacity(scope.names.count + 8)
    }

    public subscript(slot: Int) -> Value {
        get { Value(slots[slot]) }
        set {
            newValue.forEachTree { keep($0) }
            slots[slot] = Val(newValue)
        }
    }

    /// `self[slot] = n.map { .node($0) } ?? .null`, without the general conversion (the
    /// engine binds `self`, `parent`, `key` and captures this way for every match).
    package mutating func bind(_ slot: Int, node n: YAMLNode?) {
        guard let n else { slots[slot] = .null; return }
        keep(n.tree)
        slots[slot] = .node(UnownedNode(n))
    }

    /// The same for an unowned node: its tree is held from here on.
    package mutating func bind(_ slot: Int, node n: UnownedNode?) {
        guard let n else { slots[slot] = .null; return }
        if !holds(n.treeID) { owners.append(n.node.tree) }
        slots[slot] = .node(n)
    }

    /// `self[slot] = n.map { .number(Quantity($0)) } ?? .null`, without the general
    /// conversion (the engine binds `index` and `depth` this way for every match).
    package mutating func bind(_ slot: Int, whole n: Int?) {
        slots[slot] = n.map { .number(Quantity($0)) } ?? .null
    }

    /// Makes `slot` a variable computed on demand: the first expression that reads it in a
    /// match (see `nextMatch`) evaluates `expression` with this activation, charging the same
    /// meter, and stores the value; later reads in the match take it from the slot. An
    /// `invariant` let (the same for every match) is computed once and kept. An error while
    /// computing it carries the slot (`EvaluationError.letSlot`).
    package mutating func defineLet(_ slot: Int, _ expression: CompiledExpression, invariant: Bool) {
        var table = lets?.expressions ?? []
        var kept = lets?.invariant ?? []
        while table.count <= slot { table.append(nil); kept.append(false) }
        table[slot] = expression
        kept[slot] = invariant
        lets = LetTable(expressions: table, invariant: kept)
        while letStamps.count < table.count { letStamps.append(0) }
        letStamps[slot] = 0
    }

    /// Starts a new match: the lets that are not invariant are computed again when read.
    @inline(__always) package mutating func nextMatch() {
        letGeneration &+= 1
        if letGeneration == LetTable.forever { letGeneration = 1 }
        // After 2^32 − 2 matches a stamp could repeat: forget them all then.
        if letGeneration == 1 { for i in letStamps.indices where letStamps[i] != LetTable.forever { letStamps[i] = 0 } }
    }

    /// Holds `tree` for as long as this activation lives.
    @inline(__always) mutating func keep(_ tree: YAMLTree) {
        if !holds(ObjectIdentifier(tree)) { owners.append(tree) }
    }

    @inline(__always) func holds(_ id: ObjectIdentifier) -> Bool {
        for i in owners.indices where ObjectIdentifier(owners[i]) == id { return true }
        return false
    }
}

/// What legend symbols in table cells mean when used as numbers.
///
/// By default `＊` (U+FF0A) is "under one unit": the open interval (0, 1). A rule pack or the
/// plan's legend may declare more: `－` as none (`.null`, skipped by `sum`) or as zero.
public struct SymbolTable: Sendable {
    public enum Meaning: Sendable {
        case quantity(Quantity)
        /// The cell holds no amount: the symbol reads as `null`.
        case null
    }

    /// The table in one immutable object, replaced by `define`: the interpreter copies the
    /// table for every evaluation, and one reference costs one retain, not one per array.
    private final class Storage: Sendable {
        let symbols: [String]
        let meanings: [Meaning]
        let hasTypeNameSymbol: Bool
        let hasNoneSymbol: Bool

        init(symbols: [String], meanings: [Meaning]) {
            self.symbols = symbols
            self.meanings = meanings
            hasTypeNameSymbol = symbols.contains { RuntimeType.named($0) != nil }
            hasNoneSymbol = meanings.contains { if case .null = $0 { true } else { false } }
        }
    }

    private var storage: Storage

    public var symbols: [String] { storage.symbols }
    /// Which table this is (tables are immutable: `define` makes a new one).
    var identity: ObjectIdentifier { ObjectIdentifier(storage) }
    public var meanings: [Meaning] { storage.meanings }
    /// Whether some symbol is spelled like a type name (`'number'`, `'null'` …), which
    /// makes `type(x) == 'number'` go through the general comparison (`Expr.Fast.typeIs`).
    var hasTypeNameSymbol: Bool { storage.hasTypeNameSymbol }
    /// Whether some symbol reads as none (`null`): then two different strings can still
    /// compare equal (both none), so text comparisons cannot stop at differing bytes.
    var hasNoneSymbol: Bool { storage.hasNoneSymbol }

    public init(_ entries: [(String, Meaning)] = []) {
        storage = Storage(symbols: [], meanings: [])
        for (s, m) in entries { define(s, as: m) }
    }

    /// `＊` = (0, 1).
    public static let `default` = SymbolTable([("＊", .quantity(Quantity.between(.zero, .one)!))])

    /// Defines or redefines a symbol.
    public mutating func define(_ symbol: String, as meaning: Meaning) {
        var symbols = storage.symbols, meanings = storage.meanings
        if let i = symbols.firstIndex(of: symbol) { meanings[i] = meaning } else {
            symbols.append(symbol)
            meanings.append(meaning)
        }
        storage = Storage(symbols: symbols, meanings: meanings)
    }

    /// The meaning of `symbol` (compared by code points).
    public func meaning(of symbol: String) -> Meaning? {
        let st = storage
        for (i, s) in st.symbols.enumerated() where TextCompare.equal(s, symbol) { return st.meanings[i] }
        return nil
    }

    /// The meaning of a scalar node's text, compared without allocating.
    public func meaning(of node: YAMLNode) -> Meaning? { meaning(of: UnownedNode(node)) }

    func meaning(of node: UnownedNode) -> Meaning? {
        let st = storage
        for (i, s) in st.symbols.enumerated() where node.scalarEquals(s) { return st.meanings[i] }
        return nil
    }
}

/// Settings for one evaluation.
public struct EvaluationOptions: Sendable {
    public var symbols: SymbolTable
    /// The language of the texts expressions build for messages (`withUnit`, `yearText`).
    public var language: Language

    public init(symbols: SymbolTable = .default, language: Language = .en) {
        self.symbols = symbols
        self.language = language
    }

    public static let `default` = EvaluationOptions()
}

/// Counts evaluation steps against a limit. One meter per rule per document: pass the same
/// meter to every expression of the rule (when, lets, assert, message, at) for every match.
///
/// A step is one expression node evaluated, one element visited by a macro or function,
/// one regex thread step, or 8 bytes of string built (see Docs/rules-language.md, "Cost").
public struct CostMeter: Sendable {
    public let limit: Int
    public internal(set) var used: Int

    public init(limit: Int, used: Int = 0) {
        self.limit = limit
        self.used = used
    }

    /// Charges `steps` spent outside an expression (building a message); false when the
    /// limit is passed.
    public mutating func spend(_ steps: Int) -> Bool { charge(max(0, steps)) }

    /// A meter for one rule over one document of `nodeCount` nodes, by `policy`.
    public static func forDocument(nodeCount: Int, policy: CostPolicy = .default) -> CostMeter {
        CostMeter(limit: policy.limit(documentNodes: nodeCount))
    }

    /// Adds `steps`; false when the limit is passed.
    @inline(__always) @usableFromInline mutating func charge(_ steps: Int) -> Bool {
        used &+= steps
        return used <= limit
    }
}

/// How large a rule's budget is. The default, 1,000,000 steps plus 100 per document node,
/// lets a rule make a few passes over any document (linear work) but stops quadratic work
/// (a nested comprehension over a large list) early.
public struct CostPolicy: Sendable, Equatable {
    public var base: Int
    public var perDocumentNode: Int

    /// All rules together get this many times `base` per file (see `fileLimit`).
    public var poolFactor: Int

    public init(base: Int = 1_000_000, perDocumentNode: Int = 100, poolFactor: Int = 4) {
        (self.base, self.perDocumentNode, self.poolFactor) = (base, perDocumentNode, poolFactor)
    }

    /// The largest `base` any configuration may set (`limits.cost-budget`, `--cost-budget`).
    public static let ceilingBase = 50_000_000

    public static let `default` = CostPolicy()

    /// What every rule together may spend on one file (all documents of a stream): four
    /// times one rule's base plus ten times its per-node allowance per node of the file. A
    /// stream of many documents or a pack of many rules shares it instead of each getting a
    /// budget of its own, so a file's rules do work bounded by a constant times the file.
    public func fileLimit(fileNodes: Int) -> Int {
        let base = min(max(0, self.base), CostPolicy.ceilingBase)
        let (perNode, o0) = max(0, perDocumentNode).multipliedReportingOverflow(by: 10)
        let (p, o1) = perNode.multipliedReportingOverflow(by: max(0, fileNodes))
        let (pool, o2) = max(1, poolFactor).multipliedReportingOverflow(by: base)
        let (s, o3) = pool.addingReportingOverflow(p)
        return o0 || o1 || o2 || o3 ? Int.max : s
    }

    public func limit(documentNodes: Int) -> Int {
        let base = min(max(0, self.base), CostPolicy.ceilingBase)
        let (p, o1) = max(0, perDocumentNode).multipliedReportingOverflow(by: max(0, documentNodes))
        let (s, o2) = base.addingReportingOverflow(p)
        return o1 || o2 ? Int.max : s
    }
}

/// An expression that could not be evaluated over the data. Never a crash, never a
/// silent pass: the engine reports it at `node` (the data) or at `range` (the rule).
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        case missingKey = "missing-key"
        case typeMismatch = "type-mismatch"
        case indexOutOfRange = "index-out-of-range"
        case divisionByZero = "division-by-zero"
        case overflow = "number-overflow"
        /// An exact comparison with `＊`-like intervals that cannot be decided.
        case undecidable = "undecidable-comparison"
        /// A number or fiscal year that cannot be read from text.
        case invalidNumber = "invalid-number"
        case invalidFiscalYear = "invalid-fiscal-year"
        case invalidRegex = "invalid-regex"
        /// `min`/`max` of an empty list.
        case emptyList = "empty-list"
        case budgetExceeded = "cost-budget-exceeded"
    }

    public var code: Code
    public var message: String
    /// The part of the expression being evaluated (UTF-8 range in the expression text).
    public var range: ByteRange
    /// The document node involved, when the data caused the error.
    public var node: YAMLNode?
    public var help: String?
    public var notes: [String]
    /// When the error happened while computing a variable on demand (a rule's `let`): its
    /// slot. `range` is then a range of that variable's expression, not of the one evaluated.
    public var letSlot: Int?
    /// When the error happened inside a function of the pack: its name. `range` is then a
    /// range of the function's body, and `callRange` where the expression evaluated (or the
    /// let in `letSlot`) called it.
    public var function: String?
    public var callRange: ByteRange?

    public init(code: Code, message: String, range: ByteRange, node: YAMLNode? = nil, help: String? = nil, notes: [String] = []) {
        (self.code, self.message, self.range, self.node, self.help, self.notes) = (code, message, range, node, help, notes)
    }

    public var description: String { "\(code.rawValue)@\(range): \(message)" }
}

/// The expressions of the variables an activation computes on demand, by slot (nil for
/// the others). Immutable: one retain per evaluation.
final class LetTable: Sendable {
    let expressions: [CompiledExpression?]
    /// Whether the let in each slot is the same for every match (computed once and kept).
    let invariant: [Bool]
    /// The stamp of a computed invariant let.
    static let forever = UInt32.max

    init(expressions: [CompiledExpression?], invariant: [Bool]) { (self.expressions, self.invariant) = (expressions, invariant) }
}

/// The result of `CompiledExpression.explain`.
public struct Explanation: Sendable {
    public let value: Value
    /// The comparisons (`== != < <= > >= ~=`) that decided the value, in evaluation order:
    /// those on the boolean skeleton (`&&`, `||`, `!`, `?:`) and, inside `all`/`exists`/
    /// `exists_one`, those of the element that decided the macro.
    public let comparisons: [ComparisonTrace]
}

/// One comparison made during `explain`.
public struct ComparisonTrace: Sendable {
    /// `==`, `!=`, `<`, `<=`, `>`, `>=` or `~=`.
    public let op: String
    /// The comparison in the expression text; `leftRange`/`rightRange` its operands.
    public let range: ByteRange
    public let leftRange: ByteRange
    public let rightRange: ByteRange
    public let left: Value
    public let right: Value
    public let result: Bool
}

// MARK: - Printing

/// How values print in messages.
public enum ValueStyle: Sendable {
    /// As written: `7199`, `＊`, `情報政策課`; a computed interval still shows its bounds.
    case plain
    /// Numbers with their rounding intervals: `7199 (7198.5–7199.5)`, `＊ (>0–<1)`.
    case intervals
}

extension Value {
    /// The value in plain words for a message. Strings print bare at the top level and
    /// quoted inside lists and maps; long lists are cut after 20 elements.
    /// At most `maxLength` characters (then `…`); a long string or scalar is not copied whole.
    /// In Japanese (`language`), numbers print in Japanese style (`Quantity.japaneseMessageDescription`).
    public func formatted(_ style: ValueStyle = .plain, symbols: SymbolTable = .default, maxLength: Int = Int.max,
                          language: Language = .en) -> String {
        ValueFormatter(style: style, symbols: symbols, maxLength: maxLength, language: language).format(Val(self))
    }

    /// The document node this value is, if any (what the engine blames for `at:`).
    public var node: YAMLNode? {
        if case .node(let n) = self { return n }
        return nil
    }

    /// The type name used in messages: `null`, `bool`, `number`, `string`, `list`, `map`
    /// (a document node reports the kind of its content).
    /// The name of its type in messages, in the current language (`number`, 数値).
    package var typeNoun: String { (ValueType(rawValue: typeName) ?? .dyn).noun }
    /// "a number", in the current language.
    package var typePhrase: String { (ValueType(rawValue: typeName) ?? .dyn).phrase }

    public var typeName: String {
        switch self {
        case .node(let n): return RuntimeType.of(n).name
        case .list: return RuntimeType.list.name
        case .map: return RuntimeType.map.name
        default: return RuntimeType.of(Val(self)).name
        }
    }

    /// The elements of a list or a sequence node (as `.node` values); nil otherwise.
    public var elements: [Value]? {
        switch self {
        case .list(let l): return l
        case .node(let n) where n.isSequence: return n.items.map { .node($0) }
        default: return nil
        }
    }

    /// The boolean of `.bool` or of a boolean scalar node; nil otherwise.
    public var boolValue: Bool? {
        switch self {
        case .bool, .node: return Val(self).boolValue
        default: return nil
        }
    }
}

// MARK: - Fiscal years and the function catalog

/// Japanese fiscal-year notation → Western fiscal year (the calendar year it begins in).
package enum FiscalYear {
    /// Reads `平成２７年度`, `平成27年度`, `H27`, `h27`, `Ｈ２７`, `令和元年度`, `R2`,
    /// `昭和64年度`, `2015`, `2015年度`, `平成２８（２０１６）年度`, and the first era year
    /// in a note such as `※平成２７年度で終了`. See Docs/rules-language.md for the rules.
    package static func parse(_ text: String) -> Result<Int, FiscalYearError> {
        FiscalYearParser.parse(text)
    }
}

/// Why a text is not a fiscal year.
package struct FiscalYearError: Error, Sendable, Equatable, CustomStringConvertible {
    package let message: String
    package let help: String?
    package var description: String { message }
}

/// A built-in function or macro, for documentation, completion and hover.
package struct FunctionInfo: Sendable {
    package let name: String
    /// Call forms, e.g. `size(x) -> number`, `list.all(x, predicate) -> bool`.
    package let signatures: [String]
    package let summary: String
    package let example: String
    /// The evaluation steps a call charges beyond its own ("" for none; Docs/rules-language.md, "Cost").
    package let cost: String
}

extension Expression {
    /// Every built-in function and macro.
    package static var functions: [FunctionInfo] { Builtins.catalog }
}
