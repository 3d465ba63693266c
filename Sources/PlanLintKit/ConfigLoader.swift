import Diagnostics
import ExactNumbers
import RuleEngine
import SourceText
import YAMLTree

/// Finds, reads and checks `.planlint.yaml`.
///
/// The file is read with the same YAML reader as plans, so every problem in it — a YAML
/// error, an unknown key (with a suggestion), a wrong type, a bad glob, a missing or
/// out-of-repository path, an `extends` cycle — is a `Diagnostic` positioned in the config
/// file. Any of them makes the run a tool failure (exit 2): planlint never lints with half a
/// configuration.
public enum ConfigLoader {
    /// The name searched for.
    public static let fileName = ".planlint.yaml"
    /// Longest `extends` chain followed.
    public static let maxExtendsDepth = 16
    /// Config files are small; anything bigger is refused before parsing.
    static let configLimits = YAMLLimits(maxDepth: 64, maxAliasExpansion: 10_000, maxInputBytes: 1 << 20)

    /// The result of loading: the configuration (defaults where loading failed) and what
    /// went wrong.
    public struct Result: Sendable {
        public var configuration: Configuration
        public var diagnostics: [Diagnostic]
        public var failed: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// The nearest `.planlint.yaml` at or above `directory` (absolute), or nil.
    ///
    /// Whatever has the name counts — a folder, a FIFO, a dangling link, a link to a device —
    /// so that reading it fails loudly (exit 2) instead of the run going on without the
    /// repository's config, which would check less than its author asked for.
    public static func discover(from directory: String) -> String? {
        var dir = PathUtil.normalize(directory)
        for _ in 0..<4096 {
            let candidate = PathUtil.join(dir, fileName)
            if PathUtil.exists(candidate) { return candidate }
            if dir == "/" { return nil }
            dir = PathUtil.parent(dir)
        }
        return nil
    }

    /// Loads the configuration for a run.
    ///
    /// - Parameters:
    ///   - explicit: `--config FILE` as given (relative to `cwd`), or nil to search upwards from `cwd`.
    ///   - cwd: the working directory (absolute).
    ///   - useConfig: false for `--no-config` (defaults, rooted at `cwd`).
    ///   - allowOutsideRoot: accept rule, schema, path and `extends` entries outside the repository.
    public static func load(explicit: String?, cwd: String, useConfig: Bool = true,
                            allowOutsideRoot: Bool = false) -> Result {
        let defaultRoot = PathUtil.repositoryRoot(from: cwd) ?? cwd
        guard useConfig else { return Result(configuration: Configuration(root: cwd), diagnostics: []) }
        let path: String
        if let explicit {
            path = PathUtil.absolute(explicit, base: cwd)
            let k = PathUtil.kind(path)
            if k.kind != .file {
                let reason = k.kind == .directory ? ConfigMessage.isDirectory() : (k.error ?? ConfigMessage.notRegularFile())
                return Result(configuration: Configuration(root: defaultRoot), diagnostics: [
                    Diagnostic(FrontendCode.configNotFound, severity: .error,
                               message: ConfigMessage.cannotRead(["path": explicit, "reason": reason]),
                               location: .path(explicit), help: ConfigMessage.checkConfigFlag()),
                ])
            }
        } else {
            guard let found = discover(from: cwd) else {
                return Result(configuration: Configuration(root: cwd), diagnostics: [])
            }
            path = found
        }
        let configDir = PathUtil.realPath(PathUtil.parent(path)) ?? PathUtil.parent(path)
        let root = PathUtil.repositoryRoot(from: configDir) ?? configDir
        var loader = Loader(cwd: cwd, root: root, allowOutsideRoot: allowOutsideRoot)
        let layer = loader.loadFile(path, writtenAs: nil, chain: [], depth: 0)
        var config = Configuration(root: root)
        config.configFile = path
        config.loadedFiles = loader.loadedFiles
        if let layer { layer.apply(to: &config) }
        return Result(configuration: config, diagnostics: loader.diagnostics)
    }

    /// Checks the `severity:` keys against the codes that exist once rules are loaded.
    public static func checkSeverityKeys(_ config: Configuration, knownCodes: (String) -> Bool,
                                         allCodes: [String]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for ref in config.severityKeys where !ref.code.contains("*") && !knownCodes(ref.code) {
            var d = Diagnostic(FrontendCode.configUnknownCode, severity: .error,
                               message: ConfigMessage.unknownCode(["code": ref.code]),
                               location: .span(ref.span), primaryLabel: ConfigMessage.unknownCodeLabel())
            d.help = Suggestion.didYouMean(ref.code, in: allCodes) ?? ConfigMessage.rulesListed()
            out.append(d)
        }
        return out
    }
}

/// One config file's settings before merging (nil: not written in this file).
struct ConfigLayer {
    var rules: [ConfiguredPath] = []
    var schemas: [SchemaBinding] = []
    var paths: [ConfiguredPath]?
    var include: GlobList?
    var exclude: [GlobList] = []
    var severity = SeverityTable()
    var params = ParamTable()
    var overrides: [PathOverride] = []
    var limits = LimitSettings()
    var failOn: Severity?
    var maxWarnings: Int?
    var language: Language?
    var severityKeys: [SeverityKeyRef] = []

    /// `other` was written later (it extends us): lists accumulate, scalars and key-wise
    /// tables take its values, `paths` and `include` are replaced when it sets them.
    mutating func merge(_ other: ConfigLayer) {
        rules += other.rules
        schemas += other.schemas
        if let p = other.paths { paths = p }
        if let i = other.include { include = i }
        exclude += other.exclude
        severity.merge(other.severity)
        params.entries += other.params.entries
        overrides += other.overrides
        limits.merge(other.limits)
        if let f = other.failOn { failOn = f }
        if let m = other.maxWarnings { maxWarnings = m }
        if let l = other.language { language = l }
        severityKeys += other.severityKeys
    }

    func apply(to config: inout Configuration) {
        config.rules = rules
        config.schemas = schemas
        if let paths { config.paths = paths }
        if let include { config.include = include }
        config.exclude += exclude
        config.severity = severity
        config.params = params
        config.overrides = overrides
        config.limits = limits
        config.failOn = failOn
        config.maxWarnings = maxWarnings
        config.language = language
        config.severityKeys = severityKeys
    }
}

/// Reads config files, collecting diagnostics.
struct Loader {
    let cwd: String
    let root: String
    let realRoot: String
    let allowOutsideRoot: Bool
    var diagnostics: [Diagnostic] = []
    var loadedFiles: [String] = []

    static let topKeys = ["extends", "rules", "schemas", "paths", "include", "exclude", "severity",
                          "params", "overrides", "limits", "fail-on", "max-warnings", "lang"]
    static let overrideKeys = ["files", "severity", "params", "limits"]
    static let schemaKeys = ["schema", "files"]
    static let limitKeys = ["max-file-size", "max-depth", "max-alias-expansion", "cost-budget", "max-expression-depth"]

    init(cwd: String, root: String, allowOutsideRoot: Bool) {
        self.cwd = cwd
        self.root = root
        self.realRoot = PathUtil.realPath(root) ?? root
        self.allowOutsideRoot = allowOutsideRoot
    }

    mutating func error(_ code: FrontendCode, _ message: String, at node: YAMLNode, label: String? = nil, help: String? = nil) {
        diagnostics.append(Diagnostic(code, severity: .error, message: message, location: .span(node.span),
                                      primaryLabel: label, help: help))
    }

    /// Reads one config file and, first, the files it extends. `chain` holds the real paths
    /// of the files that led here (for cycle detection).
    mutating func loadFile(_ path: String, writtenAs: YAMLNode?, chain: [String], depth: Int) -> ConfigLayer? {
        let real = PathUtil.realPath(path) ?? path
        let display = PathUtil.display(path, cwd: cwd)
        let raw: [UInt8]
        do {
            raw = try FileIO.readBytes(path: path, limit: ConfigLoader.configLimits.maxInputBytes)
        } catch {
            if let node = writtenAs {
                self.error(FrontendCode.configNotFound,
                           ConfigMessage.cannotRead(["path": node.scalarText ?? display, "reason": FileMessage.reason(error.problem)]), at: node)
            } else {
                diagnostics.append(Diagnostic(FrontendCode.configNotFound, severity: .error,
                                              message: ConfigMessage.cannotReadUnnamed(["reason": FileMessage.reason(error.problem)]),
                                              location: .path(display)))
            }
            return nil
        }
        loadedFiles.append(path)
        let (file, parsed) = YAMLReader.read(path: display, raw: raw, limits: ConfigLoader.configLimits)
        diagnostics += parsed.problems.map { Diagnostic($0, in: file) }
        guard parsed.isComplete else { return nil }
        let docs = parsed.documents
        if docs.count > 1 {
            error(FrontendCode.configInvalidValue, ConfigMessage.oneDocument(["count": docs.count]),
                  at: docs[1], label: ConfigMessage.secondDocument())
        }
        guard let top = docs.first else { return ConfigLayer() }
        if top.isScalar && top.value == .null { return ConfigLayer() }
        guard top.isMapping else {
            error(FrontendCode.configInvalidValue, ConfigMessage.notAMapping(), at: top,
                  label: ConfigMessage.expectedMapping(), help: ConfigMessage.seeDocs())
            return nil
        }
        let dir = PathUtil.parent(path)
        var result = ConfigLayer()
        // `extends` first: this file's own settings are merged over its bases.
        if let ext = top.entry("extends") {
            for node in stringList(ext.value, what: ConfigPhrase.aConfigFilePath()) {
                if BuiltinResources.isBuiltin(node.scalarText ?? "") {
                    // `planlint:recommended`: the bundled pack, compiled into planlint.
                    if let pack = builtinReference(node, names: BuiltinResources.packNames, what: ConfigPhrase.configuration()) {
                        var layer = ConfigLayer()
                        layer.rules = [pack]
                        result.merge(layer)
                    }
                    continue
                }
                guard let target = resolvePath(node, base: dir, what: ConfigPhrase.configFile(), mustBe: .file) else { continue }
                let targetReal = PathUtil.realPath(target.path) ?? target.path
                if targetReal == real || chain.contains(targetReal) {
                    let cycle = (chain + [real, targetReal]).drop { $0 != targetReal }
                        .map { PathUtil.display($0, cwd: cwd) }.joined(separator: " → ")
                    error(FrontendCode.configExtendsCycle, ConfigMessage.extendsCycle(["cycle": cycle]), at: node,
                          label: ConfigMessage.leadsBack())
                    continue
                }
                if depth + 1 >= ConfigLoader.maxExtendsDepth {
                    error(FrontendCode.configExtendsTooDeep,
                          ConfigMessage.extendsTooDeep(["max": ConfigLoader.maxExtendsDepth]), at: node)
                    continue
                }
                if let base = loadFile(target.path, writtenAs: node, chain: chain + [real], depth: depth + 1) {
                    result.merge(base)
                }
            }
        }
        var own = ConfigLayer()
        for (keyNode, value) in top.entries {
            guard let key = keyNode.scalarText, keyNode.isScalar else {
                error(FrontendCode.configUnknownKey, ConfigMessage.keysAreNames(), at: keyNode)
                continue
            }
            switch key {
            case "extends":
                break
            case "rules":
                own.rules = stringList(value, what: ConfigPhrase.aRuleFileOrFolder()).compactMap {
                    BuiltinResources.isBuiltin($0.scalarText ?? "")
                        ? builtinReference($0, names: BuiltinResources.packNames, what: ConfigPhrase.rulePack())
                        : resolvePath($0, base: dir, what: ConfigPhrase.ruleFileOrFolder(), mustBe: nil)
                }
            case "paths":
                own.paths = stringList(value, what: ConfigPhrase.aPathToLint()).compactMap {
                    resolvePath($0, base: dir, what: ConfigPhrase.path(), mustBe: nil)
                }
            case "include":
                own.include = globList(value, base: dir)
            case "exclude":
                own.exclude = [globList(value, base: dir)]
            case "schemas":
                own.schemas = schemas(value, base: dir)
            case "severity":
                own.severity = severityTable(value, into: &own.severityKeys)
            case "params":
                own.params = paramTable(value)
            case "overrides":
                own.overrides = overrides(value, base: dir, keys: &own.severityKeys)
            case "limits":
                own.limits = limits(value)
            case "fail-on":
                if let s = scalar(value, what: ConfigPhrase.failLevels()) {
                    if let sev = Severity(name: s) { own.failOn = sev } else {
                        error(FrontendCode.configInvalidValue, ConfigMessage.failOn(["value": s]),
                              at: value, help: Suggestion.didYouMean(s, in: ["error", "warning", "info"]))
                    }
                }
            case "max-warnings":
                own.maxWarnings = integer(value, name: "max-warnings", minimum: 0)
            case "lang":
                if let s = scalar(value, what: ConfigPhrase.languages()) {
                    if let l = Language(rawValue: s) { own.language = l } else {
                        error(FrontendCode.configInvalidValue, ConfigMessage.notALanguage(["value": s]), at: value,
                              label: ConfigMessage.unknownLanguage(), help: Suggestion.didYouMean(s, in: Language.allCases.map(\.rawValue)))
                    }
                }
            default:
                unknownKey(keyNode, key: key, allowed: Loader.topKeys, context: ConfigPhrase.aConfigKey())
            }
        }
        result.merge(own)
        return result
    }

    mutating func unknownKey(_ node: YAMLNode, key: String, allowed: [String], context: String) {
        let help = Suggestion.didYouMean(key, in: allowed)
            ?? ConfigMessage.knownKeys(["keys": allowed.map { "`\($0)`" }.joined(separator: ", ")])
        error(FrontendCode.configUnknownKey, ConfigMessage.unknownKey(["key": key, "context": context]), at: node,
              label: ConfigMessage.unknownKeyLabel(), help: help)
    }

    /// A scalar's text, or a diagnostic.
    mutating func scalar(_ node: YAMLNode, what: String) -> String? {
        guard node.isScalar, let text = node.scalarText, node.value != .null else {
            error(FrontendCode.configInvalidValue, ConfigMessage.expectedHere(["what": what]), at: node,
                  label: node.isScalar ? ConfigMessage.empty() : ConfigPhrase.kind(node.kind)())
            return nil
        }
        return text
    }

    /// One string or a list of strings (the scalars, with their nodes).
    mutating func stringList(_ node: YAMLNode, what: String) -> [YAMLNode] {
        if node.isScalar {
            return scalar(node, what: ConfigMessage.orList(["what": what])) == nil ? [] : [node]
        }
        guard node.isSequence else {
            error(FrontendCode.configInvalidValue, ConfigMessage.expected(["what": ConfigMessage.orList(["what": what])]), at: node,
                  label: ConfigPhrase.aMapping())
            return []
        }
        return node.items.filter { scalar($0, what: what) != nil }
    }

    /// A whole number from `minimum` to `maximum` (written as `1000`, `1_000` is not YAML 1.2,
    /// `1e3` or `0x3e8`). Anything else — a fraction, a number past Int64, past the ceiling — is
    /// refused with the range in the message; nothing saturates silently or traps.
    mutating func integer(_ node: YAMLNode, name: String, minimum: Int, maximum: Int = Int.max) -> Int? {
        let range = maximum == Int.max ? ConfigMessage.atLeast(["min": minimum])
            : ConfigMessage.fromTo(["min": minimum, "max": maximum.groupedDigits])
        guard node.isScalar, let value = node.value, let text = node.scalarText else {
            error(FrontendCode.configInvalidValue, ConfigMessage.wholeNumber(["name": name, "range": range]), at: node)
            return nil
        }
        let whole: Int?
        switch value {
        case .int, .float: whole = ExactDecimal(text)?.intValue
        default: whole = nil
        }
        guard let n = whole else {
            error(FrontendCode.configInvalidValue, ConfigMessage.wholeNumberNotText(["name": name, "range": range, "value": text]),
                  at: node)
            return nil
        }
        guard n >= minimum, n <= maximum else {
            error(FrontendCode.configInvalidValue,
                  ConfigMessage.wholeNumberNot(["name": name, "range": range, "value": n.groupedDigits]), at: node,
                  label: n > maximum ? ConfigMessage.aboveCeiling() : ConfigMessage.tooSmall(),
                  help: n > maximum ? ConfigMessage.hardCeiling(["max": maximum.groupedDigits]) : nil)
            return nil
        }
        return n
    }

    /// A size: a whole number of bytes, or a number with a unit (`512 KiB`, `10 MB`, `1 GiB`).
    mutating func size(_ node: YAMLNode, name: String) -> Int? {
        guard node.isScalar, let text = node.scalarText else {
            error(FrontendCode.configInvalidValue, ConfigMessage.size(["name": name]), at: node)
            return nil
        }
        guard let n = LimitSettings.parseSize(text), n <= LimitCeiling.maxFileSize else {
            error(FrontendCode.configInvalidValue, ConfigMessage.positiveSize(["name": name]), at: node,
                  help: ConfigMessage.hardCeiling(["max": "2 GiB"]))
            return nil
        }
        return n
    }

    enum Expected { case file, directory }

    /// A `planlint:NAME` reference to something compiled into planlint (`names`: the NAMEs
    /// there are), or a diagnostic saying which exist.
    mutating func builtinReference(_ node: YAMLNode, names: [String], what: String) -> ConfiguredPath? {
        guard let written = node.scalarText else { return nil }
        let name = String(written.dropFirst(BuiltinResources.prefix.count))
        guard names.contains(name) else {
            let known = names.map { BuiltinResources.prefix + $0 }
            error(.configNotFound, ConfigMessage.notBuiltIn(["name": written, "what": what]), at: node,
                  label: ConfigMessage.unknown(), help: Suggestion.didYouMean(written, in: known)
                    ?? ConfigMessage.builtIn(["names": known.map { "`\($0)`" }.joined(separator: ", ")]))
            return nil
        }
        return ConfiguredPath(path: written, written: written, span: node.span)
    }

    /// Resolves a path written in a config: relative to `base`; must exist and (unless allowed)
    /// lie inside the repository after following symbolic links.
    mutating func resolvePath(_ node: YAMLNode, base: String, what: String, mustBe: Expected?) -> ConfiguredPath? {
        guard let written = node.scalarText, !written.isEmpty else { return nil }
        let abs = PathUtil.absolute(written, base: base)
        let k = PathUtil.kind(abs)
        switch k.kind {
        case .missing:
            error(FrontendCode.configNotFound, ConfigMessage.doesNotExist(["what": what, "path": written]), at: node,
                  label: ConfigMessage.notFound(), help: ConfigMessage.relativeToConfig())
            return nil
        case .other where k.error != nil:
            error(FrontendCode.configNotFound, ConfigMessage.cannotExamine(["what": what, "path": written, "reason": k.error!]), at: node)
            return nil
        default:
            break
        }
        if mustBe == .file && k.kind != .file {
            error(FrontendCode.configInvalidValue, ConfigMessage.notRegular(["what": what, "path": written]), at: node)
            return nil
        }
        let real = PathUtil.realPath(abs) ?? abs
        if !allowOutsideRoot && !PathUtil.isInside(real, realRoot) {
            let message = real == abs ? ConfigMessage.outside(["what": what, "path": written, "root": root])
                : ConfigMessage.outsideThroughLink(["what": what, "path": written, "root": root, "real": real])
            error(FrontendCode.configOutsideRoot, message, at: node,
                  label: ConfigMessage.outsideLabel(), help: ConfigMessage.keepInside())
            return nil
        }
        return ConfiguredPath(path: abs, written: written, span: node.span)
    }

    mutating func globList(_ node: YAMLNode, base: String) -> GlobList {
        var globs: [Glob] = []
        for item in stringList(node, what: ConfigPhrase.aGlob()) {
            guard let text = item.scalarText else { continue }
            do {
                globs.append(try Glob(text))
            } catch {
                // Point at the offending character when the scalar is written plainly on one line.
                var span = item.span
                if let map = ScalarSourceMapLookup.offset(of: error.offset, in: item) {
                    span = SourceSpan(file: span.file, range: ByteRange(map, min(map + 1, span.range.end)))
                }
                diagnostics.append(Diagnostic(FrontendCode.configInvalidGlob, severity: .error,
                                              message: ConfigMessage.invalidGlob(["glob": text, "reason": error.message]),
                                              location: .span(span), primaryLabel: error.message,
                                              help: ConfigMessage.globSyntax()))
            }
        }
        return GlobList(globs, base: base)
    }

    /// The entries of a list of mappings (`schemas:`, `overrides:`), reporting the list
    /// (`notAList`) or an entry (`notAMapping`) that is not one.
    mutating func mappings(_ node: YAMLNode, notAList: ConfigMessage, notAMapping: ConfigMessage) -> [YAMLNode] {
        guard node.isSequence else {
            error(FrontendCode.configInvalidValue, notAList(), at: node)
            return []
        }
        var out: [YAMLNode] = []
        for item in node.items {
            guard item.isMapping else {
                error(FrontendCode.configInvalidValue, notAMapping(), at: item)
                continue
            }
            out.append(item)
        }
        return out
    }

    mutating func schemas(_ node: YAMLNode, base: String) -> [SchemaBinding] {
        var out: [SchemaBinding] = []
        for item in mappings(node, notAList: .schemasList, notAMapping: .schemasEntry) {
            for unknown in item.unknownKeys(among: Loader.schemaKeys) {
                unknownKey(unknown.key, key: unknown.name ?? "", allowed: Loader.schemaKeys, context: ConfigPhrase.aSchemasKey())
            }
            guard let schemaNode = item["schema"] else {
                error(FrontendCode.configInvalidValue, ConfigMessage.noSchema(), at: item, label: ConfigMessage.missingSchema())
                continue
            }
            guard let filesNode = item["files"] else {
                error(FrontendCode.configInvalidValue, ConfigMessage.noFiles(), at: item, label: ConfigMessage.missingFiles(),
                      help: ConfigMessage.filesExample())
                continue
            }
            guard let written = scalar(schemaNode, what: ConfigPhrase.aSchemaFile()) else { continue }
            let resolved = BuiltinResources.isBuiltin(written)
                ? builtinReference(schemaNode, names: BuiltinResources.schemaNames, what: ConfigPhrase.schema())
                : resolvePath(schemaNode, base: base, what: ConfigPhrase.schema(), mustBe: .file)
            guard let schema = resolved else { continue }
            out.append(SchemaBinding(schema: schema, files: globList(filesNode, base: base)))
        }
        return out
    }

    mutating func severityTable(_ node: YAMLNode, into keys: inout [SeverityKeyRef]) -> SeverityTable {
        guard node.isMapping else {
            error(FrontendCode.configInvalidValue, ConfigMessage.severityMapping(), at: node)
            return SeverityTable()
        }
        var table = SeverityTable()
        for (k, v) in node.entries {
            guard let code = k.scalarText, k.isScalar, !code.isEmpty else {
                error(FrontendCode.configInvalidValue, ConfigMessage.severityKey(), at: k)
                continue
            }
            guard let text = scalar(v, what: ConfigPhrase.severityLevels()) else { continue }
            guard let setting = SeveritySetting(name: text) else {
                error(FrontendCode.configInvalidValue, ConfigMessage.severityValue(["value": text]), at: v,
                      help: Suggestion.didYouMean(text, in: ["error", "warning", "info", "off"]))
                continue
            }
            if !code.contains("*") && Codes.isProtected(code) && setting != .level(.error) {
                error(FrontendCode.configProtectedCode,
                      ConfigMessage.protectedCode(["code": code]), at: k,
                      label: ConfigMessage.protectedLabel(), help: ConfigMessage.fixOrExclude())
                continue
            }
            keys.append(SeverityKeyRef(code: code, span: k.span))
            table.entries.append(.init(pattern: code, setting: setting))
        }
        return table
    }

    mutating func limits(_ node: YAMLNode) -> LimitSettings {
        guard node.isMapping else {
            error(FrontendCode.configInvalidValue, ConfigMessage.limitsMapping(), at: node)
            return LimitSettings()
        }
        var l = LimitSettings()
        for (k, v) in node.entries {
            let key = k.scalarText ?? ""
            switch key {
            case "max-file-size": l.maxFileSize = size(v, name: key)
            case "max-depth": l.maxDepth = integer(v, name: key, minimum: 1, maximum: LimitCeiling.maxDepth)
            case "max-alias-expansion":
                l.maxAliasExpansion = integer(v, name: key, minimum: 0, maximum: LimitCeiling.maxAliasExpansion)
            case "cost-budget": l.costBudget = integer(v, name: key, minimum: 1, maximum: LimitCeiling.costBudget)
            case "max-expression-depth":
                l.maxExpressionDepth = integer(v, name: key, minimum: 1, maximum: LimitCeiling.maxExpressionDepth)
            default: unknownKey(k, key: key, allowed: Loader.limitKeys, context: ConfigPhrase.aLimit())
            }
        }
        return l
    }

    /// `params: {rule-id: {name: value, …}, …}`. Names and values are checked against the
    /// rules once they are loaded (`ConfigLoader.checkParams`).
    mutating func paramTable(_ node: YAMLNode) -> ParamTable {
        var table = ParamTable()
        guard node.isMapping else {
            error(FrontendCode.configInvalidValue, ConfigMessage.paramsMapping(), at: node)
            return table
        }
        for (k, v) in node.entries {
            guard k.isScalar, let id = k.scalarText, !id.isEmpty else {
                error(FrontendCode.configInvalidValue, ConfigMessage.paramsKey(), at: k)
                continue
            }
            guard v.isMapping else {
                error(FrontendCode.configInvalidValue, ConfigMessage.paramsValue(["id": id]), at: v,
                      help: ConfigMessage.paramsExample(["id": id]))
                continue
            }
            for (pk, pv) in v.entries {
                guard pk.isScalar, let name = pk.scalarText, !name.isEmpty else {
                    error(FrontendCode.configInvalidValue, ConfigMessage.paramName(), at: pk)
                    continue
                }
                table.entries.append(.init(ruleID: id, ruleSpan: k.span, name: name, nameSpan: pk.span, value: pv))
            }
        }
        return table
    }

    mutating func overrides(_ node: YAMLNode, base: String, keys: inout [SeverityKeyRef]) -> [PathOverride] {
        var out: [PathOverride] = []
        for item in mappings(node, notAList: .overridesList, notAMapping: .overridesEntry) {
            var o = PathOverride(files: GlobList([], base: base), severity: SeverityTable(), limits: LimitSettings())
            var hasFiles = false
            for (k, v) in item.entries {
                let key = k.scalarText ?? ""
                switch key {
                case "files":
                    hasFiles = true
                    o.files = globList(v, base: base)
                case "severity": o.severity = severityTable(v, into: &keys)
                case "params": o.params = paramTable(v)
                case "limits":
                    o.limits = limits(v)
                    if let k = v.entry("max-expression-depth")?.key {
                        error(FrontendCode.configUnknownKey, ConfigMessage.notPerPath(["key": "max-expression-depth"]), at: k,
                              label: ConfigMessage.notInOverrides(), help: ConfigMessage.compiledOnce())
                    }
                default:
                    let help = Loader.topKeys.contains(key) && !Loader.overrideKeys.contains(key)
                        ? ConfigMessage.wholeRunOnly(["key": key])
                        : nil
                    if let help {
                        error(FrontendCode.configUnknownKey, ConfigMessage.notPerPath(["key": key]), at: k,
                              label: ConfigMessage.notInOverrides(), help: help)
                    } else {
                        unknownKey(k, key: key, allowed: Loader.overrideKeys, context: ConfigPhrase.anOverridesKey())
                    }
                }
            }
            if !hasFiles {
                error(FrontendCode.configInvalidValue, ConfigMessage.overridesNoFiles(), at: item, label: ConfigMessage.missingFiles())
                continue
            }
            out.append(o)
        }
        return out
    }
}

/// Maps a character offset inside a scalar's value to a byte offset in the file, for plain
/// and quoted scalars on one line without escapes (anything else: the whole scalar is blamed).
enum ScalarSourceMapLookup {
    static func offset(of charOffset: Int, in node: YAMLNode) -> Int? {
        guard let text = node.scalarText, let style = node.scalarStyle else { return nil }
        let file = node.file
        let range = node.range
        var start = range.start
        if style == .singleQuoted || style == .doubleQuoted { start += 1 }
        let source = file.text(in: ByteRange(start, range.end))
        // Only when the value appears verbatim at the start of the written text.
        guard source.hasPrefix(text) else { return nil }
        let prefix = text.prefix(charOffset)
        return start + prefix.utf8.count
    }
}

