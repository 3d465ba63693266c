import ExactNumbers
import Testing
import YAMLTree
@testable import RuleLanguage

/// Calls of pack functions remembered by argument values (`CallMemo`, with
/// `Activation.cachesInvariants`): a call answers from the memo only for arguments that are
/// certainly the same, so every result equals the one computed without it.
@Suite struct CallMemoTests {
    /// A scope with `x` and the functions (name, parameters, body), each seeing the earlier ones.
    func scope(_ functions: [(String, [String], String)]) throws -> Scope {
        var defined: [String: FunctionDefinition] = [:]
        for (name, parameters, body) in functions {
            var s = Scope(parameters)
            s.functions = defined
            let r = Expression.compile(body, scope: s)
            let e = try #require(r.expression, "\(name): \(r.problems)")
            defined[name] = FunctionDefinition(name: name, parameters: parameters, expression: e)
        }
        var s = Scope(["x"])
        s.functions = defined
        return s
    }

    /// `text` for each `x` in turn (with the options given for it), in one activation; the
    /// results (errors by code) and the steps of all of them.
    func run(_ text: String, _ functions: [(String, [String], String)], _ xs: [Value], caching: Bool,
             options: [EvaluationOptions]? = nil) throws -> (results: [String], steps: Int) {
        let s = try scope(functions)
        let r = Expression.compile(text, scope: s)
        let e = try #require(r.expression, "\(r.problems)")
        var activation = Activation(scope: s)
        activation.cachesInvariants = caching
        var results: [String] = [], steps = 0
        for (i, x) in xs.enumerated() {
            activation[0] = x
            var meter = CostMeter(limit: 10_000_000)
            do {
                results.append(try e.evaluate(&activation, options: options?[i] ?? .default, meter: &meter).formatted())
            } catch {
                results.append("error \(error.code.rawValue)")
            }
            steps += meter.used
        }
        return (results, steps)
    }

    /// The same results with and without the memo; returns the steps (plain, remembered).
    @discardableResult
    func agree(_ text: String, _ functions: [(String, [String], String)], _ xs: [Value], expected: [String],
               options: [EvaluationOptions]? = nil) throws -> (plain: Int, remembered: Int) {
        let plain = try run(text, functions, xs, caching: false, options: options)
        let remembered = try run(text, functions, xs, caching: true, options: options)
        #expect(plain.results == expected, "\(text) without the memo")
        #expect(remembered.results == expected, "\(text) with the memo")
        return (plain.steps, remembered.steps)
    }

    let heavy = [("work", ["n"], "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(i, i * 2).filter(i, i > 4).size() + n")]

    @Test func repeatedArgumentsAnswerFromTheMemo() throws {
        let three = Value.number(Quantity(3))
        let steps = try agree("work(x) + work(x)", heavy, [three, three, three], expected: ["22", "22", "22"])
        #expect(steps.remembered < steps.plain / 3, "the body ran once: \(steps)")
    }

    /// Two nodes with the same text are different arguments: `same` tells them apart.
    @Test func nodesAreComparedByIdentityNotText() throws {
        let doc = yaml("[a, a, a]")
        let items = (0..<3).map { Value.node(doc[$0]!) }
        try agree("same(pick(x), x)", [("pick", ["n"], "n")], items, expected: ["true", "true", "true"])
    }

    /// Text is compared by bytes: `é` composed and decomposed are different arguments.
    @Test func textIsComparedByBytes() throws {
        let composed = Value.string("\u{E9}"), decomposed = Value.string("e\u{301}")
        try agree("len(x)", [("len", ["s"], "size(s)")], [composed, decomposed, composed, decomposed], expected: ["1", "2", "1", "2"])
    }

    /// `1` and `1.0` print differently: numbers are compared by digits and exponent.
    @Test func numbersAreComparedAsWritten() throws {
        let one = Value.number(Quantity(1)), oneZero = Value.number(Quantity(exact: ExactDecimal(significand: 10, exponent: -1)))
        try agree("show(x)", [("show", ["n"], "string(n)")], [one, oneZero, one], expected: ["1", "1.0", "1"])
    }

    /// Lists are the same only as the same storage: equal sizes are not enough, and one list
    /// read again is found.
    @Test func listsAreComparedByStorage() throws {
        let a = Value.list([.number(Quantity(1)), .number(Quantity(2))]), b = Value.list([.number(Quantity(3)), .number(Quantity(4))])
        try agree("total(x)", [("total", ["l"], "sum(l)")], [a, b, a, b], expected: ["3", "7", "3", "7"])
        // (One call site, three calls on the list `x` holds.)
        let steps = try agree("[1, 2, 3].map(k, total2(x))", [("total2", ["l"], "sum(l.map(i, i * 2))")], [a, b], expected: ["[6, 6, 6]", "[14, 14, 14]"])
        #expect(steps.remembered < steps.plain)
    }

    /// Maps are never remembered.
    @Test func mapsAreNeverRemembered() throws {
        let a = Value.map(MapValue([("k", .number(Quantity(1)))])), b = Value.map(MapValue([("k", .number(Quantity(2)))]))
        try agree("k(x)", [("k", ["m"], "m.k")], [a, b, a], expected: ["1", "2", "1"])
    }

    /// More distinct arguments than a call site keeps, then old ones again; a site that
    /// stops remembering (its calls do not repeat) still answers right.
    @Test func manyArgumentsStayRight() throws {
        let values = (0..<80).map { Value.number(Quantity($0 % 40)) } + (0..<6).map { Value.number(Quantity($0)) }
        try agree("work(x)", heavy, values, expected: values.map { v in
            guard case .number(let q) = v, let n = q.value.flatMap({ Int(exactly: $0.significand) }) else { return "" }
            return "\(n + 8)"
        })
    }

    /// Two arguments each, more pairs than a site keeps, in an order that hits, replaces and
    /// hits again: each result is the one for its own pair, and the four pairs a site keeps
    /// are all found again.
    @Test func pairsOfArgumentsStayRight() throws {
        let pair = [("pair", ["a", "b"], "a * 100 + b + size([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter(i, i > 20))")]
        let text = "[1, 2].map(k, pair(x, x * k))"
        let order = [1, 2, 1, 2, 3, 4, 5, 1, 5, 6, 2, 6, 0, 0]
        let xs = order.map { Value.number(Quantity($0)) }
        try agree(text, pair, xs, expected: order.map { "[\($0 * 101), \($0 * 102)]" })
        let once = try run(text, pair, Array(xs[0..<2]), caching: true)
        let twice = try run(text, pair, Array(xs[0..<4]), caching: true)
        #expect(twice.steps - once.steps < once.steps / 3, "(1, 1), (1, 2), (2, 2), (2, 4) answered from the memo: \(once.steps), \(twice.steps)")
    }

    /// A built-in that reads the run's language gives each language its own result.
    @Test func theLanguageIsPartOfTheArguments() throws {
        let year = Value.number(Quantity(2015))
        let options = [EvaluationOptions(language: .ja), EvaluationOptions(language: .en), EvaluationOptions(language: .ja)]
        try agree("fy(x)", [("fy", ["y"], "fiscalYearText(y)")], [year, year, year], expected: ["平成27年度", "FY2015", "平成27年度"], options: options)
    }

    /// A failing call is not remembered: it fails again.
    @Test func failuresAreNotRemembered() throws {
        let doc = yaml("{a: 1}")
        let results = try run("f(x)", [("f", ["m"], "m.b")], [.node(doc), .node(doc)], caching: true).results
        #expect(results == ["error missing-key", "error missing-key"])
    }
}
