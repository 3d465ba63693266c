import ExactNumbers
import SourceText
import Testing
import YAMLTree
@testable import RuleLanguage

/// Rounding-aware arithmetic over the Miyagi plan's budget tables.
@Suite struct IntervalTests {
    func onPlan(_ text: String, symbols: SymbolTable = .default) throws -> Value {
        try evaluate(text, [("root", .node(miyagi))], symbols: symbols)
    }

    /// `sum of the rows for year k` against the printed 合計, for a table and column; the
    /// Miyagi tables round half-up, which the rule says with `rounded`.
    func rowSum(_ table: Int, _ year: Int, _ column: String) -> String {
        "sum(root.budgets.tables[\(table)].rows.map(r, rounded(r.years[\(year)].\(column))))"
    }
    func total(_ table: Int, _ year: Int, _ column: String) -> String {
        "rounded(root.budgets.tables[\(table)].total.years[\(year)].\(column))"
    }

    @Test func starCellsFY2016FailWhileFY2014And2015Pass() throws {
        // 情報発信サイト等 FY2016: 0 + 37 + ＊ + 1 + 110 + 3 + 0 + ＊ + ＊ against 159.
        let s2016 = try onPlan(rowSum(1, 2, "budget"))
        #expect(s2016.formatted() == "(>148–<157)")
        #expect(try onPlan("\(rowSum(1, 2, "budget")) ~= \(total(1, 2, "budget"))").boolValue == false)
        // FY2014: 131 + four ＊ (128.5–137.5) overlaps 132 (131.5–132.5).
        #expect(try onPlan(rowSum(1, 0, "budget")).formatted() == "(>128.5–<137.5)")
        #expect(try onPlan("\(rowSum(1, 0, "budget")) ~= \(total(1, 0, "budget"))").boolValue == true)
        #expect(try onPlan("\(rowSum(1, 1, "budget")) ~= \(total(1, 1, "budget"))").boolValue == true)
        // Every other column and year of both tables passes.
        for table in 0...1 {
            for year in 0...2 {
                for column in ["budget", "actual"] where !(table == 1 && year == 2 && column == "budget") {
                    #expect(try onPlan("\(rowSum(table, year, column)) ~= \(total(table, year, column))").boolValue == true, "\(table) \(year) \(column)")
                }
            }
        }
    }

    @Test func nRoundedValuesSumToAnIntervalNHalfUnitsWide() throws {
        // 個別事業 FY2014 budgets: nine rounded cells summing to 7196, ±4.5.
        let s = try onPlan(rowSum(0, 0, "budget"))
        #expect(s.formatted() == "7196 (7191.5–<7200.5)")
        guard case .number(let q) = s else { Issue.record("not a number"); return }
        #expect(try q.upper.subtracting(q.lower) == ExactDecimal(9))
        // Exact equality compares written values and fails; within rounding it agrees.
        #expect(try onPlan("\(rowSum(0, 0, "budget")) == \(total(0, 0, "budget"))").boolValue == false)
        #expect(try onPlan("\(rowSum(0, 0, "budget")) ~= \(total(0, 0, "budget"))").boolValue == true)
        // Counts are compared exactly: their written sum equals the printed total.
        #expect(try onPlan("\(rowSum(0, 0, "count")) == \(total(0, 0, "count"))").boolValue == true)
    }

    @Test func ratiosWithinRounding() throws {
        // 6525 / 7199 = 90.637…%, printed 90.6.
        let ratio = "rounded(root.budgets.tables[0].total.years[0].actual) / rounded(root.budgets.tables[0].total.years[0].budget) * 100"
        let r = try onPlan(ratio)
        guard case .number(let q) = r else { Issue.record("not a number"); return }
        #expect(q.lower > ExactDecimal("90.624")! && q.lower < ExactDecimal("90.625")!)
        #expect(q.upper > ExactDecimal("90.650")! && q.upper < ExactDecimal("90.651")!)
        #expect(try onPlan("\(ratio) ~= rounded(root.budgets.tables[0].ratio[0].percent)").boolValue == true)
        // Without `rounded`, plan numbers are exact: 6525 ÷ 7199 × 100 = 90.637… is not 90.6.
        #expect(try onPlan("root.budgets.tables[0].total.years[0].actual / root.budgets.tables[0].total.years[0].budget * 100 ~= root.budgets.tables[0].ratio[0].percent").boolValue == false)
        // Rounded as printed, exactly:
        #expect(try onPlan("round(exact(root.budgets.tables[0].total.years[0].actual) / exact(root.budgets.tables[0].total.years[0].budget) * 100, 1) == root.budgets.tables[0].ratio[0].percent").boolValue == true)
        // Every printed ratio of both tables agrees.
        let rule = """
            root.budgets.tables.all(t, t.ratio.all(r,
              t.total.years.filter(y, y.fy == r.fy).all(y, rounded(y.actual) / rounded(y.budget) * 100 ~= rounded(r.percent))))
            """
        #expect(try onPlan(rule).boolValue == true)
        // The quotient's interval reaches 90.6508…, so a printed 90.7 (90.65–90.75) would
        // still agree within rounding; 90.8 would not, and neither would an exact 90.7.
        #expect(try onPlan("\(ratio) ~= rounded(90.7)").boolValue == true)
        #expect(try onPlan("\(ratio) ~= rounded(90.8)").boolValue == false)
        #expect(try onPlan("\(ratio) ~= 90.7").boolValue == false)
        #expect(try onPlan("\(ratio) ~= rounded(90.6)").boolValue == true)
    }

    @Test func starSemantics() throws {
        let cells = yaml("{star: \"＊\", zero: 0, one: 1, dash: \"－\", text: abc}")
        func t(_ e: String, symbols: SymbolTable = .default) throws -> Bool {
            try isTrue(e, [("c", .node(cells))], symbols: symbols)
        }
        #expect(try !t("c.star == 0"), "＊ is certainly not 0")
        #expect(try t("c.star != 0"))
        #expect(try t("c.star < 1"))
        #expect(try t("c.star > 0"))
        #expect(try t("c.star ~= 0.5"))
        #expect(try !t("c.star ~= 1"), "open at 1")
        #expect(try !t("c.star ~= 0"), "open at 0")
        #expect(try !t("c.star ~= c.zero"), "a plan's 0 is exact")
        #expect(try t("c.star ~= rounded(c.zero)"), "a 0 rounded half-up is more than -0.5 and less than 0.5")
        #expect(try t("c.star == '＊'"), "as text it is the symbol")
        #expect(try !t("c.star == c.zero"), "exact: the written 0 is not in (0, 1)")
        #expect(try t("c.star + c.one ~= 1.5"))
        // Undecidable exact comparisons are errors, not guesses.
        let e = try #require(evaluationError("c.star == 0.5", [("c", .node(cells))]))
        #expect(e.code == .undecidable)
        #expect(e.message == "cannot decide `c.star == 0.5` exactly: ＊ (>0–<1) against 0.5")
        #expect(e.node?.scalarText == "＊")
        #expect(evaluationError("c.star < 0.5", [("c", .node(cells))])?.code == .undecidable)
        // Dividing by ＊ is unbounded.
        let d = try #require(evaluationError("c.one / c.star", [("c", .node(cells))]))
        #expect(d.code == .divisionByZero)
        #expect(d.message.contains("comes arbitrarily close to zero"))
        // Text that is not a symbol is not a number.
        let x = try #require(evaluationError("c.text + 1", [("c", .node(cells))]))
        #expect(x.code == .typeMismatch)
        // － undeclared is not a number; declared as none it is skipped by sum and equals null.
        #expect(evaluationError("sum([c.one, c.dash])", [("c", .node(cells))])?.code == .typeMismatch)
        var symbols = SymbolTable.default
        symbols.define("－", as: .null)
        #expect(try t("sum([c.one, c.dash]) == 1", symbols: symbols))
        #expect(try t("c.dash == null", symbols: symbols))
        symbols.define("－", as: .quantity(Quantity(0)))
        #expect(try t("c.dash + 1 == 1", symbols: symbols))
        // The default table can be replaced: ＊ as under 10 units.
        let wide = SymbolTable([("＊", .quantity(Quantity.between(.zero, ExactDecimal(10))!))])
        #expect(try t("c.star ~= 9", symbols: wide))
    }

    @Test func documentNumbersAreExactUnlessARuleReadsThemRounded() throws {
        let doc = yaml("{n: 7199, p: 90.6, h: 100.0, counts: [107, 106], neg: -3}")
        func t(_ e: String) throws -> Bool { try isTrue(e, [("d", .node(doc))]) }
        // Two counts read from a plan are exact: an off-by-one count is not "within rounding".
        #expect(try !t("d.counts[0] ~= d.counts[1]"))
        #expect(try t("d.counts[0] ~= 107"))
        #expect(try t("d.n == 7199"))
        #expect(try !t("d.n == 7199.4"))
        #expect(try !t("d.n ~= 7199.4"), "exact unless read rounded")
        #expect(try t("rounded(d.n) ~= 7199.4"))
        #expect(try t("rounded(d.n) ~= 7198.5"), "half-up: the lower end is in")
        #expect(try !t("rounded(d.n) ~= 7199.5"), "7199.5 prints as 7200")
        #expect(try t("rounded(d.n) ~= 7199.49"))
        #expect(try !t("exact(rounded(d.n)) ~= 7199.4"), "exact() takes the face value")
        #expect(try !t("7199 ~= 7199.4"), "literals are exact")
        #expect(try t("rounded(d.p) ~= 90.64"))
        #expect(try !t("rounded(d.p) ~= 90.66"))
        #expect(try t("rounded(d.h) ~= 99.96"), "100.0 keeps one decimal: ±0.05")
        #expect(try !t("rounded(d.h) ~= 99.9"))
        #expect(try t("d.p == 90.60"), "== compares values, not precision")
        #expect(try t("rounded(d.n) - 0.5 ~= 7198"))
        #expect(try !t("rounded(d.neg) ~= -3.5"), "below zero half-up mirrors: -3.5 prints as -4")
        #expect(try t("rounded(d.neg) ~= -2.5"), "and -2.5 as -3")
        // size() and count() are exact.
        #expect(try !t("size([1, 2, 3]) ~= 3.4"))
    }

    @Test func explainShowsTheIntervals() throws {
        var scope = Scope()
        let rows = scope.declare("rows")!
        let c = try #require(Expression.compile("sum(rows.map(r, rounded(r.years[2].budget))) ~= rounded(self.years[2].budget)", scope: scope).expression)
        var a = Activation(scope: scope)
        a[Scope.selfSlot] = try evaluate("root.budgets.tables[1].total", [("root", .node(miyagi))])
        a[rows] = try evaluate("root.budgets.tables[1].rows", [("root", .node(miyagi))])
        var meter = CostMeter.forDocument(nodeCount: miyagi.tree.nodeCount)
        let x = try c.explain(&a, meter: &meter)
        #expect(x.value.boolValue == false)
        #expect(x.comparisons.count == 1)
        #expect(x.comparisons[0].left.formatted(.intervals) == "(>148–<157)")
        #expect(x.comparisons[0].right.formatted(.intervals) == "159 (158.5–<159.5)")
    }
}
