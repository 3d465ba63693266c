#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif

/// How the `character` of a ``LSP/Position`` is counted, agreed at `initialize`.
///
/// planlint's `SourceText` counts the same units as `ColumnUnit`: `.utf8` ↔ `.utf8`,
/// `.utf16` ↔ `.utf16`, `.utf32` ↔ `.codePoint`.
package enum PositionEncoding: String, Codable, Hashable, Sendable, CaseIterable {
    /// Bytes of UTF-8.
    case utf8 = "utf-8"
    /// UTF-16 code units: the protocol's default, and the only one every client supports.
    case utf16 = "utf-16"
    /// Unicode code points.
    case utf32 = "utf-32"

    /// The encoding to use given what the client offered in
    /// `capabilities.general.positionEncodings`: UTF-8 when offered (no conversion needed
    /// on planlint's UTF-8 text), otherwise UTF-16, which every client must support (also
    /// when the client offers nothing, or only unknown encodings).
    package static func negotiate(offered: [String]?) -> PositionEncoding {
        offered?.contains(PositionEncoding.utf8.rawValue) == true ? .utf8 : .utf16
    }
}

extension LSP {
    /// A program's name and version (`clientInfo`, `serverInfo`).
    package struct ProgramInfo: Codable, Hashable, Sendable {
        package var name: String
        package var version: String?
        package init(name: String, version: String? = nil) { (self.name, self.version) = (name, version) }
    }

    package struct WorkspaceFolder: Codable, Hashable, Sendable {
        package var uri: DocumentURI
        package var name: String
        package init(uri: DocumentURI, name: String) { (self.uri, self.name) = (uri, name) }
    }

    /// Params of `initialize`.
    package struct InitializeParams: Codable, Hashable, Sendable {
        /// The client's process id (null when it has none).
        package var processId: Int?
        package var clientInfo: ProgramInfo?
        package var locale: String?
        /// Deprecated in favour of `workspaceFolders`, still sent by many clients.
        package var rootUri: DocumentURI?
        package var initializationOptions: JSONValue?
        package var capabilities: ClientCapabilities
        package var workspaceFolders: [WorkspaceFolder]?

        package init(
            processId: Int? = nil, clientInfo: ProgramInfo? = nil, locale: String? = nil,
            rootUri: DocumentURI? = nil, initializationOptions: JSONValue? = nil,
            capabilities: ClientCapabilities = ClientCapabilities(), workspaceFolders: [WorkspaceFolder]? = nil
        ) {
            self.processId = processId
            self.clientInfo = clientInfo
            self.locale = locale
            self.rootUri = rootUri
            self.initializationOptions = initializationOptions
            self.capabilities = capabilities
            self.workspaceFolders = workspaceFolders
        }

        /// The encoding the server should use, from the client's offer.
        package var positionEncoding: PositionEncoding {
            .negotiate(offered: capabilities.general?.positionEncodings)
        }

        private enum CodingKeys: String, CodingKey {
            case processId, clientInfo, locale, rootUri, initializationOptions, capabilities, workspaceFolders
        }

        package func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            // `processId` and `rootUri` are required members whose value may be null.
            if let processId { try c.encode(processId, forKey: .processId) } else { try c.encodeNil(forKey: .processId) }
            try c.encodeIfPresent(clientInfo, forKey: .clientInfo)
            try c.encodeIfPresent(locale, forKey: .locale)
            if let rootUri { try c.encode(rootUri, forKey: .rootUri) } else { try c.encodeNil(forKey: .rootUri) }
            try c.encodeIfPresent(initializationOptions, forKey: .initializationOptions)
            try c.encode(capabilities, forKey: .capabilities)
            try c.encodeIfPresent(workspaceFolders, forKey: .workspaceFolders)
        }
    }

    /// The client capabilities a linter server looks at. Read leniently: a member of an
    /// unexpected type counts as absent instead of failing `initialize`.
    package struct ClientCapabilities: Codable, Hashable, Sendable {
        @Lenient package var general: General?
        @Lenient package var textDocument: TextDocument?
        @Lenient package var workspace: Workspace?
        @Lenient package var window: Window?

        package init(general: General? = nil, textDocument: TextDocument? = nil, workspace: Workspace? = nil, window: Window? = nil) {
            (self.general, self.textDocument, self.workspace, self.window) = (general, textDocument, workspace, window)
        }

        package struct General: Codable, Hashable, Sendable {
            /// Encodings the client supports, most preferred first (raw strings: a client
            /// may list encodings this module does not know).
            @Lenient package var positionEncodings: [String]?
            package init(positionEncodings: [String]? = nil) { self.positionEncodings = positionEncodings }
        }

        package struct TextDocument: Codable, Hashable, Sendable {
            @Lenient package var synchronization: Synchronization?
            @Lenient package var publishDiagnostics: PublishDiagnostics?
            @Lenient package var codeAction: CodeAction?
            @Lenient package var hover: Hover?

            package init(synchronization: Synchronization? = nil, publishDiagnostics: PublishDiagnostics? = nil,
                        codeAction: CodeAction? = nil, hover: Hover? = nil) {
                self.synchronization = synchronization
                self.publishDiagnostics = publishDiagnostics
                self.codeAction = codeAction
                self.hover = hover
            }

            package struct Synchronization: Codable, Hashable, Sendable {
                @Lenient package var dynamicRegistration: Bool?
                @Lenient package var didSave: Bool?
                package init(dynamicRegistration: Bool? = nil, didSave: Bool? = nil) {
                    (self.dynamicRegistration, self.didSave) = (dynamicRegistration, didSave)
                }
            }

            package struct PublishDiagnostics: Codable, Hashable, Sendable {
                @Lenient package var relatedInformation: Bool?
                @Lenient package var versionSupport: Bool?
                @Lenient package var codeDescriptionSupport: Bool?
                @Lenient package var dataSupport: Bool?
                package init(relatedInformation: Bool? = nil, versionSupport: Bool? = nil,
                            codeDescriptionSupport: Bool? = nil, dataSupport: Bool? = nil) {
                    self.relatedInformation = relatedInformation
                    self.versionSupport = versionSupport
                    self.codeDescriptionSupport = codeDescriptionSupport
                    self.dataSupport = dataSupport
                }
            }

            package struct CodeAction: Codable, Hashable, Sendable {
                /// Present when the client accepts `CodeAction` literals (not only commands).
                @Lenient package var codeActionLiteralSupport: JSONValue?
                @Lenient package var isPreferredSupport: Bool?
                @Lenient package var dataSupport: Bool?
                package init(codeActionLiteralSupport: JSONValue? = nil, isPreferredSupport: Bool? = nil, dataSupport: Bool? = nil) {
                    self.codeActionLiteralSupport = codeActionLiteralSupport
                    self.isPreferredSupport = isPreferredSupport
                    self.dataSupport = dataSupport
                }
            }

            package struct Hover: Codable, Hashable, Sendable {
                /// Raw markup kinds, most preferred first (`markdown`, `plaintext`).
                @Lenient package var contentFormat: [String]?
                package init(contentFormat: [String]? = nil) { self.contentFormat = contentFormat }
            }
        }

        package struct Workspace: Codable, Hashable, Sendable {
            @Lenient package var workspaceFolders: Bool?
            @Lenient package var didChangeWatchedFiles: DidChangeWatchedFiles?
            package init(workspaceFolders: Bool? = nil, didChangeWatchedFiles: DidChangeWatchedFiles? = nil) {
                (self.workspaceFolders, self.didChangeWatchedFiles) = (workspaceFolders, didChangeWatchedFiles)
            }

            package struct DidChangeWatchedFiles: Codable, Hashable, Sendable {
                /// True when the server may register file watchers (`client/registerCapability`).
                @Lenient package var dynamicRegistration: Bool?
                @Lenient package var relativePatternSupport: Bool?
                package init(dynamicRegistration: Bool? = nil, relativePatternSupport: Bool? = nil) {
                    (self.dynamicRegistration, self.relativePatternSupport) = (dynamicRegistration, relativePatternSupport)
                }
            }
        }

        package struct Window: Codable, Hashable, Sendable {
            @Lenient package var workDoneProgress: Bool?
            package init(workDoneProgress: Bool? = nil) { self.workDoneProgress = workDoneProgress }
        }
    }

    /// The result of `initialize`.
    package struct InitializeResult: Codable, Hashable, Sendable {
        package var capabilities: ServerCapabilities
        package var serverInfo: ProgramInfo?
        package init(capabilities: ServerCapabilities, serverInfo: ProgramInfo? = nil) {
            (self.capabilities, self.serverInfo) = (capabilities, serverInfo)
        }
    }

    /// What the server does. Encoded in the object forms; decoding also accepts the
    /// shorthand forms (a number for `textDocumentSync`, booleans for `save`,
    /// `codeActionProvider` and `hoverProvider`), for test clients.
    package struct ServerCapabilities: Codable, Hashable, Sendable {
        package var positionEncoding: PositionEncoding?
        package var textDocumentSync: TextDocumentSyncOptions?
        package var codeActionProvider: CodeActionOptions?
        package var hoverProvider: Bool?

        package init(positionEncoding: PositionEncoding? = nil, textDocumentSync: TextDocumentSyncOptions? = nil,
                    codeActionProvider: CodeActionOptions? = nil, hoverProvider: Bool? = nil) {
            self.positionEncoding = positionEncoding
            self.textDocumentSync = textDocumentSync
            self.codeActionProvider = codeActionProvider
            self.hoverProvider = hoverProvider
        }

        private enum CodingKeys: String, CodingKey {
            case positionEncoding, textDocumentSync, codeActionProvider, hoverProvider
        }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            positionEncoding = try c.decodeIfPresent(PositionEncoding.self, forKey: .positionEncoding)
            if let kind = try? c.decodeIfPresent(TextDocumentSyncKind.self, forKey: .textDocumentSync) {
                textDocumentSync = TextDocumentSyncOptions(openClose: true, change: kind)
            } else {
                textDocumentSync = try c.decodeIfPresent(TextDocumentSyncOptions.self, forKey: .textDocumentSync)
            }
            codeActionProvider = try c.decodeOptionsOrFlag(forKey: .codeActionProvider, true: CodeActionOptions())
            if let flag = try? c.decodeIfPresent(Bool.self, forKey: .hoverProvider) {
                hoverProvider = flag
            } else {
                hoverProvider = c.contains(.hoverProvider) && (try? c.decodeNil(forKey: .hoverProvider)) == false ? true : nil
            }
        }
    }

    /// How the client sends document changes.
    package enum TextDocumentSyncKind: Int, Codable, Hashable, Sendable {
        case none = 0
        /// Every change sends the whole text.
        case full = 1
        /// Changes send ranges and their replacement text.
        case incremental = 2
    }

    package struct TextDocumentSyncOptions: Codable, Hashable, Sendable {
        /// Send `didOpen` and `didClose`.
        package var openClose: Bool?
        package var change: TextDocumentSyncKind?
        /// Send `didSave` (nil: do not).
        package var save: SaveOptions?

        package init(openClose: Bool? = nil, change: TextDocumentSyncKind? = nil, save: SaveOptions? = nil) {
            (self.openClose, self.change, self.save) = (openClose, change, save)
        }

        private enum CodingKeys: String, CodingKey { case openClose, change, save }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            openClose = try c.decodeIfPresent(Bool.self, forKey: .openClose)
            change = try c.decodeIfPresent(TextDocumentSyncKind.self, forKey: .change)
            save = try c.decodeOptionsOrFlag(forKey: .save, true: SaveOptions())
        }
    }

    package struct SaveOptions: Codable, Hashable, Sendable {
        /// Include the saved text in `didSave`.
        package var includeText: Bool?
        package init(includeText: Bool? = nil) { self.includeText = includeText }
    }

    package struct CodeActionOptions: Codable, Hashable, Sendable {
        package var codeActionKinds: [CodeActionKind]?
        package init(codeActionKinds: [CodeActionKind]? = nil) { self.codeActionKinds = codeActionKinds }
    }

    /// Params of `initialized` (an empty object).
    package struct InitializedParams: Codable, Hashable, Sendable {
        package init() {}
    }
}

extension KeyedDecodingContainer {
    /// An options member that may also be written as a boolean (`"save": true`): `true`
    /// reads as `defaults`, `false` (or absent) as nil.
    fileprivate func decodeOptionsOrFlag<T: Decodable>(forKey key: Key, true defaults: T) throws -> T? {
        if let flag = try? decodeIfPresent(Bool.self, forKey: key) { return flag ? defaults : nil }
        return try decodeIfPresent(T.self, forKey: key)
    }
}
