import Diagnostics
import ExactNumbers
import LinearRegex
import SourceText
import Synchronization
import YAMLTree

/// The checked tree the interpreter runs: names resolved to slots, functions to their
/// `BuiltinFunction`s, literal regexes compiled, constant lists folded.
final class Expr: Sendable {
    enum Kind: Sendable {
        case constant(Val)
        case variable(Int, name: String)
        /// A macro variable: slot `base + index`, where `base` is the activation's size when
        /// evaluation starts (so an expression never writes over variables it does not know).
        case local(Int, name: String)
        case list([Expr])
        case map([(key: Expr, value: Expr)])
        case member(Expr, name: String)
        case index(Expr, Expr)
        case not(Expr)
        case negate(Expr)
        /// Arithmetic, comparisons and `in`.
        case binary(Syntax.BinaryOp, Expr, Expr)
        case and(Expr, Expr)
        case or(Expr, Expr)
        case conditional(Expr, Expr, Expr)
        case call(BuiltinFunction, [Expr])
        /// A call of a function of the rule pack.
        case userCall(FunctionDefinition, [Expr])
        /// `matches` with a literal pattern, compiled once; the pattern is the node's `pattern`.
        /// (Not a payload here: in this multi-payload enum Swift keeps the case tag in the
        /// pattern's spare pointer bits, where LeakSanitizer cannot see the pointer and reports
        /// the compiled program of every bundled rule as leaked.)
        case matchLiteral(Expr)
        /// `has(target.key)` / `has(target[key])`.
        case has(Expr, key: Expr)
        /// `target.kind(first[, second], [filter,] body)`.
        case macro(MacroKind, target: Expr, first: Int, second: Int?, filter: Expr?, body: Expr)
    }

    let kind: Kind
    let range: ByteRange
    /// Macro variables (by local index, as a bit set) this expression reads without binding
    /// them itself. Indexes of 63 and more set bit 63, which also marks it variant.
    let freeLocals: UInt64
    /// The capture variables (slots, as a bit set) its variables depend on, or nil when it
    /// reads a variable that changes from match to match (see `Scope.dependencies`).
    let dependencies: UInt64?
    /// Whether the value depends only on document-invariant variables (`root`, and lets
    /// computed from it): the same for every match of a rule over one document.
    let isInvariant: Bool
    /// Worth remembering (see `Activation.cachesInvariants`): invariant, or dependent only
    /// on captures (remembered per captured node), and doing real work (a macro, a call, or
    /// a chain of lookups), so that a cache hit saves more than it costs.
    let isCacheable: Bool
    /// A rough count of the work under this node, for `isCacheable`.
    let weight: Int
    /// A cheaper way to evaluate a common shape, decided once here (the tree and its
    /// `sexpr` stay as written; the interpreter falls back to the general path whenever a
    /// fast form does not apply to the values at hand). Stored as a plain tag and plain
    /// fields, not as the `Fast` enum: matching an enum with payloads copies them, which
    /// cost a retain and a release on every visit of the hottest nodes.
    let fastTag: FastTag
    /// `.typeIs`: the argument of `type(…)`, the type named (nil: none), and whether `!=`;
    /// `.member`: the target; `.getKey`: the mapping looked into. Unmanaged: `kind` owns the
    /// node, and the interpreter reads it through `_withUnsafeGuaranteedRef`, without the
    /// retain and release a stored reference costs on every read.
    let fastArg: Unmanaged<Expr>?
    let fastType: RuntimeType?
    let fastNegated: Bool
    /// `.getKey`, `.getKeyOr`, `.member`: the key (owned by `fastKeyOwner`, read like
    /// `fastArg`); `.getKey`: the constant returned when it is missing.
    let fastKey: Unmanaged<KeyLookup>?
    let fastKeyOwner: KeyLookup?
    let fastFallback: Val

    enum FastTag: UInt8, Sendable { case none, typeIs, getKey, getKeyOr, member, hasKey, stringOf }
    /// `.getKeyOr`: the default, an expression (unmanaged like `fastArg`).
    let fastDefault: Unmanaged<Expr>?

    /// The operands of `.binary`, `.and`, `.or`, `.not` and `.conditional` in order, and the
    /// operator of `.binary`, for the interpreter's hottest paths: unmanaged copies of the
    /// references `kind` owns, read without a retain and a release (see `fastArg`).
    let operands: (Unmanaged<Expr>?, Unmanaged<Expr>?, Unmanaged<Expr>?)
    let binaryOp: Syntax.BinaryOp
    /// What `Interpreter.condition` can decide without making a `Val`.
    let shape: Shape

    enum Shape: UInt8, Sendable { case other, and, or, not, comparison }
    /// `.call`: the function, unmanaged like `fastArg` (`kind` owns it).
    let function: Unmanaged<BuiltinFunction>?
    /// `.userCall`: the function of the pack, unmanaged like `function`; `.call`, `.userCall`:
    /// the arguments (the same array as in `kind`), read without copying the payload out.
    let userFunction: Unmanaged<FunctionDefinition>?
    let arguments: [Expr]
    /// `.variable`: its slot; `.local`: its index (from the macro base); else -1. Lets the
    /// interpreter look into a variable's node without copying the value out of its slot.
    let variableSlot: Int
    let localIndex: Int
    /// `.variable` computed on demand (a rule's `let`): reading it may evaluate its expression.
    let isLazyVariable: Bool
    /// `.call` of a function that takes a pattern written as a literal (`find`, `findAll`):
    /// the pattern, compiled once when the rule loads.
    let pattern: LinearPattern?

    enum Fast: Sendable {
        case none
        /// `type(x) == 'name'` or `!=`, either way round: the run-time type compared as a
        /// tag (`type` nil: the text names no type, so never equal).
        case typeIs(arg: Expr, type: RuntimeType?, negated: Bool)
        /// `get(x, 'key', constant)`: the key, compared in place.
        case getKey(target: Expr, key: KeyLookup, fallback: Val)
        /// `get(x, 'key', expression)`: the key compared in place; the default is evaluated
        /// either way, as the call evaluates every argument.
        case getKeyOr(target: Expr, key: KeyLookup, fallback: Expr)
        /// `x.name`: the name, compared in place.
        case member(target: Expr, key: KeyLookup)
        /// `has(x.name)` (or `has(x['name'])`): the name, compared in place.
        case hasKey(target: Expr, key: KeyLookup)
        /// `string(x)`: a string or a scalar node's text without the general call.
        case stringOf(arg: Expr)
    }

    static func fastForm(_ kind: Kind) -> Fast {
        switch kind {
        case .binary(let op, let l, let r) where op == .equal || op == .notEqual:
            func typeCall(_ e: Expr) -> Expr? {
                if case .call(let f, let args) = e.kind, f.name == "type", args.count == 1 { return args[0] }
                return nil
            }
            func literal(_ e: Expr) -> String? {
                if case .constant(.string(let t)) = e.kind { return t }
                return nil
            }
            if let arg = typeCall(l), let t = literal(r) { return .typeIs(arg: arg, type: RuntimeType.named(t), negated: op == .notEqual) }
            if let arg = typeCall(r), let t = literal(l) { return .typeIs(arg: arg, type: RuntimeType.named(t), negated: op == .notEqual) }
            return .none
        case .call(let f, let args) where f.name == "get" && args.count == 3:
            guard case .constant(.string(let key)) = args[1].kind else { return .none }
            guard case .constant(let fallback) = args[2].kind else { return .getKeyOr(target: args[0], key: KeyLookup(key), fallback: args[2]) }
            return .getKey(target: args[0], key: KeyLookup(key), fallback: fallback)
        case .member(let target, let name):
            return .member(target: target, key: KeyLookup(name))
        case .has(let target, let key):
            guard case .constant(.string(let name)) = key.kind else { return .none }
            return .hasKey(target: target, key: KeyLookup(name))
        case .call(let f, let args) where f.name == "string" && args.count == 1:
            return .stringOf(arg: args[0])
        default:
            return .none
        }
    }

    /// - Parameter dependencies: for `.variable`, the variable's dependencies (see
    ///   `Scope.dependencies`; nil: it changes from match to match).
    init(_ kind: Kind, _ range: ByteRange, dependencies: UInt64? = 0, lazy: Bool = false, pattern: LinearPattern? = nil) {
        self.kind = kind
        self.range = range
        self.isLazyVariable = lazy
        self.pattern = pattern
        var free: UInt64 = 0
        var deps = dependencies
        var weight = 1
        func add(_ e: Expr?) {
            guard let e else { return }
            free |= e.freeLocals
            deps = deps.flatMap { mine in e.dependencies.map { mine | $0 } }
            weight += e.weight
        }
        switch kind {
        case .constant, .variable:
            weight = 0
        case .local(let index, _):
            free = index < 63 ? 1 << UInt64(index) : 1 << 63
            weight = 0
        // (Loops, not `forEach(add)`: passing `add` as a closure boxed the three variables it
        // updates, with a dynamic exclusivity check on every update.)
        case .list(let items): for e in items { add(e) }
        case .map(let entries): for e in entries { add(e.key); add(e.value) }
        case .member(let t, _): add(t)
        case .index(let t, let i): add(t); add(i)
        case .not(let x), .negate(let x): add(x)
        case .binary(_, let l, let r), .and(let l, let r), .or(let l, let r): add(l); add(r)
        case .conditional(let c, let a, let b): add(c); add(a); add(b)
        case .call(_, let args): weight += 1; for e in args { add(e) }
        case .userCall(_, let args): weight += 4; for e in args { add(e) }
        case .matchLiteral(let x): weight += 4; add(x)
        case .has(let t, let k): add(t); add(k)
        case .macro(_, let target, let first, let second, let filter, let body):
            add(filter)
            add(body)
            // The macro binds its own variables: they are not free outside it.
            var bound: UInt64 = first < 63 ? 1 << UInt64(first) : 0
            if let second, second < 63 { bound |= 1 << UInt64(second) }
            free &= ~bound
            add(target)
            weight += 16
        }
        self.freeLocals = free
        self.dependencies = deps
        self.isInvariant = deps == 0 && free == 0
        self.weight = weight
        self.isCacheable = deps != nil && free == 0 && weight >= 3
        var arg: Expr?, key: KeyLookup?, fallbackExpr: Expr?
        switch Expr.fastForm(kind) {
        case .none:
            (fastTag, fastType, fastNegated, fastFallback) = (.none, nil, false, .null)
        case .typeIs(let a, let type, let negated):
            (fastTag, fastType, fastNegated, fastFallback) = (.typeIs, type, negated, .null)
            arg = a
        case .getKey(let target, let k, let fallback):
            (fastTag, fastType, fastNegated, fastFallback) = (.getKey, nil, false, fallback)
            (arg, key) = (target, k)
        case .getKeyOr(let target, let k, let fallback):
            (fastTag, fastType, fastNegated, fastFallback) = (.getKeyOr, nil, false, .null)
            (arg, key, fallbackExpr) = (target, k, fallback)
        case .member(let target, let k):
            (fastTag, fastType, fastNegated, fastFallback) = (.member, nil, false, .null)
            (arg, key) = (target, k)
        case .hasKey(let target, let k):
            (fastTag, fastType, fastNegated, fastFallback) = (.hasKey, nil, false, .null)
            (arg, key) = (target, k)
        case .stringOf(let a):
            (fastTag, fastType, fastNegated, fastFallback) = (.stringOf, nil, false, .null)
            arg = a
        }
        func unmanaged(_ e: Expr) -> Unmanaged<Expr> { Unmanaged.passUnretained(e) }
        switch kind {
        case .variable(let slot, _): (variableSlot, localIndex) = (slot, -1)
        case .local(let index, _): (variableSlot, localIndex) = (-1, index)
        default: (variableSlot, localIndex) = (-1, -1)
        }
        switch kind {
        case .binary(let op, let l, let r):
            (operands, binaryOp, shape) = ((unmanaged(l), unmanaged(r), nil), op, op.isComparison ? .comparison : .other)
        case .and(let l, let r):
            (operands, binaryOp, shape) = ((unmanaged(l), unmanaged(r), nil), .and, .and)
        case .or(let l, let r):
            (operands, binaryOp, shape) = ((unmanaged(l), unmanaged(r), nil), .or, .or)
        case .not(let x):
            (operands, binaryOp, shape) = ((unmanaged(x), nil, nil), .and, .not)
        case .conditional(let c, let a, let b):
            (operands, binaryOp, shape) = ((unmanaged(c), unmanaged(a), unmanaged(b)), .and, .other)
        default:
            (operands, binaryOp, shape) = ((nil, nil, nil), .and, .other)
        }
        if case .call(let f, _) = kind { function = Unmanaged.passUnretained(f) } else { function = nil }
        switch kind {
        case .userCall(let f, let args): (userFunction, arguments) = (Unmanaged.passUnretained(f), args)
        case .call(_, let args): (userFunction, arguments) = (nil, args)
        default: (userFunction, arguments) = (nil, [])
        }
        // `arg` is a child in `kind`, which keeps it alive as long as this node.
        fastArg = arg.map { Unmanaged.passUnretained($0) }
        fastDefault = fallbackExpr.map { Unmanaged.passUnretained($0) }
        fastKeyOwner = key
        fastKey = key.map { Unmanaged.passUnretained($0) }
    }

    /// The direct subexpressions, in no particular order.
    var children: [Expr] {
        switch kind {
        case .constant, .variable, .local: return []
        case .list(let items), .call(_, let items), .userCall(_, let items): return items
        case .map(let entries): return entries.flatMap { [$0.key, $0.value] }
        case .member(let t, _), .not(let t), .negate(let t), .matchLiteral(let t): return [t]
        case .index(let a, let b), .binary(_, let a, let b), .and(let a, let b), .or(let a, let b), .has(let a, let b): return [a, b]
        case .conditional(let c, let a, let b): return [c, a, b]
        case .macro(_, let target, _, _, let filter, let body): return [target, body] + (filter.map { [$0] } ?? [])
        }
    }

    /// Every node of the tree rooted here, found without recursion (and without a list of
    /// children per node: the children are pushed as `children` would list them).
    var allNodes: [Expr] {
        var out: [Expr] = []
        var stack = [self]
        while let e = stack.popLast() {
            out.append(e)
            switch e.kind {
            case .constant, .variable, .local: break
            case .list(let items), .call(_, let items), .userCall(_, let items): stack.append(contentsOf: items)
            case .map(let entries): for entry in entries { stack.append(entry.key); stack.append(entry.value) }
            case .member(let t, _), .not(let t), .negate(let t), .matchLiteral(let t): stack.append(t)
            case .index(let a, let b), .binary(_, let a, let b), .and(let a, let b), .or(let a, let b), .has(let a, let b):
                stack.append(a); stack.append(b)
            case .conditional(let c, let a, let b): stack.append(c); stack.append(a); stack.append(b)
            case .macro(_, let target, _, _, let filter, let body):
                stack.append(target); stack.append(body)
                if let filter { stack.append(filter) }
            }
        }
        return out
    }

    var sexpr: String {
        switch kind {
        case .constant(let v): return v.formatted(.plain).quotedIfString(v)
        case .variable(let slot, let name): return "\(name)#\(slot)"
        case .local(let index, let name): return "\(name)@\(index)"
        case .list(let items): return "[" + items.map(\.sexpr).joined(separator: " ") + "]"
        case .map(let entries): return "{" + entries.map { $0.key.sexpr + ": " + $0.value.sexpr }.joined(separator: ", ") + "}"
        case .member(let t, let name): return "(. \(t.sexpr) \(name))"
        case .index(let t, let i): return "([] \(t.sexpr) \(i.sexpr))"
        case .not(let x): return "(! \(x.sexpr))"
        case .negate(let x): return "(- \(x.sexpr))"
        case .binary(let op, let l, let r): return "(\(op.rawValue) \(l.sexpr) \(r.sexpr))"
        case .and(let l, let r): return "(&& \(l.sexpr) \(r.sexpr))"
        case .or(let l, let r): return "(|| \(l.sexpr) \(r.sexpr))"
        case .conditional(let c, let t, let e): return "(?: \(c.sexpr) \(t.sexpr) \(e.sexpr))"
        case .call(let f, let args): return "(\(f.name)" + args.map { " " + $0.sexpr }.joined() + ")"
        case .userCall(let f, let args): return "(\(f.name)" + args.map { " " + $0.sexpr }.joined() + ")"
        case .matchLiteral(let s): return "(matches \(s.sexpr) /\(pattern?.source ?? "")/)"
        case .has(let t, let k): return "(has \(t.sexpr) \(k.sexpr))"
        case .macro(let kind, let target, let first, let second, let filter, let body):
            let vars = second.map { "@\(first) @\($0)" } ?? "@\(first)"
            return "(\(kind.rawValue) \(target.sexpr) \(vars)" + (filter.map { " " + $0.sexpr } ?? "") + " \(body.sexpr))"
        }
    }
}

private extension String {
    func quotedIfString(_ v: Val) -> String {
        if case .string = v { return "'" + self + "'" }
        return self
    }
}

enum Compiler {
    static func compile(_ text: String, scope: Scope, expecting: ValueType?, limits: ExpressionLimits) -> CompileResult {
        let syntax: Syntax
        switch Parser.parse(text, limits: limits) {
        case .success(let s): syntax = s
        case .failure(let p): return CompileResult(expression: nil, problems: [p])
        }
        var checker = Checker(scope: scope, limits: limits)
        checker.source = Array(text.utf8)
        let (root, type) = checker.check(syntax)
        if let expecting, type != .dyn, type != expecting {
            checker.problems.append(ExpressionProblem(
                code: .typeMismatch, message: CheckMessage.expectedExpression(["expected": expecting.phrase, "actual": type.phrase]),
                range: syntax.range, label: type.phrase, help: expecting == .bool ? CheckMessage.conditionHelp() : nil))
        }
        if !checker.problems.isEmpty {
            let sorted = checker.problems.sorted { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
            return CompileResult(expression: nil, problems: sorted)
        }
        let compiled = CompiledExpression(
            text: text, root: root, nodes: root.allNodes, resultType: type, variableCount: scope.names.count,
            usedSlots: checker.used.sorted(), limits: limits)
        return CompileResult(expression: compiled, problems: [], shape: checker.shape(of: syntax))
    }
}

/// Resolves names and functions and infers static types, collecting every problem.
struct Checker {
    let scope: Scope
    let limits: ExpressionLimits
    var problems: [ExpressionProblem] = []
    var locals: [(name: String, slot: Int)] = []
    /// The expression's text (for messages that quote a part of it).
    var source: [UInt8] = []

    /// The text of a part of the expression, as written.
    func written(_ s: Syntax) -> String {
        guard s.range.start >= 0, s.range.end <= source.count, s.range.start <= s.range.end else { return "x" }
        return String(decoding: source[s.range.start..<s.range.end], as: UTF8.self)
    }

    /// What the schema says about each macro variable's values (by local slot).
    var localShapes: [Int: any ValueShape] = [:]
    var used: Set<Int> = []

    init(scope: Scope, limits: ExpressionLimits) { (self.scope, self.limits) = (scope, limits) }

    mutating func error(_ code: ExpressionProblem.Code, _ message: String, _ range: ByteRange, label: String? = nil, help: String? = nil) {
        problems.append(ExpressionProblem(code: code, message: message, range: range, label: label, help: help))
    }

    /// Placeholder after an error, so checking can go on and report more.
    func poison(_ range: ByteRange) -> (Expr, ValueType) { (Expr(.constant(.null), range), .dyn) }

    mutating func check(_ s: Syntax) -> (Expr, ValueType) {
        switch s.kind {
        case .null: return (Expr(.constant(.null), s.range), .null)
        case .bool(let b): return (Expr(.constant(.bool(b)), s.range), .bool)
        case .number(let d): return (Expr(.constant(.number(Quantity(exact: d))), s.range), .number)
        case .string(let t, _): return (Expr(.constant(.string(t)), s.range), .string)
        case .list(let items):
            let checked = items.map { check($0).0 }
            if let values = constants(checked) { return (Expr(.constant(.list(values)), s.range), .list) }
            return (Expr(.list(checked), s.range), .list)
        case .map(let entries):
            var out: [(key: Expr, value: Expr)] = []
            var seen: [String: ByteRange] = [:]
            for e in entries {
                let (k, kt) = check(e.key)
                if kt != .dyn && kt != .string {
                    error(.typeMismatch, CheckMessage.mapKeysAreStrings(["actual": kt.phrase]), e.key.range, label: kt.phrase, help: CheckMessage.quoteIt())
                }
                if case .string(let name, _) = e.key.kind {
                    if seen[name] != nil {
                        error(.duplicateKey, CheckMessage.keyTwice(["key": name]), e.key.range, label: CheckMessage.repeatedKey())
                    }
                    seen[name] = e.key.range
                }
                out.append((k, check(e.value).0))
            }
            if out.allSatisfy({ if case .constant = $0.key.kind, case .constant = $0.value.kind { return true } else { return false } }) {
                var m = ValMap()
                for e in out {
                    if case .constant(.string(let k)) = e.key.kind, case .constant(let v) = e.value.kind { m[k] = v }
                }
                if m.count == out.count { return (Expr(.constant(.map(m)), s.range), .map) }
            }
            return (Expr(.map(out), s.range), .map)
        case .identifier(let name):
            if let local = locals.last(where: { $0.name == name }) {
                return (Expr(.local(local.slot, name: name), s.range), .dyn)
            }
            if let slot = scope.slot(of: name) {
                used.insert(slot)
                return (Expr(.variable(slot, name: name), s.range, dependencies: scope.dependencies(of: slot), lazy: scope.isLazy(slot)), scope.types[slot])
            }
            if let c = scope.constants[name] {
                let v = Val(c)
                let t: ValueType = RuntimeType.of(v) == .null ? .null : ValueType(rawValue: RuntimeType.of(v).name) ?? .dyn
                return (Expr(.constant(v), s.range), t)
            }
            unknownIdentifier(name, s.range)
            return poison(s.range)
        case .member(let target, let name, let nameRange):
            let (t, tt) = check(target)
            if tt != .dyn && tt != .map {
                error(.typeMismatch, CheckMessage.noFields(["type": tt.phrase]), s.range, label: CheckMessage.fieldOn(["name": name, "type": tt.phrase]),
                      help: Interpreter.functionHelp(name, written(target)))
            }
            if let declared = parameterType(target, name, nameRange) { return (Expr(.member(t, name: name), s.range), declared) }
            return (Expr(.member(t, name: name), s.range), fieldType(target, name, nameRange))
        case .index(let target, let index):
            let (t, tt) = check(target)
            let (i, it) = check(index)
            if case .string(let key, _) = index.kind, shape(of: target) != nil {
                let ft = fieldType(target, key, index.range)
                if ft != .dyn { return (Expr(.index(t, i), s.range), ft) }
            }
            switch tt {
            case .list:
                if it != .dyn && it != .number { error(.typeMismatch, CheckMessage.listIndexedByNumber(["actual": it.phrase]), index.range, label: it.phrase) }
            case .map:
                if it != .dyn && it != .string { error(.typeMismatch, CheckMessage.mapIndexedByString(["actual": it.phrase]), index.range, label: it.phrase) }
            case .dyn:
                if it != .dyn && it != .number && it != .string {
                    error(.typeMismatch, CheckMessage.indexNumberOrString(["actual": it.phrase]), index.range, label: it.phrase)
                }
            default:
                error(.typeMismatch, CheckMessage.cannotBeIndexed(["type": tt.phrase]), target.range, label: tt.phrase)
            }
            return (Expr(.index(t, i), s.range), .dyn)
        case .unary(.not, let x):
            let (e, t) = check(x)
            if t != .dyn && t != .bool {
                error(.typeMismatch, CheckMessage.notNeedsBool(["actual": t.phrase]), x.range, label: t.phrase)
            }
            return (Expr(.not(e), s.range), .bool)
        case .unary(.negate, let x):
            let (e, t) = check(x)
            if t != .dyn && t != .number {
                error(.typeMismatch, CheckMessage.negateNeedsNumber(["actual": t.phrase]), x.range, label: t.phrase)
            }
            return (Expr(.negate(e), s.range), .number)
        case .binary(let op, let l, let r, let opRange):
            return checkBinary(op, l, r, opRange: opRange, range: s.range)
        case .conditional(let c, let a, let b):
            let (ce, ct) = check(c)
            if ct != .dyn && ct != .bool {
                error(.typeMismatch, CheckMessage.conditionalNeedsBool(["actual": ct.phrase]), c.range, label: ct.phrase)
            }
            let (ae, at) = check(a)
            let (be, bt) = check(b)
            return (Expr(.conditional(ce, ae, be), s.range), at == bt ? at : .dyn)
        case .call(let name, let nameRange, let receiver, let args):
            return checkCall(name, nameRange: nameRange, receiver: receiver, args: args, range: s.range)
        }
    }

    /// For `params.name` (the rule variable `params`, when the scope knows the rule's
    /// parameters): the parameter's declared type, or an error for a parameter the rule does
    /// not declare (with "did you mean"). Nil for anything else.
    mutating func parameterType(_ target: Syntax, _ name: String, _ nameRange: ByteRange) -> ValueType? {
        guard case .identifier("params") = target.kind, let declared = scope.parameterTypes,
              scope.slot(of: "params") == Scope.paramsSlot, !locals.contains(where: { $0.name == "params" }) else { return nil }
        if let t = declared[name] { return t }
        let names = declared.keys.sorted()
        problems.append(ExpressionProblem(
            code: .unknownIdentifier,
            message: names.isEmpty ? CheckMessage.noParameters(["name": name]) : CheckMessage.noSuchParameter(["name": name]),
            range: nameRange, label: CheckMessage.notAParameter(),
            help: Suggestion.didYouMean(name, in: names) ?? (names.isEmpty ? CheckMessage.declareParameter() : nil),
            notes: names.isEmpty ? [] : [CheckMessage.parametersAre(["names": names.joined(separator: ", ")])]))
        return .dyn
    }

    // MARK: shapes

    /// What the schema says about the value of `s`, when it says something: variables with a
    /// shape, fields of them, items of lists of them, what `get`, `filter` and `sortBy` give.
    func shape(of s: Syntax) -> (any ValueShape)? {
        switch s.kind {
        case .identifier(let name):
            if let local = locals.last(where: { $0.name == name }) { return localShapes[local.slot] }
            return scope.slot(of: name).flatMap { scope.shapes[$0] }
        case .member(let target, let name, _):
            if case .shape(let x)? = shape(of: target)?.member(name) { return x }
            return nil
        case .index(let target, let index):
            guard let t = shape(of: target) else { return nil }
            if case .string(let key, _) = index.kind {
                if case .shape(let x) = t.member(key) { return x }
                return nil
            }
            return t.element
        case .call(let name, _, let receiver, let args):
            let all = (receiver.map { [$0] } ?? []) + args
            switch name {
            case "get" where all.count == 3:
                if case .string(let key, _) = all[1].kind, case .shape(let x)? = shape(of: all[0])?.member(key) { return x }
                return nil
            case "filter", "sortBy", "sort", "unique", "duplicates":
                return all.first.flatMap { shape(of: $0)?.element }.map { ListShape(item: $0) }
            default:
                return nil
            }
        default:
            return nil
        }
    }

    /// The type of field `name` of `target` as the schema gives it (`dyn` when it does not);
    /// a field the schema does not allow is an error, with "did you mean".
    mutating func fieldType(_ target: Syntax, _ name: String, _ nameRange: ByteRange) -> ValueType {
        guard let t = shape(of: target) else { return .dyn }
        switch t.member(name) {
        case .shape(let x): return x.valueType
        case .unknown: return .dyn
        case .absent(let declared):
            problems.append(ExpressionProblem(
                code: .unknownField, message: CheckMessage.noSuchField(["name": name, "place": t.name]), range: nameRange,
                label: CheckMessage.notInTheSchema(),
                help: Suggestion.didYouMean(name, in: declared) ?? CheckMessage.useHasForOptional(),
                notes: declared.isEmpty ? [] : [CheckMessage.itsFields(["names": declared.prefix(20).joined(separator: ", ") + (declared.count > 20 ? ", …" : "")])]))
            return .dyn
        }
    }

    func constants(_ exprs: [Expr]) -> [Val]? {
        var values: [Val] = []
        values.reserveCapacity(exprs.count)
        for e in exprs {
            guard case .constant(let v) = e.kind else { return nil }
            values.append(v)
        }
        return values
    }

    // MARK: operators

    mutating func checkBinary(_ op: Syntax.BinaryOp, _ l: Syntax, _ r: Syntax, opRange: ByteRange, range: ByteRange) -> (Expr, ValueType) {
        let (le, lt) = check(l)
        let (re, rt) = check(r)
        func need(_ allowed: TypeSet, _ t: ValueType, _ side: Syntax, _ what: CheckMessage) {
            if !allowed.admits(t) {
                let message = side === l ? CheckMessage.operandLeft : CheckMessage.operandRight
                error(.typeMismatch, message(["operator": op.rawValue, "allowed": what(), "actual": t.phrase]), side.range, label: t.phrase)
            }
        }
        func operands() -> String { TypePhrase.operands(["left": lt.noun, "operator": op.rawValue, "right": rt.noun]) }
        switch op {
        case .and, .or:
            need(.bool, lt, l, .bools)
            need(.bool, rt, r, .bools)
            return (Expr(op == .and ? .and(le, re) : .or(le, re), range), .bool)
        case .add:
            if lt != .dyn && rt != .dyn && lt != rt {
                let help = lt == .string || rt == .string ? CheckMessage.joinWithString() : nil
                error(.typeMismatch, CheckMessage.cannotAdd(["right": rt.phrase, "left": lt.phrase]), range, label: operands(), help: help)
            } else {
                need([.number, .string, .list], lt, l, .numbersStringsOrLists)
                need([.number, .string, .list], rt, r, .numbersStringsOrLists)
            }
            return (Expr(.binary(op, le, re), range), lt != .dyn ? lt : rt)
        case .subtract, .multiply, .divide, .remainder:
            need(.number, lt, l, .numbers)
            need(.number, rt, r, .numbers)
            return (Expr(.binary(op, le, re), range), .number)
        case .equal, .notEqual:
            if lt != .dyn && rt != .dyn && lt != rt && lt != .null && rt != .null {
                error(.typeMismatch, CheckMessage.neverEqual(["left": lt.phrase, "right": rt.phrase]), range, label: operands(),
                      help: lt == .string || rt == .string ? CheckMessage.convertOneSide() : nil)
            }
            return (Expr(.binary(op, le, re), range), .bool)
        case .less, .lessEqual, .greater, .greaterEqual:
            need([.number, .string], lt, l, .numbersOrStrings)
            need([.number, .string], rt, r, .numbersOrStrings)
            if (lt == .number || lt == .string) && (rt == .number || rt == .string) && lt != rt {
                error(.typeMismatch, CheckMessage.cannotOrder(["left": lt.phrase, "right": rt.phrase]), range, label: operands())
            }
            return (Expr(.binary(op, le, re), range), .bool)
        case .approx:
            need(.number, lt, l, .numbers)
            need(.number, rt, r, .numbers)
            return (Expr(.binary(op, le, re), range), .bool)
        case .in:
            if !TypeSet([.list, .map]).admits(rt) {
                error(.typeMismatch, CheckMessage.inNeedsContainer(["actual": rt.phrase]), r.range, label: rt.phrase,
                      help: rt == .string ? CheckMessage.useContains() : nil)
            }
            return (Expr(.binary(op, le, re), range), .bool)
        }
    }

    // MARK: calls

    /// `MacroKind(rawValue:)` as a table: the raw-value initialiser compares the name with
    /// every case in turn, for every call checked.
    static let macros = Dictionary(uniqueKeysWithValues: MacroKind.allCases.map { ($0.rawValue, $0) })

    mutating func checkCall(_ name: String, nameRange: ByteRange, receiver: Syntax?, args: [Syntax], range: ByteRange) -> (Expr, ValueType) {
        if name == "has" {
            return checkHas(receiver: receiver, args: args, range: range, nameRange: nameRange)
        }
        if let macro = Self.macros[name], !(macro == .count && (receiver == nil || args.count < 2)) {
            guard let receiver else {
                error(.invalidMacro, CheckMessage.macroNeedsList(["name": name]), nameRange,
                      label: CheckMessage.needsAListBefore(), help: CheckMessage.macroExample(["name": name]))
                for a in args { _ = check(a) }
                return poison(range)
            }
            return checkMacro(macro, nameRange: nameRange, receiver: receiver, args: args, range: range)
        }
        guard let function = Builtins.named(name) else {
            if let definition = scope.functions[name] {
                return checkUserCall(definition, nameRange: nameRange, receiver: receiver, args: args, range: range)
            }
            unknownFunction(name, nameRange)
            if let receiver { _ = check(receiver) }
            for a in args { _ = check(a) }
            return poison(range)
        }
        let all = (receiver.map { [$0] } ?? []) + args
        let sig = function.signature
        if all.count < sig.minArgs || (sig.maxArgs.map { all.count > $0 } ?? false) {
            let expected: String
            if let maxArgs = sig.maxArgs, maxArgs != sig.minArgs {
                let phrase = maxArgs == sig.minArgs + 1 ? ArityPhrase.orMore : ArityPhrase.range
                expected = phrase(["min": sig.minArgs, "max": maxArgs])
            } else if let maxArgs = sig.maxArgs {
                expected = ArityPhrase.arguments(maxArgs)
            } else { expected = sig.minArgs == 1 ? ArityPhrase.atLeastOne() : ArityPhrase.atLeast(["count": sig.minArgs]) }
            let form = function.forms.joined(separator: ", ")
            let extra = all.count > (sig.maxArgs ?? Int.max) ? ByteRange(all[sig.maxArgs!].range.start, all.last!.range.end) : range
            let message = receiver != nil ? CheckMessage.takesCountingReceiver : CheckMessage.takes
            error(.wrongArity, message(["name": name, "expected": expected, "given": ArityPhrase.wereGiven(all.count)]),
                  extra, label: all.count > (sig.maxArgs ?? Int.max) ? CheckMessage.extraArgument() : CheckMessage.missingArgument(),
                  help: CheckMessage.useForms(["forms": form]))
            for a in all { _ = check(a) }
            return poison(range)
        }
        var checked: [Expr] = []
        var types: [ValueType] = []
        for (i, a) in all.enumerated() {
            let (e, t) = check(a)
            checked.append(e)
            types.append(t)
            let allowed = i < sig.params.count ? sig.params[i] : sig.rest
            if !allowed.admits(t) {
                let whose = i == 0 && receiver != nil ? CheckMessage.theValueBefore(["name": name])
                    : CheckMessage.argumentNumber(["number": receiver != nil ? i : i + 1])
                error(.typeMismatch, CheckMessage.needsAs(["name": name, "allowed": allowed.phrase, "whose": whose, "actual": t.phrase]),
                      a.range, label: t.phrase)
            }
        }
        var call = CheckedCall(name: name, syntax: all, args: checked, types: types, range: range, result: sig.result)
        if let refine = function.refine, let replacement = refine(&self, &call) { return (replacement, call.result) }
        return (Expr(.call(function, checked), range), call.result)
    }

    mutating func checkHas(receiver: Syntax?, args: [Syntax], range: ByteRange, nameRange: ByteRange) -> (Expr, ValueType) {
        guard receiver == nil, args.count == 1 else {
            error(.wrongArity, CheckMessage.hasTakesOneField(), range, label: CheckMessage.notASingleField())
            return poison(range)
        }
        let a = args[0]
        switch a.kind {
        case .member(let target, let name, let nameRange):
            let (t, tt) = check(target)
            if tt != .dyn && tt != .map && tt != .null {
                error(.typeMismatch, CheckMessage.hasNeedsMap(["actual": tt.phrase]), target.range, label: tt.phrase)
            }
            return (Expr(.has(t, key: Expr(.constant(.string(name)), nameRange)), range), .bool)
        case .index(let target, let key):
            let (t, _) = check(target)
            let (k, kt) = check(key)
            if kt != .dyn && kt != .string && kt != .number {
                error(.typeMismatch, CheckMessage.hasNeedsKey(["actual": kt.phrase]), key.range, label: kt.phrase)
            }
            return (Expr(.has(t, key: k), range), .bool)
        default:
            error(.invalidMacro, CheckMessage.hasTakesAField(), a.range, label: CheckMessage.notAField(), help: CheckMessage.writeHas())
            _ = check(a)
            return poison(range)
        }
    }

    mutating func checkMacro(_ macro: MacroKind, nameRange: ByteRange, receiver: Syntax, args: [Syntax], range: ByteRange) -> (Expr, ValueType) {
        let (target, tt) = check(receiver)
        if tt != .dyn && tt != .list && tt != .map {
            error(.typeMismatch, CheckMessage.macroNeedsContainer(["macro": macro.rawValue, "actual": tt.phrase]), receiver.range, label: tt.phrase)
        }
        let twoVariables: Bool
        switch (macro, args.count) {
        case (_, 2): twoVariables = false
        case (.sortBy, _), (.groupBy, _):
            error(.wrongArity, CheckMessage.takesVariableAndKey(["macro": macro.rawValue]), range,
                  label: ArityPhrase.arguments(args.count), help: CheckMessage.keyExample(["macro": macro.rawValue]))
            return poison(range)
        case (.map, 3): twoVariables = false
        case (.map, _):
            error(.wrongArity, CheckMessage.mapTakes(), range, label: ArityPhrase.count(["count": args.count]), help: CheckMessage.mapExample())
            return poison(range)
        case (_, 3): twoVariables = true
        default:
            error(.wrongArity, CheckMessage.takesVariableAndCondition(["macro": macro.rawValue]), range,
                  label: ArityPhrase.arguments(args.count), help: CheckMessage.conditionExample(["macro": macro.rawValue]))
            return poison(range)
        }
        let varCount = twoVariables ? 2 : 1
        var slots: [Int] = []
        var names: [String] = []
        for v in args.prefix(varCount) {
            guard case .identifier(let name) = v.kind else {
                let message = twoVariables ? CheckMessage.firstArgumentsVariables : CheckMessage.firstArgumentVariable
                error(.invalidMacro, message(["macro": macro.rawValue]), v.range,
                      label: CheckMessage.notAName(), help: CheckMessage.bindsEachElement(["macro": macro.rawValue]))
                return poison(range)
            }
            if scope.slot(of: name) != nil || locals.contains(where: { $0.name == name }) || names.contains(name) || scope.constants[name] != nil {
                error(.invalidMacro, CheckMessage.alreadyAVariable(["name": name]), v.range, label: CheckMessage.alreadyBound(),
                      help: CheckMessage.pickAnotherName(["name": name]))
                return poison(range)
            }
            names.append(name)
            slots.append(locals.count + slots.count)
        }
        for (n, s) in zip(names, slots) { locals.append((n, s)) }
        // The element variable of a list takes the shape of its items.
        if let item = shape(of: receiver)?.element, let elementSlot = slots.last, !(slots.count == 1 && shape(of: receiver)?.valueType == .map) {
            localShapes[elementSlot] = item
        }
        defer {
            locals.removeLast(names.count)
            for s in slots { localShapes[s] = nil }
        }
        var filter: Expr?
        let body: Expr
        let bodyType: ValueType
        if macro == .map && args.count == 3 {
            let (f, ft) = check(args[1])
            if ft != .dyn && ft != .bool { error(.typeMismatch, CheckMessage.mapConditionBool(["actual": ft.phrase]), args[1].range, label: ft.phrase) }
            filter = f
            (body, bodyType) = check(args[2])
        } else {
            (body, bodyType) = check(args[varCount])
            if macro == .groupBy && bodyType != .dyn && bodyType != .string && bodyType != .number {
                error(.typeMismatch, CheckMessage.groupByKey(["actual": bodyType.phrase]), args[varCount].range, label: bodyType.phrase)
            }
            if macro == .sortBy && bodyType != .dyn && bodyType != .string && bodyType != .number {
                error(.typeMismatch, CheckMessage.sortByKey(["actual": bodyType.phrase]), args[varCount].range, label: bodyType.phrase)
            }
            if !macro.bodyIsValue && bodyType != .dyn && bodyType != .bool {
                error(.typeMismatch, CheckMessage.macroConditionBool(["macro": macro.rawValue, "actual": bodyType.phrase]), args[varCount].range,
                      label: bodyType.phrase)
            }
        }
        let result: ValueType
        switch macro {
        case .all, .exists, .exists_one: result = .bool
        case .count: result = .number
        case .filter, .map, .sortBy: result = .list
        case .groupBy: result = .map
        }
        return (Expr(.macro(macro, target: target, first: slots[0], second: slots.count > 1 ? slots[1] : nil, filter: filter, body: body), range), result)
    }

    // MARK: names

    mutating func unknownIdentifier(_ name: String, _ range: ByteRange) {
        if Builtins.isCallable(name) {
            error(.unknownIdentifier, CheckMessage.functionNotVariable(["name": name]), range, label: CheckMessage.notAVariable(),
                  help: MacroKind(rawValue: name) != nil ? CheckMessage.callOnAList(["name": name]) : CheckMessage.callIt(["name": name]))
            return
        }
        let literalHint: [String: String] = ["True": "true", "TRUE": "true", "False": "false", "FALSE": "false",
                                             "None": "null", "nil": "null", "NULL": "null", "Null": "null", "undefined": "null",
                                             "this": "self", "it": "self", "and": "&&", "or": "||", "not": "!"]
        var candidates = scope.names + locals.map(\.name) + scope.constants.keys.sorted()
        candidates += ["true", "false", "null"]
        let suggestion = literalHint[name] ?? Suggestion.closest(to: name, in: candidates)
        let inScope = (scope.names + locals.map(\.name)).joined(separator: ", ")
        problems.append(ExpressionProblem(
            code: .unknownIdentifier, message: CheckMessage.unknownName(["name": name]), range: range,
            label: scope.hints[name] == nil ? CheckMessage.notDefined() : CheckMessage.notVisibleHere(),
            help: scope.hints[name] ?? suggestion.map { SuggestionMessage.didYouMean(["name": $0]) },
            notes: inScope.isEmpty ? [] : [CheckMessage.namesAvailable(["names": inScope])]))
    }

    /// A call of a function of the pack: the arguments (the value before `.` first) against
    /// its parameters; its body's type is the call's.
    mutating func checkUserCall(_ f: FunctionDefinition, nameRange: ByteRange, receiver: Syntax?, args: [Syntax], range: ByteRange) -> (Expr, ValueType) {
        let all = (receiver.map { [$0] } ?? []) + args
        let checked = all.map { check($0).0 }
        guard all.count == f.parameters.count else {
            let n = f.parameters.count
            error(.wrongArity, CheckMessage.takes(["name": f.name, "expected": ArityPhrase.arguments(n), "given": ArityPhrase.wereGiven(all.count)]),
                  all.count > n ? ByteRange(all[n].range.start, all.last!.range.end) : range,
                  label: all.count > n ? CheckMessage.extraArgument() : CheckMessage.missingArgument(),
                  help: CheckMessage.usePackFunction(["signature": f.signature]))
            return poison(range)
        }
        return (Expr(.userCall(f, checked), range), f.expression.resultType)
    }

    mutating func unknownFunction(_ name: String, _ range: ByteRange) {
        let aliases = Builtins.aliases
        // Misspelt aliases (`lenght`) lead to the real name too.
        let suggestion = aliases[name] ?? Suggestion.closest(to: name, in: Builtins.callableNames + scope.functions.keys.sorted() + aliases.keys.sorted())
            .map { aliases[$0] ?? $0 }
        error(.unknownFunction, CheckMessage.unknownFunction(["name": name]), range, label: CheckMessage.notAFunction(),
              help: suggestion.map { SuggestionMessage.didYouMean(["name": $0]) } ?? CheckMessage.seeFunctions())
    }
}

/// A key looked up by one expression node in many mappings: its UTF-8 bytes, and where it
/// was found last (mappings of one shape keep a key at the same entry, so the next lookup
/// usually compares one key instead of scanning). The hint is only a guess, read and
/// written without ordering: a stale one costs a scan, never a wrong answer.
final class KeyLookup: Sendable {
    let bytes: [UInt8]
    private let hint = Atomic<Int>(0)

    init(_ key: String) { bytes = Array(key.utf8) }

    /// The value under the key in a mapping node; nil when absent or not a mapping.
    @inline(__always) func value(in node: UnownedNode) -> UnownedNode? {
        var h = hint.load(ordering: .relaxed)
        let before = h
        let found = bytes.withUnsafeBufferPointer { node.value(forKey: $0, hint: &h) }
        if h != before { hint.store(h, ordering: .relaxed) }
        return found
    }
}
