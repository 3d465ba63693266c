import Diagnostics
import SourceText
import Testing

/// Choosing the fixes of a file that apply together, and applying them byte for byte.
@Suite struct FixSetTests {
    let file = SourceFile(path: "p.yaml", text: "\u{FEFF}a: 〇  # c\r\nb: {x: ２, y: 3}\r\n")

    func finding(_ at: Int, _ code: String = "c", fixes: [Fix]) -> Diagnostic {
        Diagnostic(code: code, severity: .error, message: "m", location: .span(SourceSpan(file: file, range: ByteRange(at, at + 1))), fixes: fixes)
    }

    func fix(_ edits: [(Int, Int, String)], safe: Bool = true, in file: SourceFile? = nil) -> Fix {
        Fix(title: "t", edits: edits.map { TextEdit(span: SourceSpan(file: file ?? self.file, range: ByteRange($0.0, $0.1)), replacement: $0.2) }, isSafe: safe)
    }

    @Test func editsReplaceOnlyTheirBytes() {
        // 〇 is bytes 6..<9 (after the BOM and `a: `); ２ is 23..<26.
        let set = FixSet([finding(6, fixes: [fix([(6, 9, "○")])]), finding(23, fixes: [fix([(23, 26, "2")])])], in: file, includeUnsafe: false)
        #expect(set.chosen.count == 2)
        #expect(set.apply(to: file.bytes) == Array("\u{FEFF}a: ○  # c\r\nb: {x: 2, y: 3}\r\n".utf8))
    }

    @Test func overlappingFixesFirstWinsTheRestWait() {
        let first = finding(6, fixes: [fix([(6, 9, "○")])])
        let overlapping = finding(7, "d", fixes: [fix([(3, 12, "x")])])
        let insertionAtSameStart = finding(8, "e", fixes: [fix([(6, 6, "#")])])
        let touching = finding(9, "f", fixes: [fix([(9, 11, "")])])
        let set = FixSet([touching, insertionAtSameStart, overlapping, first], in: file, includeUnsafe: false)
        #expect(set.chosen.map(\.diagnostic.code) == ["c", "f"])
        #expect(set.deferred == 2)
        #expect(set.apply(to: file.bytes) == Array("\u{FEFF}a: ○# c\r\nb: {x: ２, y: 3}\r\n".utf8))
    }

    @Test func unsafeFixesOnlyWhenAsked() {
        let d = finding(23, fixes: [fix([(23, 26, "2")], safe: false)])
        let safeOnly = FixSet([d], in: file, includeUnsafe: false)
        #expect(safeOnly.chosen.isEmpty && safeOnly.unsafeLeft == 1)
        #expect(FixSet([d], in: file, includeUnsafe: true).chosen.count == 1)
        // The first allowed fix of a finding is taken.
        let both = finding(23, fixes: [fix([(23, 26, "9")], safe: false), fix([(23, 26, "2")])])
        #expect(FixSet([both], in: file, includeUnsafe: false).edits.map(\.replacement) == ["2"])
        #expect(FixSet([both], in: file, includeUnsafe: true).edits.map(\.replacement) == ["9"])
    }

    @Test func sameEditsFromTwoFindingsAreAppliedOnce() {
        let set = FixSet([finding(6, fixes: [fix([(6, 9, "○")])]), finding(6, "d", fixes: [fix([(6, 9, "○")])])], in: file, includeUnsafe: false)
        #expect(set.chosen.count == 1 && set.duplicates == 1 && set.fixedCount == 2)
        #expect(set.apply(to: file.bytes).count == file.bytes.count)
    }

    @Test func fixesOutsideTheFileMidCharacterOrSuppressedAreNotTaken() {
        let other = SourceFile(path: "q.yaml", text: "a: 〇\n")
        var suppressed = finding(6, fixes: [fix([(6, 9, "○")])])
        suppressed.suppression = Suppression(kind: .inSource, justification: nil)
        let set = FixSet([
            finding(6, fixes: [fix([(6, 9, "○"), (3, 6, "x")], in: other)]),
            finding(7, fixes: [fix([(7, 9, "x")])]),   // starts inside 〇
            suppressed,
            finding(23, fixes: [fix([(23, 26, "２")])]),   // changes nothing
        ], in: file, includeUnsafe: true)
        #expect(set.chosen.isEmpty)
    }
}
