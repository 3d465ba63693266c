extension LSP {
    public enum FileChangeType: Int, Codable, Hashable, Sendable {
        case created = 1
        case changed = 2
        case deleted = 3
    }

    /// A file the client saw change on disk.
    public struct FileEvent: Codable, Hashable, Sendable {
        public var uri: DocumentURI
        public var type: FileChangeType
        public init(uri: DocumentURI, type: FileChangeType) { (self.uri, self.type) = (uri, type) }
    }

    /// Params of `workspace/didChangeWatchedFiles`.
    public struct DidChangeWatchedFilesParams: Codable, Hashable, Sendable {
        public var changes: [FileEvent]
        public init(changes: [FileEvent]) { self.changes = changes }
    }

    /// Which events a watcher reports (a bit set; nil in a watcher means all three).
    public struct WatchKind: OptionSet, Codable, Hashable, Sendable {
        public var rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let create = WatchKind(rawValue: 1)
        public static let change = WatchKind(rawValue: 2)
        public static let delete = WatchKind(rawValue: 4)
    }

    /// A glob the client watches, e.g. `**/.planlint.yaml` or `**/rules/*.yaml`.
    public struct FileSystemWatcher: Codable, Hashable, Sendable {
        public var globPattern: String
        public var kind: WatchKind?
        public init(globPattern: String, kind: WatchKind? = nil) { (self.globPattern, self.kind) = (globPattern, kind) }
    }

    /// Options of a `workspace/didChangeWatchedFiles` registration.
    public struct DidChangeWatchedFilesRegistrationOptions: Codable, Hashable, Sendable {
        public var watchers: [FileSystemWatcher]
        public init(watchers: [FileSystemWatcher]) { self.watchers = watchers }
    }

    /// One capability registered at run time.
    public struct Registration: Codable, Hashable, Sendable {
        /// Chosen by the server, to unregister it later.
        public var id: String
        public var method: String
        public var registerOptions: JSONValue?
        public init(id: String, method: String, registerOptions: JSONValue? = nil) {
            (self.id, self.method, self.registerOptions) = (id, method, registerOptions)
        }

        /// A registration of file watchers (send it only if the client's
        /// `workspace.didChangeWatchedFiles.dynamicRegistration` is true).
        public static func watchedFiles(id: String, watchers: [FileSystemWatcher]) -> Registration {
            let options = (try? JSONValue(encoding: DidChangeWatchedFilesRegistrationOptions(watchers: watchers))) ?? .null
            return Registration(id: id, method: LSP.didChangeWatchedFiles.method, registerOptions: options)
        }
    }

    /// Params of `client/registerCapability`.
    public struct RegistrationParams: Codable, Hashable, Sendable {
        public var registrations: [Registration]
        public init(registrations: [Registration]) { self.registrations = registrations }
    }
}
