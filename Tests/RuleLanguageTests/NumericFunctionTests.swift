import ExactNumbers
import Testing
@testable import RuleLanguage

/// Issue 18, items 3, 4 and 10: readings per rounding mode, a plan's declarations of tables
/// and symbols, intervals and rounding functions.
@Suite struct NumericFunctionTests {
    /// A plan@2-style table declaration (E17's shape) and cells.
    let table = yaml("""
        half: {rounding: half-up, symbols: {＊: {means: 百万円未満, above: 0, below: 1}, －: {means: 該当なし, none: true}, ―: {means: 皆減, min: 0, max: 0}, ※: 注}}
        down: {rounding: down}
        share: {rounding: half-up, precision: 1}
        plain: {}
        cells: {n: 7199, p: 90.6, star: "＊", dash: "－", zero: "―", note: "※", text: abc, blank: null, pct: 49, long: 90.63}
        bands:
          A: {means: 100%以上, min: 100}
          B: {means: 80〜99%, min: 80, below: 100}
          C: {means: 80%未満, below: 80}
        """)

    func t(_ e: String) throws -> Bool { try isTrue(e, [("d", .node(table))]) }
    func s(_ e: String) throws -> String { try show(e, [("d", .node(table))]) }
    func err(_ e: String) -> EvaluationError? { evaluationError(e, [("d", .node(table))]) }

    @Test func roundedReadsEveryMode() throws {
        #expect(try s("rounded(d.cells.n)") == "7199 (7198.5–<7199.5)")
        #expect(try s("rounded(d.cells.n, 'down')") == "7199 (7199–<7200)")
        #expect(try s("rounded(d.cells.n, 'up')") == "7199 (>7198–7199)")
        #expect(try s("rounded(d.cells.n, 'unknown')") == "7199 (>7198–<7200)")
        #expect(try s("rounded(d.cells.n, 'exact')") == "7199")
        #expect(try s("rounded(d.cells.n, '切り捨て')") == "7199 (7199–<7200)", "Japanese names of the modes")
        #expect(try s("rounded(d.cells.pct, 'half-up', 1)") == "49 (48.95–<49.05)", "a declared precision")
        #expect(try s("rounded(d.cells.star)") == "(>0–<1)", "a symbol's meaning passes through")
        // A value with more digits than its precision is an error, not a guess.
        let e = try #require(err("rounded(d.cells.long, 'half-up', 1)"))
        #expect(e.message == "`d.cells.long` is 90.63, which has more digits than a precision of 1 decimal allows")
        #expect(e.node?.scalarText == "90.63")
        // An unknown mode computed at run time.
        let m = try #require(evaluationError("rounded(7, x)", [("x", .string("half-upp"))]))
        #expect(m.message == "'half-upp' is not a rounding mode")
        #expect(m.help?.hasPrefix("did you mean 'half-up'?") == true)
    }

    @Test func literalModesAreCheckedWhenTheRuleLoads() {
        let p = problems("rounded(self, 'halfup2')")
        #expect(p.map(\.message) == ["'halfup2' is not a rounding mode"])
        #expect(p.first?.help?.hasPrefix("did you mean 'half-up'?") == true)
        #expect(covered("rounded(self, 'halfup2')", p[0].range) == "'halfup2'")
        #expect(problems("round(self, 0, 'unknown')").map(\.message) == ["'unknown' describes how a value was printed, but is not a way to round one"])
        #expect(problems("round(self, 0, 'down')").isEmpty)
        #expect(problems("interval(1, 2, '[[')").map(\.message) == ["'[[' is not a kind of interval ends"])
        #expect(problems("interval(1)").map(\.code) == [.wrongArity])
    }

    @Test func amountReadsATableDeclaration() throws {
        #expect(try s("amount(d.cells.n, d.half)") == "7199 (7198.5–<7199.5)")
        #expect(try s("amount(d.cells.n, d.down)") == "7199 (7199–<7200)")
        #expect(try s("amount(d.cells.n, d.plain)") == "7199", "exact unless the declaration says how it was rounded")
        #expect(try s("amount(d.cells.pct, d.share)") == "49 (48.95–<49.05)")
        #expect(try s("amount(d.cells.star, d.half)") == "(>0–<1)")
        #expect(try s("amount(d.cells.zero, d.half)") == "0")
        #expect(try s("amount(d.cells.dash, d.half)") == "null", "declared as none")
        #expect(try s("amount(d.cells.blank, d.half)") == "null")
        #expect(try t("sum([d.cells.n, d.cells.star, d.cells.dash].map(c, amount(c, d.half))) ~= 7200"))
        // Map literals are declarations too.
        #expect(try s("amount(7, {rounding: 'up'})") == "7 (>6–7)")
        // Anything else is an error, never a guess.
        let undeclared = try #require(err("amount(d.cells.text, d.half)"))
        #expect(undeclared.message == "`d.cells.text` is 'abc', which is neither a number nor a symbol the declaration defines")
        #expect(undeclared.help == "the declared symbols are ＊, －, ―, ※")
        let textOnly = try #require(err("amount(d.cells.note, d.half)"))
        #expect(textOnly.message == "the symbol '※' is declared without an amount (no `min`, `above`, `max`, `below` or `none`)")
        #expect(err("amount(d.cells.long, d.share)")?.code == .invalidNumber)
        #expect(err("amount(d.bands, d.half)")?.message == "expected a printed amount (a number or a declared symbol), but `d.bands` is a map")
        #expect(problems("amount([1], {})").map(\.code) == [.typeMismatch], "a list is not a cell, seen when the rule loads")
        #expect(err("amount(d.cells.star, d.plain)")?.help == "declare what the symbol means under `symbols:`, e.g. `＊: {above: 0, below: 1}`")
    }

    @Test func isAmountIsOnePredicateForNumbersAndSymbols() throws {
        // Item 4: `type(x) == 'number'` says false for ＊; isAmount says what arithmetic does.
        #expect(try t("type(d.cells.star) == 'string' && isAmount(d.cells.star)"))
        #expect(try t("isAmount(d.cells.n) && isAmount(d.cells.p)"))
        #expect(try !t("isAmount(d.cells.text) || isAmount(d.cells.blank) || isAmount(d.cells.dash) || isAmount([1])"))
        // Under a declaration: its symbols, not the rule file's.
        #expect(try t("isAmount(d.cells.star, d.half) && isAmount(d.cells.zero, d.half) && isAmount(d.cells.long, d.share)"))
        #expect(try !t("isAmount(d.cells.dash, d.half) || isAmount(d.cells.note, d.half) || isAmount(d.cells.text, d.half)"))
        #expect(try !t("isAmount(d.cells.star, d.plain)"))
        var symbols = SymbolTable.default
        symbols.define("－", as: .null)
        #expect(try !isTrue("isAmount(x)", [("x", .string("－"))], symbols: symbols), "none is not an amount")
        symbols.define("－", as: .quantity(Quantity(0)))
        #expect(try isTrue("isAmount(x)", [("x", .string("－"))], symbols: symbols))
    }

    @Test func intervalsAndBands() throws {
        #expect(try s("interval(80, 100, '[)')") == "(80–<100)")
        #expect(try s("interval(1, 2)") == "(1–2)")
        #expect(try s("interval(d.bands.A)") == "(≥100)")
        #expect(try s("interval(d.bands.C)") == "(<80)")
        #expect(try s("interval(d.bands.B)") == "(80–<100)")
        #expect(try s("interval({min: 3, max: 3})") == "3")
        // A printed rate against a grade's band: can it lie in the band, must it?
        #expect(try t("rounded(99.97, 'half-up', 2) ~= interval(d.bands.B)"))
        #expect(try !t("rounded(99.96) ~= interval(d.bands.A)"), "99.96 printed to 0.01 is under 99.965")
        #expect(try t("rounded(100) ~= interval(d.bands.A) && rounded(100) ~= interval(d.bands.B)"), "a printed 100 may be 99.5")
        #expect(try !t("rounded(99.9) ~= interval(d.bands.A)"), "[99.85, 99.95) does not reach 100")
        #expect(try t("within(rounded(85), interval(d.bands.B))"))
        #expect(try !t("within(rounded(80), interval(d.bands.B))"), "a printed 80 may be 79.5")
        #expect(try t("rounded(80) ~= interval(d.bands.B) && rounded(80) ~= interval(d.bands.C)"))
        #expect(try !t("100 ~= interval(d.bands.B)"), "open end")
        #expect(try t("within(interval(1, 2, '()'), interval(1, 2))"))
        #expect(try !t("within(interval(1, 2), interval(1, 2, '()'))"))
        #expect(err("interval(2, 1)")?.message == "the interval from 2 to 1 with ends '[]' is empty")
        #expect(err("interval({min: 1, above: 0})")?.message == "the bounds of interval give both `min` and `above`")
        #expect(err("interval({min: 2, below: 1})")?.code == .invalidNumber)
    }

    @Test func roundingFunctions() throws {
        // Item 10: labour cost = hours × rate, rounded down.
        let sheet = yaml("{hours: 7.5, rate: 1183, cost: 8872}")
        #expect(try isTrue("floor(d.hours * d.rate) == d.cost", [("d", .node(sheet))]))
        #expect(try !isTrue("round(d.hours * d.rate) == d.cost", [("d", .node(sheet))]), "8872.5 rounds half-up to 8873")
        #expect(try show("floor(-2.5)") == "-3")
        #expect(try show("ceil(-2.5)") == "-2")
        #expect(try show("trunc(-2.5)") == "-2")
        #expect(try show("ceil(2.01)") == "3")
        #expect(try show("floor(2.99, 1)") == "2.9")
        #expect(try show("round(2.5)") == "3")
        #expect(try show("round(-2.5)") == "-3")
        #expect(try show("round(2.5, 0, 'half-even')") == "2")
        #expect(try show("round(3.5, 0, 'half-even')") == "4")
        #expect(try show("round(2.5, 0, 'down')") == "2")
        #expect(try show("round(1234, -2)") == "1200")
        #expect(try show("round(90.637, 1, 'up')") == "90.7")
        #expect(try show("floor(x)", [("x", .number(Quantity.between(.zero, .one)!))]) == "(0–1)", "both ends of an interval")
        #expect(evaluationError("round(1, 40)")?.code == .overflow)
    }
}
