import Foundation
import Testing

@testable import LSPProtocol

/// Decodes `literal` as `T`, checks it equals `expected`, and checks that encoding it gives
/// back the same JSON (compared as values: key order and spacing do not matter).
func expectRoundTrip<T: Codable & Equatable>(
    _ literal: String, _ expected: T, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let decoded = try JSONDecoder().decode(T.self, from: Data(literal.utf8))
    #expect(decoded == expected, sourceLocation: sourceLocation)
    let encoded = try json([UInt8](JSONRPC.encoder.encode(expected)))
    #expect(encoded == (try json(literal)), sourceLocation: sourceLocation)
}

@Suite struct MessageTypeTests {
    let uri = "file:///home/hanako/%E8%A8%88%E7%94%BB/plan.yaml"
    func range(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int) -> LSP.Range {
        LSP.Range(line: l1, character: c1, toLine: l2, character: c2)
    }

    @Test func initializeParamsFromARealClient() throws {
        // The shape Neovim and VS Code send, with members this module does not model.
        let literal = #"""
        {"processId": 4242, "clientInfo": {"name": "Neovim", "version": "0.7.2"},
         "rootUri": "file:///home/hanako/plans", "rootPath": "/home/hanako/plans",
         "workspaceFolders": [{"uri": "file:///home/hanako/plans", "name": "plans"}],
         "initializationOptions": {"config": ".planlint.yaml", "strict": true},
         "trace": "off",
         "capabilities": {
           "general": {"positionEncodings": ["utf-8", "utf-16"]},
           "textDocument": {
             "synchronization": {"dynamicRegistration": false, "willSave": false, "didSave": true},
             "publishDiagnostics": {"relatedInformation": true, "tagSupport": {"valueSet": [1, 2]},
                                    "versionSupport": true, "codeDescriptionSupport": true, "dataSupport": true},
             "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}},
                            "isPreferredSupport": true, "dataSupport": true},
             "hover": {"contentFormat": ["markdown", "plaintext"]}
           },
           "workspace": {"workspaceFolders": true, "applyEdit": true,
                         "didChangeWatchedFiles": {"dynamicRegistration": true, "relativePatternSupport": true}},
           "window": {"workDoneProgress": true, "showMessage": {"messageActionItem": {"additionalPropertiesSupport": false}}}
         }}
        """#
        let p = try JSONDecoder().decode(LSP.InitializeParams.self, from: Data(literal.utf8))
        #expect(p.processId == 4242)
        #expect(p.clientInfo == LSP.ProgramInfo(name: "Neovim", version: "0.7.2"))
        #expect(p.rootUri == "file:///home/hanako/plans")
        #expect(p.workspaceFolders == [LSP.WorkspaceFolder(uri: "file:///home/hanako/plans", name: "plans")])
        #expect(p.initializationOptions == ["config": ".planlint.yaml", "strict": true])
        #expect(p.capabilities.general?.positionEncodings == ["utf-8", "utf-16"])
        #expect(p.positionEncoding == .utf8)
        #expect(p.capabilities.textDocument?.publishDiagnostics == .init(
            relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true))
        #expect(p.capabilities.textDocument?.synchronization?.didSave == true)
        #expect(p.capabilities.textDocument?.codeAction?.isPreferredSupport == true)
        #expect(p.capabilities.textDocument?.codeAction?.codeActionLiteralSupport != nil)
        #expect(p.capabilities.textDocument?.hover?.contentFormat == ["markdown", "plaintext"])
        #expect(p.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration == true)
        #expect(p.capabilities.window?.workDoneProgress == true)
    }

    @Test func initializeParamsRoundTripWithNullMembers() throws {
        try expectRoundTrip(
            #"{"processId": null, "rootUri": null, "capabilities": {}}"#,
            LSP.InitializeParams())
        try expectRoundTrip(
            #"{"processId": 1, "rootUri": "file:///w", "locale": "ja", "capabilities": {"general": {"positionEncodings": ["utf-16"]}}}"#,
            LSP.InitializeParams(processId: 1, locale: "ja", rootUri: "file:///w",
                                 capabilities: .init(general: .init(positionEncodings: ["utf-16"]))))
    }

    @Test func oddCapabilitiesDoNotFailInitialize() throws {
        let literal = #"""
        {"processId": null, "rootUri": null, "capabilities": {
          "general": {"positionEncodings": "utf-8"},
          "textDocument": {"publishDiagnostics": {"relatedInformation": "yes", "versionSupport": true}},
          "workspace": [],
          "window": null}}
        """#
        let p = try JSONDecoder().decode(LSP.InitializeParams.self, from: Data(literal.utf8))
        #expect(p.capabilities.general?.positionEncodings == nil)
        #expect(p.positionEncoding == .utf16)
        #expect(p.capabilities.textDocument?.publishDiagnostics == .init(relatedInformation: nil, versionSupport: true))
        #expect(p.capabilities.workspace == nil)
        #expect(p.capabilities.window == nil)
    }

    @Test func initializeResult() throws {
        try expectRoundTrip(
            #"""
            {"capabilities": {
               "positionEncoding": "utf-8",
               "textDocumentSync": {"openClose": true, "change": 2, "save": {"includeText": true}},
               "codeActionProvider": {"codeActionKinds": ["quickfix"]},
               "hoverProvider": true},
             "serverInfo": {"name": "planlint", "version": "0.1.0"}}
            """#,
            LSP.InitializeResult(
                capabilities: .init(
                    positionEncoding: .utf8,
                    textDocumentSync: .init(openClose: true, change: .incremental, save: .init(includeText: true)),
                    codeActionProvider: .init(codeActionKinds: [.quickFix]),
                    hoverProvider: true),
                serverInfo: .init(name: "planlint", version: "0.1.0")))
    }

    @Test func serverCapabilityShorthandsDecode() throws {
        let literal = #"{"textDocumentSync": 1, "codeActionProvider": true, "hoverProvider": {"workDoneProgress": false}}"#
        let c = try JSONDecoder().decode(LSP.ServerCapabilities.self, from: Data(literal.utf8))
        #expect(c.textDocumentSync == .init(openClose: true, change: .full))
        #expect(c.codeActionProvider == .init())
        #expect(c.hoverProvider == true)
        let save = try JSONDecoder().decode(LSP.TextDocumentSyncOptions.self, from: Data(#"{"change": 2, "save": true}"#.utf8))
        #expect(save == .init(change: .incremental, save: .init()))
        let noSave = try JSONDecoder().decode(LSP.TextDocumentSyncOptions.self, from: Data(#"{"save": false}"#.utf8))
        #expect(noSave.save == nil)
    }

    @Test func documentSynchronization() throws {
        try expectRoundTrip(
            #"{"textDocument": {"uri": "\#(uri)", "languageId": "yaml", "version": 1, "text": "予算:\n  合計: 100 # 🍣\n"}}"#,
            LSP.DidOpenTextDocumentParams(textDocument: .init(uri: uri, languageId: "yaml", version: 1, text: "予算:\n  合計: 100 # 🍣\n")))
        try expectRoundTrip(
            #"""
            {"textDocument": {"uri": "\#(uri)", "version": 2},
             "contentChanges": [
               {"range": {"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 9}}, "rangeLength": 3, "text": "120"},
               {"text": "全体\n"}]}
            """#,
            LSP.DidChangeTextDocumentParams(
                textDocument: .init(uri: uri, version: 2),
                contentChanges: [.init(range: range(1, 6, 1, 9), rangeLength: 3, text: "120"), .init(text: "全体\n")]))
        try expectRoundTrip(
            #"{"textDocument": {"uri": "\#(uri)"}, "text": "a: 1\n"}"#,
            LSP.DidSaveTextDocumentParams(textDocument: .init(uri: uri), text: "a: 1\n"))
        try expectRoundTrip(
            #"{"textDocument": {"uri": "\#(uri)"}}"#,
            LSP.DidSaveTextDocumentParams(textDocument: .init(uri: uri)))
        try expectRoundTrip(
            #"{"textDocument": {"uri": "\#(uri)"}}"#,
            LSP.DidCloseTextDocumentParams(textDocument: .init(uri: uri)))
    }

    var fullDiagnostic: LSP.Diagnostic {
        LSP.Diagnostic(
            range: range(3, 8, 3, 11), severity: .error, code: "sum-mismatch",
            codeDescription: .init(href: "https://planlint.example/rules/sum-mismatch"), source: "planlint",
            message: "合計 100 ≠ 内訳の和 120",
            tags: [.unnecessary],
            relatedInformation: [.init(location: .init(uri: uri, range: range(4, 8, 4, 10)), message: "内訳 1")],
            data: ["fixes": [0], "rule": "sum-mismatch"])
    }

    @Test func publishDiagnostics() throws {
        try expectRoundTrip(
            #"""
            {"uri": "\#(uri)", "version": 3, "diagnostics": [
              {"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 11}},
               "severity": 1, "code": "sum-mismatch",
               "codeDescription": {"href": "https://planlint.example/rules/sum-mismatch"},
               "source": "planlint", "message": "合計 100 ≠ 内訳の和 120", "tags": [1],
               "relatedInformation": [{"location": {"uri": "\#(uri)",
                  "range": {"start": {"line": 4, "character": 8}, "end": {"line": 4, "character": 10}}}, "message": "内訳 1"}],
               "data": {"fixes": [0], "rule": "sum-mismatch"}},
              {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "severity": 4, "message": "m"}]}
            """#,
            LSP.PublishDiagnosticsParams(uri: uri, version: 3, diagnostics: [
                fullDiagnostic,
                LSP.Diagnostic(range: range(0, 0, 0, 0), severity: .hint, message: "m"),
            ]))
        try expectRoundTrip(#"{"uri": "\#(uri)", "diagnostics": []}"#, LSP.PublishDiagnosticsParams(uri: uri, diagnostics: []))
    }

    @Test func diagnosticCodeMayBeAnInteger() throws {
        let d = try JSONDecoder().decode(LSP.Diagnostic.self, from: Data(
            #"{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "code": 42, "message": "x"}"#.utf8))
        #expect(d.code == "42")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(LSP.Diagnostic.self, from: Data(
                #"{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "severity": 7, "message": "x"}"#.utf8))
        }
    }

    @Test func codeActions() throws {
        try expectRoundTrip(
            #"""
            {"textDocument": {"uri": "\#(uri)"},
             "range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 8}},
             "context": {"diagnostics": [], "only": ["quickfix"], "triggerKind": 1}}
            """#,
            LSP.CodeActionParams(textDocument: .init(uri: uri), range: range(3, 8, 3, 8),
                                 context: .init(diagnostics: [], only: [.quickFix], triggerKind: 1)))
        try expectRoundTrip(
            #"""
            [{"title": "合計を 120 にする", "kind": "quickfix", "isPreferred": true,
              "diagnostics": [{"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 11}}, "message": "m"}],
              "edit": {"changes": {"\#(uri)": [
                 {"range": {"start": {"line": 3, "character": 8}, "end": {"line": 3, "character": 11}}, "newText": "120"}]}}}]
            """#,
            [LSP.CodeAction(
                title: "合計を 120 にする", kind: .quickFix,
                diagnostics: [LSP.Diagnostic(range: range(3, 8, 3, 11), message: "m")],
                isPreferred: true,
                edit: .init(changes: [uri: [.init(range: range(3, 8, 3, 11), newText: "120")]]))])
        #expect(LSP.CodeActionKind("quickfix.planlint").isKind(of: .quickFix))
        #expect(LSP.CodeActionKind.quickFix.isKind(of: .quickFix))
        #expect(!LSP.CodeActionKind("quickfixes").isKind(of: .quickFix))
        #expect(!LSP.CodeActionKind.source.isKind(of: .sourceFixAll))
    }

    @Test func hover() throws {
        try expectRoundTrip(
            #"{"textDocument": {"uri": "\#(uri)"}, "position": {"line": 2, "character": 5}}"#,
            LSP.HoverParams(textDocument: .init(uri: uri), position: .init(line: 2, character: 5)))
        try expectRoundTrip(
            #"{"contents": {"kind": "markdown", "value": "**sum-mismatch**: 合計が内訳と合わない"}, "range": {"start": {"line": 2, "character": 4}, "end": {"line": 2, "character": 16}}}"#,
            LSP.Hover(contents: .init(kind: .markdown, value: "**sum-mismatch**: 合計が内訳と合わない"), range: range(2, 4, 2, 16)))
    }

    @Test func watchedFilesAndRegistration() throws {
        try expectRoundTrip(
            #"{"changes": [{"uri": "file:///w/.planlint.yaml", "type": 2}, {"uri": "file:///w/rules/a.yaml", "type": 3}]}"#,
            LSP.DidChangeWatchedFilesParams(changes: [
                .init(uri: "file:///w/.planlint.yaml", type: .changed), .init(uri: "file:///w/rules/a.yaml", type: .deleted),
            ]))
        try expectRoundTrip(
            #"""
            {"registrations": [{"id": "planlint-watch", "method": "workspace/didChangeWatchedFiles",
              "registerOptions": {"watchers": [{"globPattern": "**/.planlint.yaml"}, {"globPattern": "**/rules/*.yaml", "kind": 7}]}}]}
            """#,
            LSP.RegistrationParams(registrations: [
                .watchedFiles(id: "planlint-watch", watchers: [
                    .init(globPattern: "**/.planlint.yaml"),
                    .init(globPattern: "**/rules/*.yaml", kind: [.create, .change, .delete]),
                ]),
            ]))
    }

    @Test func windowAndCancel() throws {
        try expectRoundTrip(#"{"type": 3, "message": "planlint 0.1 を起動しました"}"#,
                            LSP.LogMessageParams(type: .info, message: "planlint 0.1 を起動しました"))
        try expectRoundTrip(#"{"id": 12}"#, LSP.CancelParams(id: .number(12)))
        try expectRoundTrip(#"{"id": "abc"}"#, LSP.CancelParams(id: .string("abc")))
        try expectRoundTrip("{}", LSP.InitializedParams())
    }

    @Test(arguments: [
        (["utf-8", "utf-16"], PositionEncoding.utf8),
        (["utf-16", "utf-8"], .utf8),
        (["utf-32", "utf-16"], .utf16),
        (["utf-16"], .utf16),
        (["UTF-8"], .utf16), // the protocol's values are lower case
        ([], .utf16),
        (nil, .utf16),
    ] as [([String]?, PositionEncoding)])
    func positionEncodingNegotiation(offered: [String]?, expected: PositionEncoding) {
        #expect(PositionEncoding.negotiate(offered: offered) == expected)
    }
}
