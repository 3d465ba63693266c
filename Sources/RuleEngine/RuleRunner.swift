import Diagnostics
#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif
import Dispatch
import ExactNumbers
import RuleLanguage
import SourceText
import Guarded
import Synchronization
import YAMLTree

/// Settings for running rules.
public struct RunOptions: Sendable {
    /// Add to each finding notes with the comparisons that decided it, numbers shown with
    /// their rounding intervals (`planlint check --explain`).
    public var explain: Bool
    /// Each rule's step budget per document (see `CostPolicy`).
    public var costPolicy: CostPolicy
    /// Evaluate the rules of a document concurrently. Output order does not depend on it.
    public var parallel: Bool
    /// Report `rule-selector-matched-nothing` warnings (typo protection for `for` paths).
    public var warnWhenSelectorMatchesNothing: Bool
    /// Labels per finding at most (a sum over thousands of rows labels the first ones and
    /// says how many more).
    public var maxLabelsPerFinding: Int

    /// The documents of the whole run, which rules read as `files` (nil: the document being
    /// checked alone). A rule that reads `files` is charged for all their nodes.
    public var files: [YAMLNode]?
    /// Which rules to run: those that read `files`, those that do not, or both.
    public var crossFileRules: CrossFileRules
    /// Parameter values set by the configuration for this document: rule id → parameter name
    /// → value (checked against the rules' declarations when the configuration is loaded).
    public var params: [String: [String: Value]] = [:]

    public enum CrossFileRules: Sendable {
        case include, skip, only
    }

    public init(explain: Bool = false, costPolicy: CostPolicy = .default, parallel: Bool = false,
                warnWhenSelectorMatchesNothing: Bool = true, maxLabelsPerFinding: Int = 50,
                files: [YAMLNode]? = nil, crossFileRules: CrossFileRules = .include) {
        self.files = files
        self.crossFileRules = crossFileRules
        self.explain = explain
        self.costPolicy = costPolicy
        self.parallel = parallel
        self.warnWhenSelectorMatchesNothing = warnWhenSelectorMatchesNothing
        self.maxLabelsPerFinding = max(0, maxLabelsPerFinding)
    }

    public static let `default` = RunOptions()
}

/// What running rules over a document produced.
public struct RunResult: Sendable {
    /// Findings (code = rule id) and engine diagnostics (`rule-evaluation-failed`,
    /// `rule-budget-exceeded`, `rule-selector-matched-nothing`), grouped by rule in rule
    /// order; sort with `Diagnostic.ordered` for output.
    public var diagnostics: [Diagnostic]
    /// Ids of the rules that could not be evaluated on some match (an evaluation error or an
    /// exhausted budget), in rule order, each once. The CLI exits 2 when this is not empty
    /// unless configured otherwise.
    public var unevaluatedRules: [String]

    public init(diagnostics: [Diagnostic] = [], unevaluatedRules: [String] = []) {
        (self.diagnostics, self.unevaluatedRules) = (diagnostics, unevaluatedRules)
    }

    /// Whether every rule could be evaluated.
    public var isComplete: Bool { unevaluatedRules.isEmpty }

    mutating func append(_ other: RunResult) {
        diagnostics += other.diagnostics
        for id in other.unevaluatedRules where !unevaluatedRules.contains(id) { unevaluatedRules.append(id) }
    }
}

/// Runs a `RuleSet` over parsed documents. Immutable and `Sendable`: share one across threads.
public struct RuleRunner: Sendable {
    public let ruleSet: RuleSet
    public let options: RunOptions
    /// The rules by walk: the indexes of rules whose `for` selects the same nodes without
    /// filters share one walk over the matches (`RuleEvaluation.runSharing`); every other
    /// rule walks alone. In rule order of each group's first rule.
    let walks: [[Int]]

    public init(ruleSet: RuleSet, options: RunOptions = .default) {
        self.ruleSet = ruleSet
        self.options = options
        var walks: [[Int]] = []
        var byKey: [String: Int] = [:]
        for (i, rule) in ruleSet.rules.enumerated() {
            if let key = rule.selector.sharedWalkKey {
                if let w = byKey[key] { walks[w].append(i); continue }
                byKey[key] = walks.count
            }
            walks.append([i])
        }
        self.walks = walks
    }

    /// Runs every rule over every document of `tree` (a YAML stream may hold several).
    public func run(on tree: YAMLTree) -> RunResult {
        var result = RunResult()
        for doc in tree.documents { result.append(run(on: doc)) }
        return result
    }

    /// Runs every rule over one document (`root` is the document's root node): the rules
    /// whose file applies to it (`Rule.appliesTo`).
    public func run(on root: YAMLNode) -> RunResult {
        let rules = ruleSet.rules
        var skipped = RunResult()
        var selected = self.walks
        switch options.crossFileRules {
        case .include: break
        case .skip: selected = selected.map { $0.filter { !rules[$0].readsFiles } }.filter { !$0.isEmpty }
        case .only: selected = selected.map { $0.filter { rules[$0].readsFiles } }.filter { !$0.isEmpty }
        }
        if rules.contains(where: { $0.appliesTo != nil }) {
            let (applies, result) = RuleRunner.applicable(rules, to: root, options: options)
            selected = selected.compactMap { w in
                let kept = w.filter { applies[$0] }
                return kept.isEmpty ? nil : kept
            }
            skipped = result
        }
        let walks = selected
        let options = self.options
        let workers = options.parallel ? min(walks.count, WorkerPool.coreCount) : 1
        if workers > 1 {
            let slots = Guarded([RunResult?](repeating: nil, count: rules.count))
            WorkerPool.run(workers: workers, count: walks.count) { w, next in
                // Each worker walks its own handle on the tree: every node copy touches the
                // handle's reference count, and one shared counter made two threads slower
                // than one.
                let mine = w == 0 ? root : root.withSeparateHandle()
                while let k = next() {
                    let r = RuleRunner.run(walk: walks[k], of: rules, on: mine, options: options)
                    slots.withLock { for (i, x) in zip(walks[k], r) { $0[i] = x } }
                }
            }
            var result = skipped
            for r in slots.withLock({ $0 }) { if let r { result.append(r) } }
            return result
        }
        var slots = [RunResult?](repeating: nil, count: rules.count)
        for walk in walks {
            for (i, r) in zip(walk, RuleRunner.run(walk: walk, of: rules, on: root, options: options)) { slots[i] = r }
        }
        var result = skipped
        for r in slots { if let r { result.append(r) } }
        return result
    }

    /// Which rules apply to the document: each rule file's `format:` and `when:`, decided
    /// once per file. A `when:` that cannot be evaluated is reported once, and its rules count
    /// as not evaluated.
    static func applicable(_ rules: [Rule], to root: YAMLNode, options: RunOptions) -> ([Bool], RunResult) {
        var decided: [ObjectIdentifier: Bool] = [:]
        var failed = Set<ObjectIdentifier>()
        var result = RunResult()
        let format = Applicability.format(of: root)
        var out: [Bool] = []
        out.reserveCapacity(rules.count)
        for rule in rules {
            guard let a = rule.appliesTo else { out.append(true); continue }
            let id = ObjectIdentifier(a)
            if let known = decided[id] {
                out.append(known)
                if failed.contains(id) { result.unevaluatedRules.append(rule.id) }
                continue
            }
            var applies = a.formats.map { formats in format.map { formats.contains($0) } ?? false } ?? true
            if applies, let when = a.when {
                var activation = Activation(scope: Scope())
                activation.bind(Scope.selfSlot, node: root)
                activation.bind(Scope.rootSlot, node: root)
                var meter = CostMeter.forDocument(nodeCount: root.tree.nodeCount, policy: options.costPolicy)
                do throws(EvaluationError) {
                    let v = try when.expression.evaluate(&activation, options: rule.options, meter: &meter)
                    guard let b = v.boolValue else {
                        throw EvaluationError(code: .typeMismatch, message: "the rule file's `when` gave \(v.typeName), not true or false",
                                              range: ByteRange(0, when.expression.text.utf8.count), node: v.node)
                    }
                    applies = b
                } catch {
                    applies = false
                    failed.insert(id)
                    result.unevaluatedRules.append(rule.id)
                    result.diagnostics.append(Diagnostic(
                        EngineCode.evaluationFailed, severity: .error,
                        message: "the `when` of the rule file \(rule.source.path) could not be evaluated, so its rules were not run: \(error.message)",
                        location: .span(Blame.span(of: error.node ?? root)), primaryLabel: error.code.rawValue,
                        labels: [Label(span: when.span(of: error.range), message: "in the rule file's `when`")],
                        notes: error.notes, help: error.help))
                }
            }
            decided[id] = applies
            out.append(applies)
        }
        return (out, result)
    }

    /// The results of the rules of one walk, in the walk's order.
    static func run(walk: [Int], of rules: [Rule], on root: YAMLNode, options: RunOptions) -> [RunResult] {
        if walk.count == 1 { return [RuleEvaluation.run(rules[walk[0]], on: root, options: options)] }
        return RuleEvaluation.runSharing(walk.map { rules[$0] }, on: root, options: options)
    }


    /// Runs one rule over one document.
    public func run(_ rule: Rule, on root: YAMLNode) -> RunResult {
        RuleEvaluation.run(rule, on: root, options: options)
    }
}

// MARK: - Evaluating one rule over one document

/// An expression of a rule failed: the error, and which part of the rule it was.
struct PartFailure: Error {
    let error: EvaluationError
    let part: Rule.Part
    /// `assert`, `let counted`, `message`, …
    let what: String
    /// When the error was inside a function of the pack: where the rule called it.
    var callSite: (part: Rule.Part, range: ByteRange, what: String)? = nil
}

/// The state of one rule over one document: one activation and one cost meter, reused for
/// every match.
struct RuleEvaluation {
    let rule: Rule
    let root: YAMLNode
    let options: RunOptions
    var activation: Activation
    var meter: CostMeter
    var diagnostics: [Diagnostic] = []
    var failed = false

    static func run(_ rule: Rule, on root: YAMLNode, options: RunOptions) -> RunResult {
        var e = RuleEvaluation(rule, on: root, options: options)
        e.runAll()
        return e.result
    }

    /// Rules whose `for` selects the same nodes without filters (same `sharedWalkKey`), over
    /// one walk: each match is checked by every rule in turn while its nodes are in cache,
    /// instead of each rule walking the whole document again. Each rule keeps its own
    /// activation, meter and findings, so the results are those of running them one by one.
    static func runSharing(_ rules: [Rule], on root: YAMLNode, options: RunOptions) -> [RunResult] {
        var evaluations = rules.map { RuleEvaluation($0, on: root, options: options) }
        let matches: PathMatches
        do {
            matches = try rules[0].selector.match(in: root) { (_, _, _) throws(EvaluationError) -> Bool in true }
        } catch {
            // A path without filters evaluates nothing, so it cannot fail; were it to, each
            // rule runs alone and reports it.
            return rules.map { RuleEvaluation.run($0, on: root, options: options) }
        }
        var live = evaluations.indices.filter { evaluations[$0].begin(matches) }
        for m in matches.matches {
            if live.isEmpty { break }
            live.removeAll { !evaluations[$0].visit(m, in: matches) }
        }
        return evaluations.map(\.result)
    }

    var result: RunResult { RunResult(diagnostics: diagnostics, unevaluatedRules: failed ? [rule.id] : []) }

    mutating func runAll() {
        // Select the matches (filters share the rule's meter).
        let matches: PathMatches
        var filterMeter = meter
        do {
            matches = try RuleEvaluation.match(rule.selector, in: root, files: options.files, options: rule.options, meter: &filterMeter,
                                               cachesInvariants: true)
        } catch {
            let offset = error.expressionOffset
            let part = Rule.Part(expression: filterExpression(error.stepIndex), source: rule.selectorText, offset: offset)
            meter = filterMeter
            report(PartFailure(error: error.error, part: part, what: "the `for` filter"), match: error.error.node ?? root)
            return
        }
        meter = filterMeter
        guard begin(matches) else { return }
        for m in matches.matches where !visit(m, in: matches) { return }
    }

    /// Before the matches: reports a selection that is empty where it should not be; false
    /// when there is nothing to check.
    mutating func begin(_ matches: PathMatches) -> Bool {
        if matches.matches.isEmpty, let empty = matches.empty, options.warnWhenSelectorMatchesNothing {
            reportEmpty(empty)
            return false
        }
        // `root` (and `files`) are the same for every match; the other rule variables are bound
        // per match, those the rule reads only.
        activation.bind(Scope.rootSlot, node: root)
        if rule.readsFiles { activation[Scope.filesSlot] = .list((options.files ?? [root]).map { .node($0) }) }
        if rule.reads[Scope.paramsSlot] {
            let set = options.params[rule.id] ?? [:]
            activation[Scope.paramsSlot] = .map(MapValue(rule.params.map { ($0.name, set[$0.name] ?? $0.defaultValue) }))
        }
        return true
    }

    /// Checks one match; false when the rule must stop (its budget is spent).
    mutating func visit(_ m: PathMatch, in matches: PathMatches) -> Bool {
        RuleEvaluation.bind(&activation, m, path: rule.usesPath ? matches.path(of: m.trail) : nil, reads: rule.reads)
        for c in rule.captures { activation.bind(c.slot, node: matches.ancestor(of: m.trail, step: c.step)) }
        // Invariant lets, once computed, hold for every match of this document.
        activation.nextMatch()
        do {
            try check(m)
        } catch {
            report(error, match: m.owned)
            if error.error.code == .budgetExceeded { return false }
        }
        return true
    }

    func filterExpression(_ stepIndex: Int) -> CompiledExpression {
        if case .filter(let e, _) = rule.selector.steps[stepIndex].kind { return e }
        preconditionFailure("a filter failure names a filter step")
    }

    /// Sets the rule variables for match `m` (only those `reads` marks, when given).
    /// The matches of `selector` in the document of `root`, each filter evaluated with the
    /// candidate bound as `self` (and `parent`, `key`, `index`, `path`) and charged to `meter`.
    /// A filter that does not give a bool is a `type-mismatch` error at the candidate.
    /// `files` is what the filters read as `files` (default: the document alone).
    static func match(_ selector: SelectorPath, in root: YAMLNode, files: [YAMLNode]? = nil, options: EvaluationOptions,
                      meter: inout CostMeter, cachesInvariants: Bool = false) throws(FilterFailure) -> PathMatches {
        var activation = Activation(scope: Scope())
        activation.cachesInvariants = cachesInvariants
        if selector.filtersRead(Scope.filesSlot) { activation[Scope.filesSlot] = .list((files ?? [root]).map { .node($0) }) }
        var filterMeter = meter
        defer { meter = filterMeter }
        return try selector.match(in: root) { (condition, m, path) throws(EvaluationError) -> Bool in
            bind(&activation, m, root: root, path: path)
            let v = try condition.evaluate(&activation, options: options, meter: &filterMeter)
            guard let b = v.boolValue else {
                throw EvaluationError(code: .typeMismatch, message: "the filter gave \(v.typeName) `\(v.formatted())`, not true or false",
                                      range: ByteRange(0, condition.text.utf8.count), node: m.owned)
            }
            return b
        }
    }

    static func bind(_ a: inout Activation, _ m: PathMatch, root: YAMLNode, path: String?) {
        a.bind(Scope.rootSlot, node: root)
        bind(&a, m, path: path, reads: nil)
    }

    static func bind(_ a: inout Activation, _ m: PathMatch, path: String?, reads: [Bool]?) {
        if reads?[Scope.selfSlot] ?? true { a.bind(Scope.selfSlot, node: m.node) }
        if reads?[Scope.parentSlot] ?? true { a.bind(Scope.parentSlot, node: m.parent) }
        if reads?[Scope.keySlot] ?? true { a.bind(Scope.keySlot, node: m.key) }
        if reads?[Scope.indexSlot] ?? true { a[Scope.indexSlot] = m.index >= 0 ? .number(Quantity(m.index)) : .null }
        if reads?[Scope.pathSlot] ?? true { a[Scope.pathSlot] = path.map { .string($0) } ?? .null }
        // Without `reads` (a filter's candidates), `depth` is bound only below a recursive
        // step: the candidates of one filter step are all below one or none, and the slot
        // starts out null.
        if let reads { if reads[Scope.depthSlot] { a[Scope.depthSlot] = m.depth > 0 ? .number(Quantity(Int(m.depth))) : .null } }
        else if m.depth > 0 { a[Scope.depthSlot] = .number(Quantity(Int(m.depth))) }
    }

    // MARK: Evaluating parts

    /// The failure of `part`, or of the let it was computing when the error happened (lets
    /// are computed on demand, inside the expression that first reads them).
    func failure(_ error: EvaluationError, in part: Rule.Part, what: String) -> PartFailure {
        var (part, what) = (part, what)
        if let slot = error.letSlot, let l = rule.lets.first(where: { $0.slot == slot }) { (part, what) = (l.part, l.what) }
        if let name = error.function, let body = rule.pack?.functionParts[name] {
            var f = PartFailure(error: error, part: body, what: "function `\(name)`")
            if let call = error.callRange { f.callSite = (part, call, what) }
            return f
        }
        return PartFailure(error: error, part: part, what: what)
    }

    mutating func evaluate(_ part: Rule.Part, what: String) throws(PartFailure) -> Value {
        do {
            return try part.expression.evaluate(&activation, options: rule.options, meter: &meter)
        } catch {
            throw failure(error, in: part, what: what)
        }
    }

    mutating func condition(_ part: Rule.Part, what: String, node: UnownedNode) throws(PartFailure) -> Bool {
        let outcome: ConditionOutcome
        do {
            outcome = try part.expression.evaluateCondition(&activation, options: rule.options, meter: &meter)
        } catch {
            throw failure(error, in: part, what: what)
        }
        switch outcome {
        case .bool(let b):
            return b
        case .other(let v):
            let e = EvaluationError(code: .typeMismatch,
                                    message: "`\(what)` gave \(v.typeName) `\(v.formatted(symbols: rule.options.symbols))`, not true or false",
                                    range: ByteRange(0, part.expression.text.utf8.count), node: v.node ?? node.node)
            throw PartFailure(error: e, part: part, what: what)
        }
    }

    mutating func render(_ t: Rule.Template, what: String) throws(PartFailure) -> String {
        var out = ""
        for p in t.template.parts {
            switch p {
            case .literal(let s): out += s
            case .expression(let e, let range):
                let part = Rule.Part(expression: e, source: t.source, offset: range.start)
                out += try evaluate(part, what: what).formatted(.plain, symbols: rule.options.symbols)
            }
        }
        return out
    }

    // MARK: One match

    mutating func check(_ m: PathMatch) throws(PartFailure) {
        if let when = rule.when, try !condition(when, what: "when", node: m.node) { return }
        if try condition(rule.assertion, what: "assert", node: m.node) { return }
        diagnostics.append(finding(m))
    }

    /// The diagnostic for a failed assert. A part that cannot be evaluated (the message, a
    /// label) does not lose the finding: it is reported with what could be computed, and the
    /// failure is reported on its own.
    mutating func finding(_ m: PathMatch) -> Diagnostic {
        var notes: [String] = []
        var message = rule.summary
        if let t = rule.message {
            do { message = try render(t, what: "message") } catch {
                report(error, match: m.owned)
                notes.append("the rule's message could not be formed; this is its summary")
            }
        }
        var blamed = m.owned
        if let at = rule.at {
            do {
                let v = try evaluate(at, what: "at")
                if let n = Self.node(of: v) { blamed = n } else {
                    notes.append("the rule's `at` gave \(v.typeName) `\(v.formatted(symbols: rule.options.symbols))`, not a node of the document; reported at the rule's match instead")
                }
            } catch {
                report(error, match: m.owned)
            }
        }
        var labels: [Label] = []
        var omitted = 0
        for spec in rule.labels {
            do {
                try addLabels(spec, into: &labels, omitted: &omitted, notes: &notes)
            } catch {
                report(error, match: m.owned)
            }
        }
        if omitted > 0 { notes.append("\(omitted) more label\(omitted == 1 ? "" : "s") not shown") }
        for t in rule.notes {
            do { notes.append(try render(t, what: "notes")) } catch { report(error, match: m.owned) }
        }
        if options.explain { notes += explanation() }
        var fixes: [Fix] = []
        if let spec = rule.fix {
            do { if let f = try fix(spec, at: blamed) { fixes.append(f) } } catch { report(error, match: m.owned) }
        }
        return Diagnostic(code: rule.id, severity: rule.severity, message: message, location: .span(Blame.span(of: blamed)),
                          labels: labels, notes: notes, help: rule.help, docsURL: rule.docsURL, fixes: fixes)
    }

    /// The rule's `fix:` for this finding: the scalar `at` names (default `blamed`) replaced by
    /// `replace`'s value, written as YAML in the scalar's style; nil when `replace` is null or
    /// `at` names no scalar.
    mutating func fix(_ spec: Rule.FixSpec, at blamed: YAMLNode) throws(PartFailure) -> Fix? {
        var target = blamed
        if let at = spec.at {
            guard let n = Self.node(of: try evaluate(at, what: "fix `at`")) else { return nil }
            target = n
        }
        guard target.isScalar else { return nil }
        let value = try evaluate(spec.replace, what: "fix `replace`")
        let text: String
        switch value {
        case .null: return nil
        case .string(let s): text = YAMLScalarText.string(s, like: target)
        case .number, .bool: text = value.formatted(.plain, symbols: rule.options.symbols)
        case .node(let n) where n.isScalar: text = n.span.text
        default: return nil
        }
        let title = try spec.title.map { t throws(PartFailure) in try render(t, what: "fix title") } ?? "replace with \(text)"
        return Fix(title: title, edits: [TextEdit(span: target.span, replacement: text)], isSafe: spec.isSafe)
    }

    /// The node a value designates: a node, or the first node of a list of nodes.
    static func node(of v: Value) -> YAMLNode? {
        if let n = v.node { return n }
        if case .list(let l) = v, let n = l.first?.node { return n }
        return nil
    }

    mutating func addLabels(_ spec: Rule.LabelSpec, into labels: inout [Label], omitted: inout Int, notes: inout [String]) throws(PartFailure) {
        let limit = options.maxLabelsPerFinding
        func add(_ node: YAMLNode, _ text: String, labels: inout [Label], omitted: inout Int) {
            if labels.count < limit { labels.append(Label(span: Blame.span(of: node), message: text)) } else { omitted += 1 }
        }
        guard let each = spec.each, let slot = spec.elementSlot else {
            guard let at = spec.at else { return }
            let v = try evaluate(at, what: "label `at`")
            let text = try spec.message.map { t throws(PartFailure) in try render(t, what: "label message") } ?? ""
            let nodes = v.node.map { [$0] } ?? (v.elements ?? []).compactMap(\.node)
            if nodes.isEmpty { notes.append("a label's `at` gave \(v.typeName) `\(v.formatted(symbols: rule.options.symbols))`, not a node of the document") }
            for n in nodes { add(n, text, labels: &labels, omitted: &omitted) }
            return
        }
        let list = try evaluate(each, what: "label `each`")
        guard let elements = list.elements else {
            notes.append("a label's `each` gave \(list.typeName), not a list")
            return
        }
        defer { activation[slot] = .null }
        for element in elements {
            if labels.count >= limit {
                omitted += 1
                continue
            }
            activation[slot] = element
            var node = element.node
            if let at = spec.at { node = Self.node(of: try evaluate(at, what: "label `at`")) }
            guard let node else { continue }
            let text = try spec.message.map { t throws(PartFailure) in try render(t, what: "label message") } ?? ""
            add(node, text, labels: &labels, omitted: &omitted)
        }
    }

    /// Notes for `--explain`: each comparison that decided the assert, with intervals.
    mutating func explanation() -> [String] {
        let e = rule.assertion.expression
        guard let ex = try? e.explain(&activation, options: rule.options, meter: &meter) else { return [] }
        let bytes = Array(e.text.utf8)
        func text(_ r: ByteRange) -> String {
            String(decoding: bytes[max(0, r.start)..<min(bytes.count, r.end)], as: UTF8.self)
        }
        let symbols = rule.options.symbols
        return ex.comparisons.map { c in
            "`\(text(c.range))`: `\(text(c.leftRange))` is \(c.left.formatted(.intervals, symbols: symbols)), "
                + "`\(text(c.rightRange))` is \(c.right.formatted(.intervals, symbols: symbols)); "
                + "`\(c.op)` is \(c.result)"
        }
    }

    // MARK: Reporting failures

    mutating func report(_ f: PartFailure, match: YAMLNode) {
        failed = true
        let exprSpan = f.part.span(of: f.error.range)
        if f.error.code == .budgetExceeded {
            diagnostics.append(Diagnostic(
                EngineCode.budgetExceeded, severity: .error,
                message: "rule `\(rule.id)` exceeded its budget of \(meter.limit) evaluation steps on this document",
                location: .span(Blame.span(of: match)), primaryLabel: "while checking this",
                labels: [Label(span: rule.source.idSpan, message: "the rule"), Label(span: exprSpan, message: "in \(f.what)")],
                notes: ["the rest of the document was not checked by this rule"] + f.error.notes,
                help: "make the rule do less work per match (a nested `all`/`exists`/`map` over a large list grows quadratically), or raise the budget"))
            return
        }
        let node = f.error.node ?? match
        var labels = [Label(span: exprSpan, message: f.callSite == nil ? "in \(f.what) of rule `\(rule.id)`" : "in \(f.what)")]
        if let call = f.callSite {
            labels.append(Label(span: call.part.span(of: call.range), message: "called here, in \(call.what) of rule `\(rule.id)`"))
        }
        diagnostics.append(Diagnostic(
            EngineCode.evaluationFailed, severity: .error,
            message: "rule `\(rule.id)` could not be evaluated: \(f.error.message)",
            location: .span(Blame.span(of: node)), primaryLabel: f.error.code.rawValue,
            labels: labels, notes: f.error.notes, help: f.error.help))
    }

    mutating func reportEmpty(_ empty: EmptyMatch) {
        diagnostics.append(empty.diagnostic(path: rule.selector, span: rule.selectorText.span(of:), what: "the `for` path of rule `\(rule.id)`"))
    }
}

extension EmptyMatch {
    /// The `rule-selector-matched-nothing` warning: at the failing step of the path, with a
    /// label at the place in the document and "did you mean" from the keys there. `what`
    /// names the path in the message (`the \`for\` path of rule \`x\``, `the --at path`).
    func diagnostic(path: SelectorPath, span spanOf: (ByteRange) -> SourceSpan, what: String) -> Diagnostic {
        let span = spanOf(path.steps[stepIndex].range)
        var labels: [Label] = []
        var help: String?
        let message: String
        switch reason {
        case .missingKey(let key):
            message = "\(what) matched nothing: no mapping at `\(candidatePath)` has the key `\(key)`"
            var keys: [String] = []
            for c in candidates { for (k, _) in c.entries { if let t = k.scalarText, !keys.contains(t) { keys.append(t) } } }
            if let first = candidates.first { labels.append(Label(span: Blame.span(of: first), message: "no `\(key)` in this mapping")) }
            if let s = Suggestion.closest(to: key, in: keys) {
                help = "did you mean `\(s)`?"
            } else {
                help = "if the key may be absent, mark it optional: `\(key)?`"
            }
        case .wrongKind(let expected):
            let first = candidates.first
            let found = first.map { Loader.kindName($0) } ?? "nothing"
            message = "\(what) matched nothing: this step needs \(expected), but `\(candidatePath)` is a \(found)"
            if let first { labels.append(Label(span: Blame.span(of: first), message: "a \(found)")) }
        }
        return Diagnostic(EngineCode.selectorMatchedNothing, severity: .warning, message: message, location: .span(span),
                          primaryLabel: "matched nothing from here on", labels: labels, help: help)
    }
}

extension RuleEvaluation {
    /// A fresh evaluation of `rule` over the document of `root`.
    init(_ rule: Rule, on root: YAMLNode, options: RunOptions) {
        var activation = Activation(scope: rule.activationScope)
        // One activation per rule per document: `root` and the invariant lets keep their
        // values, so invariant subexpressions may be remembered across matches.
        activation.cachesInvariants = true
        for l in rule.lets { activation.defineLet(l.slot, l.part.expression, invariant: l.isDocumentInvariant) }
        self.init(rule: rule, root: root, options: options, activation: activation,
                  meter: CostMeter.forDocument(nodeCount: RuleEvaluation.nodeCount(rule, root, options), policy: options.costPolicy))
    }

    /// The nodes a rule's budget is counted on: its document's, or all the run's when it looks
    /// across files.
    static func nodeCount(_ rule: Rule, _ root: YAMLNode, _ options: RunOptions) -> Int {
        guard rule.readsFiles, let files = options.files else { return root.tree.nodeCount }
        var trees: [ObjectIdentifier: Int] = [:]
        for f in files { trees[ObjectIdentifier(f.tree)] = f.tree.nodeCount }
        trees[ObjectIdentifier(root.tree)] = root.tree.nodeCount
        return trees.values.reduce(0, +)
    }
}
