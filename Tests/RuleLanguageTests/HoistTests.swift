import ExactNumbers
import Testing
@testable import RuleLanguage

/// A macro whose condition has an operand of `&&`, `||` or `!` that reads none of the macro's
/// variables and evaluates the same way every time (`mark == null || …` in the pack's counts)
/// evaluates that operand once and charges the steps it took for each later element; when
/// it decides the whole condition (`true || …`, `false && …`) the rest of the list is charged
/// at once (`Interpreter.LoopGuard.hoist`). Results, errors and steps must be the general
/// path's, which `explain` takes (it records comparisons, so it never hoists): at every
/// budget, the same value or the same error at the same place.
@Suite struct HoistTests {
    let doc = Value.node(yaml("{l: [5, 1, 7, 0], n: 3, s: text, m: {a: 1, b: 2}, z: null, k: [{mark: ○}, {mark: ×}, {}, {mark: ○}]}"))
    let positions = Value.list((0..<100).map { .number(Quantity($0)) })

    /// (value or error code, message and range; steps).
    func outcome(_ text: String, explain: Bool, limit: Int = 100_000, caching: Bool = false) -> (String, Int) {
        var meter = CostMeter(limit: limit)
        let scope = Scope(["x", "p", "mark"])
        guard let compiled = Expression.compile(text, scope: scope).expression else { return ("no compile", 0) }
        var activation = Activation(scope: scope)
        activation.cachesInvariants = caching
        activation[0] = doc
        activation[1] = positions
        activation[2] = .null
        do throws(EvaluationError) {
            let v = explain ? try compiled.explain(&activation, meter: &meter).value : try compiled.evaluate(&activation, meter: &meter)
            return (v.formatted(), meter.used)
        } catch {
            return ("error \(error.code.rawValue): \(error.message) at \(error.range)", meter.used)
        }
    }

    let cases = [
        // Decided by the first operand: the rest of the list charged at once.
        "x.l.count(v, x.z == null || v > 2)", "p.count(i, mark == null || i > 2)", "p.filter(i, mark == null || i > 97)",
        "x.l.all(v, x.z == null || v > 2)", "x.l.exists(v, x.n < 0 && v == 7)", "x.m.filter(k, x.z == null || k == 'a')",
        "x.k.count(n, mark == null || (has(n.mark) && string(n.mark) == mark))",
        // Not decided: the operand charged per element, the rest evaluated.
        "x.l.count(v, x.n == null || v > 2)", "x.l.filter(v, (x.z == null || v == 1) && v < 6)",
        "x.l.all(v, !(x.n > 5) && v >= 0)", "x.l.exists_one(v, x.z == null || v == 1)", "x.l.exists(v, x.n > 0 && v == 7)",
        "x.l.count(v, null == x.z && v > 0 || v == 7)", "x.l.map(v, x.n == 3 && v > 1, v * 2)",
        "x.k.count(n, (mark == null || (has(n.mark) && string(n.mark) == mark)) && size(x.l) > 3)",
        "p.count(i, (x.z != null || i < 50) && (x.n == 3 || i == 1))",
        // Errors: in the hoisted operand, after it, in the rest of the list.
        "x.l.count(v, x.s < 1 || v > 0)", "x.l.count(v, x.n > 5 || v.a == 1)", "x.l.count(v, x.n == 3 && v.a == 1)",
        "x.l.filter(v, x.z == null || v)", "x.m.count(k, v, x.n > 5 || v > 1)",
    ]

    @Test func resultsErrorsAndStepsAreTheGeneralPaths() throws {
        for text in cases {
            let fast = outcome(text, explain: false)
            let general = outcome(text, explain: true)
            #expect(fast.0 == general.0, "\(text): \(fast.0) against \(general.0)")
            #expect(fast.1 == general.1, "\(text): \(fast.1) steps against \(general.1)")
            // At every budget up to the steps it takes: the same outcome.
            for limit in 1...fast.1 {
                let f = outcome(text, explain: false, limit: limit), g = outcome(text, explain: true, limit: limit)
                #expect(f.0 == g.0 && f.1 == g.1, "\(text) within \(limit): \(f) against \(g)")
            }
            // As a rule runs it (remembering invariant values): the same results.
            #expect(outcome(text, explain: false, caching: true).0 == general.0, "\(text)")
        }
        #expect(outcome("p.count(i, mark == null || i > 2)", explain: false).0 == "100")
        #expect(outcome("x.k.count(n, mark == null || (has(n.mark) && string(n.mark) == mark))", explain: false).0 == "4")
        #expect(outcome("x.l.count(v, x.n == null || v > 2)", explain: false).0 == "2")
    }
}
