import Diagnostics
import ExactNumbers
import Guarded
#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif
import RuleLanguage
import SchemaValidation
import SourceText
import YAMLTree

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What loading rule files produced: the rules that compiled, and a positioned diagnostic
/// for everything wrong in the files.
package struct RuleLoadResult: Sendable {
    /// The rules that loaded without errors.
    package var ruleSet: RuleSet
    /// Problems in the rule files, positioned in them (YAML errors, unknown keys, bad paths,
    /// expression errors, duplicate ids…), in file order.
    package var diagnostics: [Diagnostic]
    /// Rules that were written but not loaded because of an error, as `path:line: id`
    /// (the id may be missing). Loading never drops a rule silently: each has an error
    /// diagnostic too.
    package var brokenRules: [String]
    /// The rule files read, in load order.
    package var files: [SourceFile]

    /// Whether any diagnostic is an error: the CLI exits 2.
    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Settings for loading rule files.
public struct RuleLoadOptions: Sendable {
    public var expressionLimits: ExpressionLimits
    public var yamlLimits: YAMLLimits
    /// Schemas of the documents the rules may check (the configuration's): a rule file whose
    /// `format:` is one a schema's `format` allows is checked against it when it loads.
    package var schemas: [CompiledSchema] = []
    /// Where a rule file's own `schema:` may be (nil: anywhere).
    public var allowedRoot: String?

    public init(expressionLimits: ExpressionLimits = .default, yamlLimits: YAMLLimits = .default) {
        (self.expressionLimits, self.yamlLimits) = (expressionLimits, yamlLimits)
    }

    public static let `default` = RuleLoadOptions()
}

/// Loads rule files (see Docs/rules.md for the format) into a `RuleSet`.
package enum RuleLoader {
    /// Where planlint looks for rules when none are given: `Rules/` in the current directory.
    package static let defaultDirectory = "Rules"

    /// Loads rule files and folders. A folder contributes every `*.yaml` and `*.yml` file
    /// under it (hidden files and folders skipped), sorted by path; files given by name load
    /// whatever their extension. A path that does not exist, or a folder without rule files,
    /// is an error. Ids must be unique across everything loaded. See `read` for how files are
    /// read.
    package static func load(paths: [String], options: RuleLoadOptions = .default, display: (String) -> String = { $0 },
                            buffers: [String: [UInt8]] = [:]) -> RuleLoadResult {
        let read = read(paths: paths, options: options, display: display, buffers: buffers)
        var result = load(parsed: read.parsed, options: options)
        result.diagnostics = read.diagnostics + result.diagnostics
        return result
    }

    /// Compiles rule files already read and parsed (`read`).
    ///
    /// The files compile on every core (`WorkerPool`), each with its own copy of the loader,
    /// and their rules and diagnostics are put together in file order: the result is the same
    /// as compiling them one after the other. What one file's rules need of the others is
    /// settled first, in order: the pack's constants and functions, and which rule holds
    /// each id first (the later ones are duplicates).
    /// `workers`: threads (default: one per core).
    package static func load(parsed: [(file: SourceFile, parse: YAMLParseResult)], options: RuleLoadOptions = .default,
                             workers: Int? = nil) -> RuleLoadResult {
        var loader = Loader(options: options)
        // The pack's constants and functions first: every rule of every file may use them.
        for (file, parse) in parsed { loader.readDefinitions(file, parsed: parse) }
        loader.finishDefinitions()
        let workers = min(workers ?? WorkerPool.coreCount, parsed.count)
        if workers <= 1 {
            for (file, parse) in parsed { loader.loadFile(file, parsed: parse) }
            return loader.result(files: parsed.map(\.file))
        }
        loader.firstIDs = Loader.firstIDs(parsed.map(\.parse), options: options)
        let base = loader
        // The largest files first (by bytes, which the compiling follows), so that the last
        // pieces handed to the cores are small: in file order the pack's largest file came
        // last and compiled alone at the end.
        let order = largestFirst(parsed.map(\.file.bytes.count))
        let compiled = WorkerPool.map(count: parsed.count, workers: workers) { k in
            let i = order[k]
            var own = base
            own.diagnostics = []
            own.fileIndex = i
            own.loadFile(parsed[i].file, parsed: parsed[i].parse)
            return (own.diagnostics, own.rules, own.broken)
        }
        var files = compiled
        for (k, i) in order.enumerated() { files[i] = compiled[k] }
        for (diagnostics, rules, broken) in files {
            loader.diagnostics += diagnostics
            loader.rules += rules
            loader.broken += broken
        }
        return loader.result(files: parsed.map(\.file))
    }

    /// What `read` found: the files parsed, the paths and bytes read, and problems reading.
    package struct ReadFiles: Sendable {
        /// Each readable file, parsed, under its displayed path.
        package var parsed: [(file: SourceFile, parse: YAMLParseResult)] = []
        /// The rule files named (folders expanded), absolute or as given.
        package var paths: [String] = []
        /// The bytes of each file read, and whether they came from `buffers`.
        package var texts: [String: (bytes: [UInt8], fromBuffer: Bool)] = [:]
        package var diagnostics: [Diagnostic] = []
        package init() {}
    }

    /// The one way rule files are read: the files named by `paths` (folders expanded), each
    /// from `buffers` (an editor's unsaved text) when there, else from disk, refusing files
    /// over the input size limit of `options.yamlLimits`; shown under `display(path)`. A file
    /// that is not text planlint can read (an unsupported encoding) is reported and left out.
    /// A link found in a folder must stay inside the folder or `options.allowedRoot` (see
    /// `ruleFiles`).
    package static func read(paths: [String], options: RuleLoadOptions = .default, display: (String) -> String = { $0 },
                            buffers: [String: [UInt8]] = [:]) -> ReadFiles {
        let reads = reading(paths: paths, options: options, display: display, buffers: buffers)
        // Each file is read and parsed on its own (on every core), then put in order.
        let outcomes = WorkerPool.map(count: reads.count, workers: min(WorkerPool.coreCount, reads.count)) { reads.read(reads.order[$0]) }
        return reads.finish(inOrder: outcomes)
    }

    /// `read` in three steps, so that a caller can read the files beside other work on the same
    /// threads (`ChecksLoader` compiles the schemas among them): the files to read (folders
    /// expanded, as `read` does), `read(i)` for each (on any thread, in `order`), then `finish`
    /// with the outcomes gives what `read` gives.
    package static func reading(paths: [String], options: RuleLoadOptions = .default, display: (String) -> String = { $0 },
                                buffers: [String: [UInt8]] = [:]) -> Reading {
        var found = ReadFiles()
        found.paths = paths.isEmpty ? [] : ruleFiles(in: paths, allowedRoot: options.allowedRoot, diagnostics: &found.diagnostics)
        let files = found.paths.map { (path: $0, shown: display($0), buffer: buffers[$0]) }
        // Largest first (by the size now; a file that cannot be looked at counts as empty), so
        // that the last pieces of work handed to the cores are small ones.
        let sizes = files.map { file -> Int in
            if let buffer = file.buffer { return buffer.count }
            var st = stat()
            return stat(file.path, &st) == 0 ? Int(st.st_size) : 0
        }
        return Reading(files: files, order: largestFirst(sizes), found: found, options: options)
    }

    /// The indexes of `sizes`, largest first (equal sizes in index order).
    package static func largestFirst(_ sizes: [Int]) -> [Int] {
        sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }

    /// The rule files `reading` found, to read one by one (`read(_:)`) and put together (`finish`).
    package struct Reading: Sendable {
        let files: [(path: String, shown: String, buffer: [UInt8]?)]
        /// The files' indexes, largest first: the order to read them in when they are read on
        /// several threads.
        package let order: [Int]
        /// The paths, and the problems finding them.
        let found: ReadFiles
        let options: RuleLoadOptions

        /// What reading one file gave.
        package enum Outcome: Sendable {
            case parsed(raw: [UInt8], fromBuffer: Bool, source: SourceFile, parse: YAMLParseResult)
            case failed(raw: [UInt8]?, fromBuffer: Bool, diagnostics: [Diagnostic])
        }

        /// The number of files to read.
        package var count: Int { files.count }

        /// Reads and parses file `i`.
        package func read(_ i: Int) -> Outcome {
            let (path, shown, buffer) = files[i]
            let raw: [UInt8]
            if let buffer {
                raw = buffer
            } else {
                do throws(FileIO.ReadError) {
                    raw = try FileIO.readBytes(path: path, limit: options.yamlLimits.maxInputBytes)
                } catch {
                    return .failed(raw: nil, fromBuffer: false, diagnostics: [
                        Diagnostic(EngineCode.unreadable, severity: .error,
                                   message: RuleFileMessage.cannotRead(["path": shown, "reason": FileMessage.reason(error.problem)]),
                                   location: .path(shown)),
                    ])
                }
            }
            let (source, parsed) = YAMLReader.read(path: shown, raw: raw, limits: options.yamlLimits)
            if source.bytes.isEmpty && !parsed.problems.isEmpty {
                // not text planlint can read
                return .failed(raw: raw, fromBuffer: buffer != nil, diagnostics: parsed.problems.map { Diagnostic($0, in: source) })
            }
            return .parsed(raw: raw, fromBuffer: buffer != nil, source: source, parse: parsed)
        }

        /// The files read, in order: `outcomes[k]` is `read(order[k])`.
        package func finish(inOrder outcomes: [Outcome]) -> ReadFiles {
            var byFile = outcomes
            for (k, i) in order.enumerated() { byFile[i] = outcomes[k] }
            return finish(byFile)
        }

        /// The files read, in order: `outcomes[i]` is `read(i)`.
        package func finish(_ outcomes: [Outcome]) -> ReadFiles {
            var out = found
            for (file, outcome) in zip(files, outcomes) {
                switch outcome {
                case .parsed(let raw, let fromBuffer, let source, let parse):
                    out.texts[file.path] = (raw, fromBuffer)
                    out.parsed.append((source, parse))
                case .failed(let raw, let fromBuffer, let diagnostics):
                    if let raw { out.texts[file.path] = (raw, fromBuffer) }
                    out.diagnostics += diagnostics
                }
            }
            return out
        }
    }

    /// Loads rule files already in memory (tests, the language server, `planlint test`).
    package static func load(sources: [SourceFile], options: RuleLoadOptions = .default, workers: Int? = nil) -> RuleLoadResult {
        load(parsed: sources.map { ($0, YAMLReader.parse($0, limits: options.yamlLimits)) }, options: options, workers: workers)
    }

    /// Loads one rule file from text.
    package static func load(text: String, path: String = "<rules>", options: RuleLoadOptions = .default) -> RuleLoadResult {
        load(sources: [SourceFile(path: path, text: text)], options: options)
    }

    /// The rule files named by `paths` (folders expanded, sorted), reporting paths that do
    /// not exist and folders without rule files.
    ///
    /// A folder is walked with `FolderWalk` (hidden files and folders skipped, links to
    /// folders not followed). A file found in a folder is taken only when it can be read as a
    /// rule file: a link that leads nowhere, outside both the folder and `allowedRoot` (real
    /// paths, as for `extends` and `$ref`), or to something that is not a regular file (a
    /// FIFO, a device), and a folder that cannot be listed, are errors, never skipped in
    /// silence — a rule pack that was not read must not look clean.
    package static func ruleFiles(in paths: [String], allowedRoot: String? = nil, diagnostics: inout [Diagnostic]) -> [String] {
        let realRoot = allowedRoot.map { RealPath.of($0) ?? $0 }
        var out: [String] = []
        for path in paths {
            let kind = PathKind(atPath: path)
            guard kind != .missing else {
                diagnostics.append(Diagnostic(EngineCode.unreadable, severity: .error,
                                              message: RuleFileMessage.noSuchPath(["path": path]), location: .path(path)))
                continue
            }
            if kind != .directory {
                out.append(path)
                continue
            }
            var found: [String] = []
            func refuse(_ full: String, _ why: String) {
                diagnostics.append(Diagnostic(EngineCode.unreadable, severity: .error,
                                              message: RuleFileMessage.cannotRead(["path": full, "reason": why]), location: .path(full)))
            }
            var walk = FolderWalk(followFolderLinks: false, links: .inside(realRoot))
            let folder = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
            walk.walk(folder, display: folder, wanted: { _, name, isFolder in
                !name.hasPrefix(".") && (isFolder || name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
            }) { event in
                switch event {
                case .file(let file): found.append(file.path)
                case .problem(let full, _, .unreadableFolder(let code)): refuse(full, FileMessage.system(code))
                case .problem(_, _, .unreachable(_, isLink: false)): break   // gone since the listing
                case .problem(let full, _, .unreachable(_, isLink: true)): refuse(full, RuleFileMessage.linkToNothing())
                case .problem(let full, _, .linkOutside(let real)): refuse(full, RuleFileMessage.linkOutside(["target": real]))
                case .problem(_, _, .loop): break   // links to folders are not followed
                case .problem(let full, _, .notRegular(let mode, let viaLink)):
                    refuse(full, viaLink ? RuleFileMessage.linkToNonFile(["kind": FileMessage.kind(mode)])
                                         : RuleFileMessage.notARegularFile(["kind": FileMessage.kind(mode)]))
                }
            }
            if found.isEmpty {
                diagnostics.append(Diagnostic(EngineCode.noRules, severity: .error,
                                              message: RuleFileMessage.noRuleFiles(["path": path]), location: .path(path)))
            }
            out += found.sorted()
        }
        return out
    }
}

// MARK: - The loader

/// The keys of each part of a rule file.
enum RuleFileKeys {
    static let file = ["rules", "symbols", "format", "when", "constants", "functions", "schema"]
    static let rule = ["id", "severity", "summary", "description", "help", "tags", "docs", "params",
                       "for", "when", "let", "assert", "message", "at", "labels", "notes", "fix", "examples"]
    static let parameter = ["type", "default", "description"]
    static let label = ["each", "as", "at", "message"]
    static let examples = ["valid", "invalid"]
    static let example = ["yaml", "messages", "fixed"]
    static let fix = ["at", "replace", "title", "safe"]
    static let symbolMeaning = ["between", "means", "min", "above", "max", "below", "none"]
}

struct Loader {
    let options: RuleLoadOptions
    var diagnostics: [Diagnostic] = []
    var rules: [Rule] = []
    var broken: [String] = []
    /// The `id` value of every rule seen, for duplicate reports.
    var idSpans: [String: SourceSpan] = [:]
    /// When files load in parallel: the rule that holds each id first in the whole pack (its
    /// file, its number in the file, the id's span), found before loading (`firstIDs(_:)`).
    var firstIDs: [String: (file: Int, rule: Int, span: SourceSpan)]?
    /// The file being loaded, by its index among the files (with `firstIDs`).
    var fileIndex = 0
    /// The pack's constants and functions, with where each name is written.
    var constants: [String: Value] = [:]
    var functions: [String: FunctionDefinition] = [:]
    var functionParts: [String: Rule.Part] = [:]
    var definitionSpans: [String: SourceSpan] = [:]
    var pack: PackDefinitions?

    init(options: RuleLoadOptions) {
        self.options = options
    }

    func result(files: [SourceFile]) -> RuleLoadResult {
        RuleLoadResult(ruleSet: RuleSet(rules: rules), diagnostics: diagnostics, brokenRules: broken, files: files)
    }

    // MARK: Reporting

    mutating func report(_ code: EngineCode, _ message: String, at span: SourceSpan, severity: Severity = .error,
                         label: String? = nil, labels: [Label] = [], notes: [String] = [], help: String? = nil) {
        report(code.rawValue, message, at: span, severity: severity, label: label, labels: labels, notes: notes, help: help)
    }

    mutating func report(_ code: String, _ message: String, at span: SourceSpan, severity: Severity = .error,
                         label: String? = nil, labels: [Label] = [], notes: [String] = [], help: String? = nil) {
        diagnostics.append(Diagnostic(code: code, severity: severity, message: message, location: .span(span),
                                      primaryLabel: label, labels: labels, notes: notes, help: help))
    }

    /// The first line of a node (a block mapping's span can run for many lines).
    static func headSpan(_ node: YAMLNode) -> SourceSpan {
        Blame.span(of: node)
    }

    mutating func reportProblems(_ problems: [TextProblem], in text: RuleText, defaultCode: String) {
        for p in problems {
            let code = p.expressionCode.map(EngineCode.expression) ?? defaultCode
            report(code, p.message, at: text.span(of: p.range), label: p.label, notes: p.notes, help: p.help)
        }
    }

    // MARK: Files

    /// Which rule holds each id first, in file order, as loading one file after the other
    /// would record them (`idSpans`): an id counts once it is text, kebab-case and not
    /// reserved, in a rule of a file whose `rules` list loads.
    static func firstIDs(_ parses: [YAMLParseResult], options: RuleLoadOptions) -> [String: (file: Int, rule: Int, span: SourceSpan)] {
        var scratch = Loader(options: options)   // its reports are made again when the rule loads
        var out: [String: (file: Int, rule: Int, span: SourceSpan)] = [:]
        for (f, parsed) in parses.enumerated() {
            guard parsed.isComplete, let root = parsed.documents.first, root.isMapping,
                  let list = root.entry("rules")?.value, list.isSequence else { continue }
            for (r, node) in list.items.enumerated() where node.isMapping {
                guard let e = node.entry("id"), let t = scratch.text(e, what: "id"),
                      isKebabCase(t), !EngineCode.reserved.contains(t), out[t] == nil else { continue }
                out[t] = (f, r + 1, e.value.span)
            }
        }
        return out
    }

    /// The span of the id `t` in an earlier rule, if one holds it (`number`: the rule's number
    /// in the file being loaded).
    func earlierID(_ t: String, number: Int) -> SourceSpan? {
        guard let firstIDs else { return idSpans[t] }
        guard let first = firstIDs[t], (first.file, first.rule) != (fileIndex, number) else { return nil }
        return first.span
    }

    mutating func loadFile(_ file: SourceFile, parsed: YAMLParseResult) {
        diagnostics += parsed.problems.map { Diagnostic($0, in: file) }
        if !parsed.isComplete { return }
        let docs = parsed.documents
        guard let root = docs.first, !(root.isScalar && root.value == .null) else {
            report(EngineCode.noRules, RuleFileMessage.noRules(), at: SourceSpan(file: file, range: ByteRange(0, 0)),
                   severity: .warning, help: RuleFileMessage.fileIsAMapping())
            return
        }
        if docs.count > 1 {
            report(EngineCode.invalidValue, RuleFileMessage.oneDocument(["count": docs.count]),
                   at: Self.headSpan(docs[1]), label: RuleFileMessage.secondDocument(), help: RuleFileMessage.oneRulesList())
        }
        guard root.isMapping else {
            report(EngineCode.invalidValue, RuleFileMessage.notAMapping(["kind": RunPhrase.kind(of: root)()]),
                   at: Self.headSpan(root), help: RuleFileMessage.startWithRules())
            return
        }
        checkKeys(root, known: RuleFileKeys.file, what: RuleFilePhrase.ruleFile())
        var symbols = SymbolTable.default
        if let s = root.entry("symbols") { readSymbols(s.value, into: &symbols) }
        guard let rulesEntry = root.entry("rules") else {
            report(EngineCode.missingKey, RuleFileMessage.noRulesList(), at: Self.headSpan(root), help: RuleFileMessage.addRules())
            return
        }
        let list = rulesEntry.value
        if list.isScalar && list.value == .null {
            report(EngineCode.noRules, RuleFileMessage.rulesEmpty(), at: rulesEntry.key.span, severity: .warning)
            return
        }
        guard list.isSequence else {
            report(EngineCode.invalidValue, RuleFileMessage.rulesNotAList(["kind": RunPhrase.kind(of: list)()]),
                   at: Self.headSpan(list))
            return
        }
        let options = EvaluationOptions(symbols: symbols)
        let appliesTo = readApplicability(root)
        let rootShape = schemaShape(root, file: file, formats: appliesTo?.formats)
        for (i, node) in list.items.enumerated() {
            let before = diagnostics.count
            let rule = loadRule(node, number: i + 1, options: options, appliesTo: appliesTo, rootShape: rootShape)
            let failed = diagnostics[before...].contains { $0.severity == .error }
            if let rule, !failed {
                rules.append(rule)
            } else {
                let idText = node["id"]?.scalarText
                let line = node.span.start.line
                broken.append("\(file.path):\(line): \(idText ?? "rule \(i + 1) (no id)")")
            }
        }
    }

    /// `format:` (a format or a list of them) and `when:` (a condition on the document) at
    /// the top of a rule file: the documents its rules check. Nil when neither is given.
    mutating func readApplicability(_ root: YAMLNode) -> Applicability? {
        var formats: [String]?
        if let e = root.entry("format") {
            let items = e.value.isSequence ? e.value.items : [e.value]
            var list: [String] = []
            for item in items {
                if item.isScalar, let t = item.scalarText, !t.isEmpty, item.value != .null { list.append(t) } else {
                    report(EngineCode.invalidValue, RuleFileMessage.formatAsText(), at: Self.headSpan(item), help: RuleFileMessage.formatExample())
                }
            }
            if list.isEmpty && items.isEmpty {
                report(EngineCode.invalidValue, RuleFileMessage.formatEmpty(), at: e.key.span, help: RuleFileMessage.formatExampleShort())
            }
            formats = list
        }
        var when: Rule.Part?
        if let e = root.entry("when"), let t = text(e, what: "when") {
            let rt = RuleText(text: t, node: e.value)
            let r = Expression.compile(t, scope: Scope(), expecting: .bool, limits: options.expressionLimits)
            if let compiled = r.expression {
                when = Rule.Part(expression: compiled, source: rt, offset: 0)
            } else {
                reportProblems(r.problems.map { TextProblem($0) }, in: rt, defaultCode: EngineCode.expression(.syntax))
            }
        }
        if formats == nil && when == nil { return nil }
        return Applicability(formats: formats, when: when)
    }

    // MARK: Constants and functions

    /// `constants:` and `functions:` of one rule file, in order. A function's body sees its
    /// parameters, the constants and the functions written before it (in this file or an
    /// earlier one), so functions cannot recurse.
    mutating func readDefinitions(_ file: SourceFile, parsed: YAMLParseResult) {
        guard parsed.isComplete, let root = parsed.documents.first, root.isMapping else { return }
        if let c = root.entry("constants") {
            if c.value.isMapping {
                for (k, v) in c.value.entries {
                    guard let name = definitionName(k, what: .constant) else { continue }
                    guard let value = Self.plainValue(v) else {
                        report(EngineCode.invalidValue, RuleFileMessage.constantTooDeep(["name": name]), at: Self.headSpan(v))
                        continue
                    }
                    constants[name] = value
                }
            } else {
                report(EngineCode.invalidValue, RuleFileMessage.constantsMap(), at: Self.headSpan(c.value))
            }
        }
        if let f = root.entry("functions") {
            guard f.value.isMapping else {
                report(EngineCode.invalidValue, RuleFileMessage.functionsMap(),
                       at: Self.headSpan(f.value))
                return
            }
            for (k, v) in f.value.entries { readFunction(k, v) }
        }
    }

    /// A name of the pack, checked against the other names of the pack and of rules.
    mutating func definitionName(_ k: YAMLNode, what: RuleFilePhrase, text: String? = nil, span: SourceSpan? = nil) -> String? {
        guard k.isScalar, let name = text ?? k.scalarText else {
            report(EngineCode.invalidValue, RuleFileMessage.nameIsText(["what": what()]), at: Self.headSpan(k))
            return nil
        }
        let at = span ?? k.span
        if let problem = Scope.nameProblem(name) {
            report(EngineCode.invalidValue, problem, at: at, help: RuleFileMessage.nameLike())
            return nil
        }
        if Scope.ruleVariables.contains(name) {
            report(EngineCode.invalidValue, RuleFileMessage.ruleVariable(["name": name]), at: at, help: RuleFileMessage.chooseAnotherName(["what": what()]))
            return nil
        }
        if let first = definitionSpans[name] {
            report(EngineCode.duplicateID, RuleFileMessage.definedTwice(["name": name]), at: at, label: RuleFileMessage.secondDefinition(),
                   labels: [Label(span: first, message: RuleFileMessage.firstDefinedHere())], help: RuleFileMessage.oneSetOfNames())
            return nil
        }
        definitionSpans[name] = at
        return name
    }

    /// `name(a, b): expression`.
    mutating func readFunction(_ k: YAMLNode, _ v: YAMLNode) {
        guard let head = k.scalarText, k.isScalar else {
            report(EngineCode.invalidValue, RuleFileMessage.functionForm(), at: Self.headSpan(k))
            return
        }
        let bytes = Array(head.utf8)
        guard let open = bytes.firstIndex(of: UInt8(ascii: "(")), bytes.last == UInt8(ascii: ")") else {
            report(EngineCode.invalidValue, RuleFileMessage.notFunctionHead(["head": head]), at: k.span, help: RuleFileMessage.parametersInParentheses())
            return
        }
        let rawName = String(decoding: bytes[..<open], as: UTF8.self).trimmedWhitespace
        guard let name = definitionName(k, what: .function, text: rawName) else { return }
        if Self.builtinFunctionNames.contains(name) {
            report(EngineCode.invalidValue, RuleFileMessage.builtinFunction(["name": name]), at: k.span, help: RuleFileMessage.chooseAnotherFunctionName())
            return
        }
        let inner = String(decoding: bytes[(open + 1)..<(bytes.count - 1)], as: UTF8.self)
        var parameters: [String] = []
        for p in inner.split(separator: ",", omittingEmptySubsequences: false).map({ String($0).trimmedWhitespace }) where !(p.isEmpty && inner.trimmedWhitespace.isEmpty) {
            if let problem = Scope.nameProblem(p) ?? (parameters.contains(p) ? RuleFileMessage.parameterTwice(["name": p]) : nil) {
                report(EngineCode.invalidValue, RuleFileMessage.inFunctionHead(["head": head, "problem": problem]), at: k.span)
                return
            }
            parameters.append(p)
        }
        guard let body = text((k, v), what: "function \(name)") else { return }
        var scope = Scope(parameters)
        scope.constants = constants
        scope.functions = functions
        let rt = RuleText(text: body, node: v)
        let r = Expression.compile(body, scope: scope, limits: options.expressionLimits)
        guard let compiled = r.expression else {
            reportProblems(r.problems.map { TextProblem($0) }, in: rt, defaultCode: EngineCode.expression(.syntax))
            return
        }
        functions[name] = FunctionDefinition(name: name, parameters: parameters, expression: compiled)
        functionParts[name] = Rule.Part(expression: compiled, source: rt, offset: 0)
    }

    /// The names of the built-in functions, which a pack's function may not take (the
    /// catalogue is built each time it is asked for).
    static let builtinFunctionNames = Set(Expression.functions.map(\.name))

    mutating func finishDefinitions() {
        if !constants.isEmpty || !functions.isEmpty {
            pack = PackDefinitions(constants: constants, functions: functions, functionParts: functionParts)
        }
    }

    /// A constant's YAML as a plain value: numbers exact, lists, maps. Nil beyond 64 levels.
    static func plainValue(_ node: YAMLNode, depth: Int = 0) -> Value? {
        guard depth < 64 else { return nil }
        switch node.kind {
        case .sequence:
            var out: [Value] = []
            for item in node.items { guard let v = plainValue(item, depth: depth + 1) else { return nil }; out.append(v) }
            return .list(out)
        case .mapping:
            var pairs: [(String, Value)] = []
            for (k, v) in node.entries {
                guard let value = plainValue(v, depth: depth + 1) else { return nil }
                pairs.append((k.scalarText ?? "", value))
            }
            return .map(MapValue(pairs))
        case .scalar:
            switch node.value {
            case .null?, nil: return .null
            case .bool(let b)?: return .bool(b)
            case .int(let t)?, .float(let t)?:
                if let d = ExactDecimal(t) { return .number(Quantity(exact: d)) }
                return .string(t)
            default: return .string(node.scalarText ?? "")
            }
        }
    }

    /// The schema of the documents a rule file's rules check: its own `schema:` (a path
    /// relative to the file), else a schema of the configuration that allows one of its
    /// `format:`s. Nil when none is known: the rules are then checked without one.
    mutating func schemaShape(_ root: YAMLNode, file: SourceFile, formats: [String]?) -> (any ValueShape)? {
        if let e = root.entry("schema"), let written = text(e, what: "schema") {
            // Relative to the rule file's folder.
            var folder = file.path
            while let last = folder.last, last != "/" { folder.removeLast() }
            let path = written.hasPrefix("/") ? written : folder + written
            let registry = SchemaRegistry(allowedRoot: options.allowedRoot, limits: options.yamlLimits)
            let loaded = registry.schema(atPath: path, requestedAt: e.value.span)
            diagnostics += loaded.diagnostics
            return loaded.schema.map { SchemaValueShape(shape: SchemaShape(root: $0)) }
        }
        guard let formats else { return nil }
        for schema in options.schemas {
            let shape = SchemaShape(root: schema)
            guard case .shape(let f) = shape.member("format"), let allowed = f.allowedTexts else { continue }
            if allowed.contains(where: formats.contains) { return SchemaValueShape(shape: shape) }
        }
        return nil
    }

    /// Reports keys of `node` not in `known`, with a suggestion. Returns the keys suggested.
    /// `what` is worded only for a report (most mappings have no unknown key).
    @discardableResult
    mutating func checkKeys(_ node: YAMLNode, known: [String], what wording: @autoclosure () -> String) -> Set<String> {
        var suggested = Set<String>()
        let unknownKeys = node.unknownKeys(among: known)
        if unknownKeys.isEmpty { return suggested }
        let what = wording()
        for unknown in unknownKeys {
            guard let name = unknown.name else {
                report(EngineCode.unknownKey, RuleFileMessage.keyIsText(["what": what]), at: Self.headSpan(unknown.key))
                continue
            }
            let suggestion = unknown.suggestion
            if let suggestion { suggested.insert(suggestion) }
            report(EngineCode.unknownKey, RuleFileMessage.unknownKey(["name": name, "what": what]), at: unknown.key.span,
                   label: suggestion.map { SuggestionMessage.didYouMean(["name": $0]) } ?? RuleFileMessage.unknownKeyLabel(),
                   notes: [RuleFileMessage.keysAre(["what": what, "keys": known.map { "`\($0)`" }.joined(separator: ", ")])],
                   help: suggestion.map { SuggestionMessage.didYouMean(["name": $0]) })
        }
        return suggested
    }

    mutating func readSymbols(_ node: YAMLNode, into table: inout SymbolTable) {
        guard node.isMapping else {
            report(EngineCode.invalidValue, RuleFileMessage.symbolsMap(), at: Self.headSpan(node), help: RuleFileMessage.symbolsExample())
            return
        }
        for (k, v) in node.entries {
            guard k.isScalar, let symbol = k.scalarText, !symbol.isEmpty else {
                report(EngineCode.invalidValue, RuleFileMessage.symbolIsText(), at: Self.headSpan(k))
                continue
            }
            if v.isScalar {
                switch v.value {
                case .null?:
                    table.define(symbol, as: .null)
                    continue
                case .int(let t)?, .float(let t)?:
                    if let d = ExactDecimal(t) {
                        table.define(symbol, as: .quantity(Quantity(exact: d)))
                        continue
                    }
                default: break
                }
            } else if v.isMapping, v.entry("between") == nil {
                // The shape plans declare symbols in: {means, min|above, max|below} or {none: true}.
                checkKeys(v, known: RuleFileKeys.symbolMeaning, what: RuleFilePhrase.symbolMeaning())
                if let none = v.entry("none") {
                    if none.value.value == .bool(true) { table.define(symbol, as: .null) } else {
                        report(EngineCode.invalidValue, RuleFileMessage.noneIsTrue(), at: Self.headSpan(none.value))
                    }
                    continue
                }
                func bound(_ closed: String, _ open: String) -> (ExactDecimal, Bool)?? {
                    let c = v.entry(closed), o = v.entry(open)
                    if c != nil && o != nil {
                        report(EngineCode.invalidValue, RuleFileMessage.notBoth(["closed": closed, "open": open]), at: Self.headSpan(o!.key),
                               help: RuleFileMessage.includesExcludes(["closed": closed, "open": open]))
                        return nil
                    }
                    guard let e = c ?? o else { return .some(nil) }
                    guard e.value.isScalar, let t = e.value.scalarText, let d = ExactDecimal(t) else {
                        report(EngineCode.invalidValue, RuleFileMessage.isANumber(["key": e.key.scalarText ?? closed]), at: Self.headSpan(e.value))
                        return nil
                    }
                    return .some((d, o != nil))
                }
                guard let lower = bound("min", "above"), let upper = bound("max", "below") else { continue }
                if lower == nil && upper == nil {
                    report(EngineCode.invalidValue, RuleFileMessage.noBound(["symbol": symbol]), at: Self.headSpan(v), help: RuleFileMessage.noBoundExample())
                    continue
                }
                if let l = lower, let u = upper, !l.1, !u.1, l.0 == u.0 {
                    table.define(symbol, as: .quantity(Quantity(exact: l.0)))
                } else if let q = Quantity.unbounded(lower: lower?.0, lowerOpen: lower?.1 ?? true, upper: upper?.0, upperOpen: upper?.1 ?? true) {
                    table.define(symbol, as: .quantity(q))
                } else {
                    report(EngineCode.invalidValue, RuleFileMessage.nothingBetween(["symbol": symbol]), at: Self.headSpan(v), help: RuleFileMessage.lowerBelowUpper())
                }
                continue
            } else if v.isMapping, let between = v.entry("between") {
                checkKeys(v, known: RuleFileKeys.symbolMeaning, what: RuleFilePhrase.symbolMeaning())
                let bounds = between.value.items.compactMap { $0.scalarText.flatMap { ExactDecimal($0) } }
                if between.value.isSequence, between.value.count == 2, bounds.count == 2, bounds[0] < bounds[1],
                   let q = Quantity.between(bounds[0], bounds[1]) {
                    table.define(symbol, as: .quantity(q))
                } else {
                    report(EngineCode.invalidValue, RuleFileMessage.betweenTwoNumbers(), at: Self.headSpan(between.value), help: RuleFileMessage.betweenExample())
                }
                continue
            }
            report(EngineCode.invalidValue, RuleFileMessage.meaningForms(["symbol": symbol]), at: Self.headSpan(v), help: RuleFileMessage.meaningFormsHelp())
        }
    }

    // MARK: Rules

    /// Reads a text value that must be a scalar.
    /// Whether a scalar whose text is `t` is null or only white space: `v.value == .null ||
    /// t.allSatisfy(\.isWhitespace)`, without resolving the value of a scalar that cannot be
    /// null (untagged and over 4 bytes: the core schema's nulls are ``, `~`, `null`, `Null`,
    /// `NULL`) or looking at the characters of one that starts with a visible ASCII character.
    /// (Every template and expression of a pack comes through here: 1.7 M of the Miyagi check.)
    static func isNullOrBlank(_ v: YAMLNode, text t: String) -> Bool {
        if (v.tag != nil || t.utf8.count <= 4) && v.value == .null { return true }
        if let first = t.utf8.first, first > 0x20 && first < 0x7F { return false }
        return t.allSatisfy { $0.isWhitespace }
    }

    mutating func text(_ entry: (key: YAMLNode, value: YAMLNode), what: String, allowEmpty: Bool = false, isCode: Bool = false) -> String? {
        let v = entry.value
        // `assert: !has(x)`: YAML reads a `!` at the start of a value as a tag.
        if let tag = v.tag, !tag.hasPrefix("tag:yaml.org,2002:") {
            let written = tag.hasPrefix("!") ? tag : "!" + tag
            report(EngineCode.invalidValue, RuleFileMessage.yamlTag(["tag": written, "key": what]), at: entry.value.span, label: RuleFileMessage.aYAMLTag(),
                   help: RuleFileMessage.quoteTheValue(["key": what, "value": written + (v.scalarText.map { $0.isEmpty ? "" : " " + $0 } ?? "")]))
            return nil
        }
        guard v.isScalar, let t = v.scalarText else {
            var help = RuleFileMessage.writeAsText()
            if v.isMapping, v.collectionStyle == .flow {
                help = RuleFileMessage.quoteBrace(["key": what])
            } else if v.isSequence, v.collectionStyle == .flow {
                help = RuleFileMessage.quoteBracket()
            }
            report(EngineCode.invalidValue, RuleFileMessage.mustBeText(["key": what, "kind": RunPhrase.kind(of: v)()]), at: Self.headSpan(v), help: help)
            return nil
        }
        if !allowEmpty, Self.isNullOrBlank(v, text: t) {
            report(EngineCode.invalidValue, RuleFileMessage.isEmpty(["key": what]), at: entry.key.span)
            return nil
        }
        if isCode, v.scalarStyle == .plain, let comment = Self.trailingComment(after: v) {
            // ` #` ends a plain value: what follows is a YAML comment. `#x` (no space after
            // `#`) reads like part of the expression that was cut off.
            report(EngineCode.invalidValue, RuleFileMessage.yamlComment(["key": what, "comment": comment.text]),
                   at: comment.span, severity: .warning, label: RuleFileMessage.aYAMLComment(),
                   help: RuleFileMessage.quoteToKeepWhole(["key": what, "value": t + " " + comment.text]))
        }
        return t
    }

    /// A comment right after a plain scalar on the same line whose `#` is followed by
    /// something other than a space (`#{x}`, `#b`): likely part of the value, cut off.
    static func trailingComment(after v: YAMLNode) -> (text: String, span: SourceSpan)? {
        let file = v.span.file
        let bytes = file.bytes
        var i = v.range.end
        guard i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 else { return nil }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "#"), bytes[i + 1] != 0x20, bytes[i + 1] != 0x0A,
              bytes[i + 1] != 0x0D, bytes[i + 1] != 0x09, bytes[i + 1] != UInt8(ascii: "#") else { return nil }
        var end = i
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        let range = ByteRange(i, end)
        return (file.text(in: range), SourceSpan(file: file, range: range))
    }

    static func isKebabCase(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let f = u.first, f >= 0x61 && f <= 0x7A, u.last != 0x2D else { return false }
        var previousDash = false
        for b in u {
            let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D
            if !ok || (b == 0x2D && previousDash) { return false }
            previousDash = b == 0x2D
        }
        return true
    }

    static func kebabSuggestion(_ s: String) -> String {
        var out = ""
        var lastDash = true
        for ch in s.unicodeScalars {
            if ch.properties.isUppercase, !lastDash { out += "-" }
            if ch.isASCII, ch.properties.isAlphabetic || ("0"..."9").contains(ch) {
                out += String(ch).lowercased()
                lastDash = false
            } else if !lastDash {
                out += "-"
                lastDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "my-rule" : out
    }

    /// A message template compiled against `scope`.
    /// `memo`: the parts compiled for the rule's other templates of `scope` (see `MessageTemplate.Memo`).
    mutating func compileTemplate(_ entry: (key: YAMLNode, value: YAMLNode), what: String, scope: Scope, memo: inout MessageTemplate.Memo) -> Rule.Template? {
        guard let t = text(entry, what: what, isCode: true) else { return nil }
        let rt = RuleText(text: t, node: entry.value)
        switch MessageTemplate.parse(t, scope: scope, limits: options.expressionLimits, memo: &memo) {
        case .success(let m): return Rule.Template(template: m, source: rt)
        case .failure(let problems):
            reportProblems(problems.problems, in: rt, defaultCode: EngineCode.invalidMessage.rawValue)
            return nil
        }
    }

    mutating func loadRule(_ node: YAMLNode, number: Int, options: EvaluationOptions, appliesTo: Applicability? = nil,
                           rootShape: (any ValueShape)? = nil) -> Rule? {
        guard node.isMapping else {
            report(EngineCode.invalidValue, RuleFileMessage.ruleIsAMapping(["kind": RunPhrase.kind(of: node)()]),
                   at: Self.headSpan(node), help: RuleFileMessage.seeRuleKeys())
            return nil
        }
        // A misspelt required key is reported once, as unknown with "did you mean", not
        // again as missing.
        let misspelt = checkKeys(node, known: RuleFileKeys.rule, what: RuleFilePhrase.rule())
        let limits = self.options.expressionLimits

        /// `help` is worded only when the key is missing.
        func required(_ key: String, _ help: @autoclosure () -> String) -> (key: YAMLNode, value: YAMLNode)? {
            if let e = node.entry(key) { return e }
            if misspelt.contains(key) { return nil }
            let help = help()
            let which = node["id"]?.scalarText.map { RuleFileMessage.ruleNamed(["id": $0]) } ?? RuleFileMessage.ruleNumber(["number": number])
            report(EngineCode.missingKey, RuleFileMessage.hasNoKey(["rule": which, "key": key]), at: Self.headSpan(node),
                   label: RuleFileMessage.inThisRule(), help: help)
            return nil
        }

        // id
        var id: String?
        var idSpan = Self.headSpan(node)
        if let e = required("id", RuleFileMessage.giveAnID()), let t = text(e, what: "id") {
            idSpan = e.value.span
            if !Self.isKebabCase(t) {
                report(EngineCode.invalidValue, RuleFileMessage.notKebabCase(["id": t]), at: e.value.span,
                       help: RuleFileMessage.kebabHelp(["suggestion": Self.kebabSuggestion(t)]))
            } else if EngineCode.reserved.contains(t) {
                report(EngineCode.invalidValue, RuleFileMessage.reservedID(["id": t]), at: e.value.span, help: RuleFileMessage.chooseAnotherID())
            } else if let first = earlierID(t, number: number) {
                report(EngineCode.duplicateID, RuleFileMessage.duplicateID(["id": t]), at: e.value.span, label: RuleFileMessage.secondRuleWithID(),
                       labels: [Label(span: first, message: RuleFileMessage.firstDefinedHere())], help: RuleFileMessage.uniqueIDs())
            } else {
                idSpans[t] = e.value.span
            }
            id = t
        }

        // severity
        var severity = Severity.error
        if let e = required("severity", RuleFileMessage.addSeverity()), let t = text(e, what: "severity") {
            if let s = Severity(name: t) {
                severity = s
            } else {
                let names = Severity.allCases.reversed().map(\.description)
                let suggestion = Suggestion.closest(to: t, in: names)
                    ?? (t.lowercased().hasPrefix("warn") ? "warning" : t.lowercased().hasPrefix("err") ? "error" : nil)
                report(EngineCode.invalidValue, RuleFileMessage.notASeverity(["text": t]), at: e.value.span,
                       label: RuleFileMessage.expectedSeverity(),
                       help: suggestion.map { SuggestionMessage.didYouMean(["name": $0]) } ?? RuleFileMessage.useSeverity())
            }
        }

        // documentation
        var summary = Localized("")
        if let e = required("summary", RuleFileMessage.addSummary()),
           let l = localized(e, what: "summary", { (loader: inout Loader, e: Entry) -> String? in
               guard let t = loader.text(e, what: Self.textName("summary", e))?.trimmedWhitespaceAndNewlines else { return nil }
               // (A summary without a line-feed byte cannot hold the character: most are
               // not walked character by character.)
               if t.utf8.contains(0x0A), t.contains("\n") {
                   loader.report(EngineCode.invalidValue, RuleFileMessage.summaryOneLine(), at: Self.headSpan(e.value),
                                 help: RuleFileMessage.summaryHelp())
               }
               return t
           }) {
            summary = l
        }
        let description = node.entry("description").flatMap { localizedText($0, what: "description") }
        let help = node.entry("help").flatMap { localizedText($0, what: "help") }?.map(\.trimmedWhitespaceAndNewlines)
        var tags: [String] = []
        if let e = node.entry("tags") {
            if e.value.isSequence {
                for item in e.value.items {
                    if item.isScalar, let t = item.scalarText, !t.isEmpty { tags.append(t) } else {
                        report(EngineCode.invalidValue, RuleFileMessage.tagIsText(), at: Self.headSpan(item))
                    }
                }
            } else {
                report(EngineCode.invalidValue, RuleFileMessage.tagsList(), at: Self.headSpan(e.value))
            }
        }
        var docsURL: String?
        if let e = node.entry("docs"), let t = text(e, what: "docs") {
            if t.hasPrefix("https://") || t.hasPrefix("http://") {
                docsURL = t
            } else {
                report(EngineCode.invalidValue, RuleFileMessage.docsURL(), at: e.value.span)
            }
        }

        // for
        var selector: SelectorPath?
        var selectorText: RuleText?
        if let e = required("for", RuleFileMessage.addFor()),
           let t = text(e, what: "for") {
            let rt = RuleText(text: t, node: e.value)
            selectorText = rt
            switch SelectorPath.parse(t, limits: limits) {
            case .success(let p): selector = p
            case .failure(let problems): reportProblems(problems.problems, in: rt, defaultCode: EngineCode.invalidPath.rawValue)
            }
        }

        // Names bound in the path with `as`, visible to every expression of the rule.
        var scope = Scope()
        scope.constants = constants
        scope.functions = functions
        let params = node.entry("params").map { readParameters($0.value) } ?? []
        scope.parameterTypes = Dictionary(params.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        var captures: [(step: Int, slot: Int)] = []
        // With a schema: what each step selects, and the keys it does not allow.
        var stepShapes: [(any ValueShape)?] = []
        if let rootShape, let selector, let selectorText {
            scope.shapes[Scope.rootSlot] = rootShape
            let walked = selector.shapes(from: rootShape)
            stepShapes = walked.steps
            if let last = walked.steps.last ?? rootShape { scope.shapes[Scope.selfSlot] = last }
            for p in walked.problems {
                report(EngineCode.expression(.unknownField), RuleFileMessage.schemaHasNoKey(["key": p.key, "place": p.shapeName]),
                       at: selectorText.span(of: selector.steps[p.stepIndex].range), label: RuleFileMessage.notInTheSchema(),
                       notes: p.declared.isEmpty ? [] : [RuleFileMessage.itsKeys(["keys": p.declared.prefix(20).joined(separator: ", ")])],
                       help: Suggestion.didYouMean(p.key, in: p.declared) ?? RuleFileMessage.markOptional(["key": p.key]))
            }
        }
        if let selector, let selectorText {
            for c in selector.captures {
                if let slot = scope.declareCapture(c.name) {
                    captures.append((c.step, slot))
                    if c.step < stepShapes.count, let shape = stepShapes[c.step] { scope.shapes[slot] = shape }
                } else {
                    report(EngineCode.invalidPath, RuleFileMessage.alreadyRuleVariableCapture(["name": c.name]), at: selectorText.span(of: c.range),
                           help: RuleFileMessage.chooseNameAfterAs())
                }
            }
        }

        // let
        var lets: [Rule.Let?] = []
        var lastShape: (any ValueShape)?
        func compile(_ entry: (key: YAMLNode, value: YAMLNode), what: String, scope: Scope, expecting: ValueType?) -> Rule.Part? {
            guard let t = text(entry, what: what, isCode: true) else { return nil }
            let rt = RuleText(text: t, node: entry.value)
            let r = Expression.compile(t, scope: scope, expecting: expecting, limits: limits)
            lastShape = r.shape
            guard let e = r.expression else {
                reportProblems(r.problems.map { TextProblem($0) }, in: rt, defaultCode: EngineCode.expression(.syntax))
                return nil
            }
            return Rule.Part(expression: e, source: rt, offset: 0)
        }
        /// A template, plain or per language, compiled against `scope`; `memo` holds the parts
        /// already compiled against the same scope.
        func template(_ entry: (key: YAMLNode, value: YAMLNode), what: String, scope: Scope, memo: inout MessageTemplate.Memo) -> Localized<Rule.Template>? {
            localized(entry, what: what) { loader, e in loader.compileTemplate(e, what: Self.textName(what, e), scope: scope, memo: &memo) }
        }
        /// The template parts compiled against `scope` as it stands after the lets (message, notes, fix title).
        var ruleTemplates = MessageTemplate.Memo()

        if let e = node.entry("let") {
            if e.value.isMapping {
                // A let sees the lets above it: a later one is named in the error's help.
                let letNames = e.value.entries.compactMap { $0.key.scalarText }
                for name in letNames where scope.slot(of: name) == nil {
                    scope.hints[name] = RuleFileMessage.letDeclaredBelow(["name": name])
                }
                for entry in e.value.entries {
                    if let name = entry.key.scalarText { scope.hints[name] = nil }
                    guard let name = entry.key.scalarText, entry.key.isScalar else {
                        report(EngineCode.invalidValue, RuleFileMessage.letNameIsText(), at: Self.headSpan(entry.key))
                        continue
                    }
                    if let problem = Scope.nameProblem(name) {
                        report(EngineCode.invalidValue, problem, at: entry.key.span, help: RuleFileMessage.letNameLike())
                        continue
                    }
                    if scope.slot(of: name) != nil {
                        report(EngineCode.invalidValue, RuleFileMessage.alreadyRuleVariable(["name": name]), at: entry.key.span,
                               notes: [RuleFileMessage.ruleVariablesAre(["names": Scope.ruleVariables.map { "`\($0)`" }.joined(separator: ", ")])],
                               help: RuleFileMessage.chooseLetName())
                        continue
                    }
                    if scope.constants[name] != nil {
                        report(EngineCode.invalidValue, RuleFileMessage.constantOfPack(["name": name]), at: entry.key.span,
                               labels: definitionSpans[name].map { [Label(span: $0, message: RuleFileMessage.definedHere())] } ?? [],
                               help: RuleFileMessage.chooseLetName())
                        continue
                    }
                    let part = compile(entry, what: "let \(name)", scope: scope, expecting: nil)
                    let shape = lastShape
                    // Declared even when it failed, so that later expressions do not report it as unknown.
                    let invariant = part?.expression.isDocumentInvariant ?? false
                    guard let slot = scope.declare(name, type: part?.expression.resultType ?? .dyn,
                                                   dependsOn: part?.expression.captureDependencies, lazy: true) else { continue }
                    if let shape { scope.shapes[slot] = shape }
                    // nil keeps the indexes aligned; a rule with a broken let is not built.
                    lets.append(part.map { Rule.Let(name: name, slot: slot, part: $0, isDocumentInvariant: invariant, what: .let(name)) })
                }
            } else {
                report(EngineCode.invalidValue, RuleFileMessage.letMap(),
                       at: Self.headSpan(e.value))
            }
        }

        let when = node.entry("when").flatMap { compile($0, what: "when", scope: scope, expecting: .bool) }
        let assertion = required("assert", RuleFileMessage.addAssert())
            .flatMap { compile($0, what: "assert", scope: scope, expecting: .bool) }
        let message = node.entry("message").flatMap { template($0, what: "message", scope: scope, memo: &ruleTemplates) }
        let at = node.entry("at").flatMap { compile($0, what: "at", scope: scope, expecting: nil) }

        // labels
        var labels: [Rule.LabelSpec] = []
        var activationScope = scope
        if let e = node.entry("labels") {
            if e.value.isSequence {
                for item in e.value.items {
                    guard item.isMapping else {
                        report(EngineCode.invalidValue, RuleFileMessage.labelIsAMapping(), at: Self.headSpan(item), help: RuleFileMessage.labelExample())
                        continue
                    }
                    checkKeys(item, known: RuleFileKeys.label, what: RuleFilePhrase.label())
                    var labelScope = scope
                    let each = item.entry("each").flatMap { compile($0, what: "each", scope: scope, expecting: nil) }
                    var elementSlot: Int?
                    if let eachEntry = item.entry("each") {
                        var name = "it"
                        if let asEntry = item.entry("as"), let t = text(asEntry, what: "as") {
                            if let problem = Scope.nameProblem(t) {
                                report(EngineCode.invalidValue, problem, at: asEntry.value.span)
                            } else {
                                name = t
                            }
                        }
                        if let slot = labelScope.declare(name) {
                            elementSlot = slot
                            if let item = (each != nil ? lastShape : nil)?.element { labelScope.shapes[slot] = item }
                            activationScope = labelScope
                        } else {
                            let where_ = item.entry("as")?.value.span ?? eachEntry.key.span
                            report(EngineCode.invalidValue, RuleFileMessage.alreadyNamesVariable(["name": name]), at: where_, help: RuleFileMessage.nameTheElement())
                        }
                    } else if let asEntry = item.entry("as") {
                        report(EngineCode.invalidValue, RuleFileMessage.asWithoutEach(), at: asEntry.key.span)
                    }
                    if item.entry("each") == nil && item.entry("at") == nil {
                        report(EngineCode.missingKey, RuleFileMessage.labelNeedsAt(), at: Self.headSpan(item))
                    }
                    let labelAt = item.entry("at").flatMap { compile($0, what: "at", scope: labelScope, expecting: nil) }
                    var labelTemplates = MessageTemplate.Memo()
                    let labelMessage = item.entry("message").flatMap { template($0, what: "message", scope: labelScope, memo: &labelTemplates) }
                    labels.append(Rule.LabelSpec(each: each, elementSlot: elementSlot, at: labelAt, message: labelMessage, node: item))
                }
            } else {
                report(EngineCode.invalidValue, RuleFileMessage.labelsList(), at: Self.headSpan(e.value), help: RuleFileMessage.labelsExample())
            }
        }

        // notes
        var notes = Localized<[Rule.Template]>([])
        var notesFailed = false
        if let e = node.entry("notes") {
            if let n = localizedNotes(e, { loader, e in loader.compileTemplate(e, what: Self.textName("notes", e), scope: scope, memo: &ruleTemplates) }) {
                notes = n
            } else {
                notesFailed = true
            }
        }

        // fix
        var fix: Rule.FixSpec?
        if let e = node.entry("fix") {
            if e.value.isMapping {
                checkKeys(e.value, known: RuleFileKeys.fix, what: RuleFilePhrase.fix())
                let fixAt = e.value.entry("at").flatMap { compile($0, what: "fix `at`", scope: scope, expecting: nil) }
                let title = e.value.entry("title").flatMap { template($0, what: "fix `title`", scope: scope, memo: &ruleTemplates) }
                var safe = false
                if let entry = e.value.entry("safe") {
                    if case .bool(let b)? = entry.value.value { safe = b } else {
                        report(EngineCode.invalidValue, RuleFileMessage.safeIsBool(), at: Self.headSpan(entry.value))
                    }
                }
                if let r = e.value.entry("replace") {
                    if let replace = compile(r, what: "fix `replace`", scope: scope, expecting: nil) {
                        fix = Rule.FixSpec(at: fixAt, replace: replace, title: title, isSafe: safe)
                    }
                } else {
                    report(EngineCode.missingKey, RuleFileMessage.fixNeedsReplace(), at: Self.headSpan(e.value), help: RuleFileMessage.fixExampleNull())
                }
            } else {
                report(EngineCode.invalidValue, RuleFileMessage.fixIsAMapping(), at: Self.headSpan(e.value), help: RuleFileMessage.fixExample())
            }
        }

        let examples = node.entry("examples").map { readExamples($0) } ?? []

        let builtLets = lets.compactMap { $0 }
        guard let id, let selector, let selectorText, let assertion, builtLets.count == lets.count,
              node.entry("fix") == nil || fix != nil, !notesFailed else { return nil }
        var all: [CompiledExpression] = [assertion.expression]
        if let when { all.append(when.expression) }
        if let at { all.append(at.expression) }
        all += builtLets.map(\.part.expression)
        all += (message?.values ?? []).flatMap(\.template.expressions)
        all += notes.values.flatMap { $0.flatMap(\.template.expressions) }
        var languages = summary.languages + (description?.languages ?? []) + (help?.languages ?? []) + (message?.languages ?? []) + notes.languages
        if let fix {
            all.append(fix.replace.expression)
            if let x = fix.at { all.append(x.expression) }
            if let t = fix.title { all += t.values.flatMap(\.template.expressions); languages += t.languages }
        }
        for l in labels {
            if let x = l.each { all.append(x.expression) }
            if let x = l.at { all.append(x.expression) }
            if let m = l.message { all += m.values.flatMap(\.template.expressions); languages += m.languages }
        }
        languages += params.flatMap { $0.descriptions?.languages ?? [] }
        // `files` read in a filter of the path makes the rule look across files too.
        let reads = Scope.ruleVariables.indices.map { slot in
            all.contains { $0.usedSlots.contains(slot) } || (slot == Scope.filesSlot && selector.filtersRead(slot))
        }
        return Rule(
            id: id, severity: severity, summaries: summary, descriptions: description, helps: help, tags: tags,
            docsURL: docsURL, source: RuleSource(idSpan: idSpan), examples: examples, appliesTo: appliesTo, params: params, pack: pack,
            selector: selector, selectorText: selectorText, captures: captures, when: when, lets: builtLets, assertion: assertion,
            message: message, at: at, labels: labels, notes: notes, fix: fix, activationScope: activationScope,
            options: options, reads: reads, textLanguages: languages)
    }

    /// `params:` of a rule: a mapping from each parameter's name to `{type, default,
    /// description}`. The default must have the declared type.
    mutating func readParameters(_ node: YAMLNode) -> [RuleParameter] {
        guard node.isMapping else {
            report(EngineCode.invalidValue, RuleFileMessage.paramsMap(), at: Self.headSpan(node), help: RuleFileMessage.paramsExample())
            return []
        }
        let types: [String: ValueType] = ["number": .number, "string": .string, "bool": .bool, "list": .list, "map": .map]
        var out: [RuleParameter] = []
        for (k, v) in node.entries {
            guard k.isScalar, let name = k.scalarText else { continue }
            if let problem = Scope.nameProblem(name) {
                report(EngineCode.invalidValue, problem, at: k.span, help: RuleFileMessage.parameterNameLike(["name": name]))
                continue
            }
            guard v.isMapping else {
                report(EngineCode.invalidValue, RuleFileMessage.parameterNeedsTypeAndDefault(["name": name]), at: Self.headSpan(v),
                       help: RuleFileMessage.parameterExample(["name": name]))
                continue
            }
            checkKeys(v, known: RuleFileKeys.parameter, what: RuleFilePhrase.parameter())
            guard let t = v.entry("type"), let typeName = t.value.scalarText, let type = types[typeName] else {
                let at = v.entry("type")?.value ?? v
                let written = v.entry("type")?.value.scalarText
                report(v.entry("type") == nil ? EngineCode.missingKey : EngineCode.invalidValue,
                       written.map { RuleFileMessage.notAParameterType(["type": $0]) } ?? RuleFileMessage.parameterHasNoType(["name": name]),
                       at: Self.headSpan(at),
                       help: written.flatMap { Suggestion.didYouMean($0, in: types.keys.sorted()) } ?? RuleFileMessage.parameterTypes())
                continue
            }
            guard let d = v.entry("default") else {
                report(EngineCode.missingKey, RuleFileMessage.parameterHasNoDefault(["name": name]), at: Self.headSpan(v), help: RuleFileMessage.giveDefault())
                continue
            }
            let value = Value.node(d.value)
            guard value.typeName == type.rawValue else {
                report(EngineCode.invalidValue, RuleFileMessage.defaultOfOtherType(["name": name, "actual": value.typePhrase, "type": type.noun]),
                       at: Self.headSpan(d.value))
                continue
            }
            out.append(RuleParameter(name: name, type: type, defaultValue: value,
                                     descriptions: v.entry("description").flatMap { localizedText($0, what: "description") }, span: k.span))
        }
        return out
    }

    mutating func readExamples(_ entry: (key: YAMLNode, value: YAMLNode)) -> [RuleExample] {
        let node = entry.value
        guard node.isMapping else {
            report(EngineCode.invalidValue, RuleFileMessage.examplesLists(), at: Self.headSpan(node))
            return []
        }
        checkKeys(node, known: RuleFileKeys.examples, what: RuleFilePhrase.examples())
        var out: [RuleExample] = []
        for kind in [RuleExample.Kind.valid, .invalid] {
            guard let list = node.entry(kind.rawValue) else { continue }
            guard list.value.isSequence else {
                report(EngineCode.invalidValue, RuleFileMessage.snippetList(["kind": kind.rawValue]), at: Self.headSpan(list.value))
                continue
            }
            for (i, item) in list.value.items.enumerated() {
                if item.isScalar, let t = item.scalarText {
                    out.append(RuleExample(kind: kind, number: i + 1, yaml: RuleText(text: t, node: item),
                                           expectedMessages: []))
                } else if item.isMapping {
                    checkKeys(item, known: RuleFileKeys.example, what: RuleFilePhrase.example())
                    guard let y = item.entry("yaml") else {
                        report(EngineCode.missingKey, RuleFileMessage.exampleYAML(), at: Self.headSpan(item))
                        continue
                    }
                    guard let t = text(y, what: "yaml", allowEmpty: true) else { continue }
                    var messages: [ExpectedMessage] = []
                    if let m = item.entry("messages") {
                        if kind == .valid {
                            report(EngineCode.invalidValue, RuleFileMessage.validNoMessages(), at: m.key.span, help: RuleFileMessage.moveOrDropMessages())
                        } else {
                            messages = expectedMessages(m)
                        }
                    }
                    var fixed: RuleText?
                    if let f = item.entry("fixed") {
                        if kind == .valid {
                            report(EngineCode.invalidValue, RuleFileMessage.validNothingToFix(), at: f.key.span, help: RuleFileMessage.moveOrDropFixed())
                        } else if let ft = text(f, what: "fixed", allowEmpty: true) {
                            fixed = RuleText(text: ft, node: f.value)
                        }
                    }
                    out.append(RuleExample(kind: kind, number: i + 1, yaml: RuleText(text: t, node: y.value),
                                           expectedMessages: messages, expectedFix: fixed))
                } else {
                    report(EngineCode.invalidValue, RuleFileMessage.exampleForm(), at: Self.headSpan(item))
                }
            }
        }
        return out
    }
}
