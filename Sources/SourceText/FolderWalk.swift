#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's identity (device and inode): the same file or folder reached by two paths.
package struct FileID: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64

    package init(_ info: stat) {
        (device, inode) = (UInt64(info.st_dev), UInt64(info.st_ino))
    }
}

/// The one folder walk, for the files to lint (PlanLintKit's `FileDiscovery`) and rule packs
/// (`RuleLoader.ruleFiles`): depth first with an explicit stack (no recursion, however deep
/// the tree), a folder's files in name order before its folders in name order, each folder
/// walked once (by device and inode, across every `walk` of one walker).
///
/// Its limits are the same for both: a symbolic link found in a folder must lead inside the
/// folder being walked or `LinkRule.inside`'s root (real paths, as for `extends` and `$ref`),
/// a link back to a folder above it is a loop (never an endless walk), and a file that cannot
/// be read as a file — a broken link, a FIFO, a device — is reported, never skipped in
/// silence. What to take is the caller's (`wanted`), and so is the wording of each problem.
package struct FolderWalk {
    /// Where a link found in a folder may lead.
    package enum LinkRule: Sendable {
        /// Anywhere (`--allow-outside-root`).
        case anywhere
        /// Inside the folder being walked, or inside this real path when there is one.
        case inside(String?)
    }

    /// What is wrong with an entry the caller wanted.
    package enum Problem: Sendable, Equatable {
        /// A folder could not be listed (`errno`).
        case unreadableFolder(Int32)
        /// The entry could not be examined (`errno`): a link that leads nowhere, or an entry
        /// gone since the listing (`isLink` false).
        case unreachable(Int32, isLink: Bool)
        /// A link leading outside what `LinkRule` allows (the real path it leads to).
        case linkOutside(String)
        /// A link to a folder that contains it.
        case loop
        /// A FIFO, socket or device (its mode), or a link to one.
        case notRegular(mode_t, viaLink: Bool)
    }

    /// A regular file found (possibly through a link).
    package struct File: Sendable {
        package var path: String
        package var display: String
        package var id: FileID
        package var viaLink: Bool
    }

    package enum Event {
        case file(File)
        case problem(path: String, display: String, Problem)
    }

    /// Whether links to folders are walked (after everything reachable without links, so
    /// that a file is found under its real path when it has one); when not, they are skipped.
    package var followFolderLinks: Bool
    package var links: LinkRule
    /// Every folder walked so far.
    package private(set) var walked: Set<FileID> = []

    package init(followFolderLinks: Bool, links: LinkRule) {
        (self.followFolderLinks, self.links) = (followFolderLinks, links)
    }

    /// The names in a folder, sorted (without `.` and `..`), or the `errno` of the failure.
    package static func names(in folder: String) -> Result<[String], FileIO.SystemError> {
        guard let dir = opendir(folder) else { return .failure(FileIO.SystemError(code: errno)) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        names.sort()
        return .success(names)
    }

    /// Walks the folder at `path` (shown as `display`), unless this walker has walked it
    /// already. `wanted(path, name, isFolder)` says which files to take and which folders to
    /// enter (for an entry that cannot be examined, `isFolder` is false); `event` hears of
    /// every file taken and every problem with a wanted entry, in walk order.
    package mutating func walk(_ path: String, display: String,
                               wanted: (_ path: String, _ name: String, _ isFolder: Bool) -> Bool,
                               _ event: (Event) -> Void) {
        struct Frame {
            var path: String
            var display: String
            var ancestors: [FileID]
            var id: FileID
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            event(.problem(path: path, display: display, .unreadableFolder(errno)))
            return
        }
        let rootID = FileID(info)
        guard walked.insert(rootID).inserted else { return }
        let realWalkRoot = RealPath.of(path) ?? path
        var stack = [Frame(path: path, display: display, ancestors: [rootID], id: rootID)]
        var deferredLinks: [Frame] = []
        while true {
            guard let frame = stack.popLast() else {
                // Then the linked folders not reached otherwise, in the order found.
                guard !deferredLinks.isEmpty else { break }
                let link = deferredLinks.removeFirst()
                if walked.insert(link.id).inserted { stack.append(link) }
                continue
            }
            let names: [String]
            switch Self.names(in: frame.path) {
            case .success(let found): names = found
            case .failure(let error):
                event(.problem(path: frame.path, display: frame.display, .unreadableFolder(error.code)))
                continue
            }
            var subfolders: [Frame] = []
            for name in names {
                let childPath = frame.path.hasSuffix("/") ? frame.path + name : frame.path + "/" + name
                let childDisplay = frame.display == "." ? name
                    : frame.display.hasSuffix("/") ? frame.display + name : frame.display + "/" + name
                func problem(_ p: Problem) { event(.problem(path: childPath, display: childDisplay, p)) }
                var entry = stat()
                var examined = lstat(childPath, &entry) == 0
                let isLink = examined && (entry.st_mode & S_IFMT) == S_IFLNK
                if isLink { examined = stat(childPath, &entry) == 0 }
                guard examined else {
                    // A broken link or a vanished entry: only worth reporting if it is wanted.
                    let code = errno
                    if wanted(childPath, name, false) { problem(.unreachable(code, isLink: isLink)) }
                    continue
                }
                let type = entry.st_mode & S_IFMT
                if isLink && type == S_IFDIR && !followFolderLinks { continue }
                guard wanted(childPath, name, type == S_IFDIR) else { continue }
                if isLink, case .inside(let root) = links {
                    let real = RealPath.of(childPath) ?? childPath
                    if !RealPath.isInside(real, realWalkRoot) && root.map({ RealPath.isInside(real, $0) }) != true {
                        problem(.linkOutside(real))
                        continue
                    }
                }
                let id = FileID(entry)
                switch type {
                case S_IFDIR:
                    if frame.ancestors.contains(id) {
                        problem(.loop)
                        continue
                    }
                    let child = Frame(path: childPath, display: childDisplay, ancestors: frame.ancestors + [id], id: id)
                    if isLink {
                        deferredLinks.append(child)
                    } else if walked.insert(id).inserted {
                        subfolders.append(child)
                    }
                case S_IFREG:
                    event(.file(File(path: childPath, display: childDisplay, id: id, viaLink: isLink)))
                default:
                    problem(.notRegular(entry.st_mode, viaLink: isLink))
                }
            }
            // Reversed, so that the stack pops folders in name order.
            stack += subfolders.reversed()
        }
    }
}
