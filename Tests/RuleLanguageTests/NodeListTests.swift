import ExactNumbers
import Testing
import YAMLTree
@testable import RuleLanguage

/// A `NodeList` — the compact list of one tree's nodes that `flatten` makes of a document's
/// sequences — reads exactly as the plain list of the same nodes: every expression that reads
/// a list gives the same value, the same error (code, message, help, node) and the same steps
/// with either in its variable.
@Suite struct NodeListTests {
    let doc = yaml("""
        a:
          - {n: 3, name: x, tags: [p, q]}
          - {n: 1, name: y}
          - {n: 2, name: x, tags: []}
        b:
          - {n: 1, name: z, tags: [r]}
          - 7
          - [1, 2]
        c: [3, 1, 2, 1, 10]
        d: [x, y, x]
        e: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]
        """)

    /// The items of the sequences under `keys`, in order.
    func items(_ keys: [String]) -> [UnownedNode] {
        keys.flatMap { k in
            let s = UnownedNode(doc.entry(k)!.value)
            return (0..<s.count).map { s[$0]! }
        }
    }

    func compact(_ nodes: [UnownedNode]) -> Val { .nodes(NodeList(tree: nodes[0].unmanagedTree, indexes: nodes.map(\.index))) }
    func plain(_ nodes: [UnownedNode]) -> Val { .list(nodes.map { .node($0) }) }

    /// A value written out in full: nodes by index, lists element by element.
    func dump(_ v: Value) -> String {
        switch v {
        case .node(let n): return "#\(n.index)"
        case .list(let l): return "[" + l.map(dump).joined(separator: ",") + "]"
        case .map(let m): return "{" + zip(m.keys, m.values).map { "\($0): \(dump($1))" }.joined(separator: ",") + "}"
        default: return v.formatted()
        }
    }

    /// `text` with `x` (and `y`) bound to the given values: its value or error, and its steps.
    func run(_ text: String, x: Val, y: Val, caching: Bool = false) throws -> String {
        var scope = Scope(["x", "y"])
        scope.functions["f"] = FunctionDefinition(
            name: "f", parameters: ["l"], expression: try #require(Expression.compile("size(l) + size(flatten([l]))", scope: Scope(["l"])).expression))
        let compiled = Expression.compile(text, scope: scope)
        let e = try #require(compiled.expression, "\(text): \(compiled.problems)")
        var activation = Activation(scope: scope)
        activation.cachesInvariants = caching
        activation.bind(0, node: doc)   // holds the tree
        activation.slots[0] = x
        activation.slots[1] = y
        var meter = CostMeter(limit: 1_000_000)
        let outcome: String
        do {
            let v = try e.evaluate(&activation, meter: &meter)
            outcome = dump(v) + " | " + v.formatted()
        } catch {
            outcome = "error \(error.code.rawValue): \(error.message) | \(error.help ?? "") | \(error.node.map { "#\($0.index)" } ?? "-")"
        }
        return outcome + " | steps \(meter.used)"
    }

    static let expressions = [
        "x", "size(x)", "count(x)", "type(x)", "x[0]", "x[5]", "x[6]", "x[-1]", "x['k']", "get(x, 1, 'none')", "get(x, 9, 'none')",
        "has(x[1].name)", "has(x[9])", "x.name", "x + 1", "x < 1", "-x", "!x", "x == null", "x != null", "x ? 1 : 2",
        "x.map(p, type(p))", "x.filter(p, type(p) == 'map')", "x.all(p, type(p) == 'map')", "x.exists(p, p == 7)",
        "x.exists_one(p, p == 7)", "x.count(p, type(p) == 'map')", "x.count(i, p, i > 2 && type(p) == 'map')",
        "x.filter(p, type(p) == 'map').sortBy(p, p.n)", "x.filter(p, type(p) == 'map').groupBy(p, p.name)",
        "x.filter(p, type(p) == 'map').map(p, p.n)", "x.sortBy(p, 0)",
        "x == x", "x == y", "y == x", "x != y", "x == []", "x + x", "x + y", "y + x", "size(x + [1])", "[x, x]", "[x][0] == y",
        "flatten(x)", "flatten([x, y])", "flatten([x, 1, [2]])", "flatten(x.map(p, type(p) == 'map' ? get(p, 'tags', []) : p))",
        "flatten(flatten([x]))", "unique(x)", "duplicates(x + y)", "contains(x, x[1])", "contains(y, x[4])", "indexOf(x, 7)",
        "indexOf(x, x[2])", "7 in x", "x[4] in x", "'q' in x", "join(x)", "join(x, '/')", "string(x)", "'s' + string(x)",
        "sum(x)", "min(x)", "max(x)", "sort(x)", "keys(x)", "values(x)", "x.n",
        "descendants(x.filter(p, type(p) == 'map'), 'tags')", "descendants(x, 'tags', 1)", "same(x[0], y[0])",
        "{'k': x}", "{'k': x}.k == y", "f(x)", "f(x) + f(x)", "f(y) + f(x)",
    ]

    static let scalarExpressions = [
        "x", "sort(x)", "min(x)", "max(x)", "sum(x)", "unique(x)", "duplicates(x)", "x.sortBy(v, -v)", "x.groupBy(v, v)",
        "join(x)", "x == [3, 1, 2, 1, 10]", "x == y", "contains(x, 2)", "indexOf(x, 1)", "x.all(v, v < 11)",
        "x.filter(v, v > 1)", "x.map(v, v * 2)", "x.count(v, v == 1)", "x.exists(v, v > 9)", "string(x)", "2 in x",
        "x.all(v, v < 2)", "x.sortBy(v, v).all(v, v < 2)", "min(x[0], x[1])", "x[4] + x[0]",
    ]

    func agree(_ expressions: [String], _ x: [UnownedNode], _ y: [UnownedNode]) throws {
        for text in expressions {
            for caching in [false, true] {
                let c = try run(text, x: compact(x), y: plain(y), caching: caching)
                let p = try run(text, x: plain(x), y: plain(y), caching: caching)
                #expect(c == p, "\(text)")
                // The other variable compact too, and both.
                #expect(try run(text, x: compact(x), y: compact(y), caching: caching) == p, "\(text), both compact")
                #expect(try run(text, x: plain(x), y: compact(y), caching: caching) == p, "\(text), y compact")
            }
        }
    }

    @Test func everyListReadingExpressionAgrees() throws {
        let x = items(["a", "b"])
        try agree(NodeListTests.expressions, x, x)
        try agree(NodeListTests.expressions, x, items(["a"]))
    }

    @Test func scalarListsAgree() throws {
        try agree(NodeListTests.scalarExpressions, items(["c"]), items(["c"]))
        try agree(["sort(x)", "x == y", "x + y", "join(x)", "unique(x + y)", "min(x)"], items(["d"]), items(["d"]))
    }

    /// More than 20 elements and nesting: printed alike (the cut and the depth).
    @Test func printedAlike() throws {
        let e = items(["e"])
        try agree(["x", "string(x)", "[[[x]]]", "string([[[x]]])", "join(x)", "[x, 1]", "x + x"], e, e)
        let f = ValueFormatter(style: .plain, symbols: .default)
        #expect(f.format(compact(e)) == f.format(plain(e)))
        #expect(f.format(.list([.list([compact(e)])])) == f.format(.list([.list([plain(e)])])))
        let intervals = ValueFormatter(style: .intervals, symbols: .default, maxLength: 30)
        #expect(intervals.format(compact(items(["d"]))) == intervals.format(plain(items(["d"]))))
    }

    /// `flatten` makes a `NodeList` of one tree's nodes (and a plain list otherwise), with the
    /// same elements and steps as the plain path.
    @Test func flattenMakesACompactListOfOneTreesNodes() throws {
        var scope = Scope(["x", "r"])
        scope.functions = [:]
        let cases: [(String, Bool)] = [
            ("flatten(r.a.map(p, get(p, 'tags', [])))", true),
            ("flatten([r.a, r.b])", true),
            ("flatten([r.c, [r.d[0]], r.d, []])", true),
            ("flatten([r.c, [1]])", false),
            ("flatten([r.c, 1])", false),
            ("flatten([[], []])", false),
            ("flatten([])", false),
            ("flatten([r.a, x])", false),   // x: a node of another tree
        ]
        let other = yaml("[1, 2]")
        for (text, isCompact) in cases {
            let e = try #require(Expression.compile(text, scope: scope).expression, "\(text)")
            var activation = Activation(scope: scope)
            activation.bind(0, node: other)
            activation.bind(1, node: doc)
            activation.slots.append(.null)
            var meter = CostMeter(limit: 1_000_000)
            try e.evaluate(&activation, meter: &meter, into: 2)
            let v = activation.slots[2]
            if case .nodes = v { #expect(isCompact, "\(text)") } else { #expect(!isCompact, "\(text)") }
            // The same value as the plain list (element by element, as nodes) and the same steps.
            var plainActivation = Activation(scope: scope)
            plainActivation.bind(0, node: other)
            plainActivation.bind(1, node: doc)
            var plainMeter = CostMeter(limit: 1_000_000)
            let wrapped = try #require(Expression.compile("\(text).map(v, v)", scope: scope).expression)
            let p = try wrapped.evaluate(&plainActivation, meter: &plainMeter)
            #expect(dump(Value(v)) == dump(p), "\(text)")
            // The `.map(v, v)`: 1, and 2 per element (the macro's step and reading `v`).
            let mapSteps = Value(v).elements.map { 2 * $0.count + 1 } ?? 0
            #expect(meter.used == plainMeter.used - mapSteps, "\(text)")
        }
    }

    /// The call memo takes a `NodeList` for the same argument only when it is the same storage.
    @Test func memoComparesStorage() {
        let x = items(["a", "b"])
        let a = compact(x), b = compact(x)
        #expect(CallMemo.same(a, a))
        #expect(!CallMemo.same(a, b))
        #expect(!CallMemo.same(a, plain(x)))
        #expect(!CallMemo.same(plain(x), a))
        #expect(CallMemo.comparable(a))
    }
}
