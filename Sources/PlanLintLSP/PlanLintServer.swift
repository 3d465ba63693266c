import Diagnostics
import Dispatch
import Guarded
import LSPProtocol
import PlanLintKit
import SourceText

/// The planlint language server: `planlint lsp`.
///
/// Reads requests and notifications from a ``Connection`` (stdio in `planlint lsp`, an
/// in-memory pair in tests) and answers them, following the LSP 3.17 lifecycle
/// (``ServerLifecycle``).
///
/// - **Documents** are kept as UTF-8 (``DocumentStore``), with full and incremental
///   changes; positions are in the encoding agreed at `initialize` (UTF-8 when the client
///   offers it, else UTF-16).
/// - **Checking** runs off the message loop, in a ``CheckPool``: each document's checks on
///   their own, a few documents at once, so neither the loop (hover, code actions, edits)
///   nor another document waits for a long check. Each document has at most one check
///   running and one pending: a newer edit cancels the running one (it stops at its next
///   cancellation point: after parsing, between checkers, at a rule's next match) and
///   supersedes it, and a result is published only if nothing changed while it ran, so a
///   superseded version's findings are never published. Findings are published with the
///   document version they were computed for; closing a document clears its findings.
/// - **Projects** (a `.planlint.yaml` with its rules and schemas) are loaded as
///   `planlint check` loads them and cached; open rule files are read from their buffers.
///   They are reloaded when a file they were loaded from changes: an edited rule buffer,
///   a saved config or schema, `workspace/didChangeWatchedFiles` (watchers are registered
///   when the client allows it), or a changed file stamp noticed at the next check.
/// - **Code actions** offer each finding's fixes as quick fixes; **hover** explains
///   evaluation marks and codes.
package actor PlanLintServer {
    /// How the server runs.
    package struct Options: Sendable {
        /// The process's working directory: planlint names files relative to it (schemas
        /// are resolved against it), so it must be the real one.
        package var cwd: String
        /// How the language of the server's messages is chosen at `initialize`.
        package var language: LanguagePolicy
        /// Checks that run at once (documents checked side by side).
        package var concurrentChecks: Int
        /// Called on the checking thread as each check starts, before it reads anything: a
        /// test holds a check here to see what the server does meanwhile.
        package var willCheck: (@Sendable (CheckStart) -> Void)?

        package init(cwd: String = PathUtil.currentDirectory(), language: LanguagePolicy = .keep,
                     concurrentChecks: Int = CheckPool.defaultLimit, willCheck: (@Sendable (CheckStart) -> Void)? = nil) {
            self.cwd = cwd
            self.language = language
            self.concurrentChecks = concurrentChecks
            self.willCheck = willCheck
        }
    }

    /// A check about to run (``Options/willCheck``).
    package struct CheckStart: Sendable {
        package var uri: LSP.DocumentURI
        package var version: Int
        /// Cancelled when the document changes again before the check ends.
        package var run: Linter.RunState
    }

    /// The language of the server's messages (process-wide: `planlint lsp` serves one client).
    package enum LanguagePolicy: Sendable {
        /// Leave the process's language as it is (servers run in-process by tests).
        case keep
        /// `planlint lsp --lang`: this language, whatever the client asks.
        case fixed(Language)
        /// The client's `locale` from `initialize` (`ja`, `ja-JP`, `en-US`), else `fallback`
        /// (the environment's language) when it sends none or one planlint has no text for.
        case client(fallback: Language)

        /// The language for a client that sent `locale`; nil: leave it as it is.
        package func language(forClientLocale locale: String?) -> Language? {
            switch self {
            case .keep: nil
            case .fixed(let l): l
            case .client(let fallback): locale.flatMap(Language.init(locale:)) ?? fallback
            }
        }
    }

    let connection: Connection
    let options: Options
    let projects: ProjectCache
    /// Where checks run: each document's on its own, a few at once.
    let pool: CheckPool
    /// Where hovers run: beside a running check, not behind it.
    let hoverQueue = DispatchQueue(label: "planlint.lsp.hover", qos: .userInitiated, attributes: .concurrent)
    /// Replies computed off the message loop that are not written yet: the server waits for
    /// them before it returns (at `exit` or at the end of its input), so none is lost.
    let pendingReplies = DispatchGroup()
    /// The run of each document's check in progress, cancelled when the document changes.
    var runningChecks: [LSP.DocumentURI: Linter.RunState] = [:]

    var lifecycle = ServerLifecycle()
    var documents = DocumentStore()
    /// Absolute paths of open documents that are files.
    var paths: [LSP.DocumentURI: String] = [:]
    var positions = PositionConverter(encoding: .utf16)
    var capabilities = LSP.ClientCapabilities()
    /// The first workspace folder, for documents that are not files.
    var workspaceFolder: String?
    /// What each open document turned out to be at its last check.
    var kinds: [LSP.DocumentURI: DocumentKind] = [:]
    /// What was last published for each open document.
    var published: [LSP.DocumentURI: PublishedDocument] = [:]
    /// Documents with a check loop running, and those whose inputs changed since their
    /// check started (checked again before anything is published).
    var checking: Set<LSP.DocumentURI> = []
    var stale: Set<LSP.DocumentURI> = []

    package init(connection: Connection, options: Options = Options()) {
        self.connection = connection
        self.options = options
        self.projects = ProjectCache(cwd: options.cwd)
        self.pool = CheckPool(limit: options.concurrentChecks)
    }

    /// Serves until `exit` or until the client goes away; returns the exit status: 0 after
    /// `shutdown`, else 1.
    package func run() async -> Int32 {
        connection.start()
        for await event in connection.messages {
            switch event {
            case .request(let request):
                switch lifecycle.receive(request: request.method) {
                case .reject(let error):
                    connection.reply(to: request, error: error)
                case .handle:
                    do {
                        try handle(request)
                    } catch {
                        if request.method == LSP.initialize.method { lifecycle.initializeFailed() }
                        connection.reply(to: request, error: error)
                    }
                }
            case .notification(let notification):
                switch lifecycle.receive(notification: notification.method) {
                case .exit(let code):
                    await flushReplies()
                    return code
                case .drop:
                    break
                case .handle:
                    do {
                        try handle(notification)
                    } catch {
                        log(.error, "\(notification.method): \(error)")
                    }
                }
            case .problem(let problem):
                log(.warning, problem.description)
            }
        }
        // The client closed the connection without `exit`: what it asked is still answered.
        await flushReplies()
        return lifecycle.state == .shutDown ? 0 : 1
    }

    /// Waits until every reply computed off the message loop has been written.
    func flushReplies() async {
        let group = pendingReplies
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            group.notify(queue: .global()) { done.resume() }
        }
    }

    // MARK: Requests

    func handle(_ request: JSONRPC.Request) throws(JSONRPC.ResponseError) {
        switch request.method {
        case LSP.initialize.method:
            let params = try request.params(LSP.initialize)
            if let language = options.language.language(forClientLocale: params.locale) { MessageText.language = language }
            positions = PositionConverter(encoding: params.positionEncoding)
            capabilities = params.capabilities
            workspaceFolder = (params.workspaceFolders?.first?.uri ?? params.rootUri)
                .flatMap(FileURI.path(fromURI:)).map(PathUtil.normalize)
            connection.reply(to: request, result: LSP.InitializeResult(
                capabilities: LSP.ServerCapabilities(
                    positionEncoding: positions.encoding,
                    textDocumentSync: .init(openClose: true, change: .incremental, save: .init(includeText: false)),
                    codeActionProvider: .init(codeActionKinds: [.quickFix, DiagnosticConverter.fixAllKind]),
                    hoverProvider: true),
                serverInfo: .init(name: "planlint", version: PlanLintVersion.current)))
        case LSP.shutdown.method:
            connection.reply(to: request, result: JSONRPC.Null())
        case LSP.codeAction.method:
            let params = try request.params(LSP.codeAction)
            let uri = params.textDocument.uri
            // Fixes are offered for the text they were computed for only.
            guard let document = documents[uri], let findings = published[uri], findings.version == document.version else {
                connection.reply(to: request, result: [LSP.CodeAction]())
                return
            }
            connection.reply(to: request, result: findings.actions(for: params))
        case LSP.hover.method:
            let params = try request.params(LSP.hover)
            guard let document = documents[params.textDocument.uri] else {
                connection.reply(to: request, result: LSP.Hover?.none)
                return
            }
            let check = checkRequest(for: document)
            let markdown = capabilities.textDocument?.hover?.contentFormat?.first != LSP.MarkupKind.plaintext.rawValue
            let (projects, connection, id, group) = (projects, connection, request.id, pendingReplies)
            group.enter()
            hoverQueue.async {
                let hover = HoverContent.hover(at: params.position, request: check, projects: projects, markdown: markdown)
                connection.reply(to: id, result: hover)
                group.leave()
            }
        default:
            connection.reply(to: request, error: .methodNotFound(request.method))
        }
    }

    // MARK: Notifications

    func handle(_ notification: JSONRPC.Notification) throws {
        switch notification.method {
        case LSP.initialized.method:
            registerFileWatchers()
        case LSP.didOpen.method:
            let item = try notification.params(LSP.didOpen).textDocument
            documents.open(item)
            paths[item.uri] = FileURI.path(fromURI: item.uri).map(PathUtil.normalize)
            kinds[item.uri] = nil
            scheduleCheck(item.uri)
        case LSP.didChange.method:
            let params = try notification.params(LSP.didChange)
            try documents.change(params, unit: positions.editUnit)
            let uri = params.textDocument.uri
            // The check of the previous version is superseded: stop it.
            cancelCheck(uri)
            switch kinds[uri] {
            case .plan, .schema, .config:
                // Plans affect no other document; schemas and configs apply when saved.
                scheduleCheck(uri)
            case .rules, nil:
                // An open rule file's buffer is what plans are checked with.
                scheduleCheckOfAll()
            }
        case LSP.didSave.method:
            let uri = try notification.params(LSP.didSave).textDocument.uri
            if kinds[uri] != .plan {
                // A saved config or schema now applies (or a file a schema `$ref`s changed).
                projects.invalidateAll()
                scheduleCheckOfAll()
            }
        case LSP.didClose.method:
            let uri = try notification.params(LSP.didClose).textDocument.uri
            try documents.close(uri)
            cancelCheck(uri)
            paths[uri] = nil
            published[uri] = nil
            stale.remove(uri)
            let kind = kinds.removeValue(forKey: uri)
            connection.send(LSP.publishDiagnostics, .init(uri: uri, diagnostics: []))
            if kind != .plan {
                // A rule file's buffer no longer applies; the file on disk does.
                scheduleCheckOfAll()
            }
        case LSP.didChangeWatchedFiles.method:
            let changes = try notification.params(LSP.didChangeWatchedFiles).changes
            let openPlans = Set(paths.filter { kinds[$0.key] == .plan }.values)
            let relevant = changes.contains { change in
                guard let path = FileURI.path(fromURI: change.uri).map(PathUtil.normalize) else { return false }
                return !openPlans.contains(path)
            }
            if relevant {
                projects.invalidateAll()
                scheduleCheckOfAll()
            }
        default:
            break   // `$/cancelRequest` (requests are answered at once), `$/setTrace`, unknown ones
        }
    }

    /// Asks the client to report changes to configs, rule files and schemas made outside
    /// the editor, when it can (`workspace.didChangeWatchedFiles.dynamicRegistration`).
    func registerFileWatchers() {
        guard capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration == true else { return }
        let watchers = ["**/.planlint.yaml", "**/*.yaml", "**/*.yml", "**/*.json"].map {
            LSP.FileSystemWatcher(globPattern: $0)
        }
        let params = LSP.RegistrationParams(registrations: [.watchedFiles(id: "planlint-watched-files", watchers: watchers)])
        let connection = connection
        Task {
            do {
                _ = try await connection.send(LSP.registerCapability, params)
            } catch {
                connection.send(LSP.logMessage, .init(type: .warning, message: "planlint: " + ServerMessage.watchersNotRegistered(["error": "\(error)"])))
            }
        }
    }

    // MARK: Checking

    /// Checks `uri` soon: now if no check of it is running, else again when the running one
    /// ends (whose result is then dropped).
    func scheduleCheck(_ uri: LSP.DocumentURI) {
        stale.insert(uri)
        if checking.insert(uri).inserted {
            Task { await checkLoop(uri) }
        }
    }

    /// Stops the check of `uri` in progress, if any: it gives no result, and the document's
    /// check loop goes on at once.
    func cancelCheck(_ uri: LSP.DocumentURI) {
        if let run = runningChecks[uri] { pool.cancel(run) }
    }

    /// Checks every open document again, the project they are checked with having changed
    /// (a rule file edited, a config or schema saved): the checks running with what it was
    /// before are stopped first, as an edit stops its document's check, so that the new
    /// checks do not wait for results that would be dropped.
    func scheduleCheckOfAll() {
        for uri in documents.all.keys.sorted() {
            cancelCheck(uri)
            scheduleCheck(uri)
        }
    }

    /// Checks the document until a check ends with nothing changed meanwhile, then
    /// publishes that check's findings.
    func checkLoop(_ uri: LSP.DocumentURI) async {
        defer { checking.remove(uri) }
        while let document = documents[uri], stale.remove(uri) != nil {
            let request = checkRequest(for: document)
            let (projects, willCheck, pool) = (projects, options.willCheck, pool)
            runningChecks[uri] = request.run
            // The findings are converted and their notification encoded in the pool too: for
            // a plan with thousands of findings that is tens of milliseconds, not to be spent
            // on the message loop.
            let outcome = await pool.run(request.run) { () -> (CheckResult, PublishedDocument, Connection.EncodedNotification?)? in
                willCheck?(CheckStart(uri: request.uri, version: request.version, run: request.run))
                guard let result = DocumentCheck.run(request, projects: projects, threads: pool.threads(forDocumentOf: request.bytes.count)) else { return nil }
                let findings = PublishedDocument(version: request.version, findings: result.findings, fixAll: result.fixAll)
                let notification = Connection.encode(LSP.publishDiagnostics, .init(
                    uri: request.uri, version: request.version, diagnostics: findings.diagnostics))
                return (result, findings, notification)
            }
            runningChecks[uri] = nil
            // Cancelled: a newer version is pending; it starts now, beside the superseded check
            // still stopping.
            guard let (result, findings, notification) = outcome else { continue }
            guard documents[uri] != nil, !stale.contains(uri) else { continue }
            kinds[uri] = result.kind
            guard lifecycle.state == .running else { return }
            published[uri] = findings
            if let notification { connection.send(notification) }
        }
    }

    /// A snapshot of what checking `document` needs.
    ///
    /// The buffers are those of open documents that may be rule files (the only buffers a
    /// project reads): not plans, whose texts can be large and would be copied for nothing.
    func checkRequest(for document: DocumentStore.Document) -> CheckRequest {
        var buffers: [String: [UInt8]] = [:]
        var openURIs: [String: LSP.DocumentURI] = [:]
        for (uri, path) in paths {
            openURIs[path] = uri
            if kinds[uri] != .plan, let open = documents[uri] { buffers[path] = open.bytes }
        }
        return CheckRequest(
            uri: document.uri, version: document.version, path: paths[document.uri], bytes: document.bytes, buffers: buffers,
            openURIs: openURIs, positions: positions, cwd: options.cwd,
            fallbackFolder: workspaceFolder ?? options.cwd)
    }

    func log(_ type: LSP.MessageType, _ message: String) {
        connection.send(LSP.logMessage, .init(type: type, message: "planlint: " + message))
    }
}

/// Running the server on standard input and output (`planlint lsp`).
package enum LanguageServer {
    /// Serves on stdin/stdout until `exit` or until stdin closes, and returns the exit
    /// status (0 after `shutdown`, else 1). Nothing else may write to stdout meanwhile.
    package static func serveStandardIO(options: PlanLintServer.Options = .init()) -> Int32 {
        let server = PlanLintServer(connection: Connection(transport: FileDescriptorTransport()), options: options)
        let status = Guarded<Int32>(1)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let code = await server.run()
            status.withLock { $0 = code }
            done.signal()
        }
        done.wait()
        return status.withLock { $0 }
    }
}
