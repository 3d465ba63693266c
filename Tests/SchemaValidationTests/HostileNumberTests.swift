import GoldenFiles
import Testing
import ExactNumbers
import SourceText
import YAMLTree
@testable import SchemaValidation

/// Issue 16, class 1: a number in a plan value or in a schema keyword must never trap,
/// whatever its digits or exponent. The exponent of `1e99999999999999999999` once
/// overflowed `e * 10` (SIGILL).
@Suite struct HostileNumberTests {
    static func number(_ text: String) -> JSONNumber? {
        JSONNumber(CoreSchema.resolve(text: text, plain: true, tag: nil))
    }

    /// Validates `value` against every numeric keyword set to `keyword`, both ways round.
    static func exercise(_ value: String, _ keyword: String) {
        for schema in ["maximum: \(keyword)", "minimum: \(keyword)", "exclusiveMaximum: \(keyword)",
                       "multipleOf: \(keyword)", "const: \(keyword)", "enum: [\(keyword), 1]"] {
            let loaded = SchemaRegistry(allowedRoot: "/virtual").compile(SourceFile(path: "/virtual/s.yaml", text: schema))
            guard let compiled = loaded.schema else { continue }
            let doc = YAMLReader.parse(value, path: "data.yaml")
            guard doc.isComplete, let root = doc.documents.first else { continue }
            _ = validate(document: root, against: compiled)
            _ = compiled.isValid(root)
        }
    }

    @Test func theIssuesReproductionIsAFindingNotATrap() throws {
        let huge = "1e99999999999999999999"
        let n = try #require(Self.number(huge))
        #expect(n.isFinite)
        #expect(JSONNumber.compare(n, try #require(Self.number("1e400"))) == 1)
        #expect(JSONNumber.compare(try #require(Self.number("-" + huge)), try #require(Self.number("-1e400"))) == -1)
        let schema = try #require(SchemaRegistry(allowedRoot: "/virtual")
            .compile(SourceFile(path: "/virtual/s.yaml", text: "maximum: 1000")).schema)
        let doc = try #require(YAMLReader.parse("budget: \(huge)\n", path: "d.yaml").documents.first)
        #expect(validate(document: doc["budget"]!, against: schema).map(\.code) == ["schema/maximum"])
        // The same number as the keyword.
        let keyword = try #require(SchemaRegistry(allowedRoot: "/virtual")
            .compile(SourceFile(path: "/virtual/s.yaml", text: "maximum: \(huge)")).schema)
        #expect(validate(document: doc["budget"]!, against: keyword).isEmpty)
        // Exponents past 2^60 saturate: such numbers still order by sign and digits.
        #expect(validate(document: try #require(YAMLReader.parse("2e99999999999999999999999", path: "d").documents.first),
                         against: keyword).map(\.code) == ["schema/maximum"])
        let minimum = try #require(SchemaRegistry(allowedRoot: "/virtual")
            .compile(SourceFile(path: "/virtual/s.yaml", text: "minimum: 0")).schema)
        #expect(validate(document: try #require(YAMLReader.parse("-\(huge)", path: "d").documents.first),
                         against: minimum).map(\.code) == ["schema/minimum"])
    }

    /// Exponents at and around every power of ten up to far beyond Int64, with and without
    /// signs and fractions, as a value and as a keyword.
    @Test func exponentsOfEveryLengthSaturate() {
        for length in 1...40 {
            for lead in ["1", "9"] {
                let e = lead + String(repeating: "9", count: length - 1)
                for text in ["1e\(e)", "1e-\(e)", "-9.5e+\(e)", "0.000e\(e)", "12345678901234567890123456789012345678901234e\(e)"] {
                    let n = Self.number(text)
                    #expect(n != nil, "\(text) is a number")
                    if let n { _ = n.canonical; _ = n.isInteger; _ = n.isMultiple(of: Self.number("3")!) }
                    Self.exercise(text, "1e\(e)")
                }
            }
        }
    }

    /// Random strings over the characters of a number: never a trap, and a parsed number
    /// compares equal to itself and survives every keyword.
    @Test func randomDigitAndExponentStrings() {
        var rng = SplitMix(seed: 16)
        let alphabet = Array("0123456789999.eE+-")
        for _ in 0..<3_000 {
            let count = Int(rng.next() % 48) + 1
            let text = String((0..<count).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            guard let n = Self.number(text) else { continue }
            if n.isFinite { #expect(JSONNumber.compare(n, n) == 0, "\(text)") }
            _ = n.isMultiple(of: Self.number("0.7")!)
            _ = Self.number("7")!.isMultiple(of: n.isFinite && n.canonical != "0" ? n : Self.number("1")!)
            if rng.next() % 8 == 0 { Self.exercise(text, text) }
        }
    }
}
