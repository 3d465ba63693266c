extension LSP {
    public enum MessageType: Int, Codable, Hashable, Sendable {
        case error = 1
        case warning = 2
        case info = 3
        case log = 4
    }

    /// Params of `window/logMessage` (to the client's log) and `window/showMessage` (to the user).
    public struct LogMessageParams: Codable, Hashable, Sendable {
        public var type: MessageType
        public var message: String
        public init(type: MessageType, message: String) { (self.type, self.message) = (type, message) }
    }

    /// Params of `$/cancelRequest`.
    public struct CancelParams: Codable, Hashable, Sendable {
        public var id: JSONRPC.RequestID
        public init(id: JSONRPC.RequestID) { self.id = id }
    }
}
