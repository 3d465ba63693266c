import SchemaValidation

/// What planlint carries inside its binary, named `planlint:NAME` from any repository:
///
/// - `planlint:recommended` — the bundled rule pack (the repository's `Rules/`), for
///   `extends: planlint:recommended` or `rules: [planlint:recommended]` in `.planlint.yaml`;
/// - `planlint:plan@2`, `planlint:plan@1` — the plan schemas (`Plans/plan.schema.yaml`,
///   `Plans/plan-1.schema.yaml`), for `schemas:` entries, `$schema=` modelines and
///   `planlint schema plan@2`.
///
/// The texts are compiled in (`EmbeddedFiles.swift`, generated from the repository's files and
/// kept current by a test), so a user's repository needs no copy of the rules or the schema.
public enum BuiltinResources {
    /// The prefix that names a built-in resource.
    public static let prefix = "planlint:"

    /// One embedded file: the name diagnostics show for it, and its text.
    public struct File: Sendable, Equatable {
        public var displayPath: String
        public var text: String
    }

    /// The schemas, by name: (name, repository file, the `format` a document declares).
    static let schemaTable: [(name: String, path: String, format: String)] = [
        ("plan@2", "Plans/plan.schema.yaml", "planlint/plan@2"),
        ("plan@1", "Plans/plan-1.schema.yaml", "planlint/plan@1"),
    ]

    /// The packs, by name: the repository folder whose `*.yaml` files they hold.
    static let packTable: [(name: String, folder: String)] = [("recommended", "Rules/")]

    /// `plan@2`, `plan@1`.
    public static var schemaNames: [String] { schemaTable.map(\.name) }
    /// `recommended`.
    public static var packNames: [String] { packTable.map(\.name) }
    /// Every `planlint:NAME` there is, for "did you mean".
    public static var allReferences: [String] { (packNames + schemaNames).map { prefix + $0 } }

    /// Whether `reference` names a built-in resource (`planlint:…`).
    public static func isBuiltin(_ reference: String) -> Bool { reference.hasPrefix(prefix) }

    /// The schema called `name` (`plan@2`, or `planlint:plan@2`).
    public static func schema(_ name: String) -> File? {
        let bare = name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : name
        guard let entry = schemaTable.first(where: { $0.name == bare }),
              let text = EmbeddedFiles.files.first(where: { $0.path == entry.path })?.text else { return nil }
        return File(displayPath: prefix + bare, text: text)
    }

    /// The name of the schema for documents that declare `format` (`planlint/plan@2` → `plan@2`).
    public static func schemaName(forFormat format: String) -> String? {
        schemaTable.first { $0.format == format }?.name
    }

    /// The rule files of the pack called `name` (`recommended`, or `planlint:recommended`),
    /// in file-name order, each shown as `planlint:recommended/FILE`.
    public static func pack(_ name: String) -> [File]? {
        let bare = name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : name
        guard let entry = packTable.first(where: { $0.name == bare }) else { return nil }
        return EmbeddedFiles.files.filter { $0.path.hasPrefix(entry.folder) }
            .sorted { $0.path < $1.path }
            .map { File(displayPath: prefix + bare + "/" + $0.path.dropFirst(entry.folder.count), text: $0.text) }
    }

    /// Serves `planlint:NAME` schemas to the schema registry (never the network, never the disk).
    public struct SchemaResolver: SchemaResourceResolver {
        public init() {}
        public func resource(for uri: String) -> SchemaResource? {
            guard BuiltinResources.isBuiltin(uri), let file = BuiltinResources.schema(uri) else { return nil }
            return SchemaResource(displayPath: file.displayPath, bytes: Array(file.text.utf8))
        }
    }
}
