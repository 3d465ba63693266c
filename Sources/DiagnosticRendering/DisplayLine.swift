import SourceText

/// One source line as a terminal shows it: each character at a cell position, tabs expanded
/// to tab stops, wide (East Asian W/F) characters two cells, and characters that would
/// corrupt or deceive a terminal replaced by visible stand-ins.
///
/// The human renderer places carets by cell, so the same scan that prints the line also
/// positions what is drawn under it; they cannot drift apart. Nothing is stored per
/// character: a checkpoint every `stride` characters lets a lookup resume the scan nearby, so
/// a multi-megabyte line costs one pass to build and little per lookup.
struct DisplayLine {
    /// A character of the line: where it starts in the file, which cell it starts at, how
    /// many cells it takes, and the scalar (the printed text is `DisplayLine.visible`).
    struct Glyph {
        let byte: Int
        let length: Int
        let cell: Int
        let width: Int
        let scalar: Unicode.Scalar

        /// What is printed: spaces for a tab, a stand-in for unsafe characters.
        var text: String {
            scalar == "\t" ? String(repeating: " ", count: width) : DisplayLine.visible(scalar).0
        }
    }

    private let file: SourceFile
    private let tabWidth: Int
    /// Scan states (byte, cell) every `stride` characters, the first at the line's start.
    private let checkpoints: [(byte: Int, cell: Int)]
    /// Cells taken by the whole line.
    let width: Int
    /// Byte offsets of the line's content (without its terminator).
    let range: ByteRange
    /// The first byte that is not a blank (space or tab), or the end of the content.
    private let firstNonBlank: Int

    static let stride = 256

    init(file: SourceFile, line: Int, tabWidth: Int) {
        self.file = file
        self.tabWidth = tabWidth
        let range = file.lineRange(line)
        self.range = range
        var checkpoints: [(byte: Int, cell: Int)] = [(range.start, 0)]
        var firstNonBlank: Int?
        var count = 0
        var last = range.start
        var width = 0
        DisplayLine.scan(file.bytes, from: range.start, cell: 0, end: range.end, tabWidth: tabWidth) { g in
            if firstNonBlank == nil && g.scalar != " " && g.scalar != "\t" { firstNonBlank = g.byte }
            count += 1
            last = g.byte + g.length
            width = g.cell + g.width
            if count % DisplayLine.stride == 0 { checkpoints.append((last, width)) }
            return true
        }
        self.checkpoints = checkpoints
        self.width = width
        self.firstNonBlank = firstNonBlank ?? range.end
    }

    /// Calls `body` for each character from `byte` (at cell `cell`) until `end` or until
    /// `body` returns false.
    static func scan(_ bytes: [UInt8], from byte: Int, cell: Int, end: Int, tabWidth: Int, _ body: (Glyph) -> Bool) {
        var i = byte, c = cell
        while i < end {
            let (scalar, length) = decode(bytes, at: i, end: end)
            let width = scalar == "\t" ? tabWidth - c % tabWidth : cells(scalar)
            if !body(Glyph(byte: i, length: length, cell: c, width: width, scalar: scalar)) { return }
            c += width
            i += length
        }
    }

    /// The cell at which the character containing byte `offset` starts; offsets at or past
    /// the end of the line's content give the cell just after its last character.
    func cell(atByte offset: Int) -> Int {
        if offset >= range.end { return width }
        if offset <= range.start { return 0 }
        var lo = 0, hi = checkpoints.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if checkpoints[mid].byte <= offset { lo = mid } else { hi = mid - 1 }
        }
        var result = width
        DisplayLine.scan(file.bytes, from: checkpoints[lo].byte, cell: checkpoints[lo].cell, end: range.end, tabWidth: tabWidth) { g in
            if g.byte + g.length > offset { result = g.cell; return false }
            return true
        }
        return result
    }

    /// Whether everything before byte `offset` on this line is blank.
    func isBlank(before offset: Int) -> Bool { offset <= firstNonBlank }

    /// The printed text of cells `window.start..<window.end`, with `...` where the line
    /// continues beyond the window. A wide character cut by an edge becomes a space, so
    /// every cell keeps its column.
    func text(in window: Window) -> String { text(in: window, styler: PlainStyler(), marks: []) }

    /// `text(in:)` with the characters of each mark's cells (`lo..<hi`) styled with its role
    /// (the first mark that covers a character wins) and everything else through `styler.plain`.
    func text(in window: Window, styler: any Styler, marks: [(lo: Int, hi: Int, role: TextRole)]) -> String {
        var runs = StyledRuns(styler, startingWith: window.elidedLeft ? styler.plain("...") : "")
        var lo = 0, hi = checkpoints.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if checkpoints[mid].cell <= window.start { lo = mid } else { hi = mid - 1 }
        }
        var at = window.start
        DisplayLine.scan(file.bytes, from: checkpoints[lo].byte, cell: checkpoints[lo].cell, end: range.end, tabWidth: tabWidth) { g in
            if g.cell < window.start { return true }
            if g.cell + g.width > window.end { return false }
            if g.cell > at { runs.append(String(repeating: " ", count: g.cell - at), role: nil) }
            runs.append(g.text, role: marks.first { $0.lo <= g.cell && g.cell < $0.hi }?.role)
            at = g.cell + g.width
            return true
        }
        runs.flush()
        var out = runs.text
        if window.elidedRight {
            if at < window.end { out += String(repeating: " ", count: window.end - at) }
            out += styler.plain("...")
        }
        return out
    }

    /// A horizontal slice of a long line.
    struct Window: Equatable {
        var start: Int
        var end: Int
        var elidedLeft: Bool
        var elidedRight: Bool

        /// Output column (from the start of the printed text) of cell `cell`, clamped to the window.
        func column(_ cell: Int) -> Int {
            (elidedLeft ? 3 : 0) + min(max(cell, start), end) - start
        }
    }

    static let ellipsis = 3

    /// The slice of the line to print so that cells `lo..<hi` (what is annotated) are shown
    /// and the printed text takes at most `available` cells. Lines that fit are not cut.
    /// The annotated part is centred in what remains; when it is itself too wide, its start
    /// is kept and its end cut.
    func window(lo: Int, hi: Int, available: Int) -> Window {
        let available = max(available, 2 * DisplayLine.ellipsis + 8)
        if width <= available {
            return Window(start: 0, end: max(width, hi), elidedLeft: false, elidedRight: false)
        }
        let lo = max(0, min(lo, width)), hi = max(lo, min(hi, width + 1))
        // Room for the text between the two ellipses.
        let room = available - 2 * DisplayLine.ellipsis
        var start: Int
        if hi - lo >= room {
            start = max(0, lo - 4)
        } else {
            start = max(0, lo - (room - (hi - lo)) / 2)
        }
        // Do not leave empty room on the right; then, if the start is near the beginning,
        // show the beginning instead of an ellipsis.
        start = min(start, max(0, width + 1 - room))
        if start <= DisplayLine.ellipsis { start = 0 }
        let left = start > 0
        var end = start + available - (left ? DisplayLine.ellipsis : 0) - DisplayLine.ellipsis
        var right = true
        if end >= width {
            end = max(width, min(hi, start + available - (left ? DisplayLine.ellipsis : 0)))
            right = false
        }
        return Window(start: start, end: end, elidedLeft: left, elidedRight: right)
    }

    /// The width of `visible(s)` without building it.
    static func cells(_ s: Unicode.Scalar) -> Int {
        switch s.value {
        case 0x00..<0x20, 0x7F..<0xA0: 1
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: 8
        default: DisplayWidth.of(s)
        }
    }

    /// What a terminal should print for a scalar, and its width in cells.
    static func visible(_ s: Unicode.Scalar) -> (String, Int) {
        let v = s.value
        switch v {
        case 0x00..<0x20:
            // C0 controls as their Control Pictures (U+2400…), so ESC cannot start a sequence.
            return (String(Unicode.Scalar(0x2400 + v)!), 1)
        case 0x7F:
            return ("\u{2421}", 1)
        case 0x80..<0xA0:
            return ("\u{FFFD}", 1)
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            // Bidirectional controls would reorder what the reader sees ("Trojan Source").
            let hex = String(v, radix: 16, uppercase: true)
            let text = "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            return (text, text.count)
        default:
            return (String(s), DisplayWidth.of(s))
        }
    }

    /// Decodes one UTF-8 sequence; an invalid or truncated one is U+FFFD for one byte.
    static func decode(_ bytes: [UInt8], at i: Int, end: Int) -> (Unicode.Scalar, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length: Int, initial: UInt32, minimum: UInt32
        switch b0 {
        case 0xC2...0xDF: (length, initial, minimum) = (2, UInt32(b0 & 0x1F), 0x80)
        case 0xE0...0xEF: (length, initial, minimum) = (3, UInt32(b0 & 0x0F), 0x800)
        case 0xF0...0xF4: (length, initial, minimum) = (4, UInt32(b0 & 0x07), 0x10000)
        default: return ("\u{FFFD}", 1)
        }
        guard i + length <= end else { return ("\u{FFFD}", 1) }
        var v = initial
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            v = v << 6 | UInt32(b & 0x3F)
        }
        guard v >= minimum, let s = Unicode.Scalar(v) else { return ("\u{FFFD}", 1) }
        return (s, length)
    }
}

/// Text that is printed on one line of a terminal or a line-oriented format.
enum SingleLine {
    /// `text` with control characters (line breaks included) and bidirectional controls
    /// replaced by visible stand-ins, so a message cannot break a line-based format or
    /// send escape sequences to a terminal. Tabs are kept.
    static func sanitize(_ text: String) -> String {
        var needs = false
        for s in text.unicodeScalars where s != "\t" && isUnsafe(s) { needs = true; break }
        if !needs { return text }
        var out = ""
        for s in text.unicodeScalars {
            if s != "\t" && isUnsafe(s) { out += DisplayLine.visible(s).0 } else { out.unicodeScalars.append(s) }
        }
        return out
    }

    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
