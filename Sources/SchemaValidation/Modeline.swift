import Diagnostics
#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif
import SourceText

/// The YAML language server's way for a file to name its schema: a comment
/// `# yaml-language-server: $schema=<path or URL>` among the file's first comment lines.
///
/// planlint honours it like the editor does: a relative path is resolved against the
/// folder of the file that holds the comment. URLs (http, https) are not fetched.
package struct SchemaModeline: Sendable, Equatable {
    /// What the comment names.
    package enum Target: Sendable, Equatable {
        /// A local file: the path as resolved against the data file's folder.
        case file(path: String)
        /// An http(s) URL; planlint never fetches it.
        case remote(url: String)
        /// A schema compiled into planlint (`planlint:plan@2`), served by the registry's resolver.
        case builtin(uri: String)
    }

    package let target: Target
    /// The value as written after `$schema=`.
    package let written: String
    /// The comment line, for diagnostics about the schema it names.
    package let span: SourceSpan

    /// Finds the modeline in the leading comment block of `file` (blank lines, comments,
    /// `%` directives and `---` may precede it; the first content line ends the search).
    package static func find(in file: SourceFile) -> SchemaModeline? {
        for line in 0..<file.lineCount {
            let range = file.lineRange(line)
            let text = file.text(in: range)
            let trimmed = text.trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("%") || trimmed == "---" { continue }
            guard trimmed.hasPrefix("#") else { return nil }
            guard let value = modelineValue(trimmed) else { continue }
            let lead = text.utf8.count - text.drop { $0 == " " || $0 == "\t" }.utf8.count
            let span = SourceSpan(file: file, range: ByteRange(range.start + lead, range.end))
            return SchemaModeline(target: target(for: value, relativeTo: file.path), written: value, span: span)
        }
        return nil
    }

    /// `# yaml-language-server: $schema=x` → `x` (spaces around `:` allowed, as the server does).
    static func modelineValue(_ comment: String) -> String? {
        var s = Substring(comment.dropFirst()).drop { $0 == " " || $0 == "\t" }
        guard s.hasPrefix("yaml-language-server") else { return nil }
        s = s.dropFirst("yaml-language-server".count).drop { $0 == " " || $0 == "\t" }
        guard s.first == ":" else { return nil }
        s = s.dropFirst().drop { $0 == " " || $0 == "\t" }
        guard s.hasPrefix("$schema=") else { return nil }
        let value = String(s.dropFirst("$schema=".count)).trimmingSpaces
        return value.isEmpty ? nil : value
    }

    static func target(for value: String, relativeTo dataPath: String) -> Target {
        let lower = value.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return .remote(url: value) }
        if value.hasPrefix("planlint:") { return .builtin(uri: value) }
        var path = value
        if lower.hasPrefix("file://") { path = URIReference.percentDecoded(URIReference(value).path) }
        if path.hasPrefix("/") { return .file(path: path) }
        let folder = PathText.deletingLastComponent(dataPath)
        let joined = folder.isEmpty ? path : folder + "/" + path
        return .file(path: PathText.standardized(joined))
    }

    /// An info diagnostic for a modeline naming a remote schema.
    package func remoteDiagnostic() -> Diagnostic? {
        guard case .remote(let url) = target else { return nil }
        return Diagnostic(SchemaCode.remoteSchema, severity: .info,
                          message: SchemaFileMessage.remoteModeline(["url": url]), location: .span(span),
                          primaryLabel: SchemaFileMessage.notFetched(),
                          notes: [SchemaFileMessage.remoteModelineNote()],
                          help: SchemaFileMessage.remoteModelineHelp())
    }
}

extension SchemaRegistry {
    /// The schema a data file names in its modeline, loaded (or the diagnostics saying why
    /// not); nil if the file has no modeline.
    package func schema(forModelineIn file: SourceFile) -> SchemaLoadResult? {
        guard let modeline = SchemaModeline.find(in: file) else { return nil }
        switch modeline.target {
        case .remote:
            return SchemaLoadResult(schema: nil, diagnostics: [modeline.remoteDiagnostic()!])
        case .file(let path):
            return schema(atPath: path, requestedAt: modeline.span)
        case .builtin(let uri):
            return schema(uri: uri, requestedAt: modeline.span)
        }
    }
}

/// What NSString's path helpers did, without Foundation.
enum PathText {
    /// `a/b/c` → `a/b`; `c` → ``; `/c` → `/`.
    static func deletingLastComponent(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.last == "/" { p.removeLast() }
        guard let slash = p.lastIndex(of: "/") else { return "" }
        return slash == p.startIndex ? "/" : String(p[..<slash])
    }

    /// Drops `.` components, empty components and `x/..` pairs (lexically, as NSString's
    /// standardizingPath does for paths that do not exist; leading `..` of a relative path stay).
    static func standardized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for c in path.split(separator: "/", omittingEmptySubsequences: true) where c != "." {
            if c == "..", let last = parts.last, last != ".." { parts.removeLast() } else if c == ".." && absolute && parts.isEmpty { continue } else { parts.append(c) }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }
}
