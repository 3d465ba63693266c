/// A document's text that an editor changes a character at a time: a gap buffer, so an edit
/// costs the bytes it inserts plus the distance from the previous edit, not the size of the
/// document (10,000 one-character changes to a 10 MB document once took minutes).
///
/// Positions (line, character) are resolved from a remembered line start near the previous
/// edit, scanning only the lines and characters in between. Line breaks are `\n`, `\r\n`
/// and a lone `\r`, as in `SourceText`.
package struct EditableText: Sendable {
    private var storage: [UInt8]
    private var gapStart: Int
    private var gapEnd: Int
    /// A known line start: line `anchorLine` starts at byte `anchorOffset`.
    private var anchorLine = 0
    private var anchorOffset = 0

    package init(_ bytes: [UInt8] = []) {
        storage = bytes
        gapStart = bytes.count
        gapEnd = bytes.count
    }

    /// Bytes of text (the gap excluded).
    package var count: Int { storage.count - (gapEnd - gapStart) }

    @inline(__always) package func byte(at i: Int) -> UInt8 {
        i < gapStart ? storage[i] : storage[i + gapEnd - gapStart]
    }

    /// The whole text, copied out (O(size)).
    package var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        out += storage[0..<gapStart]
        out += storage[gapEnd...]
        return out
    }

    // MARK: positions

    /// Whether a line break ends at `i` (the byte before `i` ends a line): `\n`, or `\r` not
    /// followed by `\n`.
    private func breakEnds(at i: Int) -> Bool {
        guard i > 0 else { return false }
        let b = byte(at: i - 1)
        if b == 0x0A { return true }
        return b == 0x0D && (i >= count || byte(at: i) != 0x0A)
    }

    /// The byte offset at which `line` starts (the end of the text past the last line).
    package mutating func lineStart(_ line: Int) -> Int {
        var l = anchorLine, o = anchorOffset
        if line < l && line < l / 2 { l = 0; o = 0 }   // nearer the top than the anchor
        while l < line {
            guard o < count else { return count }
            o += 1
            if breakEnds(at: o) { l += 1 }
        }
        while l > line {
            o -= 1
            while o > 0 && !breakEnds(at: o) { o -= 1 }
            l -= 1
        }
        anchorLine = l
        anchorOffset = o
        return o
    }

    /// The byte offset of an LSP position: `character` counted in `unit` (UTF-8 bytes,
    /// UTF-16 code units or code points) from the line's start, clamped to the line's end.
    package mutating func offset(line: Int, character: Int, unit: Unit) -> Int {
        guard line >= 0 else { return 0 }
        var i = lineStart(line)
        // Columns on the first line are counted after a byte order mark, as in `SourceText`.
        if line == 0 && count >= 3 && byte(at: 0) == 0xEF && byte(at: 1) == 0xBB && byte(at: 2) == 0xBF { i = 3 }
        var col = 0
        let n = count
        while i < n && col < character {
            let b = byte(at: i)
            if b == 0x0A || b == 0x0D { break }
            let len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            switch unit {
            case .utf8: col += len
            case .utf16: col += len == 4 ? 2 : 1
            case .codePoint: col += 1
            }
            if col > character { break }
            i = min(i + len, n)
        }
        return i
    }

    package enum Unit: Sendable { case utf8, utf16, codePoint }

    // MARK: editing

    /// Replaces the bytes in `start..<end` with `text`.
    package mutating func replace(_ start: Int, _ end: Int, with text: some Collection<UInt8>) {
        let start = max(0, min(start, count)), end = max(start, min(end, count))
        // A remembered line start after the edit may move, and a `\r` just before the edit
        // may join a `\n` it inserts: start again from the top then.
        if anchorOffset > start || (start > 0 && byte(at: start - 1) == 0x0D) {
            anchorLine = 0
            anchorOffset = 0
        }
        moveGap(to: start)
        gapEnd += end - start
        let needed = text.count
        if gapEnd - gapStart < needed { grow(needed) }
        for b in text {
            storage[gapStart] = b
            gapStart += 1
        }
    }

    private mutating func moveGap(to position: Int) {
        if position < gapStart {
            let n = gapStart - position
            storage.withUnsafeMutableBufferPointer { p in
                _ = memmoveBytes(p.baseAddress!, from: position, to: gapEnd - n, count: n)
            }
            gapStart -= n
            gapEnd -= n
        } else if position > gapStart {
            let n = position - gapStart
            storage.withUnsafeMutableBufferPointer { p in
                _ = memmoveBytes(p.baseAddress!, from: gapEnd, to: gapStart, count: n)
            }
            gapStart += n
            gapEnd += n
        }
    }

    /// Makes the gap at least `needed` bytes (and at least as large as the text, so growing
    /// is amortised).
    private mutating func grow(_ needed: Int) {
        let extra = max(needed, count, 64)
        let tail = storage.count - gapEnd
        storage += [UInt8](repeating: 0, count: extra)
        if tail > 0 {
            storage.withUnsafeMutableBufferPointer { p in
                _ = memmoveBytes(p.baseAddress!, from: gapEnd, to: gapEnd + extra, count: tail)
            }
        }
        gapEnd += extra
    }
}

/// `memmove` within one buffer (overlapping ranges allowed).
@inline(__always) private func memmoveBytes(_ base: UnsafeMutablePointer<UInt8>, from: Int, to: Int, count: Int) -> Bool {
    guard count > 0 else { return true }
    (base + to).update(from: base + from, count: count)   // handles overlap like memmove
    return true
}
