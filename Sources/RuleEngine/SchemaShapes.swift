import RuleLanguage
import SchemaValidation

/// A schema's view of a place of the documents, as the rule language's checker reads it
/// (`ValueShape`): rules are checked against the schema of the documents they check when
/// they load (Docs/rules.md, "Checking rules against the schema").
struct SchemaValueShape: ValueShape {
    let shape: SchemaShape

    func member(_ key: String) -> ShapeMember {
        switch shape.member(key) {
        case .shape(let s): return .shape(SchemaValueShape(shape: s))
        case .unknown: return .unknown
        case .absent(let declared): return .absent(declared: declared)
        }
    }

    /// What `[*]` selects here: the items of a list, or the values of a mapping.
    var element: (any ValueShape)? { (shape.element ?? shape.values).map { SchemaValueShape(shape: $0) } }

    var valueType: ValueType {
        switch shape.jsonType {
        case "object"?: .map
        case "array"?: .list
        case "string"?: .string
        case "number"?: .number
        case "boolean"?: .bool
        default: .dyn
        }
    }

    var name: String { shape.name }

    func sameSchema(as other: SchemaValueShape) -> Bool { shape.sameSchema(as: other.shape) }
}

extension SelectorPath {
    /// A key step of the path the schema does not allow.
    struct SchemaProblem {
        let stepIndex: Int
        let key: String
        let declared: [String]
        let shapeName: String
    }

    /// The shape of what each step selects, walking the schema from the document's root
    /// (nil from the first step the schema cannot tell), and the key steps it does not allow
    /// (an optional `key?` step is not one). A recursive step keeps its shape only when every
    /// level has the same schema.
    func shapes(from root: any ValueShape) -> (steps: [(any ValueShape)?], problems: [SchemaProblem]) {
        var current: (any ValueShape)? = root
        var out: [(any ValueShape)?] = []
        var problems: [SchemaProblem] = []
        for (i, step) in steps.enumerated() {
            guard let c = current else { out.append(nil); continue }
            switch step.kind {
            case .key(let name):
                switch c.member(name) {
                case .shape(let s): current = s
                case .unknown: current = nil
                case .absent(let declared):
                    if !step.isOptional { problems.append(SchemaProblem(stepIndex: i, key: name, declared: declared, shapeName: c.name)) }
                    current = nil
                }
            case .index, .wildcard, .filter:
                current = c.element
            case .recursive(let name):
                switch c.member(name) {
                case .shape(let list):
                    let item = list.element
                    // Deeper levels are the items' own `name`: the same schema, or unknown.
                    if let first = item as? SchemaValueShape, case .shape(let deeper) = first.member(name),
                       let next = deeper.element as? SchemaValueShape, next.sameSchema(as: first) {
                        current = first
                    } else if let first = item as? SchemaValueShape, case .absent = first.member(name) {
                        current = first  // the first level has no deeper one
                    } else {
                        current = nil
                    }
                case .unknown: current = nil
                case .absent(let declared):
                    if !step.isOptional { problems.append(SchemaProblem(stepIndex: i, key: name, declared: declared, shapeName: c.name)) }
                    current = nil
                }
            }
            out.append(current)
        }
        return (out, problems)
    }
}
