#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a path, following symbolic links — what `FileManager.fileExists(atPath:isDirectory:)`
/// tells, without Foundation (whose Linux and Darwin versions even differ in that call's type).
package enum PathKind: Sendable, Equatable {
    case missing
    case directory
    /// Anything else that exists: a regular file, a device, a FIFO, a socket.
    case other

    package init(atPath path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { self = .missing; return }
        self = (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .other
    }
}

/// Real paths (links resolved) and whether one lies inside a folder: the one containment
/// check for `extends`, `rules`, `$ref` and the files discovery meets.
package enum RealPath {
    /// `path` with every link, `.` and `..` resolved; nil when it leads nowhere.
    package static func of(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Whether `path` is `folder` or below it (both real paths; `/` holds everything).
    package static func isInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
