import ExactNumbers
import Testing

/// Numbers beyond `ExactDecimal`'s 38 digits (JSON Schema's bignums), compared and divided
/// exactly.
@Suite struct WideDecimalTests {
    @Test func ordersAndCanonicalizes() throws {
        let big = try #require(WideDecimal("123456789012345678901234567890123456789012345678901234567890"))
        let bigger = try #require(WideDecimal("123456789012345678901234567890123456789012345678901234567891"))
        #expect(WideDecimal.compare(big, bigger) == -1 && WideDecimal.compare(bigger, big) == 1)
        #expect(WideDecimal.compare(try #require(WideDecimal("1.0")), try #require(WideDecimal("10e-1"))) == 0)
        #expect(WideDecimal("-0.00")?.canonical == "0" && WideDecimal("-1200")?.canonical == "-12e2")
        #expect(WideDecimal("1e") == nil && WideDecimal("x") == nil)
    }

    @Test func divisibility() throws {
        let n = try #require(WideDecimal("98249283749234923498293171823948729348710298301928331"))
        #expect(!n.isMultiple(of: try #require(WideDecimal("2"))))
        #expect(try #require(WideDecimal("1e60")).isMultiple(of: try #require(WideDecimal("0.5"))))
        #expect(!(try #require(WideDecimal("0.75"))).isMultiple(of: try #require(WideDecimal("0.5"))))
        #expect(UInt128.mulMod(UInt128.max - 1, UInt128.max - 1, UInt128.max) == 1)
        #expect(UInt128.powMod(10, 40, 7) == 4)  // 10^40 mod 7: 10 ≡ 3, 3^40 = (3^6)^6·3^4 ≡ 81 ≡ 4
    }
}
