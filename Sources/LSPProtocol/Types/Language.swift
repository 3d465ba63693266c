extension LSP {
    /// A kind of code action. An open set of dotted names.
    public struct CodeActionKind: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { rawValue = value }
        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(rawValue)
        }

        public static let quickFix: CodeActionKind = "quickfix"
        public static let refactor: CodeActionKind = "refactor"
        public static let source: CodeActionKind = "source"
        public static let sourceFixAll: CodeActionKind = "source.fixAll"

        /// True if `self` is `kind` or one of its sub-kinds (`quickfix.planlint` is a
        /// `quickfix`), the test for a request's `only` filter.
        public func isKind(of kind: CodeActionKind) -> Bool {
            rawValue == kind.rawValue || rawValue.hasPrefix(kind.rawValue + ".")
        }
    }

    /// Params of `textDocument/codeAction`.
    public struct CodeActionParams: Codable, Hashable, Sendable {
        public var textDocument: TextDocumentIdentifier
        public var range: Range
        public var context: CodeActionContext
        public init(textDocument: TextDocumentIdentifier, range: Range, context: CodeActionContext) {
            (self.textDocument, self.range, self.context) = (textDocument, range, context)
        }
    }

    public struct CodeActionContext: Codable, Hashable, Sendable {
        /// The diagnostics the client shows over the range (with the `data` the server gave them).
        public var diagnostics: [Diagnostic]
        /// Only these kinds are wanted (nil: all).
        public var only: [CodeActionKind]?
        /// 1: invoked by the user; 2: automatic.
        public var triggerKind: Int?
        public init(diagnostics: [Diagnostic], only: [CodeActionKind]? = nil, triggerKind: Int? = nil) {
            (self.diagnostics, self.only, self.triggerKind) = (diagnostics, only, triggerKind)
        }
    }

    /// A change the user can apply, such as a finding's fix.
    public struct CodeAction: Codable, Hashable, Sendable {
        public var title: String
        public var kind: CodeActionKind?
        /// The diagnostics this action resolves.
        public var diagnostics: [Diagnostic]?
        /// Marks the fix to apply by default (e.g. with a "fix all" key).
        public var isPreferred: Bool?
        public var edit: WorkspaceEdit?
        public var data: JSONValue?
        public init(
            title: String, kind: CodeActionKind? = nil, diagnostics: [Diagnostic]? = nil,
            isPreferred: Bool? = nil, edit: WorkspaceEdit? = nil, data: JSONValue? = nil
        ) {
            self.title = title
            self.kind = kind
            self.diagnostics = diagnostics
            self.isPreferred = isPreferred
            self.edit = edit
            self.data = data
        }
    }

    /// Params of `textDocument/hover`.
    public struct HoverParams: Codable, Hashable, Sendable {
        public var textDocument: TextDocumentIdentifier
        public var position: Position
        public init(textDocument: TextDocumentIdentifier, position: Position) {
            (self.textDocument, self.position) = (textDocument, position)
        }
    }

    /// The result of `textDocument/hover` (the request's result is `Hover?`: null for
    /// nothing to show).
    public struct Hover: Codable, Hashable, Sendable {
        public var contents: MarkupContent
        public var range: Range?
        public init(contents: MarkupContent, range: Range? = nil) { (self.contents, self.range) = (contents, range) }
    }
}
