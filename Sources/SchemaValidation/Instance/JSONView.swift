import Diagnostics
import SourceText
import YAMLTree

/// The JSON types of JSON Schema's `type` keyword.
enum JSONType: String, Sendable, CaseIterable {
    case null, boolean, object, array, number, string, integer

    /// Bit for a set of types.
    var bit: UInt8 {
        switch self {
        case .null: 1
        case .boolean: 2
        case .object: 4
        case .array: 8
        case .number: 16
        case .string: 32
        case .integer: 64
        }
    }
}

/// A set of `JSONType`s (the value of `type`).
struct JSONTypeSet: Sendable, Equatable {
    var bits: UInt8
    static let empty = JSONTypeSet(bits: 0)
    init(bits: UInt8) { self.bits = bits }
    init(_ types: [JSONType]) { bits = types.reduce(0) { $0 | $1.bit } }
    func contains(_ t: JSONType) -> Bool { bits & t.bit != 0 }
    var types: [JSONType] { JSONType.allCases.filter(contains) }
}

/// How planlint reads a YAML node as a JSON value.
///
/// Scalars follow the YAML 1.2 core schema: `null`/`~`/empty → null, `true`/`false` → boolean,
/// integer and float literals → number (`1.0` is an integer by value), everything else and
/// every quoted scalar → string. Mappings are objects and sequences arrays. A mapping key
/// that is a scalar of any type is the property named by its text as written (`1:` is the
/// property `"1"`, as YAML-to-JSON converters and the YAML language server do); a key that is
/// itself a mapping or sequence cannot be a JSON property name and is reported
/// (`schema/non-string-key`).
enum JSONView {
    /// The scalar's value or nil for collections.
    static func scalar(_ node: YAMLNode) -> ScalarValue? { node.value }

    /// The most specific JSON type of `node` (`integer` for whole numbers).
    static func type(of node: YAMLNode) -> JSONType {
        switch node.kind {
        case .mapping: return .object
        case .sequence: return .array
        case .scalar: return type(of: node.value!)
        }
    }

    /// The JSON type of a scalar, read from its core-schema type without making its value
    /// (except for a float, which may be an integer by value: `1.0`).
    static func type(ofScalar node: YAMLNode) -> JSONType {
        switch node.scalarType! {
        case .null: return .null
        case .bool: return .boolean
        case .string: return .string
        case .int: return .integer
        case .float, .infinity, .nan: return type(of: node.value!)
        }
    }

    static func type(of value: ScalarValue) -> JSONType {
        switch value {
        case .null: return .null
        case .bool: return .boolean
        case .string: return .string
        case .int: return .integer
        case .float, .infinity, .nan:
            if let n = JSONNumber(value), n.isInteger { return .integer }
            return .number
        }
    }

    /// Whether `node` is an instance of `t` (an integer is also a number).
    static func matches(_ node: YAMLNode, _ actual: JSONType, _ t: JSONType) -> Bool {
        actual == t || (t == .number && actual == .integer)
    }

    static func number(_ node: YAMLNode) -> JSONNumber? {
        guard let v = node.value else { return nil }
        return JSONNumber(v)
    }

    /// The property name of a mapping key (nil for a collection used as a key).
    static func keyName(_ key: YAMLNode) -> String? { key.isScalar ? key.scalarText : nil }

    /// The text of a string instance.
    static func string(_ node: YAMLNode) -> String? {
        if case .string(let s) = node.value { return s }
        return nil
    }

    /// A short description of a value for messages: `string "7,199"`, `integer 42`,
    /// `object`, `array of 3 items`, `null`.
    static func describe(_ node: YAMLNode) -> String {
        switch node.kind {
        case .mapping: return node.count == 0 ? SchemaPhrase.emptyObject() : SchemaPhrase.anObject()
        case .sequence:
            if node.count == 0 { return SchemaPhrase.emptyArray() }
            return node.count == 1 ? SchemaPhrase.arrayOfItem(["count": 1]) : SchemaPhrase.arrayOfItems(["count": node.count])
        case .scalar:
            switch node.value! {
            case .null: return SchemaPhrase.null()
            case .bool(let b): return SchemaPhrase.booleanValue(["value": b])
            case .string(let s): return describe(string: s)
            case .int(let t): return SchemaPhrase.integerValue(["value": t])
            case .float(let t): return SchemaPhrase.numberValue(["value": t])
            case .infinity(let n):
                let infinity = n ? "-.inf" : ".inf"
                return SchemaPhrase.numberValue(["value": infinity])
            case .nan: return SchemaPhrase.numberValue(["value": ".nan"])
            }
        }
    }

    /// `string "7,199"`.
    static func describe(string s: String) -> String { SchemaPhrase.stringValue(["value": quoted(s)]) }

    /// The name of a JSON type in messages: `integer`.
    static func name(_ type: JSONType) -> String {
        switch type {
        case .null: SchemaPhrase.null()
        case .boolean: SchemaPhrase.boolean()
        case .object: SchemaPhrase.object()
        case .array: SchemaPhrase.array()
        case .number: SchemaPhrase.number()
        case .string: SchemaPhrase.string()
        case .integer: SchemaPhrase.integer()
        }
    }

    /// `"text"` with control characters escaped and long text shortened.
    static func quoted(_ s: String, limit: Int = 40) -> String {
        "\"" + Escaping.escaped(s, limit: limit) { u in
            Escaping.json[u] ?? (Escaping.isControl(u) ? Escaping.unicodeEscape(u, uppercase: true) : nil)
        } + "\""
    }

    /// A JSON-like rendering of a value for messages (`"○"`, `1`, `null`, `{…}`), shortened.
    static func render(_ node: YAMLNode) -> String {
        switch node.kind {
        case .mapping: return node.count == 0 ? "{}" : "{…}"
        case .sequence: return node.count == 0 ? "[]" : "[…]"
        case .scalar:
            switch node.value! {
            case .string(let s): return quoted(s)
            case .null: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .int(let t), .float(let t): return t
            case .infinity(let n): return n ? "-.inf" : ".inf"
            case .nan: return ".nan"
            }
        }
    }
}

/// A string compared the way JSON compares strings: by code points (UTF-8 bytes), not by
/// Swift's canonical equivalence — `"が"` and `"か\u{3099}"` are different property names and
/// different enum values. Also much faster to hash than `String` for non-ASCII text.
struct ExactString: Hashable, Sendable, CustomStringConvertible {
    let string: String
    init(_ string: String) { self.string = string }
    static func == (a: ExactString, b: ExactString) -> Bool {
        var x = a.string, y = b.string
        return x.withUTF8 { p in y.withUTF8 { q in Bytes.equal(p, q) } }
    }
    func hash(into h: inout Hasher) {
        var s = string
        s.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
    var description: String { string }
}

/// JSON equality as a canonical text: two values are equal (numbers by value, objects
/// without regard to key order) exactly when their canonical texts are equal. Built
/// without recursion, so nesting depth cannot exhaust the stack.
enum CanonicalJSON {
    /// The canonical text as an `ExactString`, for sets and comparisons.
    static func key(_ root: YAMLNode) -> ExactString { ExactString(text(root)) }

    static func text(_ root: YAMLNode) -> String {
        var out = ""
        enum Work { case node(YAMLNode), literal(String) }
        var stack: [Work] = [.node(root)]
        while let w = stack.popLast() {
            switch w {
            case .literal(let s): out += s
            case .node(let node):
                switch node.kind {
                case .scalar:
                    switch node.value! {
                    case .null: out += "n"
                    case .bool(let b): out += b ? "t" : "f"
                    case .string(let s): out += "s" + String(s.utf8.count) + ":" + s
                    case .int, .float, .infinity, .nan:
                        if let num = JSONNumber(node.value!) {
                            out += "#" + num.canonical + ";"
                        } else {
                            out += "#?" + node.value!.description + ";"
                        }
                    }
                case .sequence:
                    out += "["
                    stack.append(.literal("]"))
                    for item in node.items.reversed() {
                        stack.append(.literal(","))
                        stack.append(.node(item))
                    }
                case .mapping:
                    out += "{"
                    stack.append(.literal("}"))
                    // Keys sorted by their text; later duplicates (already reported by the reader) dropped.
                    var seen = Set<ExactString>()
                    var pairs: [(String, YAMLNode)] = []
                    for (k, v) in node.entries {
                        let name = JSONView.keyName(k) ?? ("\u{0}complex" + String(k.index))
                        if seen.insert(ExactString(name)).inserted { pairs.append((name, v)) }
                    }
                    pairs.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
                    for (name, v) in pairs.reversed() {
                        stack.append(.literal(","))
                        stack.append(.node(v))
                        stack.append(.literal(String(name.utf8.count) + ":" + name + "="))
                    }
                }
            }
        }
        return out
    }
}

