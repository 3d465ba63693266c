import SourceText

/// The kind of a node's content (aliases report the kind of the node they name).
public enum NodeKind: UInt8, Sendable {
    case scalar, sequence, mapping
}

/// How a scalar was written.
public enum ScalarStyle: UInt8, Sendable, CustomStringConvertible {
    case plain, singleQuoted, doubleQuoted, literal, folded
    public var description: String {
        switch self {
        case .plain: "plain"
        case .singleQuoted: "single-quoted"
        case .doubleQuoted: "double-quoted"
        case .literal: "literal"
        case .folded: "folded"
        }
    }
}

/// How a collection was written.
public enum CollectionStyle: UInt8, Sendable {
    case block, flow
}

/// A scalar's value under the YAML 1.2 core schema. Numbers keep their literal text:
/// they are never forced through `Double` (see ExactNumbers for arithmetic).
public enum ScalarValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    /// An integer literal as written (`42`, `-7`, `0x1F`, `0o17`).
    case int(String)
    /// A decimal or exponent literal as written (`90.6`, `1e3`).
    case float(String)
    case infinity(negative: Bool)
    case nan
    case string(String)

    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let t), .float(let t): t
        case .infinity(let n): n ? "-.inf" : ".inf"
        case .nan: ".nan"
        case .string(let s): s
        }
    }

    /// The core-schema type name (`null`, `bool`, `int`, `float`, `str`).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .float, .infinity, .nan: "float"
        case .string: "str"
        }
    }
}

/// A node of a `YAMLTree`: a light handle (tree + index) with accessors.
///
/// For an alias, `range`, `isAlias` and `aliasName` describe where the alias was written;
/// every content accessor (`kind`, `scalarText`, `items`, `entries`, …) reads the anchored
/// node it names, so consumers see aliases resolved.
public struct YAMLNode: Sendable, Hashable, CustomStringConvertible {
    public let tree: YAMLTree
    /// Index of the node as written (the alias itself for an alias).
    public let index: Int32

    init(tree: YAMLTree, index: Int32) { (self.tree, self.index) = (tree, index) }

    public static func == (a: YAMLNode, b: YAMLNode) -> Bool { a.index == b.index && a.tree === b.tree }
    public func hash(into h: inout Hasher) { h.combine(index) }

    @inline(__always) var record: NodeRecord { tree.nodeBase[Int(index)] }
    /// Index of the node holding the content (the target for an alias).
    @inline(__always) var contentIndex: Int32 { tree.contentIndex(index) }
    @inline(__always) var content: NodeRecord { tree.nodeBase[Int(contentIndex)] }

    public var file: SourceFile { tree.file }
    /// Where this node was written (for an alias: the `*name` itself).
    public var range: ByteRange { let r = record; return ByteRange(Int(r.start), Int(r.end)) }
    public var span: SourceSpan { SourceSpan(file: tree.file, range: range) }
    public var isAlias: Bool { record.kind == NodeRecord.aliasKind }
    /// For an alias, the anchor name it refers to.
    public var aliasName: String? { isAlias ? tree.properties(of: index).map { tree.names[Int($0.anchor)] } : nil }
    /// This node in another handle on the same tree (see `YAMLTree.separateHandle()`).
    public func withSeparateHandle() -> YAMLNode {
        YAMLNode(tree: tree.separateHandle(), index: index)
    }

    /// The anchored node an alias names (the node itself otherwise).
    public var resolved: YAMLNode { YAMLNode(tree: tree, index: contentIndex) }

    public var kind: NodeKind { NodeKind(rawValue: content.kind)! }
    public var isScalar: Bool { content.kind == NodeKind.scalar.rawValue }
    public var isSequence: Bool { content.kind == NodeKind.sequence.rawValue }
    public var isMapping: Bool { content.kind == NodeKind.mapping.rawValue }

    /// The explicit tag, resolved to its full form (`tag:yaml.org,2002:str`), if any.
    public var tag: String? { tree.tag(of: contentIndex) }
    /// The anchor defined on this node (`&name`), if any.
    public var anchor: String? {
        guard !isAlias, let p = tree.properties(of: index), p.anchor >= 0 else { return nil }
        return tree.names[Int(p.anchor)]
    }

    public var scalarStyle: ScalarStyle? {
        let c = content
        return c.kind == NodeKind.scalar.rawValue ? ScalarStyle(rawValue: c.style) : nil
    }
    public var collectionStyle: CollectionStyle? {
        let c = content
        return c.kind == NodeKind.scalar.rawValue ? nil : CollectionStyle(rawValue: c.style)
    }

    /// The scalar's decoded text (escapes processed, folding applied); nil for collections.
    public var scalarText: String? {
        guard isScalar else { return nil }
        return tree.withScalarBytes(contentIndex) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the scalar's decoded text equals `s`, without allocating.
    public func scalarEquals(_ s: String) -> Bool { tree.scalarEquals(index, s) }

    /// The core-schema value, computed on demand from the text, style and tag.
    public var value: ScalarValue? {
        guard let type = scalarType else { return nil }
        switch type {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int: return .int(scalarText!)
        case .float: return .float(scalarText!)
        case .infinity(let negative): return .infinity(negative: negative)
        case .nan: return .nan
        case .string: return .string(scalarText!)
        }
    }

    /// The core-schema type of a scalar, classified from its bytes without allocating
    /// (nil for collections). Hot paths use this with `withScalarBytes` instead of `value`.
    public var scalarType: ScalarType? { tree.scalarType(index) }

    /// The value of a plain, untagged scalar written as an optionally signed run of 1 to 18
    /// decimal digits (`2014`, `-7`, `007`: an int under the core schema), read in one pass
    /// without classifying the text first; nil for anything else, including other ints
    /// (`0x1F`, 19 digits and more) — `scalarType` and the bytes answer those.
    public var plainInteger: Int64? { tree.plainInteger(index) }

    /// The scalar's decoded UTF-8 bytes in place (nil for collections), for hot loops that
    /// cannot afford a closure. The buffer stays valid while this node's tree lives: keep
    /// the node (or the tree) alive for as long as the buffer is read.
    public var unsafeScalarBytes: UnsafeBufferPointer<UInt8>? { tree.scalarBytesIfScalar(index) }

    /// Calls `body` with the scalar's decoded UTF-8 bytes (empty for collections), without
    /// copying them.
    public func withScalarBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard isScalar else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try tree.withScalarBytesThrowing(contentIndex, body)
    }

    /// Number of items (sequence) or entries (mapping); 0 for scalars.
    public var count: Int { tree.count(index) }

    /// A sequence's items (empty for other kinds).
    public var items: [YAMLNode] {
        let c = content
        guard c.kind == NodeKind.sequence.rawValue else { return [] }
        let start = Int(c.a)
        return (0..<Int(c.b)).map { YAMLNode(tree: tree, index: tree.childBase[start + $0]) }
    }

    /// The item at `i` of a sequence.
    public subscript(i: Int) -> YAMLNode? { tree.item(index, at: i).map { YAMLNode(tree: tree, index: $0) } }

    /// A mapping's entries in document order (merged entries from `<<` follow the mapping's own).
    public var entries: [(key: YAMLNode, value: YAMLNode)] {
        tree.entryIndexes(index).map { (YAMLNode(tree: tree, index: $0.0), YAMLNode(tree: tree, index: $0.1)) }
    }

    /// The entry at `i` of a mapping, in document order (nil out of range or for other kinds);
    /// unlike `entries`, it does not make a handle for every entry.
    public func entry(at i: Int) -> (key: YAMLNode, value: YAMLNode)? {
        let c = content
        guard c.kind == NodeKind.mapping.rawValue, i >= 0, 2 * i + 1 < Int(c.b) else { return nil }
        let start = Int(c.a) + 2 * i
        return (YAMLNode(tree: tree, index: tree.childBase[start]), YAMLNode(tree: tree, index: tree.childBase[start + 1]))
    }

    /// The entry of a mapping whose key is the scalar `key`.
    public func entry(_ key: String) -> (key: YAMLNode, value: YAMLNode)? {
        var key = key
        return key.withUTF8 { entry(utf8: $0) }
    }

    /// The entry of a mapping whose key's text is the UTF-8 `key`. Compares bytes in place:
    /// no node handle is made for the keys that do not match.
    public func entry(utf8 want: UnsafeBufferPointer<UInt8>) -> (key: YAMLNode, value: YAMLNode)? {
        tree.entryIndexes(index, utf8: want).map { (YAMLNode(tree: tree, index: $0.0), YAMLNode(tree: tree, index: $0.1)) }
    }

    /// The value of the mapping entry whose key's text is the UTF-8 `key` (nil when there is
    /// none, or this is not a mapping), without making the key's handle. It first tries the
    /// entry at `hint` (an entry number) and sets `hint` to where the key was found. Mappings of one shape (every project of a plan)
    /// keep a key at the same place, so a caller looking one key up in many of them keeps
    /// one hint per key and mostly compares a single key.
    public func value(forKey want: UnsafeBufferPointer<UInt8>, hint: inout Int) -> YAMLNode? {
        tree.valueIndex(index, forKey: want, hint: &hint).map { YAMLNode(tree: tree, index: $0) }
    }

    /// The value under the scalar key `key` of a mapping.
    public subscript(key: String) -> YAMLNode? { entry(key)?.value }

    public var description: String {
        switch kind {
        case .scalar: return scalarText ?? ""
        case .sequence: return "[\(count) items]"
        case .mapping: return "{\(count) entries}"
        }
    }
}


/// One node, packed (20 bytes). Scalars: `a`/`b` = offset/length of the value in the
/// source (flag `inSource`) or in the tree's value buffer. Collections: `a` = first child
/// in `children`, `b` = child count (keys and values interleaved for mappings).
/// Aliases: `a` = target index. Tags and anchors (rare) live in the tree's side table,
/// flagged by `hasProperties`. `scalarClass` (in what was padding) is the core-schema
/// type of a plain untagged scalar, resolved once by the reader (`ScalarClass`).
@usableFromInline struct NodeRecord: Sendable {
    @usableFromInline var start: UInt32
    @usableFromInline var end: UInt32
    @usableFromInline var a: UInt32
    @usableFromInline var b: UInt32
    @usableFromInline var kind: UInt8
    @usableFromInline var style: UInt8
    @usableFromInline var flags: UInt8
    @usableFromInline var scalarClass: UInt8 = ScalarClass.unresolved

    init(start: UInt32, end: UInt32, a: UInt32, b: UInt32, kind: UInt8, style: UInt8, flags: UInt8) {
        (self.start, self.end, self.a, self.b, self.kind, self.style, self.flags) = (start, end, a, b, kind, style, flags)
    }

    @usableFromInline static let aliasKind: UInt8 = 3
    @usableFromInline static let inSource: UInt8 = 1
    static let hasProperties: UInt8 = 2
    /// A mapping where two keys may have the same text (see `value(forKey:hint:)`).
    @usableFromInline static let repeatedKeyText: UInt8 = 4
}

/// The core-schema type of a plain, untagged scalar as the reader resolved it: what
/// `YAMLNode.scalarType` and `plainInteger` answer from without reading the text again
/// (YAML composers resolve implicit tags once, when the node is made; rules read a value
/// many times).
@usableFromInline enum ScalarClass {
    /// Not resolved: a collection, an alias, a quoted, block or tagged scalar (resolved
    /// from the style and tag when asked).
    static let unresolved: UInt8 = 0
    static let null: UInt8 = 1, falseValue: UInt8 = 2, trueValue: UInt8 = 3
    /// An int written as an optional sign and 1 to 18 decimal digits (`plainInteger`).
    @usableFromInline static let shortDecimal: UInt8 = 4
    static let otherInt: UInt8 = 5, float: UInt8 = 6, infinity: UInt8 = 7, negativeInfinity: UInt8 = 8
    static let nan: UInt8 = 9, string: UInt8 = 10

    static func of(plain u: UnsafeBufferPointer<UInt8>) -> UInt8 {
        // A short decimal is an int (`classifyPlain` would scan the same digits to say so).
        if isShortDecimal(u) { return shortDecimal }
        switch CoreSchema.classifyPlain(u) {
        case .null: return null
        case .bool(let b): return b ? trueValue : falseValue
        case .int: return otherInt
        case .float: return float
        case .infinity(let negative): return negative ? negativeInfinity : infinity
        case .nan: return nan
        case .string: return string
        }
    }

    /// An optional sign and 1 to 18 ASCII digits.
    static func isShortDecimal(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 0
        if let first = u.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { k = 1 }
        guard u.count > k, u.count - k <= 18 else { return false }
        while k < u.count {
            guard u[k] &- UInt8(ascii: "0") < 10 else { return false }
            k += 1
        }
        return true
    }

    /// The type a resolved class stands for (nil for `unresolved`).
    static func type(_ c: UInt8) -> ScalarType? {
        switch c {
        case null: return .null
        case falseValue: return .bool(false)
        case trueValue: return .bool(true)
        case shortDecimal, otherInt: return .int
        case float: return .float
        case infinity: return .infinity(negative: false)
        case negativeInfinity: return .infinity(negative: true)
        case nan: return .nan
        case string: return .string
        default: return nil
        }
    }
}

/// A node's tag and anchor (for an alias: the anchor it names), as indexes into `names`.
struct NodeProperties: Sendable {
    var tag: Int32
    var anchor: Int32
}
