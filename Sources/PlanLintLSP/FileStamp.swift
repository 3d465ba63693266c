#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat(2)` says about a file, to notice that it changed on disk without reading it:
/// device, inode (a file replaced by a rename gets a new one), size and modification time.
///
/// This is how the server notices edits to configs, rule files and schemas made outside
/// the editor when the client cannot watch files (Neovim 0.7 cannot): every check compares
/// the stamps of the files its project was loaded from. Modification times are only as fine
/// as the file system's clock (a few milliseconds on Linux), so two writes of the same size
/// within one tick look alike; clients that watch files send `didChangeWatchedFiles`, which
/// reloads regardless.
struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var seconds: Int64
    var nanoseconds: Int64

    /// The stamp of the file or folder at `path` (symbolic links followed), or nil when
    /// there is nothing there.
    static func of(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        #if canImport(Darwin)
        let time = st.st_mtimespec
        #else
        let time = st.st_mtim
        #endif
        return FileStamp(device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
                         seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
    }
}
