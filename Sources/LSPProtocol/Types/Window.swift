extension LSP {
    package enum MessageType: Int, Codable, Hashable, Sendable {
        case error = 1
        case warning = 2
        case info = 3
        case log = 4
    }

    /// Params of `window/logMessage` (to the client's log) and `window/showMessage` (to the user).
    package struct LogMessageParams: Codable, Hashable, Sendable {
        package var type: MessageType
        package var message: String
        package init(type: MessageType, message: String) { (self.type, self.message) = (type, message) }
    }

    /// Params of `$/cancelRequest`.
    package struct CancelParams: Codable, Hashable, Sendable {
        package var id: JSONRPC.RequestID
        package init(id: JSONRPC.RequestID) { self.id = id }
    }
}
