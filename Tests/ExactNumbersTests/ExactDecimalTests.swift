import Testing
@testable import ExactNumbers

@Suite struct ExactDecimalTests {
    func d(_ s: String) -> ExactDecimal { ExactDecimal(s)! }

    @Test func parsesAndPrintsAsWritten() {
        #expect(d("7199").description == "7199")
        #expect(d("90.6").description == "90.6")
        #expect(d("100.0").description == "100.0")
        #expect(d("-0.05").description == "-0.05")
        #expect(d("1e3").description == "1000")
        #expect(d(".5").description == "0.5")
        #expect(d("0x1F") == d("31"))
        #expect(d("0o17") == d("15"))
        for bad in ["", "-", "1.2.3", "1e", "abc", "0x", "1e+", "++1", "1,000"] {
            #expect(ExactDecimal(bad) == nil, "\(bad) must not parse")
        }
    }

    @Test func equalityIsByValuePrecisionIsKept() {
        #expect(d("90.6") == d("90.60"))
        #expect(d("90.6").unit == d("0.1"))
        #expect(d("90.60").unit == d("0.01"))
        #expect(Set([d("1.0"), d("1")]).count == 1)
        #expect(d("1e308") > d("123456789"))
        #expect(d("-1e308") < d("-1"))
        #expect(d("0.1") < d("0.11"))
    }

    @Test func exactArithmetic() throws {
        // 0.1 + 0.2 is exactly 0.3 here.
        #expect(try d("0.1").adding(d("0.2")) == d("0.3"))
        #expect(try d("7199").subtracting(d("7196")) == d("3"))
        #expect(try d("1.5").multiplied(by: d("2")) == d("3"))
        #expect(try d("6525").divided(by: d("7199"), fractionDigits: 4, rounding: .halfUp) == d("0.9064"))
        #expect(try d("2").divided(by: d("3"), fractionDigits: 2, rounding: .down) == d("0.66"))
        #expect(try d("2").divided(by: d("3"), fractionDigits: 2, rounding: .up) == d("0.67"))
        #expect(try d("-2").divided(by: d("3"), fractionDigits: 2, rounding: .down) == d("-0.67"))
        #expect(throws: DecimalError.divisionByZero) { try d("1").divided(by: d("0"), fractionDigits: 2, rounding: .down) }
        #expect(try d("1e30").multiplied(by: d("123456789012345")) == d("1.23456789012345e44"))
        #expect(throws: DecimalError.overflow) { try d("123456789012345678901234567").multiplied(by: d("123456789012345678901")) }
    }

    @Test func multiples() {
        #expect(d("10").isMultiple(of: d("2")))
        #expect(!d("7").isMultiple(of: d("2")))
        #expect(d("4.5").isMultiple(of: d("1.5")))
        #expect(!d("35").isMultiple(of: d("1.5")))
        #expect(d("0.0075").isMultiple(of: d("0.0001")))
        #expect(!d("0.00751").isMultiple(of: d("0.0001")))
        #expect(!d("1e308").isMultiple(of: d("0.123456789")))
        #expect(d("12391239123").isMultiple(of: d("1e-8")))
    }
}

/// The short-number fast path of `ExactDecimal(utf8:)` reads what the general one reads.
@Suite struct ExactDecimalFastPathTests {
    @Test func shortNumbersReadExactlyAsWritten() throws {
        func d(_ s: String) -> ExactDecimal? { ExactDecimal(s) }
        for (text, significand, exponent) in [
            ("2014", 2014, 0), ("-7", -7, 0), ("+5", 5, 0), (".5", 5, -1), ("-.25", -25, -2), ("5.", 5, 0),
            ("0012.340", 12340, -3), ("999999999999999999", 999_999_999_999_999_999, 0), ("0", 0, 0),
        ] as [(String, Int128, Int)] {
            let v = try #require(d(text), "\(text)")
            #expect(v.significand == significand && v.exponent == exponent, "\(text) → \(v.significand)e\(v.exponent)")
        }
        for bad in ["-", "+", ".", "1.2.3", "--1", "1-", "1 ", " 1", "１２"] {
            #expect(d(bad) == nil, "\(bad)")
        }
        // Longer than the fast path: still exact, by the general path.
        #expect(d("1234567890123456789012")?.significand == 1_234_567_890_123_456_789_012)
        #expect(d("1e3") == d("1000"))
    }

    @Test func comparisonWithEqualExponentsIsBySignificand() {
        #expect(ExactDecimal.compare(ExactDecimal(significand: -3, exponent: 2), ExactDecimal(significand: 2, exponent: 2)) == -1)
        #expect(ExactDecimal.compare(ExactDecimal(significand: 30, exponent: -1), ExactDecimal(significand: 3, exponent: 0)) == 0)
    }
}
