import Diagnostics
import LinearRegex
import SourceText
import YAMLTree

/// One compiled schema object (or boolean schema). Subschemas are indices into the graph's
/// `nodes`, so `$ref` cycles are plain integers, not reference cycles.
struct SchemaNode: Sendable {
    /// The schema as written (a mapping, or the `true`/`false` scalar).
    var source: YAMLNode
    /// Where it is, for messages: `#/$defs/count` (rendered when asked).
    var pointer: String { pointers?.render(pointerIndex) ?? "#" }
    /// Its pointer in `pointers` (-1: `#`).
    var pointerIndex: Int32
    /// The compiled schema's pointers (set when compiling ends).
    var pointers: SchemaPointers?
    /// `true`/`false` schemas.
    var boolean: Bool?
    var title: String?
    var description: String?
    /// Key nodes of the keywords present, for labels pointing into the schema file.
    var keywordKeys: [String: YAMLNode] = [:]

    var types: JSONTypeSet?
    var enumValues: [YAMLNode]?
    var enumCanonical: Set<ExactString> = []
    var constValue: YAMLNode?
    var constCanonical: ExactString?

    var multipleOf: JSONNumber?
    var minimum: JSONNumber?
    var maximum: JSONNumber?
    var exclusiveMinimum: JSONNumber?
    var exclusiveMaximum: JSONNumber?

    var minLength: Int?
    var maxLength: Int?
    var pattern: LinearPattern?
    var format: String?

    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false
    var prefixItems: [Int] = []
    var items: Int?
    var contains: Int?
    var minContains: Int?
    var maxContains: Int?
    var unevaluatedItems: Int?

    var minProperties: Int?
    var maxProperties: Int?
    /// Required names with the node that names each in the schema (for labels).
    var required: [(name: String, node: YAMLNode)] = []
    /// Property schemas by name (names compared by code points, as JSON does).
    var properties: [ExactString: Int] = [:]
    /// Property names in schema order (for suggestions and notes).
    var propertyOrder: [String] = []
    var patternProperties: [(regex: LinearPattern, schema: Int, key: YAMLNode)] = []
    var additionalProperties: Int?
    var propertyNames: Int?
    var dependentRequired: [(name: String, requires: [(name: String, node: YAMLNode)])] = []
    var dependentSchemas: [(name: String, schema: Int)] = []
    var unevaluatedProperties: Int?

    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?
    var ref: Int?

    /// VS Code's `errorMessage` / `patternErrorMessage` extensions.
    var errorMessage: String?
    var patternErrorMessage: String?
    var deprecated = false

    /// The schema for property `name`, if `properties` declares it.
    func property(_ name: String) -> Int? { properties[ExactString(name)] }

    init(source: YAMLNode, pointer: Int32) { (self.source, self.pointerIndex) = (source, pointer) }

    /// A label pointing at `keyword` in the schema file.
    func label(_ keyword: String, _ message: String) -> Label? {
        guard let k = keywordKeys[keyword] else { return nil }
        return Label(span: k.span, message: message)
    }

    /// A label at the whole `keyword: value` entry (key through value).
    func entryLabel(_ keyword: String, _ message: String) -> Label? {
        guard let k = keywordKeys[keyword], let v = source.entry(keyword)?.value else { return nil }
        return Label(span: SourceSpan(file: k.file, range: ByteRange(k.range.start, max(k.range.end, v.range.end))), message: message)
    }
}

/// A shared, immutable handle on a `SchemaNode`, so the validator reads keywords through a
/// pointer instead of copying the whole node onto the stack at every step.
@dynamicMemberLookup
final class SchemaNodeRef: Sendable {
    let node: SchemaNode
    /// `properties` as a list of UTF-8 names when there are few: a key's bytes are compared
    /// with them, which costs less than hashing it (or making it a `String`).
    let propertyList: [(name: [UInt8], schema: Int)]?
    init(_ node: SchemaNode) {
        self.node = node
        propertyList = node.properties.count <= 16 ? node.properties.map { (name: Array($0.key.string.utf8), schema: $0.value) } : nil
    }
    subscript<T>(dynamicMember path: KeyPath<SchemaNode, T>) -> T { node[keyPath: path] }
    func property(_ name: String) -> Int? {
        var name = name
        return name.withUTF8 { property(bytes: $0) }
    }
    /// The schema of the property whose name has these UTF-8 bytes.
    func property(bytes name: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let propertyList else { return node.property(String(decoding: name, as: UTF8.self)) }
        for p in propertyList where p.name.count == name.count {
            if p.name.withUnsafeBufferPointer({ Bytes.equal($0, name) }) { return p.schema }
        }
        return nil
    }
    func label(_ keyword: String, _ message: String) -> Label? { node.label(keyword, message) }
    func entryLabel(_ keyword: String, _ message: String) -> Label? { node.entryLabel(keyword, message) }
}

/// The JSON pointers of a compiled schema's objects, as a tree of tokens: each is its
/// parent's (-1: the document, `#`) plus one token. Rendered only when a message shows one:
/// rendering the pointer of every schema position at load cost the Miyagi check 15 M
/// instructions of the schema's 36 M.
final class SchemaPointers: Sendable {
    let parts: [(parent: Int32, token: String)]
    init(_ parts: [(parent: Int32, token: String)]) { self.parts = parts }

    /// `#/$defs/count`. Parents come before their children, so the walk ends.
    func render(_ index: Int32) -> String {
        var tokens: [String] = []
        var k = index
        while k >= 0, Int(k) < parts.count {
            tokens.append(parts[Int(k)].token)
            k = parts[Int(k)].parent
        }
        return "#" + JSONPointer.render(tokens.reversed())
    }
}

/// A compiled schema: the graph of schema objects reachable from a root, across every
/// document its `$ref`s reach, plus the problems found in those documents.
///
/// Immutable and `Sendable`: one compiled schema validates any number of documents on any
/// number of threads.
package final class CompiledSchema: Sendable {
    let nodes: [SchemaNodeRef]
    let root: Int
    /// Whether any schema in the graph uses `unevaluatedProperties`/`unevaluatedItems`
    /// (only then are evaluated properties and items tracked).
    let tracksEvaluation: Bool
    /// For each schema: when it and the `$ref`s it follows apply no other in-place
    /// applicator (`allOf`, `anyOf`, `oneOf`, `not`, `if`, `dependentSchemas`), the length of
    /// that chain of `$ref`s (itself included); else -1. Checking a scalar against such a
    /// schema costs the chain and cannot branch, so the validator does not memoise it.
    let scalarChains: [Int]
    /// Problems in the schema files themselves (YAML errors, invalid keywords, unresolved
    /// `$ref`s, unsupported keywords), positioned in those files.
    package let diagnostics: [Diagnostic]
    /// The root schema document.
    package let file: SourceFile
    /// The title of the root schema, if any.
    package var title: String? { nodes[root].title }

    init(nodes: [SchemaNode], root: Int, diagnostics: [Diagnostic], file: SourceFile) {
        self.nodes = nodes.map(SchemaNodeRef.init)
        self.root = root
        self.diagnostics = diagnostics
        self.file = file
        tracksEvaluation = nodes.contains { $0.unevaluatedItems != nil || $0.unevaluatedProperties != nil }
        scalarChains = Self.scalarChains(nodes)
    }

    /// Whether the schema files had errors (not just warnings). Validation still runs, but
    /// the parts that were in error are not checked.
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    static func scalarChains(_ nodes: [SchemaNode]) -> [Int] {
        let unknown = -2, onPath = -3
        var chains = [Int](repeating: unknown, count: nodes.count)
        var path: [Int] = []
        for start in nodes.indices where chains[start] == unknown {
            var id = start
            var length: Int
            while true {
                if chains[id] == onPath { length = -1; break }   // a cycle of `$ref`s
                if chains[id] != unknown { length = chains[id]; break }
                let n = nodes[id]
                if !n.allOf.isEmpty || !n.anyOf.isEmpty || !n.oneOf.isEmpty || n.not != nil || n.ifSchema != nil
                    || n.thenSchema != nil || n.elseSchema != nil || !n.dependentSchemas.isEmpty {
                    chains[id] = -1
                    length = -1
                    break
                }
                chains[id] = onPath
                path.append(id)
                guard let r = n.ref else { length = 0; break }
                id = r
            }
            while let p = path.popLast() {
                if length >= 0 { length += 1 }
                chains[p] = length
            }
        }
        return chains
    }

    /// Number of schema objects compiled (for tests and statistics).
    package var schemaCount: Int { nodes.count }
}
