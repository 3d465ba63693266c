import Diagnostics
import SourceText
import YAMLTree

/// Supplies schema documents that are not local files, by URI. planlint itself never
/// fetches anything from the network; a resolver is how a caller (a test, an offline
/// mirror) serves such URIs from disk.
package protocol SchemaResourceResolver: Sendable {
    /// The resource at `uri` (absolute, without fragment), or nil if this resolver has none.
    func resource(for uri: String) -> SchemaResource?
}

/// The bytes of a schema document and the path to show for it in diagnostics.
public struct SchemaResource: Sendable {
    public var displayPath: String
    public var bytes: [UInt8]
    public init(displayPath: String, bytes: [UInt8]) { (self.displayPath, self.bytes) = (displayPath, bytes) }
}

/// A schema document read and parsed once (YAML or JSON — JSON is read as YAML 1.2).
struct SchemaDocument: Sendable {
    let file: SourceFile
    /// The first document of the stream; nil if the file is empty or unreadable as YAML.
    let root: YAMLNode?
    /// The URI it was retrieved from (`file:///…` for local files).
    let uri: URIReference
    /// YAML problems in the file.
    let diagnostics: [Diagnostic]

    static func parse(file: SourceFile, uri: URIReference, limits: YAMLLimits) -> SchemaDocument {
        let result = YAMLReader.parse(file, limits: limits)
        return make(file: file, result: result, uri: uri)
    }

    static func read(displayPath: String, bytes: [UInt8], uri: URIReference, limits: YAMLLimits) -> SchemaDocument {
        let (file, result) = YAMLReader.read(path: displayPath, raw: bytes, limits: limits)
        return make(file: file, result: result, uri: uri)
    }

    static func make(file: SourceFile, result: YAMLParseResult, uri: URIReference) -> SchemaDocument {
        var diagnostics = result.problems.map { Diagnostic($0, in: file) }
        let roots = result.documents
        if roots.count > 1 {
            diagnostics.append(Diagnostic(
                SchemaCode.invalidKeyword, severity: .warning,
                message: SchemaFileMessage.extraDocuments(["count": roots.count - 1]),
                location: .span(roots[1].span), primaryLabel: SchemaFileMessage.ignoredFromHere()))
        }
        return SchemaDocument(file: file, root: result.isComplete ? roots.first : nil, uri: uri, diagnostics: diagnostics)
    }
}

/// Why a referenced document could not be had.
enum DocumentLoadFailure: Error, Sendable, CustomStringConvertible {
    case outsideRoot(path: String, root: String)
    case unreadable(path: String, reason: String)
    case remote(uri: String)
    case unsupportedScheme(uri: String)

    /// In plain words, for messages (never Swift's debug form of the case).
    var description: String {
        switch self {
        case .outsideRoot(let path, let root): SchemaFileMessage.outsideFolder(["path": path, "root": root])
        case .unreadable(_, let reason): reason
        case .remote(let uri): SchemaFileMessage.isRemote(["uri": uri])
        case .unsupportedScheme(let uri): SchemaFileMessage.otherScheme(["uri": uri])
        }
    }
}

/// Where the compiler gets documents a `$ref` names.
protocol SchemaDocumentProvider: Sendable {
    func document(at uri: URIReference) -> Result<SchemaDocument, DocumentLoadFailure>
}
