import Diagnostics
import LSPProtocol
import PlanLintKit
import SourceText
import YAMLTree

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `textDocument/hover`: the meaning of an evaluation mark (◎ ○ △ × －) or of a code
/// (a rule id, `schema/enum`, `duplicate-key`, …) under the cursor.
///
/// - A mark shows what it means: as the plan's own `scales` declare it (plan@2) or its
///   `evaluation.legend` prints it (plan@1), else the usual meaning (Docs/plan-format.md). A look-alike written
///   alone as a value (`mark: 〇`) is named, with the mark it imitates.
/// - A code shows its documentation (`planlint explain`): a rule of the document's
///   project, or one of planlint's own codes, wherever it is written — a suppression
///   comment, a `severity:` key, a rule's `id`.
enum HoverContent {
    /// One evaluation mark and its usual meaning.
    struct Mark: Sendable {
        var symbol: Character
        var name: String
        var meaning: String
    }

    static let marks: [Mark] = [
        Mark(symbol: "◎", name: "U+25CE BULLSEYE", meaning: "計画以上の進捗，目標以上の成果があった"),
        Mark(symbol: "○", name: "U+25CB WHITE CIRCLE", meaning: "計画どおり実施"),
        Mark(symbol: "△", name: "U+25B3 WHITE UP-POINTING TRIANGLE", meaning: "計画を繰り下げ，実施内容の再検討等"),
        Mark(symbol: "×", name: "U+00D7 MULTIPLICATION SIGN", meaning: "実施せず"),
        Mark(symbol: "－", name: "U+FF0D FULLWIDTH HYPHEN-MINUS", meaning: "評価困難"),
    ]

    /// Characters mistaken for marks: the character, its name, the mark it imitates.
    static let lookAlikes: [(Character, String, Character)] = [
        ("〇", "U+3007 IDEOGRAPHIC NUMBER ZERO", "○"),
        ("◯", "U+25EF LARGE CIRCLE", "○"),
        ("x", "U+0078 LATIN SMALL LETTER X", "×"),
        ("X", "U+0058 LATIN CAPITAL LETTER X", "×"),
        ("✕", "U+2715 MULTIPLICATION X", "×"),
        ("ー", "U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK", "－"),
        ("−", "U+2212 MINUS SIGN", "－"),
        ("‐", "U+2010 HYPHEN", "－"),
        ("▲", "U+25B2 BLACK UP-POINTING TRIANGLE", "△"),
        ("⊚", "U+229A CIRCLED RING OPERATOR", "◎"),
    ]

    /// The hover at `position` in the document of `request`, or nil for nothing to say.
    static func hover(at position: LSP.Position, request: CheckRequest, projects: ProjectCache,
                      markdown: Bool) -> LSP.Hover? {
        let file = SourceFile(path: request.displayPath, bytes: request.bytes)
        let offset = request.positions.offset(of: position, in: file)
        if let (range, text) = markHover(at: offset, in: file, markdown: markdown) {
            return LSP.Hover(contents: .init(kind: markdown ? .markdown : .plaintext, value: text),
                             range: request.positions.range(of: range, in: file))
        }
        guard let token = codeToken(at: offset, in: file) else { return nil }
        let project = projects.project(request.projectKey, buffers: request.buffers)
        let code = file.text(in: token)
        guard let doc = project.checks.documentation(for: code) else { return nil }
        return LSP.Hover(contents: .init(kind: markdown ? .markdown : .plaintext, value: describe(doc, markdown: markdown)),
                         range: request.positions.range(of: token, in: file))
    }

    // MARK: Marks

    static func markHover(at offset: Int, in file: SourceFile, markdown: Bool) -> (ByteRange, String)? {
        // The character after the cursor, else the one before it.
        for range in [character(startingAt: offset, in: file), character(endingAt: offset, in: file)].compactMap({ $0 }) {
            let text = file.text(in: range)
            guard text.count == 1, let c = text.first else { continue }
            if let mark = marks.first(where: { $0.symbol == c }) {
                let legend = legendMeaning(of: c, in: file)
                return (range, describe(mark, legend: legend, markdown: markdown))
            }
            if let (_, name, imitated) = lookAlikes.first(where: { $0.0 == c }),
               isWrittenAlone(range, in: file), let mark = marks.first(where: { $0.symbol == imitated }) {
                let b = markdown ? "**" : ""
                let text = ServerMessage.lookAlike(["b": b, "char": c, "name": name, "mark": mark.symbol,
                                                    "markName": mark.name, "meaning": mark.meaning])
                return (range, text)
            }
        }
        return nil
    }

    static func describe(_ mark: Mark, legend: PlanMeaning?, markdown: Bool) -> String {
        let b = markdown ? "**" : ""
        let title = ServerMessage.markTitle(["b": b, "mark": mark.symbol, "name": mark.name])
        switch legend {
        case .legend(let meaning)?:
            return title + "\n\n\(meaning)\n\n" + ServerMessage.asTheLegendPrints()
        case .scales(let declared)?:
            if declared.count == 1 {
                return title + "\n\n\(declared[0].meaning)\n\n" + ServerMessage.asTheScaleDeclares(["scale": declared[0].scale])
            }
            // Several scales declare the mark: the node's level decides which applies.
            let lines = declared.map { "- `\($0.scale)`: \($0.meaning)" }.joined(separator: "\n")
            return title + "\n\n\(lines)\n\n" + ServerMessage.asTheScalesDeclare()
        case nil:
            return title + "\n\n\(mark.meaning)\n\n" + ServerMessage.usualMeaning()
        }
    }

    /// What a plan itself says a mark means.
    enum PlanMeaning: Equatable {
        /// plan@1: its `evaluation.legend`.
        case legend(String)
        /// plan@2: the `scales` whose `symbols` declare the mark with a meaning, in order.
        case scales([(scale: String, meaning: String)])

        static func == (a: PlanMeaning, b: PlanMeaning) -> Bool {
            switch (a, b) {
            case (.legend(let x), .legend(let y)): x == y
            case (.scales(let x), .scales(let y)): x.map(\.scale) == y.map(\.scale) && x.map(\.meaning) == y.map(\.meaning)
            default: false
            }
        }
    }

    /// The meaning the document gives the mark: a plan@2's `scales.*.symbols` (a symbol's
    /// words, or its `means`), else a plan@1's `evaluation.legend`; nil when it gives none.
    ///
    /// A hover must not cost a parse of every plan (7 M instructions on the Miyagi plan). The
    /// text is parsed only when it can hold those keys, and then only its beginning when
    /// that is enough: up to the end of the top-level `scales:` (or `evaluation:`) block,
    /// which plans write near the top. What the prefix's tree says about those keys is what
    /// the whole document's tree says when the prefix parses cleanly into a mapping that has
    /// one of them and the rest of the text can add neither key nor another document
    /// (``restMayAddKeys(_:from:)``); otherwise (flow style, a key spelt with escapes or
    /// quoted, an alias or merge key, …) the whole text is parsed.
    static func legendMeaning(of mark: Character, in file: SourceFile) -> PlanMeaning? {
        let bytes = file.bytes
        let hasScales = mayName("symbols", bytes), hasLegend = mayName("legend", bytes)
        guard hasScales || hasLegend else { return nil }
        var end = 0
        for key in ["scales", "evaluation"] {
            guard let block = topLevelBlockEnd(of: key, in: bytes) else { continue }
            end = max(end, block)
        }
        if end > 0, end < bytes.count, !restMayAddKeys(bytes, from: end) {
            let prefix = YAMLReader.parse(SourceFile(path: file.path, bytes: Array(bytes[..<end])))
            if prefix.isComplete, prefix.problems.isEmpty,
               let answer = meaning(of: mark, in: prefix, complete: false) {
                return answer
            }
        }
        return wholeTextMeaning(of: mark, in: file)
    }

    /// The meaning the document gives the mark, from a parse of the whole text.
    static func wholeTextMeaning(of mark: Character, in file: SourceFile) -> PlanMeaning? {
        meaning(of: mark, in: YAMLReader.parse(file), complete: true) ?? nil
    }

    /// Whether the text from `start` (the start of a line that begins with content, where a
    /// prefix was cut) may give the document the prefix ends in a top-level key `scales` or
    /// `evaluation` (later keys would be read with the prefix's: a `scales` after an
    /// `evaluation`, or a plain key that a merge key's put in the prefix), or start another
    /// document (whose keys the whole text's answer would read too).
    ///
    /// Only lines that start at column 0 can do that (in a block mapping at column 0, a
    /// more indented line belongs to a value). Such a line is harmless when it starts a plain
    /// key (an ASCII letter, digit or `_`, or a non-ASCII character) that does not begin with
    /// either name; anything else — a quote, an alias or anchor, `<<`, `?`, a tag, `---`,
    /// `...`, a directive, a flow bracket, a byte order mark (which libyaml skips at a line's
    /// start) — may, and so does a line break that only YAML sees (NEL, U+2028, U+2029: libyaml
    /// breaks lines there, editors and `SourceText` do not). A lone `\r` breaks a line for both.
    static func restMayAddKeys(_ bytes: [UInt8], from start: Int) -> Bool {
        guard start < bytes.count else { return false }
        return bytes.withUnsafeBytes { (all: UnsafeRawBufferPointer) -> Bool in
            let rest = UnsafeRawBufferPointer(rebasing: all[start...])
            for yamlBreak: [UInt8] in [[0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9]] where contains(yamlBreak, in: rest) {
                return true
            }
            let base = rest.baseAddress!, n = rest.count
            let hasCarriageReturn = memchr(base, 0x0D, n) != nil
            var i = 0
            while i < n {
                if lineMayAddKey(rest, at: i) { return true }
                // The next line.
                if !hasCarriageReturn {
                    guard let hit = memchr(base + i, 0x0A, n - i) else { return false }
                    i = UnsafeRawPointer(hit) - base + 1
                } else {
                    while i < n && rest[i] != 0x0A && rest[i] != 0x0D { i += 1 }
                    if i + 1 < n && rest[i] == 0x0D && rest[i + 1] == 0x0A { i += 1 }
                    i += 1
                }
            }
            return false
        }
    }

    /// Whether the line starting at `i` may add a top-level key `scales` or `evaluation`, or
    /// start another document (``restMayAddKeys(_:from:)``).
    static func lineMayAddKey(_ text: UnsafeRawBufferPointer, at i: Int) -> Bool {
        func startsWith(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            return text.count - i >= n && memcmp(text.baseAddress! + i, word.utf8Start, n) == 0
        }
        switch text[i] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "#"), 0x0A, 0x0D:
            return false
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return startsWith("scales") || startsWith("evaluation")
        case 0x80...:
            return startsWith("\u{FEFF}")
        default:
            return true
        }
    }

    /// The mark's meaning in `parsed`: `.some(nil)` when the tree settles that the plan gives
    /// none. From a prefix (`complete` false) only a document whose top-level mapping has
    /// `scales` or `evaluation` settles anything.
    static func meaning(of mark: Character, in parsed: YAMLParseResult, complete: Bool) -> PlanMeaning?? {
        var settled = complete
        for document in parsed.documents where document.isMapping {
            if let scales = document["scales"] {
                settled = true
                var declared: [(scale: String, meaning: String)] = []
                for (name, scale) in scales.entries {
                    guard let scaleName = name.scalarText, let symbol = scale["symbols"]?[String(mark)] else { continue }
                    // `○: words`, or a grade's `{means: words, …}`; a symbol without words (`対象外:`) has none.
                    let words = symbol.isMapping ? symbol["means"] : symbol
                    if let words, words.scalarType != .null, let text = words.scalarText, !text.isEmpty {
                        declared.append((scaleName, text))
                    }
                }
                if !declared.isEmpty { return .some(.scales(declared)) }
            }
            if let evaluation = document["evaluation"] {
                settled = true
                if let text = evaluation["legend"]?[String(mark)]?.scalarText { return .some(.legend(text)) }
            }
        }
        return settled ? .some(nil) : nil
    }

    /// The end (a byte offset) of the block under `key:` written at the start of a line, at
    /// the top level of a block mapping: the start of the next line that begins with
    /// anything but a space, a tab, a comment or a line break. nil when no line starts with
    /// `key:`.
    static func topLevelBlockEnd(of key: String, in bytes: [UInt8]) -> Int? {
        let word = Array((key + ":").utf8)
        // memchr for the line ends, not a loop over every byte: it was 0.34 M instructions a
        // hover on the 40 KB Miyagi plan.
        return bytes.withUnsafeBytes { (b: UnsafeRawBufferPointer) -> Int? in
            guard let base = b.baseAddress else { return nil }
            let n = b.count
            var lineStart = 0
            var inBlock = false
            while lineStart < n {
                let lineEnd = memchr(base + lineStart, 0x0A, n - lineStart).map { UnsafeRawPointer($0) - base } ?? n
                let first = b[lineStart]
                let isContent = !(first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || first == UInt8(ascii: "#")
                                  || first == UInt8(ascii: "\n") || first == UInt8(ascii: "\r"))
                if inBlock && isContent { return lineStart }
                if !inBlock && lineEnd - lineStart >= word.count && memcmp(base + lineStart, word, word.count) == 0 {
                    inBlock = true
                }
                lineStart = lineEnd + 1
            }
            return inBlock ? n : nil
        }
    }

    /// Whether `bytes` contain `word`, or a backslash (a quoted key may spell it with
    /// escapes). False means no key of the document is `word`.
    static func mayName(_ word: String, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { (b: UnsafeRawBufferPointer) -> Bool in
            guard let base = b.baseAddress else { return false }
            if memchr(base, Int32(UInt8(ascii: "\\")), b.count) != nil { return true }
            return contains(Array(word.utf8), in: b)
        }
    }

    /// Whether `b` contains the bytes `word` (not empty).
    static func contains(_ word: [UInt8], in b: UnsafeRawBufferPointer) -> Bool {
        // memchr, not a loop over every byte: a hover on a large plan stays cheap.
        guard let base = b.baseAddress else { return false }
        var offset = 0
        while b.count - offset >= word.count {
            guard let hit = memchr(base + offset, Int32(word[0]), b.count - offset - word.count + 1) else { return false }
            let at = UnsafeRawPointer(hit) - base
            if memcmp(base + at, word, word.count) == 0 { return true }
            offset = at + 1
        }
        return false
    }

    /// The range of the character that starts at `offset`.
    static func character(startingAt offset: Int, in file: SourceFile) -> ByteRange? {
        let bytes = file.bytes
        guard offset >= 0, offset < bytes.count, bytes[offset] & 0xC0 != 0x80 else { return nil }
        var end = offset + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return ByteRange(offset, end)
    }

    /// The range of the character that ends at `offset`.
    static func character(endingAt offset: Int, in file: SourceFile) -> ByteRange? {
        let bytes = file.bytes
        guard offset > 0, offset <= bytes.count else { return nil }
        var start = offset - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return ByteRange(start, offset)
    }

    /// Whether the character at `range` stands alone between YAML punctuation or spaces
    /// (`mark: 〇`, `{mark: "〇"}`), not inside a word.
    static func isWrittenAlone(_ range: ByteRange, in file: SourceFile) -> Bool {
        let separators: Set<UInt8> = Set(" \t\r\n:,[]{}\"'#".utf8)
        let before = range.start == 0 || separators.contains(file.bytes[range.start - 1])
        let after = range.end == file.bytes.count || separators.contains(file.bytes[range.end])
        return before && after
    }

    // MARK: Codes

    /// The code-like word around `offset`: ASCII letters, digits, `-`, `_` and `/`.
    static func codeToken(at offset: Int, in file: SourceFile) -> ByteRange? {
        let bytes = file.bytes
        func isCodeByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: "/")
        }
        var start = min(max(0, offset), bytes.count), end = start
        while start > 0 && isCodeByte(bytes[start - 1]) { start -= 1 }
        while end < bytes.count && isCodeByte(bytes[end]) { end += 1 }
        guard end > start, end - start <= 200 else { return nil }
        return ByteRange(start, end)
    }

    /// A code's documentation, as `planlint explain` gives it, in the client's language
    /// (English where the code has no Japanese).
    static func describe(_ doc: DiagnosticCode, markdown: Bool, in language: Language = MessageText.language) -> String {
        let text = doc.text(in: language)
        let severity = severityWord(doc.severity, in: language)
        var parts: [String] = []
        if markdown {
            parts.append(ServerMessage.codeTitleMarkdown.text(["id": doc.id, "severity": severity, "summary": text.summary], in: language))
        } else {
            parts.append(ServerMessage.codeTitle.text(["id": doc.id, "severity": severity, "summary": text.summary], in: language))
        }
        if text.explanation != text.summary { parts.append(text.explanation.trimmingTrailingNewlines) }
        parts.append((markdown ? ServerMessage.fixMarkdown : ServerMessage.fix).text(["fix": text.fix], in: language))
        var origin = doc.source == "built in" ? ServerMessage.ownCode.text(in: language)
            : ServerMessage.definedAt.text(["source": doc.source], in: language)
        if let url = doc.docsURL {
            origin += markdown ? " · [\(ServerMessage.documentation.text(in: language))](\(url))" : " · \(url)"
        }
        parts.append(origin)
        return parts.joined(separator: "\n\n")
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" { s.removeLast() }
        return s
    }
}
