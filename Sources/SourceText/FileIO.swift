#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading input files: straight into a byte array (no intermediate `Data` copy), with
/// errors that say what the system said.
public enum FileIO {
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot read \(path): \(reason)" }
    }

    /// The bytes of the file at `path`. Refuses directories and anything larger than `limit`
    /// (reported as an error that names the limit) without reading it.
    public static func readBytes(path: String, limit: Int = Int.max) throws(ReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw ReadError(path: path, reason: "is a directory") }
        let size = Int(st.st_size)
        if size > limit {
            throw ReadError(path: path, reason: "file is \(size) bytes, over the limit of \(limit) bytes")
        }
        if (st.st_mode & S_IFMT) == S_IFREG {
            var failure: String?
            let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
                var done = 0
                while done < size {
                    let n = read(fd, buf.baseAddress! + done, size - done)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = String(cString: strerror(errno))
                        break
                    }
                    if n == 0 { break }
                    done += n
                }
                count = done
            }
            if let failure { throw ReadError(path: path, reason: failure) }
            return bytes
        }
        return try readStream(fd: fd, path: path, limit: limit)
    }

    /// Everything from a descriptor that has no size (a pipe, standard input).
    public static func readStream(fd: Int32, path: String, limit: Int = Int.max) throws(ReadError) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            out.append(contentsOf: chunk[0..<n])
            if out.count > limit {
                throw ReadError(path: path, reason: "input is over the limit of \(limit) bytes")
            }
        }
        return out
    }
}
