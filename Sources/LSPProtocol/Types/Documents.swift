extension LSP {
    /// Params of `textDocument/didOpen`.
    package struct DidOpenTextDocumentParams: Codable, Hashable, Sendable {
        package var textDocument: TextDocumentItem
        package init(textDocument: TextDocumentItem) { self.textDocument = textDocument }
    }

    /// Params of `textDocument/didChange`. The changes apply in order, each to the text
    /// left by the one before.
    package struct DidChangeTextDocumentParams: Codable, Hashable, Sendable {
        package var textDocument: VersionedTextDocumentIdentifier
        package var contentChanges: [TextDocumentContentChangeEvent]
        package init(textDocument: VersionedTextDocumentIdentifier, contentChanges: [TextDocumentContentChangeEvent]) {
            (self.textDocument, self.contentChanges) = (textDocument, contentChanges)
        }
    }

    /// One change: `text` replaces `range` (incremental sync) or, without a range, the
    /// whole document (full sync).
    package struct TextDocumentContentChangeEvent: Codable, Hashable, Sendable {
        package var range: Range?
        /// Deprecated by the protocol; ignored here (lengths are in the client's units and
        /// `range` already says everything).
        package var rangeLength: Int?
        package var text: String

        package init(range: Range? = nil, rangeLength: Int? = nil, text: String) {
            (self.range, self.rangeLength, self.text) = (range, rangeLength, text)
        }
    }

    /// Params of `textDocument/didSave`.
    package struct DidSaveTextDocumentParams: Codable, Hashable, Sendable {
        package var textDocument: TextDocumentIdentifier
        /// The saved text, when the server asked for it (`save.includeText`).
        package var text: String?
        package init(textDocument: TextDocumentIdentifier, text: String? = nil) { (self.textDocument, self.text) = (textDocument, text) }
    }

    /// Params of `textDocument/didClose`.
    package struct DidCloseTextDocumentParams: Codable, Hashable, Sendable {
        package var textDocument: TextDocumentIdentifier
        package init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
    }
}
