import Foundation
import GoldenFiles
import Testing

import LSPProtocol
@testable import PlanLintLSP
import SourceText

/// A mark's hover reads the plan's `scales` (or `evaluation.legend`) from a prefix of the text
/// when it can (Hover.swift, `legendMeaning`): its answer must be the whole text's.
@Suite struct HoverPrefixTests {
    func hoverAnswer(_ text: String, _ mark: Character) -> HoverContent.PlanMeaning? {
        HoverContent.legendMeaning(of: mark, in: SourceFile(path: "p.yaml", bytes: Array(text.utf8)))
    }

    func wholeTextAnswer(_ text: String, _ mark: Character) -> HoverContent.PlanMeaning? {
        HoverContent.wholeTextMeaning(of: mark, in: SourceFile(path: "p.yaml", bytes: Array(text.utf8)))
    }

    /// Texts whose beginning parses cleanly with `scales:` or `evaluation:` in it, but whose
    /// rest gives the top-level mapping (or another document) a key the prefix does not have.
    /// Each was answered from the prefix alone, wrongly, before the rest was looked at.
    @Test(arguments: [
        // A quoted key after the block: the plan declares the mark in `scales` too, which wins.
        "evaluation:\n  legend: {○: 凡例}\nnodes: []\n\"scales\": {s: {symbols: {○: 尺度}}}\n",
        // … and one after `scales`, where the prefix settled that the plan gives no meaning.
        "scales:\n  s: {symbols: {◎: 甲}}\nnodes: []\n'evaluation': {legend: {○: 凡例}}\n",
        // A key written with a space before its colon is still `scales`.
        "evaluation: {legend: {○: 凡例}}\nscales :\n  s: {symbols: {○: 尺度}}\n",
        // An alias as the key, and a merge key.
        "k: &k scales\nevaluation: {legend: {○: 凡例}}\nnodes: []\n*k : {s: {symbols: {○: 尺度}}}\n",
        "b: &b {s: {symbols: {○: 尺度}}}\nevaluation: {legend: {○: 凡例}}\n<<: {scales: *b}\n",
        // A key of the prefix's own mapping that came from a merge gives way to one written later.
        "b: &b {s: {symbols: {○: 甲}}}\n<<: {scales: *b}\nevaluation: {}\n\"scales\": {t: {symbols: {○: 乙}}}\n",
        // Another document.
        "evaluation: {legend: {◎: x}}\n---\n\"scales\": {s: {symbols: {○: 尺度}}}\n",
        // Line starts that only YAML sees: a lone CR, U+2028; and a byte order mark, which
        // libyaml skips at a line's start.
        "evaluation: {legend: {○: 凡例}}\nnodes: []\rscales: {s: {symbols: {○: 尺度}}}\n",
        "evaluation: {legend: {○: 凡例}}\nnodes: []\u{2028}scales: {s: {symbols: {○: 尺度}}}\n",
        "evaluation: {legend: {○: 凡例}}\nnodes: []\n\u{FEFF}scales: {s: {symbols: {○: 尺度}}}\n",
    ])
    func aPrefixIsNotTrustedWhenTheRestMayAddAKey(_ text: String) throws {
        #expect(hoverAnswer(text, "○") == wholeTextAnswer(text, "○"))
        let end = [HoverContent.topLevelBlockEnd(of: "scales", in: Array(text.utf8)),
                   HoverContent.topLevelBlockEnd(of: "evaluation", in: Array(text.utf8))].compactMap { $0 }.max()
        #expect(HoverContent.restMayAddKeys(Array(text.utf8), from: try #require(end)))
    }

    /// What the rest may hold without making the prefix's answer wrong: more indented lines,
    /// comments, other plain keys (ASCII or not), CRLF line ends.
    @Test func aPrefixIsTrustedWhenTheRestAddsOnlyOtherKeys() throws {
        let text = """
            format: planlint/plan@2\r
            scales:\r
              s: {symbols: {○: 尺度}}\r
            levels:\r
              - {name: 事業, scale: s, "scales": x}\r
            # scales: in a comment\r
            計画名: 例\r
            nodes:\r
            \t\r
              - {name: 防災, mark: ○}\r
            scale: one\r
            _x: 1\r

            """
        let bytes = Array(text.utf8)
        let end = try #require(HoverContent.topLevelBlockEnd(of: "scales", in: bytes))
        #expect(!HoverContent.restMayAddKeys(bytes, from: end))
        #expect(hoverAnswer(text, "○") == .scales([("s", "尺度")]))
    }

    /// `topLevelBlockEnd` finds line ends with memchr; a loop over every byte (its first form,
    /// kept here) gives the same block end on every text.
    @Test func theBlockEndIsTheByteLoopsBlockEnd() throws {
        func byteLoop(_ key: String, _ bytes: [UInt8]) -> Int? {
            let word = Array((key + ":").utf8)
            var lineStart = 0
            var inBlock = false
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                let first = bytes[lineStart]
                let isContent = !(first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || first == UInt8(ascii: "#")
                                  || first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r"))
                if inBlock && isContent { return lineStart }
                if !inBlock && lineEnd - lineStart >= word.count && bytes[lineStart..<(lineStart + word.count)].elementsEqual(word) {
                    inBlock = true
                }
                lineStart = lineEnd + 1
            }
            return inBlock ? bytes.count : nil
        }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        var texts = ["", "\n", "scales:", "scales:\n", "scales", "scales:\r\n  a: 1\r\nnodes: []\r\n", "x: 1\nscales:\n# c\n\t\n  s: {}\nevaluation:\n  legend: {}\n",
                     "scales: {}\nscales: {}\n", " scales:\nscales:", "evaluation:\n\n\nx"]
        texts += try ["miyagi-ict-2014-2016.yaml", "seiro-2021.yaml"].map { try String(contentsOfFile: repo + "/Plans/" + $0, encoding: .utf8) }
        texts += HostileHoverTests.texts
        var generator = SplitMix(seed: 21)
        let pieces = ["scales:", "evaluation:", "\n", "\r\n", " ", "\t", "#", "a", "- x", "○", "s"]
        for _ in 0..<300 { texts.append((0..<Int(generator.next() % 12)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()) }
        for text in texts {
            let bytes = Array(text.utf8)
            for key in ["scales", "evaluation"] {
                #expect(HoverContent.topLevelBlockEnd(of: key, in: bytes) == byteLoop(key, bytes), "\(key) in \(text.prefix(80))")
            }
        }
    }

    /// The bundled plans are answered from their beginning (a hover costs no parse of the
    /// whole plan), and the answer is the whole text's for every mark.
    @Test(arguments: ["miyagi-ict-2014-2016.yaml", "seiro-2021.yaml"])
    func theBundledPlansAreAnsweredFromTheirBeginning(_ name: String) throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let text = try String(contentsOfFile: repo + "/Plans/" + name, encoding: .utf8)
        let bytes = Array(text.utf8)
        let end = try #require(HoverContent.topLevelBlockEnd(of: "scales", in: bytes))
        #expect(end < bytes.count)
        #expect(!HoverContent.restMayAddKeys(bytes, from: end))
        for mark in HoverContent.marks.map(\.symbol) + ["A", "B", "C", "S"] {
            #expect(hoverAnswer(text, mark) == wholeTextAnswer(text, mark), "\(mark)")
        }
    }
}

/// Hovers over hostile text: every position, past the ends of lines and of the text, in each
/// encoding, answers or says nothing — it never traps — and a mark's range is the mark, in
/// UTF-16 code units as LSP counts them.
@Suite struct HostileHoverTests {
    static let texts: [String] = [
        // CRLF, a tab, surrogate pairs before the mark, a combining mark after one.
        "nodes:\r\n\t- {name: \"😀𠮷\", mark: ○}\r\n  - {mark: ◎\u{0301}}\r\n",
        // Truncated YAML: an open flow mapping and an open quote, with the keys the hover reads.
        "scales:\n  s: {symbols: {○: 尺度\nnodes: [{mark: ○, note: \"open\n",
        "evaluation:\n  legend: {○: 凡例}\r\nnodes:\r  - {mark: ○}\r",
        // Deep nesting after a `scales` block, and before one.
        "scales:\n  s: {symbols: {○: x}}\nn: " + String(repeating: "[", count: 5_000) + "○\n\"x\": 1\n",
        String(repeating: "[", count: 5_000) + "\nscales:\n  s: {symbols: {○: x}}\n",
        // A long line of code characters, and of marks.
        "# planlint-disable-next-line " + String(repeating: "a-", count: 50_000) + "\nmark: ○\n",
        "legend: " + String(repeating: "○", count: 20_000) + "\n",
        // A byte order mark, and a text that is one mark.
        "\u{FEFF}mark: ○\n",
        "○",
        "",
    ]

    @Test(arguments: texts.indices)
    func everyPositionIsAnsweredWithoutATrap(_ index: Int) {
        let text = Self.texts[index]
        let file = SourceFile(path: "p.yaml", bytes: Array(text.utf8))
        for encoding in [PositionEncoding.utf16, .utf8, .utf32] {
            let positions = PositionConverter(encoding: encoding)
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            var probes: [LSP.Position] = [.init(line: lines.count + 5, character: 0), .init(line: 0, character: 1 << 30)]
            for (n, line) in lines.enumerated() where line.utf16.count < 200 {
                probes += (0...line.utf16.count + 2).map { LSP.Position(line: n, character: $0) }
            }
            if lines[0].utf16.count >= 200 { probes += [.init(line: 0, character: 100_001), .init(line: 1, character: 7)] }
            for position in probes {
                let offset = positions.offset(of: position, in: file)
                #expect(offset >= 0 && offset <= file.bytes.count)
                if let (range, _) = HoverContent.markHover(at: offset, in: file, markdown: true) {
                    // The range is one mark (or look-alike), next to the cursor.
                    #expect(range.start <= offset && offset <= range.end)
                    #expect(file.text(in: range).count == 1)
                }
                _ = HoverContent.codeToken(at: offset, in: file)
            }
        }
    }

    @Test func aMarksRangeCountsUTF16CodeUnits() throws {
        let line = "\t- {name: \"😀𠮷\", mark: ○}"
        let text = "nodes:\r\n" + line + "\r\n"
        let file = SourceFile(path: "p.yaml", bytes: Array(text.utf8))
        let positions = PositionConverter(encoding: .utf16)
        let column = line.utf16.distance(from: line.utf16.startIndex, to: try #require(line.firstIndex(of: "○")).samePosition(in: line.utf16)!)
        #expect(column == 24)   // the two characters outside the BMP count two each
        for character in [column, column + 1] {   // before the mark, and just after it
            let offset = positions.offset(of: .init(line: 1, character: character), in: file)
            let (range, _) = try #require(HoverContent.markHover(at: offset, in: file, markdown: false))
            #expect(positions.range(of: range, in: file) == LSP.Range(line: 1, character: column, toLine: 1, character: column + 1))
        }
        // Inside a surrogate pair: the position moves to the character's start, which is no mark.
        let inside = positions.offset(of: .init(line: 1, character: 12), in: file)
        #expect(HoverContent.markHover(at: inside, in: file, markdown: false)?.0 == nil)
    }
}
