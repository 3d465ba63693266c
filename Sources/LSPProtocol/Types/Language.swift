extension LSP {
    /// A kind of code action. An open set of dotted names.
    package struct CodeActionKind: RawRepresentable, Codable, Hashable, Sendable, ExpressibleByStringLiteral {
        package var rawValue: String
        package init(rawValue: String) { self.rawValue = rawValue }
        package init(stringLiteral value: String) { rawValue = value }
        package init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }
        package func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(rawValue)
        }

        package static let quickFix: CodeActionKind = "quickfix"
        package static let refactor: CodeActionKind = "refactor"
        package static let source: CodeActionKind = "source"
        package static let sourceFixAll: CodeActionKind = "source.fixAll"

        /// True if `self` is `kind` or one of its sub-kinds (`quickfix.planlint` is a
        /// `quickfix`), the test for a request's `only` filter.
        package func isKind(of kind: CodeActionKind) -> Bool {
            rawValue == kind.rawValue || rawValue.hasPrefix(kind.rawValue + ".")
        }
    }

    /// Params of `textDocument/codeAction`.
    package struct CodeActionParams: Codable, Hashable, Sendable {
        package var textDocument: TextDocumentIdentifier
        package var range: Range
        package var context: CodeActionContext
        package init(textDocument: TextDocumentIdentifier, range: Range, context: CodeActionContext) {
            (self.textDocument, self.range, self.context) = (textDocument, range, context)
        }
    }

    package struct CodeActionContext: Codable, Hashable, Sendable {
        /// The diagnostics the client shows over the range (with the `data` the server gave them).
        package var diagnostics: [Diagnostic]
        /// Only these kinds are wanted (nil: all).
        package var only: [CodeActionKind]?
        /// 1: invoked by the user; 2: automatic.
        package var triggerKind: Int?
        package init(diagnostics: [Diagnostic], only: [CodeActionKind]? = nil, triggerKind: Int? = nil) {
            (self.diagnostics, self.only, self.triggerKind) = (diagnostics, only, triggerKind)
        }
    }

    /// A change the user can apply, such as a finding's fix.
    package struct CodeAction: Codable, Hashable, Sendable {
        package var title: String
        package var kind: CodeActionKind?
        /// The diagnostics this action resolves.
        package var diagnostics: [Diagnostic]?
        /// Marks the fix to apply by default (e.g. with a "fix all" key).
        package var isPreferred: Bool?
        package var edit: WorkspaceEdit?
        package var data: JSONValue?
        package init(
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
    package struct HoverParams: Codable, Hashable, Sendable {
        package var textDocument: TextDocumentIdentifier
        package var position: Position
        package init(textDocument: TextDocumentIdentifier, position: Position) {
            (self.textDocument, self.position) = (textDocument, position)
        }
    }

    /// The result of `textDocument/hover` (the request's result is `Hover?`: null for
    /// nothing to show).
    package struct Hover: Codable, Hashable, Sendable {
        package var contents: MarkupContent
        package var range: Range?
        package init(contents: MarkupContent, range: Range? = nil) { (self.contents, self.range) = (contents, range) }
    }
}
