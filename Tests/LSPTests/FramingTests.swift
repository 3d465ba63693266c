import GoldenFiles
import Foundation
import Testing

@testable import LSPProtocol

/// Frames `body` the way a client does.
func framed(_ body: String, extraHeaders: String = "") -> [UInt8] {
    Array("Content-Length: \(body.utf8.count)\r\n\(extraHeaders)\r\n\(body)".utf8)
}

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// Feeds `chunks` one by one and collects bodies and errors in order, continuing after
/// recoverable errors (as a transport does).
func readAll(_ chunks: [[UInt8]], limits: FramingLimits = .default) -> (bodies: [String], errors: [FramingError]) {
    var reader = MessageReader(limits: limits)
    var bodies: [String] = []
    var errors: [FramingError] = []
    for chunk in chunks {
        reader.append(chunk)
        while true {
            do {
                guard let body = try reader.next() else { break }
                bodies.append(text(body))
            } catch {
                errors.append(error)
                if !error.isRecoverable { return (bodies, errors) }
            }
        }
    }
    return (bodies, errors)
}

@Suite struct FramingTests {
    let bodies = [
        #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#,
        #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"text":"予算: 100\n🍣"}}}"#,
        "",
        #"{"jsonrpc":"2.0","id":"a","result":null}"#,
    ]

    var stream: [UInt8] { bodies.flatMap { framed($0) } }

    @Test func manyMessagesInOneChunk() {
        let result = readAll([stream])
        #expect(result.bodies == bodies)
        #expect(result.errors.isEmpty)
    }

    @Test func everySplitPointOfTheStream() {
        let all = stream
        for cut in 0...all.count {
            let result = readAll([Array(all[..<cut]), Array(all[cut...])])
            #expect(result.bodies == bodies, "split at \(cut)")
            #expect(result.errors.isEmpty, "split at \(cut)")
        }
    }

    @Test func oneByteAtATime() {
        let result = readAll(stream.map { [$0] })
        #expect(result.bodies == bodies)
    }

    @Test func randomChunkingIsDeterministicAndLossless() {
        var rng = SplitMix(seed: 42)
        let all = Array(repeating: stream, count: 20).flatMap { $0 }
        for _ in 0..<50 {
            var chunks: [[UInt8]] = []
            var i = 0
            while i < all.count {
                let n = Int(rng.next() % 97) + 1
                chunks.append(Array(all[i..<min(all.count, i + n)]))
                i += n
            }
            let result = readAll(chunks)
            #expect(result.bodies == Array(repeating: bodies, count: 20).flatMap { $0 })
        }
    }

    @Test func bodySplitAcrossManyChunksIsReturnedWhole() {
        let big = #"{"text":""# + String(repeating: "計画", count: 50_000) + #""}"#
        let bytes = framed(big)
        var reader = MessageReader()
        var got: [UInt8]? = nil
        var index = 0
        while index < bytes.count {
            reader.append(bytes[index..<min(bytes.count, index + 4096)])
            index += 4096
            if let body = try? reader.next() {
                #expect(got == nil)
                got = body
            }
        }
        #expect(got.map(text) == big)
        #expect(reader.bufferedByteCount == 0)
        #expect(throws: Never.self) { try reader.finish() }
    }

    @Test func headersAreCaseInsensitiveAndContentTypeIsAccepted() {
        let input = Array("content-length:  2 \r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\nX-Other: 1\r\n\r\n{}".utf8)
            + Array("Content-Type: application/vscode-jsonrpc; charset=\"UTF8\"\r\nCONTENT-LENGTH: 2\r\n\r\n[]".utf8)
        let result = MessageReader.decode(input)
        #expect(result.messages.map(text) == ["{}", "[]"])
        #expect(result.error == nil)
        #expect(result.remainder.isEmpty)
    }

    @Test func decodeReturnsTheIncompleteRemainder() {
        let first = framed("{}")
        let partial = Array(framed(#"{"a":1}"#).dropLast(3))
        let result = MessageReader.decode(first + partial)
        #expect(result.messages.map(text) == ["{}"])
        #expect(result.remainder == partial)
        #expect(result.error == nil)
    }

    @Test(arguments: [
        ("Content-Type: x\r\n\r\n{}", FramingError.Kind.missingContentLength, 0),
        ("\r\n{}", .missingContentLength, 0),
        ("Content-Length: -5\r\n\r\n", .invalidContentLength("-5"), 0),
        ("Content-Length: 12abc\r\n\r\n", .invalidContentLength("12abc"), 0),
        ("Content-Length: \r\n\r\n", .invalidContentLength(""), 0),
        ("Content-Length: +5\r\n\r\n", .invalidContentLength("+5"), 0),
        ("Content-Length: 0x10\r\n\r\n", .invalidContentLength("0x10"), 0),
        ("Content-Length: 99999999999999999999999\r\n\r\n", .invalidContentLength("99999999999999999999999"), 0),
        ("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", .conflictingContentLength, 19),
        ("Content-Length 2\r\n\r\n{}", .malformedHeaderLine("Content-Length 2"), 0),
        (": 2\r\n\r\n{}", .malformedHeaderLine(": 2"), 0),
        ("Content-Length: 2\n\n{}", .malformedHeaderLine("Content-Length: 2"), 0),
        ("Content-Length: 2\rX\n\n{}", .malformedHeaderLine("Content-Length: 2"), 0),
    ] as [(String, FramingError.Kind, Int)])
    func malformedHeadersAreFatal(input: String, kind: FramingError.Kind, offset: Int) {
        let prefix = framed("{}")
        let result = MessageReader.decode(prefix + Array(input.utf8))
        #expect(result.messages.map(text) == ["{}"])
        #expect(result.error == FramingError(kind, at: prefix.count + offset))
        #expect(result.error?.isRecoverable == false)
        #expect(result.remainder == Array(input.utf8))
    }

    @Test func aFatalErrorIsStickyAndLaterInputIsIgnored() {
        var reader = MessageReader()
        reader.append(Array("Content-Length: x\r\n\r\n".utf8))
        #expect(throws: FramingError(.invalidContentLength("x"), at: 0)) { try reader.next() }
        reader.append(framed("{}"))
        #expect(throws: FramingError(.invalidContentLength("x"), at: 0)) { try reader.next() }
        #expect(throws: FramingError(.invalidContentLength("x"), at: 0)) { try reader.finish() }
    }

    @Test func headerLineTooLongFailsWithoutWaitingForItsEnd() throws {
        let limits = FramingLimits(maximumHeaderLineLength: 64)
        var reader = MessageReader(limits: limits)
        reader.append(Array("X-Junk: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 56))
        #expect(try reader.next() == nil) // exactly 64 bytes: still allowed
        reader.append([UInt8(ascii: "a")])
        #expect(throws: FramingError(.headerLineTooLong(limit: 64), at: 0)) { try reader.next() }
    }

    @Test func endlessGarbageWithoutLineBreaksIsRejectedNotBuffered() {
        var reader = MessageReader()
        var thrown: FramingError?
        for _ in 0..<100 where thrown == nil {
            reader.append(Array(repeating: UInt8(ascii: "z"), count: 1000))
            do { _ = try reader.next() } catch { thrown = error }
        }
        #expect(thrown?.kind == .headerLineTooLong(limit: 4096))
    }

    @Test func tooManyHeaderLines() {
        let lines = (0..<40).map { "X-\($0): y\r\n" }.joined()
        let result = MessageReader.decode(Array(lines.utf8))
        #expect(result.error?.kind == .tooManyHeaderLines(limit: 32))
    }

    @Test func oversizedMessageIsSkippedAndTheStreamContinues() {
        let limits = FramingLimits(maximumContentLength: 10)
        let big = #"{"text":"0123456789"}"#
        let stream = framed("{}") + framed(big) + framed("[1]")
        let expected = FramingError(.contentTooLarge(length: 21, limit: 10), at: framed("{}").count)
        // Whole, and in chunks so the skipped body arrives in later appends.
        for chunkSize in [stream.count, 1, 3, 7] {
            let chunks = stride(from: 0, to: stream.count, by: chunkSize).map {
                Array(stream[$0..<min(stream.count, $0 + chunkSize)])
            }
            let result = readAll(chunks, limits: limits)
            #expect(result.bodies == ["{}", "[1]"], "chunk size \(chunkSize)")
            #expect(result.errors == [expected], "chunk size \(chunkSize)")
            #expect(result.errors.first?.isRecoverable == true)
        }
    }

    @Test func hugeDeclaredLengthIsNeverAllocated() throws {
        // 64 MiB + 1: over the default limit; skipped while it streams in, never buffered.
        var reader = MessageReader()
        let length = (64 << 20) + 1
        reader.append(Array("Content-Length: \(length)\r\n\r\n".utf8))
        #expect(throws: FramingError(.contentTooLarge(length: length, limit: 64 << 20), at: 0)) { try reader.next() }
        let chunk = [UInt8](repeating: 0x20, count: 1 << 20)
        for _ in 0..<64 { reader.append(chunk) }
        #expect(reader.bufferedByteCount == 0)
        reader.append([0x20] + framed("{}"))
        #expect(try reader.next().map(text) == "{}")
    }

    @Test func unsupportedCharsetIsSkipped() {
        let stream = framed("{}", extraHeaders: "Content-Type: application/vscode-jsonrpc; charset=utf-16\r\n") + framed("[]")
        let result = readAll([stream])
        #expect(result.bodies == ["[]"])
        #expect(result.errors == [FramingError(.unsupportedCharset("utf-16"), at: 0)])
    }

    @Test func truncatedInputIsReportedAtTheEnd() throws {
        var reader = MessageReader()
        reader.append(Array(framed(#"{"a":1}"#).dropLast(2)))
        #expect(try reader.next() == nil)
        #expect(throws: FramingError(.truncated(missing: 2), at: 0)) { try reader.finish() }

        var headerOnly = MessageReader()
        headerOnly.append(Array("Content-Len".utf8))
        #expect(try headerOnly.next() == nil)
        #expect(throws: FramingError(.truncated(missing: nil), at: 0)) { try headerOnly.finish() }

        var clean = MessageReader()
        clean.append(framed("{}"))
        _ = try? clean.next()
        #expect(throws: Never.self) { try clean.finish() }
    }

    @Test func nonUTF8BodiesPassFramingUntouched() {
        let body: [UInt8] = [0x7B, 0xFF, 0xFE, 0x7D]
        let result = MessageReader.decode(Array("Content-Length: 4\r\n\r\n".utf8) + body)
        #expect(result.messages == [body])
    }

    @Test func writerFramesWhatTheReaderReads() {
        let bodies = ["{}", "日本語 🍣", ""].map { Array($0.utf8) }
        let stream = bodies.flatMap { MessageWriter.frame($0) }
        #expect(text(MessageWriter.frame(Array("{}".utf8))) == "Content-Length: 2\r\n\r\n{}")
        #expect(MessageReader.decode(stream).messages == bodies)
    }

    @Test func randomBytesNeverCrashOrHang() {
        var rng = SplitMix(seed: 7)
        let alphabet = Array("Content-Length: 0123456789\r\n{}:;x-".utf8) + [0xFF, 0x00]
        for _ in 0..<2000 {
            let n = Int(rng.next() % 200)
            let bytes = (0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            let result = MessageReader.decode(bytes)
            let consumed = result.messages.reduce(0) { $0 + $1.count }
            #expect(consumed + result.remainder.count <= bytes.count)
            // The remainder is always a suffix of the input.
            #expect(Array(bytes.suffix(result.remainder.count)) == result.remainder)
        }
    }
}
