import Diagnostics
import SourceText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let sysWrite = Glibc.write
#else
private let sysWrite = Darwin.write
#endif

/// Writes files so that readers see either the old content or the new, never a mix: the
/// text goes to a temporary file in the same folder (`.NAME.planlint-XXXXXX`), is flushed to
/// disk with `fsync`, and then renamed over the target, which is atomic on POSIX file
/// systems. The folder is synced too, so the rename survives a crash.
///
/// If planlint is killed before the rename, the target is untouched and the temporary file
/// is left behind (its name says where it came from). A new file gets mode 0644 less the
/// umask; replacing a file keeps that file's mode.
public enum AtomicFile {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { FrontendMessage.cannotWrite(["path": path, "reason": reason]) }
    }

    /// Environment variable for tests: when set to `1`, the writer pauses for a minute
    /// between writing the temporary file and renaming it (after printing a line to standard
    /// error), so a test can kill the process mid-write.
    public static let pauseEnvironmentVariable = "PLANLINT_TEST_PAUSE_BEFORE_RENAME"

    /// Replaces the file at `path` with `text`.
    public static func write(_ text: String, to path: String, allowedRoots: [String]? = nil) throws(WriteError) {
        var bytes = Array(text.utf8)
        try write(bytes: &bytes, to: path, allowedRoots: allowedRoots)
    }

    /// Writes `bytes` to `path`, which may be anything a user can name as an output:
    ///
    /// - a new file or a regular file: atomically (a temporary file renamed over it);
    /// - a symbolic link to a regular file: atomically over the file it leads to, so the link
    ///   stays a link — refused when that file is outside `allowedRoots` (a link committed to a
    ///   repository must not make planlint overwrite `~/.bashrc`);
    /// - `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: written to that
    ///   descriptor of this process;
    /// - a device, FIFO or socket (`/dev/null`, `/dev/full`, a named pipe): written into
    ///   directly, never replaced by a regular file;
    /// - a folder: refused.
    ///
    /// Every write error (`ENOSPC` on `/dev/full`, a closed pipe) is thrown.
    public static func write(bytes: inout [UInt8], to path: String, allowedRoots: [String]? = nil) throws(WriteError) {
        if let fd = descriptorNamed(by: path) {
            try writeAll(fd: fd, bytes: bytes, path: path)
            return
        }
        var lst = stat()
        guard lstat(path, &lst) == 0 else {
            try replace(bytes: &bytes, at: path)   // a new file
            return
        }
        var st = stat()
        let followed = stat(path, &st) == 0
        if followed && (st.st_mode & S_IFMT) == S_IFDIR {
            throw WriteError(path: path, reason: FrontendMessage.isAFolder())
        }
        if followed && (st.st_mode & S_IFMT) != S_IFREG {
            try writeDirectly(bytes: bytes, to: path)
            return
        }
        guard (lst.st_mode & S_IFMT) == S_IFLNK else {
            try replace(bytes: &bytes, at: path)
            return
        }
        // A link to a regular file (or to nothing yet): replace the file it leads to.
        guard let target = linkTarget(path) else {
            throw WriteError(path: path, reason: FrontendMessage.unresolvedLink())
        }
        if let roots = allowedRoots, !roots.contains(where: { PathUtil.isInside(target, $0) }) {
            throw WriteError(path: path, reason: FrontendMessage.linkOutsideNotWritten(["target": target]))
        }
        try replace(bytes: &bytes, at: target)
    }

    /// The descriptor a path names for this process (`/dev/stdout`, `/dev/fd/3`, …), if any.
    static func descriptorNamed(by path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            if let n = Int32(path.dropFirst(prefix.count)), n >= 0 { return n }
        }
        return nil
    }

    /// Where a symbolic link finally leads (absolute, normalised), even when that file does
    /// not exist yet: links are followed one at a time, at most 40 deep.
    static func linkTarget(_ path: String) -> String? {
        var current = PathUtil.absolute(path, base: PathUtil.currentDirectory())
        for _ in 0..<40 {
            var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buf, buf.count - 1)
            if n < 0 {
                // Not a link (EINVAL) or not there (ENOENT): the chain ends here.
                guard errno == EINVAL || errno == ENOENT else { return nil }
                let dir = PathUtil.parent(current)
                return PathUtil.join(PathUtil.realPath(dir) ?? dir, PathUtil.basename(current))
            }
            let text = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = PathUtil.absolute(text, base: PathUtil.parent(current))
        }
        return nil
    }

    /// Writes into an existing non-regular file (a device, a FIFO) without replacing it.
    static func writeDirectly(bytes: [UInt8], to path: String) throws(WriteError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw WriteError(path: path, reason: FileMessage.system(errno)) }
        defer { close(fd) }
        try writeAll(fd: fd, bytes: bytes, path: path)
    }

    /// Writes every byte to `fd`, retrying short writes and EINTR (`FileIO.writeAll`); errors
    /// are thrown, worded for `path`.
    public static func writeAll(fd: Int32, bytes: [UInt8], path: String) throws(WriteError) {
        do {
            try FileIO.writeAll(fd: fd, bytes)
        } catch {
            switch error {
            case .system(let code): throw WriteError(path: path, reason: FileMessage.system(code))
            case .noProgress: throw WriteError(path: path, reason: FrontendMessage.noProgress())
            }
        }
    }

    /// The atomic replacement: a temporary file in the same folder, renamed over `path`.
    static func replace(bytes: inout [UInt8], at path: String) throws(WriteError) {
        func fail(_ what: String) -> WriteError {
            WriteError(path: path, reason: FrontendMessage.systemFailure(["what": what, "reason": FileMessage.system(errno)]))
        }
        let dir = path.contains("/") ? PathUtil.parent(path.hasPrefix("/") ? path : "./" + path) : "."
        let name = PathUtil.basename(path)
        var template = Array((PathUtil.join(dir, "." + name + ".planlint-XXXXXX")).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw fail(FrontendMessage.cannotCreateTemporary(["folder": dir])) }
        let tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed { unlink(tempPath) }
        }
        // Mode: the existing file's, or 0644 less the umask.
        var st = stat()
        let mode: mode_t
        if stat(path, &st) == 0 {
            mode = st.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o644 & ~mask
        }
        do {
            try writeAll(fd: fd, bytes: bytes, path: tempPath)
        } catch {
            close(fd)
            throw WriteError(path: path, reason: FrontendMessage.cannotWriteTemporary(["reason": error.reason]))
        }
        if fchmod(fd, mode) != 0 || fsync(fd) != 0 {
            let e = fail(FrontendMessage.cannotFlushTemporary())
            close(fd)
            throw e
        }
        guard close(fd) == 0 else { throw fail(FrontendMessage.cannotCloseTemporary()) }
        if let v = getenv(pauseEnvironmentVariable), String(cString: v) == "1" {
            let line = Array("planlint: test pause before renaming \(tempPath) to \(path)\n".utf8)
            _ = line.withUnsafeBytes { sysWrite(2, $0.baseAddress!, $0.count) }
            sleep(60)
        }
        guard rename(tempPath, path) == 0 else { throw fail(FrontendMessage.cannotRename(["temporary": tempPath])) }
        renamed = true
        let dfd = open(dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }
}
