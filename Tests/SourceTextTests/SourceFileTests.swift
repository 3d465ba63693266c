import Testing
@testable import SourceText

@Suite struct SourceFileTests {
    @Test func lineStartsForAllBreakKinds() {
        let f = SourceFile(path: "t", text: "a\nb\r\nc\rd")
        #expect(Array(f.lineStarts) == [0, 2, 5, 7])
        #expect(f.lineText(1) == "b")
        #expect(f.lineText(2) == "c")
        #expect(f.lineText(3) == "d")
    }

    /// The line table is built on first use, not when the file is made, and every way in
    /// gives the answers of a table built from the whole text.
    @Test func lineTableIsBuiltOnFirstUse() {
        let text = "a: 1\r\nb:\r  - x\n\n事業: ◎\r\n"
        for ask in 0..<6 {
            let f = SourceFile(path: "t", text: text)
            #expect(!f.hasLineTable)
            switch ask {
            case 0: #expect(f.lineCount == 6)
            case 1: #expect(f.lineIndex(containing: 8) == 1)
            case 2: #expect(f.lineStart(2) == 9)
            case 3: #expect(f.location(of: 17).line == 5)
            case 4: #expect(f.lineText(2) == "  - x")
            default: #expect(f.offset(line: 4, column: 2, unit: .codePoint) == 22)
            }
            #expect(f.hasLineTable)
            #expect(Array(f.lineStarts) == [0, 6, 9, 15, 16, 29])
        }
    }

    /// Threads that ask for the first line at once all get the same table.
    @Test func lineTableBuiltOnceUnderConcurrentFirstUse() async {
        let text = String(repeating: "key: value\n", count: 5_000)
        for _ in 0..<20 {
            let f = SourceFile(path: "t", text: text)
            let answers = await withTaskGroup(of: [Int].self) { group in
                for t in 0..<8 {
                    group.addTask { [f.lineCount, f.lineIndex(containing: 11 * (t * 600) + 3), f.lineStart(4_999)] }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            for (t, a) in answers.sorted(by: { $0[1] < $1[1] }).enumerated() {
                #expect(a == [5_001, t * 600, 11 * 4_999])
            }
        }
    }

    @Test func nelAndLineSeparatorAreNotBreaks() {
        let f = SourceFile(path: "t", text: "a\u{85}b\u{2028}c\nd")
        #expect(f.lineCount == 2)
    }

    @Test func columnsInThreeUnits() {
        // 事業: ◎  — ◎ is the 5th code point, byte offset 8.
        let f = SourceFile(path: "t", text: "x: 1\n事業: ◎\n")
        let loc = f.location(of: 5 + 8)
        #expect(loc.line == 2)
        #expect(loc.column == 5)
        #expect(loc.utf16Column == 5)
        #expect(loc.byteColumn == 9)
    }

    @Test func astralCharactersAreTwoUTF16Units() {
        let f = SourceFile(path: "t", text: "😀x")
        let loc = f.location(of: 4)
        #expect(loc.column == 2)
        #expect(loc.utf16Column == 3)
        #expect(f.offset(line: 0, column: 2, unit: .utf16) == 4)
        #expect(f.offset(line: 0, column: 1, unit: .codePoint) == 4)
        #expect(f.offset(line: 0, column: 4, unit: .utf8) == 4)
    }

    @Test func offsetInsideCharacterMovesToItsStart() {
        let f = SourceFile(path: "t", text: "あい")
        #expect(f.location(of: 4).offset == 3)
        #expect(f.location(of: 4).column == 2)
    }

    @Test func offsetsPastEndClamp() {
        let f = SourceFile(path: "t", text: "ab\ncd")
        #expect(f.location(of: 99).line == 2)
        #expect(f.location(of: 99).column == 3)
        #expect(f.offset(line: 0, column: 99, unit: .utf16) == 2)
        #expect(f.offset(line: 9, column: 0, unit: .utf16) == 5)
    }

    @Test func byteOrderMarkIsNotAColumn() {
        let f = SourceFile(path: "t", bytes: [0xEF, 0xBB, 0xBF] + Array("ab\ncd".utf8))
        #expect(f.location(of: 3).column == 1)
        #expect(f.location(of: 4).column == 2)
        #expect(f.location(of: 4).utf16Column == 2)
        #expect(f.offset(line: 0, column: 1, unit: .utf16) == 4)
        #expect(f.location(of: 6).column == 1)  // line 2 is unaffected
        #expect(f.location(of: 7).column == 2)
    }

    @Test func displayWidth() {
        #expect(DisplayWidth.columns("abc") == 3)
        #expect(DisplayWidth.columns("事業") == 4)
        #expect(DisplayWidth.columns("ＩＣＴ") == 6)
        #expect(DisplayWidth.columns("－") == 2)
        #expect(DisplayWidth.columns("○") == 1)  // East Asian Ambiguous: narrow
        #expect(DisplayWidth.columns("😀") == 2)
        #expect(DisplayWidth.columns("e\u{301}") == 1)
        #expect(DisplayWidth.columns("\tx", tabWidth: 4) == 5)
        #expect(DisplayWidth.columns("ab\tx", tabWidth: 4) == 5)
        #expect(DisplayWidth.columns("\t", startColumn: 3, tabWidth: 4) == 1)
    }

    @Test func utf16Decoding() throws {
        // "a: 事" in UTF-16LE with BOM.
        let raw: [UInt8] = [0xFF, 0xFE, 0x61, 0, 0x3A, 0, 0x20, 0, 0x8B, 0x4E]
        let r = try TextDecoding.utf8Bytes(raw).get()
        #expect(r.encoding == .utf16LE)
        #expect(r.bytes == [0xEF, 0xBB, 0xBF] + Array("a: 事".utf8))
        let be: [UInt8] = [0xFE, 0xFF, 0xD8, 0x3D, 0xDE, 0x00]
        #expect(try TextDecoding.utf8Bytes(be).get().bytes == [0xEF, 0xBB, 0xBF] + Array("😀".utf8))
        let unpaired: [UInt8] = [0xFF, 0xFE, 0x00, 0xD8, 0x61, 0x00]
        #expect(throws: TextDecoding.Failure.self) { try TextDecoding.utf8Bytes(unpaired).get() }
        let utf32: [UInt8] = [0xFF, 0xFE, 0, 0, 0x61, 0, 0, 0]
        #expect(throws: TextDecoding.Failure.self) { try TextDecoding.utf8Bytes(utf32).get() }
    }
}
