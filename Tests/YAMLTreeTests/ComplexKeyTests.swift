import GoldenFiles
import Testing
import YAMLTree

/// Issue 16, class 14: duplicate collection keys (`? [a]: 1` twice) were never reported, so a
/// mapping that says two things about one key passed in silence.
@Suite struct ComplexKeyTests {
    static func duplicates(_ text: String) -> [String] {
        YAMLReader.parse(text, path: "k.yaml").problems.filter { $0.code == .duplicateKey }.map(\.message)
    }

    @Test func equalCollectionKeysAreDuplicates() {
        #expect(Self.duplicates("? [a]\n: 1\n? [a]\n: 2\n").count == 1)
        #expect(Self.duplicates("{[a, b]: 1, [a, b]: 2}").count == 1)
        #expect(Self.duplicates("? {x: 1, y: [2]}\n: 1\n? {y: [2], x: 1}\n: 2\n").count == 1, "mappings are unordered")
        #expect(Self.duplicates("? &k [a]\n: 1\n? *k\n: 2\n").count == 1, "through an alias")
        #expect(Self.duplicates("? [1]\n: 1\n? ['1']\n: 2\n").isEmpty, "1 and '1' differ in type")
        #expect(Self.duplicates("? [a]\n: 1\n? [a, a]\n: 2\n? {a: 1}\n: 3\n? [[a]]\n: 4\n").isEmpty)
        #expect(Self.duplicates("? [a]\n: 1\n? [a]\n: 2\n").first?.contains("[a]") == true)
    }

    /// Random nested keys: a key and the same key with every mapping's entries in another
    /// order are duplicates; two keys with different canonical forms are not.
    @Test func randomKeysAreComparedByValue() {
        var rng = SplitMix(seed: 14)
        /// (flow text, the same with mapping entries reversed, a canonical form).
        func key(_ depth: Int) -> (String, String, String) {
            let atoms = ["a", "b", "1", "'1'", "null", "x y"]
            if depth == 0 || rng.next() % 3 == 0 {
                let a = atoms[Int(rng.next() % UInt64(atoms.count))]
                let canonical = a == "'1'" ? "str:1" : a == "1" ? "int:1" : a == "null" ? "null" : "str:" + a
                return (a, a, canonical)
            }
            let n = Int(rng.next() % 3)
            let items = (0..<n).map { _ in key(depth - 1) }
            if rng.next() % 2 == 0 {
                return ("[" + items.map(\.0).joined(separator: ", ") + "]", "[" + items.map(\.1).joined(separator: ", ") + "]",
                        "[" + items.map(\.2).joined(separator: ",") + "]")
            }
            let entries = items.enumerated().map { (k: "k\($0.offset)", v: $0.element) }
            return ("{" + entries.map { "\($0.k): \($0.v.0)" }.joined(separator: ", ") + "}",
                    "{" + entries.reversed().map { "\($0.k): \($0.v.1)" }.joined(separator: ", ") + "}",
                    "{" + entries.map { "\($0.k)=\($0.v.2)" }.sorted().joined(separator: ",") + "}")
        }
        for _ in 0..<400 {
            let a = key(3), b = key(3)
            guard a.0.hasPrefix("[") || a.0.hasPrefix("{") else { continue }
            #expect(Self.duplicates("? \(a.0)\n: 1\n? \(a.1)\n: 2\n").count == 1, "\(a.0) vs \(a.1)")
            guard b.0.hasPrefix("[") || b.0.hasPrefix("{") else { continue }
            #expect(Self.duplicates("? \(a.0)\n: 1\n? \(b.0)\n: 2\n").count == (a.2 == b.2 ? 1 : 0), "\(a.0) vs \(b.0)")
        }
    }
}
