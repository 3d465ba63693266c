import Diagnostics
import SourceText
import YAMLTree

/// Options for one validation run.
package struct ValidationOptions: Sendable, Equatable {
    /// Formats checked as assertions (`format` is an annotation by default, as the 2020-12
    /// spec says). Implemented: `date` (RFC 3339 full-date). Others are never checked.
    package var assertedFormats: Set<String>
    /// Severity of findings in the data (configuration may override it per code).
    package var severity: Severity
    /// The deepest chain of schema applications followed (data depth plus in-place
    /// applicators); beyond it validation stops with `schema/depth-limit`.
    package var maxDepth: Int
    /// Diagnostics of one code built per document at most, the first in the document; the
    /// rest are counted into one summary (`Diagnostic.omitted`). A mapping of a million keys
    /// the schema does not allow once built a million messages, with suggestions (1.7 GB).
    package var maxDiagnosticsPerCode: Int
    /// Whether the validator may skip work whose outcome it knows (the other alternatives of
    /// a scalar that matched one, under `unevaluated*`). Off only in tests, which check that
    /// the shortcuts give what full evaluation gives.
    package var shortcuts = true

    package init(assertedFormats: Set<String> = [], severity: Severity = .error, maxDepth: Int = 4_000,
                maxDiagnosticsPerCode: Int = 1_000) {
        (self.assertedFormats, self.severity, self.maxDepth) = (assertedFormats, severity, maxDepth)
        self.maxDiagnosticsPerCode = max(1, maxDiagnosticsPerCode)
    }
}

/// The formats planlint can assert.
package let assertableFormats: Set<String> = ["date"]

/// Validates `document` against `schema`: every failure becomes a `Diagnostic` in the
/// document's file, at the narrowest node, with a label pointing into the schema file at
/// the keyword that failed. Diagnostics are in source order.
package func validate(document: YAMLNode, against schema: CompiledSchema, options: ValidationOptions = .init()) -> [Diagnostic] {
    DeepStack.run(maxDepth: options.maxDepth) {
        let evaluator = Evaluator(schema: schema, options: options)
        let outcome = evaluator.evaluate(schema.root, Instance(node: document, key: nil, depth: 0), collect: true, title: nil, inPlace: 0)
        return Failure.diagnostics(outcome.failures + evaluator.extra, options: options)
    }
}

/// The documents of one file validated together, with a cap across them: of each code, the
/// first `perCode` diagnostics (in the order of `jobs`) are kept and the rest only counted.
///
/// A stream of 100,000 invalid documents once built 100,000 messages to show 1,000. Here a
/// document is first validated without words when every code it fails with is past the cap:
/// its failures are then only counted. It is worded (validated again, as
/// `validate(document:against:)` does) only when one of its failures would be kept, or when
/// two of its failures share code and place — they may be one failure reached through two
/// schemas, which only their words tell apart. All documents run on one deep stack.
package struct ValidationBatch: Sendable {
    /// The diagnostics kept (with the per-document summaries `Diagnostic.omitted`).
    package var diagnostics: [Diagnostic] = []
    /// How many diagnostics of each code were counted past the cap.
    package var omitted: [String: Int] = [:]
    /// How many failures were worded: a test's window on the cap (failures past it are not).
    package var worded = 0
    /// Documents that were validated with words.
    package var wordedDocuments = 0
    /// Whether the run was cancelled: what it found is incomplete and must be dropped.
    package var cancelled = false

    /// Whether a finding of a code, starting at a byte (nil: about the whole file), is
    /// suppressed by a comment.
    package typealias Suppressed = @Sendable (_ code: String, _ start: Int?) -> Bool

    /// Validates each job's document against its schema. `suppressions` tells which findings
    /// comments suppress (nil: none); it is called once, when a cap is first reached:
    /// suppressed findings take no room under the cap and are not counted past it (up to
    /// `perCode` of them are kept besides, the rest dropped). `isCancelled` (nil: never) is
    /// asked between documents and every 1,024 evaluations: once it says yes the run stops
    /// and returns at once, marked `cancelled`.
    package static func run(_ jobs: [(document: YAMLNode, schema: CompiledSchema)], perCode: Int,
                            options: ValidationOptions = .init(),
                            isCancelled: (@Sendable () -> Bool)? = nil,
                            suppressions: (@Sendable () -> Suppressed?)? = nil) -> ValidationBatch {
        DeepStack.run(maxDepth: options.maxDepth) {
            var batch = ValidationBatch()
            var shown: [String: Int] = [:]
            var shownSuppressed: [String: Int] = [:]
            var asked = false
            var isSuppressed: Suppressed?
            // Asked once; what was kept so far is counted again, suppressed apart.
            func ask() -> Suppressed? {
                guard !asked else { return isSuppressed }
                asked = true
                isSuppressed = suppressions?()
                guard let isSuppressed else { return nil }
                shown = [:]
                for d in batch.diagnostics where d.omitted == 0 {
                    if isSuppressed(d.code, d.span?.range.start) { shownSuppressed[d.code, default: 0] += 1 } else { shown[d.code, default: 0] += 1 }
                }
                return isSuppressed
            }
            for (document, schema) in jobs {
                if isCancelled?() == true {
                    batch.cancelled = true
                    break
                }
                if !shown.isEmpty, shown.values.contains(where: { $0 >= perCode }),
                   let places = Self.countedPlaces(document, schema, options: options, isCancelled: isCancelled),
                   places.allSatisfy({ p in
                       isSuppressed?(p.code, p.start) == true ? shownSuppressed[p.code, default: 0] >= perCode : shown[p.code, default: 0] >= perCode
                   }) {
                    for p in places {
                        // A suppressed failure is dropped; the further failures it stands for are counted.
                        let n = isSuppressed?(p.code, p.start) == true ? p.count - 1 : p.count
                        if n > 0 { batch.omitted[p.code, default: 0] += n }
                    }
                    continue
                }
                let evaluator = Evaluator(schema: schema, options: options, isCancelled: isCancelled)
                let outcome = evaluator.evaluate(schema.root, Instance(node: document, key: nil, depth: 0), collect: true, title: nil, inPlace: 0)
                if evaluator.cancelled {
                    batch.cancelled = true
                    break
                }
                let failures = outcome.failures + evaluator.extra
                batch.worded += failures.count
                batch.wordedDocuments += 1
                for d in Failure.diagnostics(failures, options: options, suppressed: ask) {
                    if d.omitted > 0 {
                        batch.diagnostics.append(d)
                    } else if let isSuppressed, isSuppressed(d.code, d.span?.range.start) {
                        if shownSuppressed[d.code, default: 0] < perCode {
                            shownSuppressed[d.code, default: 0] += 1
                            batch.diagnostics.append(d)
                        }
                    } else if shown[d.code, default: 0] < perCode {
                        shown[d.code, default: 0] += 1
                        batch.diagnostics.append(d)
                        if shown[d.code] == perCode { _ = ask() }
                    } else {
                        batch.omitted[d.code, default: 0] += 1
                    }
                }
            }
            return batch
        }
    }

    /// The number of diagnostics of each code (counted or shown) `validate(document:against:)`
    /// gives, found without words; nil when two failures share code and place (they may be
    /// duplicates: only words tell).
    package static func countedFailures(_ document: YAMLNode, _ schema: CompiledSchema, options: ValidationOptions) -> [String: Int]? {
        countedPlaces(document, schema, options: options)?.reduce(into: [:]) { $0[$1.code, default: 0] += $1.count }
    }

    /// The failures of `document`, found without words: code, first byte, and how many
    /// diagnostics each stands for (itself and the further ones folded into it); nil when two
    /// share code and place.
    static func countedPlaces(_ document: YAMLNode, _ schema: CompiledSchema, options: ValidationOptions,
                              isCancelled: (@Sendable () -> Bool)? = nil) -> [(code: String, start: Int, count: Int)]? {
        let evaluator = Evaluator(schema: schema, options: options, wording: false, isCancelled: isCancelled)
        let outcome = evaluator.evaluate(schema.root, Instance(node: document, key: nil, depth: 0), collect: true, title: nil, inPlace: 0)
        var out: [(code: String, start: Int, count: Int)] = []
        var places = Set<Failure.Place>()
        for f in outcome.failures + evaluator.extra {
            let range = f.range ?? f.node.range
            guard places.insert(Failure.Place(code: f.code, range: range)).inserted else { return nil }
            out.append((f.code.rawValue, range.start, 1 + f.more))
        }
        return out
    }
}

extension Failure {
    /// A failure's code and place.
    struct Place: Hashable { let code: SchemaCode, range: ByteRange }

    /// The failures as diagnostics, duplicates removed, in source order: at most
    /// `maxDiagnosticsPerCode` of each code (the first in the document), the rest counted into
    /// one summary per code, so a flood costs a count, not a message each.
    /// `suppressed` tells (when the cap matters) which failures comments suppress: they take
    /// no room under it and are not counted past it.
    static func diagnostics(_ failures: [Failure], options: ValidationOptions,
                            suppressed: () -> ValidationBatch.Suppressed? = { nil }) -> [Diagnostic] {
        let limit = options.maxDiagnosticsPerCode
        guard failures.count > limit || failures.contains(where: { $0.more > 0 }) else {
            var seen = Set<Diagnostic>()
            return failures.map { $0.diagnostic(severity: options.severity) }.filter { seen.insert($0).inserted }.sorted(by: Diagnostic.ordered)
        }
        // The place of each failure is known before its diagnostic is made: order by place,
        // then make diagnostics of the first `limit` of each code only.
        let ordered = failures.enumerated().map { ($0.element.range ?? $0.element.node.range, $0.offset) }
            .sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        // Duplicates (one failure reached through several schemas) are dropped by code, place
        // and message.
        struct Key: Hashable { let code: SchemaCode, range: ByteRange, message: String }
        var places = Set<Key>()
        var kept: [Diagnostic] = []
        var shown: [SchemaCode: Int] = [:]
        var shownSuppressed: [SchemaCode: Int] = [:]
        var omitted: [SchemaCode: Int] = [:]
        let isSuppressed = suppressed()
        for (range, i) in ordered {
            let f = failures[i]
            guard places.insert(Key(code: f.code, range: range, message: f.message)).inserted else { continue }
            if f.more > 0 { omitted[f.code, default: 0] += f.more }
            if let isSuppressed, isSuppressed(f.code.rawValue, range.start) {
                if shownSuppressed[f.code, default: 0] < limit {
                    kept.append(f.diagnostic(severity: options.severity))
                    shownSuppressed[f.code, default: 0] += 1
                }
            } else if shown[f.code, default: 0] < limit {
                kept.append(f.diagnostic(severity: options.severity))
                shown[f.code, default: 0] += 1
            } else {
                omitted[f.code, default: 0] += 1
            }
        }
        let path = failures[0].node.file.path
        for (code, count) in omitted.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            var d = Diagnostic(code, severity: options.severity,
                               message: (count == 1 ? SchemaMessage.moreDiagnostic : .moreDiagnostics)(["count": count, "code": code.rawValue, "limit": limit]),
                               location: .path(path), help: SchemaMessage.moreHelp())
            d.omitted = count
            kept.append(d)
        }
        return kept.sorted(by: Diagnostic.ordered)
    }
}

extension CompiledSchema {
    /// Whether `document` is valid (no failures), without building messages.
    package func isValid(_ document: YAMLNode, options: ValidationOptions = .init()) -> Bool {
        DeepStack.run(maxDepth: options.maxDepth) {
            let evaluator = Evaluator(schema: self, options: options)
            return evaluator.evaluate(self.root, Instance(node: document, key: nil, depth: 0), collect: false, title: nil, inPlace: 0).valid
        }
    }

    /// Validates `document`; see `validate(document:against:options:)`.
    package func validate(_ document: YAMLNode, options: ValidationOptions = .init()) -> [Diagnostic] {
        SchemaValidation.validate(document: document, against: self, options: options)
    }
}

/// Applies compiled schemas to values. One per validation run.
///
/// `collect` mode gathers every failure with its message; quick mode (for `not`, `if`,
/// `contains` and the first pass over `anyOf`/`oneOf`) stops at the first failure and builds
/// no messages. Recursion follows the data (one level per value) plus in-place applicators;
/// its depth is capped by `ValidationOptions.maxDepth`, and an in-place chain longer than the
/// number of schemas is a cycle (reported when the schema was compiled) and is cut.
final class Evaluator {
    let schema: CompiledSchema
    let nodes: [SchemaNodeRef]
    let options: ValidationOptions
    let tracking: Bool
    /// `CompiledSchema.scalarChains`.
    let chains: [Int]
    /// Whether collected failures get their words. Off when a run only counts its failures
    /// (`Batch`: every code they can have is past the caller's cap): code, node, place and
    /// depth stay exact — they decide duplicates, counts and which alternative is closest —
    /// and `expectations` keeps whether it is absent, empty or not; nothing is worded.
    let wording: Bool
    var depth = 0
    var depthReported = false
    /// Findings outside the normal flow (non-string keys), reported once each.
    var extra: [Failure] = []
    var reportedKeys = Set<YAMLNode>()
    /// Unknown keys met so far (`unknownKey`); past a limit they get no suggestion.
    var unknownKeys = 0

    /// Memo of results, so alternatives that recurse cannot make the work exponential:
    /// quick results always (they depend only on schema and value), collected ones while
    /// inside the second, message-building pass over `anyOf`/`oneOf`.
    struct MemoKey: Hashable {
        let schema: Int
        let node: Int32
        let key: Int32
        let isKeyName: Bool
        let title: String?
    }
    var quickMemo: [MemoKey: Outcome] = [:]
    var collectMemo: [MemoKey: Outcome] = [:]
    var rebuilding = 0

    /// Whether the run was cancelled (nil: it cannot be), asked now and then; once it is,
    /// `cancelled` is set and every evaluation ends at once.
    let isCancelled: (@Sendable () -> Bool)?
    var cancelled = false
    var evaluations = 0

    init(schema: CompiledSchema, options: ValidationOptions, wording: Bool = true, isCancelled: (@Sendable () -> Bool)? = nil) {
        self.isCancelled = isCancelled
        self.schema = schema
        self.nodes = schema.nodes
        self.options = options
        self.tracking = schema.tracksEvaluation
        self.chains = schema.scalarChains
        self.wording = wording
    }

    func evaluate(_ sid: Int, _ inst: Instance, collect: Bool, title: String?, inPlace: Int) -> Outcome {
        if inPlace > nodes.count { return Outcome() }  // a cycle, reported at compile time
        if let isCancelled {
            // Asked every 1,024 evaluations; a cancelled run ends at once (its caller drops
            // what it found).
            evaluations &+= 1
            if cancelled || (evaluations & 1023 == 0 && isCancelled()) {
                cancelled = true
                return Outcome()
            }
        }
        if !collect {
            // A scalar against a schema that branches nowhere costs less to check again than
            // to memoise (and the check cannot reach the depth or in-place limits).
            if inst.type != .object && inst.type != .array, case let chain = chains[sid], chain >= 0,
               depth + chain <= options.maxDepth, inPlace + chain <= nodes.count {
                return run(sid, inst, collect: false, title: nil, inPlace: inPlace)
            }
            let key = MemoKey(schema: sid, node: inst.node.index, key: -1, isKeyName: inst.keyName != nil, title: nil)
            if let memo = quickMemo[key] { return memo }
            let o = run(sid, inst, collect: false, title: nil, inPlace: inPlace)
            quickMemo[key] = o
            return o
        }
        if rebuilding > 0 {
            let key = MemoKey(schema: sid, node: inst.node.index, key: inst.key?.index ?? -1, isKeyName: inst.keyName != nil, title: title)
            if let memo = collectMemo[key] { return memo }
            let o = run(sid, inst, collect: true, title: title, inPlace: inPlace)
            collectMemo[key] = o
            return o
        }
        let o = run(sid, inst, collect: true, title: title, inPlace: inPlace)
        // Here no quick evaluation and no alternative being worded is under way: the memos
        // serve the alternatives inside one value, and past it they only hold memory (at
        // 100,000 projects the quick memo held 139 MB). Emptied when large, they stay bounded.
        if quickMemo.count > Self.memoLimit { quickMemo.removeAll(keepingCapacity: true) }
        if collectMemo.count > Self.memoLimit { collectMemo.removeAll(keepingCapacity: true) }
        return o
    }

    /// Entries a memo may hold before it is emptied between values.
    static let memoLimit = 4_096

    /// What a failure's `expectations` hold, for merging the alternatives of `anyOf`/`oneOf`.
    enum Expects: Equatable {
        case none, empty, some
        init(_ e: [String]?) { self = e == nil ? .none : e!.isEmpty ? .empty : .some }
        /// Stands for the expectations of a failure that is not worded.
        var placeholder: [String]? { self == .none ? nil : self == .empty ? [] : [""] }
    }

    /// A failure: `build()` when messages are collected and worded, else its code and place
    /// only. Quick mode needs to know no more than that a value failed (a branch of `anyOf`
    /// that does not match, on the way to one that does); a counting run (`wording` off) needs
    /// the code, the place and the shape of the expectations, which are given here and must be
    /// what `build()` gives (checked in debug builds).
    func fail(_ collect: Bool, _ code: SchemaCode, at node: YAMLNode, range: ByteRange? = nil, depth: Int,
              expects: Expects = .none, _ build: () -> Failure) -> Failure {
        if collect && wording {
            let f = build()
            assert(f.code == code && f.node == node && f.range == range && f.depth == depth && Expects(f.expectations) == expects,
                   "a counted failure would differ from the worded one: \(code)")
            return f
        }
        var f = Failure(code, "", at: node, range: range, depth: depth)
        if collect { f.expectations = expects.placeholder }
        return f
    }

    func run(_ sid: Int, _ inst: Instance, collect: Bool, title: String?, inPlace: Int) -> Outcome {
        depth += 1
        defer { depth -= 1 }
        if depth > options.maxDepth {
            var out = Outcome()
            if !depthReported || !collect {
                depthReported = depthReported || collect
                out.failures.append(Failure(.depthLimit, SchemaMessage.depthLimit(["limit": options.maxDepth]),
                                            at: inst.node, range: inst.node.isScalar ? nil : inst.headRange, depth: inst.depth,
                                            label: SchemaMessage.tooDeep(), help: SchemaMessage.depthLimitHelp()))
            }
            return out
        }
        let s = nodes[sid]
        var out = Outcome()
        if let b = s.boolean {
            if !b {
                out.failures.append(fail(collect, .falseSchema, at: inst.node, range: inst.key?.range, depth: inst.depth, expects: .empty) {
                    let message = inst.key.flatMap(JSONView.keyName).map { SchemaMessage.keyNotAllowed(["key": $0]) }
                        ?? SchemaMessage.valueNotAllowed()
                    return Failure(.falseSchema, message, at: inst.node,
                                   range: inst.key?.range, depth: inst.depth, label: SchemaMessage.notAllowed(),
                                   labels: [Label(span: s.source.span, message: SchemaMessage.falseSchema())],
                                   expectations: [])
                })
            }
            return out
        }
        let title = title ?? s.title

        if let r = s.ref {
            let o = evaluate(r, inst, collect: collect, title: title, inPlace: inPlace + 1)
            if !o.failures.isEmpty { out.failures += o.failures }
            out.evaluated.merge(o.evaluated)
            if !collect && !out.failures.isEmpty { return out }
        }
        checkShape(s, inst, title, collect, &out)
        if !collect && !out.failures.isEmpty { return out }

        switch inst.type {
        case .integer, .number:
            checkNumber(s, inst, title, collect, &out)
        case .string:
            checkString(s, inst, title, collect, &out)
        case .array:
            checkArray(s, sid, inst, title, collect, inPlace, &out)
        case .object:
            checkObject(s, sid, inst, title, collect, inPlace, &out)
        default:
            break
        }
        if !collect && !out.failures.isEmpty { return out }
        applyInPlace(s, inst, title, collect, inPlace, &out)
        if !collect && !out.failures.isEmpty { return out }
        if inst.type == .array, let u = s.unevaluatedItems { checkUnevaluatedItems(s, u, inst, title, collect, &out) }
        if inst.type == .object, let u = s.unevaluatedProperties { checkUnevaluatedProperties(s, u, inst, title, collect, &out) }
        return out
    }

    // MARK: type, const, enum

    @inline(never)
    func checkShape(_ s: SchemaNodeRef, _ inst: Instance, _ title: String?, _ collect: Bool, _ out: inout Outcome) {
        if let types = s.types {
            let actual = inst.type
            let ok = types.contains(actual) || (actual == .integer && types.contains(.number))
            if !ok {
                out.failures.append(fail(collect, .type, at: inst.node, depth: inst.depth, expects: types.bits == 0 ? .empty : .some) {
                    let expected = types.types.map(JSONView.name)
                    let list = Messages.orList(expected)
                    var f = Failure(.type, SchemaMessage.expectedFound(["expected": list, "found": inst.describe()]), at: inst.node, depth: inst.depth,
                                    label: Messages.titled(title, SchemaMessage.expected(["expected": list])),
                                    labels: [s.entryLabel("type", Messages.inSchema("`type`", s))],
                                    expectations: expected)
                    let hint = Messages.typeHint(inst, expected: types)
                    f.help = s.errorMessage ?? hint.help
                    f.fixes = hint.fixes
                    return f
                })
                if !collect { return }
            }
        }
        if let c = s.constCanonical, let value = s.constValue, inst.canonical != c {
            out.failures.append(fail(collect, .const, at: inst.node, depth: inst.depth, expects: .some) {
                let rendered = JSONView.render(value)
                var f = Failure(.const, SchemaMessage.expectedFound(["expected": rendered, "found": inst.describe()]), at: inst.node, depth: inst.depth,
                                label: Messages.titled(title, SchemaMessage.expected(["expected": rendered])),
                                labels: [s.entryLabel("const", Messages.inSchema("`const`", s))],
                                expectations: [rendered])
                f.allowedStrings = JSONView.string(value).map { [$0] } ?? []
                if let found = inst.string, let allowed = JSONView.string(value) {
                    let hint = Messages.nearValue(found, among: [allowed], inst: inst)
                    f.help = hint.help
                    f.fixes = hint.fixes
                }
                return f
            })
            if !collect { return }
        }
        if let values = s.enumValues, !s.enumCanonical.contains(inst.canonical) {
            out.failures.append(fail(collect, .enumValue, at: inst.node, depth: inst.depth, expects: .some) {
                let rendered = values.map(JSONView.render)
                let shown = Messages.truncatedList(rendered, limit: 12)
                var f = Failure(.enumValue, SchemaMessage.expectedOneOf(["values": shown, "found": inst.describe()]), at: inst.node, depth: inst.depth,
                                label: Messages.titled(title, SchemaMessage.notAnAllowedValue()),
                                labels: [s.label("enum", Messages.inSchema("`enum`", s))],
                                expectations: rendered.count == 1 ? rendered : [SchemaPhrase.oneOf(["values": shown])])
                f.allowedStrings = values.compactMap(JSONView.string)
                if let found = inst.string {
                    let hint = Messages.nearValue(found, among: values.compactMap(JSONView.string), inst: inst)
                    f.help = hint.help
                    f.fixes = hint.fixes
                }
                return f
            })
            if !collect { return }
        }
    }

    // MARK: numbers

    @inline(never)
    func checkNumber(_ s: SchemaNodeRef, _ inst: Instance, _ title: String?, _ collect: Bool, _ out: inout Outcome) {
        guard s.minimum != nil || s.maximum != nil || s.exclusiveMinimum != nil || s.exclusiveMaximum != nil || s.multipleOf != nil,
              let n = inst.number else { return }
        var found: String { inst.render() }
        func bound(_ b: JSONNumber?, _ keyword: String, _ code: SchemaCode, _ op: String, _ fails: (Int) -> Bool) {
            guard let b else { return }
            let c = JSONNumber.compare(n, b)
            guard c == nil || fails(c!) else { return }
            out.failures.append(fail(collect, code, at: inst.node, depth: inst.depth) {
                Failure(code, SchemaMessage.expectedNumber(["op": op, "bound": b, "found": found]), at: inst.node, depth: inst.depth,
                        label: Messages.titled(title, SchemaMessage.mustBe(["op": op, "bound": b])),
                        labels: [s.entryLabel(keyword, Messages.inSchema("`\(keyword)`", s))])
            })
        }
        bound(s.minimum, "minimum", .minimum, "≥") { $0 < 0 }
        bound(s.maximum, "maximum", .maximum, "≤") { $0 > 0 }
        bound(s.exclusiveMinimum, "exclusiveMinimum", .exclusiveMinimum, ">") { $0 <= 0 }
        bound(s.exclusiveMaximum, "exclusiveMaximum", .exclusiveMaximum, "<") { $0 >= 0 }
        if let m = s.multipleOf, !n.isMultiple(of: m) {
            out.failures.append(fail(collect, .multipleOf, at: inst.node, depth: inst.depth) {
                Failure(.multipleOf, SchemaMessage.expectedMultiple(["step": m, "found": found]), at: inst.node, depth: inst.depth,
                        label: SchemaMessage.notAMultiple(["step": m]),
                        labels: [s.entryLabel("multipleOf", Messages.inSchema("`multipleOf`", s))])
            })
        }
    }

    // MARK: strings

    @inline(never)
    func checkString(_ s: SchemaNodeRef, _ inst: Instance, _ title: String?, _ collect: Bool, _ out: inout Outcome) {
        guard s.minLength != nil || s.maxLength != nil || s.pattern != nil || s.format != nil, inst.type == .string else { return }
        if s.minLength != nil || s.maxLength != nil {
            // Counted on the text's bytes, only as far as the bounds need (`minLength: 1`
            // looks at one character), without making the text a `String`.
            let length = inst.codePoints(upTo: max(s.minLength ?? 0, (s.maxLength ?? -1) + 1))
            if let min = s.minLength, length < min {
                out.failures.append(fail(collect, .minLength, at: inst.node, range: inst.node.range.isEmpty ? inst.key?.range : nil, depth: inst.depth) {
                    let what = length == 0 ? SchemaPhrase.emptyString() : Messages.count(length, .character, .characters)
                    return Failure(.minLength, SchemaMessage.atLeast(["count": Messages.count(min, .character, .characters), "found": what]),
                                   at: inst.node, range: inst.node.range.isEmpty ? inst.key?.range : nil, depth: inst.depth,
                                   label: Messages.titled(title, SchemaMessage.tooShort()),
                                   labels: [s.entryLabel("minLength", Messages.inSchema("`minLength`", s))])
                })
            }
            if let max = s.maxLength, length > max {
                out.failures.append(fail(collect, .maxLength, at: inst.node, depth: inst.depth) {
                    Failure(.maxLength, SchemaMessage.atMost(["count": Messages.count(max, .character, .characters), "found": inst.codePoints(upTo: .max)]),
                            at: inst.node, depth: inst.depth,
                            label: Messages.titled(title, SchemaMessage.tooLong()),
                            labels: [s.entryLabel("maxLength", Messages.inSchema("`maxLength`", s))])
                })
            }
        }
        guard s.pattern != nil || s.format != nil, let text = inst.string else { return }
        if let re = s.pattern, !re.matches(text) {
            out.failures.append(fail(collect, .pattern, at: inst.node, depth: inst.depth) {
                let message = s.patternErrorMessage ?? SchemaMessage.patternMismatch(["found": inst.describe(), "pattern": re.source])
                return Failure(.pattern, message, at: inst.node, depth: inst.depth,
                               label: Messages.titled(title, SchemaMessage.doesNotMatch()),
                               labels: [s.entryLabel("pattern", Messages.inSchema("`pattern`", s))])
            })
        }
        if let format = s.format, options.assertedFormats.contains(format), let problem = Formats.check(format, text) {
            out.failures.append(fail(collect, .format, at: inst.node, depth: inst.depth) {
                Failure(.format, SchemaMessage.formatMismatch(["format": format, "shape": Formats.shape(format), "found": inst.describe(),
                                                               "problem": problem.text]),
                        at: inst.node, depth: inst.depth, label: SchemaMessage.notAValidFormat(["format": format]),
                        labels: [s.entryLabel("format", Messages.inSchema("`format`", s))])
            })
        }
    }

    // MARK: arrays

    func checkArray(_ s: SchemaNodeRef, _ sid: Int, _ inst: Instance, _ title: String?, _ collect: Bool, _ inPlace: Int, _ out: inout Outcome) {
        let items = inst.node.items
        let count = items.count
        func plural(_ n: Int) -> String { Messages.count(n, .item, .items) }
        if let min = s.minItems, count < min {
            out.failures.append(fail(collect, .minItems, at: inst.node, range: inst.headRange, depth: inst.depth) {
                Failure(.minItems, SchemaMessage.atLeast(["count": plural(min), "found": count]), at: inst.node, range: inst.headRange,
                        depth: inst.depth, label: Messages.titled(title, SchemaMessage.tooFewItems()),
                        labels: [s.entryLabel("minItems", Messages.inSchema("`minItems`", s))])
            })
            if !collect { return }
        }
        if let max = s.maxItems, count > max {
            out.failures.append(fail(collect, .maxItems, at: inst.node, range: inst.headRange, depth: inst.depth) {
                Failure(.maxItems, SchemaMessage.atMost(["count": plural(max), "found": count]), at: inst.node, range: inst.headRange,
                        depth: inst.depth, label: Messages.titled(title, SchemaMessage.tooManyItems()),
                        labels: [s.entryLabel("maxItems", Messages.inSchema("`maxItems`", s))])
            })
            if !collect { return }
        }
        if s.uniqueItems, count > 1 {
            var first: [ExactString: Int] = [:]
            for (i, item) in items.enumerated() {
                let c = CanonicalJSON.key(item)
                if let j = first[c] {
                    out.failures.append(fail(collect, .uniqueItems, at: item, depth: inst.depth + 1) {
                        Failure(.uniqueItems, SchemaMessage.repeatedItem(["index": i + 1, "first": j + 1, "value": JSONView.render(item)]),
                                at: item, depth: inst.depth + 1, label: SchemaMessage.repeated(),
                                labels: [Label(span: items[j].span, message: SchemaMessage.firstHere()),
                                         s.entryLabel("uniqueItems", Messages.inSchema("`uniqueItems`", s))])
                    })
                    if !collect { return }
                } else {
                    first[c] = i
                }
            }
        }
        // prefixItems, items
        let prefix = min(s.prefixItems.count, count)
        for i in 0..<prefix {
            let o = evaluate(s.prefixItems[i], Instance(node: items[i], key: nil, depth: inst.depth + 1), collect: collect, title: nil, inPlace: 0)
            if !o.failures.isEmpty { out.failures += o.failures }
            if !o.valid && !collect { return }
        }
        if !s.prefixItems.isEmpty { out.evaluated.prefix = max(out.evaluated.prefix, prefix) }
        if let itemsSchema = s.items, count > prefix {
            if nodes[itemsSchema].boolean == false {
                out.failures.append(fail(collect, .items, at: items[prefix], depth: inst.depth + 1) {
                    let allowed = s.prefixItems.count
                    return Failure(.items, allowed == 0 ? SchemaMessage.noItemsAllowed(["count": count])
                                       : SchemaMessage.beyondPrefixItems(["count": plural(allowed), "found": count]),
                                   at: items[prefix], depth: inst.depth + 1, label: SchemaMessage.notAllowed(),
                                   labels: [s.entryLabel("items", Messages.inSchema("`items: false`", s))])
                })
                if !collect { return }
            } else {
                for i in prefix..<count {
                    let o = evaluate(itemsSchema, Instance(node: items[i], key: nil, depth: inst.depth + 1), collect: collect, title: nil, inPlace: 0)
                    if !o.failures.isEmpty { out.failures += o.failures }
                    if !o.valid && !collect { return }
                }
            }
            out.evaluated.allItems = true
        }
        if let c = s.contains {
            var matched: [Int] = []
            for (i, item) in items.enumerated() {
                let o = evaluate(c, Instance(node: item, key: nil, depth: inst.depth + 1), collect: false, title: nil, inPlace: 0)
                if o.valid { matched.append(i) }
            }
            if tracking { out.evaluated.itemSet.formUnion(matched) }
            let minC = s.minContains ?? 1
            if matched.count < minC {
                let code: SchemaCode = s.minContains == nil ? .contains : .minContains
                out.failures.append(fail(collect, code, at: inst.node, range: inst.headRange, depth: inst.depth) {
                    let containsTitle = Messages.aside(nodes[c].title)
                    let message = minC == 1
                        ? SchemaMessage.containsNone(["schema": containsTitle])
                        : SchemaMessage.containsTooFew(["count": minC, "schema": containsTitle, "found": matched.count])
                    return Failure(code, message, at: inst.node, range: inst.headRange, depth: inst.depth,
                                   label: Messages.titled(title, SchemaMessage.noMatchingItem()),
                                   labels: [s.entryLabel("contains", Messages.inSchema("`contains`", s)),
                                            s.minContains != nil ? s.entryLabel("minContains", "`minContains`") : nil])
                })
                if !collect { return }
            }
            if let maxC = s.maxContains, matched.count > maxC {
                out.failures.append(fail(collect, .maxContains, at: items[matched[maxC]], depth: inst.depth + 1) {
                    Failure(.maxContains, SchemaMessage.containsTooMany(["count": plural(maxC), "schema": Messages.aside(nodes[c].title),
                                                                        "found": matched.count]),
                            at: items[matched[maxC]], depth: inst.depth + 1, label: SchemaMessage.oneTooMany(),
                            labels: [s.entryLabel("maxContains", Messages.inSchema("`maxContains`", s))])
                })
                if !collect { return }
            }
        }
    }

    func checkUnevaluatedItems(_ s: SchemaNodeRef, _ u: Int, _ inst: Instance, _ title: String?, _ collect: Bool, _ out: inout Outcome) {
        let items = inst.node.items
        for (i, item) in items.enumerated() where !out.evaluated.hasItem(i) {
            if nodes[u].boolean == false {
                out.failures.append(fail(collect, .unevaluatedItems, at: item, depth: inst.depth + 1) {
                    Failure(.unevaluatedItems, SchemaMessage.unevaluatedItem(["index": i + 1]),
                            at: item, depth: inst.depth + 1, label: SchemaMessage.notAllowed(),
                            labels: [s.entryLabel("unevaluatedItems", Messages.inSchema("`unevaluatedItems: false`", s))])
                })
                if !collect { return }
            } else {
                let o = evaluate(u, Instance(node: item, key: nil, depth: inst.depth + 1), collect: collect, title: nil, inPlace: 0)
                if !o.failures.isEmpty { out.failures += o.failures }
            }
            if !out.valid && !collect { return }
        }
        out.evaluated.allItems = true
    }

    // MARK: objects

    func checkObject(_ s: SchemaNodeRef, _ sid: Int, _ inst: Instance, _ title: String?, _ collect: Bool, _ inPlace: Int, _ out: inout Outcome) {
        let entries = inst.node.entries
        let present = KeyTable(entries)
        for (i, e) in entries.enumerated() {
            if present.keys[i] == nil, collect, reportedKeys.insert(e.key).inserted {
                extra.append(fail(collect, .nonStringKey, at: e.key, depth: inst.depth + 1) {
                    Failure(.nonStringKey, SchemaMessage.nonStringKey(["found": JSONView.describe(e.key)]),
                            at: e.key, depth: inst.depth + 1, label: SchemaMessage.notAName(),
                            help: SchemaMessage.plainKeyHelp())
                })
            }
        }
        func plural(_ n: Int) -> String { Messages.count(n, .property, .properties) }
        if let min = s.minProperties, present.count < min {
            out.failures.append(fail(collect, .minProperties, at: inst.node, range: inst.headRange, depth: inst.depth) {
                Failure(.minProperties, SchemaMessage.atLeast(["count": plural(min), "found": present.count]), at: inst.node,
                        range: inst.headRange, depth: inst.depth, label: SchemaMessage.tooFewProperties(),
                        labels: [s.entryLabel("minProperties", Messages.inSchema("`minProperties`", s))])
            })
            if !collect { return }
        }
        if let max = s.maxProperties, present.count > max {
            out.failures.append(fail(collect, .maxProperties, at: inst.node, range: inst.headRange, depth: inst.depth) {
                Failure(.maxProperties, SchemaMessage.atMost(["count": plural(max), "found": present.count]), at: inst.node,
                        range: inst.headRange, depth: inst.depth, label: SchemaMessage.tooManyProperties(),
                        labels: [s.entryLabel("maxProperties", Messages.inSchema("`maxProperties`", s))])
            })
            if !collect { return }
        }
        // A misspelt key explains a missing required one: `budjet` for `budget` is one
        // mistake, reported once (at the key, with the suggestion), not twice.
        var misspelt: [String: String] = [:]
        if let a = s.additionalProperties, nodes[a].boolean == false, !s.required.isEmpty {
            let missing = s.required.map(\.name).filter { present[$0] == nil }
            if !missing.isEmpty {
                for name in present.names.compactMap({ $0 }) where s.property(name) == nil && !s.patternProperties.contains(where: { $0.regex.matches(name) }) {
                    if let m = Suggestion.closest(to: name, in: missing), misspelt[m] == nil { misspelt[m] = name }
                }
            }
        }
        for (name, node) in s.required where present[name] == nil && misspelt[name] == nil {
            out.failures.append(fail(collect, .required, at: inst.node, range: inst.headRange, depth: inst.depth) {
                let propertyTitle = s.property(name).flatMap { titleOf($0) }
                let about = s.property(name).flatMap { descriptionOf($0) }.map { ["`\(name)`: " + Messages.shortened($0, limit: 160)] } ?? []
                let by = s.title.map { SchemaMessage.requiredBy(["title": $0]) } ?? ""
                return Failure(.required, SchemaMessage.missingKey(["key": name, "schema": Messages.aside(propertyTitle), "whose": Messages.whose(title)]),
                               at: inst.node, range: inst.headRange, depth: inst.depth,
                               label: SchemaMessage.keyIsMissing(["key": name]),
                               labels: [Label(span: node.span, message: SchemaMessage.requiredHere(["by": by]))],
                               notes: about, help: SchemaMessage.addKeyHelp(["key": name]))
            })
            if !collect { return }
        }
        for (name, requires) in s.dependentRequired where present[name] != nil {
            for (needed, node) in requires where present[needed] == nil {
                let at = entries[present[name]!].key
                out.failures.append(fail(collect, .dependentRequired, at: at, depth: inst.depth + 1) {
                    Failure(.dependentRequired, SchemaMessage.requiresKey(["key": name, "needed": needed]), at: at,
                            depth: inst.depth + 1, label: SchemaMessage.needsKey(["needed": needed]),
                            labels: [Label(span: node.span, message: SchemaMessage.requiredWith(["key": name]))],
                            help: SchemaMessage.addOrRemoveHelp(["needed": needed, "key": name]))
                })
                if !collect { return }
            }
        }
        // properties, patternProperties, additionalProperties
        // Past the unknown keys a document shows, this mapping's further ones fold into one
        // failure (its index in `out.failures`), counted: no failure is built for each.
        var foldedUnknown: Int?
        for (i, e) in entries.enumerated() {
            guard let key = present.keys[i], present.isFirst(i) else { continue }
            // The key's name as a `String`, made only when a pattern or a message needs it.
            var name: String { present.name(i)! }
            var matched = false
            if let p = s.property(bytes: key) {
                matched = true
                let o = evaluate(p, Instance(node: e.value, key: e.key, depth: inst.depth + 1), collect: collect, title: nil, inPlace: 0)
                if !o.failures.isEmpty { out.failures += o.failures }
                if !o.valid && !collect { return }
            }
            for (re, p, _) in s.patternProperties where re.matches(name) {
                matched = true
                let o = evaluate(p, Instance(node: e.value, key: e.key, depth: inst.depth + 1), collect: collect, title: nil, inPlace: 0)
                if !o.failures.isEmpty { out.failures += o.failures }
                if !o.valid && !collect { return }
            }
            if matched {
                if tracking { out.evaluated.properties.insert(i) }
            } else if let a = s.additionalProperties {
                if tracking { out.evaluated.properties.insert(i) }
                if nodes[a].boolean == false, let k = foldedUnknown {
                    unknownKeys += 1
                    out.failures[k].more += 1
                } else if nodes[a].boolean == false {
                    guard collect && wording else {
                        unknownKeys += 1
                        out.failures.append(fail(collect, .additionalProperties, at: e.key, depth: inst.depth + 1) { fatalError() })
                        if !collect { return }
                        if unknownKeys > 2 * options.maxDiagnosticsPerCode { foldedUnknown = out.failures.count - 1 }
                        continue
                    }
                    var f = unknownKey(name, e.key, e.value, s, inst, title, keyword: "additionalProperties",
                                       code: .additionalProperties, candidates: s.propertyOrder, present: present)
                    if let (required, _) = misspelt.first(where: { $0.value == name }) {
                        f.notes.insert(SchemaMessage.probablyMisspelt(["key": required]), at: 0)
                        if let r = s.required.first(where: { $0.name == required }) {
                            f.labels.append(Label(span: r.node.span, message: SchemaMessage.keyRequiredHere(["key": required])))
                        }
                    }
                    out.failures.append(f)
                    if unknownKeys > 2 * options.maxDiagnosticsPerCode { foldedUnknown = out.failures.count - 1 }
                } else {
                    let o = evaluate(a, Instance(node: e.value, key: e.key, depth: inst.depth + 1), collect: collect, title: nil, inPlace: 0)
                    if !o.failures.isEmpty { out.failures += o.failures }
                    if !o.valid && !collect { return }
                }
            }
        }
        if let pn = s.propertyNames {
            for (i, e) in entries.enumerated() {
                guard let name = present.name(i) else { continue }
                let o = evaluate(pn, Instance(node: e.key, key: nil, depth: inst.depth + 1, keyName: name), collect: collect, title: nil, inPlace: 0)
                for var f in o.failures {
                    f.code = .propertyNames
                    f.range = e.key.range
                    if collect && wording {
                        f.message = SchemaMessage.invalidKey(["key": name, "message": f.message])
                        f.notes.append(SchemaMessage.checkedByPropertyNames())
                        if let l = s.entryLabel("propertyNames", Messages.inSchema("`propertyNames`", s)) { f.labels.append(l) }
                    }
                    out.failures.append(f)
                }
                if !o.valid && !collect { return }
            }
        }
    }

    @inline(never)
    func unknownKey(_ name: String, _ key: YAMLNode, _ value: YAMLNode, _ s: SchemaNodeRef, _ inst: Instance, _ title: String?,
                    keyword: String, code: SchemaCode, candidates: [String], present: KeyTable) -> Failure {
        let whose = Messages.whose(title)
        unknownKeys += 1
        if unknownKeys > 2 * options.maxDiagnosticsPerCode {
            // Past what a document's diagnostics show of one code (the rest are counted): the
            // key is reported without a suggestion, which costs a comparison with every name.
            return Failure(code, SchemaMessage.unknownKey(["key": name, "whose": whose]), at: key, depth: inst.depth + 1,
                           label: SchemaMessage.notAllowedHere(),
                           labels: [s.entryLabel(keyword, Messages.inSchema("`\(keyword): false`", s))])
        }
        // Suggest only names that are not already used in this mapping.
        let free = candidates.filter { present[$0] == nil }
        // Canonically equivalent (Swift's ==) but not the same code points: NFC vs NFD.
        let sameText = free.first { $0 == name }
        let lookAlike = sameText == nil ? free.first { Messages.skeleton($0) == Messages.skeleton(name) } : nil
        let suggestion = sameText ?? lookAlike ?? Suggestion.closest(to: name, in: free)
        var notes: [String] = []
        if let sameText {
            notes.append(Messages.normalizationNote(found: name, allowed: sameText))
        } else if let lookAlike {
            notes.append(Messages.lookAlikeNote(found: name, allowed: lookAlike))
        }
        if !candidates.isEmpty {
            notes.append(SchemaMessage.allowedKeys(["whose": whose, "keys": Messages.truncatedList(candidates.map { "`\($0)`" }, limit: 15)]))
        }
        if !s.patternProperties.isEmpty {
            notes.append(SchemaMessage.patternKeysAllowed(["patterns": Messages.orList(s.patternProperties.map { "`\($0.regex.source)`" })]))
        }
        var fixes: [Fix] = []
        if let suggestion {
            // One suggestion (Suggestion.closest names none when two are as close), not used
            // in this mapping: the rename is safe.
            fixes.append(Fix(title: SchemaMessage.renameKey(["key": name, "suggestion": suggestion]),
                             edits: [TextEdit(span: key.span, replacement: YAMLScalarText.string(suggestion, like: key))], isSafe: true))
        }
        let didYouMean = suggestion.map { SuggestionMessage.didYouMean(["name": $0]) }
        return Failure(code, SchemaMessage.unknownKey(["key": name, "whose": whose]), at: key, depth: inst.depth + 1,
                       label: didYouMean ?? SchemaMessage.notAllowedHere(),
                       labels: [s.entryLabel(keyword, Messages.inSchema("`\(keyword): false`", s))],
                       notes: notes, help: didYouMean, fixes: fixes)
    }

    func checkUnevaluatedProperties(_ s: SchemaNodeRef, _ u: Int, _ inst: Instance, _ title: String?, _ collect: Bool, _ out: inout Outcome) {
        let entries = inst.node.entries
        let present = KeyTable(entries)
        for (i, e) in entries.enumerated() {
            guard present.isFirst(i), !out.evaluated.hasProperty(i), let name = present.name(i) else { continue }
            if nodes[u].boolean == false {
                guard collect && wording else {
                    unknownKeys += 1
                    out.failures.append(fail(collect, .unevaluatedProperties, at: e.key, depth: inst.depth + 1) { fatalError() })
                    if !collect { return }
                    continue
                }
                out.failures.append(unknownKey(name, e.key, e.value, s, inst, title, keyword: "unevaluatedProperties",
                                               code: .unevaluatedProperties, candidates: declaredNames(s), present: present))
            } else {
                let o = evaluate(u, Instance(node: e.value, key: e.key, depth: inst.depth + 1), collect: collect, title: nil, inPlace: 0)
                if !o.failures.isEmpty { out.failures += o.failures }
            }
            if !out.valid && !collect { return }
        }
        out.evaluated.allProperties = true
    }

    /// Property names a schema declares directly or through in-place applicators (for
    /// suggestions under `unevaluatedProperties`).
    @inline(never)
    func declaredNames(_ s: SchemaNodeRef) -> [String] {
        var names: [String] = []
        var seen = Set<Int>()
        var stack: [SchemaNodeRef] = [s]
        while let n = stack.popLast() {
            for p in n.propertyOrder where !names.contains(p) { names.append(p) }
            for c in [n.ref, n.ifSchema, n.thenSchema, n.elseSchema].compactMap({ $0 }) + n.allOf + n.anyOf + n.oneOf + n.dependentSchemas.map(\.schema)
            where seen.insert(c).inserted && seen.count < 200 {
                stack.append(nodes[c])
            }
        }
        return names
    }

    /// The description of schema `sid`, following a chain of `$ref`s.
    @inline(never)
    func descriptionOf(_ sid: Int) -> String? { annotation(sid, \.description) }

    /// The title of schema `sid`, following a chain of `$ref`s.
    @inline(never)
    func titleOf(_ sid: Int) -> String? { annotation(sid, \.title) }

    /// An annotation of schema `sid`, or of the first schema along its chain of `$ref`s (at
    /// most 16) that has one.
    func annotation(_ sid: Int, _ field: KeyPath<SchemaNode, String?>) -> String? {
        var id = sid
        for _ in 0..<16 {
            let n = nodes[id]
            if let d = n.node[keyPath: field] { return d }
            guard let r = n.ref else { return nil }
            id = r
        }
        return nil
    }

    // MARK: in-place applicators

    func applyInPlace(_ s: SchemaNodeRef, _ inst: Instance, _ title: String?, _ collect: Bool, _ inPlace: Int, _ out: inout Outcome) {
        for a in s.allOf {
            let o = evaluate(a, inst, collect: collect, title: title, inPlace: inPlace + 1)
            if !o.failures.isEmpty { out.failures += o.failures }
            out.evaluated.merge(o.evaluated)
            if !o.valid && !collect { return }
        }
        if !s.anyOf.isEmpty {
            alternatives(s, s.anyOf, keyword: "anyOf", inst, title, collect, inPlace, &out)
            if !out.valid && !collect { return }
        }
        if !s.oneOf.isEmpty {
            alternatives(s, s.oneOf, keyword: "oneOf", inst, title, collect, inPlace, &out)
            if !out.valid && !collect { return }
        }
        if let n = s.not {
            let o = evaluate(n, inst, collect: false, title: nil, inPlace: inPlace + 1)
            if o.valid {
                out.failures.append(fail(collect, .not, at: inst.node, depth: inst.depth) {
                    Failure(.not, SchemaMessage.matchesNot(["found": inst.describe(), "schema": Messages.aside(titleOf(n))]),
                            at: inst.node, depth: inst.depth, label: SchemaMessage.mustNotMatch(),
                            labels: [s.entryLabel("not", Messages.inSchema("`not`", s))])
                })
                if !collect { return }
            }
        }
        if let c = s.ifSchema {
            let o = evaluate(c, inst, collect: false, title: nil, inPlace: inPlace + 1)
            let branch = o.valid ? s.thenSchema : s.elseSchema
            if o.valid { out.evaluated.merge(o.evaluated) }
            if let b = branch {
                let r = evaluate(b, inst, collect: collect, title: title, inPlace: inPlace + 1)
                out.evaluated.merge(r.evaluated)
                if collect && wording, let label = s.entryLabel("if", o.valid ? SchemaMessage.ifMatched() : SchemaMessage.ifDidNotMatch()) {
                    out.failures += r.failures.map { f in var f = f; f.labels.append(label); return f }
                } else {
                    out.failures += r.failures
                }
                if !r.valid && !collect { return }
            }
        }
        if !s.dependentSchemas.isEmpty {
            var present = Set<ExactString>()
            for e in inst.node.entries where inst.type == .object { if let n = JSONView.keyName(e.key) { present.insert(ExactString(n)) } }
            for (name, d) in s.dependentSchemas where present.contains(ExactString(name)) {
                let o = evaluate(d, inst, collect: collect, title: title, inPlace: inPlace + 1)
                out.evaluated.merge(o.evaluated)
                for var f in o.failures {
                    if collect && wording { f.notes.append(SchemaMessage.appliesBecause(["key": name])) }
                    out.failures.append(f)
                }
                if !o.valid && !collect { return }
            }
        }
    }

    /// `anyOf` / `oneOf`: valid branches are found cheaply first; only when none (or, for
    /// `oneOf`, more than one) matches are messages built, for the closest branch.
    func alternatives(_ s: SchemaNodeRef, _ branches: [Int], keyword: String, _ inst: Instance, _ title: String?,
                      _ collect: Bool, _ inPlace: Int, _ out: inout Outcome) {
        let isOne = keyword == "oneOf"
        // What a scalar's branches evaluated is nothing: only an object's or an array's
        // valid branches all count for `unevaluated*`.
        let tracks = tracking && (inst.type == .object || inst.type == .array || !options.shortcuts)
        // How many branches matched, and which once there are two (`oneOf`'s message names
        // them): most values match one, and need no list.
        var validCount = 0
        var first = -1
        var valid: [Int] = []
        var merged = Evaluated()
        for (k, b) in branches.enumerated() {
            let o = evaluate(b, inst, collect: false, title: title, inPlace: inPlace + 1)
            if o.valid {
                validCount += 1
                if first < 0 { first = k } else { if valid.isEmpty { valid.append(first) }; valid.append(k) }
                merged.merge(o.evaluated)
                if !isOne && !tracks { break }
                if isOne && validCount > 1 && !tracks && !collect { break }
            }
        }
        let code: SchemaCode = isOne ? .oneOf : .anyOf
        if validCount == 1 || (!isOne && validCount > 0) {
            out.evaluated.merge(merged)
            return
        }
        if !collect {
            out.failures.append(Failure(code, keyword, at: inst.node, depth: inst.depth))
            return
        }
        if validCount > 1 {
            out.failures.append(fail(collect, .oneOf, at: inst.node, range: inst.node.isScalar ? nil : inst.headRange, depth: inst.depth) {
                let which = Messages.andList(valid.map { String($0 + 1) })
                var labels = [s.label(keyword, SchemaMessage.alternativesCount(["keyword": keyword, "count": branches.count]))]
                for k in valid { labels.append(Label(span: nodes[branches[k]].source.span, message: SchemaMessage.alternativeMatches(["index": k + 1]))) }
                return Failure(.oneOf, SchemaMessage.matchesSeveral(["found": inst.describe(), "which": which]),
                               at: inst.node, range: inst.node.isScalar ? nil : inst.headRange, depth: inst.depth,
                               label: SchemaMessage.matchesCount(["count": valid.count]), labels: labels,
                               help: SchemaMessage.exclusiveHelp())
            })
            return
        }
        // None matched: collect each branch's failures and show the closest.
        var results: [[Failure]] = []
        rebuilding += 1
        for b in branches {
            results.append(evaluate(b, inst, collect: true, title: title, inPlace: inPlace + 1).failures)
        }
        rebuilding -= 1
        let shapeOnly = results.map { fs in !fs.isEmpty && fs.allSatisfy { $0.expectations != nil && $0.depth == inst.depth } }
        if shapeOnly.allSatisfy({ $0 }) {
            var expected: [String] = []
            for fs in results { for f in fs { for e in f.expectations! where !expected.contains(e) { expected.append(e) } } }
            guard wording else { out.failures.append(fail(collect, code, at: inst.node, depth: inst.depth, expects: Expects(expected)) { fatalError() }); return }
            let list = expected.isEmpty ? SchemaMessage.nothing() : Messages.orList(expected)
            var f = Failure(code, SchemaMessage.expectedFound(["expected": list, "found": inst.describe()]), at: inst.node, depth: inst.depth,
                            label: Messages.titled(title, SchemaMessage.expected(["expected": list])),
                            labels: [s.label(keyword, Messages.noAlternative(keyword, s, count: branches.count))],
                            expectations: expected)
            // Reuse the most specific hint any branch produced (a number written with commas…).
            if let hinted = results.joined().first(where: { $0.help != nil }) {
                f.help = hinted.help
                f.fixes = hinted.fixes
            }
            out.failures.append(f)
            return
        }
        let discriminated = branches.map { discriminatorMatches($0, inst) }
        if !discriminated.contains(true), let f = commonMismatch(results, inst, code: code, s: s, keyword: keyword, count: branches.count, wording: wording) {
            out.failures.append(f)
            return
        }
        var best = -1
        var bestScore: (Int, Int, Int, Int) = (-1, -1, -1, 0)
        for (k, fs) in results.enumerated() {
            let score = (shapeOnly[k] ? 0 : 1,
                         discriminated[k] ? 1 : 0,
                         fs.map(\.depth).max() ?? 0,
                         -fs.count)
            if best < 0 || score > bestScore { best = k; bestScore = score }
        }
        guard wording else {
            for var f in results[best] { f.expectations = nil; out.failures.append(f) }
            return
        }
        let note = SchemaMessage.showingClosest(["count": branches.count, "keyword": keyword, "index": best + 1])
        let label = s.label(keyword, SchemaMessage.noneOfThese(["count": branches.count]))
        for var f in results[best] {
            f.notes.insert(note, at: 0)
            if let label { f.labels.append(label) }
            f.expectations = nil
            out.failures.append(f)
        }
    }

    /// When every alternative rejects the same property of an object for its type or value
    /// (`kind: refund` where the alternatives want `transfer` or `payment`), that property is
    /// the discriminator and the one finding is there: "expected "transfer" or "payment"".
    @inline(never)
    func commonMismatch(_ results: [[Failure]], _ inst: Instance, code: SchemaCode, s: SchemaNodeRef, keyword: String, count: Int,
                        wording: Bool) -> Failure? {
        guard inst.type == .object, let first = results.first else { return nil }
        let candidates = first.filter { $0.expectations != nil && $0.depth == inst.depth + 1 && !$0.expectations!.isEmpty }
        for c in candidates {
            var expected: [String] = []
            var all = true
            for fs in results {
                guard let f = fs.first(where: { $0.node == c.node && $0.expectations != nil && !$0.expectations!.isEmpty }) else { all = false; break }
                for e in f.expectations! where !expected.contains(e) { expected.append(e) }
            }
            guard all else { continue }
            if !wording { return Failure(code, "", at: c.node, depth: c.depth) }
            let list = Messages.orList(expected)
            let key = inst.node.entries.first { $0.value == c.node }.flatMap { JSONView.keyName($0.key) }
            var f = Failure(code, SchemaMessage.expectedFound(["expected": list, "found": Instance(node: c.node, key: nil, depth: c.depth).describe()]),
                            at: c.node, depth: c.depth,
                            label: SchemaMessage.expected(["expected": list]),
                            labels: [s.label(keyword, Messages.noAlternative(keyword, s, count: count))],
                            notes: key.map { [SchemaMessage.toldApart(["count": count, "keyword": keyword, "key": $0])] } ?? [])
            if let str = JSONView.string(c.node) {
                var allowed: [String] = []
                for fs in results { for f in fs where f.node == c.node { allowed += f.allowedStrings } }
                let hint = Messages.nearValue(str, among: allowed, inst: Instance(node: c.node, key: nil, depth: c.depth))
                f.help = hint.help
                f.fixes = hint.fixes
            }
            return f
        }
        return nil
    }

    /// Whether branch `sid` (following `$ref`s and `allOf`) has a property with a `const`
    /// (or a one-value `enum`) that the instance's property equals — a discriminator.
    @inline(never)
    func discriminatorMatches(_ sid: Int, _ inst: Instance) -> Bool {
        guard inst.type == .object else { return false }
        var stack = [sid]
        var seen = Set<Int>()
        while let id = stack.popLast(), seen.count < 64 {
            guard seen.insert(id).inserted else { continue }
            let n = nodes[id]
            for (name, p) in n.properties {
                let ps = nodes[p]
                let target = ps.constCanonical ?? (ps.enumCanonical.count == 1 ? ps.enumCanonical.first : nil)
                if let target, let v = inst.node[name.string], CanonicalJSON.key(v) == target { return true }
            }
            if let r = n.ref { stack.append(r) }
            stack += n.allOf
        }
        return false
    }
}

