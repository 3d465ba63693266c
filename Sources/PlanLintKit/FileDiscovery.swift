import Diagnostics
import SourceText
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file to lint.
public struct LintTarget: Sendable, Hashable {
    /// Absolute, normalised path (nil for standard input without `--stdin-filename`).
    public var absolutePath: String?
    /// The path shown in diagnostics (relative to the working directory when inside it).
    public var displayPath: String
    /// Whether the content comes from standard input.
    public var isStdin: Bool

    public init(absolutePath: String?, displayPath: String, isStdin: Bool = false) {
        (self.absolutePath, self.displayPath, self.isStdin) = (absolutePath, displayPath, isStdin)
    }
}

/// Turns command-line paths (files and folders) into the list of files to lint.
///
/// - Folders are walked without recursion on the call stack; files whose name `include`
///   matches are taken, `exclude` prunes files and whole folders.
/// - Files and folders named explicitly are taken even if `include` does not match them,
///   but `exclude` still applies, so a pre-commit hook that passes every staged YAML file
///   respects the config.
/// - Symbolic links are followed. Each folder is walked once (by device and inode); a link
///   back to a folder being walked is a `symlink-loop` warning, not an endless walk.
/// - A missing path, an unreadable folder or a broken link is an `io-error` diagnostic.
/// - The same file reached twice (through links) is linted once, under its real path when
///   it was reached without links, else the first path in sorted order.
public enum FileDiscovery {
    public struct Result: Sendable {
        public var targets: [LintTarget]
        public var diagnostics: [Diagnostic]
    }

    struct NodeID: Hashable {
        var dev: UInt64
        var ino: UInt64
    }

    /// The files to lint for `inputs` (as given, relative to `cwd`; empty: the configured
    /// paths, or `cwd` when there are none).
    public static func discover(inputs: [String], cwd: String, config: Configuration, allowOutsideRoot: Bool = false) -> Result {
        var roots: [(abs: String, display: String, explicit: Bool)] = []
        if inputs.isEmpty {
            if config.paths.isEmpty {
                roots.append((cwd, ".", false))
            } else {
                for p in config.paths { roots.append((p.path, PathUtil.display(p.path, cwd: cwd), true)) }
            }
        } else {
            for input in inputs {
                let abs = PathUtil.absolute(input, base: cwd)
                let shown = input.hasPrefix("/") ? PathUtil.normalize(input) : PathUtil.display(abs, cwd: cwd)
                roots.append((abs, shown, true))
            }
        }
        var walker = Walker(cwd: cwd, config: config)
        walker.realRoot = allowOutsideRoot ? nil : (PathUtil.realPath(config.root) ?? config.root)
        for root in roots { walker.visit(root: root.abs, display: root.display) }
        // Keep one path of a file reached twice: a real path before a link, then the first in order.
        let targets = walker.targets.sorted {
            let (la, lb) = (walker.linkedFiles.contains($0.displayPath), walker.linkedFiles.contains($1.displayPath))
            return la != lb ? !la : $0.displayPath < $1.displayPath
        }
        var seen: Set<NodeID> = []
        var unique: [LintTarget] = []
        for t in targets {
            if let id = walker.fileIDs[t.displayPath], !seen.insert(id).inserted { continue }
            unique.append(t)
        }
        return Result(targets: unique.sorted { $0.displayPath < $1.displayPath }, diagnostics: walker.diagnostics)
    }

    static func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    static func statPath(_ path: String) -> (st: stat, error: Int32?) {
        var st = stat()
        if stat(path, &st) != 0 { return (st, errno) }
        return (st, nil)
    }

    struct Walker {
        let cwd: String
        let config: Configuration
        var targets: [LintTarget] = []
        var fileIDs: [String: NodeID] = [:]
        var diagnostics: [Diagnostic] = []
        var walked: Set<NodeID> = []
        var seenTargets: Set<String> = []
        var linkedFiles: Set<String> = []
        /// The repository's real path: a link met while walking must lead inside it or inside
        /// the folder being walked (nil: `--allow-outside-root`).
        var realRoot: String?

        init(cwd: String, config: Configuration) { (self.cwd, self.config) = (cwd, config) }

        mutating func ioError(_ display: String, _ message: String, help: String? = nil) {
            diagnostics.append(Diagnostic(FrontendCode.ioError, severity: .error, message: message,
                                          location: .path(display), help: help))
        }

        mutating func addFile(abs: String, display: String, id: NodeID, viaLink: Bool = false) {
            guard seenTargets.insert(display).inserted else { return }
            targets.append(LintTarget(absolutePath: abs, displayPath: display))
            fileIDs[display] = id
            if viaLink { linkedFiles.insert(display) }
        }

        mutating func visit(root abs: String, display: String) {
            let (st, err) = FileDiscovery.statPath(abs)
            if let err {
                let reason = FrontendMessage.system(err)
                ioError(display, FrontendMessage.cannotRead(["path": display, "reason": reason]),
                        help: err == ENOENT ? FrontendMessage.relativeToCwd() : nil)
                return
            }
            let id = NodeID(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino))
            switch st.st_mode & S_IFMT {
            case S_IFREG:
                if config.isExcluded(absolutePath: abs, isDirectory: false) { return }
                addFile(abs: abs, display: display, id: id)
            case S_IFDIR:
                if config.isExcluded(absolutePath: abs, isDirectory: true) { return }
                walk(abs: abs, display: display, id: id)
            default:
                ioError(display, FrontendMessage.notFileOrFolder(["path": display, "kind": FrontendMessage.kind(st.st_mode)]))
            }
        }

        /// Depth-first walk with an explicit stack. Each frame carries the folders above it
        /// (device + inode), so a link back to one of them is recognised as a loop. Links to
        /// folders are followed only after everything reachable without links, so a file is
        /// shown under its real path when it has one.
        mutating func walk(abs: String, display: String, id: NodeID) {
            struct Frame {
                var abs: String
                var display: String
                var ancestors: [NodeID]
                var id: NodeID
            }
            guard walked.insert(id).inserted else { return }
            let realWalkRoot = PathUtil.realPath(abs) ?? abs
            var stack = [Frame(abs: abs, display: display, ancestors: [id], id: id)]
            var deferredLinks: [Frame] = []
            while true {
                guard let frame = stack.popLast() else {
                    // Then the linked folders not reached otherwise, in the order found.
                    guard !deferredLinks.isEmpty else { break }
                    let link = deferredLinks.removeFirst()
                    if walked.insert(link.id).inserted { stack.append(link) }
                    continue
                }
                guard let dir = opendir(frame.abs) else {
                    ioError(frame.display,
                            FrontendMessage.cannotReadFolder(["path": frame.display, "reason": FrontendMessage.system(errno)]))
                    continue
                }
                var names: [String] = []
                while let entry = readdir(dir) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                    }
                    if name == "." || name == ".." { continue }
                    names.append(name)
                }
                closedir(dir)
                names.sort()
                var subdirs: [Frame] = []
                for name in names {
                    let childAbs = PathUtil.join(frame.abs, name)
                    let childDisplay = frame.display == "." ? name : PathUtil.join(frame.display, name)
                    let (st, err) = FileDiscovery.statPath(childAbs)
                    if let err {
                        // A broken link or a vanished entry: only worth reporting if we would lint it.
                        if config.isIncluded(absolutePath: childAbs) && !config.isExcluded(absolutePath: childAbs, isDirectory: false) {
                            ioError(childDisplay, FrontendMessage.cannotRead(["path": childDisplay, "reason": FrontendMessage.system(err)]),
                                    help: err == ENOENT ? FrontendMessage.danglingLink() : nil)
                        }
                        continue
                    }
                    let childID = NodeID(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino))
                    let isDirectory = st.st_mode & S_IFMT == S_IFDIR
                    let wanted = isDirectory
                        ? !config.isExcluded(absolutePath: childAbs, isDirectory: true)
                        : config.isIncluded(absolutePath: childAbs) && !config.isExcluded(absolutePath: childAbs, isDirectory: false)
                    // The same rule as `extends`, `rules` and `$ref`: a link must stay inside the
                    // repository or the folder being walked (`Plans/p.yaml -> /etc/passwd` is not read).
                    if wanted, let realRoot, FileDiscovery.isSymlink(childAbs) {
                        let real = PathUtil.realPath(childAbs) ?? childAbs
                        if !PathUtil.isInside(real, realRoot) && !PathUtil.isInside(real, realWalkRoot) {
                            diagnostics.append(Diagnostic(
                                FrontendCode.outsideRoot,
                                message: FrontendMessage.linkOutside(["path": childDisplay, "target": real, "root": realRoot]),
                                location: .path(childDisplay), help: FrontendMessage.replaceLink()))
                            continue
                        }
                    }
                    switch st.st_mode & S_IFMT {
                    case S_IFDIR:
                        if config.isExcluded(absolutePath: childAbs, isDirectory: true) { continue }
                        if frame.ancestors.contains(childID) {
                            diagnostics.append(Diagnostic(
                                FrontendCode.symlinkLoop, severity: .warning,
                                message: FrontendMessage.linkLoop(["path": childDisplay]),
                                location: .path(childDisplay), help: FrontendMessage.removeLoop()))
                            continue
                        }
                        let child = Frame(abs: childAbs, display: childDisplay, ancestors: frame.ancestors + [childID], id: childID)
                        if FileDiscovery.isSymlink(childAbs) {
                            deferredLinks.append(child)
                        } else if walked.insert(childID).inserted {
                            subdirs.append(child)
                        }
                    case S_IFREG:
                        if !config.isIncluded(absolutePath: childAbs) { continue }
                        if config.isExcluded(absolutePath: childAbs, isDirectory: false) { continue }
                        addFile(abs: childAbs, display: childDisplay, id: childID, viaLink: FileDiscovery.isSymlink(childAbs))
                    default:
                        // A FIFO, socket or device named like a plan: it cannot be checked, and
                        // skipping it in silence would let it pass.
                        if wanted {
                            ioError(childDisplay,
                                    FrontendMessage.notRegularNotChecked(["path": childDisplay, "kind": FrontendMessage.kind(st.st_mode)]),
                                    help: FrontendMessage.removeOrExclude())
                        }
                    }
                }
                // Reverse so the stack pops folders in name order.
                stack += subdirs.reversed()
            }
        }
    }
}
