import SourceText

/// Offsets from the start of a file in UTF-16 code units, which SARIF's `charOffset` and
/// `charLength` count when `columnKind` is `utf16CodeUnits`.
///
/// Built once per file (the UTF-16 offset of every line start); a position then costs O(1).
struct UTF16Offsets {
    private let lineStarts: [Int]

    init(_ file: SourceFile, index: PositionIndex) {
        var starts: [Int] = []
        starts.reserveCapacity(file.lineCount)
        var total = 0
        let count = file.bytes.count
        for i in 0..<file.lineCount {
            starts.append(total)
            let next = i + 1 < file.lineCount ? file.lineStart(i + 1) : count
            // The line's content in code units, then its terminator (ASCII: one unit a byte).
            let content = file.lineRange(i)
            total += index.position(file, content.end).utf16Column - 1 + (next - content.end)
        }
        self.lineStarts = starts
    }

    /// The UTF-16 offset of a 1-based line and UTF-16 column.
    func offset(line: Int, utf16Column: Int) -> Int {
        lineStarts[line - 1] + utf16Column - 1
    }
}
