import DiagnosticRendering
import Diagnostics
import LSPProtocol
import PlanLintKit
import SourceText

/// Positions in the encoding agreed at `initialize`, computed by `SourceText`.
///
/// planlint's ranges are byte offsets into UTF-8 text; LSP positions are 0-based lines and
/// columns counted in UTF-16 code units (the default), UTF-8 bytes or code points.
/// `SourceFile.location(of:)` and `SourceFile.offset(line:column:unit:)` do the counting;
/// this only picks the unit and shifts to 0-based.
package struct PositionConverter: Sendable, Hashable {
    /// The negotiated encoding.
    package let encoding: PositionEncoding

    package init(encoding: PositionEncoding) { self.encoding = encoding }

    /// The `SourceText` unit that counts like `encoding`.
    package var unit: ColumnUnit {
        switch encoding {
        case .utf8: .utf8
        case .utf16: .utf16
        case .utf32: .codePoint
        }
    }

    /// The unit `EditableText` counts edits' positions in.
    package var editUnit: EditableText.Unit {
        switch encoding {
        case .utf8: .utf8
        case .utf16: .utf16
        case .utf32: .codePoint
        }
    }

    /// The LSP position of a byte offset in `file` (an offset inside a multi-byte character
    /// moves to the character's start).
    package func position(of offset: Int, in file: SourceFile) -> LSP.Position {
        let location = file.location(of: offset)
        let column = switch encoding {
        case .utf8: location.byteColumn
        case .utf16: location.utf16Column
        case .utf32: location.column
        }
        return LSP.Position(line: location.line - 1, character: column - 1)
    }

    /// The LSP range of a byte range in `file`.
    package func range(of range: ByteRange, in file: SourceFile) -> LSP.Range {
        LSP.Range(start: position(of: range.start, in: file), end: position(of: range.end, in: file))
    }

    /// The LSP range of a span (in the span's own file).
    package func range(of span: SourceSpan) -> LSP.Range {
        range(of: span.range, in: span.file)
    }

    /// The byte offset of an LSP position in `file`; positions past the end of a line or of
    /// the file clamp to it, as the protocol asks.
    package func offset(of position: LSP.Position, in file: SourceFile) -> Int {
        file.offset(line: position.line, column: position.character, unit: unit)
    }
}

/// A finding as published for one document: the LSP diagnostic and the quick fixes that
/// `textDocument/codeAction` offers for it.
package struct PublishedFinding: Sendable, Hashable {
    package var diagnostic: LSP.Diagnostic
    /// The finding's fixes as code actions (without their `diagnostics` member, which the
    /// server fills in with what the client sent).
    package var actions: [LSP.CodeAction]

    package init(diagnostic: LSP.Diagnostic, actions: [LSP.CodeAction] = []) { (self.diagnostic, self.actions) = (diagnostic, actions) }
}

/// Turns planlint's diagnostics into LSP diagnostics and code actions for one document.
///
/// - The range is the primary span's, in the negotiated encoding; a diagnostic that only
///   names a path (an unreadable file) sits at the start of the document.
/// - `severity`: error 1, warning 2, info 3. `code` is the rule id or planlint's code;
///   `codeDescription` its documentation URL when there is one; `source` is `planlint`.
/// - The message is planlint's message, followed by its notes and help on lines of their
///   own (`note: …`, `help: …`), which editors show with the diagnostic.
/// - Labels become `relatedInformation`, in whatever file they point to (a rule file, a
///   schema).
/// - A finding whose primary place is in another file but which labels this document (a
///   rule whose `for` path matched nothing here) is shown at its first label here, with
///   the primary place as related information. Other findings about other files are not
///   this document's.
/// - Suppressed findings are left out, as the command line's renderers leave them out.
package struct DiagnosticConverter: Sendable {
    /// The position encoding.
    package let positions: PositionConverter
    /// The document's path as planlint's diagnostics name it (display path).
    package let documentPath: String
    /// The client's URI for the document.
    package let documentURI: LSP.DocumentURI
    /// The URI for another file, from the path planlint's diagnostics name it by.
    package let uriForPath: @Sendable (String) -> LSP.DocumentURI
    /// A documentation URL for a code when the diagnostic carries none (a rule's `docs:`).
    package let docsURL: @Sendable (String) -> String?

    package init(
        positions: PositionConverter, documentPath: String, documentURI: LSP.DocumentURI,
        uriForPath: @escaping @Sendable (String) -> LSP.DocumentURI,
        docsURL: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.positions = positions
        self.documentPath = documentPath
        self.documentURI = documentURI
        self.uriForPath = uriForPath
        self.docsURL = docsURL
    }

    /// The URI of a file named by planlint's (display) path: the document's own URI for it.
    package func uri(forPath path: String) -> LSP.DocumentURI {
        path == documentPath ? documentURI : uriForPath(path)
    }

    /// The finding as this document shows it, or nil when it is not about this document
    /// (or suppressed).
    package func convert(_ d: Diagnostic) -> PublishedFinding? {
        guard d.suppression == nil else { return nil }
        var related: [LSP.DiagnosticRelatedInformation] = []
        let range: LSP.Range
        if d.path == documentPath {
            range = d.span.map(positions.range(of:)) ?? LSP.Range(line: 0, character: 0, toLine: 0, character: 0)
            related = d.labels.map(relatedInformation)
        } else if let span = d.span, let here = d.labels.firstIndex(where: { $0.span.file.path == documentPath }) {
            range = positions.range(of: d.labels[here].span)
            related.append(LSP.DiagnosticRelatedInformation(
                location: LSP.Location(uri: uri(forPath: span.file.path), range: positions.range(of: span)),
                message: d.primaryLabel ?? ServerMessage.reportedHere()))
            related += d.labels.enumerated().filter { $0.offset != here }.map { relatedInformation($0.element) }
        } else {
            return nil
        }
        let lsp = LSP.Diagnostic(
            range: range,
            severity: Self.severity(d.severity),
            code: d.code,
            codeDescription: (d.docsURL ?? docsURL(d.code)).map(LSP.CodeDescription.init(href:)),
            source: "planlint",
            message: Self.message(d),
            relatedInformation: related.isEmpty ? nil : related)
        return PublishedFinding(diagnostic: lsp, actions: codeActions(for: d))
    }

    /// The quick fixes of a finding: one code action per fix, its edits grouped by file.
    /// A safe fix is marked preferred (editors apply it with their "fix" key).
    package func codeActions(for d: Diagnostic) -> [LSP.CodeAction] {
        d.fixes.map { fix in
            var changes: [LSP.DocumentURI: [LSP.TextEdit]] = [:]
            for edit in fix.edits {
                let uri = uri(forPath: edit.span.file.path)
                changes[uri, default: []].append(LSP.TextEdit(range: positions.range(of: edit.span), newText: edit.replacement))
            }
            return LSP.CodeAction(title: fix.title, kind: .quickFix, isPreferred: fix.isSafe,
                                  edit: LSP.WorkspaceEdit(changes: changes))
        }
    }

    /// "Fix all" for the document: the safe fixes of `diagnostics` that can be applied
    /// together (`FixSet`, as `planlint fix` chooses them on its first pass), as one code
    /// action of kind `source.fixAll.planlint`; nil when there is none.
    package func fixAll(_ diagnostics: [Diagnostic]) -> LSP.CodeAction? {
        let files = diagnostics.lazy.filter { $0.suppression == nil }.flatMap(\.fixes).flatMap(\.edits).map(\.span.file)
        guard let file = files.first(where: { $0.path == documentPath }) else { return nil }
        let set = FixSet(diagnostics, in: file, includeUnsafe: false)
        guard !set.chosen.isEmpty else { return nil }
        let edits = set.edits.map { LSP.TextEdit(range: positions.range(of: $0.span), newText: $0.replacement) }
        return LSP.CodeAction(title: LSPMessage.fixAll(["count": set.fixedCount]), kind: Self.fixAllKind,
                              edit: LSP.WorkspaceEdit(changes: [documentURI: edits]))
    }

    /// The kind of the "fix all" action.
    package static let fixAllKind: LSP.CodeActionKind = "source.fixAll.planlint"

    func relatedInformation(_ label: Label) -> LSP.DiagnosticRelatedInformation {
        LSP.DiagnosticRelatedInformation(
            location: LSP.Location(uri: uri(forPath: label.span.file.path), range: positions.range(of: label.span)),
            message: label.message)
    }

    /// planlint's severity as LSP's.
    package static func severity(_ s: Severity) -> LSP.DiagnosticSeverity {
        switch s {
        case .error: .error
        case .warning: .warning
        case .info: .information
        }
    }

    /// The message, then `note:` and `help:` lines.
    package static func message(_ d: Diagnostic) -> String {
        d.message + HumanMessage.notesAndHelp(of: d)
    }
}

/// The language server's own words.
package enum LSPMessage: String, MessageCatalogue {
    case fixAll = "Fix all planlint findings with safe fixes ({count})"

    package var japanese: String? {
        switch self {
        case .fixAll: "安全な修正のある planlint の指摘をすべて修正（{count} 件）"
        }
    }
}
