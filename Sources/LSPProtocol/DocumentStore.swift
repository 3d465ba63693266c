/// The documents the client has open, with the versions and texts it sent.
///
/// Texts are kept as UTF-8 bytes, what planlint's `SourceFile` reads. Incremental changes
/// carry ranges in the negotiated position encoding; turning a position into a byte
/// offset is not this module's business, so every change takes an ``OffsetResolver``,
/// which the server builds from `SourceText`:
///
/// ```swift
/// try store.change(params) { text, position in
///     SourceFile(path: "", bytes: text).offset(line: position.line, column: position.character, unit: unit)
/// }
/// ```
///
/// A value type: the server keeps it in its actor and snapshots documents for checking.
package struct DocumentStore: Sendable {
    /// One open document.
    package struct Document: Sendable, Hashable {
        package var uri: LSP.DocumentURI
        package var languageId: String
        package var version: Int
        /// The text, changed in place by edits (a gap buffer: `EditableText`).
        package var content: EditableText

        package init(uri: LSP.DocumentURI, languageId: String, version: Int, bytes: [UInt8]) {
            self.uri = uri
            self.languageId = languageId
            self.version = version
            self.content = EditableText(bytes)
        }

        /// The text as UTF-8 (a copy: O(size), so taken once per check, not per edit).
        package var bytes: [UInt8] {
            get { content.bytes }
            set { content = EditableText(newValue) }
        }

        package var text: String { String(decoding: bytes, as: UTF8.self) }

        package static func == (a: Document, b: Document) -> Bool {
            a.uri == b.uri && a.languageId == b.languageId && a.version == b.version && a.bytes == b.bytes
        }

        package func hash(into h: inout Hasher) {
            h.combine(uri)
            h.combine(version)
            h.combine(content.count)
        }

        /// Applies one change in place: a whole new text, or a range replaced, in time
        /// proportional to the change and to its distance from the previous one.
        mutating func apply(_ change: LSP.TextDocumentContentChangeEvent, unit: EditableText.Unit) {
            guard let range = change.range else {
                content = EditableText(Array(change.text.utf8))
                return
            }
            let start = content.offset(line: range.start.line, character: range.start.character, unit: unit)
            let end = max(start, content.offset(line: range.end.line, character: range.end.character, unit: unit))
            content.replace(start, end, with: change.text.utf8)
        }
    }

    /// The byte offset of `position` in `text`, in the negotiated encoding. Positions past
    /// the end of a line or of the text should clamp to it (as the protocol asks), which
    /// `SourceFile.offset(line:column:unit:)` does.
    package typealias OffsetResolver = (_ text: [UInt8], _ position: LSP.Position) -> Int

    /// Why a change could not be applied. The document is left as it was.
    package enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// `didChange` or `didClose` for a document that is not open.
        case notOpen(LSP.DocumentURI)
        /// A range whose end comes before its start.
        case invertedRange(LSP.Range)

        package var description: String {
            switch self {
            case .notOpen(let uri): "document is not open: \(uri)"
            case .invertedRange(let r): "change range \(r) ends before it starts"
            }
        }
    }

    private var documents: [LSP.DocumentURI: Document] = [:]

    /// An empty store.
    package init() {}

    /// The open document with this URI (the client's exact string), or nil.
    package subscript(uri: LSP.DocumentURI) -> Document? { documents[uri] }

    /// All open documents, by URI.
    package var all: [LSP.DocumentURI: Document] { documents }

    /// Opens a document (a second `didOpen` for the same URI replaces it).
    @discardableResult
    package mutating func open(_ item: LSP.TextDocumentItem) -> Document {
        let document = Document(uri: item.uri, languageId: item.languageId, version: item.version, bytes: Array(item.text.utf8))
        documents[item.uri] = document
        return document
    }

    /// Applies `didChange`: its changes in order, then its version. All or nothing.
    @discardableResult
    package mutating func change(
        _ params: LSP.DidChangeTextDocumentParams, offsetOf: OffsetResolver
    ) throws(Failure) -> Document {
        let uri = params.textDocument.uri
        guard var document = documents[uri] else { throw .notOpen(uri) }
        for change in params.contentChanges {
            document.bytes = try Self.apply(change, to: document.bytes, offsetOf: offsetOf)
        }
        document.version = params.textDocument.version
        documents[uri] = document
        return document
    }

    /// Applies `didChange` in place, positions counted in `unit`: its changes in order, then
    /// its version. All or nothing: an inverted range is refused before anything changes.
    /// Each change costs its own size (plus its distance from the previous change), not the
    /// document's: a burst of one-character changes to a large document stays cheap.
    package mutating func change(_ params: LSP.DidChangeTextDocumentParams, unit: EditableText.Unit) throws(Failure) {
        let uri = params.textDocument.uri
        guard documents[uri] != nil else { throw .notOpen(uri) }
        for change in params.contentChanges {
            if let range = change.range, !(range.start <= range.end) { throw .invertedRange(range) }
        }
        for change in params.contentChanges { documents[uri]!.apply(change, unit: unit) }
        documents[uri]!.version = params.textDocument.version
    }

    /// Replaces a document's text after `didSave` with text (keeps its version).
    package mutating func replaceText(of uri: LSP.DocumentURI, with text: String) throws(Failure) {
        guard documents[uri] != nil else { throw .notOpen(uri) }
        documents[uri]?.bytes = Array(text.utf8)
    }

    /// Forgets a document; returns it.
    @discardableResult
    package mutating func close(_ uri: LSP.DocumentURI) throws(Failure) -> Document {
        guard let document = documents.removeValue(forKey: uri) else { throw .notOpen(uri) }
        return document
    }

    /// One change applied to a text: without a range, the change's text is the new text;
    /// with one, it replaces the bytes between the range's resolved offsets.
    package static func apply(
        _ change: LSP.TextDocumentContentChangeEvent, to text: [UInt8], offsetOf: OffsetResolver
    ) throws(Failure) -> [UInt8] {
        guard let range = change.range else { return Array(change.text.utf8) }
        guard range.start <= range.end else { throw .invertedRange(range) }
        let start = max(0, min(text.count, offsetOf(text, range.start)))
        let end = max(start, min(text.count, offsetOf(text, range.end)))
        var result = text
        result.replaceSubrange(start..<end, with: change.text.utf8)
        return result
    }
}
