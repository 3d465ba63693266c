import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source file held in memory as UTF-8 bytes, with a table of line starts.
///
/// All positions inside planlint are byte offsets into `bytes`. Line and column
/// numbers are derived on demand, in whichever unit a consumer needs
/// (see `SourceLocation`).
public final class SourceFile: Sendable, Hashable, CustomStringConvertible {
    /// The path as the user should see it (relative where possible), or a pseudo
    /// name such as `<stdin>`.
    public let path: String
    /// The text, UTF-8 (input in other encodings is transcoded by `TextDecoding`).
    public let bytes: [UInt8]
    /// Byte offsets at which each line starts (32-bit: files are limited below 4 GiB), built
    /// the first time a line is asked for. A check of a plan asks only to place its findings,
    /// after the rules have run: a table made up front (4 bytes a line, 1.7 MB for a 15 MB
    /// plan) would be held through the run's peak for nothing (Docs/performance.md,
    /// "Memory"). Made once even when threads ask together; a racing builder's copy is dropped.
    private let lazyLineTable = AtomicLazyReference<LineTable>()

    /// The line table, built on first use.
    var lineTable: [UInt32] {
        if let table = lazyLineTable.load() { return table.starts }
        return lazyLineTable.storeIfNil(LineTable(starts: SourceFile.computeLineStarts(bytes))).starts
    }

    /// Whether the line table has been built (for tests).
    package var hasLineTable: Bool { lazyLineTable.load() != nil }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public var description: String { path }

    public static func == (lhs: SourceFile, rhs: SourceFile) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    public var lineCount: Int { lineTable.count }

    /// Whether the text starts with a UTF-8 byte order mark (which editors do not show, so
    /// columns on the first line are counted after it).
    public var hasByteOrderMark: Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    /// Byte offsets at which each line starts. Line breaks are `\n`, `\r\n` and a lone `\r`
    /// (NEL, U+2028 and U+2029 are *not* line breaks here, as in editors).
    /// A view over the line table: no copy is made, so indexing it in a loop is cheap.
    public var lineStarts: LineStarts { LineStarts(table: lineTable) }

    /// The byte offset at which line `index` (0-based) starts.
    public func lineStart(_ index: Int) -> Int { Int(lineTable[index]) }

    static func computeLineStarts(_ bytes: [UInt8]) -> [UInt32] {
        var starts: [UInt32] = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buf in
            guard let base = buf.baseAddress else { return }
            let n = buf.count
            if memchr(base, 0x0D, n) == nil {
                // No carriage returns: let memchr find the line feeds.
                var p = UnsafeRawPointer(base)
                let end = UnsafeRawPointer(base + n)
                while p < end, let hit = memchr(p, 0x0A, end - p) {
                    let at = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                    starts.append(UInt32(at + 1))
                    p = UnsafeRawPointer(hit) + 1
                }
                return
            }
            var i = 0
            while i < n {
                let b = buf[i]
                if b == 0x0A {
                    starts.append(UInt32(i + 1))
                } else if b == 0x0D {
                    if i + 1 < n && buf[i + 1] == 0x0A { i += 1 }
                    starts.append(UInt32(i + 1))
                }
                i += 1
            }
        }
        return starts
    }

    /// The 0-based index of the line containing `offset` (an offset equal to the file's
    /// length belongs to the last line).
    public func lineIndex(containing offset: Int) -> Int {
        let offset = max(0, min(offset, bytes.count))
        let target = UInt32(offset)
        let table = lineTable
        var lo = 0, hi = table.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if table[mid] <= target { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Byte range of line `index` (0-based) without its terminator.
    public func lineRange(_ index: Int) -> ByteRange {
        let table = lineTable
        let start = Int(table[index])
        var end = index + 1 < table.count ? Int(table[index + 1]) : bytes.count
        if end > start && bytes[end - 1] == 0x0A { end -= 1 }
        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return ByteRange(start, end)
    }

    /// Text of line `index` (0-based) without its terminator; invalid UTF-8 is repaired.
    public func lineText(_ index: Int) -> String {
        text(in: lineRange(index))
    }

    /// The text of a byte range (invalid UTF-8 is replaced with U+FFFD).
    public func text(in range: ByteRange) -> String {
        let r = clamp(range)
        return String(decoding: bytes[r.start..<r.end], as: UTF8.self)
    }

    /// The range limited to the file's bounds.
    public func clamp(_ range: ByteRange) -> ByteRange {
        let s = max(0, min(range.start, bytes.count))
        let e = max(s, min(range.end, bytes.count))
        return ByteRange(s, e)
    }

    /// Line and columns of a byte offset. An offset inside a multi-byte character is moved
    /// back to the character's first byte.
    public func location(of offset: Int) -> SourceLocation {
        let offset = max(0, min(offset, bytes.count))
        let line = lineIndex(containing: offset)
        var start = Int(lineTable[line])
        if line == 0 && hasByteOrderMark { start = min(3, offset) }
        var cp = 0, u16 = 0
        var i = start
        while i < offset {
            let b = bytes[i]
            let len = UTF8Scan.sequenceLength(b)
            if i + len > offset { break }
            cp += 1
            u16 += len == 4 ? 2 : 1
            i += len
        }
        return SourceLocation(offset: i, line: line + 1, column: cp + 1, utf16Column: u16 + 1, byteColumn: i - start + 1)
    }

    /// The byte offset of a 0-based line and a 0-based column counted in UTF-16 code units
    /// (LSP's default) or code points. Columns past the end of the line clamp to its end.
    public func offset(line: Int, column: Int, unit: ColumnUnit) -> Int {
        guard line >= 0 else { return 0 }
        guard line < lineTable.count else { return bytes.count }
        let range = lineRange(line)
        var i = range.start
        if line == 0 && hasByteOrderMark { i = min(3, range.end) }
        var col = 0
        while i < range.end && col < column {
            let len = UTF8Scan.sequenceLength(bytes[i])
            switch unit {
            case .utf8: col += len
            case .utf16: col += len == 4 ? 2 : 1
            case .codePoint: col += 1
            }
            if col > column { break }
            i = min(i + len, range.end)
        }
        return i
    }
}

/// A built line table: the box `SourceFile` publishes once.
final class LineTable: Sendable {
    let starts: [UInt32]
    init(starts: [UInt32]) { self.starts = starts }
}

/// The byte offsets at which lines start, as `Int`s, viewed over the 32-bit table.
public struct LineStarts: RandomAccessCollection, Sendable {
    let table: [UInt32]
    public var startIndex: Int { 0 }
    public var endIndex: Int { table.count }
    public subscript(i: Int) -> Int { Int(table[i]) }
}

/// A unit for counting columns.
public enum ColumnUnit: String, Sendable, Codable {
    case utf8, utf16, codePoint
}

/// A half-open range of byte offsets `[start, end)`.
public struct ByteRange: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }
    public var count: Int { end - start }
    public var isEmpty: Bool { start == end }
    public static func < (a: ByteRange, b: ByteRange) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }
    public var description: String { "\(start)..<\(end)" }
    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
}

/// A resolved position: 1-based line, and 1-based columns in three units.
public struct SourceLocation: Hashable, Sendable {
    /// Byte offset (moved to a character boundary).
    public let offset: Int
    /// 1-based line.
    public let line: Int
    /// 1-based column in Unicode code points (what the `short` format prints).
    public let column: Int
    /// 1-based column in UTF-16 code units (SARIF, LSP).
    public let utf16Column: Int
    /// 1-based column in bytes.
    public let byteColumn: Int
}

/// A file plus a byte range in it.
public struct SourceSpan: Hashable, Sendable {
    public let file: SourceFile
    public let range: ByteRange
    public init(file: SourceFile, range: ByteRange) {
        self.file = file
        self.range = file.clamp(range)
    }
    public var start: SourceLocation { file.location(of: range.start) }
    public var end: SourceLocation { file.location(of: range.end) }
    public var text: String { file.text(in: range) }
}

enum UTF8Scan {
    /// Length of the UTF-8 sequence introduced by `b` (1 for invalid lead bytes, so that
    /// scanning always advances).
    @inline(__always)
    static func sequenceLength(_ b: UInt8) -> Int {
        if b < 0x80 { return 1 }
        if b < 0xC0 { return 1 }
        if b < 0xE0 { return 2 }
        if b < 0xF0 { return 3 }
        if b < 0xF8 { return 4 }
        return 1
    }
}

// What Foundation's trimmingCharacters(in:) did for planlint, without Foundation.
extension StringProtocol {
    /// Without leading and trailing white space and line breaks.
    package var trimmedWhitespaceAndNewlines: String { trimmed { $0.isWhitespace } }
    /// Without leading and trailing white space (line breaks stay).
    package var trimmedWhitespace: String { trimmed { $0.isWhitespace && !$0.isNewline } }

    func trimmed(_ drop: (Character) -> Bool) -> String {
        var s = Substring(self)
        while let c = s.first, drop(c) { s.removeFirst() }
        while let c = s.last, drop(c) { s.removeLast() }
        return String(s)
    }
}
