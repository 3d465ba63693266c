import SourceText

/// Paths as URIs for SARIF: relative references under `%SRCROOT%`, or `file://` URIs for
/// files outside it (segments percent-encoded by `FileURI`, the one URI encoder).
enum SARIFURI {
    /// Whether the URI is relative to the root (`uriBaseId` `%SRCROOT%`) or absolute.
    struct Reference: Equatable {
        var uri: String
        var isRelativeToRoot: Bool
    }

    /// `file:///abs/root/` — always with a trailing slash, as SARIF requires for base URIs.
    static func rootURI(_ root: String) -> String {
        let segments = normalize(root.split(separator: "/", omittingEmptySubsequences: true).map(String.init))
        return "file:///" + segments.map(encode).joined(separator: "/") + (segments.isEmpty ? "" : "/")
    }

    /// The reference for `path` (as diagnostics carry it): relative paths are resolved
    /// against `root`; whatever lies under `root` becomes a relative reference.
    static func reference(for path: String, root: String) -> Reference {
        let rootSegments = normalize(root.split(separator: "/").map(String.init))
        let pathSegments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let absolute = normalize(path.hasPrefix("/") ? pathSegments : rootSegments + pathSegments)
        if absolute.count > rootSegments.count && Array(absolute.prefix(rootSegments.count)) == rootSegments {
            return Reference(uri: absolute.dropFirst(rootSegments.count).map(encode).joined(separator: "/"), isRelativeToRoot: true)
        }
        return Reference(uri: "file:///" + absolute.map(encode).joined(separator: "/"), isRelativeToRoot: false)
    }

    /// Resolves `.` and `..` (`..` above the top stays at the top).
    static func normalize(_ segments: [String]) -> [String] {
        var out: [String] = []
        for s in segments {
            switch s {
            case "", ".": continue
            case "..": if !out.isEmpty { out.removeLast() }
            default: out.append(s)
            }
        }
        return out
    }

    static func encode(_ segment: String) -> String { FileURI.encode(segment: segment) }
}
