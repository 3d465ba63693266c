import ExactNumbers
import SourceText

/// The parsed, unchecked tree. Every node knows its byte range in the expression text and
/// its height (so later passes may recurse: the parser bounds the height).
final class Syntax: Sendable {
    enum UnaryOp: String, Sendable { case not = "!", negate = "-" }

    enum BinaryOp: String, Sendable {
        case or = "||", and = "&&"
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", approx = "~="
        case `in` = "in"
        case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"

        var isComparison: Bool {
            switch self {
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .approx, .in: true
            default: false
            }
        }
    }

    enum Kind: Sendable {
        case null
        case bool(Bool)
        case number(ExactDecimal)
        case string(String, verbatimStart: Int?)
        case list([Syntax])
        case map([(key: Syntax, value: Syntax)])
        case identifier(String)
        /// `target.name`
        case member(Syntax, name: String, nameRange: ByteRange)
        /// `target[index]`
        case index(Syntax, Syntax)
        case unary(UnaryOp, Syntax)
        case binary(BinaryOp, Syntax, Syntax, opRange: ByteRange)
        case conditional(Syntax, Syntax, Syntax)
        /// `name(args)` or `receiver.name(args)`.
        case call(name: String, nameRange: ByteRange, receiver: Syntax?, args: [Syntax])
    }

    let kind: Kind
    let range: ByteRange
    let height: Int

    init(_ kind: Kind, _ range: ByteRange, height: Int) { (self.kind, self.range, self.height) = (kind, range, height) }

    /// An S-expression for tests: `(+ 1 (* 2 3))`, `(. a b)`, `(call f a)`.
    var sexpr: String {
        switch kind {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return d.description
        case .string(let s, _): return "'" + s + "'"
        case .list(let items): return "[" + items.map(\.sexpr).joined(separator: " ") + "]"
        case .map(let entries): return "{" + entries.map { $0.key.sexpr + ": " + $0.value.sexpr }.joined(separator: ", ") + "}"
        case .identifier(let n): return n
        case .member(let t, let name, _): return "(. \(t.sexpr) \(name))"
        case .index(let t, let i): return "([] \(t.sexpr) \(i.sexpr))"
        case .unary(let op, let x): return "(\(op.rawValue) \(x.sexpr))"
        case .binary(let op, let l, let r, _): return "(\(op.rawValue) \(l.sexpr) \(r.sexpr))"
        case .conditional(let c, let t, let e): return "(?: \(c.sexpr) \(t.sexpr) \(e.sexpr))"
        case .call(let name, _, let receiver, let args):
            let all = (receiver.map { [$0] } ?? []) + args
            return "(\(receiver == nil ? "" : ".")\(name)" + all.map { " " + $0.sexpr }.joined() + ")"
        }
    }
}
