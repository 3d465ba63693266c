import Foundation

/// The external corpora pinned in `Tests/Corpora/manifest.json`, and where the tests find them.
///
/// Looked for in this order (the same as `scripts/get-corpora --status`):
/// 1. `$PLANLINT_CORPUS/<path>`;
/// 2. `<repository>/.corpora/<path>`, where `scripts/get-corpora` puts them;
/// 3. `<dir>/shared/<shared>` for the repository's parent and every folder above it (CI's clone
///    has `../shared`; a worktree sits deeper).
///
/// A test that reads a corpus is marked `.enabled(if: Corpus.X.isAvailable, Corpus.X.skipReason)`,
/// so where the corpus is absent it is reported as skipped, with the way to get it.
public enum Corpus: String, CaseIterable, Sendable {
    case yamlTestSuite = "yaml-test-suite"
    case jsonSchemaTestSuite = "json-schema-test-suite"
    case sarifSchema = "sarif-schema"

    /// The repository root (the folder holding Package.swift), found from this file.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Corpus.swift, CorpusSupport, Tests
        return url
    }()

    /// The manifest's entry for this corpus: `path` (below a corpus folder), `shared` (below a
    /// `shared/` folder) and `entry` (the file the tests open, if not the folder itself).
    struct Entry {
        let path: String
        let shared: String
        let entry: String?
    }

    static let manifest: [String: Entry] = {
        let url = repositoryRoot.appendingPathComponent("Tests/Corpora/manifest.json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let corpora = object["corpora"] as? [[String: Any]] else {
            return [:]
        }
        var result: [String: Entry] = [:]
        for c in corpora {
            guard let id = c["id"] as? String, let path = c["path"] as? String, let shared = c["shared"] as? String else { continue }
            result[id] = Entry(path: path, shared: shared, entry: c["entry"] as? String)
        }
        return result
    }()

    /// Folders that may hold this corpus, in lookup order.
    public var candidates: [URL] {
        guard let e = Self.manifest[rawValue] else { return [] }
        var out: [URL] = []
        if let env = ProcessInfo.processInfo.environment["PLANLINT_CORPUS"], !env.isEmpty {
            out.append(URL(fileURLWithPath: env).appendingPathComponent(e.path))
        }
        out.append(Self.repositoryRoot.appendingPathComponent(".corpora").appendingPathComponent(e.path))
        var dir = Self.repositoryRoot.deletingLastPathComponent()
        while true {
            out.append(dir.appendingPathComponent("shared").appendingPathComponent(e.shared))
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        return out
    }

    /// The corpus folder found first, or nil.
    public var folder: URL? {
        let entry = Self.manifest[rawValue]?.entry
        return candidates.first { c in
            FileManager.default.fileExists(atPath: entry.map { c.appendingPathComponent($0).path } ?? c.path)
        }
    }

    /// What the tests open: the folder, or the manifest's `entry` inside it.
    public var location: URL? {
        guard let folder else { return nil }
        return Self.manifest[rawValue]?.entry.map { folder.appendingPathComponent($0) } ?? folder
    }

    public var isAvailable: Bool { location != nil }

    /// Why a test that needs this corpus is skipped, and how to get it.
    public var skipReason: String {
        if Self.manifest[rawValue] == nil {
            return "\(rawValue) is not in Tests/Corpora/manifest.json"
        }
        return "corpus \(rawValue) not found (PLANLINT_CORPUS, .corpora/, ../shared); get it with scripts/get-corpora \(rawValue)"
    }
}
