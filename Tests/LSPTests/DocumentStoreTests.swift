import Foundation
import SourceText
import Testing

@testable import LSPProtocol

/// The resolver the server will pass: planlint's own position conversion.
func resolver(_ encoding: PositionEncoding) -> DocumentStore.OffsetResolver {
    let unit: ColumnUnit = switch encoding {
    case .utf8: .utf8
    case .utf16: .utf16
    case .utf32: .codePoint
    }
    return { text, position in
        SourceFile(path: "", bytes: text).offset(line: position.line, column: position.character, unit: unit)
    }
}

@Suite struct DocumentStoreTests {
    let uri = "file:///w/%E8%A8%88%E7%94%BB.yaml"
    // Line 1: "予算: 🍣100 円" — 予 算 are 3 UTF-8 bytes / 1 UTF-16 unit each, 🍣 is 4 bytes /
    // 2 UTF-16 units (a surrogate pair).
    let original = "計画:\n予算: 🍣100 円\n終わり\n"

    func open() -> DocumentStore {
        var store = DocumentStore()
        store.open(.init(uri: uri, languageId: "yaml", version: 1, text: original))
        return store
    }

    func change(_ range: LSP.Range?, _ text: String, version: Int = 2) -> LSP.DidChangeTextDocumentParams {
        .init(textDocument: .init(uri: uri, version: version), contentChanges: [.init(range: range, text: text)])
    }

    /// Replacing "100" (after the emoji) by "120": the same edit in each encoding's units.
    @Test(arguments: [
        (PositionEncoding.utf16, 6, 9), // 予算: (3) + space (1) + 🍣 (2 units) = 6
        (.utf8, 12, 15),                 // 予算: (3+3+1) + space (1) + 🍣 (4 bytes) = 12
        (.utf32, 5, 8),                  // code points
    ])
    func incrementalEditAfterAnEmoji(encoding: PositionEncoding, start: Int, end: Int) throws {
        var store = open()
        let doc = try store.change(change(LSP.Range(line: 1, character: start, toLine: 1, character: end), "120"),
                                   offsetOf: resolver(encoding))
        #expect(doc.text == "計画:\n予算: 🍣120 円\n終わり\n")
        #expect(doc.version == 2)
        #expect(store[uri]?.text == doc.text)
    }

    @Test func insertingAndDeletingAcrossLinesWithJapaneseText() throws {
        var store = open()
        // UTF-16: delete from after "計画:" (line 0, char 3) to before "終わり" (line 2, char 0),
        // then insert an emoji between 終 and わ, then replace the emoji itself.
        let utf16 = resolver(.utf16)
        try store.change(.init(textDocument: .init(uri: uri, version: 2), contentChanges: [
            .init(range: .init(line: 0, character: 3, toLine: 2, character: 0), text: "\n"),
            .init(range: .init(line: 1, character: 1, toLine: 1, character: 1), text: "🗾"),
        ]), offsetOf: utf16)
        #expect(store[uri]?.text == "計画:\n終🗾わり\n")
        try store.change(change(.init(line: 1, character: 1, toLine: 1, character: 3), "日本", version: 3), offsetOf: utf16)
        #expect(store[uri]?.text == "計画:\n終日本わり\n")
        // The same kind of edit in UTF-8 units: 終 is 3 bytes, 日本 is 6.
        try store.change(change(.init(line: 1, character: 3, toLine: 1, character: 9), "🍣", version: 4), offsetOf: resolver(.utf8))
        #expect(store[uri]?.text == "計画:\n終🍣わり\n")
        #expect(store[uri]?.version == 4)
    }

    @Test func positionsPastTheEndClampAsTheProtocolSays() throws {
        var store = open()
        // Character past the end of line 0 → end of that line; line past the end → end of text.
        try store.change(change(.init(line: 0, character: 99, toLine: 0, character: 120), "!"), offsetOf: resolver(.utf16))
        #expect(store[uri]?.text == "計画:!\n予算: 🍣100 円\n終わり\n")
        try store.change(change(.init(line: 50, character: 0, toLine: 60, character: 0), "追記\n", version: 3), offsetOf: resolver(.utf16))
        #expect(store[uri]?.text == "計画:!\n予算: 🍣100 円\n終わり\n追記\n")
    }

    @Test func aPositionInsideASurrogatePairDoesNotSplitTheEmoji() throws {
        var store = open()
        // UTF-16 character 5 on line 1 is between the two halves of 🍣; SourceText moves it
        // to the emoji's start, so the text stays valid UTF-8.
        try store.change(change(.init(line: 1, character: 5, toLine: 1, character: 5), "X"), offsetOf: resolver(.utf16))
        #expect(store[uri]?.text == "計画:\n予算: X🍣100 円\n終わり\n")
        #expect(String(validating: store[uri]!.bytes, as: UTF8.self) != nil)
    }

    @Test func fullChangeReplacesTheText() throws {
        var store = open()
        try store.change(change(nil, "新しい: 1\n", version: 9), offsetOf: { _, _ in Issue.record("no conversion needed"); return 0 })
        #expect(store[uri] == DocumentStore.Document(uri: uri, languageId: "yaml", version: 9, bytes: Array("新しい: 1\n".utf8)))
    }

    @Test func failuresLeaveTheDocumentUnchanged() throws {
        var store = open()
        let inverted = LSP.Range(line: 1, character: 4, toLine: 1, character: 2)
        #expect(throws: DocumentStore.Failure.invertedRange(inverted)) {
            try store.change(.init(textDocument: .init(uri: uri, version: 5), contentChanges: [
                .init(range: .init(line: 0, character: 0, toLine: 0, character: 0), text: "先頭"),
                .init(range: inverted, text: "x"),
            ]), offsetOf: resolver(.utf16))
        }
        #expect(store[uri]?.text == original)
        #expect(store[uri]?.version == 1)
        #expect(throws: DocumentStore.Failure.notOpen("file:///other")) {
            try store.change(.init(textDocument: .init(uri: "file:///other", version: 2), contentChanges: []), offsetOf: resolver(.utf16))
        }
        // A resolver that returns nonsense cannot make the store read out of bounds.
        try store.change(change(.init(line: 0, character: 0, toLine: 0, character: 1), "Z"), offsetOf: { _, p in p.character == 0 ? -50 : 10_000 })
        #expect(store[uri]?.text == "Z")
    }

    @Test func saveAndClose() throws {
        var store = open()
        try store.replaceText(of: uri, with: "保存: 済\n")
        #expect(store[uri]?.text == "保存: 済\n")
        #expect(store[uri]?.version == 1)
        #expect(try store.close(uri).text == "保存: 済\n")
        #expect(store[uri] == nil)
        #expect(store.all.isEmpty)
        #expect(throws: DocumentStore.Failure.notOpen(uri)) { try store.close(uri) }
    }
}
