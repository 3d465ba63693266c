#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading input files: straight into a byte array (no intermediate `Data` copy), with
/// errors that say what the system said.
package enum FileIO {
    package struct ReadError: Error, Sendable, CustomStringConvertible {
        package let path: String
        /// What went wrong, for a caller that words it in another language.
        package let problem: Problem
        /// `problem` in English.
        package var reason: String { problem.english }
        package var description: String { "cannot read \(path): \(reason)" }

        package init(path: String, problem: Problem) {
            self.path = path
            self.problem = problem
        }
    }

    /// A system call failed with this `errno`.
    package struct SystemError: Error, Sendable, Equatable {
        package var code: Int32
        package init(code: Int32) { self.code = code }
    }

    /// Why writing stopped before every byte was written.
    package enum WriteProblem: Error, Sendable, Equatable {
        /// The system refused (`errno`): `ENOSPC` on `/dev/full`, `EPIPE` on a closed pipe.
        case system(Int32)
        /// `write` wrote nothing and reported no error.
        case noProgress

        /// The problem in English (for logs; users' messages word it in their language).
        package var english: String {
            switch self {
            case .system(let code): String(cString: strerror(code))
            case .noProgress: "the write made no progress"
            }
        }
    }

    /// Writes every byte of `bytes` to `fd`: the one loop that retries short writes and
    /// `EINTR` (a signal during the write), for files (`AtomicFile`) and the language
    /// server's output alike.
    package static func writeAll(fd: Int32, _ bytes: [UInt8]) throws(WriteProblem) {
        var done = 0
        let count = bytes.count
        while done < count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .system(errno)
            }
            if n == 0 { throw .noProgress }
            done += n
        }
    }

    /// Why a file could not be read.
    package enum Problem: Sendable, Equatable {
        /// The system refused (`errno`).
        case system(Int32)
        case directory
        /// A FIFO, socket or device, where a regular file is needed (the file's mode).
        case notRegular(mode_t)
        /// The file's size, over the limit.
        case tooLarge(size: Int, limit: Int)
        /// A stream past the limit.
        case streamTooLarge(limit: Int)

        package var english: String {
            switch self {
            case .system(let code): String(cString: strerror(code))
            case .directory: "is a directory"
            case .notRegular(let mode): "is \(FileIO.kindName(mode)), not a regular file"
            case .tooLarge(let size, let limit): "file is \(size) bytes, over the limit of \(limit) bytes"
            case .streamTooLarge(let limit): "input is over the limit of \(limit) bytes"
            }
        }

        /// Whether the file was refused for its size.
        package var isOverLimit: Bool {
            switch self {
            case .tooLarge, .streamTooLarge: true
            default: false
            }
        }
    }

    /// The bytes of the file at `path`. Refuses, without reading, anything larger than
    /// `limit` (an error that names the limit) and anything that is not a regular file — a
    /// folder, a FIFO (which would block), a device (`/dev/zero` never ends) — unless
    /// `allowStreams` (a path the user typed for `parse` or `eval`). A regular file is read to
    /// its end, not to the size it reports: `/proc` files report 0 bytes and are not empty.
    package static func readBytes(path: String, limit: Int = Int.max, allowStreams: Bool = false) throws(ReadError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO without a writer must not hang the run.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw ReadError(path: path, problem: .system(errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ReadError(path: path, problem: .system(errno)) }
        let type = st.st_mode & S_IFMT
        if type == S_IFDIR { throw ReadError(path: path, problem: .directory) }
        if type != S_IFREG {
            guard allowStreams else {
                throw ReadError(path: path, problem: .notRegular(st.st_mode))
            }
            let flags = fcntl(fd, F_GETFL)
            _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)
            return try readStream(fd: fd, path: path, limit: limit)
        }
        let size = Int(st.st_size)
        if size > limit {
            throw ReadError(path: path, problem: .tooLarge(size: size, limit: limit))
        }
        var failure: Int32?
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            var done = 0
            while done < size {
                let n = read(fd, buf.baseAddress! + done, size - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { break }
                done += n
            }
            count = done
        }
        if let failure { throw ReadError(path: path, problem: .system(failure)) }
        if bytes.count == size {
            // More than the file said it held (a /proc file, a file still growing).
            let rest = try readStream(fd: fd, path: path, limit: limit - bytes.count)
            bytes += rest
        }
        return bytes
    }

    /// What a file mode is, for messages.
    package static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        default: "a special file"
        }
    }

    /// Everything from a descriptor that has no size (a pipe, standard input).
    package static func readStream(fd: Int32, path: String, limit: Int = Int.max) throws(ReadError) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, problem: .system(errno))
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
            if out.count > limit {
                throw ReadError(path: path, problem: .streamTooLarge(limit: limit))
            }
        }
        return out
    }
}
