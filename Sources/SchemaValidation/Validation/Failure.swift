import Diagnostics
import ExactNumbers
import SourceText
import YAMLTree

/// One way a value failed its schema, before it becomes a `Diagnostic`.
struct Failure: Sendable {
    var code: SchemaCode
    var message: String
    /// The instance node the failure is about.
    var node: YAMLNode
    /// Where to point, when narrower or other than `node.range` (a key, a mapping's head).
    var range: ByteRange?
    /// Data depth of `node` (root = 0): deeper failures mean a branch matched further.
    var depth: Int
    var primaryLabel: String?
    var labels: [Label] = []
    var notes: [String] = []
    var help: String?
    var fixes: [Fix] = []
    /// For type/const/enum mismatches at the value itself: what was expected, for merging
    /// the alternatives of `anyOf`/`oneOf` into one message.
    var expectations: [String]?
    /// For const/enum mismatches: the allowed strings (for "did you mean" across alternatives).
    var allowedStrings: [String] = []
    /// How many more failures of the same code this one stands for, counted and never shown:
    /// a flood (a million unknown keys) folds into one failure instead of a million.
    var more = 0

    init(_ code: SchemaCode, _ message: String, at node: YAMLNode, range: ByteRange? = nil, depth: Int,
         label: String? = nil, labels: [Label?] = [], notes: [String] = [], help: String? = nil, fixes: [Fix] = [],
         expectations: [String]? = nil) {
        self.code = code
        self.message = message
        self.node = node
        self.range = range
        self.depth = depth
        self.primaryLabel = label
        self.labels = labels.compactMap { $0 }
        self.notes = notes
        self.help = help
        self.fixes = fixes
        self.expectations = expectations
    }

    func diagnostic(severity: Severity) -> Diagnostic {
        Diagnostic(code, severity: severity, message: message,
                   location: .span(SourceSpan(file: node.file, range: range ?? node.range)),
                   primaryLabel: primaryLabel, labels: labels, notes: notes, help: help, fixes: fixes)
    }
}

/// Which properties and items the keywords of a schema looked at (for `unevaluated*`).
struct Evaluated: Sendable {
    var properties = NumberSet()
    var allProperties = false
    /// Items `0..<prefix` were evaluated.
    var prefix = 0
    var allItems = false
    var itemSet = NumberSet()

    mutating func merge(_ o: Evaluated) {
        if o.allProperties { allProperties = true } else if !allProperties { properties.formUnion(o.properties) }
        prefix = max(prefix, o.prefix)
        if o.allItems { allItems = true } else if !allItems { itemSet.formUnion(o.itemSet) }
    }

    func hasProperty(_ i: Int) -> Bool { allProperties || properties.contains(i) }
    func hasItem(_ i: Int) -> Bool { allItems || i < prefix || itemSet.contains(i) }
}

/// A set of entry or item numbers (≥ 0): the first 64 as bits, the rest in a `Set`.
///
/// Every mapping of a plan validated against a schema that uses `unevaluatedProperties`
/// records which of its keys were evaluated, and every in-place applicator merges those
/// records: as `Set<Int>`s (hashing each number, allocating each set) that bookkeeping cost
/// more than a quarter of validating the 10k plan. Mappings rarely have 64 keys.
struct NumberSet: Sendable, Equatable {
    private var low: UInt64 = 0
    private var high: Set<Int>?

    init() {}

    mutating func insert(_ i: Int) {
        if i < 64 { low |= 1 << UInt64(i) } else { insertHigh(i) }
    }
    private mutating func insertHigh(_ i: Int) {
        if high == nil { high = [i] } else { high!.insert(i) }
    }
    mutating func formUnion(_ o: NumberSet) {
        low |= o.low
        if let h = o.high { if high == nil { high = h } else { high!.formUnion(h) } }
    }
    mutating func formUnion(_ numbers: [Int]) { for i in numbers { insert(i) } }
    func contains(_ i: Int) -> Bool { i < 64 ? low & (1 << UInt64(i)) != 0 : high?.contains(i) == true }
}

/// The result of applying one schema to one value.
struct Outcome: Sendable {
    var failures: [Failure] = []
    var evaluated = Evaluated()
    var valid: Bool { failures.isEmpty }
}

/// A value being validated: the node, the key it sits under (if any) and its depth. The
/// scalar value and JSON type are computed once, here.
struct Instance: Sendable {
    let node: YAMLNode
    let key: YAMLNode?
    let depth: Int
    /// Set when a mapping key is validated as a string (`propertyNames`).
    let keyName: String?
    let type: JSONType
    /// The core-schema value (nil for collections), made when asked for: most values are
    /// checked by their type alone.
    var value: ScalarValue? { keyName.map { ScalarValue.string($0) } ?? node.value }

    init(node: YAMLNode, key: YAMLNode?, depth: Int, keyName: String? = nil) {
        self.node = node
        self.key = key
        self.depth = depth
        self.keyName = keyName
        if keyName != nil {
            type = .string
        } else {
            switch node.kind {
            case .mapping: type = .object
            case .sequence: type = .array
            case .scalar: type = JSONView.type(ofScalar: node)
            }
        }
    }

    var string: String? {
        if case .string(let s)? = value { return s }
        return nil
    }
    var number: JSONNumber? {
        // A plain integer (a fiscal year, a count) is read from its bytes, without a `String`.
        if keyName == nil, let v = node.plainInteger { return .exact(ExactDecimal(Int(v))) }
        return value.flatMap(JSONNumber.init)
    }
    /// The number of code points of a string instance, counted on its UTF-8 bytes (the
    /// reader's decoded text, valid UTF-8) only as far as `limit`.
    func codePoints(upTo limit: Int) -> Int {
        if let keyName { return Messages.scalarCount(keyName, upTo: limit) }
        guard let bytes = node.unsafeScalarBytes else { return 0 }
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 {  // the first byte of a code point
            if n >= limit { break }
            n += 1
        }
        return n
    }
    func describe() -> String { keyName.map(JSONView.describe(string:)) ?? JSONView.describe(node) }
    func render() -> String { keyName.map { JSONView.quoted($0) } ?? JSONView.render(node) }
    var canonical: ExactString {
        if let keyName { return ExactString("s" + String(keyName.utf8.count) + ":" + keyName) }
        return CanonicalJSON.key(node)
    }

    /// Where to point for a finding about the whole collection: its key in the parent if it
    /// has one, else its first entry or item (a block collection can span many lines).
    var headRange: ByteRange {
        if let key { return key.range }
        let n = node
        if n.isMapping, let first = n.entries.first {
            let end = first.value.isScalar && first.value.range.end > first.key.range.end ? first.value.range.end : first.key.range.end
            return ByteRange(first.key.range.start, end)
        }
        if n.isSequence, n.collectionStyle == .block, let first = n.items.first, first.isScalar {
            return ByteRange(n.range.start, first.range.end)
        }
        return n.range
    }
}
