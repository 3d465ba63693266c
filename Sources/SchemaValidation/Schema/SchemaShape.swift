/// What a schema says about the values at one place of a document, for checking rules
/// against it when they load (Docs/rules.md, "Checking rules against the schema"): the keys
/// a mapping there may have, the schema of its items, its JSON type.
///
/// Conservative: a key is *absent* only when every alternative the schema allows there
/// (through `$ref`, `allOf`, `anyOf`, `oneOf`) is closed — `additionalProperties: false` or
/// `unevaluatedProperties: false`, no `patternProperties` — and none names it; whenever the
/// schema cannot tell, the answer is *unknown*, never an error.
package struct SchemaShape: Sendable {
    let schema: CompiledSchema
    /// The schema objects that together describe the value (alternatives and `allOf` parts).
    let nodes: [Int]

    /// The shape of a document's root.
    package init(root schema: CompiledSchema) {
        self.schema = schema
        self.nodes = SchemaShape.expand([schema.root], in: schema)
    }

    init(_ schema: CompiledSchema, _ nodes: [Int]) {
        self.schema = schema
        self.nodes = SchemaShape.expand(nodes, in: schema)
    }

    /// `$ref`, `allOf`, `anyOf` and `oneOf` followed (each object once).
    /// (Rules ask the shapes of their paths' steps and fields as they load, hundreds of times:
    /// the objects seen are looked up in `out` itself while it is short, and the parts pushed
    /// without building a list of them.)
    static func expand(_ start: [Int], in schema: CompiledSchema) -> [Int] {
        var out: [Int] = []
        var seen = Set<Int>()   // once `out` holds 16
        var stack = Array(start.reversed())
        while let i = stack.popLast() {
            guard i >= 0, i < schema.nodes.count else { continue }
            if out.count < 16 {
                guard !out.contains(i) else { continue }
            } else {
                if seen.isEmpty { seen = Set(out) }
                guard seen.insert(i).inserted else { continue }
            }
            let n = schema.nodes[i]
            out.append(i)
            // Taken in the order `$ref`, `allOf`, `anyOf`, `oneOf`, each list in order.
            stack.append(contentsOf: n.oneOf.reversed())
            stack.append(contentsOf: n.anyOf.reversed())
            stack.append(contentsOf: n.allOf.reversed())
            if let r = n.ref { stack.append(r) }
        }
        return out
    }

    /// What the schema says about key `key` of a mapping here.
    package enum Member: Sendable {
        case shape(SchemaShape)
        /// The schema allows the key but says nothing more, or cannot tell.
        case unknown
        /// No alternative allows the key: the keys that are declared here.
        case absent(declared: [String])
    }

    package func member(_ key: String) -> Member {
        var found: [Int] = []
        var open = false
        var declared: [String] = []
        for i in nodes {
            let n = schema.nodes[i]
            if n.boolean == false { continue }
            if let p = n.property(key) { found.append(p); continue }
            if !n.patternProperties.isEmpty { open = true; continue }
            if let a = n.additionalProperties {
                if schema.nodes[a].boolean == false { declared += n.propertyOrder } else { found.append(a) }
                continue
            }
            if let u = n.unevaluatedProperties, schema.nodes[u].boolean == false {
                declared += n.propertyOrder
                continue
            }
            // An object that only combines others (`$ref`, `allOf`…): its parts are in `nodes`.
            if SchemaShape.isStructural(n) && n.properties.isEmpty { continue }
            // Anything else allows other keys.
            open = true
        }
        if !found.isEmpty { return .shape(SchemaShape(schema, found)) }
        if open || nodes.isEmpty { return .unknown }
        var unique: [String] = []
        for d in declared where !unique.contains(d) { unique.append(d) }
        return .absent(declared: unique)
    }

    /// The schema of the items of a list here (nil: the schema does not say).
    package var element: SchemaShape? {
        let items = nodes.compactMap { schema.nodes[$0].items }
        return items.isEmpty ? nil : SchemaShape(schema, items)
    }

    /// The schema of every value of a mapping here (`additionalProperties`), when it has one.
    package var values: SchemaShape? {
        let v = nodes.compactMap { schema.nodes[$0].additionalProperties }.filter { schema.nodes[$0].boolean != false }
        return v.isEmpty ? nil : SchemaShape(schema, v)
    }

    /// The one kind of value the schema allows here, when every alternative that states a
    /// `type` states the same one: `object`, `array`, `string`, `number` (also for
    /// `integer`), `boolean` or `null`. Nil when it allows several or says nothing.
    package var jsonType: String? {
        var kinds = Set<String>()
        for i in nodes {
            guard let t = schema.nodes[i].types else { continue }
            for x in t.types { kinds.insert(x == .integer ? "number" : x.rawValue) }
        }
        // An alternative without a type allows anything (unless another part of an allOf
        // constrains it, which this does not try to tell apart).
        if nodes.contains(where: { schema.nodes[$0].types == nil && schema.nodes[$0].boolean == nil && !SchemaShape.isStructural(schema.nodes[$0]) }) {
            return nil
        }
        return kinds.count == 1 ? kinds.first : nil
    }

    /// Objects that only combine others (`$ref`, `allOf`, …) say nothing of their own type.
    static func isStructural(_ n: SchemaNodeRef) -> Bool {
        n.ref != nil || !n.allOf.isEmpty || !n.anyOf.isEmpty || !n.oneOf.isEmpty
    }

    /// The values `const` or `enum` allow here, as text (for a `format:` key), if it says.
    package var allowedTexts: [String]? {
        for i in nodes {
            let n = schema.nodes[i]
            if let c = n.constValue, let t = c.scalarText { return [t] }
            if let e = n.enumValues { return e.compactMap(\.scalarText) }
        }
        return nil
    }

    /// What to call a value here in messages: the schema's title, or its place in the
    /// schema file (`#/$defs/project`).
    package var name: String {
        for i in nodes {
            if let t = schema.nodes[i].title { return t }
        }
        // The place of the first object that says something itself (not `{$ref: …}`).
        let described = nodes.first { i in
            let n = schema.nodes[i]
            return !(SchemaShape.isStructural(n) && n.properties.isEmpty && n.types == nil && n.items == nil)
        } ?? nodes.first
        let pointer = described.map { schema.nodes[$0].pointer } ?? "#"
        return pointer == "#" || pointer.hasSuffix("#") ? SchemaPhrase.theDocument() : pointer
    }

    /// Whether two shapes describe the values with the same schema objects.
    package func sameSchema(as other: SchemaShape) -> Bool {
        // Compared without the objects that only point elsewhere (`{$ref: …}` written at each use).
        func own(_ shape: SchemaShape) -> Set<Int> {
            Set(shape.nodes.filter { i in
                let n = shape.schema.nodes[i]
                return !(SchemaShape.isStructural(n) && n.properties.isEmpty && n.types == nil && n.items == nil)
            })
        }
        return schema === other.schema && own(self) == own(other)
    }

    /// The keys the schema declares here (for suggestions).
    package var declaredKeys: [String] {
        var out: [String] = []
        for i in nodes { for k in schema.nodes[i].propertyOrder where !out.contains(k) { out.append(k) } }
        return out
    }
}
