import Testing
import YAMLTree

/// A node record keeps its count (a scalar's length, a collection's children) in 13 bits;
/// larger counts are stored beside the node's data. These read them back.
@Suite struct LargeNodeTests {
    /// One more than the record's count field holds (2^13 − 1 is its "large" marker).
    static let large = 1 << 13

    @Test func aLongPlainScalarInTheSourceKeepsItsLength() {
        let text = String(repeating: "x", count: Self.large + 3)
        let result = YAMLReader.parse("key: \(text)\nnext: 1\n")
        #expect(result.isComplete)
        let root = result.documents[0]
        #expect(root["key"]?.scalarText?.utf8.count == Self.large + 3)
        #expect(root["key"]?.unsafeScalarBytes?.count == Self.large + 3)
        #expect(root["next"]?.plainInteger == 1)
        #expect(root.count == 2)
    }

    @Test func aLongDecodedScalarKeepsItsLength() {
        // Escapes: the value differs from the text, so it is kept in the value buffer.
        let body = String(repeating: "ab\\n", count: Self.large / 2)
        let result = YAMLReader.parse("a: \"x\\ty\"\nkey: \"\(body)\"\nz: \"q\\tr\"\n")
        #expect(result.isComplete)
        let root = result.documents[0]
        let value = root["key"]?.scalarText
        #expect(value?.utf8.count == 3 * (Self.large / 2))
        #expect(value?.hasPrefix("ab\nab\n") == true)
        #expect(value?.hasSuffix("ab\n") == true)
        // The scalars around it keep theirs.
        #expect(root["a"]?.scalarText == "x\ty")
        #expect(root["z"]?.scalarText == "q\tr")
    }

    @Test func aSequenceOfMoreThan8192ItemsKeepsItsCount() {
        var text = "before: [1]\nitems: ["
        text.reserveCapacity(2 * Self.large + 64)
        for i in 0..<(Self.large + 5) { text += i % 10 == 0 ? "7," : "1," }
        text += "2]\nafter: {k: v}\n"
        let result = YAMLReader.parse(text)
        #expect(result.isComplete)
        let root = result.documents[0]
        guard let items = root["items"] else { Issue.record("no items"); return }
        #expect(items.count == Self.large + 6)
        #expect(items[0]?.plainInteger == 7)
        #expect(items[Self.large + 5]?.plainInteger == 2)
        #expect(items[Self.large + 6] == nil)
        #expect(items.items.count == Self.large + 6)
        #expect(root["before"]?.count == 1)
        #expect(root["after"]?["k"]?.scalarText == "v")
    }

    @Test func aMappingOfMoreThan4096EntriesKeepsItsCount() {
        // 2 × entries children: past the field's limit.
        let entries = Self.large / 2 + 2
        var text = ""
        text.reserveCapacity(12 * entries)
        for i in 0..<entries { text += "k\(i): \(i)\n" }
        let result = YAMLReader.parse(text)
        #expect(result.isComplete)
        let root = result.documents[0]
        #expect(root.count == entries)
        #expect(root["k0"]?.plainInteger == 0)
        #expect(root["k\(entries - 1)"]?.plainInteger == Int64(entries - 1))
        #expect(root.entry(at: entries - 1)?.key.scalarText == "k\(entries - 1)")
    }

    /// A record keeps no end of its own unless its value is its text (NodeRecord): the end of
    /// a decoded scalar, a collection or an alias is stored beside its data, before the stored
    /// count when the count is large. Every range here is checked against the text written.
    @Test func largeAndSmallNodesKeepTheirExactRanges() {
        let plain = String(repeating: "x", count: Self.large + 3)
        let escaped = String(repeating: "ab\\n", count: Self.large / 2)
        var flow = "["
        for _ in 0..<(Self.large + 5) { flow += "1," }
        flow += "2]"
        var block = ""
        for i in 0..<(Self.large / 2 + 2) { block += "  k\(i): \(i)\n" }
        let text = "plain: \(plain)\nescaped: \"\(escaped)\"\nflow: \(flow)\nblock:\n\(block)"
            + "small: \"q\\tr\"\nempty:\nanchored: &a [x, 'y']\nalias: *a\nlast: {k: v}\n"
        let result = YAMLReader.parse(text)
        #expect(result.isComplete)
        let root = result.documents[0]
        func written(_ key: String) -> String? { root[key].map { result.tree.file.text(in: $0.range) } }
        #expect(written("plain") == plain)
        #expect(written("escaped") == "\"\(escaped)\"")
        #expect(written("flow") == flow)
        #expect(written("block") == String(block.dropFirst(2).dropLast()))
        #expect(written("small") == "\"q\\tr\"")
        #expect(written("empty") == "")
        #expect(written("anchored")?.hasSuffix("[x, 'y']") == true)
        #expect(root["anchored"]?[1].map { result.tree.file.text(in: $0.range) } == "'y'")
        #expect(written("alias") == "*a")
        #expect(written("last") == "{k: v}")
        #expect(root["block"]?.count == Self.large / 2 + 2)
        #expect(root["flow"]?.count == Self.large + 6)
        // The whole document: from its first key to the end of its last value.
        #expect(result.tree.file.text(in: root.range) == String(text.dropLast()))
        // Every key ends where its text does (keys are plain, written as their value).
        for (key, _) in root.entries {
            #expect(key.range.count == key.scalarText?.utf8.count)
        }
    }
}
