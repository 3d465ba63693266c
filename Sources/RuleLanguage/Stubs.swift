// Temporary: placeholders behind API.swift while the implementation lands.
import ExactNumbers
import SourceText

enum Lexer {
    static let reservedWords: Set<String> = ["true", "false", "null", "in"]
    static func isIdentStart(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F }
    static func isIdentContinue(_ c: UInt8) -> Bool { isIdentStart(c) || (c >= 0x30 && c <= 0x39) }
}

struct Expr: Sendable { var sexpr: String { "" } }

enum Compiler {
    static func compile(_ text: String, scope: Scope, expecting: ValueType?, limits: ExpressionLimits) -> CompileResult {
        CompileResult(expression: nil, problems: [ExpressionProblem(code: .syntax, message: "the expression compiler is not implemented yet", range: ByteRange(0, text.utf8.count))])
    }
}

struct Interpreter {
    var trace: [ComparisonTrace] = []
    init(expression: CompiledExpression, options: EvaluationOptions, tracing: Bool) {}
    mutating func run(_ a: inout Activation, meter: inout CostMeter) throws(EvaluationError) -> Value {
        throw EvaluationError(code: .typeMismatch, message: "not implemented yet", range: ByteRange(0, 0))
    }
}

struct ValueFormatter {
    let style: ValueStyle
    let symbols: SymbolTable
    func format(_ v: Value) -> String { "" }
}

struct RuntimeType { let name: String; static func of(_ v: Value) -> RuntimeType { RuntimeType(name: "dyn") } }

enum FiscalYearParser {
    static func parse(_ text: String) -> Result<Int, FiscalYearError> { .failure(FiscalYearError(message: "not implemented yet", help: nil)) }
}

enum Builtins { static let catalog: [FunctionInfo] = [] }
