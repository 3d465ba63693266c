import Testing

@testable import SourceText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one folder walk (file discovery and rule packs) and the one write loop.
@Suite struct FolderWalkTests {
    /// A fresh folder under the temporary directory, removed by the caller.
    private func makeTree() -> String {
        var template = Array("/tmp/planlint-walk-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        #expect(made != nil)
        return String(cString: template)
    }

    private func write(_ path: String, _ text: String = "x: 1\n") {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        try? FileIO.writeAll(fd: fd, Array(text.utf8))
        close(fd)
    }

    private func removeTree(_ path: String) {
        // Only what the tests made: files, links, FIFOs and folders below `path`.
        if case .success(let names) = FolderWalk.names(in: path) {
            for name in names {
                let full = path + "/" + name
                var info = stat()
                if lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { removeTree(full) } else { unlink(full) }
            }
        }
        rmdir(path)
    }

    private func events(_ walk: inout FolderWalk, _ root: String, wanted: (String, String, Bool) -> Bool = { _, name, _ in !name.hasPrefix(".") })
        -> (files: [String], problems: [String: FolderWalk.Problem]) {
        var files: [String] = []
        var problems: [String: FolderWalk.Problem] = [:]
        walk.walk(root, display: ".", wanted: wanted) { event in
            switch event {
            case .file(let f): files.append(f.display)
            case .problem(_, let shown, let p): problems[shown] = p
            }
        }
        return (files, problems)
    }

    @Test func walksInNameOrderAndReportsWhatCannotBeRead() {
        let root = makeTree()
        let elsewhere = makeTree()
        defer { removeTree(root); removeTree(elsewhere) }
        write(elsewhere + "/secret.yaml")
        mkdir(root + "/b", 0o755)
        mkdir(root + "/a", 0o755)
        mkdir(root + "/.hidden", 0o755)
        write(root + "/b/2.yaml")
        write(root + "/a/1.yaml")
        write(root + "/.hidden/x.yaml")
        write(root + "/z.yaml")
        mkfifo(root + "/pipe.yaml", 0o644)
        symlink("nowhere.yaml", root + "/broken.yaml")
        symlink(elsewhere + "/secret.yaml", root + "/outside.yaml")
        symlink("..", root + "/a/up")
        var walk = FolderWalk(followFolderLinks: true, links: .inside(nil))
        let (files, problems) = events(&walk, root)
        // A folder's files in name order, then its folders, each in name order.
        #expect(files == ["z.yaml", "a/1.yaml", "b/2.yaml"])
        if case .notRegular(let mode, viaLink: false) = problems["pipe.yaml"] {
            #expect(mode & S_IFMT == S_IFIFO)
        } else {
            Issue.record("a FIFO named like a rule file is a problem: \(String(describing: problems["pipe.yaml"]))")
        }
        #expect(problems["broken.yaml"] == .unreachable(ENOENT, isLink: true))
        #expect(problems["outside.yaml"] == .linkOutside(RealPath.of(elsewhere + "/secret.yaml") ?? "?"))
        #expect(problems["a/up"] == .loop)
        #expect(problems[".hidden/x.yaml"] == nil)
        // Walked once: a second walk of the same folder finds nothing new.
        #expect(events(&walk, root).files.isEmpty)
    }

    @Test func linksToFoldersAreFollowedLastOrNotAtAll() {
        let root = makeTree()
        defer { removeTree(root) }
        mkdir(root + "/real", 0o755)
        write(root + "/real/p.yaml")
        symlink("real", root + "/0-link")
        var following = FolderWalk(followFolderLinks: true, links: .anywhere)
        #expect(events(&following, root).files == ["real/p.yaml"])   // the real path, not 0-link/p.yaml
        var notFollowing = FolderWalk(followFolderLinks: false, links: .anywhere)
        let (files, problems) = events(&notFollowing, root)
        #expect(files == ["real/p.yaml"])
        #expect(problems.isEmpty)
    }

    @Test func anUnreadableFolderIsAProblemNotASilentPass() {
        guard getuid() != 0 else { return }   // root reads every folder
        let root = makeTree()
        defer { chmod(root + "/locked", 0o755); removeTree(root) }
        mkdir(root + "/locked", 0o000)
        var walk = FolderWalk(followFolderLinks: false, links: .anywhere)
        #expect(events(&walk, root).problems["locked"] == .unreadableFolder(EACCES))
    }

    @Test func writeAllWritesEveryByte() throws {
        let root = makeTree()
        defer { removeTree(root) }
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let fd = open(root + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        try FileIO.writeAll(fd: fd, bytes)
        close(fd)
        #expect(try FileIO.readBytes(path: root + "/out") == bytes)
    }

    @Test func writeAllReportsTheSystemsRefusal() {
        let fd = open("/dev/full", O_WRONLY)
        guard fd >= 0 else { return }   // not on this system
        defer { close(fd) }
        #expect(throws: FileIO.WriteProblem.system(ENOSPC)) { try FileIO.writeAll(fd: fd, [1, 2, 3]) }
    }
}
