import Foundation
import Testing

/// --version, --help, explain, completions, the man page.
@Suite struct CommandTests {
    @Test func version() throws {
        let box = try Sandbox()
        let r = try box.planlint("--version")
        #expect(r.status == 0)
        #expect(r.stdout == "0.1.0\n", "\(r.both)")
    }

    @Test func helpHasExamplesAndExitCodes() throws {
        let box = try Sandbox()
        let r = try box.planlint("check", "--help")
        #expect(r.status == 0, "\(r.both)")
        #expect(r.stdout.contains("Examples:"))
        #expect(r.stdout.contains("planlint check --baseline .planlint-baseline.json"))
        #expect(r.stdout.contains("--stdin-filename"))
        #expect(r.stdout.contains("Exit status: 0 when nothing"))
        let root = try box.planlint("--help")
        #expect(root.stdout.contains("explain") && root.stdout.contains("check"), "\(root.both)")
    }

    @Test func explainBuiltInCodes() throws {
        let box = try Sandbox()
        let r = try box.planlint("explain", "duplicate-key")
        #expect(r.status == 0, "\(r.both)")
        #expect(r.stdout.hasPrefix("error[duplicate-key]: A mapping has the same key twice.\n"), "\(r.both)")
        #expect(r.stdout.contains("How to fix"))
        #expect(r.stdout.contains("Example that is reported\n  │ name: ICT plan\n  │ name: ICT plan 2015"), "\(r.both)")
        for code in ["yaml-syntax", "io-error", "unused-suppression", "config/unknown-key", "symlink-loop"] {
            let e = try box.planlint("explain", code)
            #expect(e.status == 0 && e.stdout.contains("[\(code)]"), "\(code): \(e.both)")
        }
        let unknown = try box.planlint("explain", "duplicate-kye")
        #expect(unknown.status == 2, "\(unknown.both)")
        #expect(unknown.stderr.contains("unknown code `duplicate-kye`; did you mean `duplicate-key`?"), "\(unknown.both)")
    }

    @Test func completionScripts() throws {
        let box = try Sandbox()
        for shell in ["bash", "zsh", "fish"] {
            let r = try box.planlint("--generate-completion-script", shell)
            #expect(r.status == 0, "\(shell): \(r.both)")
            #expect(r.stdout.contains("stdin-filename") && r.stdout.contains("explain"), "\(shell)")
        }
    }

    @Test func manPage() throws {
        let box = try Sandbox()
        let r = try box.planlint("man")
        #expect(r.status == 0, "\(r.both)")
        #expect(r.stdout.hasPrefix(".TH PLANLINT 1"), "\(r.stdout.prefix(200))")
        #expect(r.stdout.contains(".SS planlint check"))
        #expect(r.stdout.contains("\\-\\-stdin\\-filename"), "options are escaped for roff")
        #expect(r.stdout.contains(".SH EXIT STATUS"))
    }
}
