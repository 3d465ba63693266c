import GoldenFiles
@testable import DiagnosticRendering
import SourceText
import Testing

/// The renderers resolve positions through `PositionIndex` (fast on long lines); it must
/// agree with `SourceFile.location(of:)` exactly, including on broken UTF-8.
@Suite("Position index")
struct PositionIndexTests {
    static func bytes(seed: UInt64, count: Int) -> [UInt8] {
        var rng = SplitMix(seed: seed)
        // Pieces that stress columns: ASCII, tabs, 2-, 3- and 4-byte characters, stray
        // continuation bytes, truncated sequences, CR, LF, CRLF.
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("\t".utf8), Array("é".utf8), Array("合".utf8), Array("😀".utf8),
            [0x80], [0xE3, 0x81], [0xF0, 0x9F], [0xFF], Array("\r".utf8), Array("\n".utf8), Array("\r\n".utf8),
        ]
        var out: [UInt8] = []
        while out.count < count {
            // Mostly long lines: line breaks are rare.
            let k = Int(rng.next() % 2_000)
            let piece = k < 1 ? pieces[9 + Int(rng.next() % 3)] : pieces[Int(rng.next() % 9)]
            out += piece
        }
        return out
    }

    @Test(arguments: [1, 2])
    func agreesWithSourceText(seed: Int) {
        let file = SourceFile(path: "r.yaml", bytes: Self.bytes(seed: UInt64(seed), count: 12_000))
        // Make sure at least one line is long enough to use checkpoints.
        #expect((0..<file.lineCount).contains { file.lineRange($0).count > PositionIndex.longLine })
        let index = PositionIndex()
        for offset in 0...file.bytes.count {
            let expected = file.location(of: offset)
            let actual = index.position(file, offset)
            if actual != PositionIndex.Position(offset: expected.offset, line: expected.line, column: expected.column, utf16Column: expected.utf16Column) {
                Issue.record("offset \(offset): index gives \(actual), SourceText \(expected)")
                return
            }
        }
    }

    @Test func utf16OffsetsCountFromTheFileStart() {
        let text = "😀a\r\n合\t😀\nb\rc" + String(repeating: "😀x", count: 3000) + "end"
        let file = SourceFile(path: "r.yaml", text: text)
        let index = PositionIndex()
        var expected = 0
        var byte = 0
        for scalar in text.unicodeScalars {
            let p = index.position(file, byte)
            #expect(index.utf16Offset(file, p) == expected, "at byte \(byte)")
            expected += scalar.utf16.count
            byte += scalar.utf8.count
        }
    }

    @Test func displayCellsMatchWhatIsPrinted() {
        for v: UInt32 in [0x00, 0x09, 0x1B, 0x41, 0x7F, 0x85, 0x301, 0x200E, 0x202E, 0x2066, 0x3042, 0xFF21, 0x1F600, 0xFFFD] {
            let s = Unicode.Scalar(v)!
            if s == "\t" { continue }
            #expect(DisplayLine.cells(s) == DisplayLine.visible(s).1, "U+\(String(v, radix: 16))")
            #expect(DisplayWidth.columns(DisplayLine.visible(s).0) == DisplayLine.visible(s).1, "U+\(String(v, radix: 16))")
        }
    }

    /// Cells computed from checkpoints agree with a scan from the line's start.
    @Test func longDisplayLinesUseCheckpointsCorrectly() {
        let line = String(repeating: "合\tx😀", count: 2000)
        let file = SourceFile(path: "r.yaml", text: line + "\n")
        let display = DisplayLine(file: file, line: 0, tabWidth: 4)
        var byte = 0
        var prefix = ""
        for ch in line.unicodeScalars {
            if byte % 97 == 0 {
                #expect(display.cell(atByte: byte) == DisplayWidth.columns(prefix, tabWidth: 4), "at byte \(byte)")
            }
            prefix.unicodeScalars.append(ch)
            byte += ch.utf8.count
        }
        #expect(display.width == DisplayWidth.columns(line, tabWidth: 4))
    }
}
