import Dispatch
import Diagnostics
import Guarded
import PlanMigration
import RuleEngine
import RuleLanguage
import SchemaValidation
import SourceText
import YAMLTree

/// Builds the checks a configuration asks for: rule packs (RuleEngine) and schemas
/// (SchemaValidation).
public enum ChecksLoader {
    /// Options beyond the configuration.
    public struct Options: Sendable {
        /// Add the compared intervals to each rule finding (`check --explain`).
        public var explainRules = false
        /// The working directory, for the paths diagnostics show.
        public var cwd: String
        /// Let schemas (and their `$ref`s, and `# yaml-language-server: $schema=` comments)
        /// name files outside the repository.
        public var allowOutsideRoot = false
        /// Rule files' text by absolute path, read instead of the files (an editor's unsaved
        /// buffers).
        public var buffers: [String: [UInt8]] = [:]
        public init(cwd: String, explainRules: Bool = false, allowOutsideRoot: Bool = false, buffers: [String: [UInt8]] = [:]) {
            (self.cwd, self.explainRules, self.allowOutsideRoot, self.buffers) = (cwd, explainRules, allowOutsideRoot, buffers)
        }
    }

    /// The checks for `config`. Problems loading them are in `loadDiagnostics`.
    public static func load(_ config: Configuration, options: Options) -> Checks {
        load(config, options: options, beside: nil)
    }

    /// The checks for `config`, with `beside` (when given) run on a thread of its own once the
    /// rule files are read, while the pack's functions and rules compile — the one stretch of
    /// loading that leaves a core idle (`CheckRun` reads and parses the files to check there).
    /// Returns once `beside` is done too.
    public static func load(_ config: Configuration, options: Options, beside: (@Sendable () -> Void)?) -> Checks {
        var withSchemas: (@Sendable (SchemaChecker) -> Void)?
        if let beside { withSchemas = { _ in beside() } }
        return load(config, options: options, besideSchemas: withSchemas)
    }

    /// `load(_:options:beside:)`, with `beside` given the schema checker, whose schemas are
    /// compiled by then: `CheckRun` validates the files it parsed there (`validateEarly`).
    static func load(_ config: Configuration, options: Options, besideSchemas beside: (@Sendable (SchemaChecker) -> Void)?) -> Checks {
        var checks = Checks()
        // The schemas first: rules whose `format:` a schema allows are checked against it.
        let registry = SchemaRegistry(allowedRoot: options.allowOutsideRoot ? nil : config.root,
                                      resolver: BuiltinResources.SchemaResolver(), limits: config.limits.yamlLimits)
        var loadOptions = config.ruleLoadOptions
        loadOptions.allowedRoot = options.allowOutsideRoot ? nil : config.root
        // The schemas compile while the rule files are read and parsed: the schemas are the
        // first piece of work, each rule file another, and each core takes the next piece
        // when it is done with one (so neither waits for the other to finish a long part);
        // the rules then compile against the schemas.
        let readOptions = loadOptions
        let reading = config.rules.isEmpty ? nil
            : RuleLoader.reading(paths: config.rules.map(\.path).filter { !BuiltinResources.isBuiltin($0) },
                                 options: readOptions, display: { PathUtil.display($0, cwd: options.cwd) }, buffers: options.buffers)
        // The packs built into planlint (`planlint:recommended`) are parsed as pieces too.
        let builtins = config.rules.isEmpty ? [] : builtinRuleSources(config)
        enum Piece: Sendable {
            case schemas([String: CompiledSchema], [Diagnostic])
            case file(RuleLoader.Reading.Outcome)
            case builtin(YAMLParseResult)
        }
        let fileCount = reading?.count ?? 0
        let count = 1 + fileCount + builtins.count
        let pieces = WorkerPool.map(count: count, workers: min(WorkerPool.coreCount, count)) { i -> Piece in
            if i == 0 {
                var compiled: [String: CompiledSchema] = [:]
                var diagnostics: [Diagnostic] = []
                for binding in config.schemas where compiled[binding.schema.path] == nil {
                    let loaded = BuiltinResources.isBuiltin(binding.schema.path)
                        ? registry.schema(uri: binding.schema.path, requestedAt: binding.schema.span)
                        : registry.schema(atPath: PathUtil.display(binding.schema.path, cwd: options.cwd),
                                          requestedAt: binding.schema.span)
                    diagnostics += loaded.diagnostics
                    if let schema = loaded.schema { compiled[binding.schema.path] = schema }
                }
                return .schemas(compiled, diagnostics)
            }
            if let reading, i <= fileCount { return .file(reading.read(reading.order[i - 1])) }
            return .builtin(YAMLReader.parse(builtins[i - 1 - fileCount], limits: readOptions.yamlLimits))
        }
        var schemaPart: ([String: CompiledSchema], [Diagnostic]) = ([:], [])
        if case .schemas(let compiled, let diagnostics) = pieces[0] { schemaPart = (compiled, diagnostics) }
        var readPart = RuleLoader.ReadFiles()
        if let reading {
            readPart = reading.finish(inOrder: pieces[1..<(1 + fileCount)].compactMap { if case .file(let o) = $0 { o } else { nil } })
            for (j, source) in builtins.enumerated() {
                if case .builtin(let parse) = pieces[1 + fileCount + j] { readPart.parsed.append((source, parse)) }
            }
        }
        let (compiled, schemaDiagnostics) = schemaPart
        let schemaChecker = SchemaChecker(registry: registry, compiled: compiled)
        let besideDone = beside.map { beside in Self.start { beside(schemaChecker) } }
        defer { besideDone?.wait() }
        if !config.rules.isEmpty {
            loadOptions.schemas = config.schemas.compactMap { compiled[$0.schema.path] }
            let read = readPart
            let result = RuleLoader.load(parsed: read.parsed, options: loadOptions)
            let ruleSet = result.ruleSet
            checks.ruleFiles = read.paths
            checks.ruleTexts = read.texts
            checks.loadDiagnostics += read.diagnostics + result.diagnostics
            checks.loadDiagnostics += ConfigLoader.checkParams(config, rules: ruleSet)
            checks.codes.add(ruleSet.rules.map(documentation))
            if !ruleSet.isEmpty {
                checks.checkers.append(RuleChecker(ruleSet: ruleSet, explain: options.explainRules, configuration: config))
            }
        }
        checks.loadDiagnostics += schemaDiagnostics
        checks.checkers.append(schemaChecker)
        let configured = checks.ruleFiles + config.schemas.map(\.schema.path)
        checks.inputFiles = { configured + registry.loadedFiles }
        return checks
    }

    /// Work started on a thread of its own (`load`'s `beside`), waited for with `wait()`.
    final class Started: @unchecked Sendable {   // a semaphore only
        let done = DispatchSemaphore(value: 0)
        func wait() { done.wait() }
    }

    /// `body` on a new thread (on this one if none can be started).
    static func start(_ body: @escaping @Sendable () -> Void) -> Started {
        let started = Started()
        let run: @Sendable () -> Void = { body(); started.done.signal() }
        if !startThread(run) { run() }
        return started
    }

    /// The rule files `config` names (folders expanded), to tell whether a folder changed.
    public static func ruleFiles(_ config: Configuration) -> [String] {
        var ignored: [Diagnostic] = []
        let disk = config.rules.map(\.path).filter { !BuiltinResources.isBuiltin($0) }
        return disk.isEmpty ? [] : RuleLoader.ruleFiles(in: disk, allowedRoot: config.root, diagnostics: &ignored)
    }

    /// The rule files of the built-in packs the configuration names (`planlint:recommended`),
    /// each once, shown as `planlint:recommended/FILE`.
    public static func builtinRuleSources(_ config: Configuration) -> [SourceFile] {
        var seen = Set<String>()
        return config.rules.map(\.path).filter { BuiltinResources.isBuiltin($0) && seen.insert($0).inserted }
            .flatMap { BuiltinResources.pack($0) ?? [] }
            .map { SourceFile(path: $0.displayPath, text: $0.text) }
    }

    /// The local schema file a document's `# yaml-language-server: $schema=…` comment names, if
    /// any (resolved against the document's folder).
    public static func commentSchema(of file: SourceFile) -> String? {
        guard let modeline = SchemaModeline.find(in: file), case .file(let path) = modeline.target else { return nil }
        return path
    }

    /// The problems of a schema file itself (as an editor shows them while it is edited).
    public static func schemaDiagnostics(_ file: SourceFile, config: Configuration) -> [Diagnostic] {
        SchemaRegistry(allowedRoot: config.root, limits: config.limits.yamlLimits).compile(file).diagnostics
    }

    /// A rule's documentation for `explain`, SARIF and the language server's hovers.
    /// A rule written in several languages gives each its text (`DiagnosticCode.text(in:)`).
    public static func documentation(_ rule: Rule) -> DiagnosticCode {
        func text(_ language: Language) -> DiagnosticCode.Text {
            DiagnosticCode.Text(
                summary: rule.summary(in: language),
                explanation: (rule.description(in: language) ?? rule.summary(in: language)) + parameterText(rule, in: language),
                fix: rule.help(in: language) ?? FrontendMessage.seeRuleDescription.text(in: language))
        }
        let english = text(.en)
        return DiagnosticCode(
            id: rule.id, severity: rule.severity, summary: english.summary,
            explanation: english.explanation,
            fix: english.fix,
            badExample: rule.examples.first { $0.kind == .invalid }?.yaml.text,
            goodExample: rule.examples.first { $0.kind == .valid }?.yaml.text,
            tags: rule.tags, source: "\(rule.source.path):\(rule.source.line)", docsURL: rule.docsURL,
            japanese: rule.languages.isEmpty ? nil : text(.ja))
    }
}

/// Validates documents against the schemas the configuration binds to them or, when none
/// does, the schema their `# yaml-language-server: $schema=…` comment names.
final class SchemaChecker: DocumentChecker {
    let registry: SchemaRegistry
    /// Configured schemas by absolute path, compiled at load.
    let compiled: [String: CompiledSchema]
    /// Schemas named by comments whose own problems were already reported (once per run).
    let reported = Guarded<Set<String>>([])

    /// Findings of documents validated ahead (`validateEarly`), each given once by `check`.
    let early = Guarded<[(file: SourceFile, diagnostics: [Diagnostic])]>([])

    init(registry: SchemaRegistry, compiled: [String: CompiledSchema]) { (self.registry, self.compiled) = (registry, compiled) }

    /// Validates `document` now, for `check` to give when the lint comes to the same document
    /// (the same `SourceFile`): `CheckRun` does it beside the loading, where a core is free,
    /// and not after the rules, where the other core waits. Only a document the configuration
    /// binds schemas to: what `check` finds for it depends on nothing else the run does (a
    /// modeline's schema file is reported once per run, so those stay in the lint's order).
    func validateEarly(_ document: LintDocument) {
        guard !document.schemas.isEmpty else { return }
        let found = validate(document)
        early.withLock { $0.append((document.file, found)) }
    }

    func check(_ document: LintDocument) -> [Diagnostic] {
        let ahead = early.withLock { list in
            list.firstIndex { $0.file === document.file }.map { list.remove(at: $0).diagnostics }
        }
        return ahead ?? validate(document)
    }

    func validate(_ document: LintDocument) -> [Diagnostic] {
        var schemas: [CompiledSchema] = document.schemas.compactMap { compiled[$0.schema.path] }
        var out: [Diagnostic] = []
        let modeline = document.schemas.isEmpty ? SchemaModeline.find(in: document.file) : nil
        if let modeline {
            switch modeline.target {
            case .file(let path):
                let loaded = registry.schema(atPath: path, requestedAt: modeline.span)
                let first = reported.withLock { $0.insert(path).inserted }
                // Problems in the schema file once per run; a missing schema in every file naming it.
                if loaded.schema == nil || first {
                    out += loaded.diagnostics.filter { $0.path == document.file.path || first }
                }
                if let schema = loaded.schema { schemas.append(schema) }
            case .builtin(let uri):
                let loaded = registry.schema(uri: uri, requestedAt: modeline.span)
                if loaded.schema == nil { out += loaded.diagnostics }
                if let schema = loaded.schema { schemas.append(schema) }
            case .remote(let url):
                out.append(Diagnostic(SchemaCode.remoteSchema, severity: .warning,
                                      message: FrontendMessage.remoteSchema(["url": url]),
                                      location: .span(modeline.span), help: FrontendMessage.bindLocalCopy()))
            }
        }
        var jobs: [(document: YAMLNode, schema: CompiledSchema)] = []
        for schema in schemas {
            for root in document.parse.documents { jobs.append((root, schema)) }
        }
        // Neither the config nor a modeline names a schema: a document that declares a
        // plan format planlint knows (`format: planlint/plan@2`) is checked against its schema.
        if document.schemas.isEmpty && modeline == nil {
            for root in document.parse.documents {
                guard let format = PlanV1Migrator.format(of: root),
                      let name = BuiltinResources.schemaName(forFormat: format),
                      let schema = registry.schema(uri: BuiltinResources.prefix + name).schema else { continue }
                jobs.append((root, schema))
            }
        }
        guard !jobs.isEmpty else { return out }
        // A stream of 100,000 invalid documents gives 100,000 diagnostics of one code: only
        // what can be shown is kept (Linter.maxDiagnosticsPerCode) and worded, the rest counted
        // (into the file's one summary line per code, FloodControl.cap).
        let options = ValidationOptions()
        // Suppressed findings take no room under the cap (FloodControl.cap): which they are is
        // asked for only when a cap is reached.
        let file = document.file, tree = document.parse.tree
        // A superseded check (the language server's) stops inside the schema too; what it
        // found is dropped with the run.
        var isCancelled: (@Sendable () -> Bool)?
        if let run = document.runState { isCancelled = { run.isCancelled } }
        let batch = ValidationBatch.run(jobs, perCode: Linter.maxDiagnosticsPerCode, options: options, isCancelled: isCancelled) {
            let directives = Suppressions.scan(file, tree: tree).directives
            guard !directives.isEmpty else { return nil }
            return { code, start in Suppressions.covers(directives, in: file, code: code, at: start) }
        }
        guard !batch.cancelled else { return out }
        out += batch.diagnostics
        for (code, count) in batch.omitted.sorted(by: { $0.key < $1.key }) {
            out.append(FloodControl.summary(code: code, count: count, shown: Linter.maxDiagnosticsPerCode, severity: options.severity,
                                            path: document.file.path))
        }
        return out
    }
}

/// Runs a rule set over each document (the cost budget from the file's limits; the
/// document's spare threads run rules in parallel).
public struct RuleChecker: CrossFileChecker {
    let ruleSet: RuleSet
    /// What every document's runner shares (worked out once, not per document).
    let plan: RunnerPlan
    let explain: Bool
    /// Where rule parameters are set (`params:`, top level and overrides); nil: defaults.
    let configuration: Configuration?

    public init(ruleSet: RuleSet, explain: Bool = false, configuration: Configuration? = nil) {
        self.ruleSet = ruleSet
        plan = RunnerPlan(ruleSet: ruleSet)
        self.explain = explain
        self.configuration = configuration
    }

    func options(for document: LintDocument) -> RunOptions {
        var options = RunOptions(explain: explain, costPolicy: document.limits.costPolicy, parallel: document.threads > 1,
                                 runState: document.runState)
        if let configuration, !configuration.allParamSettings.isEmpty {
            options.params = configuration.params(for: document.absolutePath).mapValues { $0.mapValues { Value.node($0.value) } }
        }
        return options
    }

    public func check(_ document: LintDocument) -> [Diagnostic] {
        var options = options(for: document)
        if document.deferCrossFileChecks { options.crossFileRules = .skip }
        return RuleRunner(plan: plan, options: options).run(on: document.parse.tree).diagnostics
    }

    public var looksAcrossFiles: Bool { ruleSet.rules.contains { $0.readsFiles } }

    /// The rules that read `files`, over each document with all of them as `files`.
    public func checkAcross(_ documents: [LintDocument]) -> [Diagnostic] {
        let roots = documents.flatMap { $0.parse.tree.documents }
        var out: [Diagnostic] = []
        for document in documents {
            var options = options(for: document)
            options.files = roots
            options.crossFileRules = .only
            out += RuleRunner(plan: plan, options: options).run(on: document.parse.tree).diagnostics
        }
        return out
    }
}

extension Configuration {
    /// How the configured rule files are read and compiled.
    public var ruleLoadOptions: RuleLoadOptions {
        RuleLoadOptions(
            expressionLimits: limits.expressionLimits,
            yamlLimits: limits.yamlLimits)
    }
}

extension ChecksLoader {
    /// The parameters of a rule, for `explain`: a Markdown list after the description.
    static func parameterText(_ rule: Rule, in language: Language = .en) -> String {
        guard !rule.params.isEmpty else { return "" }
        var out = FrontendMessage.parametersHeading.text(["id": rule.id], in: language)
        for p in rule.params {
            out += FrontendMessage.parameterLine.text(["name": p.name, "type": p.type, "value": p.defaultValue.formatted()], in: language)
                + (p.descriptions.map { ": " + $0.text(in: language) } ?? "")
        }
        return out
    }
}

extension ConfigLoader {
    /// Checks the `params:` settings against the loaded rules: a rule id that is not loaded, a
    /// parameter the rule does not declare (each with "did you mean"), a value of another type.
    public static func checkParams(_ config: Configuration, rules: RuleSet) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for e in config.allParamSettings {
            guard let rule = rules.rule(id: e.ruleID) else {
                out.append(Diagnostic(FrontendCode.configUnknownCode, severity: .error,
                                      message: FrontendMessage.notARuleForParams(["id": e.ruleID]),
                                      location: .span(e.ruleSpan), primaryLabel: FrontendMessage.unknownRule(),
                                      help: Suggestion.didYouMean(e.ruleID, in: rules.ids) ?? ConfigMessage.rulesListed()))
                continue
            }
            guard let p = rule.params.first(where: { $0.name == e.name }) else {
                let names = rule.params.map(\.name)
                out.append(Diagnostic(FrontendCode.configUnknownKey, severity: .error,
                                      message: names.isEmpty ? FrontendMessage.noParameters(["id": rule.id])
                                        : FrontendMessage.noParameter(["id": rule.id, "name": e.name]),
                                      location: .span(e.nameSpan), primaryLabel: FrontendMessage.unknownParameter(),
                                      notes: names.isEmpty ? []
                                        : [FrontendMessage.itsParameters(["list": rule.params.map(\.signature).joined(separator: "; ")])],
                                      help: Suggestion.didYouMean(e.name, in: names) ?? FrontendMessage.explainRule(["id": rule.id])))
                continue
            }
            let value = Value.node(e.value)
            if value.typeName != p.type.rawValue {
                out.append(Diagnostic(FrontendCode.configInvalidValue, severity: .error,
                                      message: FrontendMessage.parameterType(["name": p.name, "id": rule.id, "type": p.type,
                                                                              "actual": value.typeName]),
                                      location: .span(e.value.span), primaryLabel: FrontendMessage.aType(["type": value.typeName]),
                                      help: p.description.map { "\(p.name): \($0)" }))
            }
        }
        return out
    }

}
