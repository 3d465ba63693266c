/// The methods a linter server handles or sends, each with its params and result types.
///
/// ```swift
/// case LSP.didOpen.method:
///     let params = try notification.params(LSP.didOpen)   // DidOpenTextDocumentParams
/// ```
extension LSP {
    // Lifecycle
    public static let initialize = RequestType<InitializeParams, InitializeResult>("initialize")
    public static let initialized = NotificationType<InitializedParams>("initialized")
    public static let shutdown = RequestType<JSONRPC.Null, JSONRPC.Null>("shutdown")
    public static let exit = NotificationType<JSONRPC.Null>("exit")
    public static let cancelRequest = NotificationType<CancelParams>("$/cancelRequest")

    // Document synchronization (client → server)
    public static let didOpen = NotificationType<DidOpenTextDocumentParams>("textDocument/didOpen")
    public static let didChange = NotificationType<DidChangeTextDocumentParams>("textDocument/didChange")
    public static let didSave = NotificationType<DidSaveTextDocumentParams>("textDocument/didSave")
    public static let didClose = NotificationType<DidCloseTextDocumentParams>("textDocument/didClose")

    // Language features
    public static let publishDiagnostics = NotificationType<PublishDiagnosticsParams>("textDocument/publishDiagnostics")
    /// The result is `null` or the actions (commands are not used here).
    public static let codeAction = RequestType<CodeActionParams, [CodeAction]?>("textDocument/codeAction")
    public static let hover = RequestType<HoverParams, Hover?>("textDocument/hover")

    // Workspace and window
    public static let didChangeWatchedFiles = NotificationType<DidChangeWatchedFilesParams>("workspace/didChangeWatchedFiles")
    public static let registerCapability = RequestType<RegistrationParams, JSONRPC.Null>("client/registerCapability")
    public static let logMessage = NotificationType<LogMessageParams>("window/logMessage")
    public static let showMessage = NotificationType<LogMessageParams>("window/showMessage")
}
