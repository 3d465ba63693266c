import RuleLanguage
import SourceText
import YAMLTree

/// One node a `for` path selected, with what the rule variables need. Nodes are unowned
/// (copying a match touches no reference count): matches live only while the document's
/// root is held by whoever matched.
///
/// 32 bytes: a path over a large plan selects a match per node (a million at 1M projects),
/// so the parent and key are kept as node indexes in the node's tree, not as nodes.
struct PathMatch {
    let node: UnownedNode
    private let parentIndex: Int32
    private let keyIndex: Int32
    private let itemIndex: Int32
    /// Its entry in `PathMatches.trail`, for formatting its path on demand.
    let trail: Int32
    /// How deep the path's last recursive step (`nodes[**]`) went to reach it: 1 for the
    /// first level; 0 when the path has no recursive step before it.
    var depth: Int32 = 0

    init(node: UnownedNode, parent: UnownedNode?, key: UnownedNode?, index: Int, trail: Int32, depth: Int32 = 0) {
        self.node = node
        parentIndex = parent?.index ?? -1
        keyIndex = key?.index ?? -1
        itemIndex = Int32(clamping: index)
        self.trail = trail
        self.depth = depth
    }

    /// The mapping or sequence holding it (nil for the document root).
    var parent: UnownedNode? { parentIndex < 0 ? nil : node.sibling(parentIndex) }
    /// Its key node, when its parent is a mapping.
    var key: UnownedNode? { keyIndex < 0 ? nil : node.sibling(keyIndex) }
    /// Its index, when its parent is a sequence (-1 otherwise).
    var index: Int { Int(itemIndex) }

    /// The node, owning its tree (for diagnostics).
    var owned: YAMLNode { node.node }
}

/// Why a path matched nothing in a document that had the structure leading to it.
struct EmptyMatch {
    enum Reason {
        /// No candidate mapping has the key.
        case missingKey(String)
        /// No candidate has the kind the step needs (a key step over sequences, `[*]` over scalars).
        case wrongKind(expected: RunPhrase)
    }
    let stepIndex: Int
    let reason: Reason
    /// Some of the candidates the step was applied to (the first few).
    let candidates: [YAMLNode]
    /// The path (as a display string) of the first candidate.
    let candidatePath: String
}

/// The nodes a path selected, and how to name them.
struct PathMatches {
    var matches: [PathMatch] = []
    /// Parent-pointer records: one per node on the way (the root is entry 0).
    var trail: [TrailEntry] = []
    /// The root the path started from: the tree the trail's node indexes are in.
    var root: UnownedNode?
    /// Set when nothing matched although the document had the structure leading to the
    /// failing step (see `EmptyMatch`); nil when something matched or absence is expected.
    var empty: EmptyMatch?

    /// 20 bytes: node indexes in the root's tree.
    struct TrailEntry {
        /// The node reached.
        let node: Int32
        let parent: Int32
        /// The key node (mapping step) or -1 (sequence step, or the root).
        let key: Int32
        let index: Int32
        /// The path step that selected the node (-1 for the root, and for the collections a
        /// recursive step passes through on its way down).
        let step: Int32

        init(node: UnownedNode, parent: Int32, key: UnownedNode?, index: Int32, step: Int32) {
            (self.node, self.parent, self.key, self.index, self.step) = (node.index, parent, key?.index ?? -1, index, step)
        }
    }

    /// `fields[0].items[1].projects[3]`; `$` for the root. Keys that are not plain names
    /// are written `['key']`.
    func path(of trailIndex: Int32) -> String {
        var parts: [TrailEntry] = []
        var t = trailIndex
        while t > 0 {
            let e = trail[Int(t)]
            parts.append(e)
            t = e.parent
        }
        if parts.isEmpty { return "$" }
        var out = ""
        for e in parts.reversed() {
            if e.key >= 0, let root {
                let name = root.sibling(e.key).scalarText ?? "?"
                if PathMatches.isPlainName(name) {
                    if !out.isEmpty { out += "." }
                    out += name
                } else {
                    out += "['"
                    for ch in name.unicodeScalars {
                        if ch == "'" || ch == "\\" { out += "\\" }
                        out.unicodeScalars.append(ch)
                    }
                    out += "']"
                }
            } else {
                out += "[\(e.index)]"
            }
        }
        return out
    }

    /// The node the path's step `step` selected on the way to the trail entry (the nearest
    /// one, for a recursive step).
    func ancestor(of trailIndex: Int32, step: Int) -> UnownedNode {
        var t = trailIndex
        while t > 0 && trail[Int(t)].step != Int32(step) { t = trail[Int(t)].parent }
        return root!.sibling(trail[Int(t)].node)
    }


    static func isPlainName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy(PathParser.isNameByte) && s.utf8.first != UInt8(ascii: "-")
    }
}

extension SelectorPath {
    /// Equal for paths that select the same nodes and report an empty selection alike
    /// (capture names do not change what is selected); nil for a path with a filter, whose
    /// selection depends on evaluating it.
    var sharedWalkKey: String? {
        var out = ""
        for s in steps {
            switch s.kind {
            case .key(let name): out += "k\(name.utf8.count):" + name
            case .index(let i): out += "i\(i)"
            case .wildcard: out += "*"
            case .recursive(let name): out += "r\(name.utf8.count):" + name
            case .filter: return nil
            }
            out += s.isOptional ? "?/" : "/"
        }
        return out
    }

    /// Selects the nodes under `root`. `filter` decides `[? …]` steps for one candidate; it is
    /// given the candidate's path when the filter reads `path`. Without `explainEmpty`, an
    /// empty selection is flagged (`empty` is set) but not explained: no candidates, no path
    /// (what a rule whose empty selection was already reported needs, in each document of a
    /// long stream).
    func match(
        in root: YAMLNode,
        explainEmpty: Bool = true,
        filter: (CompiledExpression, PathMatch, String?) throws(EvaluationError) -> Bool
    ) throws(FilterFailure) -> PathMatches {
        let root = UnownedNode(root)
        // The usual answer in a document of another shape: the first key is not there. Said
        // without allocating, as the walk below would say it.
        if !explainEmpty, let first = steps.first, case .key(let name) = first.kind, !root.isMapping || root.entry(name) == nil {
            guard root.isMapping else {
                return PathMatches(empty: EmptyMatch(stepIndex: 0, reason: .wrongKind(expected: .aMapping), candidates: [], candidatePath: ""))
            }
            return first.isOptional ? PathMatches()
                : PathMatches(empty: EmptyMatch(stepIndex: 0, reason: .missingKey(name), candidates: [], candidatePath: ""))
        }
        var result = PathMatches()
        result.root = root
        result.trail.append(.init(node: root, parent: 0, key: nil, index: -1, step: -1))
        var current = [PathMatch(node: root, parent: nil, key: nil, index: -1, trail: 0)]
        var next: [PathMatch] = []
        for (stepIndex, step) in steps.enumerated() {
            next.removeAll(keepingCapacity: true)
            let stepNumber = Int32(stepIndex)
            func add(_ node: UnownedNode, parent: UnownedNode, key: UnownedNode?, index: Int, from: PathMatch, into list: inout [PathMatch], trail: inout [PathMatches.TrailEntry]) {
                trail.append(.init(node: node, parent: from.trail, key: key, index: Int32(clamping: index), step: stepNumber))
                list.append(PathMatch(node: node, parent: parent, key: key, index: index, trail: Int32(trail.count - 1), depth: from.depth))
            }
            var sawRightKind = false
            switch step.kind {
            case .key(let name):
                for c in current where c.node.isMapping {
                    sawRightKind = true
                    if let e = c.node.entry(name) {
                        add(e.value, parent: c.node, key: e.key, index: -1, from: c, into: &next, trail: &result.trail)
                    }
                }
            case .index(let i):
                for c in current where c.node.isSequence {
                    sawRightKind = true
                    let n = c.node.count
                    let at = i < 0 ? n + i : i
                    if at >= 0, at < n, let item = c.node[at] {
                        add(item, parent: c.node, key: nil, index: at, from: c, into: &next, trail: &result.trail)
                    }
                }
            case .recursive(let name):
                // Pre-order with an explicit stack (a deep hierarchy must not deepen the
                // native stack): each item is selected, then the items under its own key.
                struct Pending {
                    let node: UnownedNode, parent: UnownedNode, key: UnownedNode?, index: Int, from: Int32, depth: Int32
                }
                var stack: [Pending] = []
                func pushChildren(of m: UnownedNode, trailIndex: Int32, depth: Int32, trail: inout [PathMatches.TrailEntry]) {
                    guard m.isMapping, let e = m.entry(name), e.value.isSequence || e.value.isMapping else { return }
                    // The collection is on the trail (for paths), but not selected.
                    trail.append(.init(node: e.value, parent: trailIndex, key: e.key, index: -1, step: -1))
                    let t = Int32(trail.count - 1)
                    if e.value.isSequence {
                        for k in stride(from: e.value.count - 1, through: 0, by: -1) {
                            stack.append(Pending(node: e.value[k]!, parent: e.value, key: nil, index: k, from: t, depth: depth))
                        }
                    } else {
                        for x in e.value.entries.reversed() { stack.append(Pending(node: x.value, parent: e.value, key: x.key, index: -1, from: t, depth: depth)) }
                    }
                }
                for c in current where c.node.isMapping {
                    sawRightKind = true
                    pushChildren(of: c.node, trailIndex: c.trail, depth: 1, trail: &result.trail)
                    while let p = stack.popLast() {
                        result.trail.append(.init(node: p.node, parent: p.from, key: p.key, index: Int32(clamping: p.index), step: stepNumber))
                        let t = Int32(result.trail.count - 1)
                        next.append(PathMatch(node: p.node, parent: p.parent, key: p.key, index: p.index, trail: t, depth: p.depth))
                        pushChildren(of: p.node, trailIndex: t, depth: p.depth + 1, trail: &result.trail)
                    }
                }
            case .wildcard, .filter:
                var condition: CompiledExpression?
                var offset = 0
                if case .filter(let e, let o) = step.kind { condition = e; offset = o }
                let wantsPath = condition?.usedSlots.contains(Scope.pathSlot) ?? false
                func keep(_ m: PathMatch, _ trail: PathMatches) throws(FilterFailure) -> Bool {
                    guard let condition else { return true }
                    do {
                        return try filter(condition, m, wantsPath ? trail.path(of: m.trail) : nil)
                    } catch {
                        throw FilterFailure(error: error, expressionOffset: offset, stepIndex: stepIndex)
                    }
                }
                for c in current {
                    if c.node.isSequence {
                        sawRightKind = true
                        for k in 0..<c.node.count {
                            add(c.node[k]!, parent: c.node, key: nil, index: k, from: c, into: &next, trail: &result.trail)
                            if try !keep(next[next.count - 1], result) { next.removeLast() }
                        }
                    } else if c.node.isMapping {
                        sawRightKind = true
                        for e in c.node.entries {
                            add(e.value, parent: c.node, key: e.key, index: -1, from: c, into: &next, trail: &result.trail)
                            if try !keep(next[next.count - 1], result) { next.removeLast() }
                        }
                    }
                }
            }
            if next.isEmpty {
                if !sawRightKind && !current.isEmpty {
                    let expected: RunPhrase
                    switch step.kind {
                    case .key, .recursive: expected = .aMapping
                    case .index: expected = .aSequence
                    case .wildcard, .filter: expected = .aSequenceOrMapping
                    }
                    guard explainEmpty else {
                        result.empty = EmptyMatch(stepIndex: stepIndex, reason: .wrongKind(expected: expected), candidates: [], candidatePath: "")
                        return result
                    }
                    let at = current.first.map { result.path(of: $0.trail) } ?? "$"
                    result.empty = EmptyMatch(stepIndex: stepIndex, reason: .wrongKind(expected: expected),
                                              candidates: Array(current.prefix(5).map(\.owned)), candidatePath: at)
                } else if let name = step.key, !step.isOptional, !current.isEmpty,
                          !current.contains(where: { $0.node.isMapping && $0.node.entry(name) != nil }) {
                    guard explainEmpty else {
                        result.empty = EmptyMatch(stepIndex: stepIndex, reason: .missingKey(name), candidates: [], candidatePath: "")
                        return result
                    }
                    let mappings = current.lazy.filter(\.node.isMapping).prefix(5)
                    let at = mappings.first.map { result.path(of: $0.trail) } ?? "$"
                    result.empty = EmptyMatch(stepIndex: stepIndex, reason: .missingKey(name), candidates: mappings.map(\.owned), candidatePath: at)
                }
                return result
            }
            swap(&current, &next)
        }
        result.matches = current
        return result
    }
}

extension SelectorPath {
    /// Whether `walk` can select for this path: no filters (a filter is evaluated for every
    /// candidate of its step before the next step runs, and its spending and errors must come
    /// before any match is checked), and few enough steps for the walk's step flags.
    var walks: Bool { !hasFilters && steps.count < 64 }

    /// Whether the path has a recursive step (`nodes[**]`): its walk visits every node of a
    /// hierarchy.
    var descendsRecursively: Bool {
        steps.contains { if case .recursive = $0.kind { true } else { false } }
    }

    /// Selects what `match` selects, in the same order, handing each match to `visit` as it is
    /// found instead of listing them: the walk holds only the way down to the current node
    /// (`trail` is its chain of ancestors, good during the call), so a path over every node of
    /// a large document costs no memory per match. `visit` returns false to stop the walk.
    /// Returns `nil` when something matched, otherwise what `match` gives for an empty
    /// selection (`empty` set, or not, alike). Only for paths that `walks`.
    func walk(in root: YAMLNode, explainEmpty: Bool = true, _ visit: (PathMatch, PathMatches) -> Bool) -> PathMatches? {
        // The usual answer in a document of another shape (the first key is not there), said
        // as `match` says it, without allocating.
        if !explainEmpty, let first = steps.first, case .key(let name) = first.kind, !root.isMapping || root.entry(name) == nil {
            return try? match(in: root, explainEmpty: false) { (_, _, _) throws(EvaluationError) -> Bool in true }
        }
        var flags = WalkFlags()
        if walk(in: UnownedNode(root), steps: steps.count, flags: &flags, visit) { return nil }
        return emptySelection(in: root, flags: flags, explainEmpty: explainEmpty)
    }

    /// Per step (bit `s`), what the walk met: a node selected by it, a candidate of the right
    /// kind for it, a candidate mapping with its key. Enough to say why nothing matched as
    /// `match` says it, without the candidates' lists.
    struct WalkFlags {
        var reached: UInt64 = 0, rightKind: UInt64 = 0, hadKey: UInt64 = 0
    }

    /// What `match` says of a selection the walk found empty: the first step that selected
    /// nothing, and why (the candidates of that step, for the message, found by walking the
    /// path up to it again: the first five, or the first five mappings).
    private func emptySelection(in root: YAMLNode, flags: WalkFlags, explainEmpty: Bool) -> PathMatches {
        var k = 0
        while k < steps.count && flags.reached & (1 << UInt64(k)) != 0 { k += 1 }
        let step = steps[k]
        let reason: EmptyMatch.Reason
        if flags.rightKind & (1 << UInt64(k)) == 0 {
            switch step.kind {
            case .key, .recursive: reason = .wrongKind(expected: .aMapping)
            case .index: reason = .wrongKind(expected: .aSequence)
            case .wildcard, .filter: reason = .wrongKind(expected: .aSequenceOrMapping)
            }
        } else if let name = step.key, !step.isOptional, flags.hadKey & (1 << UInt64(k)) == 0 {
            reason = .missingKey(name)
        } else {
            return PathMatches()
        }
        guard explainEmpty else { return PathMatches(empty: EmptyMatch(stepIndex: k, reason: reason, candidates: [], candidatePath: "")) }
        var mappingsOnly = false
        if case .missingKey = reason { mappingsOnly = true }
        var candidates: [YAMLNode] = []
        var at = "$"
        var unused = WalkFlags()
        walk(in: UnownedNode(root), steps: k, flags: &unused) { m, w in
            if mappingsOnly && !m.node.isMapping { return true }
            if candidates.isEmpty { at = w.path(of: m.trail) }
            candidates.append(m.owned)
            return candidates.count < 5
        }
        return PathMatches(empty: EmptyMatch(stepIndex: k, reason: reason, candidates: candidates, candidatePath: at))
    }

    /// One level of a walk: the nodes a step selects under one candidate, handed out in order.
    /// Plain values, nodes of the one tree as indexes (copying one touches no reference count).
    private struct Frame {
        enum Kind: UInt8 {
            /// The items of the sequence `node`, or the entries' values of the mapping `node`.
            case sequence, mapping
            /// `node` alone, with its parent `parent` and its key `key` or index `index` (a key
            /// or index step).
            case one
        }
        let kind: Kind
        /// A recursive step's collection, not yet on the trail: its key node (it is put on the
        /// trail, under `from`, when its first item is handed out).
        var collectionKey: Int32 = -1
        let node: UnownedNode
        var parent: Int32 = -1
        var key: Int32 = -1
        var index: Int32 = -1
        var next: Int32 = 0
        var end: Int32 = 1
        /// The trail entry the items hang from.
        var from: Int32
        let step: Int32
        let depth: Int32
    }

    /// The frame of a recursive step's items under `node` (selected by step `step - 1`, or by
    /// the recursive step itself), if it has any: pushed before the rest of the path from
    /// `node`, so that its items come after.
    private func descend(_ node: UnownedNode, name: String, trail: Int32, step: Int, depth: Int32, flags: inout WalkFlags, into stack: inout [Frame]) {
        guard let e = node.entry(name) else { return }
        flags.hadKey |= 1 << UInt64(step)
        let c = e.value
        guard c.isSequence || c.isMapping else { return }
        stack.append(Frame(kind: c.isSequence ? .sequence : .mapping, collectionKey: e.key.index, node: c, end: Int32(c.count),
                           from: trail, step: Int32(step), depth: depth))
    }

    /// The walk of the first `count` steps, pre-order with an explicit stack (a deep
    /// hierarchy must not deepen the native stack); true when `visit` was called.
    @discardableResult
    func walk(in root: UnownedNode, steps count: Int, flags: inout WalkFlags, _ visit: (PathMatch, PathMatches) -> Bool) -> Bool {
        var w = PathMatches()
        w.root = root
        w.trail.append(.init(node: root, parent: 0, key: nil, index: -1, step: -1))
        var stack: [Frame] = []
        var found = false
        var m = PathMatch(node: root, parent: nil, key: nil, index: -1, trail: 0)
        var s = -1
        while true {
            // `m` was selected by step `s` (the root: -1).
            if s >= 0 {
                flags.reached |= 1 << UInt64(s)
                // A node a recursive step selected: the items under its own key come after the
                // rest of the path from it.
                if case .recursive(let name) = steps[s].kind {
                    descend(m.node, name: name, trail: m.trail, step: s, depth: m.depth + 1, flags: &flags, into: &stack)
                }
            }
            let n = s + 1
            if n == count {
                found = true
                if !visit(m, w) { return true }
            } else {
                let bit: UInt64 = 1 << UInt64(n)
                switch steps[n].kind {
                case .key(let name):
                    guard m.node.isMapping else { break }
                    flags.rightKind |= bit
                    if let e = m.node.entry(name) {
                        flags.hadKey |= bit
                        stack.append(Frame(kind: .one, node: e.value, parent: m.node.index, key: e.key.index, from: m.trail, step: Int32(n), depth: m.depth))
                    }
                case .index(let i):
                    guard m.node.isSequence else { break }
                    flags.rightKind |= bit
                    let c = m.node.count
                    let at = i < 0 ? c + i : i
                    if at >= 0, at < c, let item = m.node[at] {
                        stack.append(Frame(kind: .one, node: item, parent: m.node.index, index: Int32(clamping: at), from: m.trail, step: Int32(n), depth: m.depth))
                    }
                case .recursive(let name):
                    guard m.node.isMapping else { break }
                    flags.rightKind |= bit
                    descend(m.node, name: name, trail: m.trail, step: n, depth: 1, flags: &flags, into: &stack)
                case .wildcard:
                    if m.node.isSequence || m.node.isMapping {
                        flags.rightKind |= bit
                        stack.append(Frame(kind: m.node.isSequence ? .sequence : .mapping, node: m.node, end: Int32(m.node.count),
                                           from: m.trail, step: Int32(n), depth: m.depth))
                    }
                case .filter:
                    preconditionFailure("a path with filters is matched, not walked")
                }
            }
            // The next node: from the frame on top, after dropping the trail below earlier items.
            while true {
                guard let top = stack.indices.last else { return found }
                var f = stack[top]
                if f.next == f.end { stack.removeLast(); continue }
                while w.trail.count > Int(f.from) + 1 { w.trail.removeLast() }
                if f.collectionKey >= 0 {
                    // The collection is on the trail (for paths), but not selected.
                    w.trail.append(.init(node: f.node, parent: f.from, key: f.node.sibling(f.collectionKey), index: -1, step: -1))
                    f.from = Int32(w.trail.count - 1)
                    f.collectionKey = -1
                    stack[top] = f
                }
                let node: UnownedNode, parent: UnownedNode
                var key: UnownedNode? = nil, index = -1
                switch f.kind {
                case .one:
                    stack.removeLast()
                    (node, parent) = (f.node, f.node.sibling(f.parent))
                    if f.key >= 0 { key = f.node.sibling(f.key) }
                    index = Int(f.index)
                case .sequence:
                    stack[top].next += 1
                    index = Int(f.next)
                    (node, parent) = (f.node[index]!, f.node)
                case .mapping:
                    stack[top].next += 1
                    let e = f.node.node.entry(at: Int(f.next))!
                    (node, parent, key) = (UnownedNode(e.value), f.node, UnownedNode(e.key))
                }
                w.trail.append(.init(node: node, parent: f.from, key: key, index: Int32(clamping: index), step: f.step))
                m = PathMatch(node: node, parent: parent, key: key, index: index, trail: Int32(w.trail.count - 1), depth: f.depth)
                s = Int(f.step)
                break
            }
        }
    }
}

/// A filter expression of a path that could not be evaluated on a candidate.
struct FilterFailure: Error {
    let error: EvaluationError
    /// Where the filter's expression starts in the path text.
    let expressionOffset: Int
    let stepIndex: Int
}
