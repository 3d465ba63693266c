import ExactNumbers
import SourceText
import Testing
import YAMLTree
@testable import RuleLanguage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses `text` and returns the unchecked tree as an S-expression, or the problem.
func parseTree(_ text: String, limits: ExpressionLimits = .default) -> String {
    switch Parser.parse(text, limits: limits) {
    case .success(let s): return s.sexpr
    case .failure(let p): return "error: \(p.message)"
    }
}

/// The single parse problem of `text`.
func parseProblem(_ text: String, limits: ExpressionLimits = .default) -> ExpressionProblem? {
    if case .failure(let p) = Parser.parse(text, limits: limits) { return p }
    return nil
}

/// Compiles against `names` and returns the problems.
func problems(_ text: String, names: [String] = Scope.ruleVariables, expecting: ValueType? = nil) -> [ExpressionProblem] {
    Expression.compile(text, scope: Scope(names), expecting: expecting).problems
}

/// The text a problem's range covers.
func covered(_ text: String, _ range: ByteRange) -> String {
    String(decoding: Array(text.utf8)[range.start..<range.end], as: UTF8.self)
}

struct Failure: Error, CustomStringConvertible {
    let description: String
}

/// Evaluates `text` with variables; throws a readable failure for compile problems.
func evaluate(_ text: String, _ variables: [(String, Value)] = [], symbols: SymbolTable = .default, limit: Int = 1_000_000) throws -> Value {
    var meter = CostMeter(limit: limit)
    do {
        return try Expression.evaluate(text, variables: variables, options: EvaluationOptions(symbols: symbols), meter: &meter)
    } catch {
        switch error {
        case .compile(let ps): throw Failure(description: "compile: " + ps.map(\.description).joined(separator: "; "))
        case .evaluation(let e): throw e
        }
    }
}

/// The evaluation error of `text`, or nil when it evaluates.
func evaluationError(_ text: String, _ variables: [(String, Value)] = [], symbols: SymbolTable = .default, limit: Int = 1_000_000) -> EvaluationError? {
    do {
        _ = try evaluate(text, variables, symbols: symbols, limit: limit)
        return nil
    } catch let e as EvaluationError {
        return e
    } catch {
        Issue.record("unexpected failure \(error)")
        return nil
    }
}

/// Evaluates to a description (`formatted`), for compact expectations.
func show(_ text: String, _ variables: [(String, Value)] = [], style: ValueStyle = .plain) throws -> String {
    try evaluate(text, variables).formatted(style)
}

func isTrue(_ text: String, _ variables: [(String, Value)] = [], symbols: SymbolTable = .default) throws -> Bool {
    let v = try evaluate(text, variables, symbols: symbols)
    guard case .bool(let b) = v else { throw Failure(description: "\(text) gave \(v.formatted()), not a bool") }
    return b
}

/// The root node of a YAML document.
func yaml(_ text: String) -> YAMLNode {
    let result = YAMLReader.parse(text)
    precondition(result.problems.isEmpty, "bad test YAML: \(result.problems)")
    return result.documents[0]
}

/// The Miyagi plan, read once.
let miyagi: YAMLNode = {
    var dir = #filePath
    for _ in 0..<3 { dir = String(dir[..<dir.lastIndex(of: "/")!]) }
    let path = dir + "/Tests/Fixtures/plan-1/miyagi-ict-2014-2016.yaml"
    let bytes = try! readFile(path)
    let (_, result) = YAMLReader.read(path: path, raw: bytes)
    precondition(result.problems.isEmpty)
    return result.documents[0]
}()

func readFile(_ path: String) throws -> [UInt8] {
    guard let f = fopen(path, "rb") else { throw Failure(description: "cannot open \(path)") }
    defer { fclose(f) }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        out.append(contentsOf: buf[0..<n])
    }
    return out
}
