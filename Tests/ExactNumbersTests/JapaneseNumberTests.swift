import Testing
@testable import ExactNumbers

/// Numbers in Japanese messages (issue 22): intervals with 〜, words for open ends (以上・超・
/// 以下・未満), a value's interval in full-width parentheses, 約 for an approximation, and a
/// table's unit after each number shown, with no space.
@Suite struct JapaneseNumberTests {
    func d(_ s: String) -> ExactDecimal { ExactDecimal(s)! }
    func r(_ s: String) -> Quantity { Quantity.rounded(d(s)) }
    let star = Quantity.between(.zero, .one)!

    @Test func valuesIntervalsAndUnits() throws {
        #expect(Quantity(exact: d("7199")).japaneseMessageDescription() == "7199")
        #expect(Quantity(exact: d("159")).japaneseMessageDescription(unit: "百万円") == "159百万円")
        #expect(r("159").japaneseMessageDescription() == "159（158.5以上〜159.5未満）")
        #expect(r("159").japaneseMessageDescription(unit: "百万円") == "159百万円（158.5以上〜159.5未満）")
        #expect(r("90.6").japaneseMessageDescription() == "90.6（90.55以上〜90.65未満）")
        #expect(star.japaneseMessageDescription() == "0超〜1未満")
        #expect(star.japaneseMessageDescription(unit: "百万円") == "0百万円超〜1百万円未満")
        // Both ends inside: a plain range, the unit once at the end.
        let closed = try #require(Quantity(lower: d("148"), upper: d("157"), value: nil))
        #expect(closed.japaneseMessageDescription() == "148〜157")
        #expect(closed.japaneseMessageDescription(unit: "百万円") == "148〜157百万円")
        // One side unbounded.
        #expect(Quantity.unbounded(lower: d("100"), lowerOpen: false, upper: nil, upperOpen: true)!.japaneseMessageDescription() == "100以上")
        #expect(Quantity.unbounded(lower: nil, lowerOpen: true, upper: d("80"), upperOpen: true)!.japaneseMessageDescription() == "80未満")
    }

    @Test func theMiyagiRowsInJapanese() throws {
        // 情報発信サイト等 FY2016 予算額: 0, 37, ＊, 1, 110, 3, 0, ＊, ＊ add up to more than 148 and
        // less than 157 — the English prints `(>148–<157)`.
        var sum = Quantity(exact: .zero)
        for c in ["0", "37", "1", "110", "3", "0"] { sum = try sum.adding(r(c)) }
        for _ in 0..<3 { sum = try sum.adding(star) }
        #expect(sum.messageDescription == "(>148–<157)")
        #expect(sum.japaneseMessageDescription() == "148超〜157未満")
        #expect(sum.japaneseMessageDescription(unit: "百万円") == "148百万円超〜157百万円未満")
    }

    @Test func approximationsKeepTheirDigits() throws {
        let e = { (s: String) in Quantity(exact: self.d(s)) }
        let share = try e("6525").divided(by: e("7199")).multiplied(by: e("100"))
        #expect(share.messageDescription == "≈90.6376")
        #expect(share.japaneseMessageDescription() == "約90.6376")
        #expect(share.japaneseMessageDescription(unit: "%") == "約90.6376%")
        let rounded = try r("6525").divided(by: r("7199")).multiplied(by: e("100"))
        #expect(rounded.messageDescription == "≈90.6376 (>90.6243–<90.6509)")
        #expect(rounded.japaneseMessageDescription() == "約90.6376（90.6243超〜90.6509未満）")
    }
}
