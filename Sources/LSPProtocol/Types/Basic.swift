#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif

extension LSP {
    /// A document's URI as the client sent it (usually `file://…`, see `SourceText.FileURI`).
    /// Kept as the client's exact string: answer with the same string.
    public typealias DocumentURI = String

    /// A position between two characters: a 0-based line and a 0-based offset in that line,
    /// counted in the units of the negotiated ``PositionEncoding`` (UTF-16 code units by
    /// default). Converting it to a byte offset is the job of planlint's `SourceText`.
    public struct Position: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
        public var line: Int
        public var character: Int

        public init(line: Int, character: Int) { (self.line, self.character) = (line, character) }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            line = try c.decode(Int.self, forKey: .line)
            character = try c.decode(Int.self, forKey: .character)
            // LSP's `uinteger`: 0 ... 2^31 - 1.
            for (value, key) in [(line, CodingKeys.line), (character, .character)] where value < 0 || value > Int(Int32.max) {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c, debugDescription: "\(value) is not a valid position (0 ... 2147483647)")
            }
        }

        public static func < (a: Position, b: Position) -> Bool {
            (a.line, a.character) < (b.line, b.character)
        }

        public var description: String { "\(line):\(character)" }
    }

    /// A half-open range `[start, end)` between two positions.
    public struct Range: Codable, Hashable, Sendable, CustomStringConvertible {
        public var start: Position
        public var end: Position

        public init(start: Position, end: Position) { (self.start, self.end) = (start, end) }

        /// `Range(line: 2, character: 4, toLine: 2, character: 9)`.
        public init(line: Int, character: Int, toLine endLine: Int, character endCharacter: Int) {
            self.init(start: Position(line: line, character: character), end: Position(line: endLine, character: endCharacter))
        }

        public var description: String { "\(start)-\(end)" }
    }

    /// A range in a document.
    public struct Location: Codable, Hashable, Sendable {
        public var uri: DocumentURI
        public var range: Range
        public init(uri: DocumentURI, range: Range) { (self.uri, self.range) = (uri, range) }
    }

    public struct TextDocumentIdentifier: Codable, Hashable, Sendable {
        public var uri: DocumentURI
        public init(uri: DocumentURI) { self.uri = uri }
    }

    /// A document and the version the client gave its current text.
    public struct VersionedTextDocumentIdentifier: Codable, Hashable, Sendable {
        public var uri: DocumentURI
        public var version: Int
        public init(uri: DocumentURI, version: Int) { (self.uri, self.version) = (uri, version) }
    }

    /// A document as opened: its full text.
    public struct TextDocumentItem: Codable, Hashable, Sendable {
        public var uri: DocumentURI
        /// The client's language id, e.g. `yaml`.
        public var languageId: String
        public var version: Int
        public var text: String
        public init(uri: DocumentURI, languageId: String, version: Int, text: String) {
            (self.uri, self.languageId, self.version, self.text) = (uri, languageId, version, text)
        }
    }

    /// Replace `range` by `newText`.
    public struct TextEdit: Codable, Hashable, Sendable {
        public var range: Range
        public var newText: String
        public init(range: Range, newText: String) { (self.range, self.newText) = (range, newText) }
    }

    /// Edits to several documents. Only the `changes` form (the one every client supports)
    /// is modelled; the edits of one document must not overlap.
    public struct WorkspaceEdit: Codable, Hashable, Sendable {
        public var changes: [DocumentURI: [TextEdit]]?
        public init(changes: [DocumentURI: [TextEdit]]?) { self.changes = changes }
    }

    /// How a client should render text.
    public enum MarkupKind: String, Codable, Hashable, Sendable {
        case plaintext
        case markdown
    }

    /// Text with its markup kind (hover contents).
    public struct MarkupContent: Codable, Hashable, Sendable {
        public var kind: MarkupKind
        public var value: String
        public init(kind: MarkupKind, value: String) { (self.kind, self.value) = (kind, value) }
    }
}

extension KeyedDecodingContainer {
    /// The member as `T`, or nil when it is absent, null *or of another type*: for
    /// capabilities, which must never make `initialize` fail because a client sent an
    /// unexpected value for a feature the server does not even use.
    func lenient<T: Decodable>(_ key: Key) -> T? {
        (try? decodeIfPresent(T.self, forKey: key)) ?? nil
    }
}
