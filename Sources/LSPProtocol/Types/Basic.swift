#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif

extension LSP {
    /// A document's URI as the client sent it (usually `file://…`, see `SourceText.FileURI`).
    /// Kept as the client's exact string: answer with the same string.
    package typealias DocumentURI = String

    /// A position between two characters: a 0-based line and a 0-based offset in that line,
    /// counted in the units of the negotiated ``PositionEncoding`` (UTF-16 code units by
    /// default). Converting it to a byte offset is the job of planlint's `SourceText`.
    package struct Position: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
        package var line: Int
        package var character: Int

        package init(line: Int, character: Int) { (self.line, self.character) = (line, character) }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            line = try c.decode(Int.self, forKey: .line)
            character = try c.decode(Int.self, forKey: .character)
            // LSP's `uinteger`: 0 ... 2^31 - 1.
            for (value, key) in [(line, CodingKeys.line), (character, .character)] where value < 0 || value > Int(Int32.max) {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c, debugDescription: "\(value) is not a valid position (0 ... 2147483647)")
            }
        }

        package static func < (a: Position, b: Position) -> Bool {
            (a.line, a.character) < (b.line, b.character)
        }

        package var description: String { "\(line):\(character)" }
    }

    /// A half-open range `[start, end)` between two positions.
    package struct Range: Codable, Hashable, Sendable, CustomStringConvertible {
        package var start: Position
        package var end: Position

        package init(start: Position, end: Position) { (self.start, self.end) = (start, end) }

        /// `Range(line: 2, character: 4, toLine: 2, character: 9)`.
        package init(line: Int, character: Int, toLine endLine: Int, character endCharacter: Int) {
            self.init(start: Position(line: line, character: character), end: Position(line: endLine, character: endCharacter))
        }

        package var description: String { "\(start)-\(end)" }
    }

    /// A range in a document.
    package struct Location: Codable, Hashable, Sendable {
        package var uri: DocumentURI
        package var range: Range
        package init(uri: DocumentURI, range: Range) { (self.uri, self.range) = (uri, range) }
    }

    package struct TextDocumentIdentifier: Codable, Hashable, Sendable {
        package var uri: DocumentURI
        package init(uri: DocumentURI) { self.uri = uri }
    }

    /// A document and the version the client gave its current text.
    package struct VersionedTextDocumentIdentifier: Codable, Hashable, Sendable {
        package var uri: DocumentURI
        package var version: Int
        package init(uri: DocumentURI, version: Int) { (self.uri, self.version) = (uri, version) }
    }

    /// A document as opened: its full text.
    package struct TextDocumentItem: Codable, Hashable, Sendable {
        package var uri: DocumentURI
        /// The client's language id, e.g. `yaml`.
        package var languageId: String
        package var version: Int
        package var text: String
        package init(uri: DocumentURI, languageId: String, version: Int, text: String) {
            (self.uri, self.languageId, self.version, self.text) = (uri, languageId, version, text)
        }
    }

    /// Replace `range` by `newText`.
    package struct TextEdit: Codable, Hashable, Sendable {
        package var range: Range
        package var newText: String
        package init(range: Range, newText: String) { (self.range, self.newText) = (range, newText) }
    }

    /// Edits to several documents. Only the `changes` form (the one every client supports)
    /// is modelled; the edits of one document must not overlap.
    package struct WorkspaceEdit: Codable, Hashable, Sendable {
        package var changes: [DocumentURI: [TextEdit]]?
        package init(changes: [DocumentURI: [TextEdit]]?) { self.changes = changes }
    }

    /// How a client should render text.
    package enum MarkupKind: String, Codable, Hashable, Sendable {
        case plaintext
        case markdown
    }

    /// Text with its markup kind (hover contents).
    package struct MarkupContent: Codable, Hashable, Sendable {
        package var kind: MarkupKind
        package var value: String
        package init(kind: MarkupKind, value: String) { (self.kind, self.value) = (kind, value) }
    }
}

/// A member read leniently: absent, null *or of another type* all read as nil. For the
/// client's capabilities, which must never make `initialize` fail because a client sent an
/// unexpected value for a feature the server does not even use. Encoded like a plain
/// optional member (left out when nil).
@propertyWrapper
package struct Lenient<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    package var wrappedValue: Value?
    package init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    package init(from decoder: any Decoder) throws {
        wrappedValue = try? decoder.singleValueContainer().decode(Value.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(wrappedValue)
    }
}

// The synthesized `Codable` of a type with `@Lenient` members calls these (more specific
// than the generic `decode`/`encode`): an absent key reads as nil, nil is not written.
extension KeyedDecodingContainer {
    func decode<Value>(_: Lenient<Value>.Type, forKey key: Key) throws -> Lenient<Value> {
        Lenient(wrappedValue: (try? decodeIfPresent(Value.self, forKey: key)) ?? nil)
    }
}

extension KeyedEncodingContainer {
    mutating func encode<Value>(_ value: Lenient<Value>, forKey key: Key) throws {
        try encodeIfPresent(value.wrappedValue, forKey: key)
    }
}
