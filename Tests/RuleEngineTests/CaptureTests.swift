import Diagnostics
import RuleEngine
import Testing

/// `as name` in a path binds the node a step selects, for rules that check a cell and need
/// its table.
@Suite struct CaptureTests {
    func problem(_ path: String) -> String {
        switch SelectorPath.parse(path) {
        case .success: return "ok"
        case .failure(let f): return f.problems.map { "\($0.range.start)-\($0.range.end): \($0.message)" }.joined(separator: "; ")
        }
    }

    @Test func syntax() throws {
        #expect(problem("tables[* as table].total.years[*]") == "ok")
        #expect(problem("rows[0 as first]['合計' as total][? self.x > 1 as row]") == "ok")
        #expect(problem("rows[* as]") == "9-10: expected a name after `as`")
        #expect(problem("rows[* as true]") == "10-14: `true` is a reserved word")
        #expect(problem("rows[? has(self.x) as in]") == "22-24: `in` is a reserved word")
        switch SelectorPath.parse("tables[* as table].total.years[? self.fy > 2014 as year]") {
        case .failure(let f): Issue.record("\(f.problems)")
        case .success(let p):
            #expect(p.captures.map(\.name) == ["table", "year"])
            #expect(p.captures.map(\.step) == [1, 4])
            if case .filter(let e, _) = p.steps[4].kind { #expect(e.text == " self.fy > 2014") }
        }
    }

    @Test func aCaptureMayNotHideARuleVariable() {
        let r = load("""
        rules:
          - id: x
            severity: error
            summary: s
            for: tables[* as self]
            assert: "true"
        """)
        #expect(r.diagnostics.map(\.message) == ["`self` is already a variable of this rule"])
        #expect(r.diagnostics.first.map { place($0.span!) } == "rules.yaml:5:22-26 'self'")
    }

    @Test func eachTotalCellWithItsTable() throws {
        // Each total cell, with its table: the finding at the cell, one label per row's cell.
        let rules = """
        rules:
          - id: column-sum
            severity: error
            summary: s
            for: tables[* as table].total.years[*]
            let:
              cells: table.rows.map(r, r.years[index])
            assert: sum(cells.map(c, rounded(c.budget))) ~= rounded(self.budget)
            at: self.budget
            message: "{table.category} {self.fy}: total {self.budget}, rows {sum(cells.map(c, rounded(c.budget)))}"
            labels:
              - each: cells
                as: cell
                at: cell.budget
                message: "{cell.fy}"
        """
        let yaml = """
        tables:
          - category: 個別事業
            rows:
              - field: a
                years: [{fy: 2014, budget: 7}, {fy: 2015, budget: 4}]
              - field: b
                years: [{fy: 2014, budget: 5}, {fy: 2015, budget: "＊"}]
            total:
              years: [{fy: 2014, budget: 12}, {fy: 2015, budget: 9}]
        """
        let r = try run(rules, on: yaml)
        #expect(r.isComplete)
        #expect(r.diagnostics.map(describe) == ["plan.yaml:9:58: column-sum: 個別事業 2015: total 9, rows (>3.5–<5.5)"])
        #expect(r.diagnostics.first?.labels.map { "\(place($0.span)) \($0.message)" } == [
            "plan.yaml:5:59-60 '4' 2015",
            "plan.yaml:7:59-62 '\"＊\"' 2015",
        ])
    }
}
