import SourceText

/// Offsets from the start of a file in UTF-16 code units, which SARIF's `charOffset` and
/// `charLength` count when `columnKind` is `utf16CodeUnits`.
///
/// Built once per file (a table of line starts); a position then costs its line's column.
struct UTF16Offsets {
    let file: SourceFile
    private let lineStarts: [Int]

    init(_ file: SourceFile) {
        self.file = file
        var starts: [Int] = []
        starts.reserveCapacity(file.lineStarts.count)
        var total = 0
        let bytes = file.bytes
        for i in file.lineStarts.indices {
            starts.append(total)
            let end = i + 1 < file.lineStarts.count ? file.lineStarts[i + 1] : bytes.count
            // The line's code units, terminator included: its last location's UTF-16 column
            // plus the terminator bytes (ASCII) after the content.
            let content = file.lineRange(i)
            total += file.location(of: content.end).utf16Column - 1 + (end - content.end)
        }
        self.lineStarts = starts
    }

    /// The UTF-16 offset of a resolved location in this file.
    func offset(of location: SourceLocation) -> Int {
        lineStarts[location.line - 1] + location.utf16Column - 1
    }
}
