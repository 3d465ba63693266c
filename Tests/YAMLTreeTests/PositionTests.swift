import Testing
import SourceText
@testable import YAMLTree

/// The text a node covers in its file.
func covered(_ n: YAMLNode) -> String { n.file.text(in: n.range) }

@Suite struct PositionTests {
    @Test func keysAndValuesHaveTheirOwnRanges() throws {
        let r = YAMLReader.parse("title: 計画\n事業: ◎\n")
        #expect(r.problems.isEmpty)
        let root = try #require(r.documents.first)
        let e = try #require(root.entry("事業"))
        #expect(covered(e.key) == "事業")
        #expect(covered(e.value) == "◎")
        #expect(e.value.range.start == 14 + 8)  // "title: 計画\n" is 14 bytes
        let loc = e.value.span.start
        #expect((loc.line, loc.column, loc.utf16Column) == (2, 5, 5))
    }

    /// Byte offsets from libyaml's marks (code points) through ASCII runs of every length
    /// around 8 (read 8 bytes at a time) with characters of 2, 3 and 4 bytes between them.
    @Test func offsetsThroughAsciiRunsAndWideCharacters() throws {
        let wide = ["é", "計", "😀", ""]
        var text = "", expected: [(String, String)] = []
        for i in 0..<80 {
            let key = String(repeating: "k", count: i % 19) + wide[i % 4] + "\(i)"
            let value = wide[(i + 1) % 4] + String(repeating: "v", count: (i * 7) % 23) + wide[(i + 2) % 4] + "x"
            text += key + ": " + value + "\n"
            expected.append((key, value))
        }
        text += String(repeating: "long", count: 40) + ": [" + String(repeating: "計", count: 9) + ", " + String(repeating: "z", count: 17) + "]\n"
        let r = YAMLReader.parse(text)
        #expect(r.problems.isEmpty)
        let root = try #require(r.documents.first)
        #expect(root.count == expected.count + 1)
        for (i, (k, v)) in expected.enumerated() {
            let e = try #require(root.entry(at: i))
            #expect(covered(e.key) == k)
            #expect(covered(e.value) == v)
        }
        let last = try #require(root.entry(at: expected.count))
        #expect(covered(last.key) == String(repeating: "long", count: 40))
        #expect(covered(try #require(last.value[0])) == String(repeating: "計", count: 9))
        #expect(covered(try #require(last.value[1])) == String(repeating: "z", count: 17))
    }

    @Test func emojiOutsideTheBMP() throws {
        let r = YAMLReader.parse("😀: [a, 😀b]\n")
        let root = try #require(r.documents.first)
        let seq = try #require(root["😀"])
        let b = try #require(seq[1])
        #expect(covered(b) == "😀b")
        #expect(b.span.start.column == 8)
        #expect(b.span.start.utf16Column == 9)
        #expect(covered(seq) == "[a, 😀b]")
    }

    @Test func tabsBeforeValues() throws {
        let r = YAMLReader.parse("a:\tx\nb: [\t1]\n")
        #expect(r.problems.isEmpty)
        let root = try #require(r.documents.first)
        #expect(covered(try #require(root["a"])) == "x")
        #expect(try #require(root["a"]).span.start.column == 4)
        #expect(covered(try #require(root["b"]?[0])) == "1")
    }

    @Test func crlfLineEnds() throws {
        let r = YAMLReader.parse("a: 1\r\nb: 事業\r\nc: |\r\n  x\r\n  y\r\n")
        #expect(r.problems.isEmpty)
        let root = try #require(r.documents.first)
        let b = try #require(root["b"])
        #expect(covered(b) == "事業")
        #expect(b.span.start.line == 2 && b.span.start.column == 4)
        #expect(try #require(root["c"]).scalarText == "x\ny\n")
    }

    @Test func byteOrderMarkIsSkippedButCounted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("k: 値\n".utf8)
        let r = YAMLReader.parse(SourceFile(path: "b", bytes: bytes))
        #expect(r.problems.isEmpty)
        let v = try #require(r.documents.first?["k"])
        #expect(v.range.start == 6)
        #expect(covered(v) == "値")
    }

    @Test func utf16InputIsTranscoded() throws {
        var raw: [UInt8] = [0xFF, 0xFE]
        for u in "k: 値\n".utf16 { raw += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let (file, r) = YAMLReader.read(path: "u16.yaml", raw: raw)
        #expect(r.problems.isEmpty)
        let v = try #require(r.documents.first?["k"])
        #expect(v.scalarText == "値")
        #expect(file.text(in: v.range) == "値")
    }

    @Test func everyScalarStyle() throws {
        let text = """
        plain: hello world
        single: 'it''s'
        double: "a\\tb\\u00e9"
        literal: |
          line one
          line two
        folded: >
          folded
          text

        end: x
        """
        let r = YAMLReader.parse(text)
        #expect(r.problems.isEmpty)
        let root = try #require(r.documents.first)
        func check(_ key: String, _ style: ScalarStyle, _ value: String, _ source: String) throws {
            let n = try #require(root[key])
            #expect(n.scalarStyle == style, "\(key)")
            #expect(n.scalarText == value, "\(key)")
            #expect(covered(n) == source, "\(key)")
        }
        try check("plain", .plain, "hello world", "hello world")
        try check("single", .singleQuoted, "it's", "'it''s'")
        try check("double", .doubleQuoted, "a\tb\u{e9}", "\"a\\tb\\u00e9\"")
        try check("literal", .literal, "line one\nline two\n", "|\n  line one\n  line two\n")
        try check("folded", .folded, "folded text\n", ">\n  folded\n  text\n\n")
    }

    @Test func multiDocumentStream() throws {
        let r = YAMLReader.parse("a: 1\n---\nb: 2\n...\n---\n- x\n")
        #expect(r.problems.isEmpty)
        #expect(r.documents.count == 3)
        #expect(r.documents[2].isSequence)
        #expect(r.documents[1]["b"]?.span.start.line == 3)
    }

    @Test func blockCollectionRangesEndAtTheirLastChild() throws {
        let r = YAMLReader.parse("list:\n  - a\n  - b\n\n# trailing\nnext: 1\n")
        let list = try #require(r.documents.first?["list"])
        #expect(covered(list) == "- a\n  - b")
    }
}

@Suite struct TypingTests {
    func value(_ yaml: String) -> ScalarValue? {
        YAMLReader.parse("v: \(yaml)\n").documents.first?["v"]?.value
    }

    @Test func coreSchema() {
        #expect(value("~") == .null)
        #expect(value("null") == .null)
        #expect(value("") == .null)
        #expect(value("true") == .bool(true))
        #expect(value("False") == .bool(false))
        #expect(value("yes") == .string("yes"))
        #expect(value("on") == .string("on"))
        #expect(value("off") == .string("off"))
        #expect(value("7199") == .int("7199"))
        #expect(value("-12") == .int("-12"))
        #expect(value("0x1F") == .int("0x1F"))
        #expect(value("0o17") == .int("0o17"))
        #expect(value("90.6") == .float("90.6"))
        #expect(value("100.0") == .float("100.0"))
        #expect(value("1e3") == .float("1e3"))
        #expect(value(".inf") == .infinity(negative: false))
        #expect(value("-.Inf") == .infinity(negative: true))
        #expect(value(".NaN") == .nan)
        #expect(value("7,199") == .string("7,199"))
        #expect(value("'12'") == .string("12"))
        #expect(value("＊") == .string("＊"))
        #expect(value("0.1.2") == .string("0.1.2"))
    }

    @Test func explicitTags() {
        #expect(value("!!str 12") == .string("12"))
        #expect(value("!!int \"12\"") == .int("12"))
        #expect(value("!!float 1") == .float("1"))
        #expect(value("! 12") == .string("12"))
        let n = YAMLReader.parse("v: !custom x\n").documents.first?["v"]
        #expect(n?.tag == "!custom")
        #expect(YAMLReader.parse("v: !!str x\n").documents.first?["v"]?.tag == "tag:yaml.org,2002:str")
    }
}

@Suite struct AliasAndMergeTests {
    @Test func aliasRemembersWhereItWasWritten() throws {
        let r = YAMLReader.parse("base: &b {x: 1}\nuse: *b\n")
        #expect(r.problems.isEmpty)
        let use = try #require(r.documents.first?["use"])
        #expect(use.isAlias)
        #expect(use.aliasName == "b")
        #expect(covered(use) == "*b")
        #expect(use.isMapping)
        #expect(use["x"]?.scalarText == "1")
        // A node's range includes its properties (anchor, tag), as libyaml reports it.
        #expect(covered(use.resolved) == "&b {x: 1}")
        #expect(use.resolved.anchor == "b")
    }

    @Test func mergeKeysExpandWithOwnKeysWinning() throws {
        let text = """
        defaults: &d {dept: 情報政策課, mark: ○, start: 2014}
        other: &o {end: 2016, mark: △}
        project:
          <<: [*d, *o]
          mark: ◎
        """
        let r = YAMLReader.parse(text)
        #expect(r.problems.isEmpty)
        let p = try #require(r.documents.first?["project"])
        #expect(p.entries.map { $0.key.scalarText! } == ["mark", "dept", "start", "end"])
        #expect(p["mark"]?.scalarText == "◎")
        #expect(p["dept"]?.scalarText == "情報政策課")
        #expect(p["end"]?.scalarText == "2016")
        // A merged value keeps its own position (in `defaults`).
        #expect(p["dept"]?.span.start.line == 1)
    }

    @Test func mergeOfAScalarIsReported() {
        let r = YAMLReader.parse("a: &a 1\nb:\n  <<: *a\n")
        #expect(r.problems.map(\.code) == [.invalidMerge])
        #expect(r.problems.first?.range == ByteRange(17, 19))
    }
}

@Suite struct ByteOrderMarkTests {
    @Test func bomBeforeAMultiLineMapping() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("name: café\nlist:\n  - 😀\n".utf8)
        let f = SourceFile(path: "b", bytes: bytes)
        let r = YAMLReader.parse(f)
        #expect(r.problems.isEmpty)
        let item = try #require(r.documents.first?["list"]?[0])
        #expect(f.text(in: item.range) == "😀")
        #expect(item.span.start.line == 3)
    }

    @Test func errorPositionAfterBOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: [1\n".utf8)
        let f = SourceFile(path: "b", bytes: bytes)
        let p = try #require(YAMLReader.parse(f).problems.first)
        #expect(f.location(of: p.range.start).line == 2)
        #expect(f.text(in: p.related[0].range) == "[")
    }
}

@Suite struct FastClassifierTests {
    static let samples = ["", "~", "~~", "null", "Null", "NULL", "nul", "true", "True", "TRUE", "tRUE", "false", "False",
                       "FALSE", "yes", "no", "on", "off", "7199", "-12", "+3", "-", "+", "0x1F", "0o17", "0x", "0b1",
                       "90.6", "100.0", ".5", "5.", "1e3", "1E-3", "1e", ".inf", "-.Inf", "+.INF", ".nan", ".NaN",
                       ".", "..", "1.2.3", "7,199", "＊", "◎", "情報政策課", "2014", "H27", "1_000", " 1", "1 ",
                       "-.5", "+.5e+2", "nan", "inf", "-0", "00", "0.0.0", "1e+", "e3", "n", "t", "f",
                       "name", "title", "fals", "nulls", "NuLL", "Nan", ".NAN", "+.inf", "-.INF", "falsE", "tr"]

    /// The allocation-free classifier must agree with the reference resolution everywhere.
    @Test func agreesWithResolve() {
        for s in FastClassifierTests.samples {
            var copy = s
            let fast = copy.withUTF8 { CoreSchema.classifyPlain($0) }
            #expect(fast == CoreSchema.resolve(text: s, plain: true, tag: nil).type, "\(s)")
        }
    }

    /// The reader resolves plain scalars once; what nodes answer must be what resolving
    /// their text gives, and `plainInteger` the value of exactly the short decimal ints.
    @Test func readerResolvesPlainScalarsLikeResolve() throws {
        let yaml = FastClassifierTests.samples.filter { !$0.isEmpty && $0 != "-" && !$0.hasPrefix(" ") && !$0.hasSuffix(" ") }
            .map { "- \($0)" }.joined(separator: "\n") + "\n- 123456789012345678\n- 1234567890123456789\n- &a 42\n- !!str 7\n- '7'\n"
        let result = YAMLReader.parse(SourceFile(path: "s.yaml", bytes: Array(yaml.utf8)))
        #expect(result.problems.isEmpty)
        let root = try #require(result.tree.documents.first)
        #expect(root.count > 60)
        for item in root.items {
            let text = try #require(item.scalarText)
            let tag = item.tag
            let expected = CoreSchema.resolve(text: text, plain: item.scalarStyle == .plain, tag: tag).type
            #expect(item.scalarType == expected, "\(text)")
            #expect(UnownedNode(item).scalarType == expected, "\(text)")
            let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
            let short = item.scalarStyle == .plain && tag == nil && !digits.isEmpty && digits.count <= 18 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
            #expect(item.plainInteger == (short ? Int64(text) : nil), "\(text)")
        }
    }

    @Test func scalarTypeFollowsStyleAndTag() throws {
        let r = YAMLReader.parse("a: 12\nb: '12'\nc: !!str 12\nd: [1]\n")
        let root = try #require(r.documents.first)
        #expect(root["a"]?.scalarType == .int)
        #expect(root["b"]?.scalarType == .string)
        #expect(root["c"]?.scalarType == .string)
        #expect(root["d"]?.scalarType == nil)
        #expect(root["a"]?.withScalarBytes { Array($0) } == Array("12".utf8))
    }
}
