import Diagnostics
import LinearRegex
import SourceText
import YAMLTree

/// One compiled schema object (or boolean schema). Subschemas are indices into the graph's
/// `nodes`, so `$ref` cycles are plain integers, not reference cycles.
struct SchemaNode: Sendable {
    /// The schema as written (a mapping, or the `true`/`false` scalar).
    var source: YAMLNode
    /// Where it is, for messages: `#/$defs/count` plus the document's display path.
    var pointer: String
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

    init(source: YAMLNode, pointer: String) { (self.source, self.pointer) = (source, pointer) }

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
    init(_ node: SchemaNode) { self.node = node }
    subscript<T>(dynamicMember path: KeyPath<SchemaNode, T>) -> T { node[keyPath: path] }
    func property(_ name: String) -> Int? { node.property(name) }
    func label(_ keyword: String, _ message: String) -> Label? { node.label(keyword, message) }
    func entryLabel(_ keyword: String, _ message: String) -> Label? { node.entryLabel(keyword, message) }
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
    }

    /// Whether the schema files had errors (not just warnings). Validation still runs, but
    /// the parts that were in error are not checked.
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Number of schema objects compiled (for tests and statistics).
    package var schemaCount: Int { nodes.count }
}
