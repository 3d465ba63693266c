import Diagnostics
import SourceText

/// All documents parsed from one source, stored compactly: nodes in one array, children
/// in another, decoded scalar text either referenced in the source or in one buffer.
///
/// `@unchecked Sendable`: every stored property is immutable; the base pointers below point
/// into arrays this object holds as `let`s (see `nodeBase`).
public final class YAMLTree: @unchecked Sendable {
    public let file: SourceFile
    let nodes: [NodeRecord]
    let children: [Int32]
    let valueBytes: [UInt8]
    let names: [String]
    let properties: [Int32: NodeProperties]
    /// Where each alias ends, by the alias's index (see `NodeRecord`).
    let aliasEnds: [Int32: UInt32]
    let documentRoots: [Int32]
    /// Where `nodes`, `children`, `file.bytes` and `valueBytes` keep their elements. The
    /// arrays are `let`s of this object (and of `file`) and never mutated, so their storage
    /// neither moves nor goes away while the tree lives. The accessors in the hot paths
    /// (`YAMLNode.kind`, key lookup, scalar bytes) read through these instead of the arrays,
    /// which spares them an array retain and release per access.
    @usableFromInline let nodeBase: UnsafePointer<NodeRecord>
    @usableFromInline let childBase: UnsafePointer<Int32>
    @usableFromInline let sourceBase: UnsafePointer<UInt8>
    @usableFromInline let valueBase: UnsafePointer<UInt8>

    init(file: SourceFile, nodes: [NodeRecord], children: [Int32], valueBytes: [UInt8], names: [String],
         properties: [Int32: NodeProperties], aliasEnds: [Int32: UInt32], documentRoots: [Int32]) {
        self.file = file
        self.nodes = nodes
        self.children = children
        self.valueBytes = valueBytes
        self.names = names
        self.properties = properties
        self.aliasEnds = aliasEnds
        self.documentRoots = documentRoots
        nodeBase = YAMLTree.base(of: nodes)
        childBase = YAMLTree.base(of: children)
        sourceBase = YAMLTree.base(of: file.bytes)
        valueBase = YAMLTree.base(of: valueBytes)
    }

    /// The first element's address (a dummy for an empty array, never read through).
    private static func base<T>(of array: [T]) -> UnsafePointer<T> {
        array.withUnsafeBufferPointer { $0.baseAddress } ?? UnsafePointer(bitPattern: MemoryLayout<T>.alignment)!
    }

    /// A second handle on the same tree: the arrays are shared (nothing is copied), but the
    /// handle object, whose reference count every `YAMLNode` copy touches, is not. Threads
    /// that walk one document at once each take their own handle, so they do not contend
    /// on a single counter. Nodes of different handles compare unequal.
    public func separateHandle() -> YAMLTree {
        YAMLTree(file: file, nodes: nodes, children: children, valueBytes: valueBytes, names: names,
                 properties: properties, aliasEnds: aliasEnds, documentRoots: documentRoots)
    }

    /// The root node of each document in the stream, in order.
    public var documents: [YAMLNode] { documentRoots.map { YAMLNode(tree: self, index: $0) } }

    /// Number of nodes stored (aliases count once).
    public var nodeCount: Int { nodes.count }

    /// Where the node at `index` was written (an alias: the `*name` itself).
    func range(of index: Int32) -> ByteRange {
        let r = nodeBase[Int(index)]
        let end = withExtendedLifetime(self) {
            r.end(children: childBase, values: valueBase) { aliasEnds[index] ?? r.start }
        }
        return ByteRange(Int(r.start), Int(end))
    }

    func properties(of index: Int32) -> NodeProperties? {
        nodeBase[Int(index)].flags & NodeRecord.hasProperties == 0 ? nil : properties[index]
    }

    func tag(of index: Int32) -> String? {
        guard let p = properties(of: index), p.tag >= 0 else { return nil }
        return names[Int(p.tag)]
    }

    /// The decoded bytes of the scalar at `index` (a content index, not an alias): valid
    /// while the tree lives.
    @inlinable @inline(__always) func scalarBytes(_ index: Int32) -> UnsafeBufferPointer<UInt8> {
        let r = nodeBase[Int(index)]
        let base = r.flags & NodeRecord.inSource != 0 ? sourceBase : valueBase
        return UnsafeBufferPointer(start: base + Int(r.a), count: count(of: r))
    }

    /// A record's count (see `NodeRecord`): a scalar's length, a collection's children.
    @inlinable @inline(__always) func count(of r: NodeRecord) -> Int {
        r.count(children: childBase, values: valueBase)
    }

    func withScalarBytesThrowing<R>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(scalarBytes(index)) }
    }

    func withScalarBytes<R>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withExtendedLifetime(self) { body(scalarBytes(index)) }
    }
}

/// What went wrong while reading YAML. Converted to `Diagnostic`s by the Diagnostics module.
public struct YAMLProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        /// libyaml rejected the input (reader, scanner or parser error).
        case syntax = "yaml-syntax"
        case duplicateKey = "duplicate-key"
        case undefinedAlias = "undefined-alias"
        case recursiveAlias = "recursive-alias"
        case invalidMerge = "invalid-merge"
        case nestingTooDeep = "nesting-too-deep"
        case expansionLimit = "alias-expansion-limit"
        case inputTooLarge = "input-too-large"
        case encoding = "encoding"
    }

    public struct Related: Sendable, Equatable {
        public let range: ByteRange
        public let message: String
    }

    public let code: Code
    public let message: String
    /// Where it happened.
    public let range: ByteRange
    /// A short label for the primary range (shown under the carets).
    public let label: String?
    /// Other places that explain it (the first key of a duplicate, the `[` a flow
    /// sequence opened at).
    public let related: [Related]
    public let notes: [String]
    public let help: String?
    /// Whether the tree is unusable after this problem (rules are not run on it).
    public let isFatal: Bool
    /// The message in the other language than the run's, where it was cheap to build
    /// (`Diagnostic.alternateMessage`).
    public var alternateMessage: AlternateText? = nil

    public var description: String { "\(code.rawValue)@\(range): \(message)" }
}

/// Bounds on what one input may cost. The defaults are documented in Docs/security.md.
public struct YAMLLimits: Sendable, Equatable {
    /// Deepest nesting of collections allowed (checked as events arrive).
    public var maxDepth: Int
    /// Nodes that aliases and merge keys may add when expanded, per document.
    public var maxAliasExpansion: Int
    /// Largest input accepted, in bytes.
    public var maxInputBytes: Int

    public init(maxDepth: Int = 1_000, maxAliasExpansion: Int = 1_000_000, maxInputBytes: Int = 512 * 1024 * 1024) {
        (self.maxDepth, self.maxAliasExpansion, self.maxInputBytes) = (maxDepth, maxAliasExpansion, maxInputBytes)
    }

    public static let `default` = YAMLLimits()

    /// Hard ceilings the reader applies whatever limits it is given: libyaml's work grows
    /// with the square of the nesting depth, and the tree's offsets are 32-bit.
    public static let ceilingDepth = 10_000
    public static let ceilingAliasExpansion = 10_000_000
    public static let ceilingInputBytes = 2 << 30

    /// These limits with each capped by its ceiling.
    public var capped: YAMLLimits {
        YAMLLimits(maxDepth: min(maxDepth, YAMLLimits.ceilingDepth),
                   maxAliasExpansion: min(maxAliasExpansion, YAMLLimits.ceilingAliasExpansion),
                   maxInputBytes: min(maxInputBytes, YAMLLimits.ceilingInputBytes))
    }
}

/// The result of reading one source: the tree (possibly partial) and the problems found.
public struct YAMLParseResult: Sendable {
    public let tree: YAMLTree
    public let problems: [YAMLProblem]
    /// Whether the reader's caller asked it to stop before the end (`YAMLReader.read`'s
    /// `shouldStop`): the documents are incomplete, and no problem says so.
    public let wasStopped: Bool
    /// False when a fatal problem, or the caller, stopped reading: the documents may be incomplete.
    public var isComplete: Bool { !wasStopped && !problems.contains { $0.isFatal } }

    init(tree: YAMLTree, problems: [YAMLProblem], wasStopped: Bool = false) {
        (self.tree, self.problems, self.wasStopped) = (tree, problems, wasStopped)
    }
    public var documents: [YAMLNode] { tree.documents }
}
