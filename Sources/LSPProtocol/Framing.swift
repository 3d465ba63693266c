#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif

/// Limits the message reader enforces, so that a broken or hostile peer costs bounded
/// memory and time.
package struct FramingLimits: Sendable, Hashable {
    /// The largest body accepted (default 64 MiB). A larger message is skipped, not
    /// buffered, and reported as ``FramingError/Kind/contentTooLarge(length:limit:)``.
    package var maximumContentLength: Int
    /// The largest declared length that is still skipped to stay in step with the stream
    /// (default 1 GiB). A larger `Content-Length` is taken for a corrupt header: fatal.
    package var maximumSkippableLength: Int
    /// The longest header line, in bytes, without its CRLF (default 4096).
    package var maximumHeaderLineLength: Int
    /// The most header lines in one message (default 32).
    package var maximumHeaderCount: Int

    package init(
        maximumContentLength: Int = 64 << 20,
        maximumSkippableLength: Int = 1 << 30,
        maximumHeaderLineLength: Int = 4096,
        maximumHeaderCount: Int = 32
    ) {
        self.maximumContentLength = maximumContentLength
        self.maximumSkippableLength = max(maximumContentLength, maximumSkippableLength)
        self.maximumHeaderLineLength = maximumHeaderLineLength
        self.maximumHeaderCount = maximumHeaderCount
    }

    package static let `default` = FramingLimits()
}

/// A problem in the base protocol's framing (the `Content-Length` headers), with the byte
/// offset in the stream where the offending message or line starts.
///
/// Two kinds are *recoverable*: the declared length is known, so the reader skips the body
/// and carries on with the next message. Every other kind leaves the reader unable to find
/// the next message boundary; it is *fatal*, and the reader reports it again on every call.
package struct FramingError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Kind: Sendable, Hashable {
        /// The header block ended without a `Content-Length` field.
        case missingContentLength
        /// `Content-Length` is not a non-negative decimal integer (the raw value is kept).
        case invalidContentLength(String)
        /// Two `Content-Length` fields with different values.
        case conflictingContentLength
        /// A body larger than ``FramingLimits/maximumContentLength``. Recoverable.
        case contentTooLarge(length: Int, limit: Int)
        /// A `Content-Type` naming a charset other than UTF-8. Recoverable.
        case unsupportedCharset(String)
        /// A header line longer than ``FramingLimits/maximumHeaderLineLength``.
        case headerLineTooLong(limit: Int)
        /// More header lines than ``FramingLimits/maximumHeaderCount``.
        case tooManyHeaderLines(limit: Int)
        /// A header line that is not `Name: value`, or ends in a bare LF or CR.
        case malformedHeaderLine(String)
        /// The input ended inside a message (`missing` bytes of its body, or in its headers
        /// when `missing` is nil).
        case truncated(missing: Int?)
    }

    package var kind: Kind
    /// Offset in the whole byte stream (0 = the first byte ever received).
    package var offset: Int

    package init(_ kind: Kind, at offset: Int) { (self.kind, self.offset) = (kind, offset) }

    /// True when the reader skipped the message and can continue with the next one.
    package var isRecoverable: Bool {
        switch kind {
        case .contentTooLarge, .unsupportedCharset: true
        default: false
        }
    }

    package var description: String {
        let what: String
        switch kind {
        case .missingContentLength:
            what = "message header has no Content-Length"
        case .invalidContentLength(let v):
            what = "Content-Length '\(v)' is not a non-negative decimal integer"
        case .conflictingContentLength:
            what = "message header has two different Content-Length values"
        case .contentTooLarge(let length, let limit):
            what = "message of \(length) bytes exceeds the limit of \(limit) bytes; it was skipped"
        case .unsupportedCharset(let c):
            what = "Content-Type charset '\(c)' is not supported (only utf-8); the message was skipped"
        case .headerLineTooLong(let limit):
            what = "header line longer than \(limit) bytes"
        case .tooManyHeaderLines(let limit):
            what = "more than \(limit) header lines in one message"
        case .malformedHeaderLine(let line):
            what = "malformed header line '\(line)'"
        case .truncated(let missing):
            what = missing.map { "input ended \($0) bytes before the end of a message body" }
                ?? "input ended inside a message header"
        }
        return "\(what) (at byte \(offset) of the stream)"
    }
}

/// Splits a byte stream into message bodies according to the LSP base protocol:
/// header lines `Name: value\r\n` (of which `Content-Length` is required and `Content-Type`
/// may give `charset=utf-8`), an empty line, then exactly `Content-Length` bytes of body.
///
/// The reader does no I/O: feed it whatever chunks arrive with ``append(_:)`` and take
/// complete bodies out with ``next()``. A chunk may hold several messages, part of one, or
/// a body split anywhere. Work per byte is constant (a partial header line is never
/// re-scanned), and memory is bounded by ``FramingLimits``.
///
/// ```swift
/// var reader = MessageReader()
/// reader.append(chunk)
/// while let body = try reader.next() { handle(body) }
/// ```
package struct MessageReader: Sendable {
    /// The limits this reader enforces.
    package let limits: FramingLimits

    private var buffer: [UInt8] = []
    /// Index in `buffer` of the first byte not yet consumed.
    private var start = 0
    /// Index in `buffer` up to which the current (incomplete) header line was scanned.
    private var scanned = 0
    /// Stream offset of `buffer[0]`.
    private var base = 0
    /// Stream offset of the first byte of the message being read.
    private var messageStart = 0
    /// Header fields of the message being read.
    private var contentLength: Int?
    private var rawContentLength: String?
    private var charsetProblem: String?
    private var headerCount = 0
    /// Set once the header block is complete: the body length still to arrive.
    private var bodyLength: Int?
    /// Bytes still to discard after a recoverable error.
    private var skipRemaining = 0
    private var failure: FramingError?

    /// A reader at the start of a stream.
    package init(limits: FramingLimits = .default) {
        self.limits = limits
    }

    /// Bytes received but not yet returned as a message (or skipped).
    package var bufferedByteCount: Int { buffer.count - start }

    /// Stream offset of the first byte of the message currently being read.
    package var currentMessageOffset: Int { messageStart }

    /// Adds bytes that arrived from the peer.
    package mutating func append(_ bytes: some Collection<UInt8>) {
        guard failure == nil else { return }
        var bytes = bytes[...]
        if skipRemaining > 0 {
            let n = min(skipRemaining, bytes.count)
            skipRemaining -= n
            base += n
            bytes = bytes.dropFirst(n)
            if skipRemaining == 0 { messageStart = base + buffer.count }
        }
        if start > 0 && (start >= buffer.count || start >= 1 << 16 && start * 2 >= buffer.count) {
            buffer.removeFirst(start)
            base += start
            scanned -= start
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message body, or nil when more input is needed.
    ///
    /// Throws a ``FramingError``: after a recoverable one, call `next()` again to continue;
    /// after a fatal one, every later call throws the same error.
    package mutating func next() throws(FramingError) -> [UInt8]? {
        if let failure { throw failure }
        if skipRemaining > 0 { return nil }
        while bodyLength == nil {
            guard let line = try nextHeaderLine() else { return nil }
            if line.isEmpty {
                try finishHeader()
            } else {
                try parseHeaderLine(line)
            }
        }
        guard let length = bodyLength, buffer.count - start >= length else { return nil }
        let body = Array(buffer[start..<(start + length)])
        start += length
        scanned = start
        resetHeader()
        return body
    }

    /// Call at end of input: throws ``FramingError/Kind/truncated(missing:)`` if a message
    /// was only partly received (unless the reader already failed, which it rethrows).
    package func finish() throws(FramingError) {
        if let failure { throw failure }
        if let length = bodyLength {
            throw FramingError(.truncated(missing: length - (buffer.count - start)), at: messageStart)
        }
        if skipRemaining > 0 {
            throw FramingError(.truncated(missing: skipRemaining), at: messageStart)
        }
        if buffer.count > start || headerCount > 0 {
            throw FramingError(.truncated(missing: nil), at: messageStart)
        }
    }

    /// Decodes a complete byte sequence at once: the pure form of the reader, for tests and
    /// fuzzing.
    ///
    /// Stops at the first error. `remainder` holds the bytes from the start of the message
    /// that was incomplete or failed (empty when the input ends on a message boundary).
    package static func decode(_ bytes: [UInt8], limits: FramingLimits = .default)
        -> (messages: [[UInt8]], remainder: [UInt8], error: FramingError?)
    {
        var reader = MessageReader(limits: limits)
        reader.append(bytes)
        var messages: [[UInt8]] = []
        var messageStart = 0
        do {
            while true {
                messageStart = reader.messageStart
                guard let m = try reader.next() else { break }
                messages.append(m)
            }
        } catch {
            return (messages, Array(bytes[min(messageStart, bytes.count)...]), error)
        }
        return (messages, Array(bytes[min(reader.messageStart, bytes.count)...]), nil)
    }

    // MARK: - Headers

    private mutating func resetHeader() {
        contentLength = nil
        rawContentLength = nil
        charsetProblem = nil
        headerCount = 0
        bodyLength = nil
        messageStart = base + start
    }

    private mutating func fail(_ kind: FramingError.Kind, at offset: Int) -> FramingError {
        let error = FramingError(kind, at: offset)
        failure = error
        return error
    }

    /// The next header line without its CRLF, or nil if it is not complete yet.
    private mutating func nextHeaderLine() throws(FramingError) -> ArraySlice<UInt8>? {
        var i = max(scanned, start)
        let end = buffer.count
        while i < end {
            let c = buffer[i]
            if c == 0x0A {
                try malformed(Array(buffer[start..<i]), at: base + start)
            }
            if c == 0x0D {
                guard i + 1 < end else { break }
                guard buffer[i + 1] == 0x0A else {
                    try malformed(Array(buffer[start..<i]), at: base + start)
                }
                let line = buffer[start..<i]
                start = i + 2
                scanned = start
                return line
            }
            if i - start >= limits.maximumHeaderLineLength {
                throw fail(.headerLineTooLong(limit: limits.maximumHeaderLineLength), at: base + start)
            }
            i += 1
        }
        scanned = i
        return nil
    }

    private mutating func malformed(_ line: [UInt8], at offset: Int) throws(FramingError) -> Never {
        throw fail(.malformedHeaderLine(Self.printable(line)), at: offset)
    }

    private mutating func parseHeaderLine(_ line: ArraySlice<UInt8>) throws(FramingError) {
        let lineOffset = base + line.startIndex
        headerCount += 1
        if headerCount > limits.maximumHeaderCount {
            throw fail(.tooManyHeaderLines(limit: limits.maximumHeaderCount), at: lineOffset)
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            try malformed(Array(line), at: lineOffset)
        }
        let name = Self.trimmed(line[line.startIndex..<colon])
        let value = Self.trimmed(line[(colon + 1)...])
        guard !name.isEmpty, name.allSatisfy(Self.isTokenByte) else {
            try malformed(Array(line), at: lineOffset)
        }
        switch String(decoding: name, as: UTF8.self).lowercased() {
        case "content-length":
            let raw = Self.printable(Array(value))
            let length = try parseLength(value, raw: raw, at: lineOffset)
            if let previous = contentLength, previous != length {
                throw fail(.conflictingContentLength, at: lineOffset)
            }
            contentLength = length
            rawContentLength = raw
        case "content-type":
            if let charset = Self.charset(in: String(decoding: value, as: UTF8.self)),
                !["utf-8", "utf8"].contains(charset.lowercased())
            {
                charsetProblem = charset
            }
        default:
            break // Unknown headers are allowed and ignored.
        }
    }

    private mutating func parseLength(_ value: ArraySlice<UInt8>, raw: String, at offset: Int) throws(FramingError) -> Int {
        guard !value.isEmpty, value.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            throw fail(.invalidContentLength(raw), at: offset)
        }
        var n = 0
        for d in value {
            let (m, o1) = n.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(d - UInt8(ascii: "0")))
            if o1 || o2 || s > limits.maximumSkippableLength {
                throw fail(.invalidContentLength(raw), at: offset)
            }
            n = s
        }
        return n
    }

    private mutating func finishHeader() throws(FramingError) {
        guard let length = contentLength else {
            throw fail(.missingContentLength, at: messageStart)
        }
        let problem: FramingError.Kind?
        if let charset = charsetProblem {
            problem = .unsupportedCharset(charset)
        } else if length > limits.maximumContentLength {
            problem = .contentTooLarge(length: length, limit: limits.maximumContentLength)
        } else {
            problem = nil
        }
        guard let problem else {
            bodyLength = length
            return
        }
        // Recoverable: drop the body (what is buffered now, the rest as it arrives).
        let error = FramingError(problem, at: messageStart)
        let buffered = min(length, buffer.count - start)
        start += buffered
        scanned = start
        resetHeader()
        skipRemaining = length - buffered
        if skipRemaining > 0 {
            // Nothing after the skipped body can be buffered yet, so drop the consumed
            // prefix now and let `append` discard the rest without storing it.
            base += start
            buffer.removeAll(keepingCapacity: false)
            start = 0
            scanned = 0
            messageStart = error.offset // until the skip ends, for `finish()`
        }
        throw error
    }

    // MARK: - Helpers

    private static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var s = s
        while let f = s.first, f == 0x20 || f == 0x09 { s.removeFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 { s.removeLast() }
        return s
    }

    /// RFC 9110 token characters.
    private static func isTokenByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            Array("!#$%&'*+-.^_`|~".utf8).contains(c)
        }
    }

    /// The `charset` parameter of a media type, without quotes.
    private static func charset(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            func trimmed(_ s: Substring, _ drop: Set<Character>) -> Substring {
                var s = s
                while let c = s.first, drop.contains(c) { s.removeFirst() }
                while let c = s.last, drop.contains(c) { s.removeLast() }
                return s
            }
            guard parts.count == 2, trimmed(parts[0], [" ", "\t"]).lowercased() == "charset" else { continue }
            return String(trimmed(trimmed(parts[1], [" ", "\t"]), ["\""]))
        }
        return nil
    }

    /// A short, printable rendering of raw header bytes for error messages.
    private static func printable(_ bytes: [UInt8]) -> String {
        var s = ""
        for c in bytes.prefix(80) {
            if c >= 0x20 && c < 0x7F {
                s.append(Character(Unicode.Scalar(c)))
            } else {
                s += "\\x" + (c < 0x10 ? "0" : "") + String(c, radix: 16, uppercase: true)
            }
        }
        return bytes.count > 80 ? s + "…" : s
    }
}

/// Frames outgoing message bodies for the base protocol.
package enum MessageWriter {
    /// `Content-Length: N\r\n\r\n` followed by the body. No `Content-Type` is written: the
    /// default (`application/vscode-jsonrpc; charset=utf-8`) is what is sent.
    package static func frame(_ body: some Collection<UInt8>) -> [UInt8] {
        var out = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        out.reserveCapacity(out.count + body.count)
        out.append(contentsOf: body)
        return out
    }
}
