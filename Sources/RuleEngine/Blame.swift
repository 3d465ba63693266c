import SourceText
import YAMLTree

/// Which span a diagnostic about a node points at.
enum Blame {
    /// The node's span, narrowed for block collections to their first line: a finding about a
    /// table row shows the row's first line, not all of it. Scalars and flow collections
    /// (`{fy: 2014, count: 6}`) are shown whole.
    static func span(of node: YAMLNode) -> SourceSpan {
        let full = node.span
        if node.isScalar || node.collectionStyle == .flow { return full }
        let file = node.file
        let lineIndex = file.lineIndex(containing: full.range.start)
        let lineEnd = file.lineRange(lineIndex).end
        var end = min(full.range.end, lineEnd)
        // Drop trailing blanks and a comment.
        let bytes = file.bytes
        var i = full.range.start
        var inQuote: UInt8? = nil
        while i < end {
            let b = bytes[i]
            if let q = inQuote {
                if b == q { inQuote = nil }
            } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                inQuote = b
            } else if b == UInt8(ascii: "#"), i > full.range.start, bytes[i - 1] == 0x20 || bytes[i - 1] == 0x09 {
                end = i
                break
            }
            i += 1
        }
        while end > full.range.start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return SourceSpan(file: file, range: ByteRange(full.range.start, max(end, full.range.start)))
    }
}
