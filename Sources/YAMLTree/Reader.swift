import CLibYAML
import Diagnostics
import SourceText

/// Reads YAML through libyaml's event parser into a `YAMLTree`.
package enum YAMLReader {
    /// Parses raw file bytes: detects the encoding (UTF-8 with or without BOM, UTF-16 with
    /// BOM), then parses. The returned `SourceFile` holds the UTF-8 text all positions
    /// refer to.
    ///
    /// `shouldStop`, when given, is asked every 1,024 events; when it answers true, reading
    /// stops and the result is incomplete (`isComplete` false, `wasStopped` true), with no
    /// problem: a caller that no longer wants the tree (the language server's check of a
    /// version edited again) drops it.
    package static func read(path: String, raw: [UInt8], limits: YAMLLimits = .default,
                             shouldStop: (() -> Bool)? = nil) -> (SourceFile, YAMLParseResult) {
        let limits = limits.capped
        if raw.count > limits.maxInputBytes {
            let file = SourceFile(path: path, bytes: [])
            let p = YAMLProblem(
                code: .inputTooLarge,
                message: YAMLMessage.inputTooLarge(["size": raw.count, "limit": limits.maxInputBytes]),
                range: ByteRange(0, 0), label: nil, related: [], notes: [],
                help: YAMLMessage.raiseFileSizeLimit(),
                isFatal: true)
            return (file, YAMLParseResult(tree: emptyTree(file), problems: [p]))
        }
        switch TextDecoding.utf8Bytes(raw) {
        case .success(let (bytes, _)):
            let file = SourceFile(path: path, bytes: bytes)
            return (file, parse(file, limits: limits, shouldStop: shouldStop))
        case .failure(let failure):
            let file = SourceFile(path: path, bytes: [])
            let p = YAMLProblem(
                code: .encoding, message: YAMLMessage.encoding(failure.reason)(), range: ByteRange(0, 0), label: nil,
                related: [], notes: [YAMLMessage.encodingOffset(["offset": failure.offset])], help: nil, isFatal: true)
            return (file, YAMLParseResult(tree: emptyTree(file), problems: [p]))
        }
    }

    /// Parses UTF-8 text held by `file` (`shouldStop` as in `read`).
    package static func parse(_ file: SourceFile, limits: YAMLLimits = .default, shouldStop: (() -> Bool)? = nil) -> YAMLParseResult {
        let limits = limits.capped
        if file.bytes.count > limits.maxInputBytes || file.bytes.count >= Int(UInt32.max) {
            let p = YAMLProblem(
                code: .inputTooLarge,
                message: YAMLMessage.inputTooLarge(["size": file.bytes.count, "limit": limits.maxInputBytes]),
                range: ByteRange(0, 0), label: nil, related: [], notes: [], help: nil, isFatal: true)
            return YAMLParseResult(tree: emptyTree(file), problems: [p])
        }
        return file.bytes.withUnsafeBufferPointer { buf in
            var builder = TreeBuilder(file: file, bytes: buf, limits: limits)
            builder.shouldStop = shouldStop
            builder.run()
            return builder.finish()
        }
    }

    /// Parses a string (for tests and tools).
    package static func parse(_ text: String, path: String = "<input>", limits: YAMLLimits = .default) -> YAMLParseResult {
        parse(SourceFile(path: path, text: text), limits: limits)
    }

    static func emptyTree(_ file: SourceFile) -> YAMLTree {
        YAMLTree(file: file, nodes: [], children: [], valueBytes: [], names: [], properties: [:], aliasEnds: [:], documentRoots: [])
    }
}

/// Builds a tree from the event stream. One per parse; not shared. A struct, so that its
/// arrays are accessed without dynamic exclusivity checks.
struct TreeBuilder {
    let file: SourceFile
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: YAMLLimits

    var nodes: [NodeRecord] = []
    var children: [Int32] = []
    var values: [UInt8] = []
    var names: [String] = []
    var properties: [Int32: NodeProperties] = [:]
    var aliasEnds: [Int32: UInt32] = [:]
    var nameIndex: [UInt64: Int32] = [:]
    var nameCollisions: [UInt64: [Int32]] = [:]
    var roots: [Int32] = []
    var problems: [YAMLProblem] = []
    /// Nodes that comparing collection keys may still visit (see `checkCollectionKeys`).
    var complexKeyBudget = 10_000_000
    /// Asked every 1,024 events whether to stop (see `YAMLReader.read`).
    var shouldStop: (() -> Bool)?
    var stopped = false

    struct Frame {
        var node: Int32  // -1 for a document
        var isMapping: Bool
        var isFlow: Bool
        var childStart: Int
        var size: UInt64
        var anchored: Bool
    }
    var frames: [Frame] = []
    var pending: [Int32] = []
    /// Anchor name index → node (names are interned, so no string hashing per lookup).
    var anchors: [Int32: Int32] = [:]
    var anchorSizes: [Int32: UInt64] = [:]
    var openNodes: Set<Int32> = []
    var expansion: UInt64 = 0

    // Code point index → byte offset cursor (libyaml marks count code points).
    var cursorIndex = 0
    var cursorOffset = 0

    init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) {
        self.file = file
        self.bytes = bytes
        self.limits = limits
        // Generous: untouched capacity costs address space, not memory (large blocks are mmapped),
        // while growing by doubling would copy and briefly hold both.
        nodes.reserveCapacity(bytes.count / 6 + 16)
        children.reserveCapacity(bytes.count / 6 + 16)
    }

    /// Byte offset of a libyaml mark index (code points from the start of the stream).
    mutating func offset(ofIndex target: Int) -> Int {
        let n = bytes.count
        if target >= cursorIndex {
            while cursorIndex < target && cursorOffset < n {
                let b = bytes[cursorOffset]
                // A run of ASCII (keys, indentation), 8 bytes at a time: a code point a byte.
                // Tried only from an ASCII byte, so text in other scripts pays nothing.
                if b < 0x80, target - cursorIndex >= 8, n - cursorOffset >= 8,
                   UnsafeRawPointer(bytes.baseAddress! + cursorOffset).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    cursorOffset += 8
                    cursorIndex += 8
                    continue
                }
                cursorOffset += seqLen(b)
                cursorIndex += 1
            }
        } else {
            while cursorIndex > target && cursorOffset > 0 {
                cursorOffset -= 1
                while cursorOffset > 0 && bytes[cursorOffset] & 0xC0 == 0x80 { cursorOffset -= 1 }
                cursorIndex -= 1
            }
        }
        return min(cursorOffset, n)
    }

    @inline(__always) func seqLen(_ b: UInt8) -> Int {
        b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF8 ? 4 : 1
    }

    /// Interns a tag or anchor name. Looked up by a 64-bit FNV-1a hash of its bytes (cheap to
    /// compute, cheap to hash again), so a name seen before costs no String at all.
    mutating func name(_ cstr: UnsafeMutablePointer<yaml_char_t>?) -> Int32 {
        guard let cstr else { return -1 }
        let length = strlen(UnsafeRawPointer(cstr).assumingMemoryBound(to: CChar.self))
        let bytes = UnsafeBufferPointer(start: cstr, count: length)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        if let first = nameIndex[h] {
            if namesEqual(first, bytes) { return first }
            for i in nameCollisions[h] ?? [] where namesEqual(i, bytes) { return i }
        }
        let i = Int32(names.count)
        names.append(String(decoding: bytes, as: UTF8.self))
        if nameIndex[h] == nil { nameIndex[h] = i } else { nameCollisions[h, default: []].append(i) }
        return i
    }

    func namesEqual(_ i: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var s = names[Int(i)]
        return s.withUTF8 { Bytes.equal($0, bytes) }
    }

    mutating func problem(_ code: YAMLProblem.Code, _ message: String, _ range: ByteRange, label: String? = nil,
                 related: [YAMLProblem.Related] = [], notes: [String] = [], help: String? = nil, fatal: Bool,
                 alternate: AlternateText? = nil) {
        problems.append(YAMLProblem(code: code, message: message, range: range, label: label, related: related,
                                    notes: notes, help: help, isFatal: fatal, alternateMessage: alternate))
    }

    mutating func run() {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            problem(.syntax, YAMLMessage.parserUnavailable(), ByteRange(0, 0), fatal: true)
            return
        }
        defer { yaml_parser_delete(parser) }
        if let base = bytes.baseAddress {
            yaml_parser_set_input_string(parser, base, bytes.count)
        } else {
            var empty: UInt8 = 0
            yaml_parser_set_input_string(parser, &empty, 0)
        }
        // The text is UTF-8 here (TextDecoding transcodes UTF-16). libyaml detects and skips a
        // UTF-8 BOM itself, without counting it in its marks: start the cursor after it.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            cursorOffset = 3
        }
        var event = yaml_event_t()
        var events = 0
        while true {
            if let shouldStop {
                events &+= 1
                if events & 1023 == 0 && shouldStop() {
                    stopped = true
                    return
                }
            }
            guard yaml_parser_parse(parser, &event) == 1 else {
                reportParserError(parser.pointee)
                return
            }
            let type = event.type
            let keepGoing = handle(&event)
            yaml_event_delete(&event)
            if !keepGoing || type == YAML_STREAM_END_EVENT { return }
        }
    }

    mutating func reportParserError(_ p: yaml_parser_t) {
        let libyamlText = p.problem.map { String(cString: $0) }
        let problemText = libyamlText.map(LibYAMLMessage.localized) ?? YAMLMessage.unknownParserError()
        var message = problemText
        var alternate = libyamlText.flatMap { LibYAMLMessage(rawValue: $0)?.alternate() }
        var range: ByteRange
        var related: [YAMLProblem.Related] = []
        if p.error == YAML_READER_ERROR {
            let off = min(Int(p.problem_offset), bytes.count)
            range = ByteRange(off, min(off + 1, bytes.count))
            if p.problem_value != -1 {
                let hex = String(UInt8(truncatingIfNeeded: p.problem_value), radix: 16, uppercase: true)
                let byte = hex.count == 1 ? "0" + hex : hex
                message = YAMLMessage.readerProblem(["problem": problemText, "byte": byte])
                alternate = nil
            }
        } else if p.error == YAML_MEMORY_ERROR {
            range = ByteRange(0, 0)
            message = YAMLMessage.parserOutOfMemory()
            alternate = YAMLMessage.parserOutOfMemory.alternate()
        } else {
            let off = offset(ofIndex: Int(p.problem_mark.index))
            range = ByteRange(off, min(off + seqLen(off < bytes.count ? bytes[off] : 0), bytes.count))
            if let ctx = p.context {
                let c = LibYAMLMessage.localized(String(cString: ctx))
                let coff = offset(ofIndex: Int(p.context_mark.index))
                related.append(.init(range: ByteRange(coff, min(coff + 1, bytes.count)), message: c))
            }
        }
        problem(.syntax, message, range, label: problemText, related: related, fatal: true, alternate: alternate)
    }

    /// Handles one event; false stops parsing (a fatal problem was recorded).
    mutating func handle(_ event: inout yaml_event_t) -> Bool {
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            anchors.removeAll(keepingCapacity: true)
            anchorSizes.removeAll(keepingCapacity: true)
            expansion = 0
            frames.append(Frame(node: -1, isMapping: false, isFlow: false, childStart: pending.count, size: 0, anchored: false))
        case YAML_DOCUMENT_END_EVENT:
            if let frame = frames.popLast() {
                if pending.count > frame.childStart { roots.append(pending[frame.childStart]) }
                pending.removeSubrange(frame.childStart...)
            }
        case YAML_SCALAR_EVENT:
            return scalar(&event)
        case YAML_ALIAS_EVENT:
            return alias(&event)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            return startCollection(&event)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            endCollection(&event)
        default:
            break
        }
        return true
    }

    mutating func append(_ record: NodeRecord, tag: Int32, anchor: Int32) {
        var r = record
        if tag >= 0 || anchor >= 0 {
            r.flags |= NodeRecord.hasProperties
            properties[Int32(nodes.count)] = NodeProperties(tag: tag, anchor: anchor)
        }
        nodes.append(r)
    }

    func tagName(_ id: Int32) -> String? {
        guard nodes[Int(id)].flags & NodeRecord.hasProperties != 0, let p = properties[id], p.tag >= 0 else { return nil }
        return names[Int(p.tag)]
    }

    mutating func addChild(_ id: Int32, size: UInt64) {
        pending.append(id)
        if !frames.isEmpty {
            let s = frames[frames.count - 1].size
            frames[frames.count - 1].size = s &+ size < s ? UInt64.max : s &+ size
        }
    }

    mutating func registerAnchor(_ anchorName: Int32, node: Int32) {
        guard anchorName >= 0 else { return }
        anchors[anchorName] = node
    }

    mutating func scalar(_ event: inout yaml_event_t) -> Bool {
        let s = event.data.scalar
        let start = offset(ofIndex: Int(event.start_mark.index))
        let end = offset(ofIndex: Int(event.end_mark.index))
        let length = Int(s.length)
        var flags: UInt8 = 0
        var a: UInt32
        if length == end - start, length > 0, let v = s.value, memcmp(v, bytes.baseAddress! + start, length) == 0 {
            flags = NodeRecord.inSource
            a = UInt32(start)
        } else {
            // Its end, which the record has no room for, goes before it (see `NodeRecord`).
            withUnsafeBytes(of: UInt32(end)) { values.append(contentsOf: $0) }
            if length >= Int(NodeRecord.largeCount) {
                // Too long for the record's count: its length goes before it.
                withUnsafeBytes(of: UInt32(length)) { values.append(contentsOf: $0) }
            }
            a = UInt32(values.count)
            if length > 0, let v = s.value {
                values.append(contentsOf: UnsafeBufferPointer(start: v, count: length))
            }
        }
        let style: ScalarStyle
        switch s.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let anchorName = name(s.anchor)
        let tag = name(s.tag)
        let id = Int32(nodes.count)
        var record = NodeRecord(a: a, b: UInt32(flags == NodeRecord.inSource ? end : start), count: length,
                                kind: NodeKind.scalar.rawValue, style: style.rawValue, flags: flags)
        if style == .plain, tag < 0 {
            record.scalarClass = ScalarClass.of(plain: UnsafeBufferPointer(start: length > 0 ? UnsafePointer(s.value) : nil, count: length))
        }
        append(record, tag: tag, anchor: anchorName)
        if anchorName >= 0 {
            registerAnchor(anchorName, node: id)  // a scalar's expanded size is 1 (the default)
        }
        addChild(id, size: 1)
        return true
    }

    mutating func alias(_ event: inout yaml_event_t) -> Bool {
        let start = offset(ofIndex: Int(event.start_mark.index))
        let end = offset(ofIndex: Int(event.end_mark.index))
        let anchorName = name(event.data.alias.anchor)
        let label = anchorName >= 0 ? names[Int(anchorName)] : ""
        guard anchorName >= 0, let target = anchors[anchorName] else {
            problem(.undefinedAlias, YAMLMessage.undefinedAlias(["name": label]), ByteRange(start, end),
                    label: YAMLMessage.undefinedAliasLabel(), help: YAMLMessage.undefinedAliasHelp(["name": label]), fatal: true,
                    alternate: YAMLMessage.undefinedAlias.alternate(["name": label]))
            return false
        }
        if openNodes.contains(target) {
            let t = nodes[Int(target)]
            problem(.recursiveAlias, YAMLMessage.recursiveAlias(["name": label]), ByteRange(start, end),
                    label: YAMLMessage.recursiveAliasLabel(),
                    related: [.init(range: ByteRange(Int(t.start), Int(t.start) + 1), message: YAMLMessage.anchorIsHere(["name": label]))],
                    notes: [YAMLMessage.recursiveAliasNote()], fatal: true,
                    alternate: YAMLMessage.recursiveAlias.alternate(["name": label]))
            return false
        }
        let size = anchorSizes[target] ?? 1
        expansion = expansion &+ size < expansion ? UInt64.max : expansion &+ size
        let allowed = max(UInt64(limits.maxAliasExpansion), 10 &* UInt64(nodes.count))
        if expansion > allowed {
            problem(.expansionLimit,
                    YAMLMessage.expansionLimit(["limit": allowed]),
                    ByteRange(start, end), label: YAMLMessage.expansionLimitLabel(),
                    notes: [YAMLMessage.expansionLimitNote(["limit": limits.maxAliasExpansion])],
                    help: YAMLMessage.raiseExpansionLimit(), fatal: true,
                    alternate: YAMLMessage.expansionLimit.alternate(["limit": allowed]))
            return false
        }
        let id = Int32(nodes.count)
        append(NodeRecord(a: UInt32(bitPattern: target), b: UInt32(start), count: 0,
                          kind: NodeRecord.aliasKind, style: 0, flags: 0),
               tag: -1, anchor: anchorName)
        aliasEnds[id] = UInt32(end)
        addChild(id, size: size)
        return true
    }

    mutating func startCollection(_ event: inout yaml_event_t) -> Bool {
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let start = offset(ofIndex: Int(event.start_mark.index))
        let depth = frames.count  // frames include the document frame
        if depth > limits.maxDepth {
            problem(.nestingTooDeep, YAMLMessage.nestingTooDeep(["limit": limits.maxDepth]), ByteRange(start, min(start + 1, bytes.count)),
                    label: YAMLMessage.nestingLevel(["depth": depth]),
                    notes: [YAMLMessage.nestingTooDeepNote()],
                    help: YAMLMessage.raiseDepthLimit(), fatal: true,
                    alternate: YAMLMessage.nestingTooDeep.alternate(["limit": limits.maxDepth]))
            return false
        }
        let anchorName: Int32, tag: Int32, flow: Bool
        if isMapping {
            let m = event.data.mapping_start
            anchorName = name(m.anchor); tag = name(m.tag); flow = m.style == YAML_FLOW_MAPPING_STYLE
        } else {
            let s = event.data.sequence_start
            anchorName = name(s.anchor); tag = name(s.tag); flow = s.style == YAML_FLOW_SEQUENCE_STYLE
        }
        let id = Int32(nodes.count)
        append(NodeRecord(a: 0, b: UInt32(start), count: 0,
                          kind: isMapping ? NodeKind.mapping.rawValue : NodeKind.sequence.rawValue,
                          style: flow ? CollectionStyle.flow.rawValue : CollectionStyle.block.rawValue, flags: 0),
               tag: tag, anchor: anchorName)
        if anchorName >= 0 {
            registerAnchor(anchorName, node: id)
            openNodes.insert(id)
        }
        frames.append(Frame(node: id, isMapping: isMapping, isFlow: flow, childStart: pending.count, size: 1, anchored: anchorName >= 0))
        return true
    }

    mutating func endCollection(_ event: inout yaml_event_t) {
        guard let frame = frames.popLast(), frame.node >= 0 else { return }
        let id = frame.node
        let start = frame.childStart
        var merged: [Int32]? = nil
        if frame.isMapping {
            if hasMergeKey(pending[start...]) {
                merged = finishMapping(Array(pending[start...]))
                // Merged keys may repeat an own key's text with another type: assume so.
                nodes[Int(id)].flags |= NodeRecord.repeatedKeyText
            } else if checkDuplicates(pending[start...]) {
                nodes[Int(id)].flags |= NodeRecord.repeatedKeyText
            }
        }
        var end = Int(nodes[Int(id)].start)
        if frame.isFlow {
            end = max(end, offset(ofIndex: Int(event.end_mark.index)))
        } else {
            // The end of the last written child (merged entries lie elsewhere).
            for i in start..<pending.count { end = max(end, Int(self.end(of: pending[i]))) }
        }
        let count = merged?.count ?? pending.count - start
        // Its end, which the record has no room for, goes before its children (see `NodeRecord`).
        children.append(Int32(bitPattern: UInt32(end)))
        if count >= Int(NodeRecord.largeCount) {
            // Too many for the record's count: the count goes before the children.
            children.append(Int32(count))
        }
        let first = children.count
        if let merged {
            children.append(contentsOf: merged)
        } else {
            children.append(contentsOf: pending[start...])
        }
        pending.removeSubrange(start...)
        nodes[Int(id)].setChildren(first: first, count: count)
        if frame.isMapping && hasAliasKey(children[first...]) { nodes[Int(id)].flags |= NodeRecord.aliasKey }
        if frame.anchored {
            openNodes.remove(id)
            anchorSizes[id] = frame.size
        }
        addChild(id, size: frame.size)
    }

    // MARK: mappings: merge keys and duplicate keys

    func resolve(_ id: Int32) -> Int32 {
        let r = nodes[Int(id)]
        return r.kind == NodeRecord.aliasKind ? Int32(bitPattern: r.a) : id
    }

    /// Where the node at `id` ends (see `NodeRecord`), read from the arrays being built.
    func end(of id: Int32) -> UInt32 {
        let r = nodes[Int(id)]
        if r.isInSource { return r.b }
        return children.withUnsafeBufferPointer { c in
            values.withUnsafeBufferPointer { v in
                r.end(children: c.baseAddress ?? UnsafePointer(bitPattern: 4)!,
                      values: v.baseAddress ?? UnsafePointer(bitPattern: 1)!) { aliasEnds[id] ?? r.start }
            }
        }
    }

    /// A node's range, read from the arrays being built.
    func range(of id: Int32) -> ByteRange { ByteRange(Int(nodes[Int(id)].start), Int(end(of: id))) }

    /// A record's count (see `NodeRecord`), read from the arrays being built.
    func count(_ r: NodeRecord) -> Int {
        let small = r.smallCount
        if small != NodeRecord.largeCount { return Int(small) }
        return children.withUnsafeBufferPointer { c in
            values.withUnsafeBufferPointer { v in
                r.largeCount(children: c.baseAddress ?? UnsafePointer(bitPattern: 4)!,
                             values: v.baseAddress ?? UnsafePointer(bitPattern: 1)!)
            }
        }
    }

    func scalarBytes(_ id: Int32) -> ArraySlice<UInt8>? {
        let r = nodes[Int(resolve(id))]
        guard r.kind == NodeKind.scalar.rawValue else { return nil }
        let n = count(r)
        if r.flags & NodeRecord.inSource != 0 {
            return ArraySlice(UnsafeBufferPointer(rebasing: bytes[Int(r.a)..<Int(r.a) + n]))
        }
        return values[Int(r.a)..<Int(r.a) + n]
    }

    /// Whether a key of the mapping's children `kids` (keys and values interleaved) passes `test`.
    func anyKey(_ kids: ArraySlice<Int32>, _ test: (Int32) -> Bool) -> Bool {
        var i = kids.startIndex
        while i < kids.endIndex {
            if test(kids[i]) { return true }
            i += 2
        }
        return false
    }

    func hasAliasKey(_ kids: ArraySlice<Int32>) -> Bool { anyKey(kids) { nodes[Int($0)].kind == NodeRecord.aliasKind } }

    func hasMergeKey(_ kids: ArraySlice<Int32>) -> Bool { anyKey(kids, isMergeKey) }

    func isMergeKey(_ id: Int32) -> Bool {
        let r = nodes[Int(id)]
        guard r.kind == NodeKind.scalar.rawValue, r.style == ScalarStyle.plain.rawValue, count(r) == 2 else { return false }
        if let t = tagName(id), t != "tag:yaml.org,2002:merge" { return false }
        guard let b = scalarBytes(id) else { return false }
        return b.first == UInt8(ascii: "<") && b.last == UInt8(ascii: "<")
    }

    /// The core-schema type of a scalar key, used only when two keys have equal text.
    func keyType(_ id: Int32) -> String {
        let rid = resolve(id)
        let r = nodes[Int(rid)]
        let text = String(decoding: scalarBytes(rid) ?? [], as: UTF8.self)
        let tag = tagName(rid)
        return CoreSchema.resolve(text: text, plain: r.style == ScalarStyle.plain.rawValue, tag: tag).typeName
    }

    func keysEqual(_ a: Int32, _ b: Int32) -> Bool {
        keyTextsEqual(a, b) && keyType(a) == keyType(b)
    }

    /// Whether two scalar keys have the same text (whatever their types).
    func keyTextsEqual(_ a: Int32, _ b: Int32) -> Bool {
        let ra = nodes[Int(resolve(a))], rb = nodes[Int(resolve(b))]
        guard ra.kind == NodeKind.scalar.rawValue, rb.kind == NodeKind.scalar.rawValue, count(ra) == count(rb) else { return false }
        return withScalar(ra) { x in withScalar(rb) { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    func withScalar<R>(_ r: NodeRecord, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let n = count(r)
        if r.flags & NodeRecord.inSource != 0 {
            return body(UnsafeBufferPointer(rebasing: bytes[Int(r.a)..<Int(r.a) + n]))
        }
        return values.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(r.a)..<Int(r.a) + n])) }
    }

    mutating func reportDuplicate(first: Int32, second: Int32) {
        let f = range(of: first), s = range(of: second)
        var text = String(decoding: scalarBytes(second) ?? [], as: UTF8.self)
        if nodes[Int(resolve(second))].kind != NodeKind.scalar.rawValue {
            // A collection key: as written, shortened.
            let written = String(decoding: bytes[s.start..<min(s.end, s.start + 60)], as: UTF8.self)
            text = s.end - s.start > 60 ? written + "…" : written
        }
        problem(.duplicateKey, YAMLMessage.duplicateKey(["key": text]), s,
                label: YAMLMessage.definedAgain(),
                related: [.init(range: f, message: YAMLMessage.firstDefined())],
                notes: [YAMLMessage.duplicateKeyNote()],
                help: YAMLMessage.duplicateKeyHelp(), fatal: false,
                alternate: YAMLMessage.duplicateKey.alternate(["key": text]))
    }

    mutating func finishMapping(_ kids: [Int32]) -> [Int32] {
        var own: [Int32] = []
        own.reserveCapacity(kids.count)
        var merges: [Int32] = []
        var i = 0
        while i + 1 < kids.count {
            if isMergeKey(kids[i]) {
                merges.append(kids[i + 1])
            } else {
                own.append(kids[i]); own.append(kids[i + 1])
            }
            i += 2
        }
        _ = checkDuplicates(own[...])
        if merges.isEmpty { return own }

        var seen = Set<KeyIdentity>()
        for j in stride(from: 0, to: own.count, by: 2) { seen.insert(identity(own[j])) }
        var result = own
        for m in merges {
            let target = resolve(m)
            let r = nodes[Int(target)]
            var sources: [Int32] = []
            if r.kind == NodeKind.mapping.rawValue {
                sources = [target]
            } else if r.kind == NodeKind.sequence.rawValue {
                for c in 0..<count(r) {
                    let item = resolve(children[Int(r.a) + c])
                    if nodes[Int(item)].kind == NodeKind.mapping.rawValue {
                        sources.append(item)
                    } else {
                        problem(.invalidMerge, YAMLMessage.mergeListItem(), range(of: children[Int(r.a) + c]),
                                label: YAMLMessage.notAMapping(), fatal: false, alternate: YAMLMessage.mergeListItem.alternate())
                    }
                }
            } else {
                problem(.invalidMerge, YAMLMessage.mergeValue(),
                        range(of: m), label: YAMLMessage.notAMapping(), fatal: false,
                        alternate: YAMLMessage.mergeValue.alternate())
            }
            for src in sources {
                let sr = nodes[Int(src)]
                for j in stride(from: 0, to: count(sr), by: 2) {
                    let k = children[Int(sr.a) + j]
                    if seen.insert(identity(k)).inserted {
                        result.append(k)
                        result.append(children[Int(sr.a) + j + 1])
                    }
                }
            }
        }
        return result
    }

    struct KeyIdentity: Hashable {
        let bytes: [UInt8]
        let type: String
        let node: Int32
    }

    func identity(_ id: Int32) -> KeyIdentity {
        if let b = scalarBytes(id) { return KeyIdentity(bytes: Array(b), type: keyType(id), node: -1) }
        return KeyIdentity(bytes: [], type: "", node: resolve(id))
    }

    /// Reports keys that are equal (same text and type). Returns whether any two keys may
    /// share their text — duplicates, or `1` and `"1"` — which `YAMLNode`'s key hints
    /// must know (false positives only cost them speed).
    mutating func checkDuplicates(_ kids: ArraySlice<Int32>) -> Bool {
        let pairs = kids
        let base = kids.startIndex
        let n = pairs.count / 2
        if n < 2 { return false }
        checkCollectionKeys(kids)
        var repeated = false
        if n <= 16 {
            for x in 1..<n {
                for y in 0..<x where keyTextsEqual(pairs[base + 2 * y], pairs[base + 2 * x]) {
                    repeated = true
                    if keyType(pairs[base + 2 * y]) == keyType(pairs[base + 2 * x]) {
                        reportDuplicate(first: pairs[base + 2 * y], second: pairs[base + 2 * x])
                        break
                    }
                }
            }
            return repeated
        }
        // Large mappings: bucket keys by a hash of their text; compare within a bucket.
        var firstByHash: [Int: Int32] = [:]
        var collisions: [Int: [Int32]] = [:]
        firstByHash.reserveCapacity(n)
        for x in 0..<n {
            let k = pairs[base + 2 * x]
            guard let h = keyHash(k) else { continue }
            guard let first = firstByHash[h] else {
                firstByHash[h] = k
                continue
            }
            repeated = true
            if keysEqual(first, k) {
                reportDuplicate(first: first, second: k)
            } else if let match = collisions[h]?.first(where: { keysEqual($0, k) }) {
                reportDuplicate(first: match, second: k)
            } else {
                collisions[h, default: []].append(k)
            }
        }
        return repeated
    }

    /// Reports collection keys (`? [a]`, `? {x: 1}`) that are equal by value: equal
    /// sequences item by item, equal mappings whatever the order of their entries, scalars by
    /// text and type. Each key is put in a canonical form once, so the work is linear in the
    /// keys' sizes; the document's budget for it (`complexKeyBudget` nodes) bounds aliases
    /// that repeat a large key.
    mutating func checkCollectionKeys(_ kids: ArraySlice<Int32>) {
        var seen: [[UInt8]: Int32] = [:]
        var i = kids.startIndex
        while i + 1 < kids.endIndex {
            let k = kids[i]
            i += 2
            guard nodes[Int(resolve(k))].kind != NodeKind.scalar.rawValue,
                  let form = canonicalForm(k, budget: &complexKeyBudget) else { continue }
            if let first = seen[form] { reportDuplicate(first: first, second: k) } else { seen[form] = k }
        }
    }

    /// The canonical bytes of a node as a key (see `checkCollectionKeys`); nil when the
    /// budget runs out.
    func canonicalForm(_ id: Int32, budget: inout Int) -> [UInt8]? {
        budget -= 1
        guard budget >= 0 else { return nil }
        let rid = resolve(id)
        let r = nodes[Int(rid)]
        func framed(_ tag: UInt8, _ body: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [tag]
            withUnsafeBytes(of: UInt64(body.count).littleEndian) { out += $0 }
            return out + body
        }
        switch r.kind {
        case NodeKind.scalar.rawValue:
            return framed(1, Array(keyType(rid).utf8) + [0] + Array(scalarBytes(rid) ?? []))
        case NodeKind.sequence.rawValue:
            var body: [UInt8] = []
            for c in 0..<count(r) {
                guard let item = canonicalForm(children[Int(r.a) + c], budget: &budget) else { return nil }
                body += item
            }
            return framed(2, body)
        default:
            var entries: [[UInt8]] = []
            var c = 0
            while c + 1 < count(r) {
                guard let k = canonicalForm(children[Int(r.a) + c], budget: &budget),
                      let v = canonicalForm(children[Int(r.a) + c + 1], budget: &budget) else { return nil }
                entries.append(k + v)
                c += 2
            }
            entries.sort { $0.lexicographicallyPrecedes($1) }
            return framed(3, entries.flatMap { $0 })
        }
    }

    /// A hash of a scalar key's text, without copying it.
    func keyHash(_ id: Int32) -> Int? {
        let r = nodes[Int(resolve(id))]
        guard r.kind == NodeKind.scalar.rawValue else { return nil }
        var h = Hasher()
        withScalar(r) { h.combine(bytes: UnsafeRawBufferPointer($0)) }
        return h.finalize()
    }

    func finish() -> YAMLParseResult {
        // A stream cut short by a fatal problem: keep whatever completed as documents.
        let tree = YAMLTree(file: file, nodes: nodes, children: children, valueBytes: values, names: names,
                            properties: properties, aliasEnds: aliasEnds, documentRoots: roots)
        return YAMLParseResult(tree: tree, problems: problems, wasStopped: stopped)
    }
}
