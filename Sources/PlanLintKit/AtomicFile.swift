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
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Environment variable for tests: when set to `1`, the writer pauses for a minute
    /// between writing the temporary file and renaming it (after printing a line to standard
    /// error), so a test can kill the process mid-write.
    public static let pauseEnvironmentVariable = "PLANLINT_TEST_PAUSE_BEFORE_RENAME"

    /// Replaces the file at `path` with `text`.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        var bytes = Array(text.utf8)
        try write(bytes: &bytes, to: path)
    }

    public static func write(bytes: inout [UInt8], to path: String) throws(WriteError) {
        func fail(_ what: String) -> WriteError {
            WriteError(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
        }
        let dir = path.contains("/") ? PathUtil.parent(path.hasPrefix("/") ? path : "./" + path) : "."
        let name = PathUtil.basename(path)
        var template = Array((PathUtil.join(dir, "." + name + ".planlint-XXXXXX")).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw fail("cannot create a temporary file in \(dir)") }
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
        var done = 0
        let count = bytes.count
        while done < count {
            let n = bytes.withUnsafeBytes { sysWrite(fd, $0.baseAddress! + done, count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = fail("cannot write the temporary file")
                close(fd)
                throw e
            }
            done += n
        }
        if fchmod(fd, mode) != 0 || fsync(fd) != 0 {
            let e = fail("cannot flush the temporary file")
            close(fd)
            throw e
        }
        close(fd)
        if let v = getenv(pauseEnvironmentVariable), String(cString: v) == "1" {
            let line = Array("planlint: test pause before renaming \(tempPath) to \(path)\n".utf8)
            _ = line.withUnsafeBytes { sysWrite(2, $0.baseAddress!, $0.count) }
            sleep(60)
        }
        guard rename(tempPath, path) == 0 else { throw fail("cannot rename \(tempPath) over it") }
        renamed = true
        let dfd = open(dir, O_RDONLY | O_DIRECTORY)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }
}
