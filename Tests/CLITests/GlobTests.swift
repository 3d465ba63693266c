@testable import PlanLintKit
import Testing

/// The glob dialect of .planlint.yaml.
@Suite struct GlobTests {
    func m(_ pattern: String, _ path: String, dir: Bool = false) throws -> Bool {
        try Glob(pattern).matches(path, isDirectory: dir)
    }

    @Test func wildcards() throws {
        #expect(try m("Plans/*.yaml", "Plans/a.yaml"))
        #expect(try !m("Plans/*.yaml", "Plans/x/a.yaml"))
        #expect(try m("Plans/**/*.yaml", "Plans/a.yaml"))
        #expect(try m("Plans/**/*.yaml", "Plans/x/y/a.yaml"))
        #expect(try m("**/drafts", "a/b/drafts/x.yaml"), "a folder match covers its contents")
        #expect(try m("plan-??.yaml", "x/plan-07.yaml"), "no slash: matches the name anywhere")
        #expect(try !m("plan-??.yaml", "plan-7.yaml"))
        #expect(try m("plan-[0-9][!a-z].yaml", "plan-12.yaml"))
        #expect(try !m("plan-[0-9][!a-z].yaml", "plan-1a.yaml"))
        #expect(try m("[^.]*.yaml", "a.yaml") && !m("/[^.]*.yaml", ".a.yaml"))
        #expect(try m("\\*.yaml", "*.yaml") && !m("\\*.yaml", "a.yaml"))
        #expect(try m("/top.yaml", "top.yaml") && !m("/top.yaml", "sub/top.yaml"), "a leading / anchors")
        #expect(try m("drafts/", "drafts", dir: true) && !m("drafts/", "drafts"), "trailing / matches folders only")
        #expect(try m("drafts/", "drafts/a.yaml"))
        #expect(try m("計画/*.yaml", "計画/予算.yaml"))
        #expect(try m("./Plans/*.yaml", "Plans/a.yaml"))
        #expect(try Glob("Plans/*.yaml").matchesFile("Plans/a.yaml"))
        #expect(try !Glob("Plans").matchesFile("Plans/a.yaml"), "include needs the file itself")
    }

    @Test func manyStarsStayFast() throws {
        let g = try Glob(String(repeating: "*a", count: 30) + "b")
        let name = String(repeating: "a", count: 5000)
        let clock = ContinuousClock()
        let t = clock.measure { #expect(!g.matches(name)) }
        // Not a speed claim (those live in scripts/bench): backtracking over 30 stars would take
        // about 5000^30 steps, so a generous bound turns a hang into a failure without failing
        // an instrumented build on a loaded machine.
        #expect(t < .seconds(60), "\(t)")
        let deep = try Glob(String(repeating: "**/x/", count: 20) + "y")
        let path = Array(repeating: "x", count: 400).joined(separator: "/") + "/z"
        #expect(!deep.matches(path))
    }

    /// `Glob.split` splits an ASCII path by bytes: as the split by Characters does.
    @Test func pathsSplitAsByCharacters() {
        for path in ["Plans/a.yaml", "./Plans//b.yml", "/abs/x/", "a", "", "/", ".", "./.", "././a/./b", "..//x",
                     "計画/a.yaml", "a/\u{301}b/c", "a /b c/ d", "x\ty/z"] {
            var old = path.split(separator: "/", omittingEmptySubsequences: true)
            while old.first == "." { old.removeFirst() }
            #expect(Glob.split(path) == old, "\(path.debugDescription)")
        }
        #expect(Glob.split("a/\u{301}b") == ["a/\u{301}b"], "a `/` that begins a Character does not split")
    }

    @Test func syntaxErrors() {
        func err(_ p: String) -> Glob.SyntaxError? {
            do { _ = try Glob(p); return nil } catch { return error }
        }
        #expect(err("Plans/[ab")?.message == "`[` is never closed by `]`")
        #expect(err("Plans/[ab")?.offset == 6)
        #expect(err("a**/b")?.offset == 1)
        #expect(err("a//b")?.message == "empty path segment (`//`)")
        #expect(err("[z-a]")?.message == "character range `z-a` is reversed")
        #expect(err("") != nil)
        #expect(err("abc\\") != nil)
    }
}

/// Sizes in `limits.max-file-size` and `--max-file-size`.
@Suite struct SizeTests {
    @Test func sizes() {
        #expect(LimitSettings.parseSize("1048576") == 1_048_576)
        #expect(LimitSettings.parseSize("10 MiB") == 10 << 20)
        #expect(LimitSettings.parseSize("10MiB") == 10 << 20)
        #expect(LimitSettings.parseSize("500KB") == 500_000)
        #expect(LimitSettings.parseSize("1_000B") == 1_000)
        #expect(LimitSettings.parseSize("4 GiB") == 4 << 30)
        #expect(LimitSettings.parseSize("5 GiB") == nil)
        #expect(LimitSettings.parseSize("0") == nil)
        #expect(LimitSettings.parseSize("-1") == nil)
        #expect(LimitSettings.parseSize("ten MB") == nil)
        #expect(LimitSettings.parseSize("10 TB") == nil)
    }
}
