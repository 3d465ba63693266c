import Testing
import Diagnostics
import SourceText
import YAMLTree
@testable import SchemaValidation

/// The validator reads keys, string lengths and plain integers from the reader's bytes
/// instead of making `String`s; each must answer as the `String` (or the scalar's value) does.
@Suite struct ScalarAndKeyTests {
    static func root(_ text: String) throws -> YAMLNode {
        let parsed = YAMLReader.parse(text, path: "data.yaml")
        return try #require(parsed.documents.first)
    }

    /// Mapping keys as bytes: plain, quoted, escaped, non-ASCII, canonically equivalent but
    /// different code points (NFC and NFD stay two names), empty, numeric, repeated, and a
    /// key that is a collection (no name) — in a small table (scanned) and a large one (hashed).
    @Test(arguments: [0, 20])
    func keysAnswerAsTheirNames(padding: Int) throws {
        var text = """
            plain: 1
            "quoted": 2
            "tab\\there": 3
            "\\u00e9": 4
            "e\\u0301": 5
            "": 6
            1: 7
            評価: 8
            [a, b]: 9
            plain: 10

            """
        for i in 0..<padding { text += "pad\(i): \(i)\n" }
        let node = try Self.root(text)
        let entries = node.entries
        let table = KeyTable(entries)
        var firstOf: [[UInt8]: Int] = [:]
        for (i, e) in entries.enumerated() {
            let name = JSONView.keyName(e.key)
            #expect(table.name(i) == name.map { String(decoding: Array($0.utf8), as: UTF8.self) })
            #expect((table.keys[i] == nil) == (name == nil))
            guard let name else { #expect(!table.isFirst(i)); continue }
            let bytes = Array(name.utf8)
            if firstOf[bytes] == nil { firstOf[bytes] = i }
            #expect(table.isFirst(i) == (firstOf[bytes] == i), "\(name)")
            #expect(table[name] == firstOf[bytes])
        }
        #expect(table.count == firstOf.count)
        #expect(table["é"] != table["e\u{301}"])
        #expect(table["missing"] == nil && !table.contains("missing"))
        #expect(table["tab\there"] == 2 && table["1"] == 6 && table["評価"] == 7 && table[""] == 5)
    }

    /// A schema's properties found by a key's bytes, as by its name (few properties are
    /// compared as bytes, many hashed).
    @Test(arguments: [3, 30])
    func propertiesFoundByBytes(count: Int) throws {
        var text = "properties:\n  \"é\": {type: integer}\n  \"e\\u0301\": {type: string}\n"
        for i in 0..<count { text += "  p\(i): {minimum: \(i)}\n" }
        let schema = try #require(SchemaRegistry(allowedRoot: nil).compile(SourceFile(path: "s.yaml", text: text)).schema)
        let s = schema.nodes[schema.root]
        for name in ["é", "e\u{301}", "p0", "p\(count - 1)", "p\(count)", "", "P0"] {
            var bytes = name
            let byBytes = bytes.withUTF8 { s.property(bytes: $0) }
            #expect(byBytes == s.node.property(name), "\(name)")
        }
        #expect(s.property("é") != nil && s.property("é") != s.property("e\u{301}"))
    }

    /// String lengths counted on bytes are the text's code points, up to the limit.
    @Test func lengthsAreCodePoints() throws {
        let node = try Self.root("""
            - ""
            - abc
            - 評価◎
            - "e\\u0301"
            - "\\U0001F600x"
            - 'it''s'
            - |
              two
              lines
            - >-
              folded
              text
            """)
        for item in node.items {
            let inst = Instance(node: item, key: nil, depth: 1)
            let text = try #require(inst.string)
            for limit in [0, 1, 2, 5, Int.max] {
                #expect(inst.codePoints(upTo: limit) == min(limit, text.unicodeScalars.count), "\(text) \(limit)")
            }
        }
        let key = Instance(node: node.items[2], key: nil, depth: 1, keyName: "キー")
        #expect(key.codePoints(upTo: .max) == 2)
    }

    /// Plain integers read from their bytes are the numbers their values give.
    @Test func plainIntegersAreTheirValues() throws {
        let node = try Self.root("[2014, -7, 007, +5, -0, 0, 999999999999999999, 1000000000000000000000, 1.0, 0x1F, 1e3, '12']")
        for item in node.items {
            let inst = Instance(node: item, key: nil, depth: 1)
            let byValue = item.value.flatMap(JSONNumber.init)
            guard let n = inst.number, let v = byValue else {
                #expect(inst.number == nil && byValue == nil)
                continue
            }
            #expect(JSONNumber.compare(n, v) == 0 && n.canonical == v.canonical && n.isInteger == v.isInteger, "\(item)")
        }
    }

    /// A cancelled batch stops and says so; one never cancelled gives what `validate` gives.
    @Test func aCancelledBatchStops() throws {
        let schema = try #require(SchemaRegistry(allowedRoot: nil).compile(SourceFile(path: "s.yaml", text: """
            type: array
            items: {type: object, properties: {n: {type: integer}}, additionalProperties: false}
            """)).schema)
        var text = ""
        for i in 0..<3000 { text += "- {n: \(i % 7 == 0 ? "x" : String(i)), extra\(i % 11): 1}\n" }
        let document = try Self.root(text)
        let jobs = [(document: document, schema: schema), (document: document, schema: schema)]
        let whole = ValidationBatch.run(jobs, perCode: 1_000_000)
        #expect(!whole.cancelled && !whole.diagnostics.isEmpty)
        #expect(whole.diagnostics == validate(document: document, against: schema) + validate(document: document, against: schema))
        let never = ValidationBatch.run(jobs, perCode: 1_000_000, isCancelled: { false })
        #expect(!never.cancelled && never.diagnostics == whole.diagnostics)
        let atOnce = ValidationBatch.run(jobs, perCode: 1_000_000, isCancelled: { true })
        #expect(atOnce.cancelled && atOnce.diagnostics.isEmpty)
        // Cancelled while the first document is validated: it stops there.
        let asked = Counter()
        let midway = ValidationBatch.run(jobs, perCode: 1_000_000, isCancelled: { asked.next() > 2 })
        #expect(midway.cancelled && midway.diagnostics.isEmpty)
        #expect(asked.value < 10)
    }

    final class Counter: @unchecked Sendable {
        var value = 0
        func next() -> Int { value += 1; return value }
    }
}
