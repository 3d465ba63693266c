import LSPProtocol

/// The findings last published for one document, and the code actions they offer.
///
/// `textDocument/codeAction` names the findings it wants fixes for by sending them back
/// (`context.diagnostics`). They are matched to what was published, in this order:
/// 1. by `data` (the server puts `{"planlint": {"version": V, "index": I}}` on findings
///    with fixes, and clients that keep `data` send it back);
/// 2. by range and code;
/// 3. by code, message and start line — for clients that send back a changed range
///    (Neovim 0.7 sends byte columns where it received UTF-16 ones).
/// When the client sends no diagnostics, the findings whose range meets the request's
/// range are taken.
package struct PublishedDocument: Sendable, Hashable {
    /// The document version the findings were computed for.
    package var version: Int
    package var findings: [PublishedFinding]
    /// "Fix all": the document's safe fixes in one action (`DiagnosticConverter.fixAll`).
    package var fixAll: LSP.CodeAction?

    /// `findings` as published for `version`: the ones with fixes get a `data` key.
    package init(version: Int, findings: [PublishedFinding], fixAll: LSP.CodeAction? = nil) {
        self.version = version
        self.findings = findings
        self.fixAll = fixAll
        for i in self.findings.indices where !self.findings[i].actions.isEmpty {
            self.findings[i].diagnostic.data = ["planlint": ["version": .integer(version), "index": .integer(i)]]
        }
    }

    /// The LSP diagnostics to publish.
    package var diagnostics: [LSP.Diagnostic] { findings.map(\.diagnostic) }

    /// The code actions for a `codeAction` request: the quick fixes of the findings it names,
    /// each naming the client's diagnostic it resolves, then "fix all" — when the request
    /// asks for `source.fixAll` (editors' fix-on-save), or asks for any kind and a finding in
    /// the range has a fix.
    package func actions(for params: LSP.CodeActionParams) -> [LSP.CodeAction] {
        let only = params.context.only
        let wantsFixAll = only?.contains { DiagnosticConverter.fixAllKind.isKind(of: $0) } ?? false
        var actions: [LSP.CodeAction] = []
        if only == nil || only!.contains(where: { LSP.CodeActionKind.quickFix.isKind(of: $0) }) {
            actions = quickFixes(for: params)
        }
        if let fixAll, wantsFixAll || (only == nil && !actions.isEmpty) { actions.append(fixAll) }
        return actions
    }

    /// The quick fixes for a `codeAction` request.
    func quickFixes(for params: LSP.CodeActionParams) -> [LSP.CodeAction] {
        var wanted: [(index: Int, sent: LSP.Diagnostic)] = []
        if params.context.diagnostics.isEmpty {
            for (i, f) in findings.enumerated() where Self.meets(f.diagnostic.range, params.range) {
                wanted.append((i, f.diagnostic))
            }
        } else {
            for sent in params.context.diagnostics where sent.source == nil || sent.source == "planlint" {
                if let i = match(sent), !wanted.contains(where: { $0.index == i }) { wanted.append((i, sent)) }
            }
        }
        return wanted.flatMap { index, sent in
            findings[index].actions.map { action in
                var action = action
                action.diagnostics = [sent]
                return action
            }
        }
    }

    /// The index of the published finding `sent` stands for.
    func match(_ sent: LSP.Diagnostic) -> Int? {
        if let key = sent.data?["planlint"], key["version"]?.intValue == version,
           let i = key["index"]?.intValue, findings.indices.contains(i), findings[i].diagnostic.code == sent.code {
            return i
        }
        if let i = findings.firstIndex(where: { $0.diagnostic.range == sent.range && $0.diagnostic.code == sent.code }) {
            return i
        }
        return findings.firstIndex {
            $0.diagnostic.code == sent.code && $0.diagnostic.message == sent.message
                && $0.diagnostic.range.start.line == sent.range.start.line
        }
    }

    /// Whether two ranges overlap or touch (a cursor at either end of a finding is on it).
    static func meets(_ a: LSP.Range, _ b: LSP.Range) -> Bool {
        a.start <= b.end && b.start <= a.end
    }
}
