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
package struct RunOptions: Sendable {
    /// Add to each finding notes with the comparisons that decided it, numbers shown with
    /// their rounding intervals (`planlint check --explain`).
    package var explain: Bool
    /// Each rule's step budget per document (see `CostPolicy`).
    package var costPolicy: CostPolicy
    /// Evaluate the rules of a document concurrently. Output order does not depend on it.
    package var parallel: Bool
    /// Report `rule-selector-matched-nothing` warnings (typo protection for `for` paths).
    package var warnWhenSelectorMatchesNothing: Bool
    /// Labels per finding at most (a sum over thousands of rows labels the first ones and
    /// says how many more).
    package var maxLabelsPerFinding: Int
    /// Diagnostics one rule reports per file at most (findings and evaluation failures); the
    /// rest are counted in one summary (`Diagnostic.omitted`), so a rule that fails on every
    /// key of a million-key mapping costs a count, not a million messages.
    package var maxDiagnosticsPerRule: Int
    /// Shared by every file of one run, so that `rule-selector-matched-nothing` is reported
    /// once per rule and run, not once per document (nil: once per rule and file).
    package var runState: RunState?

    /// The documents of the whole run, which rules read as `files` (nil: the document being
    /// checked alone). A rule that reads `files` is charged for all their nodes.
    package var files: [YAMLNode]?
    /// Which rules to run: those that read `files`, those that do not, or both.
    package var crossFileRules: CrossFileRules
    /// Parameter values set by the configuration for this document: rule id → parameter name
    /// → value (checked against the rules' declarations when the configuration is loaded).
    package var params: [String: [String: Value]] = [:]
    /// The language of the findings' texts: a rule written in several languages speaks this
    /// one (or its other one when it has no text in this one). Tests pass it explicitly.
    package var language: Language
    /// Select every match of a path before checking any (as paths with filters always do),
    /// instead of checking each as the walk finds it: for tests, which compare the two.
    var listsMatches = false

    package enum CrossFileRules: Sendable {
        case include, skip, only
    }

    package init(explain: Bool = false, costPolicy: CostPolicy = .default, parallel: Bool = false,
                warnWhenSelectorMatchesNothing: Bool = true, maxLabelsPerFinding: Int = 50,
                maxDiagnosticsPerRule: Int = RunOptions.defaultMaxDiagnosticsPerRule, runState: RunState? = nil,
                files: [YAMLNode]? = nil, crossFileRules: CrossFileRules = .include, language: Language = MessageText.language) {
        self.language = language
        self.files = files
        self.crossFileRules = crossFileRules
        self.explain = explain
        self.costPolicy = costPolicy
        self.parallel = parallel
        self.warnWhenSelectorMatchesNothing = warnWhenSelectorMatchesNothing
        self.maxLabelsPerFinding = max(0, maxLabelsPerFinding)
        self.maxDiagnosticsPerRule = max(1, maxDiagnosticsPerRule)
        self.runState = runState
    }

    package static let defaultMaxDiagnosticsPerRule = 1_000

    /// Characters of a rule's message, of one label and of one note at most (then `…`);
    /// what is built is also charged to the rule's budget (one step per 8 bytes).
    package static let maxMessageLength = 4_000
    package static let maxLabelLength = 500
    package static let maxNoteLength = 2_000
    /// Characters one `{…}` in a template prints at most.
    package static let maxInterpolationLength = 1_000

    /// The default settings, in the language messages are built in now.
    package static var `default`: RunOptions { RunOptions() }
}

/// What running rules over a document produced.
package struct RunResult: Sendable {
    /// Findings (code = rule id) and engine diagnostics (`rule-evaluation-failed`,
    /// `rule-budget-exceeded`, `rule-selector-matched-nothing`), grouped by rule in rule
    /// order; sort with `Diagnostic.ordered` for output.
    package var diagnostics: [Diagnostic]
    /// Ids of the rules that could not be evaluated on some match (an evaluation error or an
    /// exhausted budget), in rule order, each once. The CLI exits 2 when this is not empty
    /// unless configured otherwise.
    package var unevaluatedRules: [String]
    /// Evaluation steps the rules spent on the file (all documents, all rules).
    package var steps = 0

    package init(diagnostics: [Diagnostic] = [], unevaluatedRules: [String] = []) {
        (self.diagnostics, self.unevaluatedRules) = (diagnostics, unevaluatedRules)
    }

    /// Whether every rule could be evaluated.
    package var isComplete: Bool { unevaluatedRules.isEmpty }

    mutating func append(_ other: RunResult) {
        diagnostics += other.diagnostics
        for id in other.unevaluatedRules where !unevaluatedRules.contains(id) { unevaluatedRules.append(id) }
    }
}

/// What a runner works out from its rule set alone — each rule in a box, the rule files'
/// applicability, the walks — shared by every document a checker runs the set on. Worked out
/// again for each document it was some 0.7 M instructions a file (53 boxes, 53 walk keys).
package final class RunnerPlan: Sendable {
    let ruleSet: RuleSet
    let boxes: [RuleBox]
    let applicabilities: [Applicability]
    let applicabilityOf: [Int?]
    /// The walks of each `RunOptions.CrossFileRules`: include, skip, only.
    let walks: [[[Int]]]

    package init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        boxes = ruleSet.rules.enumerated().map { RuleBox(rule: $1, index: $0) }
        var applicabilities: [Applicability] = []
        var known: [ObjectIdentifier: Int] = [:]
        applicabilityOf = ruleSet.rules.map { rule in
            guard let a = rule.appliesTo else { return nil }
            if let k = known[ObjectIdentifier(a)] { return k }
            known[ObjectIdentifier(a)] = applicabilities.count
            applicabilities.append(a)
            return applicabilities.count - 1
        }
        self.applicabilities = applicabilities
        let keys = ruleSet.rules.map(\.selector.sharedWalkKey)
        walks = [RunOptions.CrossFileRules.include, .skip, .only].map { mode in
            var walks: [[Int]] = []
            var byKey: [String: Int] = [:]
            for (i, rule) in ruleSet.rules.enumerated() {
                switch mode {
                case .include: break
                case .skip: if rule.readsFiles { continue }
                case .only: if !rule.readsFiles { continue }
                }
                if let key = keys[i] {
                    if let w = byKey[key] { walks[w].append(i); continue }
                    byKey[key] = walks.count
                }
                walks.append([i])
            }
            return walks
        }
    }
}

/// Runs a `RuleSet` over parsed documents. Immutable and `Sendable`: share one across threads.
package struct RuleRunner: Sendable {
    package let ruleSet: RuleSet
    package let options: RunOptions
    /// The rules by walk: the indexes of rules whose `for` selects the same nodes without
    /// filters share one walk over the matches (`RuleEvaluation.runSharing`); every other
    /// rule walks alone. In rule order of each group's first rule.
    /// Only the rules `options.crossFileRules` selects.
    let walks: [[Int]]
    /// Each rule in a box: handing a rule to each document then costs one reference count,
    /// where a copy of the `Rule` struct costs some thirty.
    let boxes: [RuleBox]
    /// The distinct `Rule.appliesTo` of the rule files, and for each rule the index of its
    /// own among them (nil: its file checks every document).
    let applicabilities: [Applicability]
    let applicabilityOf: [Int?]

    package init(ruleSet: RuleSet, options: RunOptions = .default) {
        self.init(plan: RunnerPlan(ruleSet: ruleSet), options: options)
    }

    /// A runner of `plan`'s rule set (what a checker works out once for all its documents).
    package init(plan: RunnerPlan, options: RunOptions = .default) {
        ruleSet = plan.ruleSet
        self.options = options
        boxes = plan.boxes
        applicabilities = plan.applicabilities
        applicabilityOf = plan.applicabilityOf
        switch options.crossFileRules {
        case .include: walks = plan.walks[0]
        case .skip: walks = plan.walks[1]
        case .only: walks = plan.walks[2]
        }
    }

    /// The nodes a file's budget is counted on: its own, and all the run's when a rule looks
    /// across files (it is charged for every node of `files`).
    func budgetNodes(_ tree: YAMLTree) -> Int {
        guard let files = options.files, ruleSet.rules.contains(where: \.readsFiles) else { return tree.nodeCount }
        var trees: [ObjectIdentifier: Int] = [ObjectIdentifier(tree): tree.nodeCount]
        for f in files { trees[ObjectIdentifier(f.tree)] = f.tree.nodeCount }
        return trees.values.reduce(0, +)
    }

    /// Runs every rule over every document of `tree` (a YAML stream may hold several), as
    /// one budget: each rule may spend `CostPolicy.limit` steps on the whole file, and all
    /// rules together `CostPolicy.fileLimit`, however many documents and rules there are.
    package func run(on tree: YAMLTree) -> RunResult {
        let file = FileRun(rules: ruleSet.rules.count, nodes: budgetNodes(tree), policy: options.costPolicy)
        let documents = tree.documents
        // Rules run side by side on a file of one document, and on the documents of a stream
        // when they are large enough to pay for it; handing out the rules of each small
        // document of a long stream to threads costs more than it saves. (One small plan is
        // still some fifty rules set up and run: a 4 KB plan beside a 40 KB one took 12 M of
        // the 54 M instructions its rules took.)
        let parallel = options.parallel
            && (documents.count == 1 || tree.nodeCount >= RuleRunner.minParallelNodes * documents.count)
        var result = RunResult()
        for doc in documents { result.append(run(on: doc, file: file, parallel: parallel)) }
        result.diagnostics += file.summaries(ruleSet.rules, root: tree.documents.first)
        result.steps = file.state.withLock { $0.spent }
        return result
    }

    /// Runs every rule over one document (`root` is the document's root node): the rules
    /// whose file applies to it (`Rule.appliesTo`). The document is budgeted as a file of its own.
    package func run(on root: YAMLNode) -> RunResult {
        let file = FileRun(rules: ruleSet.rules.count, nodes: budgetNodes(root.tree), policy: options.costPolicy)
        var result = run(on: root, file: file, parallel: options.parallel)
        result.diagnostics += file.summaries(ruleSet.rules, root: root)
        return result
    }

    /// Nodes per document, on average, below which the documents of a stream are checked by
    /// one thread even when `RunOptions.parallel` is set.
    static let minParallelNodes = 1_000

    func run(on root: YAMLNode, file: FileRun, parallel: Bool) -> RunResult {
        var skipped = RunResult()
        var walks = self.walks
        if !applicabilities.isEmpty {
            let (applies, result) = applicable(to: root, file: file)
            if applies.contains(false) {
                let of = applicabilityOf
                walks = walks.compactMap { w in
                    let kept = w.filter { i in of[i].map { applies[$0] } ?? true }
                    return kept.isEmpty ? nil : kept
                }
            }
            skipped = result
        }
        let boxes = self.boxes, options = self.options
        let workers = parallel ? min(walks.count, WorkerPool.coreCount) : 1
        // Each rule's result by rule index; most rules find nothing in most documents.
        var produced: [(index: Int, result: RunResult)] = []
        if workers > 1 {
            // On several threads the rules of a shared walk are handed out one by one, each
            // walking alone: one walk's rules can be most of a document's work (the seven
            // rules over the plan@2 tables' cells are 57 % of the rules' steps on the Miyagi
            // plan), and handed out whole they kept the other core idle. Not a walk through a
            // hierarchy (`nodes[**]`): it visits every node, and repeating it per rule cost
            // more than the rules over it gained (the 10k plan: +1.6 % instructions).
            let selected = walks.flatMap { w in
                w.count > 1 && !boxes[w[0]].rule.selector.descendsRecursively ? w.map { [$0] } : [w]
            }
            let slots = Guarded<[(index: Int, result: RunResult)]>([])
            WorkerPool.run(workers: workers, count: selected.count) { w, next in
                // Each worker walks its own handle on the tree: every node copy touches the
                // handle's reference count, and one shared counter made two threads slower
                // than one.
                let mine = w == 0 ? root : root.withSeparateHandle()
                while let k = next() {
                    let r = RuleRunner.run(walk: selected[k], of: boxes, on: mine, options: options, file: file)
                    slots.withLock { $0 += r }
                }
            }
            produced = slots.withLock { $0 }
        } else {
            for walk in walks { produced += RuleRunner.run(walk: walk, of: boxes, on: root, options: options, file: file) }
        }
        if produced.count > 1 { produced.sort { $0.index < $1.index } }
        var result = skipped
        for r in produced { result.append(r.result) }
        return result
    }

    /// Which rule files apply to the document (by index in `applicabilities`): each
    /// file's `format:` and `when:`, decided once per document before any rule is set up.
    /// A `when:` is charged to the file's budget like a rule; one that cannot be evaluated
    /// is reported once per file (a stream of 100,000 documents gives one error, not
    /// 100,000), and its rules count as not evaluated.
    func applicable(to root: YAMLNode, file: FileRun) -> ([Bool], RunResult) {
        var result = RunResult()
        let format = Applicability.format(of: root)
        var out: [Bool] = []
        out.reserveCapacity(applicabilities.count)
        for (k, a) in applicabilities.enumerated() {
            var applies = a.formats.map { formats in format.map { formats.contains($0) } ?? false } ?? true
            if applies, let when = a.when {
                // The rule options of the first rule of the file: a file's rules share them.
                guard let first = applicabilityOf.firstIndex(of: k) else { out.append(applies); continue }
                let rule = boxes[first].rule
                var activation = Activation(scope: Scope())
                activation.bind(Scope.selfSlot, node: root)
                activation.bind(Scope.rootSlot, node: root)
                var meter = CostMeter(limit: min(file.ruleLimit, file.left()))
                defer { file.charge(meter.used) }
                do throws(EvaluationError) {
                    let v = try when.expression.evaluate(&activation, options: rule.options, meter: &meter)
                    guard let b = v.boolValue else {
                        throw EvaluationError(code: .typeMismatch, message: RunMessage.whenNotBool(["type": v.typeNoun]),
                                              range: ByteRange(0, when.expression.text.utf8.count), node: v.node)
                    }
                    applies = b
                } catch {
                    applies = false
                    for (i, of) in applicabilityOf.enumerated() where of == k { result.unevaluatedRules.append(boxes[i].rule.id) }
                    if file.firstWhenFailure(ObjectIdentifier(a)) {
                        result.diagnostics.append(Diagnostic(
                            EngineCode.evaluationFailed, severity: .error,
                            message: RunMessage.whenFailed(["path": rule.source.path, "problem": error.message]),
                            location: .span(Blame.span(of: error.node ?? root)), primaryLabel: error.code.rawValue,
                            labels: [Label(span: when.span(of: error.range), message: RunMessage.inFileWhen())],
                            notes: error.notes, help: error.help))
                    }
                }
            }
            out.append(applies)
        }
        return (out, result)
    }

    /// The results of the rules of one walk that found or reported something, with each
    /// rule's index.
    static func run(walk: [Int], of boxes: [RuleBox], on root: YAMLNode, options: RunOptions, file: FileRun) -> [(index: Int, result: RunResult)] {
        let results = walk.count == 1
            ? [RuleEvaluation.run(boxes[walk[0]], on: root, options: options, file: file)]
            : RuleEvaluation.runSharing(walk.map { boxes[$0] }, on: root, options: options, file: file)
        var out: [(index: Int, result: RunResult)] = []
        for (i, r) in zip(walk, results) where !r.diagnostics.isEmpty || !r.unevaluatedRules.isEmpty { out.append((i, r)) }
        return out
    }

    /// Runs one rule over one document.
    package func run(_ rule: Rule, on root: YAMLNode) -> RunResult {
        let file = FileRun(rules: 1, nodes: root.tree.nodeCount, policy: options.costPolicy)
        var result = RuleEvaluation.run(RuleBox(rule: rule, index: 0), on: root, options: options, file: file)
        result.diagnostics += file.summaries([rule], root: root)
        return result
    }
}

/// A rule and its index in its set, shared by reference (see `RuleRunner.boxes`).
final class RuleBox: Sendable {
    let rule: Rule
    let index: Int

    init(rule: Rule, index: Int) {
        self.rule = rule
        self.index = index
    }
}

/// State shared by every file of one run (`RunOptions.runState`): what is reported once per
/// run, and whether the run was cancelled (the language server cancels the check of a
/// version the user has already edited again; rules stop at their next match).
public final class RunState: Sendable {
    let reportedEmpty = Guarded<Set<String>>([])
    let cancelled = Atomic<Bool>(false)
    public init() {}

    /// Asks every rule of the run to stop at its next match.
    public func cancel() { cancelled.store(true, ordering: .relaxed) }
    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// True the first time a rule asks (then false): its empty selection is reported once.
    func firstEmpty(_ ruleID: String) -> Bool {
        reportedEmpty.withLock { $0.insert(ruleID).inserted }
    }
}

/// What the rules share over one file: the file's budget, and per rule the steps spent, the
/// diagnostics reported and those only counted, and whether an empty selection was reported.
final class FileRun: Sendable {
    struct PerRule {
        var used = 0
        var reported = 0
        var omitted: [String: (count: Int, severity: Severity)] = [:]
        var reportedEmpty = false
        /// The rule ran out of budget on an earlier document: it is not started again.
        var exhausted = false
    }

    /// One rule's steps for the whole file.
    let ruleLimit: Int
    /// Every rule's steps together, for the whole file.
    let fileLimit: Int
    let state: Guarded<(spent: Int, rules: [PerRule])>
    /// The rule files (`Rule.appliesTo`) whose `when:` failed on a document and was reported.
    let failedWhens = Guarded<Set<ObjectIdentifier>>([])

    init(rules: Int, nodes: Int, policy: CostPolicy) {
        ruleLimit = policy.limit(documentNodes: nodes)
        fileLimit = policy.fileLimit(fileNodes: nodes)
        state = Guarded((0, Array(repeating: PerRule(), count: rules)))
    }

    /// Charges steps spent outside any rule (a rule file's `when:`) to the file.
    func charge(_ steps: Int) {
        state.withLock { $0.spent = $0.spent &+ max(0, steps) }
    }

    /// True the first time the `when:` of rule file `id` fails in this file (then false).
    func firstWhenFailure(_ id: ObjectIdentifier) -> Bool {
        failedWhens.withLock { $0.insert(id).inserted }
    }

    /// The meter rule `i` starts a document with: what it has spent so far, and a limit that
    /// is its own or what is left of the file's, whichever is less.
    func meter(for i: Int) -> CostMeter {
        state.withLock { meter(for: i, in: $0) }
    }

    private func meter(for i: Int, in s: (spent: Int, rules: [PerRule])) -> CostMeter {
        let used = s.rules[i].used
        let left = max(0, fileLimit - s.spent)
        let (limit, o) = used.addingReportingOverflow(left)
        return CostMeter(limit: o ? ruleLimit : min(ruleLimit, limit), used: used)
    }

    /// What rule `i` starts a document with, in one lock: whether its budget ran out on an
    /// earlier document, whether it already met an empty selection, and its meter.
    func start(_ i: Int) -> (exhausted: Bool, reportedEmpty: Bool, meter: CostMeter) {
        state.withLock { s in (s.rules[i].exhausted, s.rules[i].reportedEmpty, meter(for: i, in: s)) }
    }

    /// Steps the file has left for all its rules.
    func left() -> Int { state.withLock { max(0, fileLimit - $0.spent) } }

    /// Whether the rule's limit was the file's rather than its own (for the message).
    func fileBudgetSpent() -> Bool { state.withLock { $0.spent >= fileLimit } }

    func finish(_ i: Int, meter: CostMeter, reported: Int, omitted: [String: (count: Int, severity: Severity)], reportedEmpty: Bool) {
        state.withLock { s in
            FileRun.spend(&s, i, meter: meter, reportedEmpty: reportedEmpty)
            s.rules[i].reported = reported
            s.rules[i].omitted = omitted
        }
    }

    /// `finish` for a rule that selected nothing in a document: only its spending (and
    /// whether an empty selection was met) changes.
    func finishSelectingNothing(_ i: Int, meter: CostMeter, reportedEmpty: Bool) {
        state.withLock { FileRun.spend(&$0, i, meter: meter, reportedEmpty: reportedEmpty) }
    }

    private static func spend(_ s: inout (spent: Int, rules: [PerRule]), _ i: Int, meter: CostMeter, reportedEmpty: Bool) {
        let before = s.rules[i].used
        s.spent = s.spent &+ max(0, meter.used - before)
        s.rules[i].used = meter.used
        s.rules[i].reportedEmpty = s.rules[i].reportedEmpty || reportedEmpty
        s.rules[i].exhausted = s.rules[i].exhausted || meter.used > meter.limit
    }

    func counts(_ i: Int) -> PerRule { state.withLock { $0.rules[i] } }

    /// One diagnostic per rule and code whose diagnostics were only counted: "… and N more".
    func summaries(_ rules: [Rule], root: YAMLNode?) -> [Diagnostic] {
        let all = state.withLock { $0.rules }
        var out: [Diagnostic] = []
        for (i, r) in all.enumerated() {
            for (code, o) in r.omitted.sorted(by: { $0.key < $1.key }) {
                var d = Diagnostic(code: code, severity: o.severity,
                                   message: o.count == 1
                                       ? RunMessage.moreDiagnosticOne(["code": code, "rule": rules[i].id, "shown": r.reported.groupedDigits])
                                       : RunMessage.moreDiagnostics(["count": o.count.groupedDigits, "code": code, "rule": rules[i].id,
                                                                     "shown": r.reported.groupedDigits]),
                                   location: root.map { .path($0.file.path) } ?? .path("<input>"))
                d.omitted = o.count
                out.append(d)
            }
        }
        return out
    }
}

extension Int {
    /// `999,000`: counts in messages, grouped by thousands.
    package var groupedDigits: String {
        let digits = String(magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (self < 0 ? "-" : "") + out
    }
}

// MARK: - Evaluating one rule over one document

/// An expression of a rule failed: the error, and which part of the rule it was.
struct PartFailure: Error {
    let error: EvaluationError
    let part: Rule.Part
    /// `assert`, `let counted`, `message`, …
    let what: PartName
    /// When the error was inside a function of the pack: where the rule called it.
    var callSite: (part: Rule.Part, range: ByteRange, what: PartName)? = nil
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
    /// The rule's index in its set and the file it runs over (shared budget and counts).
    var index = 0
    var file: FileRun?
    /// Diagnostics reported for this rule in the file so far (earlier documents included),
    /// and those beyond `maxDiagnosticsPerRule` only counted, by code.
    var reported = 0
    var omitted: [String: (count: Int, severity: Severity)] = [:]
    var reportedEmpty = false
    /// The rule's evaluation options in the run's language (texts built for messages).
    var evaluationOptions = EvaluationOptions.default

    /// Runs one rule over one document. The rule is set up (its activation, its lets) only
    /// once its `for` has selected something: in a long stream most rules select nothing in
    /// most documents, and setting every rule up again for each of 100,000 documents was
    /// most of the work of checking it.
    static func run(_ box: RuleBox, on root: YAMLNode, options: RunOptions, file: FileRun) -> RunResult {
        let (exhausted, reportedEmpty, startMeter) = file.start(box.index)
        // A rule whose budget for the file ran out on an earlier document was reported then.
        if exhausted { return RunResult() }
        var meter = startMeter
        if box.rule.selector.walks && !options.listsMatches {
            // Each match is checked as the walk finds it: no list of the document's matches.
            var e: RuleEvaluation?
            let empty = box.rule.selector.walk(in: root, explainEmpty: !reportedEmpty) { m, walk in
                if e == nil {
                    e = RuleEvaluation(box, on: root, options: options, file: file, meter: meter)
                    e!.bindDocument()
                }
                return e!.visit(m, in: walk)
            }
            if let empty { return selectedNothing(box, empty, on: root, options: options, file: file, reportedEmpty: reportedEmpty, meter: meter) }
            return e!.finish()
        }
        let matches: PathMatches
        do {
            matches = try select(box, in: root, options: options, explainEmpty: !reportedEmpty, meter: &meter)
        } catch {
            var e = RuleEvaluation(box, on: root, options: options, file: file, meter: meter)
            e.report(error)
            return e.finish()
        }
        if matches.matches.isEmpty {
            return selectedNothing(box, matches, on: root, options: options, file: file, reportedEmpty: reportedEmpty, meter: meter)
        }
        var e = RuleEvaluation(box, on: root, options: options, file: file, meter: meter)
        if e.begin(matches) {
            for m in matches.matches where !e.visit(m, in: matches) { break }
        }
        return e.finish()
    }

    /// The matches of a rule's `for` in the document; its filters spend from `meter`.
    static func select(_ box: RuleBox, in root: YAMLNode, options: RunOptions, explainEmpty: Bool,
                       meter: inout CostMeter) throws(FilterFailure) -> PathMatches {
        try match(box.rule.selector, in: root, files: options.files, options: box.rule.options, meter: &meter,
                  cachesInvariants: true, explainEmpty: explainEmpty)
    }

    /// A rule whose `for` selected nothing in this document: it is set up only to report
    /// that, once per rule and run; otherwise only its spending is handed back to the file.
    static func selectedNothing(_ box: RuleBox, _ matches: PathMatches, on root: YAMLNode, options: RunOptions,
                                file: FileRun, reportedEmpty: Bool, meter: CostMeter) -> RunResult {
        let warns = matches.empty != nil && options.warnWhenSelectorMatchesNothing
        if warns && !reportedEmpty && options.runState?.firstEmpty(box.rule.id) ?? true {
            var e = RuleEvaluation(box, on: root, options: options, file: file, meter: meter)
            e.reportedEmpty = true
            e.reportEmpty(matches.empty!)
            return e.finish()
        }
        file.finishSelectingNothing(box.index, meter: meter, reportedEmpty: warns)
        return RunResult()
    }

    /// Hands the meter and counts back to the file; the result for this document.
    mutating func finish() -> RunResult {
        file?.finish(index, meter: meter, reported: reported, omitted: omitted, reportedEmpty: reportedEmpty)
        return result
    }

    /// Adds a diagnostic of this rule, or only counts it once the rule reported its share.
    mutating func emit(_ d: Diagnostic, code: String, severity: Severity) {
        if reported < options.maxDiagnosticsPerRule {
            reported += 1
            diagnostics.append(d)
        } else {
            countOmitted(code, severity)
        }
    }

    mutating func countOmitted(_ code: String, _ severity: Severity) {
        let o = omitted[code] ?? (0, severity)
        omitted[code] = (o.count + 1, max(o.severity, severity))
    }

    /// Rules whose `for` selects the same nodes without filters (same `sharedWalkKey`), over
    /// one walk: each match is checked by every rule in turn while its nodes are in cache,
    /// instead of each rule walking the whole document again. Each rule keeps its own
    /// activation, meter and findings, so the results are those of running them one by one.
    static func runSharing(_ boxes: [RuleBox], on root: YAMLNode, options: RunOptions, file: FileRun) -> [RunResult] {
        let starts = boxes.map { file.start($0.index) }
        let explain = starts.contains { !$0.exhausted && !$0.reportedEmpty }
        let selector = boxes[0].rule.selector
        if selector.walks && !options.listsMatches {
            // Each match is checked by the rules as the walk finds it: no list of the
            // document's matches. The rules are set up at the first match.
            var evaluations: [RuleEvaluation] = []
            var live: [Int] = []
            var left = 0
            let empty = selector.walk(in: root, explainEmpty: explain) { m, walk in
                if evaluations.isEmpty {
                    evaluations = zip(boxes, starts).map { RuleEvaluation($0, on: root, options: options, file: file, meter: $1.meter) }
                    live = evaluations.indices.filter { !starts[$0].exhausted }
                    for k in live { evaluations[k].bindDocument() }
                    left = file.left()
                }
                return RuleEvaluation.visit(m, in: walk, by: &evaluations, live: &live, left: &left, ruleLimit: file.ruleLimit)
            }
            if let empty { return selectedNothing(boxes, starts, empty, on: root, options: options, file: file) }
            return evaluations.indices.map { evaluations[$0].finish() }
        }
        let matches: PathMatches
        do {
            matches = try boxes[0].rule.selector.match(in: root, explainEmpty: explain) { (_, _, _) throws(EvaluationError) -> Bool in true }
        } catch {
            // A path without filters evaluates nothing, so it cannot fail; were it to, each
            // rule runs alone and reports it.
            return boxes.map { RuleEvaluation.run($0, on: root, options: options, file: file) }
        }
        if matches.matches.isEmpty { return selectedNothing(boxes, starts, matches, on: root, options: options, file: file) }
        var evaluations = zip(boxes, starts).map { RuleEvaluation($0, on: root, options: options, file: file, meter: $1.meter) }
        var live = evaluations.indices.filter { !starts[$0].exhausted && evaluations[$0].begin(matches) }
        var left = file.left()
        for m in matches.matches {
            if live.isEmpty || !visit(m, in: matches, by: &evaluations, live: &live, left: &left, ruleLimit: file.ruleLimit) { break }
        }
        return evaluations.indices.map { evaluations[$0].finish() }
    }

    /// The rules of a walk that selected nothing: nothing to set up; each rule only reports
    /// the empty selection (once) or not.
    static func selectedNothing(_ boxes: [RuleBox], _ starts: [(exhausted: Bool, reportedEmpty: Bool, meter: CostMeter)], _ matches: PathMatches,
                                on root: YAMLNode, options: RunOptions, file: FileRun) -> [RunResult] {
        zip(boxes, starts).map { box, start in
            if start.exhausted { return RunResult() }
            return selectedNothing(box, matches, on: root, options: options, file: file, reportedEmpty: start.reportedEmpty, meter: start.meter)
        }
    }

    /// One match of a shared walk, checked by each rule still `live` in turn; false when none
    /// is left. The rules of a walk take turns on each match: each may spend what the file
    /// has left after the others' spending so far, not the whole of it each.
    static func visit(_ m: PathMatch, in matches: PathMatches, by evaluations: inout [RuleEvaluation], live: inout [Int],
                      left: inout Int, ruleLimit: Int) -> Bool {
        live.removeAll { k in
            let before = evaluations[k].meter.used
            evaluations[k].limit(toLeft: left, ruleLimit: ruleLimit)
            let goOn = evaluations[k].visit(m, in: matches)
            left -= max(0, evaluations[k].meter.used - before)
            return !goOn
        }
        return !live.isEmpty
    }

    /// Sets the meter's limit to the rule's own or what the file has left, whichever is less.
    mutating func limit(toLeft left: Int, ruleLimit: Int) {
        let (limit, o) = meter.used.addingReportingOverflow(max(0, left))
        meter = CostMeter(limit: o ? ruleLimit : min(ruleLimit, limit), used: meter.used)
    }

    var result: RunResult { RunResult(diagnostics: diagnostics, unevaluatedRules: failed ? [rule.id] : []) }

    /// Reports a `for` filter that could not be evaluated.
    mutating func report(_ error: FilterFailure) {
        let part = Rule.Part(expression: filterExpression(error.stepIndex), source: rule.selectorText, offset: error.expressionOffset)
        report(PartFailure(error: error.error, part: part, what: .phrase(.forFilter)), match: error.error.node ?? root)
    }

    /// Before the matches: reports a selection that is empty where it should not be; false
    /// when there is nothing to check.
    mutating func begin(_ matches: PathMatches) -> Bool {
        if matches.matches.isEmpty, let empty = matches.empty, options.warnWhenSelectorMatchesNothing {
            // Once per rule and file, and once per run when the run shares its state: a
            // stream of 100,000 documents gives one warning per rule, not 100,000.
            if !reportedEmpty && options.runState?.firstEmpty(rule.id) ?? true { reportEmpty(empty) }
            reportedEmpty = true
            return false
        }
        bindDocument()
        return true
    }

    /// Binds what is the same for every match: `root` (and `files`, `params`); the other rule
    /// variables are bound per match, those the rule reads only.
    mutating func bindDocument() {
        activation.bind(Scope.rootSlot, node: root)
        if rule.readsFiles { activation[Scope.filesSlot] = .list((options.files ?? [root]).map { .node($0) }) }
        if rule.reads[Scope.paramsSlot] {
            let set = options.params[rule.id] ?? [:]
            activation[Scope.paramsSlot] = .map(MapValue(rule.params.map { ($0.name, set[$0.name] ?? $0.defaultValue) }))
        }
    }

    /// Checks one match; false when the rule must stop (its budget is spent, or the run was
    /// cancelled).
    mutating func visit(_ m: PathMatch, in matches: PathMatches) -> Bool {
        if let run = options.runState, run.isCancelled { return false }
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
                      meter: inout CostMeter, cachesInvariants: Bool = false, explainEmpty: Bool = true) throws(FilterFailure) -> PathMatches {
        guard selector.hasFilters else {
            return try selector.match(in: root, explainEmpty: explainEmpty) { (_, _, _) throws(EvaluationError) -> Bool in true }
        }
        // The filters' activation is made when the first filter runs (a path that stops
        // before its first filter needs none).
        var activation: Activation?
        var filterMeter = meter
        defer { meter = filterMeter }
        return try selector.match(in: root, explainEmpty: explainEmpty) { (condition, m, path) throws(EvaluationError) -> Bool in
            if activation == nil {
                var a = Activation(scope: Scope())
                a.cachesInvariants = cachesInvariants
                if selector.filtersRead(Scope.filesSlot) { a[Scope.filesSlot] = .list((files ?? [root]).map { .node($0) }) }
                activation = a
            }
            bind(&activation!, m, root: root, path: path)
            let v = try condition.evaluate(&activation!, options: options, meter: &filterMeter)
            guard let b = v.boolValue else {
                throw EvaluationError(code: .typeMismatch, message: RunMessage.filterNotBool(["type": v.typeNoun, "value": v.formatted()]),
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
        if reads?[Scope.indexSlot] ?? true { a.bind(Scope.indexSlot, whole: m.index >= 0 ? m.index : nil) }
        if reads?[Scope.pathSlot] ?? true { a[Scope.pathSlot] = path.map { .string($0) } ?? .null }
        // Without `reads` (a filter's candidates), `depth` is bound only below a recursive
        // step: the candidates of one filter step are all below one or none, and the slot
        // starts out null.
        if let reads { if reads[Scope.depthSlot] { a.bind(Scope.depthSlot, whole: m.depth > 0 ? Int(m.depth) : nil) } }
        else if m.depth > 0 { a.bind(Scope.depthSlot, whole: Int(m.depth)) }
    }

    // MARK: Evaluating parts

    /// The failure of `part`, or of the let it was computing when the error happened (lets
    /// are computed on demand, inside the expression that first reads them).
    func failure(_ error: EvaluationError, in part: Rule.Part, what: PartName) -> PartFailure {
        var (part, what) = (part, what)
        if let slot = error.letSlot, let l = rule.lets.first(where: { $0.slot == slot }) { (part, what) = (l.part, l.what) }
        if let name = error.function, let body = rule.pack?.functionParts[name] {
            var f = PartFailure(error: error, part: body, what: .function(name))
            if let call = error.callRange { f.callSite = (part, call, what) }
            return f
        }
        return PartFailure(error: error, part: part, what: what)
    }

    mutating func evaluate(_ part: Rule.Part, what: PartName) throws(PartFailure) -> Value {
        do {
            return try part.expression.evaluate(&activation, options: evaluationOptions, meter: &meter)
        } catch {
            throw failure(error, in: part, what: what)
        }
    }

    mutating func condition(_ part: Rule.Part, what: PartName, node: UnownedNode) throws(PartFailure) -> Bool {
        let outcome: ConditionOutcome
        do {
            outcome = try part.expression.evaluateCondition(&activation, options: evaluationOptions, meter: &meter)
        } catch {
            throw failure(error, in: part, what: what)
        }
        switch outcome {
        case .bool(let b):
            return b
        case .other(let v):
            let e = EvaluationError(code: .typeMismatch,
                                    message: RunMessage.partNotBool(["part": what.text, "type": v.typeNoun, "value": v.formatted(symbols: rule.options.symbols)]),
                                    range: ByteRange(0, part.expression.text.utf8.count), node: v.node ?? node.node)
            throw PartFailure(error: e, part: part, what: what)
        }
    }

    /// A template's text, at most `maxLength` characters (then `…`): each `{…}` prints at
    /// most `RunOptions.maxInterpolationLength`, and every byte built is charged to the
    /// rule's budget, so 50 labels quoting a 20 MB value cost a few kilobytes, not gigabytes.
    mutating func render(_ t: Rule.Template, what: PartName, maxLength: Int = RunOptions.maxMessageLength) throws(PartFailure) -> String {
        var out = ""
        for p in t.template.parts {
            let piece: String
            switch p {
            case .literal(let s): piece = s
            case .expression(let e, let range):
                let part = Rule.Part(expression: e, source: t.source, offset: range.start)
                piece = try evaluate(part, what: what)
                    .formatted(.plain, symbols: rule.options.symbols, maxLength: min(maxLength, RunOptions.maxInterpolationLength),
                               language: evaluationOptions.language)
            }
            guard meter.spend(piece.utf8.count / 8 + 1) else {
                throw PartFailure(error: EvaluationError(code: .budgetExceeded, message: RunMessage.budgetWhileBuilding(["part": what.text]),
                                                        range: ByteRange(0, 0)),
                                  part: Rule.Part(expression: rule.assertion.expression, source: t.source, offset: 0), what: what)
            }
            out += piece
            if out.utf8.count > maxLength { break }
        }
        return out.truncated(toCharacters: maxLength)
    }

    // MARK: One match

    mutating func check(_ m: PathMatch) throws(PartFailure) {
        if let when = rule.when, try !condition(when, what: "when", node: m.node) { return }
        if try condition(rule.assertion, what: "assert", node: m.node) { return }
        if reported < options.maxDiagnosticsPerRule {
            let f = finding(m)
            emit(f, code: rule.id, severity: rule.severity)
        } else {
            countOmitted(rule.id, rule.severity)   // not even its message is built
        }
    }

    /// The diagnostic for a failed assert. A part that cannot be evaluated (the message, a
    /// label) does not lose the finding: it is reported with what could be computed, and the
    /// failure is reported on its own.
    mutating func finding(_ m: PathMatch) -> Diagnostic {
        var notes: [String] = []
        var message = rule.summary(in: options.language)
        if let t = rule.message?.text(in: options.language) {
            do { message = try render(t, what: "message") } catch {
                report(error, match: m.owned)
                notes.append(RunMessage.messageNotFormed())
            }
        }
        var blamed = m.owned
        if let at = rule.at {
            do {
                let v = try evaluate(at, what: "at")
                if let n = Self.node(of: v) { blamed = n } else {
                    notes.append(RunMessage.atNotANode(["type": v.typeNoun, "value": v.formatted(symbols: rule.options.symbols)]))
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
        if omitted > 0 { notes.append(omitted == 1 ? RunMessage.moreLabelOne() : RunMessage.moreLabels(["count": omitted])) }
        for t in rule.notes.text(in: options.language) {
            do { notes.append(try render(t, what: "notes", maxLength: RunOptions.maxNoteLength)) } catch { report(error, match: m.owned) }
        }
        if options.explain { notes += explanation() }
        var fixes: [Fix] = []
        if let spec = rule.fix {
            do { if let f = try fix(spec, at: blamed) { fixes.append(f) } } catch { report(error, match: m.owned) }
        }
        var d = Diagnostic(code: rule.id, severity: rule.severity, message: message, location: .span(Blame.span(of: blamed)),
                           labels: labels, notes: notes, help: rule.help(in: options.language), docsURL: rule.docsURL, fixes: fixes)
        d.alternateMessage = alternateMessage()
        return d
    }

    /// The message in the language other than the run's, for SARIF's and JSON's
    /// `alternateMessage`, when the rule writes its message (or, having none, its summary) in
    /// both. It is rendered in that language (its `withUnit`, `fiscalYearText`, numbers) on a
    /// copy of the evaluation state, which is then put back: nothing it computes or remembers
    /// reaches the run's own texts, and it spends none of the rule's budget. A part that fails
    /// leaves it out (the run's own message reports its own failures). A let the run has
    /// already computed for this match keeps its value.
    mutating func alternateMessage() -> AlternateText? {
        guard let other = Language.allCases.first(where: { $0 != options.language }) else { return nil }
        guard let written = rule.message else {
            let summaries = rule.summaries
            guard summaries.languages.contains(other), summaries.languages.contains(options.language) else { return nil }
            return AlternateText(language: other, text: summaries.text(in: other))
        }
        guard written.languages.contains(other), written.languages.contains(options.language) else { return nil }
        let saved = (activation, meter, evaluationOptions)
        defer { (activation, meter, evaluationOptions) = saved }
        evaluationOptions.language = other
        // Without the remembered invariant values: they were computed in the run's language.
        activation.cachesInvariants = false
        guard let text = try? render(written.text(in: other), what: "message") else { return nil }
        return AlternateText(language: other, text: text)
    }

    /// The rule's `fix:` for this finding: the scalar `at` names (default `blamed`) replaced by
    /// `replace`'s value, written as YAML in the scalar's style; nil when `replace` is null or
    /// `at` names no scalar.
    mutating func fix(_ spec: Rule.FixSpec, at blamed: YAMLNode) throws(PartFailure) -> Fix? {
        var target = blamed
        if let at = spec.at {
            guard let n = Self.node(of: try evaluate(at, what: .phrase(.fixAt))) else { return nil }
            target = n
        }
        guard target.isScalar else { return nil }
        let value = try evaluate(spec.replace, what: .phrase(.fixReplace))
        let text: String
        switch value {
        case .null: return nil
        case .string(let s): text = YAMLScalarText.string(s, like: target)
        case .number, .bool: text = value.formatted(.plain, symbols: rule.options.symbols)
        case .node(let n) where n.isScalar: text = n.span.text
        default: return nil
        }
        let title = try spec.title.map { t throws(PartFailure) in try render(t.text(in: options.language), what: .phrase(.fixTitle)) }
            ?? RunMessage.replaceWith(["text": text])
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
            let v = try evaluate(at, what: .phrase(.labelAt))
            let text = try spec.message.map { t throws(PartFailure) in
                try render(t.text(in: options.language), what: .phrase(.labelMessage), maxLength: RunOptions.maxLabelLength)
            } ?? ""
            let nodes = v.node.map { [$0] } ?? (v.elements ?? []).compactMap(\.node)
            if nodes.isEmpty { notes.append(RunMessage.labelAtNotANode(["type": v.typeNoun, "value": v.formatted(symbols: rule.options.symbols)])) }
            for n in nodes { add(n, text, labels: &labels, omitted: &omitted) }
            return
        }
        let list = try evaluate(each, what: .phrase(.labelEach))
        guard let elements = list.elements else {
            notes.append(RunMessage.labelEachNotAList(["type": list.typeNoun]))
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
            if let at = spec.at { node = Self.node(of: try evaluate(at, what: .phrase(.labelAt))) }
            guard let node else { continue }
            let text = try spec.message.map { t throws(PartFailure) in
                try render(t.text(in: options.language), what: .phrase(.labelMessage), maxLength: RunOptions.maxLabelLength)
            } ?? ""
            add(node, text, labels: &labels, omitted: &omitted)
        }
    }

    /// Notes for `--explain`: each comparison that decided the assert, with intervals.
    mutating func explanation() -> [String] {
        let e = rule.assertion.expression
        guard let ex = try? e.explain(&activation, options: evaluationOptions, meter: &meter) else { return [] }
        let bytes = Array(e.text.utf8)
        func text(_ r: ByteRange) -> String {
            String(decoding: bytes[max(0, r.start)..<min(bytes.count, r.end)], as: UTF8.self)
        }
        let symbols = rule.options.symbols
        return ex.comparisons.map { c in
            RunMessage.comparison(["expression": text(c.range), "left": text(c.leftRange), "leftValue": c.left.formatted(.intervals, symbols: symbols),
                                   "right": text(c.rightRange), "rightValue": c.right.formatted(.intervals, symbols: symbols),
                                   "operator": c.op, "result": c.result])
        }
    }

    // MARK: Reporting failures

    mutating func report(_ f: PartFailure, match: YAMLNode) {
        failed = true
        let exprSpan = f.part.span(of: f.error.range)
        if reported >= options.maxDiagnosticsPerRule {
            // Counted, not built: a failure on every match of a million is a number.
            countOmitted((f.error.code == .budgetExceeded ? EngineCode.budgetExceeded : EngineCode.evaluationFailed).rawValue, .error)
            return
        }
        if f.error.code == .budgetExceeded {
            let shared = file?.fileBudgetSpent() == true || meter.limit < (file?.ruleLimit ?? Int.max)
            let what = shared
                ? RunMessage.fileBudget(["limit": (file?.fileLimit ?? meter.limit).groupedDigits, "rule": rule.id])
                : RunMessage.ruleBudget(["rule": rule.id, "limit": meter.limit.groupedDigits])
            emit(Diagnostic(
                EngineCode.budgetExceeded, severity: .error,
                message: what,
                location: .span(Blame.span(of: match)), primaryLabel: RunMessage.whileChecking(),
                labels: [Label(span: rule.source.idSpan, message: RunMessage.theRule()), Label(span: exprSpan, message: RunMessage.inPart(["part": f.what.text]))],
                notes: [RunMessage.restNotChecked()] + f.error.notes, help: RunMessage.budgetHelp()),
                code: EngineCode.budgetExceeded.rawValue, severity: .error)
            return
        }
        let node = f.error.node ?? match
        var labels = [Label(span: exprSpan, message: f.callSite == nil ? RunMessage.inPartOfRule(["part": f.what.text, "rule": rule.id])
                                                                  : RunMessage.inPart(["part": f.what.text]))]
        if let call = f.callSite {
            labels.append(Label(span: call.part.span(of: call.range), message: RunMessage.calledHere(["part": call.what.text, "rule": rule.id])))
        }
        emit(Diagnostic(
            EngineCode.evaluationFailed, severity: .error,
            message: RunMessage.couldNotEvaluate(["rule": rule.id, "problem": f.error.message]),
            location: .span(Blame.span(of: node)), primaryLabel: f.error.code.rawValue,
            labels: labels, notes: f.error.notes, help: f.error.help),
            code: EngineCode.evaluationFailed.rawValue, severity: .error)
    }

    mutating func reportEmpty(_ empty: EmptyMatch) {
        diagnostics.append(empty.diagnostic(path: rule.selector, span: rule.selectorText.span(of:), what: RunMessage.forPathOfRule(["rule": rule.id])))
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
            message = RunMessage.matchedNothingNoKey(["path": what, "at": candidatePath, "key": key])
            // The keys the path could have meant, for a suggestion: a set, and at most 10,000
            // of them (a mapping with a million keys once made this quadratic).
            var keys: [String] = []
            var seen: Set<String> = []
            scan: for c in candidates {
                for i in 0..<c.count {
                    if keys.count >= 10_000 { break scan }
                    if let t = c.entry(at: i)?.key.scalarText, t.utf8.count <= 200, seen.insert(t).inserted { keys.append(t) }
                }
            }
            if let first = candidates.first { labels.append(Label(span: Blame.span(of: first), message: RunMessage.noKeyInThisMapping(["key": key]))) }
            if let s = Suggestion.closest(to: key, in: keys) {
                help = SuggestionMessage.didYouMean(["name": s])
            } else {
                help = RunMessage.markOptional(["key": key])
            }
        case .wrongKind(let expected):
            let first = candidates.first
            let found = first.map { RunPhrase.kind(of: $0) } ?? .aNothing
            message = RunMessage.matchedNothingKind(["path": what, "expected": expected(), "at": candidatePath, "found": found()])
            if let first { labels.append(Label(span: Blame.span(of: first), message: RunPhrase.kind(of: first)())) }
        }
        return Diagnostic(EngineCode.selectorMatchedNothing, severity: .warning, message: message, location: .span(span),
                          primaryLabel: RunMessage.matchedNothingFromHere(), labels: labels, help: help)
    }
}

extension RuleEvaluation {
    /// A fresh evaluation of `rule` (index `index` of its set) over the document of `root`,
    /// drawing on `file`'s budget and counts.
    init(_ box: RuleBox, on root: YAMLNode, options: RunOptions, file: FileRun, meter: CostMeter) {
        let rule = box.rule, index = box.index
        let counts = file.counts(index)
        var activation = Activation(scope: rule.activationScope)
        // One activation per rule per document: `root` and the invariant lets keep their
        // values, so invariant subexpressions may be remembered across matches.
        activation.cachesInvariants = true
        for l in rule.lets { activation.defineLet(l.slot, l.part.expression, invariant: l.isDocumentInvariant) }
        self.init(rule: rule, root: root, options: options, activation: activation, meter: meter,
                  index: index, file: file, reported: counts.reported, omitted: counts.omitted, reportedEmpty: counts.reportedEmpty)
        evaluationOptions = rule.options
        evaluationOptions.language = options.language
    }
}
