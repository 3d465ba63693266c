/// The LSP 3.17 rules for the life of a server, as a small state machine the server loop
/// consults before dispatching each message.
///
/// - Before `initialize`: requests get `ServerNotInitialized` (-32002); notifications
///   are dropped, except `exit`.
/// - `initialize` is accepted once; a second one gets `InvalidRequest`.
/// - After `shutdown`: requests get `InvalidRequest`; notifications other than `exit`
///   are dropped.
/// - `exit` ends the process with 0 if `shutdown` came first, else 1.
///
/// ```swift
/// switch lifecycle.receive(request: request.method) {
/// case .handle: dispatch(request)
/// case .reject(let error): connection.reply(to: request, error: error)
/// }
/// ```
package struct ServerLifecycle: Sendable, Hashable {
    /// Where the server is in its life.
    package enum State: Sendable, Hashable {
        /// Waiting for `initialize`.
        case uninitialized
        /// `initialize` was received: the normal state.
        case running
        /// `shutdown` was received: waiting for `exit`.
        case shutDown
    }

    /// What to do with a request.
    package enum RequestVerdict: Sendable, Hashable {
        case handle
        /// Answer with this error, without handling.
        case reject(JSONRPC.ResponseError)
    }

    /// What to do with a notification.
    package enum NotificationVerdict: Sendable, Hashable {
        case handle
        /// Ignore it.
        case drop
        /// Stop the process with this exit code.
        case exit(code: Int32)
    }

    /// The current state; changed only by the `receive` methods.
    package private(set) var state = State.uninitialized

    package init() {}

    /// What to do with a request, and the state it leads to.
    package mutating func receive(request method: String) -> RequestVerdict {
        switch (state, method) {
        case (.uninitialized, LSP.initialize.method):
            state = .running
            return .handle
        case (.uninitialized, _):
            return .reject(.serverNotInitialized)
        case (.running, LSP.initialize.method):
            return .reject(.invalidRequest("initialize may be sent only once"))
        case (.running, LSP.shutdown.method):
            state = .shutDown
            return .handle
        case (.running, _):
            return .handle
        case (.shutDown, _):
            return .reject(.invalidRequest("the server is shutting down; only exit is accepted"))
        }
    }

    /// What to do with a notification.
    package mutating func receive(notification method: String) -> NotificationVerdict {
        if method == LSP.exit.method {
            return .exit(code: state == .shutDown ? 0 : 1)
        }
        return state == .running ? .handle : .drop
    }

    /// Call when the `initialize` handler answered with an error: the client may try again.
    package mutating func initializeFailed() {
        if state == .running { state = .uninitialized }
    }
}
