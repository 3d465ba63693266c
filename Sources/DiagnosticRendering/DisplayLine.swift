import SourceText

/// One source line as a terminal shows it: each character at a cell position, tabs expanded
/// to tab stops, wide (East Asian W/F) characters two cells, and characters that would
/// corrupt or deceive a terminal replaced by visible stand-ins.
///
/// The human renderer places carets by cell, so the same table that prints the line also
/// positions what is drawn under it; they cannot drift apart.
struct DisplayLine {
    /// A character of the line: where it starts in the file, which cell it starts at, how
    /// many cells it takes and what is printed for it.
    struct Glyph {
        let byte: Int
        let cell: Int
        let width: Int
        let text: String
    }

    let glyphs: [Glyph]
    /// Cells taken by the whole line.
    let width: Int
    /// Byte offsets of the line's content (without its terminator).
    let range: ByteRange

    init(file: SourceFile, line: Int, tabWidth: Int) {
        let range = file.lineRange(line)
        self.range = range
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(range.count)
        var cell = 0
        var i = range.start
        let bytes = file.bytes
        while i < range.end {
            let (scalar, length) = DisplayLine.decode(bytes, at: i, end: range.end)
            let (text, width): (String, Int)
            if scalar == "\t" {
                let n = tabWidth - cell % tabWidth
                (text, width) = (String(repeating: " ", count: n), n)
            } else {
                (text, width) = DisplayLine.visible(scalar)
            }
            glyphs.append(Glyph(byte: i, cell: cell, width: width, text: text))
            cell += width
            i += length
        }
        self.glyphs = glyphs
        self.width = cell
    }

    /// The cell at which the character containing byte `offset` starts; offsets at or past
    /// the end of the line's content give the cell just after its last character.
    func cell(atByte offset: Int) -> Int {
        if offset >= range.end || glyphs.isEmpty { return width }
        if offset <= range.start { return 0 }
        var lo = 0, hi = glyphs.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if glyphs[mid].byte <= offset { lo = mid } else { hi = mid - 1 }
        }
        return glyphs[lo].cell
    }

    /// Whether everything before byte `offset` on this line is blank.
    func isBlank(before offset: Int) -> Bool {
        for g in glyphs where g.byte < offset {
            if !g.text.allSatisfy({ $0 == " " }) { return false }
        }
        return true
    }

    /// The printed text of cells `window.start..<window.end`, with `...` where the line
    /// continues beyond the window. A wide character cut by an edge becomes a space, so
    /// every cell keeps its column.
    func text(in window: Window) -> String {
        var out = window.elidedLeft ? "..." : ""
        var at = window.start
        for g in glyphs {
            if g.cell < window.start { continue }
            if g.cell + g.width > window.end { break }
            if g.cell > at { out += String(repeating: " ", count: g.cell - at) }
            out += g.text
            at = g.cell + g.width
        }
        if window.elidedRight {
            if at < window.end { out += String(repeating: " ", count: window.end - at) }
            out += "..."
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
