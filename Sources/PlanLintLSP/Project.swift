import Diagnostics
import Guarded
import LSPProtocol
import PlanLintKit

/// Which `.planlint.yaml` a document falls under: the nearest one at or above its folder
/// (as `planlint check` run there finds it), or none, with the repository root then standing
/// in for the configuration's root.
struct ProjectKey: Hashable, Sendable {
    /// The configuration file (absolute), or nil for planlint's defaults.
    var configFile: String?
    /// Without a configuration: the folder the defaults are rooted at.
    var root: String

    /// The project of a document in `folder` (absolute).
    static func discover(from folder: String) -> ProjectKey {
        if let config = ConfigLoader.discover(from: folder) {
            return ProjectKey(configFile: config, root: PathUtil.parent(config))
        }
        return ProjectKey(configFile: nil, root: PathUtil.repositoryRoot(from: folder) ?? folder)
    }
}

/// A configuration with everything it loads — rule packs, schemas — ready to lint documents,
/// plus what is needed to tell when it is out of date.
///
/// Loaded the way `planlint check` loads it (`ConfigLoader`, `ChecksLoader`), except that
/// rule files open in the editor are read from their buffers, so a rule being edited applies
/// to open plans as it is typed. Configs and schemas are read from disk: their edits apply
/// when saved.
final class Project: Sendable {
    let key: ProjectKey
    let configuration: Configuration
    let checks: Checks
    /// Problems in the configuration, the rule files and the schemas, positioned in those
    /// files, sorted.
    let loadDiagnostics: [Diagnostic]
    /// True when plans are not linted, as `planlint check` does not lint them: the
    /// configuration has errors, or names codes that do not exist.
    let isBlocked: Bool
    /// Config files read (the one found first, then what it extends), absolute.
    let configFiles: Set<String>
    /// Rule files loaded, absolute.
    let ruleFiles: Set<String>
    /// Schema files the configuration binds, absolute.
    let schemaFiles: Set<String>

    /// Stamps of every file and folder the project was loaded from.
    private let stamps: [String: FileStamp?]
    /// The rule files found in the configured rule paths, in order.
    private let ruleFileList: [String]
    /// The text each rule file was loaded from, and whether it came from an editor buffer.
    private let ruleTexts: [String: (bytes: [UInt8], fromBuffer: Bool)]
    /// Schemas named by `$schema` comments in documents checked with this project, found as
    /// documents are checked (the schema checker caches them).
    private let commentSchemas = Guarded<[String: FileStamp?]>([:])

    init(key: ProjectKey, configuration: Configuration, checks: Checks, loadDiagnostics: [Diagnostic],
         isBlocked: Bool, stamps: [String: FileStamp?], ruleFileList: [String],
         ruleTexts: [String: (bytes: [UInt8], fromBuffer: Bool)]) {
        self.key = key
        self.configuration = configuration
        self.checks = checks
        self.loadDiagnostics = loadDiagnostics.sorted(by: Diagnostic.ordered)
        self.isBlocked = isBlocked
        self.configFiles = Set(configuration.loadedFiles.map(PathUtil.normalize))
        self.ruleFiles = Set(ruleFileList)
        self.schemaFiles = Set(configuration.schemas.map(\.schema.path))
        self.stamps = stamps
        self.ruleFileList = ruleFileList
        self.ruleTexts = ruleTexts
    }

    /// The linter for plans (with this project's configuration and checks).
    var linter: Linter { Linter(configuration: configuration, checks: checks) }

    /// Whether nothing the project was loaded from has changed: the files on disk (by
    /// stamp), the set of rule files in the configured folders, and the editor buffers of
    /// rule files (`buffers`: open documents by absolute path).
    func isCurrent(buffers: [String: [UInt8]]) -> Bool {
        for (path, stamp) in stamps where FileStamp.of(path) != stamp { return false }
        if commentSchemas.withLock({ $0.contains { FileStamp.of($0.key) != $0.value } }) { return false }
        if !configuration.rules.isEmpty {
            if ChecksLoader.ruleFiles(configuration) != ruleFileList { return false }
        }
        for (path, used) in ruleTexts {
            if let buffer = buffers[path] {
                if buffer != used.bytes { return false }
            } else if used.fromBuffer {
                return false   // the buffer was closed: the file on disk applies again
            }
        }
        // A rule file opened since: current if its buffer holds what was loaded (checked above).
        return true
    }

    /// Remembers the schema a document's `$schema` comment names, so that editing that
    /// schema on disk reloads the project (the schema checker compiled and cached it).
    func noteCommentSchema(_ path: String) {
        commentSchemas.withLock { schemas in
            if schemas[path] == nil { schemas[path] = .some(FileStamp.of(path)) }
        }
    }
}

/// Loads projects.
enum ProjectLoader {
    /// Loads the project `key`, reading open rule files from `buffers` (absolute path →
    /// text). `cwd` is the process's working directory: diagnostics name files relative to it,
    /// as `planlint check` run there does.
    static func load(_ key: ProjectKey, buffers: [String: [UInt8]], cwd: String) -> Project {
        var stamps: [String: FileStamp?] = [:]
        func stamp(_ path: String) { stamps[path] = .some(FileStamp.of(path)) }

        // Without a config file: planlint's defaults, rooted at the key's folder.
        let loaded = key.configFile == nil
            ? ConfigLoader.load(explicit: nil, cwd: key.root, useConfig: false)
            : ConfigLoader.load(explicit: key.configFile, cwd: cwd)
        let config = loaded.configuration
        for file in config.loadedFiles { stamp(file) }
        if let file = key.configFile { stamp(file) }
        var diagnostics = loaded.diagnostics
        if loaded.failed {
            // Never lint with half a configuration (as `planlint check`).
            return Project(key: key, configuration: config, checks: Checks(), loadDiagnostics: diagnostics,
                           isBlocked: true, stamps: stamps, ruleFileList: [], ruleTexts: [:])
        }

        // As the command line loads them, but the rules from the editor's buffers where the
        // files are open.
        let checks = ChecksLoader.load(config, options: .init(cwd: cwd, buffers: buffers))
        for binding in config.schemas where !BuiltinResources.isBuiltin(binding.schema.path) { stamp(binding.schema.path) }
        for path in config.rules.map(\.path) where !BuiltinResources.isBuiltin(path) { stamp(path) }
        for path in checks.ruleFiles { stamp(path) }
        diagnostics += checks.loadDiagnostics
        let keyProblems = ConfigLoader.checkSeverityKeys(config, knownCodes: checks.isKnownCode, allCodes: checks.allCodes)
        diagnostics += keyProblems
        return Project(key: key, configuration: config, checks: checks, loadDiagnostics: diagnostics,
                       isBlocked: !keyProblems.isEmpty, stamps: stamps, ruleFileList: checks.ruleFiles,
                       ruleTexts: checks.ruleTexts)
    }
}

/// The loaded projects, by key; reloaded when out of date.
///
/// Checks of several documents (and hovers over codes) ask for projects at once, from the
/// check pool's threads. A project is loaded by one of them at a time: when a rule file is
/// edited every open document is re-checked, and each check that found the project out of
/// date loaded the whole pack again, side by side with the others (for the bundled pack
/// about 70 M instructions each). The others wait for that load and use it.
final class ProjectCache: Sendable {
    private let projects = Guarded<[ProjectKey: Project]>([:])
    /// Per key, the lock held while that project loads.
    private let loading = Guarded<[ProjectKey: Guarded<Int>]>([:])
    let cwd: String

    init(cwd: String) { self.cwd = cwd }

    /// The project `key`, loaded again if anything it was loaded from changed.
    ///
    /// For a check whose `run` is cancelled (its result will be dropped), the project as
    /// cached, out of date or not: such a check, superseded by a rule edit, would otherwise
    /// load the whole pack again from its older buffers — after waiting for the newer checks'
    /// load — and put that older project in the cache, for the next check to load again. It is
    /// loaded only when nothing is cached.
    func project(_ key: ProjectKey, buffers: [String: [UInt8]], run: Linter.RunState? = nil) -> Project {
        if let current = current(key, buffers: buffers) { return current }
        if run?.isCancelled == true, let cached = projects.withLock({ $0[key] }) { return cached }
        let lock = loading.withLock { locks in
            if let lock = locks[key] { return lock }
            let lock = Guarded(0)
            locks[key] = lock
            return lock
        }
        return lock.withLock { loads in
            // Loaded by another check while this one waited?
            if let current = current(key, buffers: buffers) { return current }
            if run?.isCancelled == true, let cached = projects.withLock({ $0[key] }) { return cached }
            let project = ProjectLoader.load(key, buffers: buffers, cwd: cwd)
            loads += 1
            projects.withLock { $0[key] = project }
            return project
        }
    }

    private func current(_ key: ProjectKey, buffers: [String: [UInt8]]) -> Project? {
        guard let cached = projects.withLock({ $0[key] }), cached.isCurrent(buffers: buffers) else { return nil }
        return cached
    }

    /// How many times the project `key` was loaded (for tests and logs).
    func loads(of key: ProjectKey) -> Int { loading.withLock { $0[key] }?.withLock { $0 } ?? 0 }

    /// Forgets every project: the next check loads again (a watched file changed, a file
    /// was saved that a schema may `$ref`).
    func invalidateAll() {
        projects.withLock { $0.removeAll() }
    }
}
