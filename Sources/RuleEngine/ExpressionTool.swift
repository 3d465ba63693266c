import Diagnostics
import ExactNumbers
import RuleLanguage
import SourceText
import YAMLTree

/// `planlint eval`: an expression's value over a document, like `opa eval`.
public enum ExpressionTool {
    /// What `evaluate` produced: lines to print, and diagnostics (positioned in the
    /// expression, in the `--at` path, or at the data).
    public struct Output: Sendable {
        public var lines: [String]
        public var diagnostics: [Diagnostic]
        /// 0 when every evaluation succeeded, 2 when the expression or path has an error or an
        /// evaluation failed.
        public var exitCode: Int32 { diagnostics.contains { $0.severity == .error } ? 2 : 0 }
    }

    /// Evaluates `expression` over each document of `tree` with `self` and `root` bound to the
    /// document root — or, with `at`, with `self` bound to each match of that path (with
    /// `parent`, `key`, `index` and `path` as in rules). Values print with their rounding
    /// intervals; with several documents or matches each line starts with `path: `.
    public static func evaluate(_ expression: String, in tree: YAMLTree, at path: String? = nil,
                                symbols: SymbolTable = .default, costPolicy: CostPolicy = .default) -> Output {
        var out = Output(lines: [], diagnostics: [])
        let exprFile = SourceFile(path: "<expression>", text: expression)
        var selector = SelectorPath(text: "$", steps: [])
        let pathFile = SourceFile(path: "<--at>", text: path ?? "$")
        if let path {
            switch SelectorPath.parse(path) {
            case .success(let s): selector = s
            case .failure(let problems):
                for p in problems.problems {
                    let code = p.expressionCode?.rawValue ?? EngineCode.invalidPath.rawValue
                    out.diagnostics.append(Diagnostic(code: code, severity: .error, message: p.message,
                                                      location: .span(SourceSpan(file: pathFile, range: p.range)),
                                                      primaryLabel: p.label, notes: p.notes, help: p.help))
                }
            }
        }
        // Names bound with `as` in the path are variables of the expression.
        var scope = Scope()
        var captures: [(step: Int, slot: Int)] = []
        for c in selector.captures {
            if let slot = scope.declare(c.name) {
                captures.append((c.step, slot))
            } else {
                out.diagnostics.append(Diagnostic(EngineCode.invalidPath, severity: .error,
                                                  message: ToolMessage.alreadyAVariable(["name": c.name]),
                                                  location: .span(SourceSpan(file: pathFile, range: c.range))))
            }
        }
        let compiled = Expression.compile(expression, scope: scope)
        for p in compiled.problems {
            out.diagnostics.append(Diagnostic(p.code, severity: .error, message: p.message,
                                              location: .span(SourceSpan(file: exprFile, range: p.range)),
                                              primaryLabel: p.label, notes: p.notes, help: p.help))
        }
        guard let e = compiled.expression, out.diagnostics.isEmpty else { return out }
        let options = EvaluationOptions(symbols: symbols)
        let docs = tree.documents
        for root in docs {
            var meter = CostMeter.forDocument(nodeCount: tree.nodeCount, policy: costPolicy)
            var activation = Activation(scope: scope)
            var filterMeter = meter
            let matches: PathMatches
            do {
                matches = try RuleEvaluation.match(selector, in: root, options: options, meter: &filterMeter)
            } catch {
                let r = error.error.range
                out.diagnostics.append(failure(error.error, label: Label(
                    span: SourceSpan(file: pathFile, range: ByteRange(r.start + error.expressionOffset, r.end + error.expressionOffset)),
                    message: ToolMessage.inThisFilter()), fallback: root))
                continue
            }
            meter = filterMeter
            if matches.matches.isEmpty, path != nil {
                out.lines.append(docs.count > 1 ? ToolMessage.documentNoMatch(["number": docIndex(root, docs)]) : ToolMessage.noMatch())
                // A misspelt key: said as a rule's `for` says it, with "did you mean".
                if let empty = matches.empty {
                    out.diagnostics.append(empty.diagnostic(path: selector, span: { SourceSpan(file: pathFile, range: $0) }, what: ToolMessage.theAtPath()))
                }
                continue
            }
            let prefixed = path != nil || docs.count > 1
            for m in matches.matches {
                let p = matches.path(of: m.trail)
                RuleEvaluation.bind(&activation, m, root: root, path: p)
                for c in captures { activation.bind(c.slot, node: matches.ancestor(of: m.trail, step: c.step)) }
                do {
                    let v = try e.evaluate(&activation, options: options, meter: &meter)
                    let label = docs.count > 1 ? ToolMessage.documentPath(["number": docIndex(root, docs), "path": p]) : p
                    out.lines.append(prefixed ? "\(label): \(v.formatted(.intervals, symbols: symbols))" : v.formatted(.intervals, symbols: symbols))
                } catch {
                    out.diagnostics.append(failure(error, label: Label(span: SourceSpan(file: exprFile, range: error.range),
                                                                       message: ToolMessage.whileEvaluating()), fallback: m.owned))
                    if error.code == .budgetExceeded { break }
                }
            }
        }
        return out
    }

    static func docIndex(_ root: YAMLNode, _ docs: [YAMLNode]) -> Int {
        (docs.firstIndex(of: root) ?? 0) + 1
    }

    /// An evaluation failure: at the data node when the data caused it, else at the
    /// expression (`label` then says where in the expression the data was being read).
    static func failure(_ e: EvaluationError, label: Label, fallback: YAMLNode?) -> Diagnostic {
        let code = (e.code == .budgetExceeded ? EngineCode.budgetExceeded : EngineCode.evaluationFailed).rawValue
        if let node = e.node {
            return Diagnostic(code: code, severity: .error, message: e.message, location: .span(Blame.span(of: node)),
                              primaryLabel: e.code.rawValue, labels: [label], notes: e.notes, help: e.help)
        }
        return Diagnostic(code: code, severity: .error, message: e.message, location: .span(label.span),
                          primaryLabel: e.code.rawValue, notes: e.notes, help: e.help)
    }
}
