import Testing
import ExactNumbers
import SourceText
import YAMLTree
@testable import SchemaValidation

@Suite struct JSONNumberTests {
    func n(_ s: String) -> JSONNumber {
        let v = CoreSchema.resolve(text: s, plain: true, tag: nil)
        return JSONNumber(v)!
    }

    @Test func equalValuesCompareEqualWhateverTheirForm() {
        #expect(JSONNumber.compare(n("1"), n("1.0")) == 0)
        #expect(JSONNumber.compare(n("1e3"), n("1000")) == 0)
        #expect(JSONNumber.compare(n("0x10"), n("16")) == 0)
        #expect(n("1").canonical == n("1.00").canonical)
        #expect(n("10e-1").canonical == n("0.1e1").canonical)
        #expect(n("-0").canonical == n("0.0").canonical)
        #expect(n("1").canonical != n("1.0000000000000000000000000000000000000000001").canonical)
    }

    @Test func orderIsExactBeyondDoubleAndExactDecimal() {
        // 2^53 + 1 is not a Double; 45 digits is not an ExactDecimal.
        #expect(JSONNumber.compare(n("9007199254740993"), n("9007199254740992")) == 1)
        let big = "123456789012345678901234567890123456789012345"
        guard case .wide = n(big) else { Issue.record("expected the wide form"); return }
        #expect(JSONNumber.compare(n(big), n(big + "0")) == -1)
        #expect(JSONNumber.compare(n(big), n("1e44")) == 1)
        #expect(JSONNumber.compare(n("-" + big), n("-1e44")) == -1)
        #expect(JSONNumber.compare(n(".inf"), n(big)) == 1)
        #expect(JSONNumber.compare(n("-.inf"), n("-" + big)) == -1)
        #expect(JSONNumber.compare(n(".nan"), n("1")) == nil)
        #expect(n(big + ".0").isInteger)
        #expect(!n("1.5").isInteger)
        #expect(n("1.0").isInteger)
        #expect(n("1e400").isInteger)
    }

    @Test func multiplesAreExact() {
        #expect(!n("1e308").isMultiple(of: n("0.123456789")))
        #expect(n("4.5").isMultiple(of: n("1.5")))
        #expect(n("0.3").isMultiple(of: n("0.1")))
        #expect(!n("0.3").isMultiple(of: n("0.25")))
        #expect(n("12391239123").isMultiple(of: n("1e-8")))
        let big = "7" + String(repeating: "0", count: 50)
        #expect(n(big).isMultiple(of: n("7")))
        #expect(!n(big + "1").isMultiple(of: n("7")))
        #expect(n("123456789012345678901234567890123456789012").isMultiple(of: n("2")))
        #expect(!n("123456789012345678901234567890123456789013").isMultiple(of: n("2")))
        #expect(!n(".inf").isMultiple(of: n("1")))
    }
}

@Suite struct URITests {
    /// RFC 3986 §5.4.1 and §5.4.2.
    static let examples: [(String, String)] = [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"),
        ("../", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../", "http://a/"),
        ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("../../../../g", "http://a/g"),
        ("/./g", "http://a/g"), ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"),
        ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"),
        ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"),
    ]

    @Test func resolvesLikeRFC3986() {
        let base = URIReference("http://a/b/c/d;p?q")
        for (ref, expected) in Self.examples {
            #expect(URIReference(ref).resolved(against: base).description == expected, "\(ref)")
        }
    }

    @Test func fileAndURNBases() {
        let file = URIReference("file:///work/Plans/plan.schema.yaml")
        #expect(URIReference("common/defs.yaml#/$defs/x").resolved(against: file).description == "file:///work/Plans/common/defs.yaml#/$defs/x")
        #expect(URIReference("../Rules/x.yaml").resolved(against: file).description == "file:///work/Rules/x.yaml")
        let urn = URIReference("urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed")
        #expect(URIReference("#/$defs/bar").resolved(against: urn).description == "urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed#/$defs/bar")
    }

    @Test func pointersUnescape() {
        #expect(JSONPointer.tokens(fragment: "/a~1b/c%25d/~01") == ["a/b", "c%d", "~1"])
        #expect(JSONPointer.tokens(fragment: "") == [])
        #expect(JSONPointer.tokens(fragment: "anchor") == nil)
        #expect(JSONPointer.tokens(fragment: "/$defs/%E9%87%91%E9%A1%8D") == ["$defs", "金額"])
        #expect(JSONPointer.tokens(fragment: "//") == ["", ""])
        // Tokens with and without a `~` or a `%`, side by side (each is decoded only when it has one).
        #expect(JSONPointer.tokens(fragment: "/$defs/plain/~0~1/a~/b%25c/~") == ["$defs", "plain", "~/", "a~", "b%c", "~"])
        #expect(JSONPointer.render(["a/b", "~"]) == "/a~1b/~0")
    }
}

@Suite struct SuggestTests {
    @Test func numbersInDisguise() {
        #expect(Messages.numberWithoutSeparators("7,199") == "7199")
        #expect(Messages.numberWithoutSeparators("-1,234,567.5") == "-1234567.5")
        #expect(Messages.numberWithoutSeparators("12,34") == nil)
        #expect(Messages.numberWithoutSeparators("1,2,3") == nil)
        #expect(Messages.asciiDigits("７１９９") == "7199")
        #expect(Messages.asciiDigits("７，１９９") == "7199")
        #expect(Messages.numberWithoutPercent("90.6%") == "90.6")
        #expect(Messages.numberWithoutPercent("９０．６％") == "90.6")
        #expect(Messages.westernYear("平成27")?.0 == 2015)
        #expect(Messages.westernYear("平成２７年度")?.0 == 2015)
        #expect(Messages.westernYear("令和元年")?.0 == 2019)
        #expect(Messages.westernYear("H26")?.0 == 2014)
        #expect(Messages.westernYear("宮城") == nil)
    }

    @Test func plainScalarsAreOnlyUsedWhenSafe() {
        #expect(YAMLScalarText.string("budget", like: nil) == "budget")
        #expect(YAMLScalarText.string("○", like: nil) == "○")
        #expect(YAMLScalarText.string("true", like: nil) == "\"true\"")
        #expect(YAMLScalarText.string("7", like: nil) == "\"7\"")
        #expect(YAMLScalarText.string("- x", like: nil) == "\"- x\"")
        #expect(YAMLScalarText.string("a: b", like: nil) == "\"a: b\"")
        #expect(YAMLScalarText.string("", like: nil) == "\"\"")
    }

    /// A replacement keeps the quotes of the value it replaces where they can hold it.
    @Test func replacementsKeepTheScalarStyle() throws {
        let file = SourceFile(path: "q.yaml", text: "a: \"〇\"\nb: 'ー'\nc: 〇\n")
        let doc = try #require(YAMLReader.parse(file).tree.documents.first)
        let values = doc.entries.map(\.value)
        #expect(YAMLScalarText.string("○", like: values[0]) == "\"○\"")
        #expect(YAMLScalarText.string("it's", like: values[1]) == "'it''s'")
        #expect(YAMLScalarText.string("○", like: values[2]) == "○")
        #expect(YAMLScalarText.string("a: b", like: values[2]) == "\"a: b\"")
    }
}

/// Schema pointers are kept as tokens and rendered only when a message shows one; rendered,
/// they are what the compiler once built for every schema position at load.
@Suite struct SchemaPointerTests {
    @Test func pointersRenderAsTheyWereBuilt() throws {
        let text = """
            properties:
              a/b: {type: string}
              c~d: {$ref: '#/x-extra/inner'}
              list: {prefixItems: [{type: integer}, {type: string}]}
            $defs:
              e: {allOf: [{minimum: 1}]}
            x-extra:
              inner: {type: integer, properties: {deep: {type: string}}}
            """
        let loaded = SchemaRegistry(allowedRoot: nil).compile(SourceFile(path: "pointers.schema.yaml", text: text))
        let schema = try #require(loaded.schema)
        #expect(Set(schema.nodes.map(\.pointer)) == [
            "#", "#/properties/a~1b", "#/properties/c~0d", "#/properties/list",
            "#/properties/list/prefixItems/0", "#/properties/list/prefixItems/1",
            "#/$defs/e", "#/$defs/e/allOf/0",
            // Reached through `$ref` inside an unknown keyword: the reference's path; what
            // lies under it is named from the document root, as the compiler always did.
            "#/x-extra/inner", "#/properties/deep",
        ])
        #expect(SchemaPointers([]).render(-1) == "#")
        #expect(SchemaPointers([(-1, "a"), (0, "~/"), (1, "0")]).render(2) == "#/a/~0~1/0")
    }
}

/// `NumberSet` (which keys and items were evaluated) answers as a `Set<Int>` does.
@Suite struct NumberSetTests {
    @Test func answersAsASetDoes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var a = NumberSet(), b = NumberSet()
            var sa = Set<Int>(), sb = Set<Int>()
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                let i = Bool.random(using: &generator) ? Int.random(in: 0..<64, using: &generator) : Int.random(in: 0..<200, using: &generator)
                if Bool.random(using: &generator) { a.insert(i); sa.insert(i) } else { b.insert(i); sb.insert(i) }
            }
            for i in 0..<200 { #expect(a.contains(i) == sa.contains(i)) }
            let list = Array(sb)
            var c = a
            c.formUnion(b)
            var d = a
            d.formUnion(list)
            for i in 0..<200 {
                #expect(c.contains(i) == (sa.contains(i) || sb.contains(i)))
                #expect(d.contains(i) == c.contains(i))
            }
        }
    }
}
