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
    public var range: ByteRange { tree.range(of: index) }
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
        return (0..<tree.count(of: c)).map { YAMLNode(tree: tree, index: tree.childBase[start + $0]) }
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
        guard c.kind == NodeKind.mapping.rawValue, i >= 0, 2 * i + 1 < tree.count(of: c) else { return nil }
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


/// One node, packed in 12 bytes: a payload word `a`, a word `b`, and `meta`, which packs
/// the kind, the style, the flags, the scalar class and a count.
/// Scalars: `a` = offset of the value in the source (flag `inSource`: the value is the text
/// as written, so `a` is where the node starts and `b` where it ends) or in the tree's value
/// buffer (then `b` = start; the end is the four bytes before the value, see below); the
/// count is the value's length in bytes. Collections: `a` = first child in `children`,
/// `b` = start, the count = number of children (keys and values interleaved for mappings);
/// the end is the `children` slot before the first child. Aliases: `a` = target index,
/// `b` = start; the end is in the tree's `aliasEnds`. Tags and anchors (rare) live in the
/// tree's side table, flagged by `hasProperties`. `scalarClass` is the core-schema type of a
/// plain untagged scalar, resolved once by the reader (`ScalarClass`).
///
/// Every position is kept exactly: an end costs a word of its own only where it cannot be
/// read from the record (4 bytes a collection, a scalar not written as its value, or an
/// alias) instead of in every record (4 bytes a node: 3.7 MB of the 100k plan's tree).
///
/// The kind has the low byte to itself (reading it is one byte compare, as when it was a
/// field of its own). The count takes the top 13 bits; a count that does not fit (a scalar
/// of 8 KB, a collection of 8,191 children) is stored as `largeCount` and found elsewhere
/// (`NodeRecord.count(children:values:)`): an in-source scalar's length is `b - a`,
/// another scalar's length is the four bytes before its value in the value buffer, a
/// collection's count is the `children` slot before its first child. The end of a scalar
/// in the value buffer is the four bytes before its value, or before its length when that
/// is stored; a collection's end is the `children` slot before its first child, or before
/// its count when that is stored.
@usableFromInline struct NodeRecord: Sendable {
    @usableFromInline var a: UInt32
    @usableFromInline var b: UInt32
    /// Bits 0–7 kind, 8–10 style, 11–14 flags, 15–18 scalar class, 19–31 count.
    @usableFromInline var meta: UInt32

    @usableFromInline static let styleShift: UInt32 = 8, flagShift: UInt32 = 11, classShift: UInt32 = 15
    @usableFromInline static let countShift: UInt32 = 19

    /// A record whose `b` word is `b` (see above: the start, or an in-source scalar's end).
    init(a: UInt32, b: UInt32, count: Int, kind: UInt8, style: UInt8, flags: UInt8) {
        (self.a, self.b) = (a, b)
        meta = UInt32(kind) | UInt32(style & 7) << NodeRecord.styleShift | UInt32(flags & 15) << NodeRecord.flagShift
            | NodeRecord.countField(count) << NodeRecord.countShift
    }

    /// Whether this is a scalar whose value is its text as written (flag `inSource`).
    @inline(__always) var isInSource: Bool { flags & NodeRecord.inSource != 0 }

    /// Where the node starts in the source.
    @inline(__always) var start: UInt32 { isInSource ? a : b }

    /// Where the node ends in the source. `children` and `values` are the tree's arrays;
    /// `aliasEnd` answers an alias's end (from the tree's `aliasEnds`).
    func end(children: UnsafePointer<Int32>, values: UnsafePointer<UInt8>, aliasEnd: () -> UInt32) -> UInt32 {
        if isInSource { return b }
        let large = smallCount == NodeRecord.largeCount
        switch kind {
        case NodeKind.scalar.rawValue:
            return UnsafeRawPointer(values + Int(a) - (large ? 8 : 4)).loadUnaligned(as: UInt32.self)
        case NodeRecord.aliasKind:
            return aliasEnd()
        default:
            return UInt32(bitPattern: children[Int(a) - (large ? 2 : 1)])
        }
    }

    static func countField(_ count: Int) -> UInt32 {
        count < Int(NodeRecord.largeCount) ? UInt32(count) : NodeRecord.largeCount
    }

    @usableFromInline @inline(__always) var kind: UInt8 { UInt8(truncatingIfNeeded: meta) }
    @usableFromInline @inline(__always) var style: UInt8 { UInt8(truncatingIfNeeded: meta >> NodeRecord.styleShift) & 7 }
    @usableFromInline @inline(__always) var flags: UInt8 {
        get { UInt8(truncatingIfNeeded: meta >> NodeRecord.flagShift) & 15 }
        set { meta = meta & ~(15 << NodeRecord.flagShift) | UInt32(newValue & 15) << NodeRecord.flagShift }
    }
    @usableFromInline @inline(__always) var scalarClass: UInt8 {
        get { UInt8(truncatingIfNeeded: meta >> NodeRecord.classShift) & 15 }
        set { meta = meta & ~(15 << NodeRecord.classShift) | UInt32(newValue & 15) << NodeRecord.classShift }
    }
    /// The count when it fits, else `largeCount`.
    @usableFromInline @inline(__always) var smallCount: UInt32 { meta >> NodeRecord.countShift }

    /// A collection's first child and count, set when the collection closes.
    mutating func setChildren(first: Int, count: Int) {
        a = UInt32(first)
        meta = meta & (1 << NodeRecord.countShift - 1) | NodeRecord.countField(count) << NodeRecord.countShift
    }

    /// The count: a scalar's length in bytes, a collection's number of children (0 for an
    /// alias). `children` and `values` are the tree's arrays, read only for a large count.
    @inlinable @inline(__always) func count(children: UnsafePointer<Int32>, values: UnsafePointer<UInt8>) -> Int {
        let small = smallCount
        if _fastPath(small != NodeRecord.largeCount) { return Int(small) }
        return largeCount(children: children, values: values)
    }

    /// The kind and count bits of a scalar of `n` bytes (`n` below `largeCount`): a record
    /// is such a scalar when `meta & shapeMask` equals it.
    @inlinable @inline(__always) static func scalarShape(length n: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: n) << NodeRecord.countShift | UInt32(NodeKind.scalar.rawValue)
    }
    @usableFromInline static let shapeMask: UInt32 = ~(1 << NodeRecord.countShift - 1) | 0xFF

    /// The count stored elsewhere (see above). Inlined: a call, even one never taken, would
    /// make every caller save registers around it.
    @inlinable @inline(__always) func largeCount(children: UnsafePointer<Int32>, values: UnsafePointer<UInt8>) -> Int {
        if kind != NodeKind.scalar.rawValue { return Int(children[Int(a) - 1]) }
        if flags & NodeRecord.inSource != 0 { return Int(b - a) }
        return Int(UnsafeRawPointer(values + Int(a) - 4).loadUnaligned(as: UInt32.self))
    }

    /// The count field's value for counts stored elsewhere.
    @usableFromInline static let largeCount: UInt32 = 1 << (32 - NodeRecord.countShift) - 1
    @usableFromInline static let aliasKind: UInt8 = 3
    @usableFromInline static let inSource: UInt8 = 1
    static let hasProperties: UInt8 = 2
    /// A mapping with an alias among its keys: looking a key up must resolve it.
    @usableFromInline static let aliasKey: UInt8 = 8
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
