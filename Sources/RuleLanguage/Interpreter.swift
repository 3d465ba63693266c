import Diagnostics
import ExactNumbers
import LinearRegex
import SourceText
import YAMLTree

/// Evaluates a checked tree. One per evaluation (cheap: no allocation until a value needs
/// one); the activation's storage is borrowed for the duration and returned.
struct Interpreter {
    /// Unmanaged: an interpreter lives only inside a call on this expression. While a let is
    /// computed on demand, or a function of the pack runs, it is that let's or function's
    /// expression (for its texts and limits); switching costs no reference counting.
    var current: Unmanaged<CompiledExpression>
    var expression: CompiledExpression { current.takeUnretainedValue() }
    let symbols: SymbolTable
    /// The language texts built for messages are in (`withUnit`, `yearText`).
    var language: Language = .en
    let tracing: Bool
    var trace: [ComparisonTrace] = []
    var slots: [Val] = []
    var used = 0
    var limit = 0
    /// Where macro variables start in `slots`.
    var base = 0
    /// Where the variables of the running expression start in `slots`: 0 for a rule's
    /// expressions and lets; for a function of the pack, its arguments (its frame sits above
    /// the caller's slots, so a call allocates nothing).
    var frame = 0
    /// Values remembered across evaluations (`Activation.cache`).
    var cache: [ObjectIdentifier: CacheEntry] = Dictionary()
    var caching = false
    /// Results of pack-function calls by call site (`Activation.memo`, `CallMemo`); used
    /// when `caching`.
    var memo: CallMemos?
    /// Whether `memo` was checked against this evaluation's language and symbols.
    var memoChecked = false
    /// Variables computed on demand (`Activation.defineLet`): their expressions (unowned: the
    /// activation holds the table), and for each slot the match its value was computed for.
    var lets: Unmanaged<LetTable>?
    var letStamps: [UInt32] = []
    var letGeneration: UInt32 = 0
    /// The whole numbers last read from scalar nodes, four at most, by the low bits of the
    /// node's index (`whole`): the yearly counts compare the same few nodes (`fy`, the plan
    /// period's years) with the years of every node they count, and finding a number here
    /// costs a fraction of reading it from the node's bytes again. Nodes do not change while
    /// an evaluation runs.
    var wholeNodes: (UnownedNode?, UnownedNode?, UnownedNode?, UnownedNode?) = (nil, nil, nil, nil)
    var wholeValues: SIMD4<Int64> = .zero

    init(expression: CompiledExpression, options: EvaluationOptions, tracing: Bool) {
        self.init(expression: expression, symbols: options.symbols, tracing: tracing)
        language = options.language
    }

    init(expression: CompiledExpression, symbols: SymbolTable, tracing: Bool) {
        (self.current, self.symbols, self.tracing) = (Unmanaged.passUnretained(expression), symbols, tracing)
    }

    mutating func run(_ activation: inout Activation, meter: inout CostMeter) throws(EvaluationError) -> Val {
        swap(&slots, &activation.slots)
        caching = activation.cachesInvariants && !tracing
        if caching { swap(&cache, &activation.cache); swap(&memo, &activation.memo) }
        if let table = activation.lets {
            lets = Unmanaged.passUnretained(table)
            swap(&letStamps, &activation.letStamps)
            letGeneration = activation.letGeneration
        }
        let original = slots.count
        while slots.count < expression.variableCount { slots.append(.null) }
        base = slots.count
        used = meter.used
        limit = meter.limit
        defer {
            if slots.count > original { slots.removeSubrange(original...) }
            swap(&slots, &activation.slots)
            if caching { swap(&cache, &activation.cache); swap(&memo, &activation.memo) }
            if lets != nil { swap(&letStamps, &activation.letStamps) }
            meter.used = used
        }
        // Inside, errors are untyped: a typed-throws call site reserves a buffer for the
        // whole EvaluationError in every frame, which made deep recursion costly.
        do {
            return try eval(expression.root, true)
        } catch let error as EvaluationError {
            throw error
        } catch {
            throw EvaluationError(code: .typeMismatch, message: EvaluationMessage.internalError(["error": "\(error)"]), range: expression.root.range)
        }
    }

    // MARK: cost

    @inline(__always) mutating func step(_ e: Expr, _ n: Int = 1) throws {
        used &+= n
        if used > limit { throw budgetError(e) }
    }

    mutating func budgetError(_ e: Expr) -> EvaluationError {
        EvaluationError(
            code: .budgetExceeded, message: EvaluationMessage.budgetExceeded(["limit": limit]),
            range: e.range, help: EvaluationMessage.budgetHelp(), notes: [EvaluationMessage.stoppedWhile(["expression": snippet(e)])])
    }

    // MARK: errors

    mutating func snippet(_ e: Expr) -> String {
        let bytes = Array(expression.text.utf8)
        let r = e.range
        guard r.start >= 0, r.end <= bytes.count, r.start <= r.end else { return "" }
        var s = String(decoding: bytes[r.start..<r.end], as: UTF8.self)
        if s.count > 60 { s = String(s.prefix(57)) + "…" }
        return s
    }

    /// "the string '◎'", "a map", "null", "the number 7199".
    mutating func describe(_ v: Val) -> String {
        let t = RuntimeType.of(v)
        switch t {
        case .null: return EvaluationPhrase.null()
        case .map: return ValueType.map.phrase
        case .list: return ValueType.list.phrase
        default:
            var text = v.formatted(.plain, symbols: symbols)
            if text.count > 40 { text = String(text.prefix(37)) + "…" }
            if t == .string { return EvaluationPhrase.theString(["text": text]) }
            return EvaluationPhrase.theValue(["type": (ValueType(rawValue: t.name) ?? .dyn).noun, "value": text])
        }
    }

    mutating func typeError(_ e: Expr, _ v: Val, expected: String, help: String? = nil) -> EvaluationError {
        EvaluationError(
            code: .typeMismatch, message: EvaluationMessage.typeMismatch(["expected": expected, "expression": snippet(e), "actual": describe(v)]),
            range: e.range, node: v.node, help: help)
    }

    mutating func decimalError(_ error: DecimalError, _ e: Expr, _ node: YAMLNode?, divisor: Val? = nil) -> EvaluationError {
        switch error {
        case .overflow:
            return EvaluationError(code: .overflow, message: EvaluationMessage.resultOutOfRange(["expression": snippet(e)]), range: e.range, node: node)
        case .divisionByZero:
            var msg = EvaluationMessage.divisionByZero(["expression": snippet(e)])
            var help: String?
            if let divisor, case .number(let q)? = try? numberOrNil(divisor, e), !(q.isExact && q.lower.isZero) {
                msg = EvaluationMessage.unboundedQuotient(["divisor": q.description])
                help = EvaluationMessage.checkTheDivisor()
            }
            return EvaluationError(code: .divisionByZero, message: msg, range: e.range, node: divisor?.node ?? node, help: help)
        }
    }

    // MARK: conversions

    /// A number, or nil for null (and for symbols declared as none).
    mutating func numberOrNil(_ v: Val, _ e: Expr) throws -> Val? {
        if let q = try quantity(v, e) { return .number(q) }
        return nil
    }

    /// What a value is as an operand, looking through document nodes once (reading a
    /// scalar node's text and core-schema value is the expensive part).
    enum Operand {
        case null
        case bool(Bool)
        case number(Quantity)
        case string(String)
        /// A string that is a declared symbol (＊): text for string operations, its meaning
        /// for arithmetic and for comparisons with numbers.
        case symbol(String, SymbolTable.Meaning)
        case list
        case map
        /// `.inf` / `.nan` in the document.
        case nonFinite(String)

        /// The number this operand stands for (numbers and quantity symbols).
        var quantity: Quantity? {
            switch self {
            case .number(let q): return q
            case .symbol(_, .quantity(let q)): return q
            default: return nil
            }
        }

        /// Null, or a symbol declared as none.
        var isNullish: Bool {
            switch self {
            case .null, .symbol(_, .null): return true
            default: return false
            }
        }

        var text: String? {
            switch self {
            case .string(let s), .symbol(let s, _): return s
            default: return nil
            }
        }

        var isNumber: Bool {
            if case .number = self { return true }
            return false
        }
    }

    mutating func classify(_ v: Val, _ e: Expr) throws -> Operand {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let q): return .number(q)
        case .string(let s):
            if let m = symbols.meaning(of: s) { return .symbol(s, m) }
            return .string(s)
        case .list, .nodes: return .list
        case .map: return .map
        case .node(let n):
            switch n.kind {
            case .mapping: return .map
            case .sequence: return .list
            case .scalar:
                // Classified and parsed from the scalar's bytes: no String unless it is text.
                // Exact: precision comes only from what a rule reads in a declaration.
                if let i = n.plainInteger { return .number(Quantity(exact: ExactDecimal(Int(i)))) }
                switch n.scalarType ?? .null {
                case .null: return .null
                case .bool(let b): return .bool(b)
                case .int, .float:
                    guard let d = scalarBytes(n, { ExactDecimal(utf8: $0) }) ?? nil else {
                        let t = n.scalarText ?? ""
                        throw EvaluationError(code: .overflow, message: EvaluationMessage.numberOutOfRange(["text": t]), range: e.range, node: n.node)
                    }
                    return .number(Quantity(exact: d))
                case .string:
                    if let m = symbols.meaning(of: n) { return .symbol(n.scalarText ?? "", m) }
                    return .string(n.scalarText ?? "")
                case .infinity, .nan:
                    return .nonFinite(n.scalarText ?? "")
                }
            }
        }
    }

    /// The quantity of a number or numeric node; nil for null (and symbols declared none).
    mutating func quantity(_ v: Val, _ e: Expr) throws -> Quantity? {
        try quantity(try classify(v, e), v, e)
    }

    mutating func quantity(_ o: Operand, _ v: Val, _ e: Expr) throws -> Quantity? {
        if let q = o.quantity { return q }
        if o.isNullish { return nil }
        if case .nonFinite(let t) = o {
            throw EvaluationError(code: .invalidNumber, message: EvaluationMessage.notFinite(["expression": snippet(e), "text": t]), range: e.range, node: v.node)
        }
        throw typeError(e, v, expected: ValueType.number.phrase, help: helpForNonNumber(v))
    }

    mutating func helpForNonNumber(_ v: Val) -> String? {
        guard let s = v.stringValue else { return nil }
        if ExactDecimal(s) != nil || NumberText.parse(s) != nil { return EvaluationMessage.looksLikeANumber() }
        if s.count <= 3 { return EvaluationMessage.declareTheSymbol(["text": s]) }
        return nil
    }

    mutating func requireNumber(_ v: Val, _ e: Expr, _ what: Purpose) throws -> Quantity {
        if let q = try quantity(v, e) { return q }
        throw EvaluationError(
            code: .typeMismatch, message: EvaluationMessage.needsANumber(["what": what.text, "expression": snippet(e)]), range: e.range, node: v.node,
            help: EvaluationMessage.testForNull())
    }

    mutating func requireBool(_ v: Val, _ e: Expr) throws -> Bool {
        if let b = v.boolValue { return b }
        throw typeError(e, v, expected: EvaluationPhrase.trueOrFalse())
    }

    mutating func requireString(_ v: Val, _ e: Expr, _ what: Purpose) throws -> String {
        if let s = v.stringValue { return s }
        throw typeError(e, v, expected: EvaluationPhrase.stringFor(["what": what.text]),
                        help: RuntimeType.of(v) == .number ? EvaluationMessage.convertWithString() : nil)
    }

    /// Whether `v` is a number or reads as one (a numeric node, a declared symbol).
    mutating func isNumeric(_ v: Val) -> Bool {
        guard let o = try? classify(v, expression.root) else { return true }
        switch o {
        case .number, .nonFinite: return true
        case .symbol: return true
        default: return false
        }
    }

    /// A uniform view of list-like values.
    enum Sequence {
        case list([Val])
        case node(UnownedNode)
        case nodes(NodeList)

        var count: Int {
            switch self {
            case .list(let l): l.count
            case .node(let n): n.count
            case .nodes(let l): l.count
            }
        }

        subscript(i: Int) -> Val {
            switch self {
            case .list(let l): l[i]
            case .node(let n): .node(n[i]!)
            case .nodes(let l): .node(l[i])
            }
        }
    }

    mutating func sequence(_ v: Val) -> Sequence? {
        switch v {
        case .list(let l): return .list(l)
        case .node(let n) where n.isSequence: return .node(n)
        case .nodes(let l): return .nodes(l)
        default: return nil
        }
    }

    mutating func requireSequence(_ v: Val, _ e: Expr, _ what: Purpose) throws -> Sequence {
        if let s = sequence(v) { return s }
        throw typeError(e, v, expected: EvaluationPhrase.listFor(["what": what.text]))
    }

    /// A uniform view of map-like values: keys and values by position.
    struct Entries {
        let keys: [Val]
        let values: [Val]
    }

    mutating func entries(_ v: Val) -> Entries? {
        switch v {
        case .map(let m): return Entries(keys: m.keys.map { .string($0) }, values: m.values)
        case .node(let n) where n.isMapping:
            let es = n.entries
            return Entries(keys: es.map { .node($0.key) }, values: es.map { .node($0.value) })
        default: return nil
        }
    }

    /// An exact whole number (for indexes and digit counts).
    mutating func requireInt(_ v: Val, _ e: Expr, _ what: Purpose) throws -> Int {
        let q = try requireNumber(v, e, what)
        guard let d = q.value, let i = d.intValue else {
            throw EvaluationError(code: .typeMismatch, message: EvaluationMessage.notWhole(["what": what.text, "expression": snippet(e), "value": q.description]),
                                  range: e.range, node: v.node)
        }
        return i
    }

    // MARK: evaluation

    mutating func eval(_ e: Expr, _ top: Bool) throws -> Val {
        used &+= 1
        if used > limit { throw budgetError(e) }
        // A thin dispatcher: every case that recurses does so through a small helper, and
        // the heavy, non-recursive work (applying an operator or a built-in) happens in
        // separate frames, so nesting 200 levels deep fits a small thread stack even in
        // debug builds.
        if caching && e.isCacheable { return try cached(e, top) }
        return try dispatch(e, top)
    }

    /// A document-invariant node, computed once per activation; or one that depends on
    /// path captures too, computed once for each captured node (the matches below one
    /// captured node come one after another, so one remembered value per node is enough).
    /// Errors are not remembered: a failing node fails again, at the same place, for every
    /// match.
    @inline(never) mutating func cached(_ e: Expr, _ top: Bool) throws -> Val {
        let id = ObjectIdentifier(e)
        guard let key = captureKey(e.dependencies ?? 0) else { return try dispatch(e, top) }
        if let entry = cache[id], entry.key == key { return entry.value }
        let v = try dispatch(e, top)
        cache[id] = CacheEntry(key: key, value: v)
        return v
    }

    /// The nodes held by the capture slots in `dependencies` (empty for none), or nil when
    /// there are more than `CaptureKey.capacity` or one of them holds no node.
    func captureKey(_ dependencies: UInt64) -> CaptureKey? {
        var key = CaptureKey()
        var rest = dependencies
        while rest != 0 {
            let slot = rest.trailingZeroBitCount
            rest &= rest - 1
            guard slot < slots.count, case .node(let n) = slots[slot], key.append(n) else { return nil }
        }
        return key
    }

    @inline(__always) mutating func dispatch(_ e: Expr, _ top: Bool) throws -> Val {
        switch e.kind {
        case .variable where e.isLazyVariable: return try lazyVariable(e)
        case .constant, .variable, .local: return leaf(e)
        case .list: return try evalList(e)
        case .map: return try evalMap(e)
        case .member: return try evalMember(e)
        case .index: return try evalIndex(e)
        case .not: return try evalNot(e, top)
        case .negate: return try evalNegate(e)
        case .and: return try evalAnd(e, top)
        case .or: return try evalOr(e, top)
        case .conditional: return try evalConditional(e, top)
        case .binary: return try binary(e, top)
        case .call: return try call(e)
        case .userCall: return try userCall(e)
        case .matchLiteral: return try evalMatch(e)
        case .has: return try evalHas(e)
        case .macro: return try macro(e, top)
        }
    }

    /// A variable computed on demand: its value, computed first if this match has not yet.
    @inline(__always) mutating func lazyVariable(_ e: Expr) throws -> Val {
        let slot = e.variableSlot
        if !letReady(slot) { try computeLet(slot) }
        return slots[slot]
    }

    /// Whether the let in `slot` holds its value for this match (stamped with this match's
    /// generation, or with `LetTable.forever` for a document-invariant let).
    @inline(__always) func letReady(_ slot: Int) -> Bool {
        guard slot < letStamps.count else { return true }
        let stamp = letStamps[slot]
        return stamp == letGeneration || stamp == LetTable.forever
    }

    /// Computes the let in `slot`: its expression runs in this interpreter, on the same
    /// slots, cache and meter, its macro variables above the current ones, and the value
    /// stays in the slot. A failure inside carries the slot (`letSlot`) and is not
    /// remembered: the next read tries again.
    @inline(never) mutating func computeLet(_ slot: Int) throws {
        guard let table = lets?._withUnsafeGuaranteedRef({ $0 }), slot < table.expressions.count,
              let letExpression = table.expressions[slot] else { return }
        let (outerExpression, outerBase, outerFrame) = (current, base, frame)
        current = Unmanaged.passUnretained(letExpression)
        base = slots.count
        frame = 0
        defer {
            if slots.count > base { slots.removeSubrange(base...) }
            (current, base, frame) = (outerExpression, outerBase, outerFrame)
        }
        let value: Val
        do {
            // Not `top`: an `--explain` trace records the comparisons of the expression it
            // explains, not those of the lets it reads.
            value = try eval(letExpression.root, false)
        } catch var error as EvaluationError {
            if error.letSlot == nil { error.letSlot = slot }
            throw error
        }
        slots[slot] = value
        letStamps[slot] = table.invariant[slot] ? LetTable.forever : letGeneration
    }

    /// A call of a function of the pack: its arguments, then its body on a frame of its own
    /// (its variables are its parameters), on the same meter and cache. An error inside
    /// names the function and, outermost, where it was called.
    @inline(never) mutating func userCall(_ e: Expr) throws -> Val {
        guard let function = e.userFunction else { return .null }
        // The arguments go on top of `slots`, where the body reads them as its variables:
        // above every macro variable of the running expression (an argument's macro writes
        // its variable at `base` + index, which must not be an argument already placed), and
        // with what an argument's calls or lets left above them dropped first.
        let reach = base + current._withUnsafeGuaranteedRef { $0.localCount }
        while slots.count < reach { slots.append(.null) }
        let start = slots.count
        var count = 0
        for a in e.arguments {
            let v = try eval(a, false)
            if slots.count > start + count { slots.removeSubrange((start + count)...) }
            slots.append(v)
            count += 1
        }
        var memoSite = -1
        if caching, let hit = remembered(ObjectIdentifier(e), start, count, &memoSite) {
            slots.removeSubrange(start...)
            return hit
        }
        let (outerExpression, outerBase, outerFrame) = (current, base, frame)
        let body = function._withUnsafeGuaranteedRef { $0.body }
        current = body
        frame = start
        base = slots.count
        defer {
            if slots.count > start { slots.removeSubrange(start...) }
            (current, base, frame) = (outerExpression, outerBase, outerFrame)
        }
        do {
            let value = try body._withUnsafeGuaranteedRef { try eval($0.root, false) }
            if memoSite >= 0 { memo!.sites[memoSite].store(slots, start, value) }
            return value
        } catch var error as EvaluationError {
            if error.function == nil { error.function = function._withUnsafeGuaranteedRef { $0.name } }
            // Outermost wins: the range in the expression the rule evaluates (or its let).
            error.callRange = e.range
            throw error
        }
    }

    /// The remembered result of the call site `id` for the arguments at `slots[start...]`
    /// (`CallMemo`); nil counts a miss, and `site` is then where to store the result (-1:
    /// nowhere, the site is off). Sites are only appended during an evaluation, so the
    /// position stays valid while the body runs.
    @inline(never) mutating func remembered(_ id: ObjectIdentifier, _ start: Int, _ count: Int, _ site: inout Int) -> Val? {
        if !memoChecked {
            if memo == nil { memo = CallMemos() }
            memo!.validate(language: language, symbols: symbols)
            memoChecked = true
        }
        guard let i = memo!.site(id) else {
            memo!.add(id, CallMemo(arity: count))
            site = memo!.sites.count - 1
            return nil
        }
        if memo!.sites[i].off { return nil }
        if let hit = memo!.sites[i].lookUp(slots, start) {
            memo!.sites[i].hits += 1
            return hit
        }
        memo!.sites[i].missed()
        if !memo!.sites[i].off { site = i }
        return nil
    }

    @inline(__always) func leaf(_ e: Expr) -> Val {
        switch e.kind {
        case .constant(let v): return v
        case .variable(let slot, _): return slots[frame + slot]
        case .local(let index, _): return slots[base + index]
        default: return .null
        }
    }

    @inline(never) mutating func evalList(_ e: Expr) throws -> Val {
        guard case .list(let items) = e.kind else { return .null }
        var out: [Val] = []
        out.reserveCapacity(items.count)
        for item in items { out.append(try eval(item, false)) }
        return .list(out)
    }

    @inline(never) mutating func evalMap(_ e: Expr) throws -> Val {
        guard case .map(let entries) = e.kind else { return .null }
        var m = ValMap()
        for entry in entries {
            let k = try eval(entry.key, false)
            guard let key = k.stringValue else { throw typeError(entry.key, k, expected: EvaluationPhrase.stringAsMapKey()) }
            m[key] = try eval(entry.value, false)
        }
        return .map(m)
    }

    @inline(never) mutating func evalMember(_ e: Expr) throws -> Val {
        if e.fastTag == .member {
            let v: Val
            switch try lookUp(e) {
            case .found(let value): return .node(value)
            case .absent(let mapping): v = .node(mapping)
            case .other(let value): v = value
            }
            // The general path reports the missing key, or reads a non-mapping.
            guard case .member(let target, let name) = e.kind else { return .null }
            return try member(v, name, e, target)
        }
        guard case .member(let target, let name) = e.kind else { return .null }
        return try member(try eval(target, false), name, e, target)
    }

    @inline(never) mutating func evalIndex(_ e: Expr) throws -> Val {
        guard case .index(let target, let index) = e.kind else { return .null }
        let t = try eval(target, false)
        let i = try eval(index, false)
        return try subscriptValue(t, i, e, target, index)
    }

    @inline(never) mutating func evalNot(_ e: Expr, _ top: Bool) throws -> Val {
        .bool(!(try e.operands.0.unsafelyUnwrapped._withUnsafeGuaranteedRef { try condition($0, top) }))
    }

    @inline(never) mutating func evalNegate(_ e: Expr) throws -> Val {
        guard case .negate(let x) = e.kind else { return .null }
        let v = try eval(x, false)
        return .number(try requireNumber(v, x, .operator("-")).negated())
    }

    @inline(never) mutating func evalAnd(_ e: Expr, _ top: Bool) throws -> Val {
        .bool(try both(e, top))
    }

    @inline(never) mutating func evalOr(_ e: Expr, _ top: Bool) throws -> Val {
        .bool(try either(e, top))
    }

    /// `l && r`, short-circuit.
    @inline(__always) mutating func both(_ e: Expr, _ top: Bool) throws -> Bool {
        if !(try e.operands.0.unsafelyUnwrapped._withUnsafeGuaranteedRef { try condition($0, top) }) { return false }
        return try e.operands.1.unsafelyUnwrapped._withUnsafeGuaranteedRef { try condition($0, top) }
    }

    /// `l || r`, short-circuit.
    @inline(__always) mutating func either(_ e: Expr, _ top: Bool) throws -> Bool {
        if try e.operands.0.unsafelyUnwrapped._withUnsafeGuaranteedRef({ try condition($0, top) }) { return true }
        return try e.operands.1.unsafelyUnwrapped._withUnsafeGuaranteedRef { try condition($0, top) }
    }

    @inline(never) mutating func evalConditional(_ e: Expr, _ top: Bool) throws -> Val {
        let chosen = try e.operands.0.unsafelyUnwrapped._withUnsafeGuaranteedRef { try condition($0, top) } ? e.operands.1 : e.operands.2
        return try chosen.unsafelyUnwrapped._withUnsafeGuaranteedRef { try eval($0, top) }
    }

    /// `requireBool(eval(e, top), e)`: the same steps, results and errors, but `&&`, `||`,
    /// `!` and comparisons answer a Bool directly instead of making a `Val` for each.
    /// Remembered and traced nodes take the general path.
    mutating func condition(_ e: Expr, _ top: Bool) throws -> Bool {
        if e.shape == .other || tracing || (caching && e.isCacheable) { return try requireBool(try eval(e, top), e) }
        used &+= 1
        if used > limit { throw budgetError(e) }
        switch e.shape {
        case .and: return try both(e, top)
        case .or: return try either(e, top)
        case .not: return !(try e.operands.0.unsafelyUnwrapped._withUnsafeGuaranteedRef { try condition($0, top) })
        default: return try compare(e, top)
        }
    }

    @inline(never) mutating func evalMatch(_ e: Expr) throws -> Val {
        guard case .matchLiteral(let s) = e.kind, let pattern = e.pattern else { return .null }
        let v = try eval(s, false)
        let text = try requireString(v, s, "matches")
        return .bool(try runPattern(pattern, text, e))
    }

    @inline(never) mutating func evalHas(_ e: Expr) throws -> Val {
        if e.fastTag == .hasKey {
            // `has(x.key)` on a mapping node: the key compared in place, charging the step
            // of the constant key it does not evaluate.
            let found: Bool
            switch try lookUp(e) {
            case .found: found = true
            case .absent: found = false
            case .other(let v):
                guard case .has(let target, let key) = e.kind else { return .null }
                return .bool(try has(v, try eval(key, false), e, target))
            }
            used &+= 1
            if used > limit {
                guard case .has(_, let key) = e.kind else { return .null }
                throw budgetError(key)
            }
            return .bool(found)
        }
        guard case .has(let target, let key) = e.kind else { return .null }
        let t = try eval(target, false)
        let k = try eval(key, false)
        return .bool(try has(t, k, e, target))
    }

    // MARK: access

    mutating func member(_ v: Val, _ name: String, _ e: Expr, _ target: Expr) throws -> Val {
        switch v {
        case .node(let n) where n.isMapping:
            if let entry = n.entry(name) { return .node(entry.value) }
            throw missingKey(name, in: v, e, target)
        case .map(let m):
            if let x = m[name] { return x }
            throw missingKey(name, in: v, e, target)
        default:
            var help: String?
            if sequence(v) != nil { help = EvaluationMessage.readFromEveryElement(["name": name, "target": snippet(target)]) }
            if RuntimeType.of(v) == .null { help = EvaluationMessage.testForNullOrHas() }
            if let call = Interpreter.functionHelp(name, snippet(target)) { help = call }
            throw EvaluationError(
                code: .typeMismatch, message: EvaluationMessage.cannotRead(["name": name, "target": snippet(target), "actual": describe(v)]),
                range: e.range, node: v.node, help: help)
        }
    }

    mutating func missingKey(_ name: String, in v: Val, _ e: Expr, _ target: Expr) -> EvaluationError {
        let keys: [String]
        switch v {
        case .map(let m): keys = m.keys
        case .node(let n): keys = n.entries.compactMap { $0.key.scalarText }
        default: keys = []
        }
        var notes: [String] = []
        if !keys.isEmpty {
            let shown = keys.prefix(12).joined(separator: ", ")
            notes.append(EvaluationMessage.keysHere(["keys": shown + (keys.count > 12 ? ", …" : "")]))
        }
        let suggestion = Suggestion.closest(to: name, in: keys)
        return EvaluationError(
            code: .missingKey, message: EvaluationMessage.noKey(["name": name, "target": snippet(target)]), range: e.range, node: v.node,
            help: Interpreter.functionHelp(name, snippet(target)) ?? suggestion.map { SuggestionMessage.didYouMean(["name": $0]) }
                ?? EvaluationMessage.useHasOrGet(["target": snippet(target), "name": name]),
            notes: notes)
    }

    /// `x.size` meant as a call: "`size` is a function: write `size(x)` (or `x.size()`)".
    static func functionHelp(_ name: String, _ target: String) -> String? {
        guard Builtins.named(name) != nil || MacroKind(rawValue: name) != nil else { return nil }
        if MacroKind(rawValue: name) != nil && name != "count" {
            return CheckMessage.isMacroWrite(["name": name, "target": target])
        }
        return CheckMessage.isFunctionWrite(["name": name, "target": target])
    }

    mutating func subscriptValue(_ t: Val, _ i: Val, _ e: Expr, _ target: Expr, _ index: Expr) throws -> Val {
        if let seq = sequence(t) {
            let k: Int
            if let whole = Interpreter.writtenWhole(i) {
                k = whole
            } else {
                guard isNumeric(i) else { throw typeError(index, i, expected: EvaluationPhrase.numberToIndexAList()) }
                k = try requireInt(i, index, .phrase(.aListIndex))
            }
            guard k >= 0 && k < seq.count else {
                throw EvaluationError(
                    code: .indexOutOfRange,
                    message: seq.count == 1 ? EvaluationMessage.indexOutOfRangeOne(["index": k, "target": snippet(target)])
                        : EvaluationMessage.indexOutOfRange(["index": k, "target": snippet(target), "count": seq.count]),
                    range: e.range, node: t.node,
                    help: seq.count == 0 ? EvaluationMessage.listIsEmpty() : EvaluationMessage.indexesRun(["last": seq.count - 1]))
            }
            return seq[k]
        }
        switch t {
        case .node(let n) where n.isMapping:
            // A string scalar's bytes are looked up as they are (what its text would be).
            if case .node(let k) = i, k.scalarType == .string, let bytes = k.unsafeScalarBytes {
                var hint = -1
                if let value = n.value(forKey: bytes, hint: &hint) { return .node(value) }
            }
            let key = try requireString(i, index, .phrase(.aMapKey))
            if let entry = n.entry(key) { return .node(entry.value) }
            throw missingKey(key, in: t, e, target)
        case .map(let m):
            let key = try requireString(i, index, .phrase(.aMapKey))
            if let x = m[key] { return x }
            throw missingKey(key, in: t, e, target)
        default:
            throw typeError(target, t, expected: EvaluationPhrase.listOrMapToIndex())
        }
    }

    /// `has(x.f)`: whether `x` is a map with the key (or a list with the index). A value that
    /// is neither — null, a string, a number — has no fields: false, not an error, so
    /// `has(self.unit)` is a test whatever `self` turns out to be.
    mutating func has(_ t: Val, _ k: Val, _ e: Expr, _ target: Expr) throws -> Bool {
        if RuntimeType.of(t) == .null { return false }
        if let seq = sequence(t) {
            guard isNumeric(k) else { return false }
            let i = try requireInt(k, e, .phrase(.anIndex))
            return i >= 0 && i < seq.count
        }
        switch t {
        case .node(let n) where n.isMapping:
            return n.entry(try requireString(k, e, .phrase(.aKey))) != nil
        case .map(let m):
            return m[try requireString(k, e, .phrase(.aKey))] != nil
        default:
            return false
        }
    }

    // MARK: operators

    @inline(never) mutating func binary(_ e: Expr, _ top: Bool) throws -> Val {
        if e.shape == .comparison { return .bool(try compare(e, top)) }
        let op = e.binaryOp
        return try withOperands(e) { me, a, b, l, r in try me.applyBinary(op, a, b, l, r, e, top) }
    }

    /// Evaluates a binary node's operands, left then right, and gives them to `body`.
    @inline(__always) mutating func withOperands<R>(_ e: Expr, _ body: (inout Interpreter, Val, Val, Expr, Expr) throws -> R) throws -> R {
        try e.operands.0.unsafelyUnwrapped._withUnsafeGuaranteedRef { l in
            try e.operands.1.unsafelyUnwrapped._withUnsafeGuaranteedRef { r in
                let a = try eval(l, false)
                let b = try eval(r, false)
                return try body(&self, a, b, l, r)
            }
        }
    }

    /// A comparison node (`==`, `<`, `~=`, `in`, …): its operands, then the comparison.
    @inline(never) mutating func compare(_ e: Expr, _ top: Bool) throws -> Bool {
        if e.fastTag == .typeIs, !symbols.hasTypeNameSymbol, !(tracing && top) {
            // `type(x) == 'number'`: the steps of the call, the literal and the comparison,
            // then a tag test (unless a symbol is spelled like a type name: then the
            // general comparison).
            try step(e, 3)
            let type = try e.fastArg.unsafelyUnwrapped._withUnsafeGuaranteedRef { try typeOf($0) }
            let same = e.fastType.map { type == $0 } ?? false
            return same != e.fastNegated
        }
        let op = e.binaryOp
        if (op == .equal || op == .notEqual) && !tracing
            && (e.operands.0.unsafelyUnwrapped._withUnsafeGuaranteedRef { $0.fastTag == .stringOf }
                || e.operands.1.unsafelyUnwrapped._withUnsafeGuaranteedRef { $0.fastTag == .stringOf }) {
            return try textEquality(e)
        }
        return try withOperands(e) { me, a, b, l, r in try me.comparison(op, a, b, l, r, e, top) }
    }

    /// `string(x) == y` or `!=` (either side): see `equalityOperand`.
    @inline(never) mutating func textEquality(_ e: Expr) throws -> Bool {
        let l = e.operands.0.unsafelyUnwrapped, r = e.operands.1.unsafelyUnwrapped
        var a = try l._withUnsafeGuaranteedRef { try equalityOperand($0) }
        var b = try r._withUnsafeGuaranteedRef { try equalityOperand($0) }
        let equal = e.binaryOp == .equal
        var aNode = false, bNode = false
        if case .node = a, l._withUnsafeGuaranteedRef({ $0.fastTag == .stringOf }) { aNode = true }
        if case .node = b, r._withUnsafeGuaranteedRef({ $0.fastTag == .stringOf }) { bNode = true }
        if aNode || bNode {
            // Text against text: what `equals` decides by bytes after its step.
            if let same = sameText(a, b) {
                try step(e)
                return equal ? same : !same
            }
            // Anything else: the strings `string(x)` makes, for `equals` to classify.
            if aNode { a = try l._withUnsafeGuaranteedRef { try stringOf($0, a) } }
            if bNode { b = try r._withUnsafeGuaranteedRef { try stringOf($0, b) } }
        }
        let eq = try l._withUnsafeGuaranteedRef { l in try r._withUnsafeGuaranteedRef { r in try equals(a, b, e, l, r, depth: 0) } }
        return equal ? eq : !eq
    }

    /// Applies a comparison to evaluated operands (recording it when tracing at the top).
    mutating func comparison(_ op: Syntax.BinaryOp, _ a: Val, _ b: Val, _ l: Expr, _ r: Expr, _ e: Expr, _ top: Bool) throws -> Bool {
        let result: Bool
        switch op {
        case .equal, .notEqual:
            let eq = try equals(a, b, e, l, r, depth: 0)
            result = op == .equal ? eq : !eq
        case .less, .lessEqual, .greater, .greaterEqual:
            let c = try order(a, b, e, l, r)
            switch op {
            case .less: result = c < 0
            case .lessEqual: result = c <= 0
            case .greater: result = c > 0
            default: result = c >= 0
            }
        case .approx:
            let x = try requireNumber(a, l, .operator("~=")), y = try requireNumber(b, r, .operator("~="))
            result = x.overlaps(y)
        case .in:
            result = try contains(b, a, e, r, l)
        default:
            return false
        }
        if tracing && top { record(op, e, l, r, a, b, result) }
        return result
    }

    /// A whole number written without a fraction or exponent (`3`, `depth`, `index`), read
    /// without classifying the value: what `requireInt` gives for it. Nil for anything else.
    @inline(__always) static func writtenWhole(_ v: Val) -> Int? {
        switch v {
        case .number(let q):
            guard let d = q.value, d.exponent == 0 else { return nil }
            return Int(exactly: d.significand)
        case .node(let n):
            return n.plainInteger.map { Int($0) }
        default:
            return nil
        }
    }

    /// `writtenWhole(v)`, a node's number found among `wholeNodes` when it was read lately.
    @inline(__always) mutating func whole(_ v: Val) -> Int? {
        guard case .node(let n) = v else { return Interpreter.writtenWhole(v) }
        let slot = Int(n.index & 3)
        let seen: UnownedNode?
        switch slot {
        case 0: seen = wholeNodes.0
        case 1: seen = wholeNodes.1
        case 2: seen = wholeNodes.2
        default: seen = wholeNodes.3
        }
        if seen == n { return Int(wholeValues[slot]) }
        guard let i = n.plainInteger else { return nil }
        switch slot {
        case 0: wholeNodes.0 = n
        case 1: wholeNodes.1 = n
        case 2: wholeNodes.2 = n
        default: wholeNodes.3 = n
        }
        wholeValues[slot] = i
        return Int(i)
    }

    /// `writtenWhole` of an exact number (not an interval): an operand whose sum or difference
    /// with another such is exact and written whole, as `Quantity.adding` makes it.
    @inline(__always) static func exactWhole(_ v: Val) -> Int? {
        if case .number(let q) = v, !q.isExact { return nil }
        return writtenWhole(v)
    }

    /// Applies an operator to evaluated operands (not recursive, apart from list equality).
    @inline(never) mutating func applyBinary(_ op: Syntax.BinaryOp, _ a: Val, _ b: Val, _ l: Expr, _ r: Expr, _ e: Expr, _ top: Bool) throws -> Val {
        if op == .add || op == .subtract, let x = Interpreter.exactWhole(a), let y = Interpreter.exactWhole(b) {
            // `index + 1`, `d - 1`: two whole numbers, added without classifying them.
            let (sum, o) = op == .add ? x.addingReportingOverflow(y) : x.subtractingReportingOverflow(y)
            if !o { return .number(Quantity(exact: ExactDecimal(significand: Int128(sum), exponent: 0))) }
        }
        switch op {
        case .add:
            let x = try classify(a, l), y = try classify(b, r)
            if let p = x.quantity, let q = y.quantity {
                do { return .number(try p.adding(q)) } catch { throw decimalError(error, e, a.node ?? b.node) }
            }
            if let s = x.text, let t = y.text {
                try step(e, (s.utf8.count + t.utf8.count) / 8)
                return .string(s + t)
            }
            if case .list = x, case .list = y, let s = sequence(a), let t = sequence(b) {
                try step(e, s.count + t.count)
                var out: [Val] = []
                out.reserveCapacity(s.count + t.count)
                for i in 0..<s.count { out.append(s[i]) }
                for i in 0..<t.count { out.append(t[i]) }
                return .list(out)
            }
            if x.isNullish || y.isNullish {
                let (nullSide, v) = x.isNullish ? (l, a) : (r, b)
                throw EvaluationError(code: .typeMismatch, message: EvaluationMessage.plusNull(["expression": snippet(nullSide)]),
                                      range: e.range, node: v.node ?? a.node ?? b.node, help: EvaluationMessage.testForNull())
            }
            if x.quantity != nil || y.quantity != nil {
                // One side is a number: the other must be one too.
                let (bad, v) = x.quantity == nil ? (l, a) : (r, b)
                _ = try quantity(v, bad)
            }
            throw EvaluationError(
                code: .typeMismatch, message: CheckMessage.cannotAdd(["right": describe(b), "left": describe(a)]), range: e.range, node: a.node ?? b.node,
                help: x.text != nil || y.text != nil ? EvaluationMessage.joinOrAdd() : nil)
        case .subtract, .multiply, .divide, .remainder:
            let what = Purpose.operator(op.rawValue)
            let x = try requireNumber(a, l, what), y = try requireNumber(b, r, what)
            if op == .remainder { return .number(try remainder(x, y, l, r, a, b, e)) }
            do throws(DecimalError) {
                switch op {
                case .subtract: return .number(try x.subtracting(y))
                case .multiply: return .number(try x.multiplied(by: y))
                default: return .number(try x.divided(by: y))
                }
            } catch {
                throw decimalError(error, e, a.node, divisor: op == .divide || op == .remainder ? b : nil)
            }
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .approx, .in:
            return .bool(try comparison(op, a, b, l, r, e, top))
        case .and, .or:
            // Handled by .and/.or nodes (short-circuit).
            return .bool(false)
        }
    }

    /// `a % b` on the values as written (truncating division), exact.
    mutating func remainder(_ x: Quantity, _ y: Quantity, _ l: Expr, _ r: Expr, _ a: Val, _ b: Val, _ e: Expr) throws -> Quantity {
        guard let p = x.value else { throw noValue(x, l, a, .operator("%")) }
        guard let q = y.value else { throw noValue(y, r, b, .operator("%")) }
        do throws(DecimalError) {
            if q.isZero { throw DecimalError.divisionByZero }
            let sameSign = p.signum * q.signum >= 0
            let quotient = try ExactDecimal.quotient(p, q, rounding: sameSign ? .down : .up).0.rounded(fractionDigits: 0, rounding: sameSign ? .down : .up)
            return Quantity(exact: try p.subtracting(try quotient.multiplied(by: q)))
        } catch {
            throw decimalError(error, e, a.node, divisor: b)
        }
    }

    mutating func noValue(_ q: Quantity, _ e: Expr, _ v: Val, _ what: Purpose) -> EvaluationError {
        EvaluationError(
            code: .undecidable,
            message: EvaluationMessage.needsExactValue(["what": what.text, "expression": snippet(e), "interval": q.intervalDescription]),
            range: e.range, node: v.node, help: EvaluationMessage.useLowerOrUpper())
    }

    mutating func record(_ op: Syntax.BinaryOp, _ e: Expr, _ l: Expr, _ r: Expr, _ a: Val, _ b: Val, _ result: Bool) {
        trace.append(ComparisonTrace(op: op.rawValue, range: e.range, leftRange: l.range, rightRange: r.range, left: Value(a), right: Value(b), result: result))
    }

    /// `body` over a scalar node's bytes (nil for a collection), read in place: cheaper than
    /// the generic `withScalarBytes` closure, which is not specialised across modules.
    @inline(__always) func scalarBytes<R>(_ n: UnownedNode, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let bytes = n.unsafeScalarBytes else { return nil }
        return body(bytes)
    }

    /// The written value of a number or a numeric scalar node, without building a
    /// `Quantity` (nil for anything else, and for a number too long to read, which the
    /// general path then reports). Exact comparisons of two numbers use exactly this value.
    @inline(__always) func writtenNumber(_ v: Val) -> ExactDecimal? {
        switch v {
        case .number(let q): return q.value
        case .node(let n):
            if let i = n.plainInteger { return ExactDecimal(Int(i)) }
            switch n.scalarType {
            case .int?, .float?: return scalarBytes(n) { ExactDecimal(utf8: $0) } ?? nil
            default: return nil
            }
        default: return nil
        }
    }

    /// Equality of two texts (string values or string scalars) decided from their bytes,
    /// without making Strings: equal bytes are equal whatever the symbols mean; different
    /// bytes are unequal unless some symbol reads as none (then nil: the general path
    /// decides). Nil too when either side is not text.
    @inline(__always) func sameText(_ a: Val, _ b: Val) -> Bool? {
        func bytes<R>(_ v: Val, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
            switch v {
            case .string(let s):
                return s.utf8.withContiguousStorageIfAvailable(body)
            case .node(let n):
                guard n.scalarType == .string else { return nil }
                return scalarBytes(n, body)
            default:
                return nil
            }
        }
        let equal: Bool?? = bytes(a) { x in bytes(b) { y in Bytes.equal(x, y) } }
        guard let inner = equal, let same = inner else { return nil }
        if same { return true }
        return symbols.hasNoneSymbol ? nil : false
    }

    /// Whether `v` equals null, as `equals` decides it, when that needs no classifying: nil
    /// for a number written in a node (it may not parse) and, when some symbol reads as none,
    /// for text.
    @inline(__always) func nullness(_ v: Val) -> Bool? {
        switch v {
        case .null: return true
        case .bool, .list, .nodes, .map, .number: return false
        case .string: return symbols.hasNoneSymbol ? nil : false
        case .node(let n):
            guard let type = n.scalarType else { return false }   // a mapping or a sequence
            switch type {
            case .null: return true
            case .bool: return false
            case .string: return symbols.hasNoneSymbol ? nil : false
            default: return nil
            }
        }
    }

    /// Exact equality (see Docs/rules-language.md): numbers by written value, strings by
    /// text, lists element-wise, maps by keys and values; different types are unequal.
    mutating func equals(_ a: Val, _ b: Val, _ e: Expr, _ l: Expr, _ r: Expr, depth: Int) throws -> Bool {
        try step(e)
        // `x == null` (`mark == null`, `fy != null`): decided from the kind when that is certain.
        if case .null = b, let n = nullness(a) { return n }
        if case .null = a, let n = nullness(b) { return n }
        if let x = whole(a), let y = whole(b) { return x == y }
        if let x = writtenNumber(a), let y = writtenNumber(b) { return ExactDecimal.compare(x, y) == 0 }
        if let same = sameText(a, b) { return same }
        let x = try classify(a, l), y = try classify(b, r)
        if x.isNumber || y.isNumber {
            guard let p = x.quantity, let q = y.quantity else { return false }
            switch p.exactOrder(q) {
            case .equal: return true
            case .less, .greater: return false
            case .undecided: throw undecidable(p, q, a, b, e, "==")
            }
        }
        if x.isNullish || y.isNullish { return x.isNullish && y.isNullish }
        switch (x, y) {
        case (.bool(let p), .bool(let q)): return p == q
        case (.list, .list):
            guard depth < 64 else { throw tooDeep(e) }
            let s = sequence(a)!, t = sequence(b)!
            guard s.count == t.count else { return false }
            for i in 0..<s.count where !(try equals(s[i], t[i], e, l, r, depth: depth + 1)) { return false }
            return true
        case (.map, .map):
            guard depth < 64 else { throw tooDeep(e) }
            let m = entries(a)!, n = entries(b)!
            guard m.keys.count == n.keys.count else { return false }
            var index: [String: Int] = [:]
            for (i, k) in n.keys.enumerated() { index[k.stringValue ?? ""] = i }
            for (i, k) in m.keys.enumerated() {
                guard let j = index[k.stringValue ?? ""] else { return false }
                if !(try equals(m.values[i], n.values[j], e, l, r, depth: depth + 1)) { return false }
            }
            return true
        default:
            if let s = x.text, let t = y.text { return TextCompare.equal(s, t) }
            return false
        }
    }

    mutating func tooDeep(_ e: Expr) -> EvaluationError {
        EvaluationError(code: .typeMismatch, message: EvaluationMessage.nestedTooDeep(), range: e.range)
    }

    mutating func undecidable(_ x: Quantity, _ y: Quantity, _ a: Val, _ b: Val, _ e: Expr, _ op: String) -> EvaluationError {
        EvaluationError(
            code: .undecidable,
            message: EvaluationMessage.cannotDecide(["expression": snippet(e), "left": a.formatted(.intervals, symbols: symbols),
                                                     "right": b.formatted(.intervals, symbols: symbols)]),
            range: e.range, node: a.node ?? b.node, help: EvaluationMessage.symbolHasNoValue())
    }

    /// -1, 0, 1 for numbers (exact) and strings (by code points).
    mutating func order(_ a: Val, _ b: Val, _ e: Expr, _ l: Expr, _ r: Expr) throws -> Int {
        // Two whole numbers (`get(n, 'start', from) <= fy`): compared as integers, which is
        // what comparing their written values gives.
        if let x = whole(a), let y = whole(b) { return x < y ? -1 : (x == y ? 0 : 1) }
        if let p = writtenNumber(a), let q = writtenNumber(b) { return ExactDecimal.compare(p, q) }
        let x = try classify(a, l), y = try classify(b, r)
        if x.isNumber || y.isNumber {
            guard let p = try quantity(x, a, l) else { throw nullInComparison(l, a) }
            guard let q = try quantity(y, b, r) else { throw nullInComparison(r, b) }
            switch p.exactOrder(q) {
            case .less: return -1
            case .equal: return 0
            case .greater: return 1
            case .undecided: throw undecidable(p, q, a, b, e, "<")
            }
        }
        guard let s = x.text else { throw typeError(l, a, expected: EvaluationPhrase.numberOrStringToCompare()) }
        guard let t = y.text else { throw typeError(r, b, expected: EvaluationPhrase.stringToCompareWith(["value": describe(a)])) }
        try step(e, min(s.utf8.count, t.utf8.count) / 8)
        if TextCompare.equal(s, t) { return 0 }
        return s.utf8.lexicographicallyPrecedes(t.utf8) ? -1 : 1
    }

    mutating func nullInComparison(_ e: Expr, _ v: Val) -> EvaluationError {
        EvaluationError(code: .typeMismatch, message: EvaluationMessage.cannotCompareNull(["expression": snippet(e)]), range: e.range, node: v.node,
                        help: EvaluationMessage.testForNull())
    }

    /// `element in container`.
    mutating func contains(_ container: Val, _ element: Val, _ e: Expr, _ ce: Expr, _ ee: Expr) throws -> Bool {
        if let seq = sequence(container) {
            for i in 0..<seq.count where try equals(element, seq[i], e, ee, ce, depth: 0) { return true }
            return false
        }
        switch container {
        case .node(let n) where n.isMapping:
            // A string scalar's bytes are looked up as they are (what its text would be).
            if case .node(let k) = element, k.scalarType == .string, let bytes = k.unsafeScalarBytes {
                var hint = -1
                return n.value(forKey: bytes, hint: &hint) != nil
            }
            return n.entry(try requireString(element, ee, .phrase(.keyLookupWithIn))) != nil
        case .map(let m):
            return m[try requireString(element, ee, .phrase(.keyLookupWithIn))] != nil
        default:
            throw typeError(ce, container, expected: EvaluationPhrase.listOrMapAfterIn(),
                            help: container.stringValue != nil ? CheckMessage.useContains() : nil)
        }
    }

    mutating func runPattern(_ p: LinearPattern, _ text: String, _ e: Expr) throws -> Bool {
        var budget = limit - used
        let result = p.matches(text, budget: &budget)
        used = limit - budget
        guard let result else { throw budgetError(e) }
        return result
    }

    // MARK: macros

    @inline(never) mutating func macro(_ e: Expr, _ top: Bool) throws -> Val {
        guard case .macro(let kind, let target, let firstLocal, let secondLocal, let filter, let body) = e.kind else { return .null }
        let t = try eval(target, false)
        let first = base + firstLocal
        let second = secondLocal.map { base + $0 }
        let highest = max(first, second ?? first)
        while slots.count <= highest { slots.append(.null) }
        // Elements: (first variable, second variable, element for filter/map results).
        let seq = sequence(t)
        let ents = seq == nil ? entries(t) : nil
        guard seq != nil || ents != nil else {
            throw typeError(target, t, expected: EvaluationPhrase.listOrMapForMacro(["macro": kind.rawValue]))
        }
        let count = seq?.count ?? ents!.keys.count
        var hits = 0
        var out: [Val] = []
        var keys: [Val] = []
        let traceTop = top && (kind == .all || kind == .exists)
        var loopGuard = LoopGuard()
        if !tracing, let c = kind == .map ? filter : body, c.shape != .other {
            loopGuard.activate(c, first: firstLocal, second: secondLocal, caching: caching)
        }
        for i in 0..<count {
            try step(e)
            let element: Val
            if let seq {
                element = seq[i]
                if let second {
                    slots[first] = .number(Quantity(i))
                    slots[second] = element
                } else {
                    slots[first] = element
                }
            } else {
                element = ents!.keys[i]
                slots[first] = element
                if let second { slots[second] = ents!.values[i] }
            }
            let mark = trace.count
            switch kind {
            case .all:
                if !(try guardedCondition(body, traceTop, &loopGuard)) { return .bool(false) }
                if tracing { trace.removeSubrange(mark...) }
            case .exists:
                if try guardedCondition(body, traceTop, &loopGuard) { return .bool(true) }
                if tracing { trace.removeSubrange(mark...) }
            case .exists_one:
                if try guardedCondition(body, false, &loopGuard) {
                    hits += 1
                    if hits > 1 { return .bool(false) }
                }
            case .count:
                if try guardedCondition(body, false, &loopGuard) { hits += 1 }
            case .filter:
                if try guardedCondition(body, false, &loopGuard) { out.append(element) }
            case .map:
                if let filter, !(try guardedCondition(filter, false, &loopGuard)) { continue }
                out.append(try eval(body, false))
            case .sortBy, .groupBy:
                keys.append(try eval(body, false))
                out.append(element)
            }
            if loopGuard.hoisting, i + 1 < count, kind == .count || kind == .filter || kind == .all || kind == .exists,
               let (value, steps) = loopGuard.decided(body) {
                // Every later element gives the condition's value: the macro's step and the
                // condition's for each, charged at once when the budget holds them.
                let remaining = count - i - 1
                if used <= limit - remaining * (1 + steps) {
                    used &+= remaining * (1 + steps)
                    if value && kind == .count { hits += remaining }
                    if value && kind == .filter { for j in (i + 1)..<count { out.append(seq.map { $0[j] } ?? ents!.keys[j]) } }
                    break
                }
            }
            if let failed = loopGuard.failedAt {
                if let seq, i + 1 < count, skippable(seq, after: i, failed: failed, and: loopGuard.rest != nil) { break }
                loopGuard.monotone = false
                loopGuard.failedAt = nil
            }
        }
        switch kind {
        case .all: return .bool(true)
        case .exists: return .bool(false)
        case .exists_one: return .bool(hits == 1)
        case .count: return .number(Quantity(hits))
        case .filter, .map: return .list(out)
        case .sortBy: return .list(try sorted(out, keys: keys, e, body))
        case .groupBy: return .map(try grouped(out, keys: keys, e, body))
        }
    }

    /// A macro's condition that begins with a comparison of which one side does not read the
    /// macro's variables (`positions.filter(i, i < size(t.columns) && …)`): that side is the
    /// same for every element, so it is evaluated for the first element only and its value
    /// reused, at one step (as a cache hit costs), for the others. Results and errors are the
    /// general path's: the side is evaluated where the general path first evaluates it, and
    /// an expression's value depends only on its variables.
    struct LoopGuard {
        /// Whether the condition has that shape (else it takes `condition`).
        var active = false
        /// The comparison, and what follows it with `&&` (nil: the condition is the comparison).
        var comparison: Unmanaged<Expr>?
        var rest: Unmanaged<Expr>?
        /// Whether the invariant side is the right operand.
        var right = false
        var value: Val?
        /// `x < bound` or `x <= bound` (either way round), `x` the element itself: once it
        /// fails on a whole number, it fails on every element as large (see `skippable`).
        var monotone = false
        /// The element the comparison last failed on, when `monotone` and that tells.
        var failedAt: Int?

        /// Active when `condition` has that shape and takes the comparison's path in
        /// `condition` (not a cached or `type(x) == …` comparison).
        mutating func activate(_ condition: Expr, first: Int, second: Int?, caching: Bool) {
            if caching && condition.isCacheable { return }
            // The loop's variables, as bits of `freeLocals`.
            var loop: UInt64 = first < 63 ? 1 << UInt64(first) : 1 << 63
            if let second { loop |= second < 63 ? 1 << UInt64(second) : 1 << 63 }
            if condition.shape == .or || condition.shape == .and || condition.shape == .not {
                hoist(condition, loop: loop, caching: caching)
            }
            if condition.shape != .and && condition.shape != .comparison { return }
            var comparison = Unmanaged.passUnretained(condition)
            if condition.shape == .and {
                guard let l = condition.operands.0, let r = condition.operands.1 else { return }
                comparison = l
                rest = r
            }
            comparison._withUnsafeGuaranteedRef { c in
                guard c.shape == .comparison, c.fastTag != .typeIs, !(caching && c.isCacheable),
                      let lu = c.operands.0, let ru = c.operands.1 else { return }
                lu._withUnsafeGuaranteedRef { l in
                    ru._withUnsafeGuaranteedRef { r in
                        let lFree = l.freeLocals & loop == 0, rFree = r.freeLocals & loop == 0
                        if rFree && !lFree && r.weight >= 2 { right = true } else if lFree && !rFree && l.weight >= 2 { right = false } else { return }
                        let element = right ? l : r
                        let op = c.binaryOp
                        monotone = second == nil && element.localIndex == first && !element.isLazyVariable
                            && (right ? (op == .less || op == .lessEqual) : (op == .greater || op == .greaterEqual))
                        active = true
                    }
                }
            }
            if active {
                self.comparison = comparison
                (hoisted0, hoisted1) = (nil, nil)
            }
        }

        /// Operands of `&&`, `||` and `!` in the condition (those `Interpreter.condition`
        /// takes apart, two at most) that read no variable of the loop and whose evaluation
        /// is `repeatable`: `hoistedCondition` evaluates each once, then charges the steps it
        /// took (`mark == null || …` in a count).
        var hoisted0: Unmanaged<Expr>?
        var hoisted1: Unmanaged<Expr>?
        var value0: Bool?
        var value1: Bool?
        var steps0 = 0
        var steps1 = 0

        var hoisting: Bool { hoisted0 != nil }

        mutating func hoist(_ condition: Expr, loop: UInt64, caching: Bool) {
            guard !(caching && condition.isCacheable) else { return }
            if let l = condition.operands.0 { hoistOperand(l, loop: loop, caching: caching) }
            if condition.shape != .not, let r = condition.operands.1 { hoistOperand(r, loop: loop, caching: caching) }
        }

        mutating func hoistOperand(_ operand: Unmanaged<Expr>, loop: UInt64, caching: Bool) {
            guard hoisted1 == nil else { return }
            operand._withUnsafeGuaranteedRef { o in
                if o.freeLocals & loop == 0 && LoopGuard.repeatable(o, caching: caching) {
                    if hoisted0 == nil { hoisted0 = operand } else { hoisted1 = operand }
                } else if o.shape == .and || o.shape == .or || o.shape == .not {
                    hoist(o, loop: loop, caching: caching)
                }
            }
        }

        /// Whether evaluating `e` takes the same steps, gives the same value and raises the
        /// same error every time its variables hold the same values: no pack function (its
        /// calls are remembered), no let computed on demand, no macro, nothing remembered.
        static func repeatable(_ e: Expr, caching: Bool) -> Bool {
            if caching && e.isCacheable { return false }
            switch e.kind {
            case .constant, .local: return true
            case .variable: return !e.isLazyVariable
            case .member(let t, _), .negate(let t), .not(let t), .matchLiteral(let t): return repeatable(t, caching: caching)
            case .index(let a, let b), .binary(_, let a, let b), .and(let a, let b), .or(let a, let b), .has(let a, let b):
                return repeatable(a, caching: caching) && repeatable(b, caching: caching)
            case .conditional(let a, let b, let c):
                return repeatable(a, caching: caching) && repeatable(b, caching: caching) && repeatable(c, caching: caching)
            case .call(_, let args): return args.allSatisfy { repeatable($0, caching: caching) }
            case .list(let items): return items.allSatisfy { repeatable($0, caching: caching) }
            case .map(let entries): return entries.allSatisfy { repeatable($0.key, caching: caching) && repeatable($0.value, caching: caching) }
            case .userCall, .macro: return false
            }
        }

        /// The condition's value for every element when its first operand, evaluated once,
        /// decides it (`true || …`, `false && …`), and the steps `condition` takes for it
        /// on each element; else nil.
        func decided(_ condition: Expr) -> (value: Bool, steps: Int)? {
            guard let h = hoisted0, let value = value0, let l = condition.operands.0, l.toOpaque() == h.toOpaque(),
                  (condition.shape == .or && value) || (condition.shape == .and && !value) else { return nil }
            return (value, 1 + steps0)
        }
    }

    /// `condition(e, top)`, with `loopGuard`'s invariant side evaluated once.
    @inline(__always) mutating func guardedCondition(_ e: Expr, _ top: Bool, _ loopGuard: inout LoopGuard) throws -> Bool {
        if loopGuard.active { return try guarded(e, top, &loopGuard) }
        if loopGuard.hoisting { return try hoistedCondition(e, top, &loopGuard) }
        return try condition(e, top)
    }

    /// `condition(e, top)`, with the operands `g` hoists evaluated once: on later elements
    /// each is charged the steps its evaluation took, unless that overruns the budget (then
    /// it is evaluated, to stop where the general path stops).
    @inline(never) mutating func hoistedCondition(_ e: Expr, _ top: Bool, _ g: inout LoopGuard) throws -> Bool {
        let id = Unmanaged.passUnretained(e).toOpaque()
        if g.hoisted0?.toOpaque() == id { return try hoistedOperand(e, top, &g.value0, &g.steps0) }
        if g.hoisted1?.toOpaque() == id { return try hoistedOperand(e, top, &g.value1, &g.steps1) }
        // The rest as `condition` takes it.
        if e.shape == .other || e.shape == .comparison || (caching && e.isCacheable) { return try condition(e, top) }
        used &+= 1
        if used > limit { throw budgetError(e) }
        switch e.shape {
        case .and:
            if !(try e.operands.0.unsafelyUnwrapped._withUnsafeGuaranteedRef { try hoistedCondition($0, top, &g) }) { return false }
            return try e.operands.1.unsafelyUnwrapped._withUnsafeGuaranteedRef { try hoistedCondition($0, top, &g) }
        case .or:
            if try e.operands.0.unsafelyUnwrapped._withUnsafeGuaranteedRef({ try hoistedCondition($0, top, &g) }) { return true }
            return try e.operands.1.unsafelyUnwrapped._withUnsafeGuaranteedRef { try hoistedCondition($0, top, &g) }
        default:
            return !(try e.operands.0.unsafelyUnwrapped._withUnsafeGuaranteedRef { try hoistedCondition($0, top, &g) })
        }
    }

    @inline(__always) mutating func hoistedOperand(_ e: Expr, _ top: Bool, _ value: inout Bool?, _ steps: inout Int) throws -> Bool {
        if let v = value, used <= limit - steps {
            used &+= steps
            return v
        }
        let before = used
        let v = try condition(e, top)
        (value, steps) = (v, used - before)
        return v
    }

    /// The steps of `condition` on an `&&` (one) and on a comparison (one), then the
    /// comparison's operands in order, the invariant one from `g.value` once known.
    @inline(never) mutating func guarded(_ e: Expr, _ top: Bool, _ g: inout LoopGuard) throws -> Bool {
        if g.rest != nil {
            used &+= 1
            if used > limit { throw budgetError(e) }
        }
        let holds: Bool = try g.comparison.unsafelyUnwrapped._withUnsafeGuaranteedRef { c in
            used &+= 1
            if used > limit { throw budgetError(c) }
            return try c.operands.0.unsafelyUnwrapped._withUnsafeGuaranteedRef { l in
                try c.operands.1.unsafelyUnwrapped._withUnsafeGuaranteedRef { r in
                    let a: Val, b: Val
                    if g.right {
                        a = try eval(l, false)
                        b = try invariant(r, &g.value)
                    } else {
                        a = try invariant(l, &g.value)
                        b = try eval(r, false)
                    }
                    let holds = try comparison(c.binaryOp, a, b, l, r, c, top)
                    if !holds && g.monotone, let bound = g.value, case .number(let q) = bound, q.isExact {
                        g.failedAt = Interpreter.exactWhole(g.right ? a : b)
                    }
                    return holds
                }
            }
        }
        guard holds, let rest = g.rest else { return holds }
        return try rest._withUnsafeGuaranteedRef { try condition($0, top) }
    }

    /// `x`'s value: evaluated the first time, then `value` at one step (where evaluating it
    /// would also spend its first step, so a budget error is the same).
    @inline(__always) mutating func invariant(_ x: Expr, _ value: inout Val?) throws -> Val {
        if let v = value {
            used &+= 1
            if used > limit { throw budgetError(x) }
            return v
        }
        let v = try eval(x, false)
        value = v
        return v
    }

    /// After `g`'s comparison failed on the whole number `failed` at position `i`: whether
    /// every later element is a whole number at least as large (so the comparison fails on
    /// each of them, with no error), and the budget holds the steps the general path spends
    /// on them: the macro's, the `&&`'s, the comparison's, the element's and the bound's
    /// (then charged here). The caller then stops.
    mutating func skippable(_ seq: Sequence, after i: Int, failed: Int, and: Bool) -> Bool {
        guard case .list(let items) = seq else { return false }
        var previous = failed
        for j in (i + 1)..<items.count {
            guard let x = Interpreter.exactWhole(items[j]), x >= previous else { return false }
            previous = x
        }
        let remaining = items.count - i - 1
        let steps = remaining * (and ? 5 : 4)
        guard used <= limit - steps else { return false }
        used &+= steps
        return true
    }

    /// The elements in the order of their keys (exact comparison, numbers or strings),
    /// equal keys in their original order. Merge sort: n·⌈log₂ n⌉ comparisons at most, each
    /// one step.
    mutating func sorted(_ elements: [Val], keys: [Val], _ e: Expr, _ keyExpr: Expr) throws -> [Val] {
        var order = Array(elements.indices)
        var buffer = order
        var width = 1
        while width < order.count {
            var start = 0
            while start < order.count {
                let mid = min(start + width, order.count), end = min(start + 2 * width, order.count)
                var i = start, j = mid, k = start
                while i < mid && j < end {
                    try step(e)
                    // Stable: the right run wins only when strictly smaller.
                    if try self.order(keys[order[j]], keys[order[i]], e, keyExpr, keyExpr) < 0 {
                        buffer[k] = order[j]; j += 1
                    } else {
                        buffer[k] = order[i]; i += 1
                    }
                    k += 1
                }
                while i < mid { buffer[k] = order[i]; i += 1; k += 1 }
                while j < end { buffer[k] = order[j]; j += 1; k += 1 }
                start = end
            }
            swap(&order, &buffer)
            width *= 2
        }
        if order.count == 1 { _ = try self.order(keys[0], keys[0], e, keyExpr, keyExpr) }
        return order.map { elements[$0] }
    }

    /// The elements by key, in the order each key first appears; a number key by its value
    /// as text (`7` and `7.0` are one key).
    mutating func grouped(_ elements: [Val], keys: [Val], _ e: Expr, _ keyExpr: Expr) throws -> ValMap {
        var position: [String: Int] = [:]
        var names: [String] = []
        var groups: [[Val]] = []
        for (i, k) in keys.enumerated() {
            let text: String
            if let s = k.stringValue {
                text = s
                try step(e, s.utf8.count / 8)
            } else if RuntimeType.of(k) == .number, let q = try quantity(k, keyExpr), let v = q.value {
                text = v.normalized.description
            } else {
                throw typeError(keyExpr, k, expected: EvaluationPhrase.groupByKey())
            }
            if let p = position[text] { groups[p].append(elements[i]) } else {
                position[text] = groups.count
                names.append(text)
                groups.append([elements[i]])
            }
        }
        return ValMap(uniqueKeys: names, values: groups.map { Val.list($0) })
    }

    // MARK: functions

    @inline(never) mutating func call(_ e: Expr) throws -> Val {
        if e.fastTag == .getKey {
            // `get(x, 'key', default)` on a mapping node: looked up in place, charging the
            // steps of the two constants it does not evaluate.
            switch try lookUp(e) {
            case .found(let value): try step(e, 2); return .node(value)
            case .absent: try step(e, 2); return e.fastFallback
            case .other(let v): return try callRest(e, first: v)
            }
        }
        if e.fastTag == .getKeyOr {
            // `get(x, 'key', expression)` on a mapping node: looked up in place; the step of
            // the key and the default's steps (and errors) as the general call takes them.
            switch try lookUp(e) {
            case .found(let value):
                try stepKey(e)
                _ = try e.fastDefault.unsafelyUnwrapped._withUnsafeGuaranteedRef { try eval($0, false) }
                return .node(value)
            case .absent:
                try stepKey(e)
                return try e.fastDefault.unsafelyUnwrapped._withUnsafeGuaranteedRef { try eval($0, false) }
            case .other(let v): return try callRest(e, first: v)
            }
        }
        if e.fastTag == .stringOf {
            // `string(x)` of a string or a scalar node, as the built-in makes it, without
            // gathering its arguments (it takes no step of its own for these).
            let v = try e.fastArg.unsafelyUnwrapped._withUnsafeGuaranteedRef { try eval($0, false) }
            return try stringOf(e, v)
        }
        return try callRest(e, first: nil)
    }

    /// `string(x)` of `x`'s value `v`.
    @inline(__always) mutating func stringOf(_ e: Expr, _ v: Val) throws -> Val {
        switch v {
        case .string: return v
        case .node(let n) where n.isScalar:
            if case .null? = n.scalarType { return .string("null") }
            return .string(n.scalarText ?? "")
        default: return try callRest(e, first: v)
        }
    }

    /// An operand of `==` or `!=`: `eval(e, false)`, but `string(x)` of a string scalar node
    /// is that node (at the same steps), so that text compared with text is compared in place
    /// instead of making a String of the node's text (`compare` makes it for anything else).
    @inline(__always) mutating func equalityOperand(_ e: Expr) throws -> Val {
        guard e.fastTag == .stringOf, !(caching && e.isCacheable) else { return try eval(e, false) }
        used &+= 1
        if used > limit { throw budgetError(e) }
        let v = try e.fastArg.unsafelyUnwrapped._withUnsafeGuaranteedRef { try eval($0, false) }
        if case .node(let n) = v, n.scalarType == .string { return v }
        return try stringOf(e, v)
    }

    /// The step of evaluating a call's constant key (its second argument), which the short
    /// paths of `get` do not evaluate.
    @inline(__always) mutating func stepKey(_ e: Expr) throws {
        used &+= 1
        if used > limit { throw budgetError(e.arguments[1]) }
    }

    /// What `lookUp` found for `x.key` or `get(x, 'key', c)`.
    enum Lookup {
        /// `x` is a mapping node holding the key: its value.
        case found(UnownedNode)
        /// `x` is a mapping node without the key.
        case absent(UnownedNode)
        /// `x` is anything else: its value, for the general path.
        case other(Val)
    }

    /// Evaluates the target of a `.member` or `.getKey` node (a variable is read in place,
    /// with its step) and, when it is a mapping node, looks the key up there, starting
    /// where the key was found last.
    @inline(__always) mutating func lookUp(_ e: Expr) throws -> Lookup {
        let target = e.fastArg.unsafelyUnwrapped
        let v: Val
        if let slot = try variableSlot(target) {
            if case .node(let n) = slots[slot], n.isMapping { return entry(e, n) }
            v = slots[slot]
        } else {
            v = try target._withUnsafeGuaranteedRef { try eval($0, false) }
        }
        if case .node(let n) = v, n.isMapping { return entry(e, n) }
        return .other(v)
    }

    @inline(__always) func entry(_ e: Expr, _ mapping: UnownedNode) -> Lookup {
        e.fastKey.unsafelyUnwrapped._withUnsafeGuaranteedRef { $0.value(in: mapping) }.map { .found($0) } ?? .absent(mapping)
    }

    /// For a variable or macro variable: its slot in `slots`, after taking the step that
    /// evaluating it takes (so its value can be read in place); nil for other expressions.
    @inline(__always) mutating func variableSlot(_ target: Unmanaged<Expr>) throws -> Int? {
        let slot = target._withUnsafeGuaranteedRef { t in
            t.variableSlot >= 0 ? frame + t.variableSlot : t.localIndex >= 0 ? base + t.localIndex : -1
        }
        guard slot >= 0 else { return nil }
        used &+= 1
        if used > limit { throw target._withUnsafeGuaranteedRef { budgetError($0) } }
        if !letReady(slot) && target._withUnsafeGuaranteedRef({ $0.isLazyVariable }) { try computeLet(slot) }
        return slot
    }

    /// Evaluates the arguments of a call (the first one already, when given) and applies it.
    mutating func callRest(_ e: Expr, first: Val?) throws -> Val {
        guard case .call(_, let args) = e.kind else { return .null }
        var values = ArgumentValues()
        if let first { values.append(first) }
        for a in args.dropFirst(values.count) { values.append(try eval(a, false)) }
        return try apply(values, args, e)
    }

    /// The run-time type of `arg`'s value, as `RuntimeType.of(eval(arg))` with the same
    /// steps, but for `get(x, 'key', constant)` on a mapping node read from the node found
    /// (or the constant) without making the value.
    mutating func typeOf(_ arg: Expr) throws -> RuntimeType {
        guard arg.fastTag == .getKey, !(caching && arg.isCacheable) else { return RuntimeType.of(try eval(arg, false)) }
        // The step `eval` takes for the call node; on a mapping node, the steps of the two
        // constants, which are not evaluated (as in `call`).
        try step(arg)
        switch try lookUp(arg) {
        case .found(let value): try step(arg, 2); return RuntimeType.of(value)
        case .absent: try step(arg, 2); return RuntimeType.of(arg.fastFallback)
        case .other(let v): return RuntimeType.of(try callRest(arg, first: v))
        }
    }

    /// Applies a built-in to evaluated arguments (not recursive: see `Builtins`).
    @inline(never) mutating func apply(_ values: ArgumentValues, _ args: [Expr], _ e: Expr) throws -> Val {
        try e.function.unsafelyUnwrapped._withUnsafeGuaranteedRef { f in
            try f.implementation(&self, BuiltinCall(values: values, args: args, node: e))
        }
    }

    mutating func hashKey(_ v: Val, _ e: Expr, depth: Int) throws -> HashKey {
        guard depth < 64 else { throw tooDeep(e) }
        switch RuntimeType.of(v) {
        case .null: return .null
        case .bool: return .bool(v.boolValue ?? false)
        case .string: return .string(CodePoints(v.stringValue ?? ""))
        case .number:
            guard let q = try quantity(v, e) else { return .null }
            if let d = q.value { return .number(d.normalized) }
            return .interval(q.lower.normalized, q.isLowerOpen, q.upper.normalized, q.isUpperOpen)
        case .list:
            let s = sequence(v)!
            try step(e, s.count)
            var out: [HashKey] = []
            for i in 0..<s.count { out.append(try hashKey(s[i], e, depth: depth + 1)) }
            return .list(out)
        default:
            let m = entries(v)!
            try step(e, m.keys.count)
            var out: [CodePoints: HashKey] = [:]
            for i in 0..<m.keys.count { out[CodePoints(m.keys[i].stringValue ?? "")] = try hashKey(m.values[i], e, depth: depth + 1) }
            return .map(out)
        }
    }
}

/// Substring search in linear time (Knuth–Morris–Pratt).
enum ByteSearch {
    /// The failure function: for each prefix of `pattern`, the length of its longest proper
    /// prefix that is also a suffix.
    static func failureTable(_ pattern: [UInt8]) -> [Int] {
        var fail = [Int](repeating: 0, count: pattern.count)
        var k = 0
        for i in 1..<max(1, pattern.count) {
            while k > 0 && pattern[i] != pattern[k] { k = fail[k - 1] }
            if pattern[i] == pattern[k] { k += 1 }
            fail[i] = k
        }
        return fail
    }

    static func contains(_ text: [UInt8], _ pattern: [UInt8]) -> Bool { firstOffset(text, pattern) != nil }

    /// The byte offset of the first occurrence of `pattern` in `text` (Knuth–Morris–Pratt:
    /// linear in both), or nil.
    static func firstOffset(_ text: [UInt8], _ pattern: [UInt8]) -> Int? {
        if pattern.isEmpty { return 0 }
        if pattern.count > text.count { return nil }
        let fail = failureTable(pattern)
        var k = 0
        for (i, c) in text.enumerated() {
            while k > 0 && c != pattern[k] { k = fail[k - 1] }
            if c == pattern[k] { k += 1 }
            if k == pattern.count { return i + 1 - pattern.count }
        }
        return nil
    }
}

/// Reads numbers written as text: ASCII or full-width digits, sign, `,` separators, a
/// decimal point, an optional trailing `%`.
enum NumberText {
    /// A YAML number literal as written: fast for plain decimals (no allocation), falling
    /// back to `ExactDecimal`'s full parser for exponents, hex and octal.
    static func literal(_ t: String) -> ExactDecimal? {
        var sig: Int64 = 0
        var digits = 0
        var frac = 0
        var sawPoint = false
        var negative = false
        var first = true
        for c in t.utf8 {
            defer { first = false }
            if c >= 0x30 && c <= 0x39 {
                if digits >= 18 { return ExactDecimal(t) }
                sig = sig * 10 + Int64(c - 0x30)
                digits += 1
                if sawPoint { frac += 1 }
            } else if c == 0x2E && !sawPoint {
                sawPoint = true
            } else if first && (c == 0x2D || c == 0x2B) {
                negative = c == 0x2D
            } else {
                return ExactDecimal(t)
            }
        }
        guard digits > 0 else { return ExactDecimal(t) }
        return ExactDecimal(significand: Int128(negative ? -sig : sig), exponent: -frac)
    }

    static func parse(_ s: String) -> ExactDecimal? {
        var out = ""
        var sawDigit = false
        var scalars = Array(s.unicodeScalars)
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        if let last = scalars.last, last == "%" || last == "％" { scalars.removeLast() }
        for (i, c) in scalars.enumerated() {
            switch c.value {
            case 0x30...0x39: out.unicodeScalars.append(c); sawDigit = true
            case 0xFF10...0xFF19: out.unicodeScalars.append(Unicode.Scalar(c.value - 0xFF10 + 0x30)!); sawDigit = true
            case 0x2C, 0xFF0C:
                guard sawDigit else { return nil }
            case 0x2E, 0xFF0E: out += "."
            case 0x2D, 0xFF0D, 0x2212: guard i == 0 else { return nil }; out += "-"
            case 0x2B, 0xFF0B: guard i == 0 else { return nil }
            default: return nil
            }
        }
        guard sawDigit else { return nil }
        return ExactDecimal(out)
    }
}


/// Text equality by code points (UTF-8 bytes), not by Unicode canonical equivalence:
/// planlint compares what was written, and byte comparison is much faster on Japanese text.
enum TextCompare {
    static func equal(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        // In place (both are native on Linux; small strings are copied to the stack).
        if let r = a.utf8.withContiguousStorageIfAvailable({ x in
            b.utf8.withContiguousStorageIfAvailable { y in Bytes.equal(x, y) }
        }), let r { return r }
        return a.utf8.elementsEqual(b.utf8)
    }
}

/// A string hashed and compared by code points (see `TextCompare`).
struct CodePoints: Hashable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (a: CodePoints, b: CodePoints) -> Bool { TextCompare.equal(a.text, b.text) }
    func hash(into h: inout Hasher) {
        h.combine(text.utf8.count)
        for b in text.utf8 { h.combine(b) }
    }
}

/// Up to three evaluated arguments without a heap allocation (every built-in but variadic
/// `min`/`max` takes at most three).
struct ArgumentValues {
    var first: Val = .null
    var second: Val = .null
    var third: Val = .null
    var rest: [Val] = []
    private(set) var count = 0

    mutating func append(_ v: Val) {
        switch count {
        case 0: first = v
        case 1: second = v
        case 2: third = v
        default: rest.append(v)
        }
        count += 1
    }

    subscript(i: Int) -> Val {
        switch i {
        case 0: first
        case 1: second
        case 2: third
        default: rest[i - 3]
        }
    }

    var all: [Val] { (0..<count).map { self[$0] } }
}

/// A remembered value and the captured nodes it was computed for (see `Interpreter.cached`).
struct CacheEntry: Sendable {
    let key: CaptureKey
    let value: Val
}

/// Up to four captured nodes, by tree and index: what a remembered value was computed for.
struct CaptureKey: Equatable, Sendable {
    static let capacity = 4
    private var count = 0
    private var tree: ObjectIdentifier?
    private var indexes: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)

    /// Adds a node; false when the key is full or the node is of another tree.
    mutating func append(_ n: UnownedNode) -> Bool {
        let t = n.treeID
        guard count < CaptureKey.capacity, tree == nil || tree == t else { return false }
        tree = t
        switch count {
        case 0: indexes.0 = n.index
        case 1: indexes.1 = n.index
        case 2: indexes.2 = n.index
        default: indexes.3 = n.index
        }
        count += 1
        return true
    }

    static func == (a: CaptureKey, b: CaptureKey) -> Bool {
        a.count == b.count && a.tree == b.tree && a.indexes == b.indexes
    }
}

