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

extension Interpreter {
    /// `flatten` (its entry is in Builtins.swift): the elements of the list, each inner list
    /// (a list or a sequence node) joined in place. When every element that results is a node
    /// of one tree, the result is a `NodeList` (4 bytes an element, not a `Val`'s 32): a pack
    /// function's list of every project of a plan, held per rule thread while the rules run.
    /// The steps and errors are the same either way.
    mutating func flatten(_ call: BuiltinCall) throws -> Val {
        let seq = try requireSequence(call.first, call.firstArg, "flatten")
        // Sized first: a list grown by appending holds up to twice what it needs.
        var total = 0
        var tree: Unmanaged<YAMLTree>?
        var oneTree = true
        @inline(__always) func see(_ n: UnownedNode) {
            if let t = tree { if t.toOpaque() != n.unmanagedTree.toOpaque() { oneTree = false } } else { tree = n.unmanagedTree }
        }
        for i in 0..<seq.count {
            let x = seq[i]
            if let inner = sequence(x) {
                total += inner.count
                guard oneTree, inner.count > 0 else { continue }
                switch inner {
                case .node(let n): see(n)
                case .nodes(let l): see(l[0])
                case .list(let l):
                    for v in l {
                        guard case .node(let n) = v else { oneTree = false; break }
                        see(n)
                    }
                }
            } else {
                total += 1
                if case .node(let n) = x { see(n) } else { oneTree = false }
            }
        }
        let compact = oneTree ? tree : nil
        var indexes: [Int32] = [], out: [Val] = []
        if compact != nil { indexes.reserveCapacity(total) } else { out.reserveCapacity(total) }
        for i in 0..<seq.count {
            try step(call.node)
            let x = seq[i]
            if let inner = sequence(x) {
                try step(call.node, inner.count)
                switch (inner, compact != nil) {
                case (.node(let n), true): n.appendItemIndexes(to: &indexes)
                case (.nodes(let l), true): indexes.append(contentsOf: l.indexes)
                case (.list(let l), true): for v in l { if case .node(let n) = v { indexes.append(n.index) } }
                default: for j in 0..<inner.count { out.append(inner[j]) }
                }
            } else if compact != nil {
                if case .node(let n) = x { indexes.append(n.index) }
            } else {
                out.append(x)
            }
        }
        if let compact, !indexes.isEmpty { return .nodes(NodeList(tree: compact, indexes: indexes)) }
        return .list(out)
    }
}
