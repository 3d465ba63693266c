import Testing

@testable import LSPProtocol

@Suite struct LifecycleTests {
    @Test func beforeInitialize() {
        var l = ServerLifecycle()
        #expect(l.receive(request: "textDocument/hover") == .reject(.serverNotInitialized))
        #expect(l.receive(request: "shutdown") == .reject(.serverNotInitialized))
        #expect(l.receive(notification: "textDocument/didOpen") == .drop)
        #expect(l.receive(notification: "initialized") == .drop)
        #expect(l.state == .uninitialized)
        #expect(l.receive(notification: "exit") == .exit(code: 1))
    }

    @Test func normalLife() {
        var l = ServerLifecycle()
        #expect(l.receive(request: "initialize") == .handle)
        #expect(l.state == .running)
        #expect(l.receive(notification: "initialized") == .handle)
        #expect(l.receive(request: "initialize") == .reject(.invalidRequest("initialize may be sent only once")))
        #expect(l.receive(request: "textDocument/codeAction") == .handle)
        #expect(l.receive(notification: "textDocument/didChange") == .handle)
        #expect(l.receive(request: "shutdown") == .handle)
        #expect(l.state == .shutDown)
        #expect(l.receive(request: "textDocument/hover") == .reject(.invalidRequest("the server is shutting down; only exit is accepted")))
        #expect(l.receive(request: "shutdown") == .reject(.invalidRequest("the server is shutting down; only exit is accepted")))
        #expect(l.receive(notification: "textDocument/didClose") == .drop)
        #expect(l.receive(notification: "exit") == .exit(code: 0))
    }

    @Test func exitWithoutShutdownFails() {
        var l = ServerLifecycle()
        _ = l.receive(request: "initialize")
        #expect(l.receive(notification: "exit") == .exit(code: 1))
    }

    @Test func aFailedInitializeMayBeRetried() {
        var l = ServerLifecycle()
        _ = l.receive(request: "initialize")
        l.initializeFailed()
        #expect(l.state == .uninitialized)
        #expect(l.receive(request: "initialize") == .handle)
    }
}
