#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SourceText

/// Path arithmetic on `/`-separated strings, without Foundation: lexical normalisation,
/// relative paths, and the file system questions the frontend asks (exists? folder? real path?).
public enum PathUtil {
    /// The process's working directory.
    public static func currentDirectory() -> String {
        var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buf, buf.count) != nil else { return "/" }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `path` made absolute against `base` (when relative) and normalised lexically:
    /// no `.` segments, `..` applied, no doubled or trailing `/`. Symlinks are not resolved.
    public static func absolute(_ path: String, base: String) -> String {
        normalize(path.hasPrefix("/") ? path : base + "/" + path)
    }

    /// Lexical normalisation of an absolute path (`..` at the root stays at the root).
    public static func normalize(_ path: String) -> String {
        var out: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !out.isEmpty { out.removeLast() }; continue }
            out.append(part)
        }
        return "/" + out.joined(separator: "/")
    }

    /// The parent folder of an absolute normalised path (`/` for `/`).
    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), path != "/" else { return "/" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last segment of a path.
    public static func basename(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `path` relative to `base` when it is `base` itself or inside it (`""` for `base`), else nil.
    /// Both must be absolute and normalised.
    public static func relative(_ path: String, to base: String) -> String? {
        if path == base { return "" }
        if base == "/" { return String(path.dropFirst()) }
        if path.hasPrefix(base), path.dropFirst(base.count).first == "/" {
            return String(path.dropFirst(base.count + 1))
        }
        return nil
    }

    /// Whether `path` is `base` or inside it (both absolute and normalised).
    public static func isInside(_ path: String, _ base: String) -> Bool {
        relative(path, to: base) != nil
    }

    /// The path to show a user: relative to `cwd` when inside it, otherwise absolute.
    public static func display(_ absolutePath: String, cwd: String) -> String {
        if let rel = relative(absolutePath, to: cwd) { return rel.isEmpty ? "." : rel }
        return absolutePath
    }

    /// The real path (symlinks resolved) of an existing file or folder, or nil.
    public static func realPath(_ path: String) -> String? {
        RealPath.of(path)
    }

    /// What is at a path, following symlinks.
    public enum Kind: Sendable, Equatable {
        case missing
        case file
        case directory
        case other
    }

    /// The kind of the node at `path` after following symlinks, with the `errno` text when
    /// it cannot be examined.
    public static func kind(_ path: String) -> (kind: Kind, error: String?) {
        var st = stat()
        if stat(path, &st) != 0 {
            let e = errno
            return (e == ENOENT || e == ENOTDIR ? .missing : .other, String(cString: strerror(e)))
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return (.file, nil)
        case S_IFDIR: return (.directory, nil)
        default: return (.other, nil)
        }
    }

    /// Whether anything is at `path`, a dangling symbolic link included.
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// The nearest folder at or above `start` that contains `.git` (a repository's work
    /// tree; `.git` may be a folder or, in worktrees and submodules, a file).
    public static func repositoryRoot(from start: String) -> String? {
        var dir = start
        for _ in 0..<4096 {
            if kind(dir + (dir == "/" ? "" : "/") + ".git").kind != .missing { return dir }
            if dir == "/" { return nil }
            dir = parent(dir)
        }
        return nil
    }

    /// `a` joined with `b` (b relative).
    public static func join(_ a: String, _ b: String) -> String {
        if b.isEmpty { return a }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }
}
