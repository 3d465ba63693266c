#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif

/// Any JSON value: the type of the untyped parts of the protocol (`data` on diagnostics,
/// `initializationOptions`, registration options, a response's `result` before it is decoded).
///
/// Numbers are exact: they are held as `Decimal`, never as a binary floating-point value, so
/// `0.1` and a 20-digit integer survive a round trip unchanged. Objects are unordered (JSON
/// objects are); encoding with ``JSONRPC/encoder`` sorts their keys, so output is stable.
///
/// Decoding refuses values nested deeper than ``maximumDepth`` levels instead of recursing
/// without bound.
package enum JSONValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The deepest nesting `init(from:)` accepts (the JSON reader itself stops at 512).
    ///
    /// Low on purpose: `JSONDecoder` offers no way to ask a value's type, so each value is
    /// probed with `try?`, and a failed probe costs a few microseconds, more the deeper it
    /// is. Untyped protocol members (`data`, `initializationOptions`) are shallow; a
    /// hostile depth stays cheap (64 levels decode in about 15 ms).
    package static let maximumDepth = 64

    /// An integer number.
    package static func integer(_ value: Int) -> JSONValue { .number(Decimal(value)) }

    package init(from decoder: any Decoder) throws {
        if decoder.codingPath.count >= JSONValue.maximumDepth {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "JSON nested deeper than \(JSONValue.maximumDepth) levels"))
        }
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let s = try? c.decode(String.self) {
            // Most common first: every failed probe throws, which is slow.
            self = .string(s)
        } else if let n = try? c.decode(Decimal.self) {
            self = .number(n)
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else {
            // A container. If both attempts fail, the error that got deepest names the real
            // problem (a nested value too deep, a number out of range).
            let objectError: any Error
            do {
                self = .object(try c.decode([String: JSONValue].self))
                return
            } catch {
                objectError = error
            }
            do {
                self = .array(try c.decode([JSONValue].self))
            } catch {
                throw Self.depth(of: error) > Self.depth(of: objectError) ? error : objectError
            }
        }
    }

    private static func depth(of error: any Error) -> Int {
        switch error as? DecodingError {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
            c.codingPath.count
        default:
            0
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let n): try c.encode(n)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// The value of an `.object` member, or nil.
    package subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The text of a `.string`, or nil.
    package var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The value of a `.number` that is an integer representable as `Int`, or nil.
    package var intValue: Int? {
        guard case .number(let n) = self else { return nil }
        // An integral Decimal prints as its digits alone ("-42"); anything else, or a value
        // beyond Int, does not convert.
        guard let i = Int(n.description), Decimal(i) == n else { return nil }
        return i
    }

    /// Compact JSON text with sorted keys.
    package var description: String {
        (try? JSONRPC.encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "<unencodable>"
    }

    /// Encodes any `Encodable` value as a `JSONValue` (for building `data` payloads).
    package init(encoding value: some Encodable) throws {
        let bytes = try JSONRPC.encoder.encode(value)
        self = try JSONDecoder().decode(JSONValue.self, from: bytes)
    }

    /// Decodes this value as `T` (for reading back a `data` payload or a response result).
    package func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONRPC.encoder.encode(self))
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    package init(nilLiteral: ()) { self = .null }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(integerLiteral value: Int) { self = .number(Decimal(value)) }
    package init(stringLiteral value: String) { self = .string(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
