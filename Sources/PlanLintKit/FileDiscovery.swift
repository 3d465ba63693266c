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
        let realRoot = allowOutsideRoot ? nil : (PathUtil.realPath(config.root) ?? config.root)
        var walker = Walker(config: config, realRoot: realRoot)
        for root in roots { walker.visit(root: root.abs, display: root.display) }
        // Keep one path of a file reached twice: a real path before a link, then the first in order.
        let targets = walker.targets.sorted {
            let (la, lb) = (walker.linkedFiles.contains($0.displayPath), walker.linkedFiles.contains($1.displayPath))
            return la != lb ? !la : $0.displayPath < $1.displayPath
        }
        var seen: Set<FileID> = []
        var unique: [LintTarget] = []
        for t in targets {
            if let id = walker.fileIDs[t.displayPath], !seen.insert(id).inserted { continue }
            unique.append(t)
        }
        return Result(targets: unique.sorted { $0.displayPath < $1.displayPath }, diagnostics: walker.diagnostics)
    }

    struct Walker {
        let config: Configuration
        /// The repository's real path: a link met while walking must lead inside it or inside
        /// the folder being walked (nil: `--allow-outside-root`).
        let realRoot: String?
        var folders: FolderWalk
        var targets: [LintTarget] = []
        var fileIDs: [String: FileID] = [:]
        var diagnostics: [Diagnostic] = []
        var seenTargets: Set<String> = []
        var linkedFiles: Set<String> = []

        init(config: Configuration, realRoot: String?) {
            (self.config, self.realRoot) = (config, realRoot)
            folders = FolderWalk(followFolderLinks: true, links: realRoot.map { .inside($0) } ?? .anywhere)
        }

        mutating func ioError(_ display: String, _ message: String, help: String? = nil) {
            diagnostics.append(Diagnostic(FrontendCode.ioError, severity: .error, message: message,
                                          location: .path(display), help: help))
        }

        mutating func addFile(abs: String, display: String, id: FileID, viaLink: Bool = false) {
            guard seenTargets.insert(display).inserted else { return }
            targets.append(LintTarget(absolutePath: abs, displayPath: display))
            fileIDs[display] = id
            if viaLink { linkedFiles.insert(display) }
        }

        mutating func visit(root abs: String, display: String) {
            var st = stat()
            guard stat(abs, &st) == 0 else {
                let err = errno
                ioError(display, FrontendMessage.cannotRead(["path": display, "reason": FileMessage.system(err)]),
                        help: err == ENOENT ? FrontendMessage.relativeToCwd() : nil)
                return
            }
            switch st.st_mode & S_IFMT {
            case S_IFREG:
                if config.isExcluded(absolutePath: abs, isDirectory: false) { return }
                addFile(abs: abs, display: display, id: FileID(st))
            case S_IFDIR:
                if config.isExcluded(absolutePath: abs, isDirectory: true) { return }
                walk(abs: abs, display: display)
            default:
                ioError(display, FrontendMessage.notFileOrFolder(["path": display, "kind": FileMessage.kind(st.st_mode)]))
            }
        }

        /// Walks a folder with `FolderWalk` (links to folders followed after everything
        /// reachable without links, so a file is shown under its real path when it has one):
        /// `include` takes files, `exclude` prunes files and whole folders.
        mutating func walk(abs: String, display: String) {
            let config = config
            var events: [FolderWalk.Event] = []
            folders.walk(abs, display: display, wanted: { path, _, isFolder in
                isFolder ? !config.isExcluded(absolutePath: path, isDirectory: true)
                    : config.isIncluded(absolutePath: path) && !config.isExcluded(absolutePath: path, isDirectory: false)
            }) { events.append($0) }
            for event in events {
                switch event {
                case .file(let file):
                    addFile(abs: file.path, display: file.display, id: file.id, viaLink: file.viaLink)
                case .problem(_, let shown, .unreadableFolder(let err)):
                    ioError(shown, FrontendMessage.cannotReadFolder(["path": shown, "reason": FileMessage.system(err)]))
                case .problem(_, let shown, .unreachable(let err, _)):
                    ioError(shown, FrontendMessage.cannotRead(["path": shown, "reason": FileMessage.system(err)]),
                            help: err == ENOENT ? FrontendMessage.danglingLink() : nil)
                case .problem(_, let shown, .linkOutside(let real)):
                    // The same rule as `extends`, `rules` and `$ref` (`Plans/p.yaml -> /etc/passwd` is not read).
                    diagnostics.append(Diagnostic(
                        FrontendCode.outsideRoot,
                        message: FrontendMessage.linkOutside(["path": shown, "target": real, "root": realRoot ?? "/"]),
                        location: .path(shown), help: FrontendMessage.replaceLink()))
                case .problem(_, let shown, .loop):
                    diagnostics.append(Diagnostic(
                        FrontendCode.symlinkLoop, severity: .warning,
                        message: FrontendMessage.linkLoop(["path": shown]),
                        location: .path(shown), help: FrontendMessage.removeLoop()))
                case .problem(_, let shown, .notRegular(let mode, _)):
                    // A FIFO, socket or device named like a plan: it cannot be checked, and
                    // skipping it in silence would let it pass.
                    ioError(shown, FrontendMessage.notRegularNotChecked(["path": shown, "kind": FileMessage.kind(mode)]),
                            help: FrontendMessage.removeOrExclude())
                }
            }
        }
    }
}
