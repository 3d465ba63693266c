import Diagnostics
import ExactNumbers
import YAMLTree

/// A value inside an evaluation: a `Value` whose document nodes are unowned
/// (`UnownedNode`), so that copying one never touches the tree's reference count. An
/// evaluation reads nodes only through the variables of its `Activation`, and the
/// activation holds the trees of the nodes bound in it, so every node an evaluation makes
/// stays valid while it runs. Values leave an evaluation as `Value`, owning their trees
/// again.
enum Val: Sendable {
    case null
    case bool(Bool)
    case number(Quantity)
    case string(String)
    case list([Val])
    case map(ValMap)
    case node(UnownedNode)
    /// A list of nodes of one tree, kept compactly (`NodeList`): it reads as `.list` of those
    /// `.node`s everywhere a list is read.
    case nodes(NodeList)
}

typealias ValMap = StringMap<Val>

/// Nodes of one tree as their 4-byte indexes, with the tree once: a list as `flatten` makes
/// it of a document's sequences (a pack function's list of every project of a plan). A `Val`
/// takes 32 bytes, so the same list as `.list` of `.node`s takes eight times the memory: at
/// 100k projects 3.2 MB per list against 0.4 MB, and each rule thread holds one.
///
/// Nothing but the storage tells it from that `.list`: its type is `list`, it reads element
/// by element through `Interpreter.Sequence` (size, indexes, macros, equality, `+`, `in`,
/// sort, `flatten`), prints as the list, and leaves an evaluation as a `Value.list` of nodes.
/// `NodeListTests` holds every list-reading built-in to the same answers, errors and steps.
struct NodeList: @unchecked Sendable {
    let tree: Unmanaged<YAMLTree>
    /// Never empty (an empty list is `.list([])`).
    let indexes: [Int32]

    var count: Int { indexes.count }

    @inline(__always) subscript(i: Int) -> UnownedNode { UnownedNode(tree: tree, index: indexes[i]) }

    /// The same list as plain values.
    var values: [Val] { indexes.map { .node(UnownedNode(tree: tree, index: $0)) } }
}

extension Val {
    /// `v` inside an evaluation: the trees of its nodes must outlive the result.
    init(_ v: Value) {
        switch v {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let q): self = .number(q)
        case .string(let s): self = .string(s)
        case .list(let l): self = .list(l.map(Val.init))
        case .map(let m): self = .map(m.mapValues(Val.init))
        case .node(let n): self = .node(UnownedNode(n))
        }
    }

    /// The owning handle of a node value (what errors and the engine keep), if any.
    var node: YAMLNode? {
        if case .node(let n) = self { return n.node }
        return nil
    }

    /// The boolean of `.bool` or of a boolean scalar node; nil otherwise.
    var boolValue: Bool? {
        switch self {
        case .bool(let b): return b
        case .node(let n):
            if case .bool(let b)? = n.scalarType { return b }
            return nil
        default: return nil
        }
    }

    var typeName: String { RuntimeType.of(self).name }

    func formatted(_ style: ValueStyle = .plain, symbols: SymbolTable = .default) -> String {
        ValueFormatter(style: style, symbols: symbols).format(self)
    }
}

extension Value {
    /// The value an evaluation produced, its nodes owning their trees again.
    init(_ v: Val) {
        switch v {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let q): self = .number(q)
        case .string(let s): self = .string(s)
        case .list(let l): self = .list(l.map(Value.init))
        case .map(let m): self = .map(m.mapValues(Value.init))
        case .node(let n): self = .node(n.node)
        case .nodes(let l): self = .list(l.indexes.map { .node(UnownedNode(tree: l.tree, index: $0).node) })
        }
    }

    /// Calls `body` with the tree of every node in the value.
    func forEachTree(_ body: (YAMLTree) -> Void) {
        switch self {
        case .node(let n): body(n.tree)
        case .list(let l): for x in l { x.forEachTree(body) }
        case .map(let m): for x in m.values { x.forEachTree(body) }
        default: break
        }
    }
}

/// The run-time type of a value, looking through document nodes.
struct RuntimeType: Equatable, Sendable {
    let name: String
    /// Compared instead of `name` (a byte, not a string comparison).
    let tag: UInt8

    static let null = RuntimeType(name: "null", tag: 0), bool = RuntimeType(name: "bool", tag: 1)
    static let number = RuntimeType(name: "number", tag: 2), string = RuntimeType(name: "string", tag: 3)
    static let list = RuntimeType(name: "list", tag: 4), map = RuntimeType(name: "map", tag: 5)
    static let all = [null, bool, number, string, list, map]

    static func == (a: RuntimeType, b: RuntimeType) -> Bool { a.tag == b.tag }

    /// The type `type(x)` names with `text` (`'number'`), or nil for text no type has.
    static func named(_ text: String) -> RuntimeType? { all.first { $0.name == text } }

    static func of(_ v: Val) -> RuntimeType {
        switch v {
        case .null: return .null
        case .bool: return .bool
        case .number: return .number
        case .string: return .string
        case .list, .nodes: return .list
        case .map: return .map
        case .node(let n): return of(n)
        }
    }

    /// The type of a document node's value. Scalars are classified from their bytes (YAML
    /// 1.2 core schema): no String is made.
    static func of(_ n: YAMLNode) -> RuntimeType { of(UnownedNode(n)) }

    static func of(_ n: UnownedNode) -> RuntimeType {
        switch n.scalarType {
        case nil: return n.isMapping ? .map : .list
        case .null?: return .null
        case .bool?: return .bool
        case .int?, .float?, .infinity?, .nan?: return .number
        case .string?: return .string
        }
    }
}

/// A hashable image of a value for `unique`, `duplicates`: numbers by exact value (an
/// interval-only number by its interval), strings by text, collections element-wise.
enum HashKey: Hashable {
    case null
    case bool(Bool)
    case number(ExactDecimal)
    case interval(ExactDecimal, Bool, ExactDecimal, Bool)
    case string(CodePoints)
    case list([HashKey])
    case map([CodePoints: HashKey])
}

extension Val {
    /// The text of a string or of a string scalar node.
    var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .node(let n):
            guard n.scalarType == .string else { return nil }
            return n.scalarText
        default: return nil
        }
    }
}

/// Prints values for messages.
struct ValueFormatter {
    let style: ValueStyle
    let symbols: SymbolTable
    /// Characters printed at most (then `…`): a 20 MB plan value in a message is cut, and is
    /// never copied whole.
    var maxLength: Int = Int.max
    /// Numbers print in this language's style.
    var language: Language = .en

    static let maxElements = 20
    static let maxDepth = 4
    static let maxInnerString = 80

    func format(_ v: Val) -> String {
        var out = ""
        write(v, into: &out, depth: 0)
        return ValueFormatter.cut(out, maxLength)
    }

    static func cut(_ s: String, _ n: Int) -> String { s.truncated(toCharacters: n) }

    /// A scalar node's text, at most `maxLength` characters, without copying the rest.
    func boundedText(of n: UnownedNode) -> String {
        guard maxLength < Int.max else { return n.scalarText ?? "" }
        guard let b = n.unsafeScalarBytes else { return "" }
        let bytes = 4 * (maxLength + 1)
        return ValueFormatter.cut(String(decoding: UnsafeBufferPointer(rebasing: b.prefix(bytes)), as: UTF8.self), maxLength)
    }

    func write(_ v: Val, into out: inout String, depth: Int) {
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let q): out += language == .ja ? q.japaneseMessageDescription() : q.messageDescription
        case .string(let s): out += depth == 0 ? ValueFormatter.cut(s, maxLength) : quoted(s)
        case .list(let items): writeList(items.count, into: &out, depth: depth) { items[$0] }
        case .nodes(let l): writeList(l.count, into: &out, depth: depth) { .node(l[$0]) }
        case .map(let m):
            writeMap(m.count, into: &out, depth: depth, key: { m.keys[$0] }, value: { m.values[$0] })
        case .node(let n):
            switch n.kind {
            case .sequence:
                writeList(n.count, into: &out, depth: depth) { .node(n[$0]!) }
            case .mapping:
                // Only the entries printed are looked at (a mapping may have a million).
                let owned = n.node
                writeMap(n.count, into: &out, depth: depth, key: { i in owned.entry(at: i).map { quotedKey(boundedText(of: UnownedNode($0.key))) } ?? "?" },
                         value: { .node(UnownedNode(owned.entry(at: $0)!.value)) })
            case .scalar:
                let text = boundedText(of: n)
                switch n.scalarType {
                case .int?, .float?:
                    // A document number is exact: it prints as written in either style.
                    out += text
                case .string?:
                    if style == .intervals, case .quantity(let q)? = symbols.meaning(of: n) {
                        out += text + " (" + q.intervalDescription + ")"
                    } else {
                        out += depth == 0 ? text : quoted(text)
                    }
                default:
                    out += text.isEmpty ? "null" : text
                }
            }
        }
    }

    /// A key as printed: short keys as they are, long ones cut like quoted strings.
    func quotedKey(_ s: String) -> String {
        ValueFormatter.cut(s, ValueFormatter.maxInnerString)
    }

    func quoted(_ s: String) -> String {
        var t = s
        if t.count > ValueFormatter.maxInnerString { t = String(t.prefix(ValueFormatter.maxInnerString)) + "…" }
        var out = "'"
        for c in t.unicodeScalars {
            if c == "'" || c == "\\" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out + "'"
    }

    func writeList(_ count: Int, into out: inout String, depth: Int, element: (Int) -> Val) {
        if depth >= ValueFormatter.maxDepth { out += "[…]"; return }
        out += "["
        for i in 0..<min(count, ValueFormatter.maxElements) {
            if i > 0 { out += ", " }
            write(element(i), into: &out, depth: depth + 1)
        }
        if count > ValueFormatter.maxElements { out += ", … \(count - ValueFormatter.maxElements) more" }
        out += "]"
    }

    func writeMap(_ count: Int, into out: inout String, depth: Int, key: (Int) -> String, value: (Int) -> Val) {
        if depth >= ValueFormatter.maxDepth { out += "{…}"; return }
        out += "{"
        for i in 0..<min(count, ValueFormatter.maxElements) {
            if i > 0 { out += ", " }
            out += key(i) + ": "
            write(value(i), into: &out, depth: depth + 1)
        }
        if count > ValueFormatter.maxElements { out += ", … \(count - ValueFormatter.maxElements) more" }
        out += "}"
    }
}

extension String {
    /// The string cut to `n` characters with a visible `…` when it is longer; the cut costs
    /// `n` characters, not the string's length.
    package func truncated(toCharacters n: Int) -> String {
        guard n < Int.max, utf8.count > n else { return self }
        var end = startIndex
        var count = 0
        while end < endIndex && count < n { end = index(after: end); count += 1 }
        return end == endIndex ? self : String(self[..<end]) + "…"
    }
}
