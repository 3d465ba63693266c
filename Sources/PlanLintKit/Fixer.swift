import Diagnostics
import SourceText
import YAMLTree

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `planlint fix` / `check --fix` / `--diff` is asked to do.
public struct FixOptions: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        /// Write the fixed files (atomically).
        case write
        /// Compute the fixes and report them as a diff; write nothing.
        case diff
    }
    public var mode: Mode
    /// `--unsafe-fixes`: apply the fixes that change what the document says, too.
    public var includeUnsafe: Bool
    /// Passes of fix and re-check before giving up on fixes that keep appearing.
    public var maxPasses: Int

    public static let defaultPasses = 10

    public init(mode: Mode = .write, includeUnsafe: Bool = false, maxPasses: Int = FixOptions.defaultPasses) {
        (self.mode, self.includeUnsafe, self.maxPasses) = (mode, includeUnsafe, maxPasses)
    }
}

/// One file the fixes changed.
public struct FixedFile: Sendable, Equatable {
    /// As displayed (the path of its findings).
    public var displayPath: String
    /// Nil for standard input.
    public var absolutePath: String?
    public var original: [UInt8]
    public var fixed: [UInt8]
    /// Findings fixed, over all passes.
    public var fixes: Int
    /// Whether the fixed text was written to the file.
    public var written = false
}

/// What fixing did, beside the findings left.
public struct FixSummary: Sendable, Equatable {
    public var files: [FixedFile] = []
    /// Passes run (a pass fixes what does not overlap, then re-checks).
    public var passes = 0
    /// Findings with only unsafe fixes, left because `--unsafe-fixes` was not given.
    public var unsafeLeft = 0
    /// Fixes still pending when the pass limit was reached.
    public var pendingAfterLastPass = 0
    /// Fixes not applied because the fixed text no longer parsed as YAML.
    public var rejected = 0

    public var fixes: Int { files.reduce(0) { $0 + $1.fixes } }
}

/// Applies findings' fixes to the files of a run, pass after pass, and writes the result.
///
/// A pass chooses, per file, the fixes that do not overlap (`FixSet`), applies them to the
/// file's bytes in memory and checks the new text again; fixes that overlapped one taken are
/// found again on the new text and taken on a later pass. It stops when a pass changes
/// nothing, or after `maxPasses`. A pass whose fixes make a file's YAML unreadable (more YAML
/// errors than before) is undone for that file, and those fixes are not tried again.
/// Files read as UTF-16 (transcoded) are never fixed: their byte offsets are not the file's.
enum Fixer {
    /// Fixes `inputs`; `first` is their findings as linted. Returns the findings after fixing
    /// (of the written text; of the fixed text for `--diff`) and what was fixed.
    static func run(_ options: FixOptions, linter: Linter, inputs: [Linter.Input], first: [Diagnostic],
                    jobs: Int, roots: [String]) -> (diagnostics: [Diagnostic], summary: FixSummary, problems: [Diagnostic]) {
        var summary = FixSummary()
        // The bytes of each input as read (nil: unreadable, or transcoded from UTF-16).
        let originals: [[UInt8]?] = inputs.map { input in
            if let c = input.content { return c }
            guard let path = input.target.absolutePath else { return nil }
            return try? FileIO.readBytes(path: path, limit: linter.configuration.limits(for: path).yamlLimits.maxInputBytes)
        }
        var current = originals
        var counts = [Int](repeating: 0, count: inputs.count)
        var diagnostics = first
        var excluded: Set<String> = []
        let index = Dictionary(inputs.indices.map { (inputs[$0].target.displayPath, $0) }, uniquingKeysWith: { a, _ in a })

        while summary.passes < options.maxPasses {
            let files = sourceFiles(diagnostics, index: index, current: current)
            var sets: [Int: FixSet] = [:]
            var unsafeLeft = 0
            for (i, file) in files {
                let set = FixSet(diagnostics, in: file, includeUnsafe: options.includeUnsafe,
                                 excluded: { excluded.contains(key($0)) })
                unsafeLeft += set.unsafeLeft
                if !set.chosen.isEmpty { sets[i] = set }
            }
            summary.unsafeLeft = unsafeLeft
            if sets.isEmpty { break }
            summary.passes += 1
            var next = current
            for (i, set) in sets { next[i] = set.apply(to: current[i]!) }
            var relinted = relint(linter, inputs, next, changed: Set(sets.keys), previous: diagnostics, jobs: jobs)
            // Undo the files whose fixes broke their YAML.
            let broken = sets.keys.filter { i in
                let path = inputs[i].target.displayPath
                return yamlErrors(relinted, path) > yamlErrors(diagnostics, path)
            }
            if !broken.isEmpty {
                for i in broken {
                    next[i] = current[i]
                    for c in sets[i]!.chosen { excluded.insert(key(c.fix)); summary.rejected += 1 }
                    sets[i] = nil
                }
                relinted = relint(linter, inputs, next, changed: Set(broken).union(sets.keys), previous: diagnostics, jobs: jobs)
            }
            for (i, set) in sets { counts[i] += set.fixedCount }
            current = next
            diagnostics = relinted
        }
        if summary.passes == options.maxPasses {
            let files = sourceFiles(diagnostics, index: index, current: current)
            summary.pendingAfterLastPass = files.reduce(0) { n, f in
                n + FixSet(diagnostics, in: f.value, includeUnsafe: options.includeUnsafe,
                           excluded: { excluded.contains(key($0)) }).chosen.count
            }
        }

        var problems: [Diagnostic] = []
        var unwritten: Set<Int> = []
        for i in inputs.indices {
            guard let before = originals[i], let after = current[i], before != after else { continue }
            let target = inputs[i].target
            var file = FixedFile(displayPath: target.displayPath, absolutePath: target.isStdin ? nil : target.absolutePath,
                                 original: before, fixed: after, fixes: counts[i])
            if options.mode == .write, let path = file.absolutePath {
                do {
                    try FixWriter.write(after, replacing: before, at: path, roots: roots)
                    file.written = true
                } catch {
                    unwritten.insert(i)
                    problems.append(Diagnostic(FrontendCode.fixNotWritten, severity: .error,
                                               message: FixMessage.notWritten(["path": target.displayPath, "reason": error.reason]),
                                               location: .path(target.displayPath)))
                }
            }
            summary.files.append(file)
        }
        if !unwritten.isEmpty {
            // What is on disk is what was read: report its findings.
            for i in unwritten { current[i] = originals[i] }
            diagnostics = relint(linter, inputs, current, changed: unwritten, previous: diagnostics, jobs: jobs)
        }
        return (diagnostics, summary, problems)
    }

    /// For each input that has fixable findings, the source file the findings' edits point
    /// into — when its bytes are the input's current bytes (not a UTF-16 transcoding).
    static func sourceFiles(_ diagnostics: [Diagnostic], index: [String: Int], current: [[UInt8]?]) -> [Int: SourceFile] {
        var files: [Int: SourceFile] = [:]
        for d in diagnostics where d.suppression == nil {
            for fix in d.fixes {
                for e in fix.edits {
                    let file = e.span.file
                    guard let i = index[file.path], files[i] == nil, let bytes = current[i], file.bytes == bytes else { continue }
                    files[i] = file
                }
            }
        }
        return files
    }

    /// The findings with the `changed` inputs linted again from `contents`.
    static func relint(_ linter: Linter, _ inputs: [Linter.Input], _ contents: [[UInt8]?], changed: Set<Int>,
                       previous: [Diagnostic], jobs: Int) -> [Diagnostic] {
        let redo = linter.looksAcrossFiles ? Set(inputs.indices.filter { contents[$0] != nil }) : changed
        let paths = Set(redo.map { inputs[$0].target.displayPath })
        let again = redo.sorted().map { i in Linter.Input(target: inputs[i].target, content: contents[i]) }
        return (previous.filter { !paths.contains($0.path) } + linter.lint(again, jobs: jobs)).sortedForOutput()
    }

    static func yamlErrors(_ diagnostics: [Diagnostic], _ path: String) -> Int {
        diagnostics.lazy.filter { $0.path == path && $0.severity == .error && YAMLProblem.Code(rawValue: $0.code) != nil }.count
    }

    /// A fix's identity across re-reads of the same text: its edits' ranges and replacements.
    static func key(_ fix: Fix) -> String {
        fix.edits.map { "\($0.span.file.path)@\($0.span.range.start)-\($0.span.range.end)=\($0.replacement)" }.joined(separator: "\u{0}")
    }
}

/// Writes a fixed file: only a regular file inside the repository (or the working folder),
/// only when it still holds what was read, atomically, keeping its permissions. A symbolic
/// link is written at its target when that target is inside too.
enum FixWriter {
    struct Refusal: Error { let reason: String }

    static func write(_ fixed: [UInt8], replacing original: [UInt8], at path: String, roots: [String]) throws(Refusal) {
        var lst = stat()
        guard lstat(path, &lst) == 0 else { throw Refusal(reason: FileMessage.system(errno)) }
        guard let real = PathUtil.realPath(path) else { throw Refusal(reason: FixMessage.unresolved()) }
        let realRoots = roots.map { PathUtil.realPath($0) ?? $0 }
        guard realRoots.contains(where: { PathUtil.isInside(real, $0) }) else {
            throw Refusal(reason: (lst.st_mode & S_IFMT) == S_IFLNK
                          ? FixMessage.linkOutside(["target": real]) : FixMessage.outside())
        }
        var st = stat()
        guard stat(real, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { throw Refusal(reason: FixMessage.notRegular()) }
        // Someone may have saved the file since it was read: never overwrite their change.
        let now: [UInt8]
        do { now = try FileIO.readBytes(path: real, limit: original.count + 1) } catch { throw Refusal(reason: FileMessage.reason(error.problem)) }
        guard now == original else { throw Refusal(reason: FixMessage.changed()) }
        var bytes = fixed
        do { try AtomicFile.write(bytes: &bytes, to: real) } catch { throw Refusal(reason: error.reason) }
    }
}

/// The fix command's messages.
public enum FixMessage: String, MessageCatalogue {
    case notWritten = "{path} was not fixed: {reason}"
    case unresolved = "its path cannot be resolved"
    case outside = "it is outside the repository"
    case linkOutside = "it is a symbolic link to {target}, outside the repository"
    case notRegular = "it is not a regular file"
    case changed = "it changed on disk while planlint was fixing it"
    case nothing = "nothing to fix"
    case fixed = "fixed {fixes} finding(s) in {files} file(s)"
    case wouldFix = "would fix {fixes} finding(s) in {files} file(s) (nothing written)"
    case unsafeLeft = "{count} finding(s) have only unsafe fixes; `--unsafe-fixes` applies them (check what they change)"
    case pending = "{count} fix(es) still pending after {passes} passes"
    case rejected = "{count} fix(es) not applied: the fixed file would not parse as YAML"
}

extension FixMessage {
    public var japanese: String? {
        switch self {
        case .notWritten: "{path} は修正しませんでした：{reason}"
        case .unresolved: "パスを解決できません"
        case .outside: "リポジトリの外にあります"
        case .linkOutside: "リポジトリの外の {target} へのシンボリックリンクです"
        case .notRegular: "通常のファイルではありません"
        case .changed: "planlint が修正している間にディスク上で変更されました"
        case .nothing: "修正するものはありません"
        case .fixed: "{files} 個のファイルで {fixes} 件の指摘を修正しました"
        case .wouldFix: "{files} 個のファイルで {fixes} 件の指摘を修正できます（何も書き込んでいません）"
        case .unsafeLeft: "{count} 件の指摘には安全でない修正しかありません。`--unsafe-fixes` で適用されます（何が変わるか確認してください）"
        case .pending: "{passes} 回の修正の後も {count} 件の修正が残っています"
        case .rejected: "{count} 件の修正は適用しませんでした：修正後のファイルが YAML として読めなくなります"
        }
    }
}
