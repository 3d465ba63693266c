import ExactNumbers
import Testing
@testable import RuleLanguage

/// Issue 18, item 8: sorting, grouping, node identity, hierarchies.
@Suite struct CollectionFunctionTests {
    let doc = yaml("""
        projects:
          - {number: 3, name: 地デジ, fy: 2015}
          - {number: 1, name: 電子申請, fy: 2014}
          - {number: 2, name: 地デジ, fy: 2014.0}
          - {number: 10, name: 防災, fy: 2016}
        nodes:
          - {name: a, nodes: [{name: a1, nodes: [{name: a11}]}, {name: a2}]}
          - {name: b}
        """)
    func s(_ e: String) throws -> String { try show(e, [("d", .node(doc))]) }
    func t(_ e: String) throws -> Bool { try isTrue(e, [("d", .node(doc))]) }

    @Test func sortingIsStableAndExact() throws {
        #expect(try s("sort([3, 1, 2, 10])") == "[1, 2, 3, 10]")
        #expect(try s("sort(['b', 'a', 'B'])") == "['B', 'a', 'b']", "by code point")
        #expect(try s("sort([])") == "[]")
        #expect(try s("d.projects.sortBy(p, p.number).map(p, p.name)") == "['電子申請', '地デジ', '地デジ', '防災']")
        // Equal keys keep their order: 2014 (電子申請) before 2014.0 (地デジ).
        #expect(try s("d.projects.sortBy(p, p.fy).map(p, p.number)") == "[1, 2, 3, 10]")
        #expect(try s("d.projects.sortBy(p, p.name).map(p, p.number)") == "[3, 2, 10, 1]")
        // Nodes stay nodes: a sorted element can be blamed.
        #expect(try evaluate("d.projects.sortBy(p, p.number)[0]", [("d", .node(doc))]).node?.span.start.line == 3)
        // Mixed keys cannot be ordered: an error, not a guess.
        #expect(evaluationError("sort([1, 'a'])")?.code == .typeMismatch)
        #expect(problems("[1].sortBy(x, [x])").map(\.message) == ["the key of `sortBy` must be a number or a string, but this is a list"])
    }

    /// E17's request: tables name their columns by name, cells are found by position.
    @Test func indexOfFindsTheFirstEqualElementOrPart() throws {
        #expect(try s("indexOf(['予算額', '実績額', '予算額'], '予算額')") == "0")
        #expect(try s("indexOf(['予算額', '実績額'], '実績額')") == "1")
        #expect(try s("indexOf(['予算額'], '決算額')") == "-1")
        #expect(try s("indexOf([], 1)") == "-1")
        // Numbers compare by value, as `==` does: 2014.0 is 2014.
        #expect(try s("indexOf(d.projects.map(p, p.fy), 2014)") == "1")
        #expect(try s("d.projects.map(p, p.fy).indexOf(2016)") == "3")
        // Strings: the character position, as substring counts it (not bytes).
        #expect(try s("indexOf('計３６事業', '事業')") == "3")
        #expect(try s("indexOf('abcabc', 'ca')") == "2")
        #expect(try s("indexOf('abc', '')") == "0")
        #expect(try s("indexOf('abc', 'x')") == "-1")
        #expect(try t("substring('計３６事業', indexOf('計３６事業', '３'), indexOf('計３６事業', '事')) == '３６'"))
        #expect(!problems("indexOf(1, 1)").isEmpty, "a number has no positions: refused when the rule loads")
        #expect(throws: EvaluationError.self) { try s("indexOf(d.projects[0].number, 3)") }
        #expect(problems("indexof([1], 1)").first?.help == "did you mean `indexOf`?")
    }

    @Test func sortingCostsNLogNSteps() throws {
        // 1,024 elements: at most 1,024 × 10 comparisons (plus the list and the call).
        let list = "[" + (0..<1_024).map { String((($0 * 7919) % 1_024)) }.joined(separator: ", ") + "]"
        var meter = CostMeter(limit: 1_000_000)
        let v = try Expression.evaluate("sort(\(list))", options: .default, meter: &meter)
        #expect(v.elements?.count == 1_024)
        #expect(meter.used <= 1_024 * 10 + 1_100, "\(meter.used) steps")
        #expect(evaluationError("sort(\(list))", limit: 5_000)?.code == .budgetExceeded)
    }

    @Test func groupingByKey() throws {
        #expect(try s("d.projects.groupBy(p, p.name).map(k, k)") == "['地デジ', '電子申請', '防災']")
        #expect(try s("d.projects.groupBy(p, p.name)['地デジ'].map(p, p.number)") == "[3, 2]")
        #expect(try s("d.projects.groupBy(p, p.fy).map(k, k)") == "['2015', '2014', '2016']", "2014 and 2014.0 are one key")
        #expect(problems("[1].groupBy(x, x > 0)").map(\.message) == ["the key of `groupBy` must be a string or a number, but this is a bool"])
        #expect(problems("[1].groupBy(i, x, x)").map(\.code) == [.wrongArity])
        // A large group-by is hashed: 5,000 distinct keys, then 5,000 lookups.
        let keys = Value.list((0..<5_000).map { .string("k\($0)") })
        var meter = CostMeter(limit: 1_000_000)
        let v = try Expression.evaluate("l.groupBy(k, k).all(k, v, size(v) == 1)", variables: [("l", keys)], options: .default, meter: &meter)
        #expect(v.boolValue == true)
    }

    @Test func largeMapsKeepAHashIndex() {
        // Past 16 entries lookups go through a hash index: it must agree with the order kept.
        var m = StringMap<Int>()
        for i in 0..<100 { m["k\(i)"] = i }
        #expect(m.count == 100 && m["k57"] == 57 && m["k100"] == nil)
        m["k57"] = 570
        #expect(m["k57"] == 570 && m.keys[57] == "k57", "setting keeps the first position")
        m["k10"] = nil
        #expect(m.count == 99 && m["k10"] == nil && m["k11"] == 11 && m.keys[10] == "k11")
        m["new"] = 1
        #expect(m["new"] == 1 && m.keys.last == "new")
        let pairs = StringMap((0..<40).map { ("k\($0 % 20)", $0) })
        #expect(pairs.count == 20 && pairs["k3"] == 23, "a later pair replaces the value")
    }

    @Test func nodeIdentity() throws {
        #expect(try t("same(d.projects[0], d.projects[0])"))
        #expect(try !t("same(d.projects[0].name, d.projects[2].name)"), "equal text, different cells")
        #expect(try t("d.projects[0].name == d.projects[2].name"))
        #expect(try !t("same(1, 1)"), "values that are not nodes are never the same node")
        // The first occurrence of each name, as a node: report later ones against it.
        #expect(try s("d.projects.filter(p, !same(d.projects.groupBy(q, q.name)[p.name][0], p)).map(p, p.number)") == "[2]")
    }

    @Test func descendantsOfAHierarchy() throws {
        #expect(try s("descendants(d.nodes, 'nodes').map(n, n.name)") == "['a', 'a1', 'a11', 'a2', 'b']")
        #expect(try s("descendants(d.nodes, 'nodes', 2).map(n, n.name)") == "['a', 'a1', 'a2', 'b']")
        #expect(try s("descendants(d.nodes, 'nodes', 1).map(n, n.name)") == "['a', 'b']")
        #expect(try s("descendants([], 'nodes')") == "[]")
    }
}
