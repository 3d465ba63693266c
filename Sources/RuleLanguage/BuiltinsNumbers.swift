import Diagnostics
import ExactNumbers
import SourceText

// The numeric functions of the table in Builtins.swift: how printed numbers were rounded
// (readings per rounding mode, a plan's declarations of tables and symbols), intervals,
// and rounding. Every one does a constant amount of work per call, apart from reading a
// declaration (one step per declared symbol compared).

extension Builtins {
    static let numbers: [BuiltinFunction] = [
        BuiltinFunction(
            "rounded", BuiltinSignature([.number, .string, .number], optional: 2, result: .number),
            forms: ["rounded(number) -> number", "rounded(number, mode) -> number", "rounded(number, mode, precision) -> number"],
            summary: "The number as printed after rounding by `mode` (`'half-up'` by default, `'half-even'`, `'down'`, `'up'`, `'toward-zero'`, `'unknown'`, `'exact'`) to `precision` decimals (default: its written digits): the interval of true values it stands for, half-open where the rounding is. `rounded(90.6)` is 90.6 (90.55–<90.65); `rounded(7, 'down')` is 7 (7–<8). A symbol's meaning (＊) passes through.",
            example: "rounded(self.percent, 'half-up', 1) ~= 90.63",
            aliases: ["reading", "printed"],
            refine: Builtins.refineMode(at: 1, readings: true)
        ) { me, call in
            let q = try me.requireNumber(call.first, call.firstArg, "rounded")
            guard let v = q.value else { return .number(q) }
            let mode = call.count > 1 ? try me.roundingMode(call.values[1], call.args[1], readings: true) : .halfUp
            let precision = call.count > 2 ? try me.precision(call.values[2], call.args[2]) : nil
            return .number(try me.reading(v, mode: mode, precision: precision, call.firstArg, call.first))
        },
        BuiltinFunction(
            "amount", BuiltinSignature([[.number, .string, .null], .map], result: .dyn),
            forms: ["amount(cell, declaration) -> number | null"],
            summary: "What a printed cell stands for under a declaration (a table, a column, or a map) with the optional keys `rounding` (a mode of `rounded`; default `'exact'`), `precision` (decimals; default the written digits) and `symbols` (symbol → `{min\\|above, max\\|below}` bounds, or `{none: true}`): a number is read with `rounded(x, rounding, precision)`, a declared symbol is its interval (`none`: null, which `sum` skips), null stays null. A symbol declared without bounds or text that is not declared is an error.",
            cost: "1 per declared symbol compared",
            example: "sum(self.rows.map(r, amount(r.budget, root.table))) ~= amount(self.total, root.table)",
            aliases: ["cell", "valueOf"]
        ) { me, call in
            try me.amount(call.first, call.firstArg, declaration: call.values[1], call.args[1]) ?? .null
        },
        BuiltinFunction(
            "isAmount", BuiltinSignature([.any, .map], optional: 1, result: .bool),
            forms: ["isAmount(value) -> bool", "isAmount(value, declaration) -> bool"],
            summary: "Whether the value is an amount printed as a number or as a declared symbol with an amount meaning (＊), under the rule file's symbols or the declaration's `symbols` (see `amount`). A symbol declared as none (－), null, other text, lists and maps are not amounts. Use it to guard arithmetic: `isAmount(self.total) && …`.",
            cost: "1 per declared symbol compared",
            example: "isAmount(self.budget) && self.budget ~= 3",
            aliases: ["isNumber", "is_amount"]
        ) { me, call in
            if call.count > 1 { return .bool(try me.isAmount(call.first, call.firstArg, declaration: call.values[1], call.args[1])) }
            guard let o = try? me.classify(call.first, call.firstArg) else { return .bool(false) }
            return .bool(o.quantity != nil)
        },
        BuiltinFunction(
            "interval", BuiltinSignature([[.map, .number], .number, .string], optional: 2, result: .number),
            forms: ["interval(bounds) -> number", "interval(low, high) -> number", "interval(low, high, ends) -> number"],
            summary: "A number without a value, known to lie in an interval: from a mapping of bounds `{min\\|above: low, max\\|below: high}` (a missing side is unbounded: `{min: 100}` is 100 or more), or between `low` and `high` with `ends` `'[]'` (default), `'[)'`, `'(]'` or `'()'`. Compare with `~=` (can it be in there?) or `within` (is it surely in there?).",
            cost: "1 per bound",
            example: "rounded(self.rate, 'half-up', 1) ~= interval({min: 80, below: 100})",
            aliases: ["range", "between", "band"],
            refine: Builtins.refineInterval
        ) { me, call in
            if call.count == 1 {
                guard let q = try me.bounds(call.first, call.firstArg, what: "interval") else {
                    throw me.typeError(call.firstArg, call.first, expected: EvaluationPhrase.boundsOrTwoNumbers())
                }
                return .number(q)
            }
            let lo = try me.requireNumber(call.first, call.firstArg, "interval")
            let hi = try me.requireNumber(call.values[1], call.args[1], "interval")
            guard let l = lo.value else { throw me.noValue(lo, call.firstArg, call.first, "interval") }
            guard let h = hi.value else { throw me.noValue(hi, call.args[1], call.values[1], "interval") }
            let ends = call.count > 2 ? try me.requireString(call.values[2], call.args[2], .phrase(.theEndsOfAnInterval)) : "[]"
            guard let (lowerOpen, upperOpen) = Builtins.ends(ends) else {
                throw EvaluationError(code: .invalidNumber, message: EvaluationMessage.notIntervalEnds(["expression": me.snippet(call.args[2]), "text": ends]),
                                      range: call.args[2].range, node: call.values[2].node)
            }
            guard let q = Quantity(lower: l, lowerOpen: lowerOpen, upper: h, upperOpen: upperOpen, value: nil) else {
                throw EvaluationError(code: .invalidNumber, message: EvaluationMessage.emptyInterval(["low": l, "high": h, "ends": ends]),
                                      range: call.node.range, help: EvaluationMessage.lowerBoundFirst())
            }
            return .number(q)
        },
        BuiltinFunction(
            "within", BuiltinSignature([.number, .number], result: .bool),
            forms: ["within(number, number) -> bool"],
            summary: "Whether every value the first number may stand for lies in the second's interval (surely inside, open ends respected); `a ~= b` asks whether they can meet.",
            example: "within(rounded(self.rate, 'half-up', 1), interval({min: 80, below: 100}))",
            aliases: ["inside", "contains_interval"]
        ) { me, call in
            let x = try me.requireNumber(call.first, call.firstArg, "within")
            let y = try me.requireNumber(call.values[1], call.args[1], "within")
            return .bool(x.isWithin(y))
        },
        BuiltinFunction(
            "round", BuiltinSignature([.number, .number, .string], optional: 2, result: .number),
            forms: ["round(number) -> number", "round(number, precision) -> number", "round(number, precision, mode) -> number"],
            summary: "The value rounded to `precision` decimals (0 by default; a negative `precision` rounds to tens, hundreds…) by `mode`: `'half-up'` (default: half away from zero, as printed tables do), `'half-even'`, `'down'` (toward −∞), `'up'` (toward +∞) or `'toward-zero'`; the result is exact. A number without a value has both ends rounded.",
            example: "round(self.actual / self.budget * 100, 1) == 90.6"
            , refine: Builtins.refineMode(at: 2, readings: false)
        ) { me, call in
            let mode = call.count > 2 ? try me.roundingMode(call.values[2], call.args[2], readings: false) : .halfUp
            return try me.roundValue(call, mode, "round")
        },
        roundingFunction("floor", .down, "rounded down (toward −∞)",
                         more: " Amounts printed rounded down (切り捨て) are the floor of the true amount.",
                         example: "floor(self.hours * self.rate) == self.cost", aliases: []),
        roundingFunction("ceil", .up, "rounded up (toward +∞)", more: "",
                         example: "ceil(self.count / 2) <= self.half", aliases: ["ceiling", "roundup", "roundUp", "ROUNDUP"]),
        roundingFunction("trunc", .towardZero, "rounded toward zero", more: "",
                         example: "trunc(self.rate, 1) == 90.6", aliases: ["truncate", "rounddown", "roundDown", "ROUNDDOWN"]),
    ]

    /// `floor`, `ceil`, `trunc`: `round(x, precision, mode)` for one mode.
    static func roundingFunction(_ name: String, _ mode: RoundingMode, _ how: String, more: String, example: String, aliases: [String]) -> BuiltinFunction {
        BuiltinFunction(
            name, BuiltinSignature([.number, .number], optional: 1, result: .number),
            forms: ["\(name)(number) -> number", "\(name)(number, precision) -> number"],
            summary: "The value \(how) to `precision` decimals (0 by default): `round(x, precision, '\(mode.rawValue)')`.\(more)",
            example: example, aliases: aliases
        ) { me, call in
            try me.roundValue(call, mode, name)
        }
    }

    /// `[]`, `[)`, `(]`, `()` → (lower open, upper open).
    static func ends(_ text: String) -> (Bool, Bool)? {
        switch text {
        case "[]": (false, false)
        case "[)": (false, true)
        case "(]": (true, false)
        case "()": (true, true)
        default: nil
        }
    }

    /// Other ways of writing a rounding mode, and what planlint calls them: Japanese terms
    /// and spellings with `_` or without separators.
    static let modeAliases: [String: RoundingMode] = [
        "四捨五入": .halfUp, "切り捨て": .down, "切捨て": .down, "切捨": .down, "切り上げ": .up, "切上げ": .up, "切上": .up,
        "half_up": .halfUp, "halfup": .halfUp, "half_even": .halfEven, "halfeven": .halfEven, "bankers": .halfEven,
        "floor": .down, "ceil": .up, "ceiling": .up, "truncate": .towardZero, "trunc": .towardZero, "toward_zero": .towardZero,
    ]

    /// The mode `text` names, or why not (with "did you mean"). `readings`: `unknown` and
    /// `exact` are allowed (they describe a printed value, but are not rounding functions).
    static func mode(_ text: String, readings: Bool) -> Result<RoundingMode, ExpressionProblem> {
        let allowed = RoundingMode.allCases.filter { readings || $0.rounding != nil }
        if let m = RoundingMode(rawValue: text) ?? modeAliases[text], allowed.contains(m) { return .success(m) }
        let names = allowed.map(\.rawValue)
        let known = CheckMessage.theModesAre(["modes": names.map { "'\($0)'" }.joined(separator: ", ")])
        if let m = RoundingMode(rawValue: text) {
            return .failure(ExpressionProblem(code: .typeMismatch, message: CheckMessage.readingNotRounding(["mode": m.rawValue]),
                                              range: ByteRange(0, 0), help: known))
        }
        let suggestion = Suggestion.closest(to: text, in: names)
        return .failure(ExpressionProblem(code: .typeMismatch, message: CheckMessage.notARoundingModeMessage(["text": text]), range: ByteRange(0, 0),
                                          help: suggestion.map { CheckMessage.didYouMeanMode(["name": $0, "modes": known]) } ?? known))
    }

    /// Checks a literal rounding mode when the rule loads.
    static func refineMode(at index: Int, readings: Bool) -> BuiltinFunction.Refinement {
        { checker, call in
            guard call.syntax.count > index, case .string(let text, _) = call.syntax[index].kind else { return nil }
            if case .failure(let p) = mode(text, readings: readings) {
                checker.error(.typeMismatch, p.message, call.syntax[index].range, label: CheckMessage.notARoundingMode(), help: p.help)
            }
            return nil
        }
    }

    /// `interval(bounds)` takes one mapping; `interval(low, high[, ends])` numbers; literal
    /// ends are checked when the rule loads.
    static let refineInterval: BuiltinFunction.Refinement = { checker, call in
        if call.types.count == 1 && call.types[0] == .number {
            checker.error(.wrongArity, CheckMessage.intervalOfOne(), call.range, label: CheckMessage.oneNumber(), help: CheckMessage.giveBothEnds())
        }
        if call.types.count > 1 && call.types[0] == .map {
            checker.error(.typeMismatch, CheckMessage.intervalTakes(), call.syntax[0].range, label: ValueType.map.phrase)
        }
        if call.syntax.count > 2, case .string(let text, _) = call.syntax[2].kind, ends(text) == nil {
            checker.error(.typeMismatch, CheckMessage.notIntervalEnds(["text": text]), call.syntax[2].range, label: CheckMessage.notIntervalEndsLabel(),
                          help: CheckMessage.intervalEndsHelp())
        }
        return nil
    }
}

extension Interpreter {
    /// A rounding mode read from a string value.
    mutating func roundingMode(_ v: Val, _ e: Expr, readings: Bool) throws -> RoundingMode {
        let text = try requireString(v, e, .phrase(.aRoundingMode))
        switch Builtins.mode(text, readings: readings) {
        case .success(let m): return m
        case .failure(let p): throw EvaluationError(code: .typeMismatch, message: p.message, range: e.range, node: v.node, help: p.help)
        }
    }

    /// A number of decimals, −38…38.
    mutating func precision(_ v: Val, _ e: Expr) throws -> Int {
        let p = try requireInt(v, e, .phrase(.aPrecision))
        guard p >= -38 && p <= 38 else {
            throw EvaluationError(code: .overflow, message: EvaluationMessage.precisionOutOfRange(["precision": p]), range: e.range, node: v.node)
        }
        return p
    }

    /// The reading of a printed value: `Quantity.reading`, after checking that the value has
    /// no more decimals than `precision` allows.
    mutating func reading(_ v: ExactDecimal, mode: RoundingMode, precision: Int?, _ e: Expr, _ x: Val) throws -> Quantity {
        if let p = precision, !v.isMultiple(of: ExactDecimal(significand: 1, exponent: -p)), !v.isZero {
            throw EvaluationError(
                code: .invalidNumber,
                message: p == 1 ? EvaluationMessage.moreDigitsThanPrecisionOne(["expression": snippet(e), "value": v])
                    : EvaluationMessage.moreDigitsThanPrecision(["expression": snippet(e), "value": v, "precision": p]),
                range: e.range, node: x.node, help: EvaluationMessage.moreDigitsHelp(["decimals": max(0, p)]))
        }
        do throws(DecimalError) {
            return try Quantity.reading(v, mode: mode, unitExponent: precision.map { -$0 })
        } catch {
            throw decimalError(error, e, x.node)
        }
    }

    /// `round`, `floor`, `ceil`, `trunc`: the first argument rounded by `mode` to the
    /// precision in the second (0 by default).
    mutating func roundValue(_ call: BuiltinCall, _ mode: RoundingMode, _ name: String) throws -> Val {
        let q = try requireNumber(call.first, call.firstArg, .name(name))
        let digits = call.count > 1 ? try precision(call.values[1], call.args[1]) : 0
        do throws(DecimalError) {
            return .number(try q.rounded(fractionDigits: digits, rounding: mode.rounding ?? .halfUp))
        } catch {
            throw decimalError(error, call.node, call.first.node)
        }
    }

    /// The value under `key` of a map or mapping node; nil when absent or not a map.
    mutating func field(_ v: Val, _ key: String) -> Val? {
        switch v {
        case .map(let m): return m[key]
        case .node(let n) where n.isMapping: return n.entry(key).map { .node($0.value) }
        default: return nil
        }
    }

    /// An interval from a mapping of bounds: `min` (≥) or `above` (>), `max` (≤) or `below`
    /// (<); a missing side is unbounded; `min == max` is that exact number. Nil when `v` is
    /// not a map. Other keys (`means`, a printed meaning) are ignored.
    mutating func bounds(_ v: Val, _ e: Expr, what: Purpose) throws -> Quantity? {
        guard entries(v) != nil else { return nil }
        func bound(_ closed: String, _ open: String) throws -> (ExactDecimal, Bool)? {
            let c = field(v, closed), o = field(v, open)
            if c != nil && o != nil {
                throw EvaluationError(code: .typeMismatch, message: EvaluationMessage.bothBounds(["what": what.text, "closed": closed, "open": open]),
                                      range: e.range, node: v.node, help: EvaluationMessage.keepOneBound(["closed": closed, "open": open]))
            }
            guard let b = c ?? o else { return nil }
            try step(e)
            let q = try requireNumber(b, e, .phrase(.aBound))
            guard let d = q.value else { throw noValue(q, e, b, .phrase(.aBound)) }
            return (d, o != nil)
        }
        let lower = try bound("min", "above"), upper = try bound("max", "below")
        if let l = lower, let u = upper, !l.1, !u.1, ExactDecimal.compare(l.0, u.0) == 0 { return Quantity(exact: l.0) }
        guard let q = Quantity.unbounded(lower: lower?.0, lowerOpen: lower?.1 ?? true, upper: upper?.0, upperOpen: upper?.1 ?? true) else {
            throw EvaluationError(code: .invalidNumber, message: EvaluationMessage.nothingBetween(["what": what.text]), range: e.range, node: v.node,
                                  help: EvaluationMessage.lowerBelowUpper())
        }
        return q
    }

    /// What a declared symbol stands for.
    enum SymbolReading {
        case amount(Quantity)
        /// Declared as no amount (`none: true`).
        case none
        /// Not declared: the symbols that are.
        case undeclared([String])
        /// Declared with a printed meaning only (no bounds): the meaning.
        case textOnly(Val)
    }

    /// The meaning of the symbol `text` under the declaration's `symbols`.
    mutating func symbolReading(_ text: String, declaration d: Val, _ de: Expr) throws -> SymbolReading {
        guard let symbols = field(d, "symbols"), let ent = entries(symbols) else { return .undeclared([]) }
        for i in ent.keys.indices {
            try step(de)
            guard let k = ent.keys[i].stringValue, TextCompare.equal(k, text) else { continue }
            let meaning = ent.values[i]
            if let none = field(meaning, "none"), none.boolValue == true { return .none }
            if case .number(let q)? = try? classify(meaning, de) { return .amount(q) }
            guard let q = try bounds(meaning, de, what: .symbol(text)), !(q.isUnboundedBelow && q.isUnboundedAbove) else {
                return .textOnly(meaning)
            }
            return .amount(q)
        }
        return .undeclared(ent.keys.compactMap(\.stringValue))
    }

    /// `amount(x, declaration)`: the number `x` stands for under the declaration's
    /// rounding, precision and symbols; nil for null and for a symbol declared as none.
    mutating func amount(_ x: Val, _ xe: Expr, declaration d: Val, _ de: Expr) throws -> Val? {
        guard entries(d) != nil else { throw typeError(de, d, expected: EvaluationPhrase.declaration()) }
        switch try classify(x, xe) {
        case .null:
            return nil
        case .number(let q):
            guard let v = q.value else { return .number(q) }
            let mode = try field(d, "rounding").map { try roundingMode($0, de, readings: true) } ?? .exact
            let precision = try field(d, "precision").map { try self.precision($0, de) }
            return .number(try reading(v, mode: mode, precision: precision, xe, x))
        case .string(let text), .symbol(let text, _):
            switch try symbolReading(text, declaration: d, de) {
            case .amount(let q): return .number(q)
            case .none: return nil
            case .undeclared(let declared):
                throw EvaluationError(
                    code: .typeMismatch, message: EvaluationMessage.neitherNumberNorSymbol(["expression": snippet(xe), "text": text]),
                    range: xe.range, node: x.node,
                    help: declared.isEmpty ? EvaluationMessage.declareSymbolMeaning()
                        : EvaluationMessage.declaredSymbolsAre(["symbols": declared.joined(separator: ", ")]))
            case .textOnly(let meaning):
                throw EvaluationError(
                    code: .typeMismatch, message: EvaluationMessage.symbolWithoutAmount(["text": text]),
                    range: xe.range, node: meaning.node ?? x.node, help: EvaluationMessage.declareItsInterval())
            }
        default:
            throw typeError(xe, x, expected: EvaluationPhrase.printedAmount())
        }
    }

    /// `isAmount(x, declaration)`: a number, or a symbol the declaration gives an amount.
    mutating func isAmount(_ x: Val, _ xe: Expr, declaration d: Val, _ de: Expr) throws -> Bool {
        guard entries(d) != nil else { throw typeError(de, d, expected: EvaluationPhrase.declaration()) }
        switch try classify(x, xe) {
        case .number: return true
        case .string(let text), .symbol(let text, _):
            if case .amount = try symbolReading(text, declaration: d, de) { return true }
            return false
        default: return false
        }
    }
}
