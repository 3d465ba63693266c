#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif

/// How the `character` of a ``LSP/Position`` is counted, agreed at `initialize`.
///
/// planlint's `SourceText` counts the same units as `ColumnUnit`: `.utf8` ↔ `.utf8`,
/// `.utf16` ↔ `.utf16`, `.utf32` ↔ `.codePoint`.
public enum PositionEncoding: String, Codable, Hashable, Sendable, CaseIterable {
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
    public static func negotiate(offered: [String]?) -> PositionEncoding {
        offered?.contains(PositionEncoding.utf8.rawValue) == true ? .utf8 : .utf16
    }
}

extension LSP {
    /// A program's name and version (`clientInfo`, `serverInfo`).
    public struct ProgramInfo: Codable, Hashable, Sendable {
        public var name: String
        public var version: String?
        public init(name: String, version: String? = nil) { (self.name, self.version) = (name, version) }
    }

    public struct WorkspaceFolder: Codable, Hashable, Sendable {
        public var uri: DocumentURI
        public var name: String
        public init(uri: DocumentURI, name: String) { (self.uri, self.name) = (uri, name) }
    }

    /// Params of `initialize`.
    public struct InitializeParams: Codable, Hashable, Sendable {
        /// The client's process id (null when it has none).
        public var processId: Int?
        public var clientInfo: ProgramInfo?
        public var locale: String?
        /// Deprecated in favour of `workspaceFolders`, still sent by many clients.
        public var rootUri: DocumentURI?
        public var initializationOptions: JSONValue?
        public var capabilities: ClientCapabilities
        public var workspaceFolders: [WorkspaceFolder]?

        public init(
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
        public var positionEncoding: PositionEncoding {
            .negotiate(offered: capabilities.general?.positionEncodings)
        }

        private enum CodingKeys: String, CodingKey {
            case processId, clientInfo, locale, rootUri, initializationOptions, capabilities, workspaceFolders
        }

        public func encode(to encoder: any Encoder) throws {
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
    public struct ClientCapabilities: Codable, Hashable, Sendable {
        public var general: General?
        public var textDocument: TextDocument?
        public var workspace: Workspace?
        public var window: Window?

        public init(general: General? = nil, textDocument: TextDocument? = nil, workspace: Workspace? = nil, window: Window? = nil) {
            (self.general, self.textDocument, self.workspace, self.window) = (general, textDocument, workspace, window)
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            general = c.lenient(.general)
            textDocument = c.lenient(.textDocument)
            workspace = c.lenient(.workspace)
            window = c.lenient(.window)
        }

        public struct General: Codable, Hashable, Sendable {
            /// Encodings the client supports, most preferred first (raw strings: a client
            /// may list encodings this module does not know).
            public var positionEncodings: [String]?
            public init(positionEncodings: [String]? = nil) { self.positionEncodings = positionEncodings }
            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                positionEncodings = c.lenient(.positionEncodings)
            }
        }

        public struct TextDocument: Codable, Hashable, Sendable {
            public var synchronization: Synchronization?
            public var publishDiagnostics: PublishDiagnostics?
            public var codeAction: CodeAction?
            public var hover: Hover?

            public init(synchronization: Synchronization? = nil, publishDiagnostics: PublishDiagnostics? = nil,
                        codeAction: CodeAction? = nil, hover: Hover? = nil) {
                self.synchronization = synchronization
                self.publishDiagnostics = publishDiagnostics
                self.codeAction = codeAction
                self.hover = hover
            }
            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                synchronization = c.lenient(.synchronization)
                publishDiagnostics = c.lenient(.publishDiagnostics)
                codeAction = c.lenient(.codeAction)
                hover = c.lenient(.hover)
            }

            public struct Synchronization: Codable, Hashable, Sendable {
                public var dynamicRegistration: Bool?
                public var didSave: Bool?
                public init(dynamicRegistration: Bool? = nil, didSave: Bool? = nil) {
                    (self.dynamicRegistration, self.didSave) = (dynamicRegistration, didSave)
                }
                public init(from decoder: any Decoder) throws {
                    let c = try decoder.container(keyedBy: CodingKeys.self)
                    dynamicRegistration = c.lenient(.dynamicRegistration)
                    didSave = c.lenient(.didSave)
                }
            }

            public struct PublishDiagnostics: Codable, Hashable, Sendable {
                public var relatedInformation: Bool?
                public var versionSupport: Bool?
                public var codeDescriptionSupport: Bool?
                public var dataSupport: Bool?
                public init(relatedInformation: Bool? = nil, versionSupport: Bool? = nil,
                            codeDescriptionSupport: Bool? = nil, dataSupport: Bool? = nil) {
                    self.relatedInformation = relatedInformation
                    self.versionSupport = versionSupport
                    self.codeDescriptionSupport = codeDescriptionSupport
                    self.dataSupport = dataSupport
                }
                public init(from decoder: any Decoder) throws {
                    let c = try decoder.container(keyedBy: CodingKeys.self)
                    relatedInformation = c.lenient(.relatedInformation)
                    versionSupport = c.lenient(.versionSupport)
                    codeDescriptionSupport = c.lenient(.codeDescriptionSupport)
                    dataSupport = c.lenient(.dataSupport)
                }
            }

            public struct CodeAction: Codable, Hashable, Sendable {
                /// Present when the client accepts `CodeAction` literals (not only commands).
                public var codeActionLiteralSupport: JSONValue?
                public var isPreferredSupport: Bool?
                public var dataSupport: Bool?
                public init(codeActionLiteralSupport: JSONValue? = nil, isPreferredSupport: Bool? = nil, dataSupport: Bool? = nil) {
                    self.codeActionLiteralSupport = codeActionLiteralSupport
                    self.isPreferredSupport = isPreferredSupport
                    self.dataSupport = dataSupport
                }
                public init(from decoder: any Decoder) throws {
                    let c = try decoder.container(keyedBy: CodingKeys.self)
                    codeActionLiteralSupport = c.lenient(.codeActionLiteralSupport)
                    isPreferredSupport = c.lenient(.isPreferredSupport)
                    dataSupport = c.lenient(.dataSupport)
                }
            }

            public struct Hover: Codable, Hashable, Sendable {
                /// Raw markup kinds, most preferred first (`markdown`, `plaintext`).
                public var contentFormat: [String]?
                public init(contentFormat: [String]? = nil) { self.contentFormat = contentFormat }
                public init(from decoder: any Decoder) throws {
                    let c = try decoder.container(keyedBy: CodingKeys.self)
                    contentFormat = c.lenient(.contentFormat)
                }
            }
        }

        public struct Workspace: Codable, Hashable, Sendable {
            public var workspaceFolders: Bool?
            public var didChangeWatchedFiles: DidChangeWatchedFiles?
            public init(workspaceFolders: Bool? = nil, didChangeWatchedFiles: DidChangeWatchedFiles? = nil) {
                (self.workspaceFolders, self.didChangeWatchedFiles) = (workspaceFolders, didChangeWatchedFiles)
            }
            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                workspaceFolders = c.lenient(.workspaceFolders)
                didChangeWatchedFiles = c.lenient(.didChangeWatchedFiles)
            }

            public struct DidChangeWatchedFiles: Codable, Hashable, Sendable {
                /// True when the server may register file watchers (`client/registerCapability`).
                public var dynamicRegistration: Bool?
                public var relativePatternSupport: Bool?
                public init(dynamicRegistration: Bool? = nil, relativePatternSupport: Bool? = nil) {
                    (self.dynamicRegistration, self.relativePatternSupport) = (dynamicRegistration, relativePatternSupport)
                }
                public init(from decoder: any Decoder) throws {
                    let c = try decoder.container(keyedBy: CodingKeys.self)
                    dynamicRegistration = c.lenient(.dynamicRegistration)
                    relativePatternSupport = c.lenient(.relativePatternSupport)
                }
            }
        }

        public struct Window: Codable, Hashable, Sendable {
            public var workDoneProgress: Bool?
            public init(workDoneProgress: Bool? = nil) { self.workDoneProgress = workDoneProgress }
            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                workDoneProgress = c.lenient(.workDoneProgress)
            }
        }
    }

    /// The result of `initialize`.
    public struct InitializeResult: Codable, Hashable, Sendable {
        public var capabilities: ServerCapabilities
        public var serverInfo: ProgramInfo?
        public init(capabilities: ServerCapabilities, serverInfo: ProgramInfo? = nil) {
            (self.capabilities, self.serverInfo) = (capabilities, serverInfo)
        }
    }

    /// What the server does. Encoded in the object forms; decoding also accepts the
    /// shorthand forms (a number for `textDocumentSync`, booleans for `save`,
    /// `codeActionProvider` and `hoverProvider`), for test clients.
    public struct ServerCapabilities: Codable, Hashable, Sendable {
        public var positionEncoding: PositionEncoding?
        public var textDocumentSync: TextDocumentSyncOptions?
        public var codeActionProvider: CodeActionOptions?
        public var hoverProvider: Bool?

        public init(positionEncoding: PositionEncoding? = nil, textDocumentSync: TextDocumentSyncOptions? = nil,
                    codeActionProvider: CodeActionOptions? = nil, hoverProvider: Bool? = nil) {
            self.positionEncoding = positionEncoding
            self.textDocumentSync = textDocumentSync
            self.codeActionProvider = codeActionProvider
            self.hoverProvider = hoverProvider
        }

        private enum CodingKeys: String, CodingKey {
            case positionEncoding, textDocumentSync, codeActionProvider, hoverProvider
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            positionEncoding = try c.decodeIfPresent(PositionEncoding.self, forKey: .positionEncoding)
            if let kind = try? c.decodeIfPresent(TextDocumentSyncKind.self, forKey: .textDocumentSync) {
                textDocumentSync = TextDocumentSyncOptions(openClose: true, change: kind)
            } else {
                textDocumentSync = try c.decodeIfPresent(TextDocumentSyncOptions.self, forKey: .textDocumentSync)
            }
            if let flag = try? c.decodeIfPresent(Bool.self, forKey: .codeActionProvider) {
                codeActionProvider = flag ? CodeActionOptions() : nil
            } else {
                codeActionProvider = try c.decodeIfPresent(CodeActionOptions.self, forKey: .codeActionProvider)
            }
            if let flag = try? c.decodeIfPresent(Bool.self, forKey: .hoverProvider) {
                hoverProvider = flag
            } else {
                hoverProvider = c.contains(.hoverProvider) && (try? c.decodeNil(forKey: .hoverProvider)) == false ? true : nil
            }
        }
    }

    /// How the client sends document changes.
    public enum TextDocumentSyncKind: Int, Codable, Hashable, Sendable {
        case none = 0
        /// Every change sends the whole text.
        case full = 1
        /// Changes send ranges and their replacement text.
        case incremental = 2
    }

    public struct TextDocumentSyncOptions: Codable, Hashable, Sendable {
        /// Send `didOpen` and `didClose`.
        public var openClose: Bool?
        public var change: TextDocumentSyncKind?
        /// Send `didSave` (nil: do not).
        public var save: SaveOptions?

        public init(openClose: Bool? = nil, change: TextDocumentSyncKind? = nil, save: SaveOptions? = nil) {
            (self.openClose, self.change, self.save) = (openClose, change, save)
        }

        private enum CodingKeys: String, CodingKey { case openClose, change, save }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            openClose = try c.decodeIfPresent(Bool.self, forKey: .openClose)
            change = try c.decodeIfPresent(TextDocumentSyncKind.self, forKey: .change)
            if let flag = try? c.decodeIfPresent(Bool.self, forKey: .save) {
                save = flag ? SaveOptions() : nil
            } else {
                save = try c.decodeIfPresent(SaveOptions.self, forKey: .save)
            }
        }
    }

    public struct SaveOptions: Codable, Hashable, Sendable {
        /// Include the saved text in `didSave`.
        public var includeText: Bool?
        public init(includeText: Bool? = nil) { self.includeText = includeText }
    }

    public struct CodeActionOptions: Codable, Hashable, Sendable {
        public var codeActionKinds: [CodeActionKind]?
        public init(codeActionKinds: [CodeActionKind]? = nil) { self.codeActionKinds = codeActionKinds }
    }

    /// Params of `initialized` (an empty object).
    public struct InitializedParams: Codable, Hashable, Sendable {
        public init() {}
    }
}
