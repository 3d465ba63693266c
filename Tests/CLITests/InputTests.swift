import Foundation
import Testing

/// Files, folders, standard input, symbolic links and unreadable files.
@Suite struct InputTests {
    @Test func standardInputWithStdinFilename() throws {
        let box = try Sandbox()
        let r = try box.planlint("check", "--format", "short", "-", "--stdin-filename", "Plans/new.yaml", stdin: Plan.duplicate)
        #expect(r.status == 1, "\(r.both)")
        #expect(r.lines == ["Plans/new.yaml:2:1: error: duplicate key `name` in mapping [duplicate-key]"], "\(r.both)")
        // Without a name it is <stdin>.
        let anonymous = try box.planlint("check", "--format", "short", "-", stdin: Plan.duplicate)
        #expect(anonymous.lines.first?.hasPrefix("<stdin>:2:1: error:") == true, "\(anonymous.both)")
        // --stdin-filename alone reads standard input too.
        let alone = try box.planlint("check", "--stdin-filename", "x.yaml", stdin: Plan.clean)
        #expect(alone.status == 0, "\(alone.both)")
        #expect(alone.stdout == "no problems found in 1 file\n", "\(alone.both)")
    }

    /// The stdin file name decides which per-path overrides apply.
    @Test func stdinFilenameSelectsOverrides() throws {
        let box = try Sandbox()
        try box.write(".planlint.yaml", """
        overrides:
          - files: ["drafts/**"]
            severity: {duplicate-key: off}
        """)
        #expect(try box.planlint("check", "-", "--stdin-filename", "drafts/x.yaml", stdin: Plan.duplicate).status == 0)
        #expect(try box.planlint("check", "-", "--stdin-filename", "final/x.yaml", stdin: Plan.duplicate).status == 1)
    }

    @Test func foldersAreSearchedWithIncludeAndExclude() throws {
        let box = try Sandbox()
        for f in ["Plans/a.yaml", "Plans/sub/b.yml", "Plans/sub/deep/c.yaml", "Plans/notes.txt",
                  "Plans/drafts/d.yaml", "Plans/sub/e.draft.yaml", ".build/x.yaml", "Plans/.git/y.yaml"] {
            try box.write(f, Plan.duplicate)
        }
        try box.write(".planlint.yaml", "exclude: [Plans/drafts, \"*.draft.yaml\"]\n")
        let r = try box.planlint("check", "--format", "short", "Plans")
        let files = Set(r.lines.map { String($0.prefix { $0 != ":" }) })
        #expect(files == ["Plans/a.yaml", "Plans/sub/b.yml", "Plans/sub/deep/c.yaml"], "\(r.both)")
        #expect(r.status == 1)

        // `include` narrows what folders yield.
        try box.write(".planlint.yaml", "include: [\"*.yml\"]\n")
        let yml = try box.planlint("check", "--format", "short", "Plans")
        #expect(Set(yml.lines.map { String($0.prefix { $0 != ":" }) }) == ["Plans/sub/b.yml"], "\(yml.both)")

        // An explicitly named file is checked even if `include` does not match it, but `exclude` still applies.
        try box.write(".planlint.yaml", "include: [\"*.yml\"]\nexclude: [Plans/drafts]\n")
        let explicit = try box.planlint("check", "--format", "short", "Plans/a.yaml", "Plans/drafts/d.yaml")
        #expect(explicit.lines.map { String($0.prefix { $0 != ":" }) } == ["Plans/a.yaml"], "\(explicit.both)")
    }

    @Test func symlinkLoopIsDetectedAndEveryFileCheckedOnce() throws {
        let box = try Sandbox()
        try box.write("Plans/a.yaml", Plan.duplicate)
        try box.write("Plans/sub/b.yaml", Plan.duplicate)
        try box.symlink("Plans/sub/loop", to: "..")
        try box.symlink("Plans/again", to: "sub")
        try box.symlink("Plans/0-link.yaml", to: "a.yaml")
        let r = try box.planlint("check", "--format", "short", "Plans")
        #expect(r.status == 1, "\(r.both)")
        let dupes = r.lines.filter { $0.contains("[duplicate-key]") }
        // Each file once, under its real path.
        #expect(dupes.map { String($0.prefix { $0 != ":" }) } == ["Plans/a.yaml", "Plans/sub/b.yaml"], "\(r.both)")
        #expect(r.lines.contains("Plans/sub/loop: warning: Plans/sub/loop links back to a folder that contains it; not followed [symlink-loop]"),
                "\(r.both)")
    }

    @Test func unreadableFilesAreDiagnostics() throws {
        let box = try Sandbox()
        try box.write("Plans/good.yaml", Plan.clean)
        try box.symlink("Plans/broken.yaml", to: "nowhere.yaml")
        let r = try box.planlint("check", "--format", "short", "Plans")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.lines == ["Plans/broken.yaml: error: cannot read Plans/broken.yaml: No such file or directory [io-error]"], "\(r.both)")

        // Permission denied (not testable as root, who can read anything).
        if getuid() != 0 {
            try box.write("Plans/secret.yaml", Plan.clean)
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: box.url("Plans/secret.yaml").path)
            let denied = try box.planlint("check", "--format", "short", "Plans/secret.yaml")
            #expect(denied.status == 2, "\(denied.both)")
            #expect(denied.stdout.contains("Permission denied [io-error]"), "\(denied.both)")
        }

        // A FIFO named like a plan is not a regular file.
        #expect(mkfifo(box.url("Plans/pipe.yaml").path, 0o644) == 0)
        let fifo = try box.planlint("check", "--format", "short", "Plans/pipe.yaml")
        #expect(fifo.status == 2, "\(fifo.both)")
        #expect(fifo.stdout.contains("[io-error]"), "\(fifo.both)")
    }

    @Test func noPathLintsConfiguredPaths() throws {
        let box = try Sandbox()
        try box.write(".planlint.yaml", "paths: [Plans]\n")
        try box.write("Plans/a.yaml", Plan.duplicate)
        try box.write("Other/b.yaml", Plan.duplicate)
        let r = try box.planlint("check", "--format", "short")
        #expect(r.lines.map { String($0.prefix { $0 != ":" }) } == ["Plans/a.yaml"], "\(r.both)")
        // From a subfolder, paths stay relative to the config and output to the working directory.
        try box.mkdir("Other")
        let sub = try box.planlint("check", "--format", "short", in: "Other")
        #expect(sub.lines.map { String($0.prefix { $0 != ":" }) } == [box.url("Plans/a.yaml").path], "\(sub.both)")
    }
}
