import Foundation
import Testing

@testable import LSPProtocol
@testable import PlanLintLSP

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A client may close the server's input right after its last message (a script piping a
/// file of requests: `planlint lsp < requests`) and still expect every reply: the end of
/// the input is not the end of the output.
@Suite(.timeLimit(.minutes(1))) struct EndOfInputTests {
    /// Two pipes: the client writes `input` and closes it before the server even starts.
    struct Pipes {
        let serverInput: Int32
        let serverOutput: Int32
        let clientReads: Int32

        init(input: [UInt8]) {
            var toServer: [Int32] = [0, 0]
            var fromServer: [Int32] = [0, 0]
            precondition(pipe(&toServer) == 0 && pipe(&fromServer) == 0)
            precondition(input.count < 60_000, "the test writes the whole input before anyone reads it")
            let written = input.withUnsafeBytes { write(toServer[1], $0.baseAddress, $0.count) }
            precondition(written == input.count)
            close(toServer[1])
            serverInput = toServer[0]
            serverOutput = fromServer[1]
            clientReads = fromServer[0]
        }

        /// Closes the server's ends and reads everything it wrote.
        func finish(expecting count: Int) async -> [[UInt8]] {
            close(serverInput)
            close(serverOutput)
            let fd = clientReads
            defer { close(fd) }
            return await Task.detached { readAllMessages(fd, expecting: count) }.value
        }
    }

    @Test func repliesAfterTheInputEndedAreStillWritten() async throws {
        let pipes = Pipes(input:
            framed(#"{"jsonrpc":"2.0","id":1,"method":"test/echo","params":["一"]}"#)
            + framed(#"{"jsonrpc":"2.0","id":2,"method":"test/echo","params":[2]}"#))
        let server = Connection(transport: FileDescriptorTransport(input: pipes.serverInput, output: pipes.serverOutput))
        server.start()
        // Read everything first, so the input has certainly ended before the first reply.
        var requests: [JSONRPC.Request] = []
        for await event in server.messages {
            if case .request(let r) = event { requests.append(r) }
        }
        #expect(server.closeReason == .endOfInput)
        #expect(requests.count == 2)
        for r in requests { #expect(server.reply(to: r, result: r.rawParams ?? .null)) }
        server.send(LSP.logMessage, .init(type: .info, message: "after the end"))
        #expect(server.closeReason == .endOfInput) // not writeFailed: the writes went through

        let written = await pipes.finish(expecting: 3)
        #expect(try written.map { try json($0) } == [
            json(#"{"jsonrpc":"2.0","id":1,"result":["一"]}"#),
            json(#"{"jsonrpc":"2.0","id":2,"result":[2]}"#),
            json(#"{"jsonrpc":"2.0","method":"window/logMessage","params":{"message":"after the end","type":3}}"#),
        ])
    }

    @Test func closingStillStopsSending() async throws {
        let pipes = Pipes(input: [])
        let transport = FileDescriptorTransport(input: pipes.serverInput, output: pipes.serverOutput)
        let server = Connection(transport: transport)
        server.start()
        for await _ in server.messages {}
        server.close()
        #expect(throws: TransportError.self) { try transport.send(Array("{}".utf8)) }
        #expect(await pipes.finish(expecting: 1).isEmpty)
    }

    /// The whole session of `planlint lsp < session`: every request is answered although
    /// the server reads the end of its input long before it has answered anything.
    @Test func theLanguageServerAnswersAPipedSession() async throws {
        let session = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
            #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nowhere/x.yaml"},"position":{"line":0,"character":0}}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#,
            #"{"jsonrpc":"2.0","method":"exit"}"#,
        ].flatMap { framed($0) }
        let pipes = Pipes(input: session)
        let server = PlanLintServer(connection: Connection(transport: FileDescriptorTransport(input: pipes.serverInput, output: pipes.serverOutput)),
                                    options: .init(cwd: FileManager.default.temporaryDirectory.path))
        #expect(await server.run() == 0)
        let replies = try await pipes.finish(expecting: 100).map { try json($0) }.filter { $0["id"] != nil }
        #expect(replies.map { $0["id"] } == [.integer(1), .integer(2), .integer(3)])
        try #require(replies.count == 3)
        #expect(replies[0]["result"]?["serverInfo"]?["name"] == .string("planlint"))
        #expect(replies[2]["result"] == .null)
    }
}

/// Connections that nobody closes (a server that returned after `exit`, an editor that
/// simply went away) are released: the transport must not keep its connection alive.
@Suite(.timeLimit(.minutes(1))) struct ConnectionLifetimeTests {
    @Test func droppingAConnectionReleasesItAndEndsThePeersInput() async throws {
        weak var weakServer: Connection?
        weak var weakClient: Connection?
        let loop: Task<Void, Never>
        do {
            let (server, client, echo) = startEchoPair()
            weakServer = server
            weakClient = client
            loop = echo
            _ = try await client.sendRequest(method: "test/echo", params: JSONRPC.Null(), resultType: JSONValue.self)
        }
        // The client's transport may still be finishing the delivery of the reply.
        for _ in 0..<200 where weakClient != nil { try await Task.sleep(for: .milliseconds(10)) }
        #expect(weakClient == nil, "the client is kept alive by its own transport")
        weakClient?.close() // only when the line above failed: end the server loop instead of hanging
        await loop.value
        for _ in 0..<200 where weakServer != nil { try await Task.sleep(for: .milliseconds(10)) }
        #expect(weakServer == nil)
    }

    @Test func anInMemoryEndThatNeverStartedCanBeReleased() {
        // libdispatch traps when an inactive queue is released.
        _ = InMemoryTransport.pair()
        let (a, _) = InMemoryTransport.pair()
        _ = Connection(transport: a)
    }
}
