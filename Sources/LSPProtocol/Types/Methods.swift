/// The methods a linter server handles or sends, each with its params and result types.
///
/// ```swift
/// case LSP.didOpen.method:
///     let params = try notification.params(LSP.didOpen)   // DidOpenTextDocumentParams
/// ```
extension LSP {
    // Lifecycle
    package static let initialize = RequestType<InitializeParams, InitializeResult>("initialize")
    package static let initialized = NotificationType<InitializedParams>("initialized")
    package static let shutdown = RequestType<JSONRPC.Null, JSONRPC.Null>("shutdown")
    package static let exit = NotificationType<JSONRPC.Null>("exit")
    package static let cancelRequest = NotificationType<CancelParams>("$/cancelRequest")

    // Document synchronization (client → server)
    package static let didOpen = NotificationType<DidOpenTextDocumentParams>("textDocument/didOpen")
    package static let didChange = NotificationType<DidChangeTextDocumentParams>("textDocument/didChange")
    package static let didSave = NotificationType<DidSaveTextDocumentParams>("textDocument/didSave")
    package static let didClose = NotificationType<DidCloseTextDocumentParams>("textDocument/didClose")

    // Language features
    package static let publishDiagnostics = NotificationType<PublishDiagnosticsParams>("textDocument/publishDiagnostics")
    /// The result is `null` or the actions (commands are not used here).
    package static let codeAction = RequestType<CodeActionParams, [CodeAction]?>("textDocument/codeAction")
    package static let hover = RequestType<HoverParams, Hover?>("textDocument/hover")

    // Workspace and window
    package static let didChangeWatchedFiles = NotificationType<DidChangeWatchedFilesParams>("workspace/didChangeWatchedFiles")
    package static let registerCapability = RequestType<RegistrationParams, JSONRPC.Null>("client/registerCapability")
    package static let logMessage = NotificationType<LogMessageParams>("window/logMessage")
    package static let showMessage = NotificationType<LogMessageParams>("window/showMessage")
}
