import Testing
import SourceText
@testable import YAMLTree

@Suite struct ProblemTests {
    func problems(_ text: String, limits: YAMLLimits = .default) -> (SourceFile, [YAMLProblem]) {
        let file = SourceFile(path: "t.yaml", text: text)
        return (file, YAMLReader.parse(file, limits: limits).problems)
    }

    func lineCol(_ f: SourceFile, _ offset: Int) -> String {
        let l = f.location(of: offset)
        return "\(l.line):\(l.column)"
    }

    @Test func flowSequenceErrorPointsAtProblemAndContext() throws {
        let (f, ps) = problems("a: 1\nb: [1, 2\nc: 3\n")
        let p = try #require(ps.first)
        #expect(ps.count == 1)
        #expect(p.code == .syntax)
        #expect(p.isFatal)
        #expect(p.message == "did not find expected ',' or ']'")
        #expect(lineCol(f, p.range.start) == "3:2")
        let ctx = try #require(p.related.first)
        #expect(ctx.message == "while parsing a flow sequence")
        #expect(lineCol(f, ctx.range.start) == "2:4")
        #expect(f.text(in: ctx.range) == "[")
    }

    @Test func scannerErrorAfterJapaneseText() throws {
        // libyaml's marks count code points; the position must be right in bytes too.
        let (f, ps) = problems("事業名: 値\n  - x: [\n")
        let p = try #require(ps.first)
        #expect(p.code == .syntax)
        #expect(f.location(of: p.range.start).line == 2)
    }

    @Test func duplicateKeysShowBothPlaces() throws {
        let (f, ps) = problems("事業: ◎\nname: x\n事業: ○\n")
        let p = try #require(ps.first)
        #expect(p.code == .duplicateKey)
        #expect(!p.isFatal)
        #expect(p.message == "duplicate key `事業` in mapping")
        #expect(lineCol(f, p.range.start) == "3:1")
        #expect(f.text(in: p.range) == "事業")
        #expect(p.related.map { lineCol(f, $0.range.start) } == ["1:1"])
    }

    @Test func duplicateKeyRulesFollowTypes() {
        // "a" and a are the same string; 1 and "1" are an int and a string.
        #expect(problems("a: 1\n\"a\": 2\n").1.map(\.code) == [.duplicateKey])
        #expect(problems("1: x\n\"1\": y\n").1.isEmpty)
        #expect(problems("{x: 1, y: 2, x: 3}").1.map(\.code) == [.duplicateKey])
    }

    @Test func duplicateKeysInLargeMappings() {
        var text = ""
        for i in 0..<100 { text += "k\(i): \(i)\n" }
        text += "k42: again\n"
        let (f, ps) = problems(text)
        #expect(ps.map(\.code) == [.duplicateKey])
        #expect(lineCol(f, ps[0].range.start) == "101:1")
        #expect(ps[0].related.map { lineCol(f, $0.range.start) } == ["43:1"])
    }

    @Test func undefinedAlias() throws {
        let (f, ps) = problems("a: *nowhere\n")
        let p = try #require(ps.first)
        #expect(p.code == .undefinedAlias)
        #expect(f.text(in: p.range) == "*nowhere")
    }

    @Test func recursiveAlias() throws {
        let (f, ps) = problems("a: &x [1, *x]\n")
        let p = try #require(ps.first)
        #expect(p.code == .recursiveAlias)
        #expect(f.text(in: p.range) == "*x")
        #expect(p.related.first.map { lineCol(f, $0.range.start) } == "1:4")
    }

    @Test func nestingLimitStopsEarly() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let (f, ps) = problems(deep, limits: YAMLLimits(maxDepth: 1000))
        let p = try #require(ps.first)
        #expect(p.code == .nestingTooDeep)
        #expect(lineCol(f, p.range.start) == "1:1001")
    }

    @Test func billionLaughsIsStopped() throws {
        var text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1..<10 {
            text += "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let (_, ps) = problems(text)
        #expect(ps.map(\.code) == [.expansionLimit])
    }

    @Test func ordinaryAliasUseIsWithinBudget() {
        var text = "d: &d {a: 1, b: 2, c: 3}\nitems:\n"
        for _ in 0..<5000 { text += "  - {<<: *d, x: 1}\n" }
        #expect(problems(text).1.isEmpty)
    }

    @Test func readerErrorsUseByteOffsets() throws {
        // Invalid UTF-8 after Japanese text: libyaml reports a byte offset, not a mark.
        var bytes = Array("名前: あ".utf8)
        let bad = bytes.count
        bytes += [0xFF, 0x0A]
        let f = SourceFile(path: "t", bytes: bytes)
        let ps = YAMLReader.parse(f).problems
        let p = try #require(ps.first)
        #expect(p.code == .syntax)
        #expect(p.range.start == bad)
        #expect(p.message.contains("UTF-8"))
    }

    @Test func nulAndControlCharacters() throws {
        let f = SourceFile(path: "t", bytes: Array("a: b".utf8) + [0x00] + Array("\n".utf8))
        let p = try #require(YAMLReader.parse(f).problems.first)
        #expect(p.code == .syntax)
        #expect(p.range.start == 4)
    }

    @Test func inputSizeLimit() {
        let (_, r) = YAMLReader.read(path: "big", raw: Array(repeating: 0x61, count: 2000), limits: YAMLLimits(maxInputBytes: 1000))
        #expect(r.problems.map(\.code) == [.inputTooLarge])
        #expect(!r.isComplete)
    }

    @Test func emptyInputIsClean() {
        let r = YAMLReader.parse("")
        #expect(r.problems.isEmpty)
        #expect(r.documents.isEmpty)
        let c = YAMLReader.parse("# only a comment\n")
        #expect(c.problems.isEmpty)
    }
}
