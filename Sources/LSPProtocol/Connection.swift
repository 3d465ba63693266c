#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif
import Guarded

/// A JSON-RPC connection over a ``MessageTransport``: what a server (or a test client)
/// talks to.
///
/// Incoming requests and notifications arrive, in order, on ``messages``. Responses to
/// requests this side sent are matched to their ``send(_:_:)`` calls and never appear
/// there. Broken input is answered by the connection itself (`ParseError`,
/// `InvalidRequest`) and shown on the stream as ``Event/problem(_:)`` for logging.
///
/// Sending is synchronous, thread-safe and never throws: when the peer has gone away the
/// connection closes and the stream ends, which is what the server loop reacts to. The end
/// of the input is not the end of the output: after ``closeReason`` becomes
/// ``TransportCloseReason/endOfInput`` (the client closed our stdin, as in `planlint lsp <
/// requests`), replies and notifications are still written until writing fails or
/// ``close()`` is called.
///
/// Dropping the last reference to a connection closes it.
///
/// ```swift
/// let connection = Connection(transport: FileDescriptorTransport())
/// connection.start()
/// for await event in connection.messages {
///     switch event {
///     case .request(let request):
///         switch request.method {
///         case LSP.initialize.method:
///             let params = try request.params(LSP.initialize)
///             connection.reply(to: request, result: LSP.InitializeResult(…))
///         default:
///             connection.reply(to: request, error: .methodNotFound(request.method))
///         }
///     case .notification(let notification): …
///     case .problem(let problem): log(problem)
///     }
/// }
/// ```
package final class Connection: Sendable {
    /// What arrives on ``messages``.
    package enum Event: Sendable {
        /// Must be answered exactly once with ``reply(to:result:)`` or ``reply(to:error:)``.
        case request(JSONRPC.Request)
        case notification(JSONRPC.Notification)
        /// Something went wrong that the connection already handled; for the log.
        case problem(Problem)
    }

    /// A handled problem with the input.
    package enum Problem: Sendable, CustomStringConvertible {
        /// A body that is not a valid message; `answered` is true when an error response
        /// was sent (it is not sent for a broken *response*).
        case invalidMessage(JSONRPC.InvalidMessage, answered: Bool)
        /// A message skipped by the framing (too large, wrong charset).
        case skippedMessage(FramingError)
        /// A response whose id matches no request this side is waiting for.
        case unexpectedResponse(JSONRPC.RequestID?)

        package var description: String {
            switch self {
            case .invalidMessage(let m, _): "invalid message: \(m.error.message)"
            case .skippedMessage(let e): "skipped message: \(e)"
            case .unexpectedResponse(let id): "response to unknown request \(id.map { "\($0)" } ?? "null")"
            }
        }
    }

    /// Incoming requests, notifications and problems. Ends when the connection closes
    /// (see ``closeReason``). Read it from one task.
    package let messages: AsyncStream<Event>

    private let transport: any MessageTransport
    private let continuation: AsyncStream<Event>.Continuation
    private let state = Guarded(State())

    private typealias ResponseContinuation = CheckedContinuation<Result<JSONRPC.Response, JSONRPC.ResponseError>, Never>

    private struct State {
        var started = false
        var closeReason: TransportCloseReason?
        var nextID = 1
        /// Requests this side sent, waiting for their response.
        var waiting: [JSONRPC.RequestID: ResponseContinuation] = [:]
        /// Requests received and not answered yet.
        var unanswered: Set<JSONRPC.RequestID> = []
    }

    /// A connection over `transport`; nothing is read until ``start()``.
    package init(transport: any MessageTransport) {
        self.transport = transport
        (messages, continuation) = AsyncStream.makeStream(of: Event.self)
    }

    /// Starts reading from the transport. Call once, after setting up the reader of
    /// ``messages`` or before (events are buffered).
    package func start() {
        let first = state.withLock { s -> Bool in
            defer { s.started = true }
            return !s.started
        }
        guard first else { return }
        // Weakly: the transport keeps its handler until it closes, and a connection that is
        // simply dropped (a server that returned after `exit`, a finished test) must not be
        // kept alive by its own transport. `deinit` closes the transport instead.
        transport.start { [weak self] event in self?.receive(event) }
    }

    deinit {
        continuation.finish()
        transport.close()
    }

    /// Why the connection closed, or nil while it is open.
    package var closeReason: TransportCloseReason? {
        state.withLock { $0.closeReason }
    }

    /// Closes the connection: the transport stops, ``messages`` ends, requests waiting for
    /// a response fail.
    package func close() {
        finish(.closedLocally)
        transport.close()
    }

    // MARK: - Sending

    /// Answers `request` with a result. Answers to a request already answered are dropped
    /// (and the return value is false): JSON-RPC allows exactly one response.
    @discardableResult
    package func reply<R: Encodable>(to request: JSONRPC.Request, result: R) -> Bool {
        reply(to: request.id, result: result)
    }

    /// Answers `request` with an error (see ``reply(to:result:)``).
    @discardableResult
    package func reply(to request: JSONRPC.Request, error: JSONRPC.ResponseError) -> Bool {
        reply(to: request.id, error: error)
    }

    /// Answers the request with this id with a result (see ``reply(to:result:)``).
    @discardableResult
    package func reply<R: Encodable>(to id: JSONRPC.RequestID, result: R) -> Bool {
        guard claim(id) else { return false }
        do {
            write(try JSONRPC.encodeResponse(id: id, result: result))
        } catch {
            write(JSONRPC.encodeError(id: id, error: .internalError("the result could not be encoded: \(error)")))
        }
        return true
    }

    /// Answers the request with this id with an error (see ``reply(to:result:)``).
    @discardableResult
    package func reply(to id: JSONRPC.RequestID, error: JSONRPC.ResponseError) -> Bool {
        guard claim(id) else { return false }
        write(JSONRPC.encodeError(id: id, error: error))
        return true
    }

    /// Sends a notification.
    package func send<P>(_ notification: NotificationType<P>, _ params: P) {
        sendNotification(method: notification.method, params: params)
    }

    /// Sends a notification by name.
    package func sendNotification(method: String, params: some Encodable) {
        if let body = try? JSONRPC.encodeNotification(method: method, params: params) { write(body) }
    }

    /// A notification encoded ahead of sending: a large one (a plan's thousand findings) is
    /// encoded where it was computed, and only written by whoever decides to send it.
    package struct EncodedNotification: Sendable {
        fileprivate let body: [UInt8]
    }

    /// Encodes a notification for ``send(_:)-(EncodedNotification)``; nil if its params do not
    /// encode.
    package static func encode<P>(_ notification: NotificationType<P>, _ params: P) -> EncodedNotification? {
        (try? JSONRPC.encodeNotification(method: notification.method, params: params)).map(EncodedNotification.init)
    }

    /// Sends a notification encoded beforehand.
    package func send(_ notification: EncodedNotification) {
        write(notification.body)
    }

    /// Sends a request and waits for its result.
    ///
    /// Throws the peer's error; `requestCancelled` if the calling task is cancelled (the
    /// peer is then sent `$/cancelRequest`); `internalError` if the connection closes
    /// first or the result does not decode as `R`.
    package func send<P, R>(_ request: RequestType<P, R>, _ params: P) async throws(JSONRPC.ResponseError) -> R {
        try await sendRequest(method: request.method, params: params, resultType: R.self)
    }

    /// Sends a request by name and waits for its result (see ``send(_:_:)``).
    package func sendRequest<P: Encodable & Sendable, R: Decodable>(
        method: String, params: P, resultType: R.Type
    ) async throws(JSONRPC.ResponseError) -> R {
        let id = state.withLock { s -> JSONRPC.RequestID in
            defer { s.nextID += 1 }
            return .number(s.nextID)
        }
        let body: [UInt8]
        do {
            body = try JSONRPC.encodeRequest(id: id, method: method, params: params)
        } catch {
            throw .internalError("the params of \(method) could not be encoded: \(error)")
        }
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: ResponseContinuation) in
                let closed = state.withLock { s -> TransportCloseReason? in
                    if s.closeReason == nil { s.waiting[id] = continuation }
                    return s.closeReason
                }
                if let closed {
                    continuation.resume(returning: .failure(.internalError("the connection is closed (\(closed))")))
                } else if Task.isCancelled {
                    cancelWaiting(id)
                } else {
                    write(body)
                }
            }
        } onCancel: {
            cancelWaiting(id)
        }
        switch outcome {
        case .failure(let error): throw error
        case .success(let response):
            do {
                return try response.result(as: R.self)
            } catch where error.code == .invalidParams {
                throw .internalError(error.message)
            }
        }
    }

    private func cancelWaiting(_ id: JSONRPC.RequestID) {
        let continuation = state.withLock { $0.waiting.removeValue(forKey: id) }
        guard let continuation else { return }
        continuation.resume(returning: .failure(.requestCancelled))
        send(LSP.cancelRequest, LSP.CancelParams(id: id))
    }

    /// Marks `id` answered; false if it was not waiting for an answer.
    private func claim(_ id: JSONRPC.RequestID) -> Bool {
        state.withLock { $0.unanswered.remove(id) != nil }
    }

    private func write(_ body: [UInt8]) {
        do {
            try transport.send(body)
        } catch {
            finish(.writeFailed(error.message))
            transport.close()
        }
    }

    // MARK: - Receiving

    private func receive(_ event: TransportEvent) {
        switch event {
        case .message(let body):
            handle(JSONRPC.parse(body))
        case .skipped(let error):
            continuation.yield(.problem(.skippedMessage(error)))
        case .closed(let reason):
            finish(reason)
        }
    }

    private func handle(_ message: JSONRPC.Message) {
        switch message {
        case .request(let request):
            state.withLock { _ = $0.unanswered.insert(request.id) }
            continuation.yield(.request(request))
        case .notification(let notification):
            continuation.yield(.notification(notification))
        case .response(let response):
            let waiter = response.id.flatMap { id in state.withLock { $0.waiting.removeValue(forKey: id) } }
            if let waiter {
                waiter.resume(returning: .success(response))
            } else {
                continuation.yield(.problem(.unexpectedResponse(response.id)))
            }
        case .invalid(let invalid):
            if !invalid.isResponse {
                write(JSONRPC.encodeError(id: invalid.id, error: invalid.error))
            }
            continuation.yield(.problem(.invalidMessage(invalid, answered: !invalid.isResponse)))
        }
    }

    private func finish(_ reason: TransportCloseReason) {
        let waiting = state.withLock { s -> [ResponseContinuation] in
            guard s.closeReason == nil else { return [] }
            s.closeReason = reason
            defer { s.waiting = [:] }
            return Array(s.waiting.values)
        }
        for w in waiting {
            w.resume(returning: .failure(.internalError("the connection closed (\(reason)) before the response arrived")))
        }
        continuation.finish()
    }
}
