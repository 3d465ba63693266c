/// # LSPProtocol
///
/// The Language Server Protocol 3.17 plumbing for `planlint lsp`, with no linting in it.
/// It depends on Foundation only, so it can be tested (and fuzzed) on its own, and so the
/// server module, `PlanLintLSP`, holds only the logic that turns documents into findings.
///
/// ## What lives here
/// - **Framing** (`Framing.swift`): ``MessageReader`` splits a byte stream into message
///   bodies (`Content-Length` headers; limits; typed ``FramingError``s with stream offsets;
///   oversized messages skipped, not fatal); ``MessageWriter`` frames outgoing bodies.
///   Pure: no I/O. `MessageReader.decode(_:)` is the one-shot form for tests and fuzzers.
/// - **JSON-RPC 2.0** (`JSONRPC.swift`): ids, error codes, ``JSONRPC/ResponseError``,
///   and ``JSONRPC/parse(_:)``, which classifies any body as a request, notification,
///   response or invalid message (with the exact `ParseError`/`InvalidRequest` to answer).
///   `params` stay in the body until the handler decodes them as the type it expects;
///   a mismatch becomes `InvalidParams` naming the JSON path.
/// - **Message types** (`Types/`): the LSP structures a linter server needs, in the ``LSP``
///   namespace (`LSP.Diagnostic` never clashes with planlint's `Diagnostic`), and the
///   typed methods (`LSP.initialize`, `LSP.didChange`, `LSP.publishDiagnostics`, …).
///   ``JSONValue`` holds untyped parts with exact (`Decimal`) numbers.
/// - **Position encodings**: ``PositionEncoding`` and its negotiation (UTF-8 if offered,
///   else UTF-16).
/// - **Transport and connection**: ``MessageTransport`` (stdio or any file descriptors via
///   ``FileDescriptorTransport``; ``InMemoryTransport`` pairs for in-process tests) and
///   ``Connection``: a stream of incoming requests and notifications, thread-safe sending,
///   replies, server-to-client requests with their responses, automatic error answers to
///   broken messages.
/// - **Lifecycle** (``ServerLifecycle``): what to do with a message before `initialize`,
///   after `shutdown`, and the exit code of `exit`.
/// - **Documents** (``DocumentStore``): open documents by URI with version and UTF-8 text;
///   full and incremental changes, with positions converted by a closure the server passes.
/// - **URIs**: `SourceText.FileURI` converts `file://` URIs and paths (percent-encoded UTF-8).
///
/// ## What does not live here
/// - Converting positions to byte offsets and back: planlint's `SourceText`
///   (`SourceFile.offset(line:column:unit:)`, `location(of:)`). The document store takes
///   the conversion as a closure.
/// - Anything about plans, rules, configs or planlint's diagnostics: `PlanLintLSP`.
/// - Deciding what to do with a request: the server reads ``Connection/messages`` and
///   answers; this module never guesses a method's meaning beyond the lifecycle rules.
///
/// See `Docs/lsp-protocol-notes.md` for the design notes and limits.
package enum LSP {}
