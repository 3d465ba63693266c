import RuleLanguage
import SourceText
import YAMLTree

/// A piece of text written in a rule file — an expression, a path, a message template —
/// that remembers the YAML scalar it came from, so that a byte range inside the *text*
/// (say, the column of an unknown identifier) can be shown at the right place in the *file*,
/// whatever the scalar's style (plain, quoted with escapes, literal or folded block).
public struct RuleText: Sendable {
    /// The decoded text (what the expression parser saw).
    public let text: String
    /// The scalar node in the rule file.
    public let node: YAMLNode

    public init(text: String, node: YAMLNode) { (self.text, self.node) = (text, node) }

    /// The rule file.
    public var file: SourceFile { node.file }

    /// The span of the whole scalar as written (quotes and block header included).
    public var span: SourceSpan { node.span }

    /// The file span where the text's bytes `range` were written. An empty range maps to an
    /// empty span at its position; a range running past the text ends at the scalar's end.
    public func span(of range: ByteRange) -> SourceSpan {
        guard let map = node.scalarSourceOffsets(), !map.isEmpty else { return node.span }
        let count = map.count - 1
        let s = max(0, min(range.start, count))
        let e = max(s, min(range.end, count))
        let start = map[s]
        var end: Int
        if e == s {
            end = start
        } else {
            end = map[e - 1] + 1
            // A multi-byte character whose last byte is the range's last: extend to its end.
            let bytes = node.file.bytes
            while end < bytes.count && end < node.range.end && bytes[end] & 0xC0 == 0x80 { end += 1 }
            if end < start { end = start }
        }
        return SourceSpan(file: node.file, range: ByteRange(start, end))
    }

    /// The span of a part of the text given as an offset and a length (for parts of a
    /// template or a path compiled on their own).
    public func span(from offset: Int, length: Int) -> SourceSpan {
        span(of: ByteRange(offset, offset + length))
    }
}

/// A problem inside a piece of rule text (a path, a template, an expression): a message at a
/// byte range of the text. Problems of embedded expressions keep the compiler's code.
package struct TextProblem: Sendable, Error {
    package var message: String
    package var range: ByteRange
    package var label: String?
    package var help: String?
    /// Set when the problem comes from compiling an expression.
    package var expressionCode: ExpressionProblem.Code?
    package var notes: [String] = []

    package init(message: String, range: ByteRange, label: String? = nil, help: String? = nil,
                expressionCode: ExpressionProblem.Code? = nil, notes: [String] = []) {
        self.message = message
        self.range = range
        self.label = label
        self.help = help
        self.expressionCode = expressionCode
        self.notes = notes
    }

    /// An expression problem, moved by `offset` bytes (the expression's start in the text).
    package init(_ p: ExpressionProblem, offset: Int = 0) {
        self.init(message: p.message, range: ByteRange(p.range.start + offset, p.range.end + offset),
                  label: p.label, help: p.help, expressionCode: p.code, notes: p.notes)
    }
}

/// Every problem found in one piece of rule text (the failure of a parse).
package struct TextProblems: Error, Sendable {
    package var problems: [TextProblem]
    package init(_ problems: [TextProblem]) { self.problems = problems }
}
