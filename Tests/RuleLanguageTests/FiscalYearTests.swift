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
