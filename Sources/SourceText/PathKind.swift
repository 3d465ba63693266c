#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a path, following symbolic links — what `FileManager.fileExists(atPath:isDirectory:)`
/// tells, without Foundation (whose Linux and Darwin versions even differ in that call's type).
public enum PathKind: Sendable, Equatable {
    case missing
    case directory
    /// Anything else that exists: a regular file, a device, a FIFO, a socket.
    case other

    public init(atPath path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { self = .missing; return }
        self = (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .other
    }
}
