import Diagnostics
import LSPProtocol
import PlanLintKit
import SourceText
import YAMLTree

/// What an open document is to planlint, which decides how it is checked.
package enum DocumentKind: String, Sendable, Hashable {
    /// Plan data: linted as `planlint check FILE` lints it.
    case plan
    /// A rule file of the project's configured rule packs: its load errors.
    case rules
    /// A JSON Schema (bound in the configuration, or named `*.schema.yaml|yml|json`): its
    /// compile errors.
    case schema
    /// `.planlint.yaml`, or a file it `extends`: its errors.
    case config
}

/// One document to check, as it was when the check was asked for. Everything a check needs,
/// so it can run off the message loop.
struct CheckRequest: Sendable {
    var uri: LSP.DocumentURI
    /// The document's version.
    var version: Int
    /// Absolute, normalised; nil for documents that are not files (`untitled:`).
    var path: String?
    var bytes: [UInt8]
    /// Open documents (editor buffers) by absolute path.
    var buffers: [String: [UInt8]]
    /// The client's URIs of open documents, by absolute path.
    var openURIs: [String: LSP.DocumentURI]
    var positions: PositionConverter
    /// The process's working directory (planlint's diagnostics name files relative to it).
    var cwd: String
    /// Where documents that are not files look for a configuration.
    var fallbackFolder: String
    /// Cancelled when the document changes again while this check runs: the lint stops at
    /// its next cancellation point and the result is dropped.
    var run = Linter.RunState()

    /// The path planlint's diagnostics name the document by.
    var displayPath: String { path.map { PathUtil.display($0, cwd: cwd) } ?? uri }

    /// The project of the document.
    var projectKey: ProjectKey { ProjectKey.discover(from: path.map(PathUtil.parent) ?? fallbackFolder) }
}

/// The outcome of a check: what the document is and its findings.
struct CheckResult: Sendable {
    var kind: DocumentKind
    var findings: [PublishedFinding]
    /// The document's safe fixes as one action.
    var fixAll: LSP.CodeAction? = nil
}

/// Checks one document against its project. Runs in the server's ``CheckPool``.
enum DocumentCheck {
    /// The document's kind and findings; nil when the check was cancelled (its findings
    /// would be incomplete, and a newer version is waiting to be checked).
    /// `threads` > 1 lets the plan's rules run in parallel.
    static func run(_ request: CheckRequest, projects: ProjectCache, threads: Int = 1) -> CheckResult? {
        if request.run.isCancelled { return nil }
        let project = projects.project(request.projectKey, buffers: request.buffers, run: request.run)
        let kind = classify(request.path, in: project)
        let converter = converter(for: request, project: project)
        let display = request.displayPath
        var diagnostics: [Diagnostic]
        var findings: [PublishedFinding] = []
        switch kind {
        case .plan:
            if project.isBlocked {
                findings = summaries(of: project, for: display, cwd: request.cwd, converter: converter)
                diagnostics = []
            } else if let path = request.path, project.configuration.isExcluded(absolutePath: path, isDirectory: false) {
                diagnostics = []   // as `planlint check FILE` on an excluded file: nothing
            } else {
                findings = summaries(of: project, for: display, cwd: request.cwd, converter: converter)
                let target = LintTarget(absolutePath: request.path, displayPath: display)
                diagnostics = project.linter.lintOne(Linter.Input(target: target, content: request.bytes),
                                                     threads: threads, run: request.run)
                if request.run.isCancelled { return nil }
                noteCommentSchema(request, project: project)
            }
        case .rules:
            diagnostics = project.loadDiagnostics.filter { $0.path == display }
        case .schema:
            diagnostics = ChecksLoader.schemaDiagnostics(SourceFile(path: display, bytes: request.bytes), config: project.configuration)
        case .config:
            let onDisk = request.path.flatMap { try? FileIO.readBytes(path: $0, limit: request.bytes.count + 1) }
            if onDisk == request.bytes {
                diagnostics = project.loadDiagnostics.filter { $0.path == display }
            } else {
                // Unsaved: the configuration applies when saved; until then, its YAML.
                let (file, parsed) = YAMLReader.read(path: display, raw: request.bytes)
                diagnostics = parsed.problems.map { Diagnostic($0, in: file) }
            }
        }
        findings += diagnostics.sortedForOutput().compactMap(converter.convert)
        return CheckResult(kind: kind, findings: findings, fixAll: converter.fixAll(diagnostics))
    }

    /// What the document at `path` is, for `project`.
    static func classify(_ path: String?, in project: Project) -> DocumentKind {
        guard let path else { return .plan }
        let name = PathUtil.basename(path)
        if name == ConfigLoader.fileName || project.configFiles.contains(path) { return .config }
        if project.ruleFiles.contains(path) { return .rules }
        if project.schemaFiles.contains(path) { return .schema }
        for suffix in [".schema.yaml", ".schema.yml", ".schema.json"] where name.hasSuffix(suffix) { return .schema }
        return .plan
    }

    static func converter(for request: CheckRequest, project: Project) -> DiagnosticConverter {
        let cwd = request.cwd
        let open = request.openURIs
        let checks = project.checks
        return DiagnosticConverter(
            positions: request.positions, documentPath: request.displayPath, documentURI: request.uri,
            uriForPath: { display in
                let absolute = PathUtil.absolute(display, base: cwd)
                return open[absolute] ?? FileURI.uri(fromPath: absolute)
            },
            docsURL: { code in checks.documentation(for: code)?.docsURL })
    }

    /// One finding at the top of a plan for each configuration, rule or schema file with
    /// errors, with each error as related information: a plan whose rules did not all load
    /// must not look clean, and the details are a click away.
    static func summaries(of project: Project, for display: String, cwd: String, converter: DiagnosticConverter) -> [PublishedFinding] {
        var byFile: [(path: String, errors: [Diagnostic])] = []
        for d in project.loadDiagnostics where d.severity == .error && d.path != display && d.suppression == nil {
            if let i = byFile.firstIndex(where: { $0.path == d.path }) {
                byFile[i].errors.append(d)
            } else {
                byFile.append((d.path, [d]))
            }
        }
        let top = LSP.Range(line: 0, character: 0, toLine: 0, character: 0)
        return byFile.map { path, errors in
            let absolute = PathUtil.absolute(path, base: cwd)
            let what: String
            if project.configFiles.contains(absolute) || PathUtil.basename(path) == ConfigLoader.fileName {
                what = ServerMessage.theConfiguration(["path": path])
            } else if project.ruleFiles.contains(absolute) {
                what = ServerMessage.theRuleFile(["path": path])
            } else if project.schemaFiles.contains(absolute) {
                what = ServerMessage.theSchema(["path": path])
            } else {
                what = path
            }
            let count = errors.count == 1 ? ServerMessage.anError() : ServerMessage.errors(["count": errors.count])
            let consequence = project.isBlocked ? ServerMessage.notCheckedUntilFixed() : ServerMessage.checksMissing()
            let first = errors[0]
            let related = errors.prefix(50).map { e in
                LSP.DiagnosticRelatedInformation(
                    location: LSP.Location(uri: converter.uri(forPath: e.path),
                                           range: e.span.map(converter.positions.range(of:)) ?? top),
                    message: e.message)
            }
            return PublishedFinding(diagnostic: LSP.Diagnostic(
                range: top, severity: .error, code: first.code, source: "planlint",
                message: ServerMessage.projectBroken(["what": what, "count": count, "consequence": consequence,
                                                      "message": first.message]),
                relatedInformation: related))
        }
    }

    /// Records the schema a plan's `$schema` comment names, so that a change to it on disk
    /// reloads the project.
    static func noteCommentSchema(_ request: CheckRequest, project: Project) {
        guard let path = ChecksLoader.commentSchema(of: SourceFile(path: request.displayPath, bytes: request.bytes)) else { return }
        project.noteCommentSchema(PathUtil.absolute(path, base: request.cwd))
    }
}
