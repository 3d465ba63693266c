import Foundation
import SourceText
import Testing

@testable import LSPProtocol

/// A complete toy language server built only on LSPProtocol (plus SourceText for
/// positions), the way `PlanLintLSP` is meant to use it: it reports every `TODO` as a
/// warning with a quick fix. The tests drive it in-process as an editor would.
actor ToyServer {
    let connection: Connection
    var lifecycle = ServerLifecycle()
    var documents = DocumentStore()
    var encoding = PositionEncoding.utf16

    init(connection: Connection) { self.connection = connection }

    var unit: ColumnUnit {
        switch encoding {
        case .utf8: .utf8
        case .utf16: .utf16
        case .utf32: .codePoint
        }
    }

    /// Runs until `exit`; returns the exit code.
    func run() async -> Int32 {
        connection.start()
        for await event in connection.messages {
            switch event {
            case .request(let request):
                switch lifecycle.receive(request: request.method) {
                case .reject(let error): connection.reply(to: request, error: error)
                case .handle:
                    do {
                        try handle(request)
                    } catch {
                        connection.reply(to: request, error: error)
                    }
                }
            case .notification(let notification):
                switch lifecycle.receive(notification: notification.method) {
                case .exit(let code): return code
                case .drop: break
                case .handle:
                    do {
                        try handle(notification)
                    } catch {
                        connection.send(LSP.logMessage, .init(type: .error, message: "\(error)"))
                    }
                }
            case .problem(let problem):
                connection.send(LSP.logMessage, .init(type: .warning, message: problem.description))
            }
        }
        return 1 // the client went away without `exit`
    }

    func handle(_ request: JSONRPC.Request) throws(JSONRPC.ResponseError) {
        switch request.method {
        case LSP.initialize.method:
            let params = try request.params(LSP.initialize)
            encoding = params.positionEncoding
            connection.reply(to: request, result: LSP.InitializeResult(
                capabilities: .init(
                    positionEncoding: encoding,
                    textDocumentSync: .init(openClose: true, change: .incremental, save: .init(includeText: false)),
                    codeActionProvider: .init(codeActionKinds: [.quickFix])),
                serverInfo: .init(name: "toy", version: "1")))
        case LSP.shutdown.method:
            connection.reply(to: request, result: JSONRPC.Null())
        case LSP.codeAction.method:
            let params = try request.params(LSP.codeAction)
            let actions = params.context.diagnostics.filter { $0.code == "todo" }.map { d in
                LSP.CodeAction(title: "TODO を DONE にする", kind: .quickFix, diagnostics: [d], isPreferred: true,
                               edit: .init(changes: [params.textDocument.uri: [.init(range: d.range, newText: "DONE")]]))
            }
            connection.reply(to: request, result: actions)
        default:
            connection.reply(to: request, error: .methodNotFound(request.method))
        }
    }

    func handle(_ notification: JSONRPC.Notification) throws {
        switch notification.method {
        case LSP.didOpen.method:
            let doc = documents.open(try notification.params(LSP.didOpen).textDocument)
            publish(doc)
        case LSP.didChange.method:
            let unit = self.unit
            let doc = try documents.change(try notification.params(LSP.didChange)) { text, position in
                SourceFile(path: "", bytes: text).offset(line: position.line, column: position.character, unit: unit)
            }
            publish(doc)
        case LSP.didClose.method:
            let doc = try documents.close(try notification.params(LSP.didClose).textDocument.uri)
            connection.send(LSP.publishDiagnostics, .init(uri: doc.uri, diagnostics: []))
        default:
            break // `initialized`, `$/…` and unknown notifications are ignored.
        }
    }

    func publish(_ doc: DocumentStore.Document) {
        let file = SourceFile(path: doc.uri, bytes: doc.bytes)
        var diagnostics: [LSP.Diagnostic] = []
        var from = doc.bytes.startIndex
        let needle = Array("TODO".utf8)
        while let hit = doc.bytes[from...].firstRange(of: needle) {
            diagnostics.append(LSP.Diagnostic(
                range: .init(start: position(file, hit.lowerBound), end: position(file, hit.upperBound)),
                severity: .warning, code: "todo", source: "toy", message: "TODO が残っています"))
            from = hit.upperBound
        }
        connection.send(LSP.publishDiagnostics, .init(uri: doc.uri, version: doc.version, diagnostics: diagnostics))
    }

    func position(_ file: SourceFile, _ offset: Int) -> LSP.Position {
        let loc = file.location(of: offset)
        let column = switch encoding {
        case .utf8: loc.byteColumn
        case .utf16: loc.utf16Column
        case .utf32: loc.column
        }
        return LSP.Position(line: loc.line - 1, character: column - 1)
    }
}

/// An editor-side view: sends, and collects what the server publishes.
struct TestClient {
    let connection: Connection
    var events: AsyncStream<Connection.Event>.Iterator

    init(_ connection: Connection) {
        self.connection = connection
        events = connection.messages.makeAsyncIterator()
        connection.start()
    }

    /// The next `publishDiagnostics` (skipping log messages).
    mutating func nextDiagnostics() async throws -> LSP.PublishDiagnosticsParams? {
        while let event = await events.next() {
            if case .notification(let n) = event, n.method == LSP.publishDiagnostics.method {
                return try n.params(LSP.publishDiagnostics)
            }
        }
        return nil
    }
}

@Suite(.timeLimit(.minutes(1))) struct ExampleServerTests {
    let uri = FileURI.uri(fromPath: "/w/計画.yaml")
    let text = "計画: 🍣 TODO\n  予算: 100 # TODO 確認\n"

    func start() -> (ToyServer, Task<Int32, Never>, TestClient) {
        let (a, b) = InMemoryTransport.pair()
        let server = ToyServer(connection: Connection(transport: a))
        let task = Task { await server.run() }
        return (server, task, TestClient(Connection(transport: b)))
    }

    @Test(arguments: [
        // Offered encodings, then the two TODO ranges in the negotiated units.
        // Line 0: 計 画 : ␠ 🍣 ␠ TODO — UTF-16: 1+1+1+1+2+1 = 7; UTF-8: 3+3+1+1+4+1 = 13.
        // Line 1: ␠␠予算: 100 # TODO — UTF-16: 2+2+1+1+3+1+1+1 = 12; UTF-8: 2+6+1+1+3+1+1+1 = 16.
        (nil as [String]?, PositionEncoding.utf16, [(0, 7, 11), (1, 12, 16)]),
        (["utf-8", "utf-16"], .utf8, [(0, 13, 17), (1, 16, 20)]),
    ] as [([String]?, PositionEncoding, [(Int, Int, Int)])])
    func openChangeFixClose(offered: [String]?, encoding: PositionEncoding, todos: [(Int, Int, Int)]) async throws {
        let (_, task, c) = start()
        var client = c
        let initialized = try await client.connection.send(LSP.initialize, .init(
            processId: 1, capabilities: .init(general: offered.map { .init(positionEncodings: $0) })))
        #expect(initialized.capabilities.positionEncoding == encoding)
        #expect(initialized.capabilities.textDocumentSync?.change == .incremental)
        client.connection.send(LSP.initialized, .init())

        client.connection.send(LSP.didOpen, .init(textDocument: .init(uri: uri, languageId: "yaml", version: 1, text: text)))
        let opened = try #require(try await client.nextDiagnostics())
        #expect(opened.uri == uri)
        #expect(opened.version == 1)
        #expect(opened.diagnostics.map { [$0.range.start.line, $0.range.start.character, $0.range.end.character] }
            == todos.map { [$0.0, $0.1, $0.2] })

        // The editor asks for fixes of the first finding and applies the edit it got.
        let first = opened.diagnostics[0]
        let actions = try await client.connection.send(LSP.codeAction, .init(
            textDocument: .init(uri: uri), range: first.range, context: .init(diagnostics: [first])))
        let edit = try #require(actions?.first?.edit?.changes?[uri]?.first)
        #expect(edit.range == first.range)
        client.connection.send(LSP.didChange, .init(
            textDocument: .init(uri: uri, version: 2),
            contentChanges: [.init(range: edit.range, text: edit.newText)]))
        let changed = try #require(try await client.nextDiagnostics())
        #expect(changed.version == 2)
        #expect(changed.diagnostics.count == 1)
        #expect(changed.diagnostics.first?.range.start == .init(line: todos[1].0, character: todos[1].1))

        // Typing over the second TODO with Japanese text and an emoji clears it.
        let second = changed.diagnostics[0].range
        client.connection.send(LSP.didChange, .init(
            textDocument: .init(uri: uri, version: 3), contentChanges: [.init(range: second, text: "済み✅")]))
        let cleared = try #require(try await client.nextDiagnostics())
        #expect(cleared.version == 3)
        #expect(cleared.diagnostics.isEmpty)

        client.connection.send(LSP.didClose, .init(textDocument: .init(uri: uri)))
        let closed = try #require(try await client.nextDiagnostics())
        #expect(closed == .init(uri: uri, diagnostics: []))

        _ = try await client.connection.send(LSP.shutdown, JSONRPC.Null())
        client.connection.send(LSP.exit, JSONRPC.Null())
        #expect(await task.value == 0)
    }

    @Test func requestsBeforeInitializeAndAfterShutdown() async throws {
        let (_, task, client) = start()
        await #expect(throws: JSONRPC.ResponseError.serverNotInitialized) {
            try await client.connection.send(LSP.codeAction, .init(
                textDocument: .init(uri: uri), range: .init(line: 0, character: 0, toLine: 0, character: 0),
                context: .init(diagnostics: [])))
        }
        _ = try await client.connection.send(LSP.initialize, .init())
        await #expect(throws: JSONRPC.ResponseError.methodNotFound("textDocument/hover")) {
            try await client.connection.send(LSP.hover, .init(textDocument: .init(uri: uri), position: .init(line: 0, character: 0)))
        }
        _ = try await client.connection.send(LSP.shutdown, JSONRPC.Null())
        await #expect(throws: JSONRPC.ResponseError.self) {
            try await client.connection.send(LSP.shutdown, JSONRPC.Null())
        }
        client.connection.send(LSP.exit, JSONRPC.Null())
        #expect(await task.value == 0)
    }

    @Test func exitWithoutShutdownAndAVanishingClient() async throws {
        let (_, task, client) = start()
        _ = try await client.connection.send(LSP.initialize, .init())
        client.connection.send(LSP.exit, JSONRPC.Null())
        #expect(await task.value == 1)

        let (_, task2, client2) = start()
        _ = try await client2.connection.send(LSP.initialize, .init())
        client2.connection.close()
        #expect(await task2.value == 1)
    }
}
