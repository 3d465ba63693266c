import PlanFigures
import SourceText
import Testing
import YAMLTree

/// Reads a plan file of the repository or of Fixtures/.
func readPlan(_ relative: String) throws -> (SourceFile, YAMLNode) {
    let path = repositoryRoot + "/" + relative
    let bytes = try FileIO.readBytes(path: path)
    let (file, parsed) = YAMLReader.read(path: relative, raw: bytes)
    #expect(parsed.problems.isEmpty, "\(relative): \(parsed.problems)")
    return (file, try #require(parsed.documents.first))
}

let repositoryRoot: String = {
    var dir = #filePath
    for _ in 0..<3 { dir = String(dir[..<dir.lastIndex(of: "/")!]) }
    return dir
}()

/// The printed texts of a figure's cube, `[panel][row][series]`, "" for a blank.
func texts(_ f: Figure) -> [[[String]]] {
    f.values.map { $0.map { $0.map { $0?.text ?? "" } } }
}

@Suite struct FigureReaderTests {
    @Test func aPlanOfAnotherShapeGetsItsFiguresFromItsDeclarations() throws {
        let (_, root) = try readPlan("Tests/ReportTests/Fixtures/other-shape.yaml")
        let plan = FigureReader.read(root)
        #expect(plan.outline.title == "第2次まちづくり計画 実施状況")
        #expect(plan.outline.publisher == "架空市")
        #expect(plan.outline.periodStart == 2021 && plan.outline.periodEnd == 2023)
        #expect(plan.omissions.isEmpty)
        #expect(plan.figures.map(\.id) == ["table-1", "table-2", "marks-3", "running", "indicator-1", "indicator-2"])

        // A budget table: groups are panels, amount columns are drawn, the ratio column is shown.
        let budget = plan.figures[0]
        #expect(budget.kind == .table && budget.layout == .grouped)
        #expect(budget.unit == "千円" && budget.rowHeading == "政策")
        #expect(budget.panels.map(\.name) == ["R3", "R4"] && budget.panels.map(\.fiscalYear) == [2021, 2022])
        #expect(budget.series.map(\.name) == ["予算", "決算", "執行率"])
        #expect(budget.series.map(\.role) == [.value, .value, .percent])
        #expect(budget.rows.map(\.name) == ["子育て", "交通", "計"] && budget.rows.map(\.isTotal) == [false, false, true])
        #expect(texts(budget) == [[["1200.5", "1100", "91.6"], ["800", "＊", "0.0"], ["2000.5", "1100", "55.0"]],
                                  [["1500", "1480", "98.7"], ["－", "600", "－"], ["1500", "2080", "138.7"]]])
        let star = try #require(budget.values[0][1][1])
        #expect(star.number == nil && star.low?.description == "0" && star.high?.description == "1" && star.meaning == "千円未満")
        let none = try #require(budget.values[1][1][0])
        #expect(none.number == nil && none.low == nil && none.high == nil && none.meaning == "該当なし")
        // Exact decimals as printed, and where each is printed.
        let cell = try #require(budget.values[0][2][0])
        #expect(cell.number?.description == "2000.5" && cell.span?.text == "2000.5")
        #expect(budget.rows[2].span?.text == "計")

        // A tally of the scale's symbols: stacked.
        let tally = plan.figures[1]
        #expect(tally.kind == .tally(scale: "評価") && tally.layout == .stacked)
        #expect(tally.series.map(\.name) == ["S", "A", "B", "C"] && tally.series.map(\.meaning) == ["大きく上回った", "達成", "おおむね達成", "未達成"])
        #expect(texts(tally) == [[["1", "2", "1", "1"]]])

        // Marks of the level evaluated on a scale, per top-level node.
        let marks = plan.figures[2]
        #expect(marks.kind == .marks(level: "事業", scale: "評価", groupLevel: "政策"))
        #expect(marks.rows.map(\.name) == ["子育て", "交通", "total"] && marks.rows.last?.isKeyword == true)
        #expect(texts(marks) == [[["0", "1", "1", "0"], ["1", "1", "0", "1"], ["1", "2", "1", "1"]]])

        // Projects running per year (the level the tables count), start/end defaulting to the period.
        let running = plan.figures[3]
        #expect(running.kind == .running(level: "事業", groupLevel: "政策"))
        #expect(running.panels.map(\.fiscalYear) == [2021, 2022, 2023])
        #expect(texts(running) == [[["1"], ["2"], ["3"]], [["2"], ["2"], ["4"]], [["2"], ["2"], ["4"]]])

        // Indicators: targets and actuals per year, the rate and grade beside them.
        let bus = plan.figures[4]
        #expect(bus.kind == .indicator(owner: nil) && bus.title == "バス利用者数" && bus.unit == "千人")
        #expect(bus.series.map(\.name) == ["target", "actual"])
        #expect(texts(bus) == [[["120.5", "98.25"], ["125", "－"]]])
        let waiting = plan.figures[5]
        #expect(waiting.kind == .indicator(owner: "保育の充実"))
        #expect(waiting.series.map(\.name) == ["target", "actual", "rate", "grade"])
        #expect(waiting.series.map(\.role) == [.value, .value, .percent, .label])
        #expect(texts(waiting) == [[["10", "12", "", "C"], ["5", "4", "125.0", "S"]]])
        #expect(waiting.rows.map(\.name) == ["2021", "2022"])
    }

    @Test func theSeiroPlanGivesItsThreeTables() throws {
        let (_, root) = try readPlan("Plans/seiro-2021.yaml")
        let plan = FigureReader.read(root)
        #expect(plan.outline.title == "令和3年度政策評価")
        #expect(plan.omissions.isEmpty)
        #expect(plan.figures.map(\.id) == ["table-1", "table-2", "table-3"])
        let first = plan.figures[0]
        #expect(first.rows.count == 15 && first.rows.last?.isTotal == true && first.rows.last?.name == "総計")
        #expect(first.series.map(\.name) == ["対象事業数"])
        #expect(first.values[0].map { $0[0]?.text } == ["9", "2", "2", "2", "19", "17", "16", "23", "19", "3", "21", "15", "1", "2", "151"])
        let grades = plan.figures[1]
        #expect(grades.kind == .grades(scale: "達成度"))
        #expect(grades.series.map(\.name) == ["事業数", "割合"] && grades.series.map(\.role) == [.value, .percent])
        #expect(texts(grades) == [[["114", "52"], ["24", "11"], ["59", "27"], ["24", "11"], ["221", "100"]]])
        let directions = plan.figures[2]
        #expect(directions.kind == .table)
        #expect(directions.series.map(\.name) == ["事業数", "割合", "【参考】昨年度割合"])
        #expect(directions.rows.count == 9)
    }

    @Test func aRowThatDoesNotFitItsColumnsIsLeftOutAndSaidSo() throws {
        let text = """
        format: planlint/plan@2
        plan: {title: t}
        tables:
          - name: T
            columns: [a, b]
            rows:
              - [x, 1, 2]
              - [y, 1]
        """
        let parsed = YAMLReader.parse(text)
        let plan = FigureReader.read(try #require(parsed.documents.first))
        #expect(plan.figures.count == 1 && plan.figures[0].rows.map(\.name) == ["x"])
        guard case .rowShape(let table, let row, let cells, let expected, _)? = plan.omissions.first else {
            Issue.record("expected a row-shape omission, got \(plan.omissions)")
            return
        }
        #expect(table == "T" && row == "y" && cells == 1 && expected == 2)
    }

    @Test func aPlanOneDocumentHasAnOutlineButNoFigures() throws {
        let parsed = YAMLReader.parse("format: planlint/plan@1\nplan: {title: old, period: {start: 2014, end: 2016}}\n")
        let plan = FigureReader.read(try #require(parsed.documents.first))
        #expect(plan.outline.title == "old" && plan.outline.periodEnd == 2016)
        #expect(plan.figures.isEmpty && plan.omissions == [.format("planlint/plan@1")])
    }

    @Test func aHostileHierarchyDepthIsWalkedWithoutRecursion() throws {
        var text = "format: planlint/plan@2\nplan: {title: deep, period: {start: 2020, end: 2020}}\nnodes:\n"
        var indent = "  "
        for i in 0..<450 {   // 900 levels of YAML nesting: under the reader's limit of 1000
            text += indent + "- name: n\(i)\n" + indent + "  nodes:\n"
            indent += "    "
        }
        text += indent + "- {name: leaf}\n"
        let parsed = YAMLReader.parse(text)
        let plan = FigureReader.read(try #require(parsed.documents.first))
        let running = try #require(plan.figures.first { $0.id == "running" })
        #expect(running.values[0].last?[0]?.text == "1")
    }
}
