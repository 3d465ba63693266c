@testable import SchemaValidation
import SourceText
import Testing

/// `SchemaShape.expand` follows `$ref`, `allOf`, `anyOf` and `oneOf`, each object once, in a
/// fixed order; it looks the objects seen up in its output while that is short and in a set
/// past 16. Either way it must give what the plain walk gives.
@Suite struct SchemaShapeTests {
    /// The walk as first written: a set of the objects seen, the parts of each object listed.
    static func reference(_ start: [Int], in schema: CompiledSchema) -> [Int] {
        var out: [Int] = []
        var seen = Set<Int>()
        var stack = Array(start.reversed())
        while let i = stack.popLast() {
            guard i >= 0, i < schema.nodes.count, seen.insert(i).inserted else { continue }
            let n = schema.nodes[i]
            out.append(i)
            for j in ([n.ref].compactMap { $0 } + n.allOf + n.anyOf + n.oneOf).reversed() { stack.append(j) }
        }
        return out
    }

    static func compiled(_ text: String) throws -> CompiledSchema {
        try #require(SchemaRegistry(allowedRoot: nil).compile(SourceFile(path: "s.yaml", text: text)).schema)
    }

    @Test(arguments: [3, 15, 16, 17, 40])
    func expandingGivesThePlainWalk(_ alternatives: Int) throws {
        // Every object refers back to the root and to its neighbours, so most are reached many times.
        let defs = (0..<alternatives).map { i in
            "    d\(i):\n      allOf: [{$ref: '#'}, {$ref: '#/$defs/d\((i + 1) % alternatives)'}]\n      anyOf: [{$ref: '#/$defs/d\((i + 2) % alternatives)'}, {type: string}]\n"
        }.joined()
        let refs = (0..<alternatives).map { "{$ref: '#/$defs/d\($0)'}" }.joined(separator: ", ")
        let schema = try Self.compiled("""
        $ref: '#/$defs/d0'
        anyOf: [\(refs)]
        oneOf: [{$ref: '#/$defs/d1'}, {type: object}]
        $defs:
        \(defs)
        """)
        let all = Array(schema.nodes.indices)
        let shape = SchemaShape(root: schema)
        #expect(shape.nodes == Self.reference([schema.root], in: schema))
        #expect(Set(shape.nodes).count == shape.nodes.count)
        #expect(shape.nodes.count > alternatives)
        // From every object, and from several at once with repeats and out-of-range indexes.
        for i in all { #expect(SchemaShape.expand([i], in: schema) == Self.reference([i], in: schema), "from \(i)") }
        let mixed = all.reversed() + [-1, all.count, 0, 0] + all
        #expect(SchemaShape.expand(mixed, in: schema) == Self.reference(mixed, in: schema))
    }
}
