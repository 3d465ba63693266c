import Diagnostics
import SourceText

/// planlint's own JSON: every field of the model, with byte offsets and both code-point and
/// UTF-16 columns, documented in Docs/output-json.md and described by
/// Docs/schemas/planlint-output.schema.json.
///
/// Fields are always present (`null` or `[]` when empty) and keys are sorted, so the output
/// is stable and diffs cleanly. `version` changes only when a field changes meaning or is removed.
package struct JSONRenderer: DiagnosticRenderer {
    /// The version of the document's shape.
    package static let formatVersion = 1

    package init() {}

    /// The whole output for `diagnostics` (see the type's documentation).
    package func render(_ diagnostics: [Diagnostic], context: RenderContext) -> String {
        let shown = diagnostics.prepared(keepSuppressed: context.includeSuppressed)
        let index = PositionIndex()
        let summary = DiagnosticSummary(diagnostics, files: context.fileCount(diagnostics))
        let document: JSONValue = [
            "version": .int(JSONRenderer.formatVersion),
            "language": .string(context.language.rawValue),
            "tool": ["name": "planlint", "version": .string(context.toolVersion)],
            "summary": [
                "errors": .int(summary.errors),
                "warnings": .int(summary.warnings),
                "infos": .int(summary.infos),
                "suppressed": .int(summary.suppressed),
                "files": .int(summary.files),
            ],
            "diagnostics": .array(shown.map { JSONRenderer.diagnostic($0, index: index) }),
        ]
        return document.serialized()
    }

    static func diagnostic(_ d: Diagnostic, index: PositionIndex) -> JSONValue {
        func range(_ span: SourceSpan) -> JSONValue {
            ["start": position(index.start(span)), "end": position(index.end(span))]
        }
        return [
            "code": .string(d.code),
            "severity": .string(d.severity.description),
            "message": .string(d.message),
            "alternateMessage": d.alternateMessage.map { ["language": .string($0.language.rawValue), "text": .string($0.text)] } ?? .null,
            "path": .string(d.path),
            "range": d.span.map { range($0) } ?? .null,
            "primaryLabel": .optional(d.primaryLabel),
            "labels": .array(d.labels.map { label in
                ["path": .string(label.span.file.path), "range": range(label.span), "message": .string(label.message)]
            }),
            "notes": .array(d.notes.map(JSONValue.string)),
            "help": .optional(d.help),
            "docsURL": .optional(d.docsURL),
            "fixes": .array(d.fixes.map { fix in
                [
                    "title": .string(fix.title),
                    "safe": .bool(fix.isSafe),
                    "edits": .array(fix.edits.map { edit in
                        ["path": .string(edit.span.file.path), "range": range(edit.span), "replacement": .string(edit.replacement)]
                    }),
                ]
            }),
            "suppression": d.suppression.map { s in
                ["kind": .string(s.kind.rawValue), "justification": .optional(s.justification)]
            } ?? .null,
            "baselineState": .optional(d.baselineState),
        ]
    }

    static func position(_ l: PositionIndex.Position) -> JSONValue {
        ["offset": .int(l.offset), "line": .int(l.line), "column": .int(l.column), "utf16Column": .int(l.utf16Column)]
    }
}
