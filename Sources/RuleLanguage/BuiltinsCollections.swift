import ExactNumbers
import YAMLTree

// Functions over lists and document nodes, of the table in Builtins.swift: sorting, node
// identity and hierarchies. The macros `sortBy` and `groupBy` are syntax (Checker,
// Interpreter.macro); they are documented in `Builtins.special`.

extension Builtins {
    static let collections: [BuiltinFunction] = [
        BuiltinFunction(
            "sort", BuiltinSignature([.list], result: .list),
            forms: ["sort(list) -> list"],
            summary: "The elements in ascending order by exact comparison (numbers, or strings by code point); equal elements keep their order, nodes stay nodes. To sort by a field, use `list.sortBy(x, key)`.",
            cost: "1 per comparison: at most n·⌈log₂ n⌉",
            example: "sort(self.fiscal_years) == self.fiscal_years",
            aliases: ["sorted", "order"]
        ) { me, call in
            let seq = try me.requireSequence(call.first, call.firstArg, "sort")
            let items = (0..<seq.count).map { seq[$0] }
            return .list(try me.sorted(items, keys: items, call.node, call.firstArg))
        },
        BuiltinFunction(
            "same", BuiltinSignature([.any, .any], result: .bool),
            forms: ["same(a, b) -> bool"],
            summary: "Whether the two values are the same node of the document (identity: two cells that print the same text are equal with `==` but not `same`). False when either is not a node.",
            example: "same(root.projects.groupBy(p, p.name)[self.name][0], self)",
            aliases: ["identical", "is"]
        ) { _, call in
            guard case .node(let a) = call.first, case .node(let b) = call.values[1] else { return .bool(false) }
            return .bool(a.treeID == b.treeID && a.index == b.index)
        },
        BuiltinFunction(
            "descendants", BuiltinSignature([.list, .string, .number], optional: 1, result: .list),
            forms: ["descendants(list, key) -> list", "descendants(list, key, depth) -> list"],
            summary: "The elements of the list and, recursively, the elements of each one's `key` list, in document order (pre-order): every node of a hierarchy nested under one key. With `depth`, only that many levels (1: the list's own elements).",
            cost: "1 per element",
            example: "descendants(root.nodes, 'nodes').all(n, has(n.name))",
            aliases: ["flattenBy", "walk"]
        ) { me, call in
            let top = try me.requireSequence(call.first, call.firstArg, "descendants")
            let key = try me.requireString(call.values[1], call.args[1], .phrase(.theKeyOfDescendants))
            let limit = call.count > 2 ? try me.requireInt(call.values[2], call.args[2], .phrase(.aDepth)) : Int.max
            var out: [Val] = []
            // Pre-order with an explicit stack of (element, depth), children pushed reversed.
            var stack: [(Val, Int)] = []
            for i in stride(from: top.count - 1, through: 0, by: -1) { stack.append((top[i], 1)) }
            while let (x, depth) = stack.popLast() {
                try me.step(call.node)
                out.append(x)
                guard depth < limit, let children = me.field(x, key), let seq = me.sequence(children) else { continue }
                for i in stride(from: seq.count - 1, through: 0, by: -1) { stack.append((seq[i], depth + 1)) }
            }
            return .list(out)
        },
    ]
}
