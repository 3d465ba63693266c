import Foundation
import Guarded
import Testing

@testable import LSPProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The other end of an in-memory transport, seen as raw message bodies.
final class RawPeer: Sendable {
    let transport: InMemoryTransport
    let bodies: AsyncStream<TransportEvent>

    init(_ transport: InMemoryTransport) {
        self.transport = transport
        let (stream, continuation) = AsyncStream.makeStream(of: TransportEvent.self)
        bodies = stream
        transport.start { event in
            continuation.yield(event)
            if case .closed = event { continuation.finish() }
        }
    }

    func send(_ body: String) throws {
        try transport.send(Array(body.utf8))
    }

    /// The next message body as JSON (nil at the end).
    func next(_ iterator: inout AsyncStream<TransportEvent>.Iterator) async throws -> JSONValue? {
        while let event = await iterator.next() {
            if case .message(let body) = event { return try json(body) }
        }
        return nil
    }
}

/// A server and a client on an in-memory pair, both started, the server running
/// `runEchoServer`.
func startEchoPair() -> (server: Connection, client: Connection, loop: Task<Void, Never>) {
    let (a, b) = InMemoryTransport.pair()
    let server = Connection(transport: a)
    let client = Connection(transport: b)
    server.start()
    client.start()
    return (server, client, runEchoServer(server))
}

/// A tiny server loop for the tests: answers `initialize`, echoes `test/echo`, records
/// notifications, and reports problems.
func runEchoServer(_ connection: Connection, notifications: Guarded<[String]>? = nil, problems: Guarded<[String]>? = nil) -> Task<Void, Never> {
    Task {
        for await event in connection.messages {
            switch event {
            case .request(let request):
                switch request.method {
                case LSP.initialize.method:
                    do throws(JSONRPC.ResponseError) {
                        let params = try request.params(LSP.initialize)
                        connection.reply(to: request, result: LSP.InitializeResult(
                            capabilities: .init(positionEncoding: params.positionEncoding),
                            serverInfo: .init(name: "echo")))
                    } catch {
                        connection.reply(to: request, error: error)
                    }
                case "test/echo":
                    connection.reply(to: request, result: request.rawParams ?? .null)
                default:
                    connection.reply(to: request, error: .methodNotFound(request.method))
                }
            case .notification(let n):
                notifications?.withLock { $0.append("\(n.method) \(n.rawParams?.description ?? "-")") }
            case .problem(let p):
                problems?.withLock { $0.append(p.description) }
            }
        }
    }
}

@Suite(.timeLimit(.minutes(1))) struct ConnectionTests {
    @Test func requestsGetTheirResults() async throws {
        let (a, b) = InMemoryTransport.pair()
        let server = Connection(transport: a)
        let client = Connection(transport: b)
        server.start()
        client.start()
        let loop = runEchoServer(server)

        let result = try await client.send(LSP.initialize, LSP.InitializeParams(
            capabilities: .init(general: .init(positionEncodings: ["utf-16", "utf-8"]))))
        #expect(result == LSP.InitializeResult(capabilities: .init(positionEncoding: .utf8), serverInfo: .init(name: "echo")))

        // Many requests at once: each response reaches its own caller.
        let results: [Int: JSONValue] = try await withThrowingTaskGroup(of: (Int, JSONValue).self) { group in
            for i in 0..<50 {
                group.addTask {
                    let params: JSONValue = ["n": .integer(i), "s": .string("第\(i)")]
                    let result = try await client.sendRequest(method: "test/echo", params: params, resultType: JSONValue.self)
                    return (i, result)
                }
            }
            var all: [Int: JSONValue] = [:]
            for try await (i, value) in group { all[i] = value }
            return all
        }
        for i in 0..<50 {
            let expected: JSONValue = ["n": .integer(i), "s": .string("第\(i)")]
            #expect(results[i] == expected)
        }

        await #expect(throws: JSONRPC.ResponseError.methodNotFound("no/such")) {
            try await client.sendRequest(method: "no/such", params: JSONRPC.Null(), resultType: JSONValue.self)
        }
        await #expect(throws: JSONRPC.ResponseError.self) {
            // Wrong params shape: the server answers InvalidParams.
            try await client.sendRequest(method: "initialize", params: ["capabilities": 5] as JSONValue, resultType: JSONValue.self)
        }
        client.close()
        await loop.value
        #expect(server.closeReason == .endOfInput)
        #expect(client.closeReason == .closedLocally)
    }

    @Test func notificationsArriveInOrder() async throws {
        let (a, b) = InMemoryTransport.pair()
        let server = Connection(transport: a)
        let client = Connection(transport: b)
        let seen = Guarded<[String]>([])
        let loop = runEchoServer(server, notifications: seen)
        server.start()
        client.start()
        for v in 1...200 {
            client.send(LSP.didChange, .init(textDocument: .init(uri: "file:///a", version: v), contentChanges: [.init(text: "\(v)")]))
        }
        client.send(LSP.exit, JSONRPC.Null())
        client.close()
        await loop.value
        let got = seen.withLock { $0 }
        #expect(got.count == 201)
        #expect(got.first == #"textDocument/didChange {"contentChanges":[{"text":"1"}],"textDocument":{"uri":"file:///a","version":1}}"#)
        #expect(got.dropLast().enumerated().allSatisfy { $1.contains(#""version":\#($0 + 1)}"#) })
        #expect(got.last == "exit -")
    }

    @Test func brokenInputIsAnsweredByTheConnection() async throws {
        let (a, b) = InMemoryTransport.pair()
        let server = Connection(transport: a)
        let problems = Guarded<[String]>([])
        let loop = runEchoServer(server, problems: problems)
        server.start()
        let peer = RawPeer(b)
        var replies = peer.bodies.makeAsyncIterator()

        try peer.send(#"{"jsonrpc":"2.0","id":1,"method":"test/echo","params":{"x":1"#)
        #expect(try await peer.next(&replies) == json(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"invalid JSON at byte 60: unexpected end of input inside an object"}}"#))

        try peer.send(#"{"jsonrpc":"2.0","id":"k","method":7}"#)
        #expect(try await peer.next(&replies) == json(#"{"jsonrpc":"2.0","id":"k","error":{"code":-32600,"message":"\"method\" must be a string"}}"#))

        try peer.transport.sendRaw(MessageWriter.frame([0xFF, 0xFE]))
        #expect(try await peer.next(&replies) == json(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"invalid JSON at byte 0: unexpected byte 0xFF; expected a value"}}"#))

        // A broken response is not answered; the next request is.
        try peer.send(#"{"jsonrpc":"2.0","id":5,"result":1,"error":{"code":1,"message":"m"}}"#)
        try peer.send(#"{"jsonrpc":"2.0","id":5,"result":1}"#) // nobody asked
        try peer.send(#"{"jsonrpc":"2.0","id":2,"method":"test/echo","params":[1]}"#)
        #expect(try await peer.next(&replies) == json(#"{"jsonrpc":"2.0","id":2,"result":[1]}"#))

        peer.transport.close()
        await loop.value
        #expect(problems.withLock { $0 } == [
            "invalid message: invalid JSON at byte 60: unexpected end of input inside an object",
            "invalid message: \"method\" must be a string",
            "invalid message: invalid JSON at byte 0: unexpected byte 0xFF; expected a value",
            "invalid message: a response must not have both \"result\" and \"error\"",
            "response to unknown request 5",
        ])
    }

    @Test func oversizedMessagesAreSkippedAndFatalFramingClosesTheConnection() async throws {
        let (a, b) = InMemoryTransport.pair(limits: FramingLimits(maximumContentLength: 100))
        let server = Connection(transport: a)
        let problems = Guarded<[String]>([])
        let loop = runEchoServer(server, problems: problems)
        server.start()
        let peer = RawPeer(b)
        var replies = peer.bodies.makeAsyncIterator()

        try peer.send(#"{"jsonrpc":"2.0","id":1,"method":"test/echo","params":{"text":""# + String(repeating: "長", count: 40) + #""}}"#)
        try peer.send(#"{"jsonrpc":"2.0","id":2,"method":"test/echo","params":["ok"]}"#)
        #expect(try await peer.next(&replies) == json(#"{"jsonrpc":"2.0","id":2,"result":["ok"]}"#))

        try peer.transport.sendRaw(Array("Content-Length: lots\r\n\r\n".utf8))
        await loop.value
        #expect(server.closeReason == .framingError(FramingError(.invalidContentLength("lots"), at: 292)))
        #expect(problems.withLock { $0 } == ["skipped message: message of 186 bytes exceeds the limit of 100 bytes; it was skipped (at byte 0 of the stream)"])
    }

    @Test func repliesAreSentOnce() async throws {
        let (a, b) = InMemoryTransport.pair()
        let server = Connection(transport: a)
        server.start()
        let peer = RawPeer(b)
        var replies = peer.bodies.makeAsyncIterator()
        try peer.send(#"{"jsonrpc":"2.0","id":9,"method":"x"}"#)
        var iterator = server.messages.makeAsyncIterator()
        guard case .request(let request) = await iterator.next() else { Issue.record("no request"); return }
        #expect(server.reply(to: request, result: "first"))
        #expect(!server.reply(to: request, result: "second"))
        #expect(!server.reply(to: request, error: .internalError("third")))
        #expect(!server.reply(to: .number(10), result: "never asked"))
        #expect(try await peer.next(&replies) == json(#"{"jsonrpc":"2.0","id":9,"result":"first"}"#))
        server.close()
        #expect(try await peer.next(&replies) == nil) // nothing else was sent
    }

    @Test func serverToClientRequests() async throws {
        let (a, b) = InMemoryTransport.pair()
        let server = Connection(transport: a)
        let client = Connection(transport: b)
        server.start()
        client.start()
        // The client accepts the first registration and refuses the second.
        let clientLoop = Task {
            var count = 0
            for await event in client.messages {
                guard case .request(let r) = event, r.method == LSP.registerCapability.method else { continue }
                count += 1
                let params = try r.params(LSP.registerCapability)
                if count == 1 {
                    #expect(params.registrations.map(\.method) == ["workspace/didChangeWatchedFiles"])
                    client.reply(to: r, result: JSONRPC.Null())
                } else {
                    client.reply(to: r, error: .init(code: .requestFailed, message: "no more watchers"))
                }
            }
        }
        let registration = LSP.RegistrationParams(registrations: [.watchedFiles(id: "w", watchers: [.init(globPattern: "**/*.yaml")])])
        let ok = try await server.send(LSP.registerCapability, registration)
        #expect(ok == JSONRPC.Null())
        await #expect(throws: JSONRPC.ResponseError(code: .requestFailed, message: "no more watchers")) {
            try await server.send(LSP.registerCapability, registration)
        }
        client.close()
        try await clientLoop.value
    }

    @Test func cancellingAWaitingRequestTellsThePeer() async throws {
        let (a, b) = InMemoryTransport.pair()
        let server = Connection(transport: a)
        server.start()
        let peer = RawPeer(b)
        var received = peer.bodies.makeAsyncIterator()
        let waiting = Task {
            try await server.sendRequest(method: "client/slow", params: JSONRPC.Null(), resultType: JSONValue.self)
        }
        #expect(try await peer.next(&received) == json(#"{"jsonrpc":"2.0","id":1,"method":"client/slow"}"#))
        waiting.cancel()
        await #expect(throws: JSONRPC.ResponseError.requestCancelled) { try await waiting.value }
        #expect(try await peer.next(&received) == json(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#))
        // A late answer is reported, not delivered to anyone.
        try peer.send(#"{"jsonrpc":"2.0","id":1,"result":null}"#)
        var events = server.messages.makeAsyncIterator()
        guard case .problem(let p) = await events.next() else { Issue.record("no problem reported"); return }
        #expect(p.description == "response to unknown request 1")
        server.close()
    }

    @Test func closingFailsWaitingRequests() async throws {
        let (a, b) = InMemoryTransport.pair()
        let server = Connection(transport: a)
        server.start()
        let peer = RawPeer(b)
        var received = peer.bodies.makeAsyncIterator()
        let waiting = Task {
            try await server.sendRequest(method: "client/never", params: JSONRPC.Null(), resultType: JSONValue.self)
        }
        _ = try await peer.next(&received)
        peer.transport.close()
        await #expect(throws: JSONRPC.ResponseError.internalError("the connection closed (the client closed the connection) before the response arrived")) {
            try await waiting.value
        }
        for await _ in server.messages {}
        #expect(server.closeReason == .endOfInput)
        // Sending on a closed connection is harmless, and asking fails at once.
        server.send(LSP.logMessage, .init(type: .info, message: "too late"))
        await #expect(throws: JSONRPC.ResponseError.self) {
            try await server.sendRequest(method: "x", params: JSONRPC.Null(), resultType: JSONValue.self)
        }
    }

    @Test func concurrentSendersNeverInterleaveFrames() async throws {
        let (a, b) = InMemoryTransport.pair()
        let server = Connection(transport: a)
        server.start()
        let peer = RawPeer(b)
        let text = String(repeating: "並行", count: 2000)
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<64 {
                group.addTask {
                    server.send(LSP.logMessage, .init(type: .log, message: "\(i) \(text)"))
                }
            }
        }
        server.close()
        var seen = Set<Int>()
        for await event in peer.bodies {
            guard case .message(let body) = event else { continue }
            let message = try json(body)["params"]?["message"]?.stringValue ?? ""
            let parts = message.split(separator: " ", maxSplits: 1)
            #expect(parts.count == 2 && parts[1] == text[...])
            if let n = Int(parts[0]) { seen.insert(n) }
        }
        #expect(seen == Set(0..<64))
    }

    @Test func closedConnectionsAreReleased() async throws {
        weak var weakServer: Connection?
        weak var weakClient: Connection?
        do {
            let (server, client, loop) = startEchoPair()
            weakServer = server
            weakClient = client
            _ = try await client.sendRequest(method: "test/echo", params: JSONRPC.Null(), resultType: JSONValue.self)
            client.close()
            await loop.value
        }
        #expect(weakServer == nil)
        #expect(weakClient == nil)
    }

    @Test func fileDescriptorTransportOverPipes() async throws {
        var toServer: [Int32] = [0, 0]
        var fromServer: [Int32] = [0, 0]
        #expect(pipe(&toServer) == 0)
        #expect(pipe(&fromServer) == 0)
        defer {
            close(toServer[0])
            close(fromServer[0])
            close(fromServer[1])
        }
        let server = Connection(transport: FileDescriptorTransport(input: toServer[0], output: fromServer[1]))
        let loop = runEchoServer(server)
        server.start()

        // Two requests, written in awkward pieces: a header split mid-line, a body split
        // inside a multi-byte character, and the second message in the same write as the
        // end of the first.
        let first = framed(#"{"jsonrpc":"2.0","id":1,"method":"test/echo","params":["計画"]}"#)
        let second = framed(#"{"jsonrpc":"2.0","id":2,"method":"test/echo","params":[2]}"#)
        let stream = first + second
        let cuts = [7, 30, first.count - 2, stream.count]
        var start = 0
        for cut in cuts {
            let piece = Array(stream[start..<cut])
            #expect(piece.withUnsafeBytes { write(toServer[1], $0.baseAddress, $0.count) } == piece.count)
            start = cut
            try await Task.sleep(for: .milliseconds(5))
        }
        close(toServer[1]) // end of input after the two requests

        let replyFD = fromServer[0]
        let replies = await Task.detached { readAllMessages(replyFD, expecting: 2) }.value
        #expect(replies.count == 2)
        #expect(try replies.map { try json($0) } == [
            json(#"{"jsonrpc":"2.0","id":1,"result":["計画"]}"#),
            json(#"{"jsonrpc":"2.0","id":2,"result":[2]}"#),
        ])
        await loop.value
        #expect(server.closeReason == .endOfInput)
    }
}

extension ConnectionTests {
    @Test func aVanishedClientClosesTheConnectionInsteadOfKillingTheProcess() async throws {
        var toServer: [Int32] = [0, 0]
        var fromServer: [Int32] = [0, 0]
        #expect(pipe(&toServer) == 0)
        #expect(pipe(&fromServer) == 0)
        close(fromServer[0]) // nobody will ever read what the server writes
        defer {
            close(toServer[0])
            close(toServer[1])
            close(fromServer[1])
        }
        // Writing to a pipe without a reader raises SIGPIPE, which kills the test process
        // (signal 13) unless the transport made it ignored.
        let server = Connection(transport: FileDescriptorTransport(input: toServer[0], output: fromServer[1]))
        server.start()
        server.send(LSP.logMessage, .init(type: .info, message: "hello?"))
        for await _ in server.messages {}
        guard case .writeFailed(let message) = server.closeReason else {
            Issue.record("closed for another reason: \(String(describing: server.closeReason))")
            return
        }
        #expect(message.contains("writing failed"))
    }

    @Test func fatalFramingOnAFileDescriptorEndsTheStream() async throws {
        var toServer: [Int32] = [0, 0]
        var fromServer: [Int32] = [0, 0]
        #expect(pipe(&toServer) == 0)
        #expect(pipe(&fromServer) == 0)
        defer {
            close(toServer[0])
            close(toServer[1])
            close(fromServer[0])
            close(fromServer[1])
        }
        let server = Connection(transport: FileDescriptorTransport(input: toServer[0], output: fromServer[1]))
        server.start()
        let first = framed(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        let bytes = first + Array("Content-Length: -1\r\n\r\n".utf8)
        #expect(bytes.withUnsafeBytes { write(toServer[1], $0.baseAddress, $0.count) } == bytes.count)
        var methods: [String] = []
        for await event in server.messages {
            if case .notification(let n) = event { methods.append(n.method) }
        }
        #expect(methods == ["initialized"])
        #expect(server.closeReason == .framingError(FramingError(.invalidContentLength("-1"), at: first.count)))
    }
}

/// Reads framed messages from `fd` until `count` arrived or the input ends.
func readAllMessages(_ fd: Int32, expecting count: Int) -> [[UInt8]] {
    var reader = MessageReader()
    var messages: [[UInt8]] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while messages.count < count {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n <= 0 { break }
        reader.append(buffer[0..<n])
        while let m = try? reader.next() { messages.append(m) }
    }
    return messages
}
