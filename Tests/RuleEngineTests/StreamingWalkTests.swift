import Diagnostics
@testable import RuleEngine
import RuleLanguage
import SourceText
import Testing
import YAMLTree

/// A rule's path without filters is walked: each match is handed to the rules as it is
/// found, with no list of the document's matches. The walk must select what the list
/// holds, in the same order, with the same variables, and say of an empty selection what
/// the list says.
@Suite struct StreamingWalkTests {
    static let paths = [
        "$", "a", "a?", "a.b", "a.b[0]", "a[*]", "a[*].b", "a[-1]", "a[1]", "a[*][*]", "a[**]", "a[**].b", "a[**][*]",
        "a[** as n].b[*]", "a[* as x].b[* as y][*]", "x.y?", "['k 1'].v", "['k 1']", "nodes[**]", "nodes?[**]",
        "nodes[** as n].stated?[*]", "nodes[**].indicators?[* as ind].years[*]", "m[*]", "m[*].a[**]", "a.a[**].a",
    ]
    static let documents = [
        "doc", "", "a: 1", "a: {b: [1, 2]}", "a: [{b: 1}, {c: 2}]", "a: [[1, 2], [3], []]", "[1, 2]", "x: {z: 1}",
        "a: {a: {a: []}}", "{'k 1': {v: 2}}", "a: [{b: [5, 6], a: [{b: 7}, {a: [{b: 8}]}]}, {a: {p: {b: 9}, q: 3}}]",
        "m: {p: {a: [{a: 1}]}, q: 2, r: {a: {s: {a: []}}}}",
        """
        nodes:
          - {name: A, stated: [1, 2], nodes: [{name: A1, indicators: [{years: [1, 2]}]}, {name: A2, nodes: []}]}
          - {name: B, nodes: {x: {name: Bx, stated: [3]}, y: {name: By, nodes: [{name: By1}]}}}
          - name: C
            indicators: [{years: {a: 1, b: 2}}, {years: []}]
        """,
        "nodes: [{name: A}, {name: B, nodes: 3}, 4]",
        "a: &x [1, 2]\nm: {p: *x, q: {a: [*x]}}",
    ]

    /// What a match binds, as text: node, parent, key, index, depth, path and the node each
    /// step selected on the way.
    static func text(of m: PathMatch, in matches: PathMatches, steps: Int) -> String {
        let ancestors = (0..<steps).map { String(matches.ancestor(of: m.trail, step: $0).index) }.joined(separator: ",")
        return "\(m.node.index) p\(m.parent?.index ?? -1) k\(m.key?.index ?? -1) i\(m.index) d\(m.depth) \(matches.path(of: m.trail)) [\(ancestors)]"
    }

    static func text(of e: EmptyMatch?) -> String {
        guard let e else { return "nil" }
        return "\(e.stepIndex) \(e.reason) \(e.candidates.map(\.index)) '\(e.candidatePath)'"
    }

    @Test func aWalkSelectsWhatTheListHoldsInTheSameOrder() throws {
        var nonEmpty = 0, explained = 0
        for path in Self.paths {
            let selector = try SelectorPath.parse(path).get()
            #expect(selector.walks)
            for text in Self.documents {
                guard let root = YAMLReader.parse(text, path: "d.yaml").tree.documents.first else { continue }
                for explain in [true, false] {
                    let list = try selector.match(in: root, explainEmpty: explain) { (_, _, _) throws(EvaluationError) -> Bool in true }
                    let listed = list.matches.map { Self.text(of: $0, in: list, steps: selector.steps.count) }
                    var walked: [String] = []
                    let empty = selector.walk(in: root, explainEmpty: explain) { m, w in
                        walked.append(Self.text(of: m, in: w, steps: selector.steps.count))
                        return true
                    }
                    #expect(walked == listed, "\(path) on \(text)")
                    #expect((empty == nil) == !listed.isEmpty, "\(path) on \(text)")
                    if let empty {
                        #expect(Self.text(of: empty.empty) == Self.text(of: list.empty), "\(path) on \(text), explain: \(explain)")
                        if explain && list.empty?.candidates.isEmpty == false { explained += 1 }
                    } else {
                        nonEmpty += 1
                    }
                }
            }
        }
        // The cases are not all trivial: many select something, some explain an empty selection.
        #expect(nonEmpty > 100)
        #expect(explained > 20)
    }

    @Test func aWalkStopsWhenTheRulesStop() throws {
        let selector = try SelectorPath.parse("nodes[**]").get()
        let root = try #require(YAMLReader.parse(Self.documents[12], path: "d.yaml").tree.documents.first)
        let all = try selector.match(in: root) { (_, _, _) throws(EvaluationError) -> Bool in true }.matches.map(\.node.index)
        #expect(all.count == 8)
        for stop in 1...all.count {
            var seen: [Int32] = []
            let empty = selector.walk(in: root) { m, _ in
                seen.append(m.node.index)
                return seen.count < stop
            }
            #expect(empty == nil)
            #expect(seen == Array(all.prefix(stop)))
        }
    }

    /// A plan with 3,000 projects in a hierarchy, and rules that share walks, capture nodes,
    /// name paths, pass the 1,000-diagnostic cap and fail to evaluate: checking each match as
    /// the walk finds it reports what listing them first reported, in the same order, with one
    /// thread or several (where a shared walk without a recursive step is split, one rule to a
    /// walk), with the file's budget large or running out.
    @Test func rulesReportTheSameWithWalksAndWithLists() throws {
        let rules = """
            rules:
              - id: named
                severity: error
                summary: Every node is named.
                for: nodes[**]
                assert: "has(self.name)"
                message: "unnamed at {path}"
              - id: small
                severity: warning
                summary: Small counts.
                for: nodes[**]
                assert: "get(self, 'count', 0) < 3"
                message: "{self.name}: {self.count} at depth {depth}"
              - id: numeric
                severity: error
                summary: Counts are numbers.
                for: nodes[**]
                assert: "get(self, 'count', 0) + 1 > 0"
              - id: stated
                severity: info
                summary: Stated values under their node.
                for: nodes[** as n].stated?[*]
                assert: "self != n.count"
                message: "{n.name}[{index}] states its own count"
              - id: deep-count
                severity: warning
                summary: Projects do not count 4.
                for: nodes[* as f].nodes[*].nodes[*]
                assert: "get(self, 'count', 0) != 4"
                message: "{f.name}: {path}"
              - id: deep-name
                severity: error
                summary: Projects are named.
                for: nodes[*].nodes[*].nodes[* as p]
                assert: "has(p.name)"
              - id: missing
                severity: warning
                summary: A key no node has.
                for: nodes[**].indicator[*]
                assert: "true"
            """
        var plan = "nodes:\n"
        for f in 0..<10 {
            plan += "  - name: f\(f)\n    nodes:\n"
            for i in 0..<10 {
                plan += "      - name: i\(f)-\(i)\n" + (i % 3 == 0 ? "        count: 1\n        stated: [1, 2]\n" : "") + "        nodes:\n"
                for p in 0..<30 {
                    let n = f * 300 + i * 30 + p
                    var line = "          - {"
                    if n % 97 != 0 { line += "name: p\(n), " }
                    line += n % 13 == 0 ? "count: many" : "count: \(n % 9)"
                    if n % 7 == 0 { line += ", stated: [\(n % 9), 1]" }
                    plan += line + "}\n"
                }
            }
        }
        let set = ruleSet(rules)
        let tree = YAMLReader.parse(plan, path: "plan.yaml").tree
        for budget in [CostPolicy.default, CostPolicy(base: 10_000, perDocumentNode: 0, poolFactor: 1_000),
                       CostPolicy(base: 30_000, perDocumentNode: 0, poolFactor: 1)] {
            // (When the file's budget runs out, which rule meets it first depends on the order
            // the threads run them: that case is compared on one thread.)
            let fileBudgetRunsOut = budget.poolFactor == 1
            var listed = RunOptions(costPolicy: budget)
            listed.listsMatches = true
            let expected = RuleRunner(ruleSet: set, options: listed).run(on: tree)
            for parallel in fileBudgetRunsOut ? [false] : [false, true] {
                let walked = RuleRunner(ruleSet: set, options: RunOptions(costPolicy: budget, parallel: parallel)).run(on: tree)
                #expect(walked.diagnostics.map(describe) == expected.diagnostics.map(describe), "parallel: \(parallel)")
                #expect(walked.diagnostics.map(\.omitted) == expected.diagnostics.map(\.omitted))
                #expect(walked.unevaluatedRules == expected.unevaluatedRules)
                if !parallel { #expect(walked.steps == expected.steps) }
            }
            if budget.limit(documentNodes: tree.nodeCount) > 1_000_000 {
                // What is compared: the cap passed (the "and N more" summary), findings of each
                // rule, failures on `many`, the empty selection.
                let codes = expected.diagnostics.map(\.code)
                #expect(codes.count > 1_500)
                #expect(expected.diagnostics.contains { $0.code == "small" && $0.omitted > 0 })
                #expect(codes.contains("named") && codes.contains("stated") && codes.contains("deep-count") && codes.contains("deep-name"))
                #expect(codes.contains(EngineCode.evaluationFailed.rawValue))
                #expect(codes.contains(EngineCode.selectorMatchedNothing.rawValue))
            } else {
                #expect(expected.diagnostics.contains { $0.code == EngineCode.budgetExceeded.rawValue })
            }
        }
    }
}
