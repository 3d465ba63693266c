import ExactNumbers
import RuleLanguage
import SourceText
import YAMLTree

/// The `expr` target: text → parser → checker → interpreter.
extension FuzzTargets {
    /// Compiles `bytes` (as UTF-8, invalid sequences replaced) as a rule expression in a
    /// scope with the rule variables and the names the bundled rules declare, once as is and
    /// once expecting a bool; then evaluates what compiled over a fixed plan document, with
    /// `self` on the document and on a table cell, under a small cost budget, and explains
    /// it (the tracing interpreter).
    package static func expr(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let fixture = ExprFixture.shared
        _ = Expression.compile(text, scope: fixture.scope, expecting: .bool)
        let result = Expression.compile(text, scope: fixture.scope)
        for p in result.problems {
            // What a renderer does with a problem: slice the text it points at.
            precondition(p.range.start <= p.range.end && p.range.end <= text.utf8.count, "problem range outside the text: \(p)")
        }
        guard let compiled = result.expression else { return }
        _ = compiled.treeDescription
        for selfValue in fixture.selves {
            var activation = fixture.activation
            activation[Scope.selfSlot] = selfValue
            var meter = CostMeter(limit: ExprFixture.budget)
            if let value = try? compiled.evaluate(&activation, meter: &meter) {
                _ = value.formatted(.intervals)
            }
            var traceMeter = CostMeter(limit: ExprFixture.budget)
            if let explanation = try? compiled.explain(&activation, meter: &traceMeter) {
                _ = explanation.value.formatted()
            }
        }
    }
}

/// The scope, variable values and document the `expr` target evaluates with.
struct ExprFixture: Sendable {
    /// Steps per evaluation: enough for the rules over the small document, small enough
    /// that a runaway comprehension costs microseconds.
    static let budget = 20_000

    /// Names the bundled rules declare with `let` or `as` (none of them rebound by a macro
    /// in the seeds), printed by Fuzz/make-expr-seeds.py, and the test helpers' `l`, `s`, `n`.
    static let extraNames = [
        "added", "cells", "column", "counted", "counts", "early", "endOut", "ended", "ending", "face", "field",
        "first", "fy", "hi", "item", "known", "late", "listed", "lo", "mark", "matched", "note", "period",
        "previous", "printed", "projects", "ratio", "repeated", "row", "rows", "running", "said", "stars",
        "startOut", "starting", "summed", "t", "table", "total", "totals", "year", "years", "l", "s", "n",
    ]

    static let shared = ExprFixture()

    let scope: Scope
    let activation: Activation
    /// The values `self` takes: the document, a table, a cell.
    let selves: [Value]

    init() {
        // A plan cut down from Plans/ (two of everything, a ＊ cell).
        let path = BundledPack.root + "/Fuzz/expr-fixture.yaml"
        guard let bytes = try? FileIO.readBytes(path: path) else { fatalError("fuzz: cannot read \(path) (set PLANLINT_FUZZ_ROOT)") }
        let parsed = YAMLReader.read(path: "fixture.yaml", raw: bytes).1
        guard parsed.isComplete, let root = parsed.documents.first,
              let table = root["budgets"]?["tables"]?[0], let row = table["rows"]?[0],
              let cell = table["total"]?["years"]?[0]?["budget"], let projects = root["fields"]?[0]?["items"]?[0]?["projects"]
        else { fatalError("fuzz: the expr fixture document does not parse as expected") }
        var scope = Scope()
        for name in ExprFixture.extraNames { scope.declare(name) }
        var activation = Activation(scope: scope)
        activation[Scope.rootSlot] = .node(root)
        activation[Scope.parentSlot] = .node(table)
        activation[Scope.keySlot] = .string("budget")
        activation[Scope.indexSlot] = .number(Quantity(exact: ExactDecimal(0)))
        activation[Scope.pathSlot] = .string("$.budgets.tables[0].total.years[0].budget")
        // Each extra name gets a value of a different shape, in turn.
        let pool: [Value] = [
            .node(table), .node(row), .node(projects), .node(cell), .string("平成２７年度"),
            .list([.number(Quantity(exact: ExactDecimal(1))), .number(Quantity(exact: ExactDecimal(2))), .string("＊")]),
            .number(Quantity(exact: ExactDecimal(2015))), .null, .bool(true), .string("^※"),
        ]
        for (i, name) in ExprFixture.extraNames.enumerated() {
            if let slot = scope.slot(of: name) { activation[slot] = pool[i % pool.count] }
        }
        self.scope = scope
        self.activation = activation
        self.selves = [.node(root), .node(table), .node(cell)]
    }
}
