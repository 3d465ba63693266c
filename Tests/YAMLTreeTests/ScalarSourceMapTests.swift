import Testing
import SourceText
@testable import YAMLTree

@Suite struct ScalarSourceMapTests {
    /// The file text at the source position of the first occurrence of `needle` in the value.
    func sourceAt(_ yaml: String, key: String, needle: String) throws -> String {
        let r = YAMLReader.parse(yaml)
        let node = try #require(r.documents.first?[key])
        let text = try #require(node.scalarText)
        let map = try #require(node.scalarSourceOffsets())
        #expect(map.count == text.utf8.count + 1)
        let idx = try #require(text.range(of: needle))
        let start = text.utf8.distance(from: text.utf8.startIndex, to: idx.lowerBound)
        let len = needle.utf8.count
        return node.file.text(in: ByteRange(map[start], map[start + len - 1] + 1))
    }

    @Test func plain() throws {
        #expect(try sourceAt("assert: self.total == sum(rows)\n", key: "assert", needle: "sum(rows)") == "sum(rows)")
    }

    @Test func doubleQuotedWithEscapes() throws {
        #expect(try sourceAt("m: \"a\\tb \\u00e9 total\"\n", key: "m", needle: "total") == "total")
        #expect(try sourceAt("m: \"a\\tb \\u00e9 total\"\n", key: "m", needle: "é") == "\\")
    }

    @Test func singleQuotedWithDoubledQuote() throws {
        #expect(try sourceAt("m: 'it''s self.x'\n", key: "m", needle: "self.x") == "self.x")
    }

    @Test func literalBlockWithJapanese() throws {
        let yaml = "assert: |\n  self.counts['◎'] ==\n    size(projects)\nnext: 1\n"
        #expect(try sourceAt(yaml, key: "assert", needle: "size(projects)") == "size(projects)")
        #expect(try sourceAt(yaml, key: "assert", needle: "'◎'") == "'◎'")
    }

    @Test func foldedBlock() throws {
        let yaml = "assert: >-\n  a &&\n  b.c\n"
        #expect(try sourceAt(yaml, key: "assert", needle: "b.c") == "b.c")
    }

    @Test func plainMultiLine() throws {
        let yaml = "assert: a &&\n  bb.cc\n"
        #expect(try sourceAt(yaml, key: "assert", needle: "bb.cc") == "bb.cc")
    }

    @Test func taggedScalar() throws {
        #expect(try sourceAt("m: !!str  x == y\n", key: "m", needle: "y") == "y")
    }
}
