import GoldenFiles
import Foundation
import SourceText
import Testing

@testable import LSPProtocol
@testable import PlanLintLSP
import PlanLintKit
import Guarded

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 16, classes 12 and 13: bursts of edits, hovers during checks, and replies at the end
/// of input.
@Suite(.timeLimit(.minutes(2))) struct HostileLSPTests {
    /// Random edits (inserts, deletes, replacements, line breaks of every kind, multi-byte
    /// text) applied to `EditableText` and, naively, to a byte array resolved through
    /// `SourceFile`: the texts agree after every edit, in every position encoding.
    @Test(arguments: [EditableText.Unit.utf8, .utf16, .codePoint])
    func editableTextAgreesWithTheNaiveEditor(_ unit: EditableText.Unit) {
        var rng = SplitMix(seed: 16)
        let pieces = ["a", "bc", "\n", "\r\n", "\r", "予算", "🍣", "x\ny", "", "\r\r\n\n", "\u{FEFF}"]
        let column: ColumnUnit = switch unit { case .utf8: .utf8; case .utf16: .utf16; case .codePoint: .codePoint }
        for round in 0..<40 {
            var naive = Array((0..<Int(rng.next() % 30)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined().utf8)
            if round % 7 == 0 { naive = [0xEF, 0xBB, 0xBF] + naive }
            var text = EditableText(naive)
            for _ in 0..<200 {
                let file = SourceFile(path: "", bytes: naive)
                let l1 = Int(rng.next() % UInt64(file.lineCount + 2)), l2 = Int(rng.next() % UInt64(file.lineCount + 2))
                let (a, b) = (min(l1, l2), max(l1, l2))
                let c1 = Int(rng.next() % 6), c2 = Int(rng.next() % 6)
                let (startLine, startChar, endLine, endChar) = a == b ? (a, min(c1, c2), b, max(c1, c2)) : (a, c1, b, c2)
                let insert = Array(pieces[Int(rng.next() % UInt64(pieces.count))].utf8)
                let start = file.offset(line: startLine, column: startChar, unit: column)
                let end = max(start, file.offset(line: endLine, column: endChar, unit: column))
                #expect(text.offset(line: startLine, character: startChar, unit: unit) == start)
                let s2 = text.offset(line: startLine, character: startChar, unit: unit)
                let e2 = max(s2, text.offset(line: endLine, character: endChar, unit: unit))
                naive.replaceSubrange(start..<end, with: insert)
                text.replace(s2, e2, with: insert)
                #expect(text.bytes == naive, "round \(round)")
                if text.bytes != naive { return }
            }
        }
    }

    /// 5,000 one-character changes to a 2 MB document, then a hover: the hover is answered
    /// and the last check publishes the last version's findings (each change once cost a
    /// copy of the whole document, and a burst kept the server busy for minutes).
    @Test func aBurstOfEditsToALargeDocument() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var (editor, _) = try await Editor.start()
        let uri = workspace.uri("Plans/big.yaml")
        let line = "  - {name: 項目, mark: ○, budget: 10}\n"
        let body = "projects:\n" + String(repeating: line, count: 2_000_000 / line.utf8.count)
        editor.open(uri, text: body)
        let lines = 1 + 2_000_000 / line.utf8.count
        for i in 0..<5_000 {
            editor.change(uri, version: 2 + i, [.init(range: .init(line: lines, character: i, toLine: lines, character: i), text: i == 0 ? "#" : "x")])
        }
        // The mark `○` of the first project: answered (and explained) after the burst.
        let hover = try await editor.connection.send(LSP.hover, .init(textDocument: .init(uri: uri), position: .init(line: 1, character: 21)))
        #expect(hover != nil)
        let last = try await editor.diagnostics(for: uri, until: { $0.version == 5_001 })
        #expect(last.version == 5_001)
        #expect(try await editor.shutDown() == 0)
    }

    /// Issue 16, class 1: a number beyond any machine type typed into an open plan (the
    /// server used to trap on it) is checked like any value: the rule that reads it says it
    /// cannot be evaluated, at its cell, and the server carries on.
    @Test func aHugeNumberTypedIntoAPlanIsAFindingNotATrap() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var (editor, _) = try await Editor.start()
        let uri = workspace.uri("Plans/plan.yaml")
        let text = try workspace.read("Plans/plan.yaml")
        editor.open(uri, text: text)
        _ = try await editor.diagnostics(for: uri)
        let typed = text.replacingOccurrences(of: "budget: 120", with: "budget: 1e99999999999999999999")
        #expect(typed != text)
        editor.change(uri, version: 2, [.init(text: typed)])
        let after = try await editor.diagnostics(for: uri, until: { $0.version == 2 })
        #expect(after.diagnostics.contains { $0.range.start.line == 3 && $0.code == "rule-evaluation-failed" },
                "\(after.diagnostics.map { "\($0.range.start.line) \($0.code ?? "")" })")
        // The mark `○` on the edited line: still answered.
        let hover = try await editor.connection.send(LSP.hover, .init(textDocument: .init(uri: uri), position: .init(line: 3, character: 27)))
        #expect(hover != nil)
        #expect(try await editor.shutDown() == 0)
    }

    /// A hover asked while a long check runs is answered before the check ends.
    @Test func hoversAreAnsweredWhileACheckRuns() async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        var (editor, _) = try await Editor.start()
        let uri = workspace.uri("Plans/plan.yaml")
        editor.open(uri, text: try workspace.read("Plans/plan.yaml"))
        _ = try await editor.diagnostics(for: uri)
        let big = workspace.uri("Plans/slow.yaml")
        editor.open(big, text: "projects:\n" + String(repeating: "  - {name: x, mark: ○, budget: 120}\n", count: 60_000))
        // `○` on line 3: answered while the large plan is checked.
        let hover = try await editor.connection.send(LSP.hover, .init(textDocument: .init(uri: uri), position: .init(line: 3, character: 27)))
        #expect(hover != nil)
        #expect(try await editor.shutDown() == 0)
    }

    /// `planlint lsp < session`: an open document's hover and code action just before
    /// `shutdown` and an immediate `exit`, or just before the end of input, are answered.
    @Test(arguments: [true, false])
    func everyReplyIsWrittenBeforeTheServerReturns(_ withExit: Bool) async throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let uri = workspace.uri("Plans/plan.yaml")
        let text = try workspace.read("Plans/plan.yaml")
        let escaped = String(data: try JSONSerialization.data(withJSONObject: [text]), encoding: .utf8)!.dropFirst().dropLast()
        var session = [
            #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
            #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
            #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"yaml","version":1,"text":\#(escaped)}}}"#,
        ]
        for id in 2..<12 {
            session.append(#"{"jsonrpc":"2.0","id":\#(id),"method":"textDocument/hover","params":{"textDocument":{"uri":"\#(uri)"},"position":{"line":3,"character":\#(id)}}}"#)
        }
        session.append(#"{"jsonrpc":"2.0","id":12,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"\#(uri)"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}},"context":{"diagnostics":[]}}}"#)
        if withExit {
            session.append(#"{"jsonrpc":"2.0","id":13,"method":"shutdown"}"#)
            session.append(#"{"jsonrpc":"2.0","method":"exit"}"#)
        }
        let input = session.flatMap { framed($0) }
        var toServer: [Int32] = [0, 0], fromServer: [Int32] = [0, 0]
        #expect(pipe(&toServer) == 0 && pipe(&fromServer) == 0)
        #expect(input.count < 60_000)
        _ = input.withUnsafeBytes { write(toServer[1], $0.baseAddress, $0.count) }
        close(toServer[1])
        let connection = Connection(transport: FileDescriptorTransport(input: toServer[0], output: fromServer[1]))
        let server = PlanLintServer(connection: connection, options: .init(cwd: workspace.root.path))
        let reader = fromServer[0]
        // Read on a thread of its own: a blocking read must not hold a thread of the
        // concurrency pool the server runs on.
        let collected = MessageCollector(fd: reader)
        let status = await server.run()
        #expect(status == (withExit ? 0 : 1))
        connection.close()   // nothing more may reach the descriptors closed below
        close(toServer[0])
        close(fromServer[1])
        let replies = try await collected.messages().map { try json($0) }.filter { $0["id"] != nil }
        close(reader)
        let ids = Set(replies.compactMap { $0["id"]?.intValue })
        #expect(ids == Set(1...(withExit ? 13 : 12)), "\(ids.sorted())")
    }
}

/// Reads every framed message from a descriptor on a thread of its own until the input ends.
final class MessageCollector: Sendable {
    let result = Guarded<[[UInt8]]?>(nil)
    let done = DispatchSemaphore(value: 0)

    init(fd: Int32) {
        let (result, done) = (result, done)
        Thread {
            let messages = readAllMessages(fd, expecting: Int.max)
            result.withLock { $0 = messages }
            done.signal()
        }.start()
    }

    /// Waits (off the concurrency pool) for the end of the input.
    func messages() async -> [[UInt8]] {
        let (result, done) = (result, done)
        return await withCheckedContinuation { continuation in
            Thread {
                done.wait()
                continuation.resume(returning: result.withLock { $0 ?? [] })
            }.start()
        }
    }
}
