import Diagnostics
import RuleEngine
import Testing
import YAMLTree

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

/// `key[**]`: hierarchies of any depth (issue 18, for plan format 2's `nodes`).
@Suite struct RecursiveStepTests {
    let plan = """
        nodes:
          - {name: 政策1, grade: A, nodes: [{name: 施策1-1, grade: B, nodes: [{name: 事業1-1-1, grade: A}]}, {name: 施策1-2, grade: C}]}
          - name: 政策2
            grade: B
            nodes:
              - {name: 施策2-1, grade: B, indicators: [{name: 指標, actual: 3}]}
        """

    func report(_ forPath: String, _ message: String, when: String = "true") throws -> [String] {
        let rules = """
        rules:
          - id: every-node
            severity: info
            summary: s
            for: "\(forPath)"
            when: "\(when)"
            assert: "false"
            message: "\(message)"
        """
        let r = try run(rules, on: plan)
        #expect(r.isComplete, "\(r.diagnostics.map(describe))")
        return r.diagnostics.map(\.message)
    }

    @Test func selectsEveryLevelInDocumentOrderWithItsDepthAndPath() throws {
        #expect(try report("nodes[**]", "{depth} {self.name} {path}") == [
            "1 政策1 nodes[0]",
            "2 施策1-1 nodes[0].nodes[0]",
            "3 事業1-1-1 nodes[0].nodes[0].nodes[0]",
            "2 施策1-2 nodes[0].nodes[1]",
            "1 政策2 nodes[1]",
            "2 施策2-1 nodes[1].nodes[0]",
        ])
        // Leaves only, and a level.
        #expect(try report("nodes[**]", "{self.name}", when: "!has(self.nodes) && depth == 2") == ["施策1-2", "施策2-1"])
        // `parent` is the list holding the node; `index` its place there.
        #expect(try report("nodes[**]", "{index}/{size(parent)}", when: "depth == 2") == ["0/2", "1/2", "0/1"])
    }

    @Test func capturesAndStepsAfterTheRecursion() throws {
        #expect(try report("nodes[** as n].indicators[*]", "{n.name}: {self.name} {depth}") == ["施策2-1: 指標 2"])
        // A step after the recursion that nothing has is not a typo when the key exists somewhere below.
        #expect(try report("nodes[** as n].grade", "{n.name} {self}", when: "depth == 3") == ["事業1-1-1 A"])
    }

    @Test func aMisspeltKeyWarnsAndAnEmptyListDoesNot() throws {
        let rules = """
        rules:
          - id: every-node
            severity: info
            summary: s
            for: "nodse[**]"
            assert: "true"
        """
        let r = try run(rules, on: plan)
        #expect(r.diagnostics.map(\.code) == ["rule-selector-matched-nothing"])
        #expect(r.diagnostics.first?.help == "did you mean `nodes`?")
        let empty = try run(rules.replacingOccurrences(of: "nodse", with: "nodes"), on: "nodes: []\n")
        #expect(empty.diagnostics.isEmpty)
    }

    @Test func aDeepHierarchyNeedsNoDeepStack() throws {
        // 2,000 levels, written as flow mappings on one line each.
        var doc = ""
        for _ in 0..<2_000 { doc += "{nodes: [" }
        doc += "{leaf: 1}"
        for _ in 0..<2_000 { doc += "]}" }
        let rules = """
        rules:
          - id: deepest
            severity: info
            summary: s
            for: "nodes[**]"
            when: "has(self.leaf)"
            assert: "false"
            message: "{depth}"
        """
        let set = ruleSet(rules)
        let parsed = YAMLReader.parse("x: " + doc + "\n", path: "plan.yaml", limits: YAMLLimits(maxDepth: 5_000))
        guard let tree = parsed.tree.documents.first?["x"] else { Issue.record("\(parsed.problems)"); return }
        let r = RuleRunner(ruleSet: set).run(on: tree)
        #expect(r.diagnostics.map(\.message) == ["2000"])
    }
}
