import Testing
@testable import RuleLanguage

/// `withUnit` and `fiscalYearText` build a message's text in the run's language (issue 22),
/// given explicitly here: a test never sets the process-wide language.
@Suite struct MessageTextFunctionTests {
    static let ja = EvaluationOptions(language: .ja), en = EvaluationOptions(language: .en)

    func text(_ expression: String, _ options: EvaluationOptions) throws -> String {
        var meter = CostMeter(limit: 1_000_000)
        let v: Value
        do {
            v = try Expression.evaluate(expression, variables: [], options: options, meter: &meter)
        } catch {
            throw Failure(description: "\(expression): \(error)")
        }
        guard case .string(let s) = v else { throw Failure(description: "\(expression) gave \(v.formatted())") }
        return s
    }

    @Test func withUnitFollowsTheLanguage() throws {
        // The Miyagi rows of FY2016: 151 printed and three ＊, under a table in 百万円.
        let rows = "sum([rounded(0), rounded(37), '＊', rounded(1), rounded(110), rounded(3), rounded(0), '＊', '＊'])"
        #expect(try text("withUnit(\(rows), '百万円')", Self.ja) == "148百万円超〜157百万円未満")
        #expect(try text("withUnit(\(rows), '百万円')", Self.en) == "(>148–<157) 百万円")
        #expect(try text("withUnit(rounded(159), '百万円')", Self.ja) == "159百万円（158.5以上〜159.5未満）")
        #expect(try text("withUnit(rounded(159), '百万円')", Self.en) == "159 百万円 (158.5–<159.5)")
        #expect(try text("withUnit(159, '百万円')", Self.ja) == "159百万円")
        #expect(try text("withUnit(159, '百万円')", Self.en) == "159 百万円")
        // No unit: the number as a message prints it in that language.
        #expect(try text("withUnit(rounded(159), null)", Self.ja) == "159（158.5以上〜159.5未満）")
        #expect(try text("withUnit(rounded(159), '')", Self.en) == "159 (158.5–<159.5)")
        // What is no number prints as written, without the unit.
        #expect(try text("withUnit('＊', '百万円')", Self.ja) == "＊")
        #expect(try text("withUnit('なし', '百万円')", Self.en) == "なし")
    }

    @Test func fiscalYearTextFollowsTheLanguageAndTheDocument() throws {
        #expect(try text("fiscalYearText(2021)", Self.en) == "FY2021")
        #expect(try text("fiscalYearText(2021)", Self.ja) == "令和3年度")
        #expect(try text("fiscalYearText(2019)", Self.ja) == "令和元年度")
        #expect(try text("fiscalYearText(2018)", Self.ja) == "平成30年度")
        #expect(try text("fiscalYearText(1989)", Self.ja) == "平成元年度")
        #expect(try text("fiscalYearText(1988)", Self.ja) == "昭和63年度")
        #expect(try text("fiscalYearText(1900)", Self.ja) == "1900年度")
        // As the document writes its years: in an era, or Western.
        #expect(try text("fiscalYearText(2015, '平成27年度')", Self.ja) == "平成27年度")
        #expect(try text("fiscalYearText(2015, 'H26')", Self.ja) == "平成27年度")
        #expect(try text("fiscalYearText(2015, '2014年度')", Self.ja) == "2015年度")
        #expect(try text("fiscalYearText(2015, '２０１４')", Self.ja) == "2015年度")
        #expect(try text("fiscalYearText(2015, '平成27年度')", Self.en) == "FY2015")
        // Any text fiscalYear reads.
        #expect(try text("fiscalYearText('令和元年度')", Self.ja) == "令和元年度")
        #expect(try text("fiscalYearText('H27')", Self.en) == "FY2015")
    }

    @Test func notAYearIsAnError() throws {
        var meter = CostMeter(limit: 1_000_000)
        #expect(throws: (any Error).self) {
            _ = try Expression.evaluate("fiscalYearText(2015.5)", variables: [], options: Self.ja, meter: &meter)
        }
        #expect(throws: (any Error).self) {
            _ = try Expression.evaluate("fiscalYearText('来年')", variables: [], options: Self.ja, meter: &meter)
        }
    }

    @Test func messagesPrintNumbersInTheLanguage() throws {
        var meter = CostMeter(limit: 1_000_000)
        let v = try Expression.evaluate("rounded(159)", variables: [], options: .default, meter: &meter)
        #expect(v.formatted() == "159 (158.5–<159.5)")
        #expect(v.formatted(language: .ja) == "159（158.5以上〜159.5未満）")
        #expect(Value.number(.init(7)).formatted(language: .ja) == "7")
    }
}
