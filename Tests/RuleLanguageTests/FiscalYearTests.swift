import Testing
@testable import RuleLanguage

@Suite struct FiscalYearTests {
    @Test(arguments: [
        ("平成２７年度", 2015),
        ("平成27年度", 2015),
        ("平成27", 2015),
        ("H27", 2015),
        ("h27", 2015),
        ("Ｈ２７", 2015),
        ("H27年度", 2015),
        ("H.27", 2015),
        ("平成元年度", 1989),
        ("平成31年度", 2019),
        ("H31", 2019),
        ("令和元年度", 2019),
        ("R1", 2019),
        ("R2", 2020),
        ("ｒ２", 2020),
        ("令和２年度", 2020),
        ("昭和64年度", 1989),
        ("昭和元年", 1926),
        ("S63", 1988),
        ("2015", 2015),
        ("２０１５", 2015),
        ("2015年度", 2015),
        ("平成２８（２０１６）年度", 2016),
        ("※平成２７年度で終了", 2015),
        ("※平成26年度で終了", 2014),
        ("※H27年度事業開始", 2015),
        ("※平成28年度事業開始", 2016),
        ("  平成 27 年度 ", 2015),
        ("平成２６年度　　　９８事業", 2014),
        ("平成２７年度　　　９８事業（Ｈ２６年度より追加３，終了３）", 2015),
    ])
    func reads(_ text: String, _ year: Int) {
        #expect(FiscalYear.parse(text) == .success(year), "\(text)")
    }

    @Test(arguments: [
        ("平成32年度", "平成 ended in its 31st year (2019); 平成32 does not exist", "令和2年度 (2020)"),
        ("H40", "平成 ended in its 31st year (2019); 平成40 does not exist", "令和"),
        ("昭和65年", "昭和 ended in its 64th year (1989); 昭和65 does not exist", "平成2年度 (1990)"),
        ("平成0年度", "平成 has no year 0: its first year is 元年 (1)", ""),
        ("平成年度", "'平成年度' names the era 平成 but no year", "平成27年度"),
        ("27", "'27' has the number 27 but no era", "H27"),
        ("年度", "cannot read a fiscal year from '年度'", "平成27年度"),
        ("", "cannot read a fiscal year from ''", ""),
        ("abc", "cannot read a fiscal year from 'abc'", ""),
        ("1850", "1850 is outside the fiscal years planlint reads (1900–2100)", ""),
        ("平成２８（２０１７）年度", "'平成２８（２０１７）年度' is inconsistent: 平成28 is 2016, but the parentheses say 2017", ""),
    ])
    func rejects(_ text: String, _ message: String, _ help: String) throws {
        guard case .failure(let e) = FiscalYear.parse(text) else {
            Issue.record("\(text) must not parse")
            return
        }
        #expect(e.message == message)
        if !help.isEmpty { #expect(e.help?.contains(help) == true, "\(e.help ?? "nil")") }
    }

    // Issue 18, item 2: months, era boundaries, kanji numerals.
    @Test(arguments: [
        // A month in January–March belongs to the fiscal year of the calendar year before.
        ("平成28年3月", 2015),
        ("※平成２８年３月末で終了", 2015),
        ("平成28年4月", 2016),
        ("平成28年12月", 2016),
        ("令和2年1月", 2019),
        ("令和2年3月31日", 2019),
        ("令和2年4月1日", 2020),
        ("2016年3月", 2015),
        ("2016年4月", 2016),
        ("２０１６年３月末", 2015),
        ("H28.3", 2015),
        ("H28.3.31", 2015),
        ("R2.4.1", 2020),
        // 年度 is a fiscal year: no month to read.
        ("平成28年度", 2016),
        ("平成28年度末", 2016),
        // Kanji numerals and 元.
        ("平成二十七年度", 2015),
        ("平成十年度", 1998),
        ("平成三十一年度", 2019),
        ("令和元年", 2019),
        ("令和元年五月", 2019),
        ("令和二年一月", 2019),
        ("昭和六十四年一月七日", 1988),
        ("二〇一五年度", 2015),
        ("※一部は平成二十八年三月で終了", 2015),
        // Every era boundary, on both sides of the day it changed.
        ("昭和元年12月25日", 1926),      // 昭和's first day
        ("昭和元年12月", 1926),
        ("昭和64年1月7日", 1988),        // 昭和's last day (January: FY1988)
        ("昭和64年1月", 1988),
        ("平成元年1月8日", 1988),        // 平成's first day
        ("平成元年1月", 1988),           // 8–31 January 1989 were 平成元年1月
        ("平成元年4月", 1989),
        ("平成31年4月30日", 2019),       // 平成's last day
        ("平成31年4月", 2019),
        ("平成31年3月", 2018),
        ("令和元年5月1日", 2019),        // 令和's first day
        ("令和元年5月", 2019),
        ("平成31年度", 2019),            // FY2019 began in 平成 and ended in 令和
        ("令和元年度", 2019),
    ])
    func readsDates(_ text: String, _ year: Int) {
        #expect(FiscalYear.parse(text) == .success(year), "\(text)")
    }

    @Test(arguments: [
        ("平成31年5月", "平成 ended on 30 April 2019: 平成31年5月 never existed", "that date is 令和元年5月"),
        ("平成31年5月1日", "平成 ended on 30 April 2019: 平成31年5月1日 never existed", "that date is 令和元年5月1日"),
        ("H31.5", "平成 ended on 30 April 2019: 平成31年5月 never existed", "令和元年5月"),
        ("令和元年4月", "令和 began on 1 May 2019: 令和元年4月 never existed", "that date is 平成31年4月"),
        ("令和元年4月30日", "令和 began on 1 May 2019: 令和元年4月30日 never existed", "that date is 平成31年4月30日"),
        ("令和元年1月", "令和 began on 1 May 2019: 令和元年1月 never existed", "that date is 平成31年1月"),
        ("昭和64年1月8日", "昭和 ended on 7 January 1989: 昭和64年1月8日 never existed", "that date is 平成元年1月8日"),
        ("昭和64年2月", "昭和 ended on 7 January 1989: 昭和64年2月 never existed", "that date is 平成元年2月"),
        ("平成元年1月7日", "平成 began on 8 January 1989: 平成元年1月7日 never existed", "that date is 昭和64年1月7日"),
        ("昭和元年12月24日", "昭和 began on 25 December 1926: 昭和元年12月24日 never existed", "check the era"),
        ("昭和元年11月", "昭和 began on 25 December 1926: 昭和元年11月 never existed", "check the era"),
        ("平成三十二年度", "平成 ended in its 31st year (2019); 平成32 does not exist", "令和2年度 (2020)"),
        ("昭和64年13月", "'昭和64年13月' has no month 13: months run from 1 to 12", ""),
        ("平成28年2月30日", "'平成28年2月30日' has no day 30 in month 2: it has 29 days", ""),
        ("平成29年2月29日", "'平成29年2月29日' has no day 29 in month 2: it has 28 days", ""),
        ("2016年0月", "'2016年0月' has no month 0: months run from 1 to 12", ""),
        ("一部", "cannot read a fiscal year from '一部'", ""),
    ])
    func rejectsDates(_ text: String, _ message: String, _ help: String) throws {
        guard case .failure(let e) = FiscalYear.parse(text) else {
            Issue.record("\(text) must not parse, got \(FiscalYear.parse(text))")
            return
        }
        #expect(e.message == message, "\(text)")
        if !help.isEmpty { #expect(e.help?.contains(help) == true, "\(text): \(e.help ?? "nil")") }
    }

    @Test func inExpressions() throws {
        #expect(try show("fiscalYear('H27')") == "2015")
        #expect(try show("fiscalYear(2015)") == "2015")
        #expect(try isTrue("fiscalYear('令和元年度') == fiscalYear('平成31年度')"))
        let e = try #require(evaluationError("fiscalYear(27)"))
        #expect(e.code == .invalidFiscalYear)
        #expect(e.help == "write H27 or 平成27年度 (or R27, 令和27年度)")
        let doc = yaml("note: ※平成32年度で終了")
        let f = try #require(evaluationError("fiscalYear(d.note)", [("d", .node(doc))]))
        #expect(f.code == .invalidFiscalYear)
        #expect(f.node?.scalarText == "※平成32年度で終了", "the data node is blamed")
    }
}
