import SourceText

/// A node of a `YAMLTree` that does not keep the tree alive: the tree, unretained, and an
/// index. Copying one costs nothing, where copying a `YAMLNode` retains and later releases
/// the tree; an interpreter that reads a node on every step of a rule feels that (it was a
/// fifth of the rules' instructions).
///
/// Valid only while something else keeps the tree alive: a `YAMLNode` of it, the parse
/// result, or an owner such as `Activation` in RuleLanguage that holds the trees of the
/// nodes it was given. `node` turns it back into an owning handle; hand that, never an
/// `UnownedNode`, to code that may outlive the owner.
package struct UnownedNode: Hashable, @unchecked Sendable {
    @usableFromInline let tree: Unmanaged<YAMLTree>
    package let index: Int32

    /// The same node, unowned: `n`'s tree must outlive every use of the result.
    @inline(__always) package init(_ n: YAMLNode) {
        tree = .passUnretained(n.tree)
        index = n.index
    }

    @usableFromInline @inline(__always) init(_ tree: Unmanaged<YAMLTree>, _ index: Int32) {
        self.tree = tree
        self.index = index
    }

    /// The node at `index` in the same tree (an index the tree gave out, such as another of
    /// its nodes' `index`): lets a caller keep many nodes of one tree as 4-byte indexes.
    @inlinable @inline(__always) package func sibling(_ index: Int32) -> UnownedNode { UnownedNode(tree, index) }

    /// The tree, unretained, and a node of it by index: what a list of many nodes of one tree
    /// keeps once (the tree) and per node (the index).
    @inlinable @inline(__always) package var unmanagedTree: Unmanaged<YAMLTree> { tree }
    @inlinable @inline(__always) package init(tree: Unmanaged<YAMLTree>, index: Int32) { self.init(tree, index) }

    /// The owning handle (retains the tree).
    package var node: YAMLNode { YAMLNode(tree: tree.takeUnretainedValue(), index: index) }

    /// The tree's identity (no retain).
    package var treeID: ObjectIdentifier { ObjectIdentifier(tree.takeUnretainedValue()) }

    package static func == (a: UnownedNode, b: UnownedNode) -> Bool { a.index == b.index && a.tree.toOpaque() == b.tree.toOpaque() }
    package func hash(into h: inout Hasher) { h.combine(index) }

    // The accessors the interpreter calls for every node it reads are inlinable: a call
    // across the module boundary per read cost as much as the read.
    @inlinable @inline(__always) func with<R>(_ body: (YAMLTree) -> R) -> R { tree._withUnsafeGuaranteedRef(body) }

    @inlinable @inline(__always) var contentKind: UInt8 { with { $0.contentRecord(index).kind } }
    package var kind: NodeKind { NodeKind(rawValue: contentKind)! }
    @inlinable package var isScalar: Bool { contentKind == NodeKind.scalar.rawValue }
    @inlinable package var isSequence: Bool { contentKind == NodeKind.sequence.rawValue }
    @inlinable package var isMapping: Bool { contentKind == NodeKind.mapping.rawValue }

    /// See `YAMLNode.scalarType`.
    package var scalarType: ScalarType? { with { $0.scalarType(index) } }
    /// See `YAMLNode.plainInteger`.
    @inlinable package var plainInteger: Int64? { with { $0.plainInteger(index) } }

    /// The scalar's decoded bytes in place (nil for collections), valid while the tree lives.
    package var unsafeScalarBytes: UnsafeBufferPointer<UInt8>? { with { $0.scalarBytesIfScalar(index) } }

    /// The scalar's decoded text; nil for collections.
    package var scalarText: String? { unsafeScalarBytes.map { String(decoding: $0, as: UTF8.self) } }

    /// Whether the scalar's decoded text equals `s`, without allocating.
    package func scalarEquals(_ s: String) -> Bool { with { $0.scalarEquals(index, s) } }

    /// Items (sequence) or entries (mapping); 0 for scalars.
    @inlinable package var count: Int { with { $0.count(index) } }

    /// The item at `i` of a sequence.
    @inlinable package subscript(i: Int) -> UnownedNode? { with { $0.item(index, at: i) }.map { UnownedNode(tree, $0) } }

    /// Appends the indexes of a sequence's items to `out` (nothing for other kinds): the
    /// items as `sibling`s, in one copy.
    package func appendItemIndexes(to out: inout [Int32]) {
        with { t in
            let c = t.contentRecord(index)
            guard c.kind == NodeKind.sequence.rawValue else { return }
            out.append(contentsOf: UnsafeBufferPointer(start: t.childBase + Int(c.a), count: t.count(of: c)))
        }
    }

    /// A mapping's entries in document order (empty for other kinds).
    package var entries: [(key: UnownedNode, value: UnownedNode)] {
        with { $0.entryIndexes(index) }.map { (UnownedNode(tree, $0.0), UnownedNode(tree, $0.1)) }
    }

    /// The entry of a mapping whose key is the scalar `key`.
    package func entry(_ key: String) -> (key: UnownedNode, value: UnownedNode)? {
        var key = key
        let found = key.withUTF8 { want in with { $0.entryIndexes(index, utf8: want) } }
        return found.map { (UnownedNode(tree, $0.0), UnownedNode(tree, $0.1)) }
    }

    /// See `YAMLNode.value(forKey:hint:)`.
    @inlinable package func value(forKey want: UnsafeBufferPointer<UInt8>, hint: inout Int) -> UnownedNode? {
        let found = tree._withUnsafeGuaranteedRef { $0.valueIndex(index, forKey: want, hint: &hint) }
        return found.map { UnownedNode(tree, $0) }
    }
}

// MARK: - Node accessors by index (shared by YAMLNode and UnownedNode)

extension YAMLTree {
    /// The index of the node holding the content (the target for an alias).
    @inlinable @inline(__always) func contentIndex(_ i: Int32) -> Int32 {
        let r = nodeBase[Int(i)]
        return r.kind == NodeRecord.aliasKind ? Int32(bitPattern: r.a) : i
    }

    @inlinable @inline(__always) func contentRecord(_ i: Int32) -> NodeRecord { nodeBase[Int(contentIndex(i))] }

    /// The decoded bytes of the scalar at `i` (nil for a collection).
    func scalarBytesIfScalar(_ i: Int32) -> UnsafeBufferPointer<UInt8>? {
        let ci = contentIndex(i)
        guard nodeBase[Int(ci)].kind == NodeKind.scalar.rawValue else { return nil }
        return scalarBytes(ci)
    }

    func scalarEquals(_ i: Int32, _ s: String) -> Bool {
        guard let have = scalarBytesIfScalar(i) else { return false }
        var s = s
        return s.withUTF8 { want in Bytes.equal(have, want) }
    }

    /// Items (sequence) or entries (mapping) of the node at `i`; 0 for scalars.
    @inlinable func count(_ i: Int32) -> Int {
        let c = contentRecord(i)
        if c.kind == NodeKind.sequence.rawValue { return count(of: c) }
        if c.kind == NodeKind.mapping.rawValue { return count(of: c) >> 1 }
        return 0
    }

    /// The index of item `k` of the sequence at `i`; nil when out of range or not a sequence.
    @inlinable @inline(__always) func item(_ i: Int32, at k: Int) -> Int32? {
        let c = contentRecord(i)
        guard c.kind == NodeKind.sequence.rawValue, k >= 0, k < count(of: c) else { return nil }
        return childBase[Int(c.a) + k]
    }

    /// The (key, value) indexes of the entry whose key's text is `want` in the mapping at `i`.
    func entryIndexes(_ i: Int32, utf8 want: UnsafeBufferPointer<UInt8>) -> (Int32, Int32)? {
        entryPosition(i, utf8: want).map { (childBase[$0], childBase[$0 + 1]) }
    }

    /// The (key, value) indexes of the mapping at `i`, in order (empty for other kinds).
    func entryIndexes(_ i: Int32) -> [(Int32, Int32)] {
        let c = contentRecord(i)
        guard c.kind == NodeKind.mapping.rawValue else { return [] }
        let start = Int(c.a)
        return stride(from: 0, to: count(of: c), by: 2).map { (childBase[start + $0], childBase[start + $0 + 1]) }
    }

    func scalarType(_ i: Int32) -> ScalarType? {
        let ci = contentIndex(i)
        let c = nodeBase[Int(ci)]
        guard c.kind == NodeKind.scalar.rawValue else { return nil }
        if let resolved = ScalarClass.type(c.scalarClass) { return resolved }
        let plain = c.style == ScalarStyle.plain.rawValue
        if c.flags & NodeRecord.hasProperties != 0, let t = tag(of: ci) {
            return CoreSchema.resolve(text: String(decoding: scalarBytes(ci), as: UTF8.self), plain: plain, tag: t).type
        }
        guard plain else { return .string }
        return CoreSchema.classifyPlain(scalarBytes(ci))
    }

    @inlinable func plainInteger(_ i: Int32) -> Int64? {
        let ci = contentIndex(i)
        let r = nodeBase[Int(ci)]
        // The reader checked the form (an optional sign, 1 to 18 digits).
        guard r.kind == NodeKind.scalar.rawValue, r.scalarClass == ScalarClass.shortDecimal else { return nil }
        let b = scalarBytes(ci)
        var k = 0
        let negative = b[0] == UInt8(ascii: "-")
        if negative || b[0] == UInt8(ascii: "+") { k = 1 }
        var v: Int64 = 0
        while k < b.count {
            v = v &* 10 &+ Int64(b[k] &- UInt8(ascii: "0"))
            k += 1
        }
        return negative ? -v : v
    }

    /// The index of the value under the key whose text is `want` in the mapping at `i`
    /// (see `YAMLNode.value(forKey:hint:)`).
    @inlinable func valueIndex(_ i: Int32, forKey want: UnsafeBufferPointer<UInt8>, hint: inout Int) -> Int32? {
        let c = nodeBase[Int(contentIndex(i))]
        guard c.kind == NodeKind.mapping.rawValue else { return nil }
        // Where two keys share their text the first is the answer: no shortcut then.
        if c.flags & NodeRecord.repeatedKeyText == 0, hint >= 0, hint < count(of: c) >> 1,
           keyMatches(childBase[Int(c.a) + 2 * hint], want) {
            return childBase[Int(c.a) + 2 * hint + 1]
        }
        guard let p = entryPosition(i, utf8: want) else { return nil }
        hint = (p - Int(c.a)) >> 1
        return childBase[p + 1]
    }

    /// Whether the node at `key` (a mapping's key) is a scalar whose text is `want`.
    @inlinable @inline(__always) func keyMatches(_ key: Int32, _ want: UnsafeBufferPointer<UInt8>) -> Bool {
        var r = nodeBase[Int(key)]
        if r.kind == NodeRecord.aliasKind { r = nodeBase[Int(r.a)] }
        let n = want.count
        guard n < Int(NodeRecord.largeCount) ? r.meta & NodeRecord.shapeMask == NodeRecord.scalarShape(length: n)
                : r.kind == NodeKind.scalar.rawValue && count(of: r) == n else { return false }
        return textMatches(r, want)
    }

    /// Whether the scalar `r`, whose length is `want.count`, has the bytes of `want`.
    @inlinable @inline(__always) func textMatches(_ r: NodeRecord, _ want: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = want.count
        guard n > 0 else { return true }
        let base = r.flags & NodeRecord.inSource != 0 ? sourceBase : valueBase
        let have = UnsafeRawPointer(base + Int(r.a))
        let w = UnsafeRawPointer(want.baseAddress!)
        // Keys are short: two overlapping word loads compare 4 to 16 bytes; shorter and
        // longer keys are compared byte by byte.
        switch n {
        case 4...8:
            return have.loadUnaligned(as: UInt32.self) == w.loadUnaligned(as: UInt32.self)
                && have.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == w.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        case 9...16:
            return have.loadUnaligned(as: UInt64.self) == w.loadUnaligned(as: UInt64.self)
                && have.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == w.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        default:
            var k = 0
            while k < n {
                if have.load(fromByteOffset: k, as: UInt8.self) != w.load(fromByteOffset: k, as: UInt8.self) { return false }
                k += 1
            }
            return true
        }
    }

    /// Where the key of the entry whose key's text is `want` sits in `children`, for the
    /// mapping at `i`; nil when there is none or `i` is not a mapping.
    @usableFromInline func entryPosition(_ i: Int32, utf8 want: UnsafeBufferPointer<UInt8>) -> Int? {
        let c = nodeBase[Int(contentIndex(i))]
        guard c.kind == NodeKind.mapping.rawValue else { return nil }
        let start = Int(c.a), n = count(of: c)
        var k = 0
        if c.flags & NodeRecord.aliasKey == 0 && want.count < Int(NodeRecord.largeCount) {
            // No alias among the keys (the usual case): one masked compare rejects a key of
            // another kind or length.
            let shape = NodeRecord.scalarShape(length: want.count)
            while k < n {
                let r = nodeBase[Int(childBase[start + k])]
                if r.meta & NodeRecord.shapeMask == shape && textMatches(r, want) { return start + k }
                k += 2
            }
            return nil
        }
        while k < n {
            if keyMatches(childBase[start + k], want) { return start + k }
            k += 2
        }
        return nil
    }
}
