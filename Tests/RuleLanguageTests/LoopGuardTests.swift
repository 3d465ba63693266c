import ExactNumbers
import Testing
@testable import RuleLanguage

/// A macro whose condition begins with a comparison against a side that does not read the
/// macro's variables (`positions.filter(i, i < size(t.columns) && …)`) evaluates that side
/// once (`Interpreter.LoopGuard`), and stops early on a list of whole numbers in order once
/// `x < bound` fails. It must give the results and errors of the general path, which
/// `explain` takes (it records comparisons, so it never shortens a loop); its steps are the
/// general path's less those of the re-evaluations it saves, each charged one step instead.
@Suite struct LoopGuardTests {
    let doc = Value.node(yaml("{l: [5, 1, 7, 0], n: 3, s: text, m: {a: 1}, z: null}"))
    let positions = Value.list((0..<100).map { .number(Quantity($0)) })
    let shuffled = Value.list([0, 3, 1, 2, 5, 4].map { .number(Quantity($0)) })
    let mixed = Value.list([.number(Quantity(0)), .number(Quantity(1)), .string("2"), .number(Quantity(3))])

    /// (value or error code and message, steps).
    func outcome(_ text: String, explain: Bool, limit: Int = 100_000, caching: Bool = false) -> (String, Int) {
        var meter = CostMeter(limit: limit)
        let scope = Scope(["x", "p", "q", "r"])
        guard let compiled = Expression.compile(text, scope: scope).expression else { return ("no compile", 0) }
        var activation = Activation(scope: scope)
        activation.cachesInvariants = caching
        activation[0] = doc
        activation[1] = positions
        activation[2] = shuffled
        activation[3] = mixed
        do throws(EvaluationError) {
            let v = explain ? try compiled.explain(&activation, meter: &meter).value : try compiled.evaluate(&activation, meter: &meter)
            return (v.formatted(), meter.used)
        } catch {
            return ("error \(error.code.rawValue): \(error.message) at \(error.range)", meter.used)
        }
    }

    func steps(_ text: String) -> Int { outcome(text, explain: false).1 }

    /// (expression, the invariant side, how many times the general path evaluates it).
    let cases: [(String, String, Int)] = [
        ("p.filter(i, i < size(x.l) && x.l[i] > 1)", "size(x.l)", 100),
        ("p.filter(i, i < size(x.l))", "size(x.l)", 100),
        ("p.filter(i, size(x.l) > i)", "size(x.l)", 100),
        ("p.filter(i, i <= size(x.l) - 2)", "size(x.l) - 2", 100),
        ("p.count(i, i < x.n + 1 && i != 1)", "x.n + 1", 100),
        ("p.map(i, i < size(x.l), x.l[i])", "size(x.l)", 100),
        ("p.exists(i, i < size(x.l) && x.l[i] == 7)", "size(x.l)", 3),
        ("p.all(i, i < size(x.l) && x.l[i] >= 0)", "size(x.l)", 5),
        ("p.exists_one(i, i < size(x.l) && x.l[i] == 0)", "size(x.l)", 100),
        // The general path evaluates the bound for every element; the early stop charges the
        // steps of those after it. Not in order, or not all whole numbers: no early stop (a
        // string stops the loop with an error).
        ("q.filter(i, i < size(x.l) - 1)", "size(x.l) - 1", 6),
        ("r.filter(i, i < x.n - 1 + 0)", "x.n - 1 + 0", 3),
        // The element is not the bare variable, the bound is above, or two variables: no
        // early stop (the general path evaluates the bound for every element).
        ("p.filter(i, i + 1 < size(x.l))", "size(x.l)", 100),
        ("p.filter(i, i > size(x.l))", "size(x.l)", 100),
        ("p.filter(i, i == size(x.l))", "size(x.l)", 100),
        ("x.l.filter(k, v, k < size(x.l) - 1 && v > 0)", "size(x.l) - 1", 4),
        ("x.m.filter(k, k != string(x.s))", "string(x.s)", 1),
    ]

    @Test func resultsAndErrorsAreTheGeneralPathsAndStepsOnlyFewer() throws {
        for (text, bound, evaluations) in cases {
            let fast = outcome(text, explain: false)
            let general = outcome(text, explain: true)
            #expect(fast.0 == general.0, "\(text): \(fast.0) against \(general.0)")
            let saved = (evaluations - 1) * (steps(bound) - 1)
            #expect(fast.1 == general.1 - saved, "\(text): \(fast.1) steps against \(general.1) less \(saved)")
            // One step less is a budget error, one more is not.
            #expect(outcome(text, explain: false, limit: fast.1 - 1).0.hasPrefix("error cost-budget-exceeded"), "\(text)")
            #expect(outcome(text, explain: false, limit: fast.1).0 == fast.0, "\(text)")
        }
        #expect(outcome("p.filter(i, i < size(x.l) && x.l[i] > 1)", explain: false).0 == "[0, 2]")
        // As a rule runs it (remembering invariant values): the same results.
        for (text, _, _) in cases {
            #expect(outcome(text, explain: false, caching: true).0 == outcome(text, explain: true).0, "\(text)")
        }
        #expect(outcome("q.filter(i, i < size(x.l) - 1)", explain: false).0 == "[0, 1, 2]")
        #expect(outcome("p.exists_one(i, i < size(x.l) && x.l[i] == 0)", explain: false).0 == "true")
    }

    /// Errors: in the invariant side (where the general path first evaluates it), in the
    /// element's side, in what follows `&&`, and a bound that cannot be compared.
    @Test func errorsAreTheGeneralPaths() throws {
        let failing = [
            "p.filter(i, i < size(x.n))", "p.filter(i, i < x.s && true)", "p.filter(i, x.l[i] < size(x.l))",
            "p.filter(i, i < size(x.l) && x.l[i + 1] > 0)", "p.filter(i, i < x.z)", "[].filter(i, i < size(x.n))",
            "p.filter(i, i < x.m)", "r.filter(i, i < size(x.l))",
        ]
        for text in failing {
            let fast = outcome(text, explain: false), general = outcome(text, explain: true)
            #expect(fast.0 == general.0, "\(text): \(fast.0) against \(general.0)")
        }
        #expect(outcome("p.filter(i, i < size(x.n))", explain: false).0.hasPrefix("error type-mismatch"))
        #expect(outcome("[].filter(i, i < size(x.n))", explain: false).0 == "[]")
    }

    /// A bound that depends on the element is evaluated for every element.
    @Test func aBoundThatReadsTheElementIsNotReused() {
        let text = "p.filter(i, i < size(x.l) - i)"
        #expect(outcome(text, explain: false) == outcome(text, explain: true))
        #expect(outcome(text, explain: false).0 == "[0, 1]")
    }
}
