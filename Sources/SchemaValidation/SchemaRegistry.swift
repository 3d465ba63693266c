import Diagnostics
#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif
import SourceText
import Guarded
import YAMLTree

/// Loads, compiles and caches schemas by path.
///
/// Schemas are read from local files only. A `$ref` to another file is resolved against the
/// referring schema's folder and must stay inside `allowedRoot` (a schema must not make
/// planlint read arbitrary files); http(s) references are never fetched — they are reported,
/// unless a `SchemaResourceResolver` serves them (tests map the JSON Schema test suite's
/// `http://localhost:1234/` this way).
///
/// ```swift
/// let registry = SchemaRegistry(allowedRoot: projectRoot)
/// let loaded = registry.schema(atPath: "Plans/plan.schema.yaml")
/// report(loaded.diagnostics)                      // problems in the schema files
/// if let schema = loaded.schema {
///     report(validate(document: planRoot, against: schema))
/// }
/// ```
package final class SchemaRegistry: Sendable {
    /// Directory that schema files must be inside (nil: no restriction).
    package let allowedRoot: String?
    let resolver: (any SchemaResourceResolver)?
    let limits: YAMLLimits
    let cache = Guarded<[String: SchemaLoadResult]>([:])
    let documentCache = Guarded<[String: SchemaDocument]>([:])

    /// - Parameters:
    ///   - allowedRoot: the directory schema files (and the files their `$ref`s name) must be
    ///     inside; symbolic links are resolved before checking. Nil allows any local file.
    ///   - resolver: serves non-file URIs (never the network); nil reports them as remote.
    ///   - limits: bounds for reading schema files as YAML.
    package init(allowedRoot: String?, resolver: (any SchemaResourceResolver)? = nil, limits: YAMLLimits = .default) {
        self.allowedRoot = allowedRoot.map(SchemaRegistry.canonicalPath)
        self.resolver = resolver
        self.limits = limits
    }

    /// The compiled schema in the file at `path` (YAML or JSON), compiled once and cached.
    ///
    /// - Parameter requestedAt: where the schema was named (a modeline, a config entry), so a
    ///   file that is missing or outside the allowed root is reported there.
    package func schema(atPath path: String, requestedAt: SourceSpan? = nil) -> SchemaLoadResult {
        let absolute = SchemaRegistry.canonicalPath(path)
        if let cached = cache.withLock({ $0[absolute] }) { return cached }
        let result = load(path: path, absolute: absolute, requestedAt: requestedAt)
        cache.withLock { $0[absolute] = result }
        return result
    }

    /// The compiled schema the resolver serves at `uri` (planlint's built-in `planlint:plan@2`,
    /// a test's `http://localhost:1234/…`), compiled once and cached. Nothing is read from disk
    /// or the network: a URI the resolver does not serve is reported where it was named.
    package func schema(uri: String, requestedAt: SourceSpan? = nil) -> SchemaLoadResult {
        if let cached = cache.withLock({ $0[uri] }) { return cached }
        let result: SchemaLoadResult
        if let resource = resolver?.resource(for: uri) {
            let document = SchemaDocument.read(displayPath: resource.displayPath, bytes: resource.bytes,
                                               uri: URIReference(uri), limits: limits)
            result = compiled(document)
        } else {
            let location: Location = requestedAt.map { .span($0) } ?? .path(uri)
            result = SchemaLoadResult(schema: nil, diagnostics: [
                Diagnostic(code: SchemaCode.loadError.rawValue, severity: .error,
                           message: SchemaFileMessage.noSuchSchema(["uri": uri]), location: location),
            ])
        }
        cache.withLock { $0[uri] = result }
        return result
    }

    /// The absolute paths of every schema file read so far (`$ref`s included).
    package var loadedFiles: [String] { documentCache.withLock { Array($0.keys) } }

    /// Forgets every cached schema and document, so the next request reads the files again
    /// (after a schema file changed on disk — the language server calls this on file events).
    package func invalidateAll() {
        cache.withLock { $0.removeAll() }
        documentCache.withLock { $0.removeAll() }
    }

    /// Compiles a schema held in memory (an editor buffer, a test). Not cached.
    ///
    /// - Parameter baseURI: the schema's retrieval URI; defaults to `file://` + the absolute
    ///   form of `source.path`, so relative `$ref`s name files beside it.
    package func compile(_ source: SourceFile, baseURI: String? = nil) -> SchemaLoadResult {
        let uri = URIReference(baseURI ?? SchemaRegistry.fileURI(SchemaRegistry.canonicalPath(source.path)))
        let document = SchemaDocument.parse(file: source, uri: uri, limits: limits)
        return compiled(document)
    }

    /// Compiles a schema that is one node of a larger YAML document (a schema written inline
    /// in a configuration or rule file). `#…` references are relative to `schemaNode`.
    package func compile(schemaNode: YAMLNode, baseURI: String? = nil) -> SchemaLoadResult {
        let uri = URIReference(baseURI ?? SchemaRegistry.fileURI(SchemaRegistry.canonicalPath(schemaNode.file.path)))
        let document = SchemaDocument(file: schemaNode.file, root: schemaNode, uri: uri, diagnostics: [])
        return compiled(document)
    }

    /// `document` compiled, with the problems of every document its `$ref`s reached.
    func compiled(_ document: SchemaDocument) -> SchemaLoadResult {
        let compiler = SchemaCompiler(provider: Provider(registry: self))
        let schema = compiler.compile(document)
        return SchemaLoadResult(schema: schema, diagnostics: schema?.diagnostics ?? compiler.diagnostics)
    }

    func load(path: String, absolute: String, requestedAt: SourceSpan?) -> SchemaLoadResult {
        func fail(_ code: SchemaCode, _ message: String, notes: [String] = []) -> SchemaLoadResult {
            let location: Location = requestedAt.map { .span($0) } ?? .path(path)
            return SchemaLoadResult(schema: nil, diagnostics: [
                Diagnostic(code, severity: .error, message: message, location: location, notes: notes),
            ])
        }
        if let root = allowedRoot, !SchemaRegistry.isInside(absolute, root) {
            return fail(.refOutsideRoot, SchemaFileMessage.schemaOutsideRoot(["path": path, "root": root]),
                        notes: [SchemaFileMessage.schemaOutsideRootNote()])
        }
        let document: SchemaDocument
        switch readFile(absolute: absolute, displayPath: path) {
        case .success(let d): document = d
        case .failure(let reason): return fail(.loadError, SchemaFileMessage.cannotRead(["path": path, "reason": reason]))
        }
        return compiled(document)
    }

    enum ReadFailure: Error { case failed(String) }

    func readFile(absolute: String, displayPath: String) -> Result<SchemaDocument, DocumentLoadFailure> {
        if let d = documentCache.withLock({ $0[absolute] }) { return .success(d) }
        let kind = PathKind(atPath: absolute)
        guard kind != .missing else {
            return .failure(.unreadable(path: displayPath, reason: SchemaFileMessage.noSuchFile()))
        }
        guard kind != .directory else { return .failure(.unreadable(path: displayPath, reason: SchemaFileMessage.isADirectory())) }
        // Only regular files within the input size limit: a FIFO would block the run and
        // `/dev/zero` never ends (FileIO refuses both, and anything over the limit, unread).
        let bytes: [UInt8]
        do {
            bytes = try FileIO.readBytes(path: absolute, limit: limits.maxInputBytes)
        } catch {
            return .failure(.unreadable(path: displayPath, reason: FileMessage.reason(error.problem)))
        }
        let document = SchemaDocument.read(displayPath: displayPath, bytes: bytes,
                                           uri: URIReference(SchemaRegistry.fileURI(absolute)), limits: limits)
        documentCache.withLock { $0[absolute] = document }
        return .success(document)
    }

    /// Serves documents to the compiler: local files (inside the root), resolver URIs.
    struct Provider: SchemaDocumentProvider {
        let registry: SchemaRegistry

        func document(at uri: URIReference) -> Result<SchemaDocument, DocumentLoadFailure> {
            let text = uri.description
            if let resolver = registry.resolver, let resource = resolver.resource(for: text) {
                return .success(SchemaDocument.read(displayPath: resource.displayPath, bytes: resource.bytes, uri: uri,
                                                    limits: registry.limits))
            }
            switch uri.scheme?.lowercased() {
            case "file":
                let absolute = SchemaRegistry.canonicalPath(URIReference.percentDecoded(uri.path))
                if let root = registry.allowedRoot, !SchemaRegistry.isInside(absolute, root) {
                    return .failure(.outsideRoot(path: SchemaRegistry.displayPath(absolute), root: root))
                }
                return registry.readFile(absolute: absolute, displayPath: SchemaRegistry.displayPath(absolute))
            case "http", "https":
                return .failure(.remote(uri: text))
            default:
                return .failure(.unsupportedScheme(uri: text))
            }
        }
    }

    // MARK: paths

    /// Absolute, standardized, symbolic links resolved (as far as the path exists).
    static func canonicalPath(_ path: String) -> String {
        var url = URL(fileURLWithPath: path)
        url = url.standardizedFileURL.resolvingSymlinksInPath()
        var p = url.path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        RealPath.isInside(path, root)
    }

    static func fileURI(_ absolute: String) -> String {
        FileURI.uri(fromPath: absolute)
    }

    /// Relative to the working directory when inside it, else absolute.
    static func displayPath(_ absolute: String) -> String {
        let cwd = canonicalPath(FileManager.default.currentDirectoryPath)
        if absolute.hasPrefix(cwd + "/") { return String(absolute.dropFirst(cwd.count + 1)) }
        return absolute
    }
}

/// A loaded schema, or why there is none, with every problem found in the schema files.
package struct SchemaLoadResult: Sendable {
    /// Nil when the schema file could not be read or parsed at all.
    package let schema: CompiledSchema?
    /// Problems in the schema files (errors and warnings), positioned there.
    package let diagnostics: [Diagnostic]
}
