import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif
import Guarded
import SourceText

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a transport reports, in order, from its own thread or queue.
package enum TransportEvent: Sendable {
    /// One complete message body.
    case message([UInt8])
    /// A message was skipped (oversized, unsupported charset); reading continues.
    case skipped(FramingError)
    /// No more events will follow.
    case closed(TransportCloseReason)
}

/// Why a transport stopped delivering.
package enum TransportCloseReason: Sendable, Hashable, CustomStringConvertible {
    /// The peer closed its end at a message boundary.
    case endOfInput
    /// The input ended or broke in a way the framing cannot recover from.
    case framingError(FramingError)
    /// Reading failed (the text of the system error).
    case readFailed(String)
    /// Writing failed: the peer has gone away.
    case writeFailed(String)
    /// `close()` was called on this side (used by ``Connection``; transports do not
    /// report their own close).
    case closedLocally

    package var description: String {
        switch self {
        case .endOfInput: "the client closed the connection"
        case .framingError(let e): "unreadable input: \(e)"
        case .readFailed(let s): "reading failed: \(s)"
        case .writeFailed(let s): "writing failed: \(s)"
        case .closedLocally: "closed locally"
        }
    }
}

/// Writing to the peer failed; the transport is unusable for sending.
package struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    package var message: String
    package init(_ message: String) { self.message = message }
    package var description: String { message }
}

/// Moves framed messages between this process and the peer. ``Connection`` sits on top.
///
/// Implementations deliver events serially and in order, never calling the handler
/// concurrently with itself, and make ``send(_:)`` safe to call from any thread (each
/// body is written whole, never interleaved with another).
package protocol MessageTransport: AnyObject, Sendable {
    /// Starts reading; `handler` receives every event until ``TransportEvent/closed(_:)``.
    /// Called once.
    func start(_ handler: @escaping @Sendable (TransportEvent) -> Void)
    /// Frames `body` and writes it.
    func send(_ body: [UInt8]) throws(TransportError)
    /// Stops sending and delivering: the handler is not called after `close()` returns
    /// (except to finish an event already being delivered), and is not told about the
    /// local close. The peer sees the end of its input where the transport can signal it.
    func close()
}

/// A transport over two file descriptors: by default the process's stdin and stdout,
/// which is how editors start language servers.
///
/// Reading happens on a dedicated thread with blocking `read(2)`, so it never occupies
/// a Swift concurrency thread. Nothing else in the process may write to the output
/// descriptor (with stdio: no `print`); log with `window/logMessage` or to stderr.
package final class FileDescriptorTransport: MessageTransport {
    private let input: Int32
    private let output: Int32
    private let limits: FramingLimits
    /// Serialises writes; holds how many messages were written. (Not `Guarded(())`: with a
    /// zero-sized value ThreadSanitizer reported the `inout` access as an unlocked race.)
    private let written = Guarded(0)
    private let state = Guarded(State())

    private struct State {
        var handler: (@Sendable (TransportEvent) -> Void)?
        /// `close()` was called: no more events, no more sending.
        var closed = false
        /// The input ended (or broke): no more events, but sending goes on, so replies
        /// to requests read before the end still reach the peer.
        var inputEnded = false
        var started = false
    }

    /// - Parameters:
    ///   - ignoreBrokenPipe: set `SIGPIPE` to be ignored (process-wide) so that writing to
    ///     a client that has gone away fails with an error instead of killing the process.
    package init(input: Int32 = 0, output: Int32 = 1, limits: FramingLimits = .default, ignoreBrokenPipe: Bool = true) {
        self.input = input
        self.output = output
        self.limits = limits
        if ignoreBrokenPipe { _ = signal(SIGPIPE, SIG_IGN) }
    }

    package func start(_ handler: @escaping @Sendable (TransportEvent) -> Void) {
        let first = state.withLock { s -> Bool in
            guard !s.started, !s.closed else { return false }
            s.started = true
            s.handler = handler
            return true
        }
        guard first else { return }
        if !startThread({ [self] in readLoop() }) {
            deliver(.closed(.readFailed("cannot start the reader thread")))
        }
    }

    private func deliver(_ event: TransportEvent) {
        let handler = state.withLock { s -> (@Sendable (TransportEvent) -> Void)? in
            if s.closed || s.inputEnded { return nil }
            if case .closed = event {
                s.inputEnded = true
                let h = s.handler
                s.handler = nil
                return h
            }
            return s.handler
        }
        handler?(event)
    }

    private func readLoop() {
        var reader = MessageReader(limits: limits)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while state.withLock({ !$0.closed && !$0.inputEnded }) {
            let n = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                deliver(.closed(.readFailed(String(cString: strerror(errno)))))
                return
            }
            if n == 0 {
                do {
                    try reader.finish()
                    deliver(.closed(.endOfInput))
                } catch {
                    deliver(.closed(.framingError(error)))
                }
                return
            }
            reader.append(chunk[0..<n])
            while true {
                do {
                    guard let body = try reader.next() else { break }
                    deliver(.message(body))
                } catch where error.isRecoverable {
                    deliver(.skipped(error))
                } catch {
                    deliver(.closed(.framingError(error)))
                    return
                }
            }
        }
    }

    /// Sending works until ``close()`` or a failed write, also after the input ended: a
    /// client may close our input right after its last request (`planlint lsp <
    /// requests.json`) and still read the replies.
    package func send(_ body: [UInt8]) throws(TransportError) {
        if state.withLock({ $0.closed }) { throw TransportError("the connection is closed") }
        let bytes = MessageWriter.frame(body)
        let failure = written.withLock { count -> TransportError? in
            do throws(FileIO.WriteProblem) { try FileIO.writeAll(fd: output, bytes) } catch {
                return TransportError("writing failed: \(error.english)")
            }
            count += 1
            return nil
        }
        if let failure { throw failure }
    }

    /// Stops delivering events and sending. A read in progress is not interrupted (the
    /// reader thread ends at its next input or end of input); the descriptors are not
    /// closed (they belong to the caller; a server that is done simply exits).
    package func close() {
        state.withLock { s in
            s.closed = true
            s.handler = nil
        }
    }
}

/// One end of an in-process connection: what one side sends, the other receives, through
/// the real framing (``MessageWriter`` and ``MessageReader``), so a server can be driven by
/// a test client without pipes or processes.
///
/// ```swift
/// let (serverSide, clientSide) = InMemoryTransport.pair()
/// let server = Connection(transport: serverSide)
/// let client = Connection(transport: clientSide)
/// ```
package final class InMemoryTransport: MessageTransport {
    private let queue: DispatchQueue
    private let state: Guarded<State>
    private let limits: FramingLimits

    private struct State {
        var handler: (@Sendable (TransportEvent) -> Void)?
        var reader: MessageReader
        weak var peer: InMemoryTransport?
        var closed = false
        var started = false
    }

    private init(name: String, limits: FramingLimits) {
        self.limits = limits
        queue = DispatchQueue(label: "lsp.in-memory.\(name)", attributes: .initiallyInactive)
        state = Guarded(State(reader: MessageReader(limits: limits)))
    }

    deinit {
        // libdispatch crashes when an inactive queue is released ("Release of an inactive
        // object"): an end that was never started must still be able to go away.
        if !state.withLock({ $0.started }) { queue.activate() }
    }

    /// Two connected ends.
    package static func pair(limits: FramingLimits = .default) -> (InMemoryTransport, InMemoryTransport) {
        let a = InMemoryTransport(name: "a", limits: limits)
        let b = InMemoryTransport(name: "b", limits: limits)
        a.state.withLock { $0.peer = b }
        b.state.withLock { $0.peer = a }
        return (a, b)
    }

    package func start(_ handler: @escaping @Sendable (TransportEvent) -> Void) {
        let first = state.withLock { s -> Bool in
            guard !s.started else { return false }
            s.started = true
            s.handler = handler
            return true
        }
        if first { queue.activate() }
    }

    package func send(_ body: [UInt8]) throws(TransportError) {
        try sendRaw(MessageWriter.frame(body))
    }

    /// Delivers arbitrary bytes to the peer as if they had arrived on the wire: for tests
    /// of broken framing.
    package func sendRaw(_ bytes: [UInt8]) throws(TransportError) {
        let peer = state.withLock { s -> InMemoryTransport? in s.closed ? nil : s.peer }
        guard let peer else { throw TransportError("the connection is closed") }
        peer.receive(bytes)
    }

    private func receive(_ bytes: [UInt8]) {
        queue.async { [self] in
            var events: [TransportEvent] = []
            let handler = state.withLock { s -> (@Sendable (TransportEvent) -> Void)? in
                guard !s.closed else { return nil }
                s.reader.append(bytes)
                while true {
                    let result = Result { () throws(FramingError) in try s.reader.next() }
                    switch result {
                    case .success(let body?): events.append(.message(body))
                    case .success(nil): break
                    case .failure(let error) where error.isRecoverable: events.append(.skipped(error))
                    case .failure(let error):
                        events.append(.closed(.framingError(error)))
                        s.closed = true
                    }
                    if case .success(nil) = result { break }
                    if s.closed { break }
                }
                let h = s.handler
                if s.closed { s.handler = nil } // no more events: let the handler go
                return h
            }
            for event in events { handler?(event) }
        }
    }

    private func receiveEnd() {
        queue.async { [self] in
            let (handler, reason) = state.withLock { s -> ((@Sendable (TransportEvent) -> Void)?, TransportCloseReason) in
                guard !s.closed else { return (nil, .endOfInput) }
                s.closed = true
                let h = s.handler
                s.handler = nil
                switch Result(catching: { () throws(FramingError) in try s.reader.finish() }) {
                case .success: return (h, .endOfInput)
                case .failure(let error): return (h, .framingError(error))
                }
            }
            handler?(.closed(reason))
        }
    }

    /// Closes this end: it stops delivering, and the peer sees the end of its input after
    /// what was already sent.
    package func close() {
        let peer = state.withLock { s -> InMemoryTransport? in
            s.closed = true
            s.handler = nil
            let p = s.peer
            s.peer = nil
            return p
        }
        peer?.receiveEnd()
    }
}
