#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif

/// JSON-RPC 2.0 as the Language Server Protocol uses it: message shapes, error codes, and
/// the classification of incoming bodies (every body becomes exactly one ``Message``,
/// however broken it is).
package enum JSONRPC {
    /// The encoder used for everything this module writes: compact, keys sorted (stable
    /// output for tests and logs), `/` not escaped.
    package static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// A request's id: an integer or a string (LSP allows both; `null` is not an id).
    package enum RequestID: Hashable, Sendable, Codable, CustomStringConvertible {
        case number(Int)
        case string(String)

        package init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) {
                self = .number(n)
            } else if let s = try? c.decode(String.self) {
                self = .string(s)
            } else {
                throw DecodingError.typeMismatch(RequestID.self, .init(
                    codingPath: decoder.codingPath, debugDescription: "an id must be an integer or a string"))
            }
        }

        package func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .number(let n): try c.encode(n)
            case .string(let s): try c.encode(s)
            }
        }

        package var description: String {
            switch self {
            case .number(let n): String(n)
            case .string(let s): "\"\(s)\""
            }
        }
    }

    /// An error code: the JSON-RPC and LSP codes have names; any integer is allowed.
    package struct ErrorCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        package var rawValue: Int
        package init(rawValue: Int) { self.rawValue = rawValue }
        package init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(Int.self)
        }
        package func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(rawValue)
        }
        package var description: String { String(rawValue) }

        /// The body is not valid JSON (or not UTF-8).
        package static let parseError = ErrorCode(rawValue: -32700)
        /// The JSON is not a valid request object.
        package static let invalidRequest = ErrorCode(rawValue: -32600)
        package static let methodNotFound = ErrorCode(rawValue: -32601)
        package static let invalidParams = ErrorCode(rawValue: -32602)
        package static let internalError = ErrorCode(rawValue: -32603)
        /// LSP: a request arrived before `initialize`.
        package static let serverNotInitialized = ErrorCode(rawValue: -32002)
        package static let unknownErrorCode = ErrorCode(rawValue: -32001)
        /// LSP: syntactically correct, but the server could not carry it out.
        package static let requestFailed = ErrorCode(rawValue: -32803)
        /// LSP: the server cancelled the request itself.
        package static let serverCancelled = ErrorCode(rawValue: -32802)
        /// LSP: the document changed in a way that makes the result invalid.
        package static let contentModified = ErrorCode(rawValue: -32801)
        /// LSP: the client cancelled the request (`$/cancelRequest`).
        package static let requestCancelled = ErrorCode(rawValue: -32800)
    }

    /// The `error` member of a response; also the error type of everything here that can
    /// fail in a way the peer should hear about.
    package struct ResponseError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
        package var code: ErrorCode
        package var message: String
        package var data: JSONValue?

        package init(code: ErrorCode, message: String, data: JSONValue? = nil) {
            (self.code, self.message, self.data) = (code, message, data)
        }

        package var description: String { "error \(code.rawValue): \(message)" }

        // Shorthands for the standard errors.
        package static func parseError(_ message: String) -> ResponseError {
            ResponseError(code: .parseError, message: message)
        }
        package static func invalidRequest(_ message: String) -> ResponseError {
            ResponseError(code: .invalidRequest, message: message)
        }
        package static func methodNotFound(_ method: String) -> ResponseError {
            ResponseError(code: .methodNotFound, message: "method not found: \(method)")
        }
        package static func invalidParams(_ message: String) -> ResponseError {
            ResponseError(code: .invalidParams, message: message)
        }
        package static func internalError(_ message: String) -> ResponseError {
            ResponseError(code: .internalError, message: message)
        }
        package static let serverNotInitialized = ResponseError(
            code: .serverNotInitialized, message: "the server has not been initialized")
        package static let requestCancelled = ResponseError(code: .requestCancelled, message: "request cancelled")
        package static let contentModified = ResponseError(code: .contentModified, message: "content modified")
    }

    /// `params` of a method that takes none, or the `null` result of one that returns
    /// nothing (`shutdown`). Decoding accepts and ignores any value; as params it is
    /// omitted from the message, as a result it is written as `null`.
    package struct Null: Codable, Hashable, Sendable {
        package init() {}
        package init(from decoder: any Decoder) throws {}
        package func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        }
    }

    // MARK: - Incoming messages

    /// A request: it must be answered exactly once, with a result or an error.
    package struct Request: Sendable {
        /// The id to answer with (``Connection/reply(to:result:)`` takes the request itself).
        package let id: RequestID
        /// The method name, e.g. `textDocument/codeAction`; compare with `LSP.codeAction.method`.
        package let method: String
        let body: Data

        /// Decodes `params` as `P`. Absent params decode as if they were `null` (fine for
        /// ``Null``, `JSONValue` and optionals). A mismatch throws `invalidParams` naming
        /// the method and the path of the offending member.
        package func params<P: Decodable>(as type: P.Type) throws(ResponseError) -> P {
            try JSONRPC.decodeMember(P.self, key: .params, of: body, method: method)
        }

        /// Decodes the params of a typed request.
        package func params<P, R>(_ request: RequestType<P, R>) throws(ResponseError) -> P {
            try params(as: P.self)
        }

        /// The raw params, or nil when absent.
        package var rawParams: JSONValue? {
            try? JSONRPC.decodeMember(JSONValue?.self, key: .params, of: body, method: method)
        }
    }

    /// A notification: it is never answered.
    package struct Notification: Sendable {
        /// The method name, e.g. `textDocument/didOpen`; compare with `LSP.didOpen.method`.
        package let method: String
        let body: Data

        /// Decodes `params` as `P` (see ``Request/params(as:)``).
        package func params<P: Decodable>(as type: P.Type) throws(ResponseError) -> P {
            try JSONRPC.decodeMember(P.self, key: .params, of: body, method: method)
        }

        /// Decodes the params of a typed notification.
        package func params<P>(_ notification: NotificationType<P>) throws(ResponseError) -> P {
            try params(as: P.self)
        }

        /// The raw params, or nil when absent.
        package var rawParams: JSONValue? {
            try? JSONRPC.decodeMember(JSONValue?.self, key: .params, of: body, method: method)
        }
    }

    /// A response to a request this side sent.
    package struct Response: Sendable {
        /// Nil only for an error response to a message whose id could not be read.
        package let id: RequestID?
        /// The error, when the peer answered with one.
        package let error: ResponseError?
        let body: Data

        /// Decodes `result` as `R`, or throws the peer's error.
        package func result<R: Decodable>(as type: R.Type) throws(ResponseError) -> R {
            if let error { throw error }
            return try JSONRPC.decodeMember(R.self, key: .result, of: body, method: "the response to \(id.map { "\($0)" } ?? "null")")
        }
    }

    /// A body that is not a valid JSON-RPC message.
    package struct InvalidMessage: Sendable, Hashable {
        /// The error to report (`parseError` or `invalidRequest`).
        package let error: ResponseError
        /// The id to answer with, when one could be read (else the answer has `"id": null`).
        package let id: RequestID?
        /// True when the body looked like a response: it must not be answered (answering
        /// a response could start an endless exchange of errors).
        package let isResponse: Bool
    }

    /// What one incoming body is.
    package enum Message: Sendable {
        case request(Request)
        case notification(Notification)
        case response(Response)
        case invalid(InvalidMessage)
    }

    /// Classifies one message body. Never fails: a broken body is ``Message/invalid(_:)``
    /// with `parseError` (not UTF-8 or not JSON, with the byte offset of the problem) or
    /// `invalidRequest` (JSON of the wrong shape: not an object, a batch, no `"jsonrpc":
    /// "2.0"`, an id that is neither integer nor string, and so on).
    package static func parse(_ body: [UInt8]) -> Message {
        if let failure = JSONSyntax.check(body) {
            return .invalid(InvalidMessage(
                error: .parseError("invalid JSON \(failure)"), id: nil, isResponse: false))
        }
        let data = Data(body)
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: data)
        } catch {
            // The syntax is valid, so this is a value JSONDecoder refuses (a number out of
            // range): the message's shape is wrong.
            return .invalid(InvalidMessage(
                error: .invalidRequest("unreadable message: \(describe(error))"), id: nil, isResponse: false))
        }
        return envelope.classify(data, firstByte: body.first { $0 > 0x20 && $0 != 0xEF })
    }

    // MARK: - Outgoing messages

    /// The body of a request.
    package static func encodeRequest<P: Encodable>(id: RequestID, method: String, params: P) throws -> [UInt8] {
        try [UInt8](encoder.encode(Outgoing<P, Null>(id: id, method: method, params: params)))
    }

    /// The body of a notification.
    package static func encodeNotification<P: Encodable>(method: String, params: P) throws -> [UInt8] {
        try [UInt8](encoder.encode(Outgoing<P, Null>(method: method, params: params)))
    }

    /// The body of a successful response.
    package static func encodeResponse<R: Encodable>(id: RequestID, result: R) throws -> [UInt8] {
        try [UInt8](encoder.encode(Outgoing<Null, R>(id: id, result: result)))
    }

    /// The body of an error response (`id` nil gives `"id": null`).
    package static func encodeError(id: RequestID?, error: ResponseError) -> [UInt8] {
        let message = Outgoing<Null, Null>(id: id, idIsNull: id == nil, error: error)
        if let bytes = try? encoder.encode(message) { return [UInt8](bytes) }
        // Only a `data` value could fail to encode; drop it rather than send nothing.
        var plain = error
        plain.data = nil
        return [UInt8]((try? encoder.encode(Outgoing<Null, Null>(id: id, idIsNull: id == nil, error: plain))) ?? Data())
    }

    // MARK: - Implementation

    enum Key: String, CodingKey {
        case jsonrpc, id, method, params, result, error
    }

    private struct Outgoing<P: Encodable, R: Encodable>: Encodable {
        var id: RequestID?
        var idIsNull = false
        var method: String?
        var params: P?
        var result: R?
        var error: ResponseError?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode("2.0", forKey: .jsonrpc)
            if let id { try c.encode(id, forKey: .id) } else if idIsNull { try c.encodeNil(forKey: .id) }
            if let method { try c.encode(method, forKey: .method) }
            if let params, !isOmitted(params) { try c.encode(params, forKey: .params) }
            if let result { try c.encode(result, forKey: .result) }
            if let error { try c.encode(error, forKey: .error) }
        }

        private func isOmitted(_ value: P) -> Bool {
            if value is Null { return true }
            if let v = value as? JSONValue, v == .null { return true }
            return false
        }
    }

    /// The members that decide what a message is; `params` and `result` are left in the
    /// body and decoded only when the handler asks for them, as the type it expects.
    private struct Envelope: Decodable {
        enum IDState { case absent, null, valid(RequestID), invalid }

        var isObject = true
        var version: String?
        var id = IDState.absent
        var method: String?
        var methodIsInvalid = false
        var hasResult = false
        var hasError = false
        var error: ResponseError?

        init(from decoder: any Decoder) throws {
            guard let c = try? decoder.container(keyedBy: Key.self) else {
                isObject = false
                return
            }
            version = try? c.decodeIfPresent(String.self, forKey: .jsonrpc)
            if c.contains(.id) {
                if (try? c.decodeNil(forKey: .id)) == true {
                    id = .null
                } else if let value = try? c.decode(RequestID.self, forKey: .id) {
                    id = .valid(value)
                } else {
                    id = .invalid
                }
            }
            if c.contains(.method) {
                method = try? c.decode(String.self, forKey: .method)
                methodIsInvalid = method == nil
            }
            hasResult = c.contains(.result)
            hasError = c.contains(.error) && (try? c.decodeNil(forKey: .error)) != true
            if hasError { error = try? c.decode(ResponseError.self, forKey: .error) }
        }

        func classify(_ body: Data, firstByte: UInt8?) -> Message {
            var readID: RequestID? = nil
            if case .valid(let v) = id { readID = v }
            let looksLikeResponse = method == nil && !methodIsInvalid && (hasResult || hasError)
            func invalid(_ message: String) -> Message {
                .invalid(InvalidMessage(error: .invalidRequest(message), id: readID, isResponse: looksLikeResponse))
            }
            guard isObject else {
                return invalid(firstByte == UInt8(ascii: "[")
                    ? "batch messages (JSON arrays) are not supported by the Language Server Protocol"
                    : "a message must be a JSON object")
            }
            guard version == "2.0" else { return invalid("a message must have \"jsonrpc\": \"2.0\"") }
            if methodIsInvalid { return invalid("\"method\" must be a string") }
            if let method {
                switch id {
                case .absent: return .notification(Notification(method: method, body: body))
                case .valid(let v): return .request(Request(id: v, method: method, body: body))
                case .null: return invalid("a request id must be an integer or a string, not null")
                case .invalid: return invalid("a request id must be an integer or a string")
                }
            }
            guard hasResult || hasError else {
                return invalid("a message must have a \"method\" (request or notification) or a \"result\" or \"error\" (response)")
            }
            if hasResult && hasError { return invalid("a response must not have both \"result\" and \"error\"") }
            if hasError && error == nil {
                return invalid("a response error must be an object with an integer \"code\" and a string \"message\"")
            }
            switch id {
            case .valid(let v): return .response(Response(id: v, error: error, body: body))
            case .null where hasError: return .response(Response(id: nil, error: error, body: body))
            case .absent, .null: return invalid("a response must have the id of its request")
            case .invalid: return invalid("a response id must be an integer or a string")
            }
        }
    }

    /// `params` or `result` of a body, decoded as `T`; an absent member decodes as `null`.
    static func decodeMember<T: Decodable>(_ type: T.Type, key: Key, of body: Data, method: String) throws(ResponseError) -> T {
        let decoder = JSONDecoder()
        decoder.userInfo[MemberBox<T>.memberKey] = key.rawValue
        do {
            return try decoder.decode(MemberBox<T>.self, from: body).value
        } catch {
            let what = key == .params ? "params of \(method)" : "result of \(method)"
            if error is MissingMember { throw .invalidParams("invalid \(what): \(key.rawValue) is missing") }
            throw .invalidParams("invalid \(what): \(describe(error, droppingLeadingKeys: 1))")
        }
    }

    private struct MissingMember: Error {}

    /// Decodes one member (named in `userInfo`) of a message object.
    private struct MemberBox<T: Decodable>: Decodable {
        static var memberKey: CodingUserInfoKey { CodingUserInfoKey(rawValue: "planlint.lsp.member")! }
        let value: T
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            let key = Key(rawValue: decoder.userInfo[Self.memberKey] as? String ?? "") ?? .params
            if c.contains(key) {
                value = try c.decode(T.self, forKey: key)
            } else {
                do {
                    value = try JSONDecoder().decode(T.self, from: Data("null".utf8))
                } catch {
                    throw MissingMember()
                }
            }
        }
    }

    /// A readable account of a decoding error: the JSON path and what was expected.
    static func describe(_ error: any Error, droppingLeadingKeys dropped: Int = 0) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ keys: [any CodingKey]) -> String {
            var s = ""
            for k in keys.dropFirst(dropped) {
                if let i = k.intValue { s += "[\(i)]" } else { s += (s.isEmpty ? "" : ".") + k.stringValue }
            }
            return s.isEmpty ? "the value" : s
        }
        func name(_ type: Any.Type) -> String {
            switch type {
            case is String.Type: "a string"
            case is Int.Type, is Int32.Type, is Int64.Type, is UInt32.Type: "an integer"
            case is Bool.Type: "a boolean"
            case is Decimal.Type: "a number"
            default:
                String(describing: type).hasPrefix("Array") ? "an array"
                    : String(describing: type).hasPrefix("Dictionary") ? "an object"
                    : String(describing: type)
            }
        }
        switch error {
        case .typeMismatch(let type, let ctx):
            let hint = ctx.debugDescription.hasPrefix("Expected to decode") ? "" : " (\(ctx.debugDescription))"
            return "\(path(ctx.codingPath)): expected \(name(type))\(hint)"
        case .valueNotFound(let type, let ctx):
            return "\(path(ctx.codingPath)): expected \(name(type)), found null"
        case .keyNotFound(let key, let ctx):
            return "\(path(ctx.codingPath + [key])) is missing"
        case .dataCorrupted(let ctx):
            return "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}

/// A request method with its params and result types, so that sending and decoding are
/// checked by the compiler: `LSP.initialize` is `RequestType<InitializeParams, InitializeResult>`.
package struct RequestType<Params: Codable & Sendable, Result: Codable & Sendable>: Sendable, Hashable {
    /// The method name, e.g. `textDocument/codeAction`.
    package let method: String
    package init(_ method: String) { self.method = method }
}

/// A notification method with its params type.
package struct NotificationType<Params: Codable & Sendable>: Sendable, Hashable {
    /// The method name, e.g. `textDocument/didOpen`.
    package let method: String
    package init(_ method: String) { self.method = method }
}
