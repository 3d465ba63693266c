import RuleLanguage
import SourceText

/// A message with `{expression}` parts, e.g. `tally for {key} says {self}, but {counted}
/// projects carry it`. `{{` and `}}` stand for literal braces. Each part is compiled once,
/// at load; values print with `Value.formatted`.
package struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case literal(String)
        /// An expression and its byte range in the template text.
        case expression(CompiledExpression, range: ByteRange)
    }

    let parts: [Part]
    /// The template as written.
    package let text: String

    /// The compiled expressions, for dependency analysis (which lets must be computed).
    var expressions: [CompiledExpression] {
        parts.compactMap { if case .expression(let e, _) = $0 { return e } else { return nil } }
    }

    /// Parses `text`, compiling each `{…}` part against `scope`. Returns every problem found.
    package static func parse(_ text: String, scope: Scope, limits: ExpressionLimits = .default) -> Result<MessageTemplate, TextProblems> {
        var memo = Memo()
        return parse(text, scope: scope, limits: limits, memo: &memo)
    }

    /// The `{…}` parts already compiled for other templates of the same scope, by their text
    /// (a rule's message in Japanese and in English mostly name the same parts). Compiling is
    /// a function of the text, the scope and the limits, so a part found here is the part
    /// compiling it again would give, problems included. A part written twice in one template
    /// is compiled twice, as before: two nodes, so that evaluating the template works as it
    /// did (the interpreter remembers values by node).
    package struct Memo {
        var results: [String: CompileResult] = [:]
        package init() {}
    }

    /// `parse`, taking the parts of other templates of `scope` from `memo` and adding its own.
    package static func parse(_ text: String, scope: Scope, limits: ExpressionLimits, memo: inout Memo) -> Result<MessageTemplate, TextProblems> {
        var compiledHere: [String: CompileResult] = [:]
        defer { memo.results.merge(compiledHere) { earlier, _ in earlier } }
        let bytes = Array(text.utf8)
        var parts: [Part] = []
        var problems: [TextProblem] = []
        var literal: [UInt8] = []
        var i = 0
        func flush() {
            if !literal.isEmpty {
                parts.append(.literal(String(decoding: literal, as: UTF8.self)))
                literal.removeAll()
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "{") {
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") {
                    literal.append(b)
                    i += 2
                    continue
                }
                let open = i
                guard let close = ExpressionScan.closing(bytes, from: i + 1, end: bytes.count, closer: UInt8(ascii: "}")) else {
                    problems.append(TextProblem(
                        message: ToolMessage.braceNotClosed(), range: ByteRange(open, open + 1), label: ToolMessage.openedHere(),
                        help: ToolMessage.endTheExpression()))
                    break
                }
                let exprText = String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
                if exprText.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) {
                    problems.append(TextProblem(
                        message: ToolMessage.emptyBraces(), range: ByteRange(open, close + 1),
                        help: ToolMessage.putAnExpression()))
                } else {
                    let result: CompileResult
                    if let earlier = memo.results[exprText] {
                        result = earlier
                    } else {
                        result = Expression.compile(exprText, scope: scope, limits: limits)
                        if compiledHere[exprText] == nil { compiledHere[exprText] = result }
                    }
                    if let e = result.expression {
                        flush()
                        parts.append(.expression(e, range: ByteRange(open + 1, close)))
                    } else {
                        problems += result.problems.map { TextProblem($0, offset: open + 1) }
                    }
                }
                i = close + 1
                continue
            }
            if b == UInt8(ascii: "}") {
                if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "}") {
                    literal.append(b)
                    i += 2
                    continue
                }
                problems.append(TextProblem(
                    message: ToolMessage.singleCloseBrace(), range: ByteRange(i, i + 1), label: ToolMessage.noOpeningBrace(),
                    help: ToolMessage.writeDoubleBrace()))
                i += 1
                continue
            }
            literal.append(b)
            i += 1
        }
        flush()
        return problems.isEmpty ? .success(MessageTemplate(parts: parts, text: text)) : .failure(TextProblems(problems))
    }
}
