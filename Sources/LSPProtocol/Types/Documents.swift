extension LSP {
    /// Params of `textDocument/didOpen`.
    public struct DidOpenTextDocumentParams: Codable, Hashable, Sendable {
        public var textDocument: TextDocumentItem
        public init(textDocument: TextDocumentItem) { self.textDocument = textDocument }
    }

    /// Params of `textDocument/didChange`. The changes apply in order, each to the text
    /// left by the one before.
    public struct DidChangeTextDocumentParams: Codable, Hashable, Sendable {
        public var textDocument: VersionedTextDocumentIdentifier
        public var contentChanges: [TextDocumentContentChangeEvent]
        public init(textDocument: VersionedTextDocumentIdentifier, contentChanges: [TextDocumentContentChangeEvent]) {
            (self.textDocument, self.contentChanges) = (textDocument, contentChanges)
        }
    }

    /// One change: `text` replaces `range` (incremental sync) or, without a range, the
    /// whole document (full sync).
    public struct TextDocumentContentChangeEvent: Codable, Hashable, Sendable {
        public var range: Range?
        /// Deprecated by the protocol; ignored here (lengths are in the client's units and
        /// `range` already says everything).
        public var rangeLength: Int?
        public var text: String

        public init(range: Range? = nil, rangeLength: Int? = nil, text: String) {
            (self.range, self.rangeLength, self.text) = (range, rangeLength, text)
        }
    }

    /// Params of `textDocument/didSave`.
    public struct DidSaveTextDocumentParams: Codable, Hashable, Sendable {
        public var textDocument: TextDocumentIdentifier
        /// The saved text, when the server asked for it (`save.includeText`).
        public var text: String?
        public init(textDocument: TextDocumentIdentifier, text: String? = nil) { (self.textDocument, self.text) = (textDocument, text) }
    }

    /// Params of `textDocument/didClose`.
    public struct DidCloseTextDocumentParams: Codable, Hashable, Sendable {
        public var textDocument: TextDocumentIdentifier
        public init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
    }
}
