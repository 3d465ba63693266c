extension LSP {
    package enum FileChangeType: Int, Codable, Hashable, Sendable {
        case created = 1
        case changed = 2
        case deleted = 3
    }

    /// A file the client saw change on disk.
    package struct FileEvent: Codable, Hashable, Sendable {
        package var uri: DocumentURI
        package var type: FileChangeType
        package init(uri: DocumentURI, type: FileChangeType) { (self.uri, self.type) = (uri, type) }
    }

    /// Params of `workspace/didChangeWatchedFiles`.
    package struct DidChangeWatchedFilesParams: Codable, Hashable, Sendable {
        package var changes: [FileEvent]
        package init(changes: [FileEvent]) { self.changes = changes }
    }

    /// Which events a watcher reports (a bit set; nil in a watcher means all three).
    package struct WatchKind: OptionSet, Codable, Hashable, Sendable {
        package var rawValue: Int
        package init(rawValue: Int) { self.rawValue = rawValue }
        package static let create = WatchKind(rawValue: 1)
        package static let change = WatchKind(rawValue: 2)
        package static let delete = WatchKind(rawValue: 4)
    }

    /// A glob the client watches, e.g. `**/.planlint.yaml` or `**/rules/*.yaml`.
    package struct FileSystemWatcher: Codable, Hashable, Sendable {
        package var globPattern: String
        package var kind: WatchKind?
        package init(globPattern: String, kind: WatchKind? = nil) { (self.globPattern, self.kind) = (globPattern, kind) }
    }

    /// Options of a `workspace/didChangeWatchedFiles` registration.
    package struct DidChangeWatchedFilesRegistrationOptions: Codable, Hashable, Sendable {
        package var watchers: [FileSystemWatcher]
        package init(watchers: [FileSystemWatcher]) { self.watchers = watchers }
    }

    /// One capability registered at run time.
    package struct Registration: Codable, Hashable, Sendable {
        /// Chosen by the server, to unregister it later.
        package var id: String
        package var method: String
        package var registerOptions: JSONValue?
        package init(id: String, method: String, registerOptions: JSONValue? = nil) {
            (self.id, self.method, self.registerOptions) = (id, method, registerOptions)
        }

        /// A registration of file watchers (send it only if the client's
        /// `workspace.didChangeWatchedFiles.dynamicRegistration` is true).
        package static func watchedFiles(id: String, watchers: [FileSystemWatcher]) -> Registration {
            let options = (try? JSONValue(encoding: DidChangeWatchedFilesRegistrationOptions(watchers: watchers))) ?? .null
            return Registration(id: id, method: LSP.didChangeWatchedFiles.method, registerOptions: options)
        }
    }

    /// Params of `client/registerCapability`.
    package struct RegistrationParams: Codable, Hashable, Sendable {
        package var registrations: [Registration]
        package init(registrations: [Registration]) { self.registrations = registrations }
    }
}
