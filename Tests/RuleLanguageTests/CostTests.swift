import ExactNumbers
import Testing
@testable import RuleLanguage

@Suite struct CostTests {
    let big = Value.list((0..<2_000).map { .number(Quantity($0)) })

    @Test func nestedComprehensionOverALargeListExceedsTheBudget() throws {
        let e = try #require(evaluationError("l.all(x, l.all(y, x + y >= 0))", [("l", big)], limit: 1_000_000))
        #expect(e.code == .budgetExceeded)
        #expect(e.message == "evaluation took more than 1000000 steps, the rule's cost budget")
        #expect(e.help?.contains("quadratic") == true)
        // The linear version fits.
        #expect(try isTrue("l.all(x, x >= 0) && size(unique(l)) == 2000", [("l", big)]))
    }

    @Test func stepsAreCountedPerNodeAndElement() throws {
        var meter = CostMeter(limit: 1_000)
        _ = try Expression.evaluate("1 + 2", meter: &meter)
        #expect(meter.used == 3)
        var m2 = CostMeter(limit: 100_000)
        _ = try Expression.evaluate("l.count(x, x > 5)", variables: [("l", big)], meter: &m2)
        // 2 for count and l, then per element: 1 step + 3 nodes of the predicate.
        #expect(m2.used == 2 + 2_000 * 4)
    }

    /// The short paths for `x.key` and `type(get(x, 'key', c))` on a variable read the
    /// variable's node in place; they take the steps of the general path (for `get`, the
    /// steps of evaluating the call, its first argument and the type test; the key and the
    /// constant are not evaluated). One step less than they take is a budget error.
    @Test func shortPathsTakeTheStepsOfTheGeneralPath() throws {
        let node = Value.node(yaml("{a: 1}"))
        let map = Value.map(MapValue([("a", .number(Quantity(1)))]))
        func used(_ text: String, _ x: Value, limit: Int = 1_000) throws -> Int {
            var meter = CostMeter(limit: limit)
            _ = try Expression.evaluate(text, variables: [("x", x)], meter: &meter)
            return meter.used
        }
        func overBudget(_ text: String, _ x: Value, limit: Int) -> Bool {
            var meter = CostMeter(limit: limit)
            guard case .evaluation(let e)? = #expect(throws: ExpressionFailure.self, performing: {
                try Expression.evaluate(text, variables: [("x", x)], meter: &meter)
            }) else { return false }
            return e.code == .budgetExceeded
        }
        #expect(try used("x.a", node) == 2 && used("x.a", map) == 2)
        #expect(try used("[1].all(i, x.a == i)", node) == used("[1].all(i, x.a == i)", map))
        // `==` 1, `type(…)` and `'number'` and the comparison 3, `get(…)` 3, `x` 1.
        #expect(try used("type(get(x, 'a', null)) == 'number'", node) == 1 + 3 + 3 + 1)
        #expect(try used("type(get(x, 'b', 0)) == 'number'", node) == 8)
        #expect(try used("[1].all(i, type(get(x, 'a', null)) == 'number')", node) == 2 + 1 + 8)
        // A map value is no mapping node: the general path, with the same steps.
        for text in ["get(x, 'a', 0)", "get(x, 'b', 0)", "type(get(x, 'a', null)) == 'number'", "[1].all(i, get(x, 'a', 0) == i)"] {
            #expect(try used(text, node) == used(text, map), "\(text)")
        }
        for x in [node, map] {
            for text in ["x.a", "[1].all(i, x.a == i)", "type(get(x, 'a', null)) == 'number'", "type(get(x, 'b', 0)) == 'number'"] {
                let n = try used(text, x)
                #expect(overBudget(text, x, limit: n - 1), "\(text) on \(x.typeName) with \(n - 1) steps")
            }
        }
    }

    /// The short paths of `has(x.key)`, `string(x)`, `x in m` and `m[x]` on mapping and scalar nodes
    /// give the results, errors and steps of the general path, which a map value takes.
    @Test func hasStringAndInAgreeWithTheGeneralPath() throws {
        let node = Value.node(yaml("{a: 1, s: a, t: zz, n: null, l: [1]}"))
        let map = Value.map(MapValue([("a", .number(Quantity(1))), ("s", .string("a")), ("t", .string("zz")), ("n", .null),
                                      ("l", .list([.number(Quantity(1))]))]))
        func outcome(_ text: String, _ x: Value, limit: Int = 1_000) -> (String, Int) {
            var meter = CostMeter(limit: limit)
            do {
                let v = try Expression.evaluate(text, variables: [("x", x)], meter: &meter)
                return (v.formatted(), meter.used)
            } catch .evaluation(let e) {
                return ("error \(e.code.rawValue)", meter.used)
            } catch {
                return ("\(error)", meter.used)
            }
        }
        let texts = [
            "has(x.a)", "has(x.b)", "has(x['s'])", "has(x.a.b)", "has(x.n.b)", "has(x.l.b)", "[1, 2].count(i, has(x.a))",
            "string(x.a)", "string(x.s)", "string(x.n)", "string(x.l)", "string(x.s) == 'a'", "[1].map(i, string(x.t))",
            "x.s in x", "x.t in x", "x.a in x", "x.n in x", "x.s in x.l", "[1].all(i, x.s in x)",
            "x[x.s]", "x[x.t]", "x[x.a]", "x[x.n]", "[1].map(i, x[x.s])",
        ]
        for text in texts {
            let (onNode, steps) = outcome(text, node)
            let (onMap, mapSteps) = outcome(text, map)
            #expect(onNode == onMap && steps == mapSteps, "\(text): \(onNode) in \(steps) steps against \(onMap) in \(mapSteps)")
            #expect(outcome(text, node, limit: steps - 1).0 == "error cost-budget-exceeded", "\(text) with \(steps - 1) steps")
        }
        #expect(outcome("x.s in x", node).0 == "true" && outcome("x.t in x", node).0 == "false" && outcome("has(x['s'])", node).0 == "true")
        #expect(outcome("x[x.s]", node).0 == "1")
    }

    /// `x == null` and `x != null` are decided from the kind of `x` where that is certain;
    /// a number written in the plan (which may not parse) and, when a symbol reads as none,
    /// text take the general path. Results, errors and steps as the general comparison.
    @Test func comparisonsWithNullAgreeWithTheGeneralPath() throws {
        let doc = Value.node(yaml("{z: null, t: ~, i: 12, f: 1.5, big: 1e999999999, s: text, dash: '－', b: true, m: {a: 1}, l: [1], inf: .inf}"))
        let none = EvaluationOptions(symbols: SymbolTable([("－", .null)]))
        func outcome(_ text: String, options: EvaluationOptions = .default) -> String { CostTests.outcome(text, doc, options) }
        let expected: [(String, String)] = [
            ("x.z", "true"), ("x.t", "true"), ("x.i", "false"), ("x.f", "false"), ("x.big", "error number-overflow"),
            ("x.s", "false"), ("x.dash", "false"), ("x.b", "false"), ("x.m", "false"), ("x.l", "false"), ("x.inf", "false"),
            ("null", "true"), ("1", "false"), ("'text'", "false"), ("[1]", "false"), ("{'a': 1}", "false"), ("true", "false"),
        ]
        for (operand, result) in expected {
            for text in ["\(operand) == null", "null == \(operand)"] {
                #expect(outcome(text).hasPrefix(result + " ") || (result.hasPrefix("error") && outcome(text).hasPrefix(result)), "\(text): \(outcome(text))")
                let negated = outcome(text.replacingOccurrences(of: "==", with: "!="))
                let flipped = result == "true" ? "false" : result == "false" ? "true" : result
                #expect(negated.hasPrefix(flipped), "\(text) negated: \(negated)")
            }
        }
        // Steps: the operands, the literal and the comparison, as for any other comparison.
        func steps(_ text: String) -> String { String(outcome(text).split(separator: " ").last ?? "") }
        #expect(steps("x.z == null") == steps("x.i == 3") && steps("x.i != null") == steps("x.i == 3") && steps("null == x.s") == steps("x.i == 3"))
        // With `－` read as none, text goes through the symbols.
        #expect(outcome("x.dash == null", options: none).hasPrefix("true") && outcome("'－' == null", options: none).hasPrefix("true"))
        #expect(outcome("x.s == null", options: none).hasPrefix("false"))
    }

    /// Two whole numbers (written in the document or computed) are ordered and compared as
    /// integers; beside them, numbers written otherwise (`12.0`, `1.2e1`, a fraction, an
    /// interval) take the decimal comparison. Both give what the values are, at the same steps.
    @Test func wholeNumbersCompareAsTheirValues() throws {
        let doc = Value.node(yaml("{i: 12, n: -3, z: 0, y: 2014, big: 999999999999999999, f: 12.0, e: 1.2e1, h: 12.5, s: '12'}"))
        func outcome(_ text: String) -> String { CostTests.outcome(text, doc) }
        let cases: [(String, String)] = [
            ("x.i < 13", "true"), ("x.i < 12", "false"), ("x.i <= 12", "true"), ("x.i > 11", "true"), ("x.i >= 13", "false"),
            ("x.n < x.z", "true"), ("x.n > -4", "true"), ("-3 == x.n", "true"), ("x.z == 0", "true"), ("x.z != -0", "false"),
            ("x.y <= 2014 && 2014 <= x.y", "true"), ("x.y + 1 > x.y", "true"), ("x.big > 999999999999999998", "true"),
            ("x.big == 999999999999999999", "true"), ("x.big < x.n", "false"),
            ("x.i == x.f", "true"), ("x.i == x.e", "true"), ("x.i < x.h", "true"), ("x.h > x.i", "true"), ("x.f >= x.i", "true"),
            ("x.i == 12.0", "true"), ("x.i < 12.000001", "true"), ("x.i == x.s", "false"), ("x.i < x.s", "error type-mismatch"),
            ("x.i == 12 * 1", "true"), ("x.i > 24 / 2", "false"),
        ]
        for (text, expected) in cases {
            #expect(outcome(text).hasPrefix(expected + " ") || (expected.hasPrefix("error") && outcome(text).hasPrefix(expected)), "\(text): \(outcome(text))")
        }
        // Steps: the operands and the comparison, whatever path decides it.
        func steps(_ text: String) -> String { String(outcome(text).split(separator: " ").last ?? "") }
        #expect(steps("x.i < 13") == steps("x.h < 13") && steps("x.i == 12") == steps("x.h == 12") && steps("x.i == 12") == steps("x.s == 12"))
    }

    /// The whole numbers read from nodes are remembered by node, not by position: two
    /// documents of one shape have their numbers at the same indexes, and a list's numbers
    /// share the four places by the low bits of their indexes.
    @Test func wholeNumbersRememberedAreThoseOfTheirNode() throws {
        let x = Value.node(yaml("{a: 1, b: 2, c: 3, d: 4, e: 5, l: [5, 1, 4, 2, 3, 9, 0, 7, 6, 8]}"))
        let y = Value.node(yaml("{a: 5, b: 4, c: 3, d: 2, e: 1, l: [0, 9, 1, 8, 2, 7, 3, 6, 4, 5]}"))
        func value(_ text: String) throws -> String {
            var meter = CostMeter(limit: 10_000)
            return try Expression.evaluate(text, variables: [("x", x), ("y", y)], meter: &meter).formatted()
        }
        #expect(try value("x.a < y.a && y.a > x.a && x.b < y.b && x.c == y.c && x.d > y.d && !(x.e == y.e)") == "true")
        #expect(try value("[x.a, y.a, x.b, y.b, x.e, y.e].map(v, v == x.e)") == "[false, true, false, false, true, false]")
        #expect(try value("x.l.filter(v, v < y.b)") == "[1, 2, 3, 0]")
        #expect(try value("y.l.filter(v, v >= x.l[0] && v != y.e)") == "[9, 8, 7, 6, 5]")
        #expect(try value("x.l.count(v, y.l.exists(w, w == v && w > x.b))") == "7")
        #expect(try value("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter(i, x.l[i] == y.l[i])") == "[]")
    }

    /// `string(x) == y` (and `!=`) compares a string node's bytes in place instead of making
    /// a String of its text; `explain`, which traces, makes the String. Both give the same
    /// results, errors and steps, with plain symbols, a symbol read as none (two texts then
    /// may be equal) and a symbol standing for an interval (compared with a number it cannot
    /// be decided: the error names the same node and values).
    @Test func textComparedInPlaceAgreesWithTheGeneralPath() throws {
        let doc = Value.node(yaml("{s: text, t: text, u: other, dash: '－', na: 対象外, star: '＊', i: 12, q: '12', z: null, b: true, f: 1.5, h: 50, m: {a: 1}, l: [1]}"))
        let tables = [
            SymbolTable(), SymbolTable([("－", .null), ("対象外", .null)]),
            SymbolTable([("＊", .quantity(Quantity.between(.zero, ExactDecimal(10))!))]),
        ]
        let texts = [
            "string(x.s) == 'text'", "string(x.s) != 'text'", "'text' == string(x.s)", "string(x.s) == string(x.t)",
            "string(x.s) == string(x.u)", "string(x.s) != x.u", "string(x.s) == x.t", "string(x.dash) == '対象外'",
            "string(x.dash) == string(x.na)", "string(x.dash) == null", "null != string(x.na)", "string(x.star) == x.f",
            "string(x.star) == x.h", "string(x.star) != x.i", "string(x.i) == '12'", "string(x.q) == x.i", "string(x.q) == '12'",
            "string(x.z) == 'null'", "string(x.z) == null", "string(x.b) == 'true'", "string(x.f) == '1.5'", "string(x.s) == x.i",
            "string(x.s) == x.l", "string(x.m) == 'a'", "string(x.l) != 'a'", "string(x.missing) == 'a'",
            "[x.s, x.u].count(n, string(n) == 'text') == 1", "[x.s, x.dash, x.na].filter(n, string(n) == '－').size()",
        ]
        for symbols in tables {
            for text in texts {
                let compiled = try #require(Expression.compile(text, scope: Scope(["x"])).expression, "\(text)")
                var a = Activation(scope: Scope(["x"])), b = Activation(scope: Scope(["x"]))
                a[0] = doc
                b[0] = doc
                let options = EvaluationOptions(symbols: symbols)
                var m1 = CostMeter(limit: 10_000), m2 = CostMeter(limit: 10_000)
                let plain = Result { () throws(EvaluationError) in try compiled.evaluate(&a, options: options, meter: &m1) }
                let traced = Result { () throws(EvaluationError) in try compiled.explain(&b, options: options, meter: &m2).value }
                switch (plain, traced) {
                case (.success(let x), .success(let y)):
                    #expect(x.formatted() == y.formatted(), "\(text)")
                case (.failure(let x), .failure(let y)):
                    #expect(x.code == y.code && x.range == y.range && x.message == y.message && x.node?.index == y.node?.index, "\(text)")
                default:
                    Issue.record("\(text): \(plain) against \(traced)")
                }
                #expect(m1.used == m2.used, "\(text): \(m1.used) steps against \(m2.used)")
                // One step less than it takes is a budget error, on either path.
                var m3 = CostMeter(limit: m1.used - 1), m4 = CostMeter(limit: m1.used - 1)
                let short = Result { () throws(EvaluationError) in try compiled.evaluate(&a, options: options, meter: &m3) }
                let shortTraced = Result { () throws(EvaluationError) in try compiled.explain(&b, options: options, meter: &m4).value }
                if case .failure(let x) = short, case .failure(let y) = shortTraced {
                    #expect(x.code == y.code && x.range == y.range, "\(text) short")
                } else {
                    Issue.record("\(text): no budget error one step short")
                }
            }
        }
    }

    /// `text` evaluated with `x` bound to `doc`: its value and the steps taken, or the error's
    /// code and the steps taken.
    static func outcome(_ text: String, _ doc: Value, _ options: EvaluationOptions = .default) -> String {
        var meter = CostMeter(limit: 1_000)
        do {
            return "\(try Expression.evaluate(text, variables: [("x", doc)], options: options, meter: &meter).formatted()) \(meter.used)"
        } catch .evaluation(let e) {
            return "error \(e.code.rawValue) \(meter.used)"
        } catch {
            return "\(error)"
        }
    }

    /// Conditions (`&&`, `||`, `!`, comparisons, macro bodies) are decided without making a
    /// value for each step; `explain`, which traces, takes the general path. Both must give
    /// the same results, steps and errors.
    @Test func conditionsAgreeWithTheGeneralPath() throws {
        let doc = Value.node(yaml("{n: 3, s: text, l: [1, 2, 3], z: null}"))
        let texts = [
            "x.n > 2 && x.s == 'text'", "x.n > 5 || !(x.s != 'text')", "x.l.all(i, i > 0 && i < 4)",
            "x.l.exists(i, i == 2 || i == 9)", "x.l.count(i, !(i == 2))", "x.l.filter(i, i ~= 2).size() == 1",
            "x.l.map(i, i < 2, i) == [1]", "x.l.exists_one(i, i in [3, 4])", "(x.n > 2 ? x.n < 4 : false) && true",
            "type(x.z) == 'null' && type(x.n) != 'string'",
            // Errors: a non-bool operand, a bad comparison.
            "x.n && true", "x.l.all(i, i)", "!x.s", "x.s < 1", "x.l.count(i, x.z < i)",
        ]
        for text in texts {
            let compiled = try #require(Expression.compile(text, scope: Scope(["x"])).expression, "\(text)")
            var a = Activation(scope: Scope(["x"])), b = Activation(scope: Scope(["x"]))
            a[0] = doc
            b[0] = doc
            var m1 = CostMeter(limit: 10_000), m2 = CostMeter(limit: 10_000)
            let plain = Result { () throws(EvaluationError) in try compiled.evaluate(&a, meter: &m1) }
            let traced = Result { () throws(EvaluationError) in try compiled.explain(&b, meter: &m2).value }
            switch (plain, traced) {
            case (.success(let x), .success(let y)):
                #expect(x.formatted() == y.formatted(), "\(text)")
            case (.failure(let x), .failure(let y)):
                #expect(x.code == y.code && x.range == y.range && x.message == y.message, "\(text)")
            default:
                Issue.record("\(text): \(plain) against \(traced)")
            }
            #expect(m1.used == m2.used, "\(text): \(m1.used) steps against \(m2.used)")
        }
    }

    @Test func uniqueAndDuplicatesAreLinear() throws {
        // 200k elements: a quadratic implementation would need 2·10^10 steps.
        let huge = Value.list((0..<200_000).map { .number(Quantity($0 % 1000)) })
        var meter = CostMeter(limit: 2_000_000)
        let v = try Expression.evaluate("size(duplicates(l))", variables: [("l", huge)], meter: &meter)
        #expect(v.formatted() == "199000")
        #expect(meter.used < 500_000)
    }

    @Test func stringBuildingIsMetered() throws {
        let e = try #require(evaluationError("l.map(x, s + s + s).size()", [("l", big), ("s", .string(String(repeating: "情", count: 1000)))], limit: 100_000))
        #expect(e.code == .budgetExceeded)
    }

    @Test func policyScalesWithTheDocument() {
        #expect(CostPolicy.default.limit(documentNodes: 0) == 1_000_000)
        #expect(CostPolicy.default.limit(documentNodes: 10_000) == 2_000_000)
        #expect(CostPolicy(base: 10, perDocumentNode: Int.max).limit(documentNodes: 3) == Int.max, "saturates")
        #expect(CostMeter.forDocument(nodeCount: 5).limit == 1_000_500)
    }
}
