import SourceText

/// Resolves byte offsets to lines and columns during one render, in time independent of how
/// long the line is.
///
/// `SourceFile.location(of:)` scans from the start of the line, which is right for ordinary
/// YAML but costs O(line length) per call: a minified 10 MB one-line file with thousands of
/// findings would take minutes. For lines longer than `longLine` bytes this index keeps a
/// checkpoint of the scan every `stride` characters, built once per line, and resumes the
/// scan from the nearest one. It follows exactly the steps of `location(of:)` (the same
/// lead-byte lengths, the same stop inside a truncated sequence), so both give the same
/// answers; a test checks that on adversarial bytes.
///
/// One index lives for one render call and is not shared between threads.
package final class PositionIndex {
    /// A resolved position (SourceText's `SourceLocation` cannot be built outside its module).
    struct Position: Equatable {
        /// Byte offset, moved back to the start of a character.
        let offset: Int
        /// 1-based line.
        let line: Int
        /// 1-based column in code points.
        let column: Int
        /// 1-based column in UTF-16 code units.
        let utf16Column: Int
    }

    /// A state of the scan from a line's start: at `byte`, having passed `codePoints`
    /// characters that take `utf16` code units.
    struct Checkpoint {
        let byte: Int
        let codePoints: Int
        let utf16: Int
    }

    static let longLine = 4096
    static let stride = 256

    private var checkpoints: [SourceFile: [Int: [Checkpoint]]] = [:]
    private var displayLines: [SourceFile: [Int: DisplayLine]] = [:]
    private var utf16Tables: [SourceFile: UTF16Offsets] = [:]

    package init() {}

    func position(_ file: SourceFile, _ offset: Int) -> Position {
        let offset = max(0, min(offset, file.bytes.count))
        let line = file.lineIndex(containing: offset)
        let start = file.lineStart(line)
        let lineEnd = line + 1 < file.lineCount ? file.lineStart(line + 1) : file.bytes.count
        if lineEnd - start <= PositionIndex.longLine {
            let l = file.location(of: offset)
            return Position(offset: l.offset, line: l.line, column: l.column, utf16Column: l.utf16Column)
        }
        let table = checkpointTable(file, line: line, start: start, end: lineEnd)
        // The last checkpoint at or before the offset.
        var lo = 0, hi = table.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if table[mid].byte <= offset { lo = mid } else { hi = mid - 1 }
        }
        let c = PositionIndex.walk(file.bytes, from: table[lo], to: offset) { _ in }
        return Position(offset: c.byte, line: line + 1, column: c.codePoints + 1, utf16Column: c.utf16 + 1)
    }

    func start(_ span: SourceSpan) -> Position { position(span.file, span.range.start) }
    func end(_ span: SourceSpan) -> Position { position(span.file, span.range.end) }

    /// UTF-16 code units from the start of the file to `p`.
    func utf16Offset(_ file: SourceFile, _ p: Position) -> Int {
        if let t = utf16Tables[file] { return t.offset(line: p.line, utf16Column: p.utf16Column) }
        let t = UTF16Offsets(file, index: self)
        utf16Tables[file] = t
        return t.offset(line: p.line, utf16Column: p.utf16Column)
    }

    /// The display form of a line, built once per render.
    func displayLine(_ file: SourceFile, line: Int, tabWidth: Int) -> DisplayLine {
        if let d = displayLines[file]?[line] { return d }
        let d = DisplayLine(file: file, line: line, tabWidth: tabWidth)
        displayLines[file, default: [:]][line] = d
        return d
    }

    private func checkpointTable(_ file: SourceFile, line: Int, start: Int, end: Int) -> [Checkpoint] {
        if let t = checkpoints[file]?[line] { return t }
        var table = [Checkpoint(byte: start, codePoints: 0, utf16: 0)]
        // The same steps as `location(of:)` with a target at the end of the line.
        _ = PositionIndex.walk(file.bytes, from: table[0], to: end) { c in
            if c.codePoints % PositionIndex.stride == 0 { table.append(c) }
        }
        checkpoints[file, default: [:]][line] = table
        return table
    }

    /// Steps code point by code point from `start` to the last sequence that ends at or before
    /// `end`, calling `step` after each; returns where it stopped.
    @inline(__always)
    static func walk(_ bytes: [UInt8], from start: Checkpoint, to end: Int, _ step: (Checkpoint) -> Void) -> Checkpoint {
        var c = start
        while c.byte < end {
            let len = sequenceLength(bytes[c.byte])
            if c.byte + len > end { break }
            c = Checkpoint(byte: c.byte + len, codePoints: c.codePoints + 1, utf16: c.utf16 + (len == 4 ? 2 : 1))
            step(c)
        }
        return c
    }

    /// SourceText's rule for the length of the sequence a byte starts (1 for bytes that
    /// cannot start one, so scans always advance).
    @inline(__always)
    static func sequenceLength(_ b: UInt8) -> Int {
        b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF8 ? 4 : 1
    }
}
