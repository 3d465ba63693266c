import Testing
@testable import ExactNumbers

@Suite struct QuantityTests {
    func d(_ s: String) -> ExactDecimal { ExactDecimal(s)! }
    func r(_ s: String) -> Quantity { Quantity.rounded(d(s)) }
    let star = Quantity.between(.zero, .one)!

    @Test func roundingIntervalsFromWrittenPrecision() {
        // Half-up: the upper end is open (7199.5 prints as 7200), mirrored below zero.
        #expect(r("7199").description == "7199 (7198.5–<7199.5)")
        #expect(r("90.6").description == "90.6 (90.55–<90.65)")
        #expect(r("100.0").description == "100.0 (99.95–<100.05)")
        #expect(r("0").description == "0 (>-0.5–<0.5)")
        #expect(r("-3").description == "-3 (>-3.5–-2.5)")
        #expect(r("1e3").description == "1000 (500–<1500)")
        #expect(Quantity(exact: d("7199")).description == "7199")
        #expect(star.description == "(>0–<1)")
        #expect(star.value == nil)
    }

    @Test func messagesShowQuotientsAtSixSignificantDigits() throws {
        let e = { (s: String) in Quantity(exact: self.d(s)) }
        // A quotient that does not come out even: six significant digits, marked ≈; its
        // enclosure, narrower than the digits shown, is not printed.
        let share = try e("6525").divided(by: e("7199")).multiplied(by: e("100"))
        #expect(share.messageDescription == "≈90.6376", "\(share.description)")
        #expect(try e("10").divided(by: e("7")).messageDescription == "≈1.42857")
        // A quotient of rounded numbers keeps its (wide) interval, ends rounded outward.
        let rounded = try r("6525").divided(by: r("7199")).multiplied(by: e("100"))
        #expect(rounded.messageDescription.hasPrefix("≈90.6376 (>90.62"), "\(rounded.messageDescription)")
        #expect(rounded.messageDescription.hasSuffix(")"))
        // Short numbers print as `description` does.
        #expect(try e("1").divided(by: e("4")).messageDescription == "0.25")
        #expect(r("7199").messageDescription == "7199 (7198.5–<7199.5)")
        #expect(e("0.0000001").messageDescription == "≈0.0000001")
        #expect(star.messageDescription == "(>0–<1)")
    }

    @Test func constructionValidates() {
        #expect(Quantity(lower: d("2"), upper: d("1"), value: nil) == nil)
        #expect(Quantity(lower: d("1"), lowerOpen: true, upper: d("1"), value: nil) == nil)
        #expect(Quantity(lower: d("1"), upper: d("2"), value: d("3")) == nil)
        #expect(Quantity(lower: d("1"), upper: d("2"), upperOpen: true, value: d("2")) == nil)
        #expect(Quantity(lower: d("1"), upper: d("1"), value: nil)?.isExact == true)
    }

    @Test func sumsWidenByHalfAUnitPerRoundedValue() throws {
        var s = Quantity.zero
        for v in ["7", "903", "577", "2703", "524", "218", "263", "153", "1848"] { s = try s.adding(r(v)) }
        #expect(s.description == "7196 (7191.5–<7200.5)")
        #expect(s.overlaps(r("7199")))
        #expect(s.exactOrder(r("7199")) == .less)
        let withStars = try r("37").adding(star).adding(star)
        #expect(withStars.description == "(>36.5–<39.5)")
        #expect(withStars.value == nil)
    }

    @Test func subtractionAndNegation() throws {
        #expect(try r("10").subtracting(r("3")).description == "7 (>6–<8)")
        #expect(star.negated().description == "(>-1–<0)")
        #expect(try Quantity(5).subtracting(star).description == "(>4–<5)")
    }

    @Test func multiplicationKeepsOpenness() throws {
        #expect(try star.multiplied(by: Quantity(3)).description == "(>0–<3)")
        #expect(try r("2").multiplied(by: r("3")).description == "6 (3.75–<8.75)")
        // A closed zero makes 0 attained.
        let zeroToOne = Quantity(lower: .zero, upper: .one, value: nil)!
        #expect(try zeroToOne.multiplied(by: star).description == "(0–<1)")
        let span = Quantity(lower: d("-1"), upper: .one, value: nil)!
        #expect(try span.multiplied(by: star).description == "(>-1–<1)")
        #expect(try Quantity(0).multiplied(by: star).description == "0")
    }

    @Test func divisionRoundsOutward() throws {
        let q = try r("6525").divided(by: r("7199")).multiplied(by: Quantity(100))
        #expect(q.lower < d("90.6244") && q.lower > d("90.6243"))
        #expect(q.upper > d("90.6508") && q.upper < d("90.6509"))
        #expect(q.overlaps(r("90.6")))
        #expect(!q.overlaps(r("90.5")))
        // Exact quotients stay exact; others become tiny enclosing intervals.
        #expect(try Quantity(6).divided(by: Quantity(4)).description == "1.5")
        let third = try Quantity(1).divided(by: Quantity(3))
        #expect(!third.isExact)
        #expect(third.lower < third.upper)
        #expect(try third.multiplied(by: Quantity(3)).overlaps(Quantity(1)), "the enclosure contains the truth")
        // Divisors at or near zero.
        #expect(throws: DecimalError.divisionByZero) { try Quantity(1).divided(by: Quantity(0)) }
        #expect(throws: DecimalError.divisionByZero) { try Quantity(1).divided(by: r("0")) }
        #expect(throws: DecimalError.divisionByZero) { try Quantity(1).divided(by: star) }
        #expect(try Quantity(0).divided(by: r("5")).description == "0")
        #expect(try r("-10").divided(by: Quantity(2)).description == "-5 (>-5.25–-4.75)")
    }

    @Test func overlapRespectsOpenEnds() {
        #expect(!star.overlaps(Quantity(1)))
        #expect(!star.overlaps(Quantity(0)))
        #expect(star.overlaps(Quantity(exact: d("0.999"))))
        #expect(r("1").overlaps(Quantity(exact: d("1.49"))))
        #expect(!r("1").overlaps(Quantity(exact: d("1.5"))), "1.5 prints as 2")
        #expect(r("1").overlaps(Quantity(exact: d("0.5"))))
        #expect(!r("1").overlaps(r("2")), "a true 1.5 is printed 2, never 1: half-open ends do not meet")
        let open = Quantity(lower: d("1.5"), lowerOpen: true, upper: d("2"), value: nil)!
        #expect(!r("1").overlaps(open))
    }

    @Test func exactOrder() {
        #expect(r("7199").exactOrder(Quantity(7199)) == .equal)
        #expect(r("90.6").exactOrder(Quantity(exact: d("90.60"))) == .equal)
        #expect(star.exactOrder(Quantity(0)) == .greater)
        #expect(star.exactOrder(Quantity(1)) == .less)
        #expect(star.exactOrder(Quantity(exact: d("0.5"))) == .undecided)
        #expect(star.exactOrder(star) == .undecided)
        #expect(star.exactOrder(r("0")) == .greater, "the written 0 is a point for ==")
    }

    @Test func magnitudeAndRounding() throws {
        #expect(r("-3").magnitude().description == "3 (2.5–<3.5)")
        let span = Quantity(lower: d("-2"), upper: d("1"), value: nil)!
        #expect(span.magnitude().description == "(0–2)")
        #expect(try r("90.637").rounded(fractionDigits: 1).description == "90.6")
        #expect(try star.rounded(fractionDigits: 0).description == "(0–1)")
        #expect(r("7199").faceValue?.description == "7199")
        #expect(r("7199").intervalOnly.description == "(7198.5–<7199.5)")
    }

    func read(_ s: String, _ mode: RoundingMode, _ unitExponent: Int? = nil) throws -> String {
        try Quantity.reading(d(s), mode: mode, unitExponent: unitExponent).description
    }

    @Test func readingsPerRoundingMode() throws {
        #expect(try read("7", .halfUp) == "7 (6.5–<7.5)")
        #expect(try read("-7", .halfUp) == "-7 (>-7.5–-6.5)")
        #expect(try read("2", .halfEven) == "2 (1.5–2.5)", "an even digit keeps both ties")
        #expect(try read("3", .halfEven) == "3 (>2.5–<3.5)", "an odd digit loses both")
        #expect(try read("7", .down) == "7 (7–<8)")
        #expect(try read("-7", .down) == "-7 (-7–<-6)")
        #expect(try read("7", .up) == "7 (>6–7)")
        #expect(try read("7", .towardZero) == "7 (7–<8)")
        #expect(try read("-7", .towardZero) == "-7 (>-8–-7)")
        #expect(try read("0", .towardZero) == "0 (>-1–<1)")
        #expect(try read("7", .unknown) == "7 (>6–<8)")
        #expect(try read("7", .exact) == "7")
        #expect(try read("90.6", .down) == "90.6 (90.6–<90.7)")
        #expect(try read("90.6", .halfUp, -2) == "90.6 (90.595–<90.605)", "a declared precision")
        #expect(try read("12000", .halfUp, 3) == "12000 (11500–<12500)", "rounded to thousands")
    }

    @Test func aTrueValueOnABoundaryBelongsToOnePrintedValue() throws {
        // For every mode that is a function, each true value between 0 and 3 in steps of
        // 0.25 lies in the reading of exactly one printed whole number: the one it rounds to.
        for mode in RoundingMode.allCases where mode.rounding != nil {
            for quarter in 0...12 {
                let truth = Quantity(exact: ExactDecimal(significand: Int128(quarter * 25), exponent: -2))
                let printed = try truth.rounded(fractionDigits: 0, rounding: mode.rounding!)
                var holders: [String] = []
                for n in -1...4 where try Quantity.reading(ExactDecimal(n), mode: mode).overlaps(truth) { holders.append(String(n)) }
                #expect(holders == [printed.description], "\(mode) \(truth)")
            }
        }
    }

    @Test func containment() throws {
        #expect(Quantity(exact: d("7.2")).isWithin(r("7")))
        #expect(!Quantity(exact: d("7.5")).isWithin(r("7")), "open end")
        #expect(star.isWithin(Quantity.between(.zero, .one)!))
        #expect(!Quantity.between(.zero, .one, lowerOpen: false)!.isWithin(star))
    }

    @Test func unboundedIntervals() throws {
        let atLeast100 = Quantity.unbounded(lower: d("100"), lowerOpen: false, upper: nil, upperOpen: true)!
        let under80 = Quantity.unbounded(lower: nil, lowerOpen: true, upper: d("80"), upperOpen: true)!
        #expect(atLeast100.description == "(≥100)")
        #expect(under80.description == "(<80)")
        #expect(atLeast100.isUnboundedAbove && !atLeast100.isUnboundedBelow)
        #expect(try atLeast100.adding(Quantity(5)).description == "(≥105)")
        #expect(try atLeast100.multiplied(by: Quantity(-1)).description == "(≤-100)")
        #expect(try atLeast100.divided(by: Quantity(4)).description == "(≥25)")
        #expect(try Quantity(1).divided(by: atLeast100).description == "(>0–0.01)")
        #expect(r("100").overlaps(atLeast100) && !r("99").overlaps(atLeast100))
        #expect(Quantity(exact: d("1e300")).isWithin(atLeast100))
        #expect(!atLeast100.overlaps(under80))
        #expect(Quantity.unbounded(lower: d("2"), lowerOpen: false, upper: d("1"), upperOpen: false) == nil)
    }

    @Test func quotientPrecision() throws {
        let (q, exact) = try ExactDecimal.quotient(d("2"), d("3"), rounding: .halfEven)
        #expect(!exact)
        #expect(q.description == "0.6666666666666666666666666666666667")
        let (w, e2) = try ExactDecimal.quotient(d("7199"), d("0.001"), rounding: .down)
        #expect(e2)
        #expect(w == d("7199000"))
        let (big, _) = try ExactDecimal.quotient(d("99999999999999999999999999999999999999"), d("7"), rounding: .up)
        #expect(big > d("14285714285714285714285714285714285714"))
    }
}
