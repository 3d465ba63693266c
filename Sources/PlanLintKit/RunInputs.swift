import Diagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a run reads — checked plans, rule files, schemas, config files, the baseline —
/// so that no output of the run (`--output`, `--report`, `--write-baseline`) can replace one.
///
/// A path is compared by what it is, not how it is written: its real path (links resolved)
/// and its device and inode (which also catches hard links and bind mounts).
public struct RunInputs: Sendable {
    struct Identity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    /// Each input's real path, and the path it was given as (for the message).
    private var byRealPath: [String: String] = [:]
    private var byIdentity: [Identity: String] = [:]

    public init(_ paths: [String] = []) {
        for p in paths { insert(p) }
    }

    /// Adds an input (an absolute path; one that does not exist is ignored).
    public mutating func insert(_ path: String) {
        if let real = PathUtil.realPath(path) { byRealPath[real] = byRealPath[real] ?? path }
        if let id = RunInputs.identity(path) { byIdentity[id] = byIdentity[id] ?? path }
    }

    public mutating func insert(contentsOf paths: some Sequence<String>) {
        for p in paths { insert(p) }
    }

    /// The input that `path` (absolute) would overwrite, or nil when it is none of them.
    public func input(at path: String) -> String? {
        if let id = RunInputs.identity(path), let p = byIdentity[id] { return p }
        if let real = PathUtil.realPath(path), let p = byRealPath[real] { return p }
        return nil
    }

    static func identity(_ path: String) -> Identity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// Checks every output path (absolute, with the text a user wrote) before any is
    /// written: a list of refusals, empty when all may be written.
    public func refusals(_ outputs: [(path: String, written: String, what: String)], cwd: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for o in outputs {
            guard let input = input(at: o.path) else { continue }
            let shown = PathUtil.display(input, cwd: cwd)
            out.append(Diagnostic(
                FrontendCode.outputIsInput,
                message: FrontendMessage.refuseOutput(["what": o.what, "path": o.written, "input": shown]),
                location: .path(o.written),
                help: FrontendMessage.writeElsewhere(["what": o.what])))
        }
        return out
    }
}
