import Testing
@testable import YAMLTree

/// `YAMLNode.value(forKey:hint:)`: the hint may only make a lookup cheaper. Whatever it
/// holds, the answer is the one a scan from the first entry gives.
@Suite struct KeyLookupTests {
    func lookUp(_ node: YAMLNode, _ key: String, hint: inout Int) -> String? {
        var key = key
        return key.withUTF8 { node.value(forKey: $0, hint: &hint) }?.scalarText
    }

    @Test func theHintFollowsTheKeyFromMappingToMapping() throws {
        let root = try #require(YAMLReader.parse("- {a: 1, b: 2, c: 3}\n- {c: 4, a: 5}\n- {a: 6, b: 7, c: 8}\n- {b: 9}\n").documents.first)
        var hint = 0
        #expect(lookUp(try #require(root[0]), "c", hint: &hint) == "3")
        #expect(hint == 2)
        #expect(lookUp(try #require(root[2]), "c", hint: &hint) == "8")
        #expect(hint == 2)
        // Another shape: the hinted entry holds another key, so the lookup scans and moves the hint.
        #expect(lookUp(try #require(root[1]), "c", hint: &hint) == "4")
        #expect(hint == 0)
        // Missing key: nil, hint kept.
        #expect(lookUp(try #require(root[3]), "c", hint: &hint) == nil)
        #expect(hint == 0)
    }

    /// Keys are compared in words for some lengths: a key that differs from the wanted one in
    /// any single byte, at every length from 1 to 24, must not match, with or without a hint.
    @Test func keysDifferingInOneByteNeverMatch() throws {
        for n in 1...24 {
            let key = String((0..<n).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
            for position in 0..<n {
                var near = Array(key.utf8)
                near[position] = UInt8(ascii: "Z")
                let other = String(decoding: near, as: UTF8.self)
                let root = try #require(YAMLReader.parse("\(other): 1\n\(key): 2\n").documents.first)
                for start in [0, 1] {
                    var hint = start
                    #expect(lookUp(root, key, hint: &hint) == "2", "\(key) at \(start)")
                    hint = start
                    #expect(lookUp(root, other, hint: &hint) == "1", "\(other) at \(start)")
                    hint = start
                    #expect(lookUp(root, key + "x", hint: &hint) == nil)
                    hint = start
                    var wanted = key
                    let unowned = wanted.withUTF8 { UnownedNode(root).value(forKey: $0, hint: &hint) }
                    #expect(unowned?.scalarText == "2", "unowned \(key) at \(start)")
                }
            }
        }
    }

    /// A key written as an alias (`*k : 1`) is found by its anchored text, whether the
    /// mapping also has plain keys or not, by `entry`, by `value(forKey:hint:)` and by the
    /// subscript; a plain key of the same length beside it is not mistaken for it.
    @Test func aliasKeysAreLookedUpByTheirAnchoredText() throws {
        let text = "names: [&k name, &l long]\nm:\n  nome: 0\n  *k : 1\n  plain: 2\nonly: {*l : 3}\n"
        let result = YAMLReader.parse(text)
        #expect(result.isComplete, "\(result.problems)")
        let root = try #require(result.documents.first)
        let m = try #require(root["m"])
        #expect(m["name"]?.scalarText == "1")
        #expect(m["nome"]?.scalarText == "0")
        #expect(m["plain"]?.scalarText == "2")
        #expect(m.entry("name")?.key.isAlias == true)
        var hint = 0
        #expect(lookUp(m, "name", hint: &hint) == "1")
        #expect(hint == 1)
        #expect(lookUp(m, "plain", hint: &hint) == "2")
        #expect(lookUp(m, "nam", hint: &hint) == nil)
        #expect(root["only"]?["long"]?.scalarText == "3")
        #expect(root["only"]?["lon"] == nil)
    }

    @Test func aHintOutOfRangeOrOnANonMappingIsHarmless() throws {
        let root = try #require(YAMLReader.parse("m: {x: 1}\ns: [x]\n").documents.first)
        for start in [-3, 0, 1, 7, Int.max / 4, Int.max, Int.min] {
            var hint = start
            #expect(lookUp(try #require(root["m"]), "x", hint: &hint) == "1")
            var other = start
            #expect(lookUp(try #require(root["s"]), "x", hint: &other) == nil)
        }
    }

    /// Where two keys share their text (`1` and `"1"`; a duplicate), the first entry is the
    /// answer even when the hint points at the second.
    @Test func repeatedKeyTextsIgnoreTheHint() throws {
        for text in ["{1: int, \"1\": str}", "{k: first, k: second}"] {
            let doc = try #require(YAMLReader.parse(text).documents.first)
            let key = text.hasPrefix("{1") ? "1" : "k"
            var hint = 1
            #expect(lookUp(doc, key, hint: &hint) == (key == "1" ? "int" : "first"), "\(text)")
            #expect(doc[key]?.scalarText == lookUp(doc, key, hint: &hint))
        }
        // The same texts in a mapping without repeats: the hint is used.
        let plain = try #require(YAMLReader.parse("{0: a, 1: b}").documents.first)
        var hint = 1
        #expect(lookUp(plain, "1", hint: &hint) == "b")
    }

    @Test func mergedMappingsKeepTheirOwnKeysFirst() throws {
        let yaml = "base: &b {k: merged, m: 1}\nuse: {<<: *b, k: own}\n"
        let use = try #require(YAMLReader.parse(yaml).documents.first?["use"])
        var hint = 1
        #expect(lookUp(use, "k", hint: &hint) == "own")
        #expect(lookUp(use, "m", hint: &hint) == "1")
    }

    /// Large mappings take the hashed duplicate check; a repeated text must still be seen.
    @Test func largeMappingsWithRepeatedTextsIgnoreTheHint() throws {
        var entries = (0..<40).map { "k\($0): \($0)" }
        entries.append("\"k3\": quoted")
        let doc = try #require(YAMLReader.parse("{" + entries.joined(separator: ", ") + "}").documents.first)
        var hint = 40
        #expect(lookUp(doc, "k3", hint: &hint) == "3")
    }
}
