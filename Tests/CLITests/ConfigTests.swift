import Foundation
import Testing

/// .planlint.yaml: discovery, errors positioned in the file, extends, overrides, the root.
@Suite struct ConfigTests {
    @Test func configIsFoundByWalkingUp() throws {
        let box = try Sandbox()
        try box.write(".planlint.yaml", "severity:\n  duplicate-key: warning\n")
        try box.write("Plans/2024/a.yaml", Plan.duplicate)
        let r = try box.planlint("check", "--format", "short", "a.yaml", in: "Plans/2024")
        #expect(r.status == 0, "\(r.both)")
        #expect(r.lines == ["a.yaml:2:1: warning: duplicate key `name` in mapping [duplicate-key]"], "\(r.both)")
        // --no-config ignores it; --config names another.
        #expect(try box.planlint("check", "--no-config", "a.yaml", in: "Plans/2024").status == 1)
        try box.write("strict.yaml", "fail-on: warning\n")
        #expect(try box.planlint("check", "--config", "../../strict.yaml", "a.yaml", in: "Plans/2024").status == 1)
        let missing = try box.planlint("check", "--config", "nope.yaml", "a.yaml", in: "Plans/2024")
        #expect(missing.status == 2, "\(missing.both)")
        #expect(missing.stdout.contains("[config/not-found]"), "\(missing.both)")
    }

    @Test func configErrorsArePositionedInTheConfigFile() throws {
        let box = try Sandbox()
        try box.write(".planlint.yaml", """
        exlude: [drafts]
        include: ["Plans/[draft"]
        fail-on: errors
        severity:
          yaml-syntax: off
        limits:
          max-depth: many
        overrides:
          - files: ["x/**"]
            fail-on: warning
        """)
        try box.write("a.yaml", Plan.clean)
        let r = try box.planlint("check", "--format", "short", "a.yaml")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.lines == [
            ".planlint.yaml:1:1: error: `exlude` is not a config key [config/unknown-key]",
            ".planlint.yaml:2:18: error: invalid glob `Plans/[draft`: `[` is never closed by `]` [config/invalid-glob]",
            ".planlint.yaml:3:10: error: `fail-on` must be `error`, `warning` or `info`, not `errors` [config/invalid-value]",
            ".planlint.yaml:5:3: error: `yaml-syntax` cannot be turned off or lowered: a file with this problem was not checked [config/protected-code]",
            ".planlint.yaml:7:14: error: `max-depth` must be a whole number from 1 to 10,000, not `many` [config/invalid-value]",
            ".planlint.yaml:10:5: error: `fail-on` cannot be set per path [config/unknown-key]",
        ], "\(r.both)")
        // The human form carries the suggestion.
        let human = try box.planlint("check", "a.yaml")
        #expect(human.stdout.contains("= help: did you mean `exclude`?"), "\(human.both)")
        #expect(human.stdout.contains("= help: did you mean `error`?"), "\(human.both)")
        // Nothing was linted with the broken config.
        #expect(!human.stdout.contains("a.yaml:"), "\(human.both)")
    }

    @Test func yamlErrorInConfigIsAToolFailure() throws {
        let box = try Sandbox()
        try box.write(".planlint.yaml", "paths: [Plans\n")
        let r = try box.planlint("check", "--format", "short")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.lines.count == 1 && r.lines[0].hasPrefix(".planlint.yaml:") && r.lines[0].hasSuffix("[yaml-syntax]"), "\(r.both)")
    }

    @Test func unknownSeverityCodeIsAnError() throws {
        let box = try Sandbox()
        try box.write(".planlint.yaml", "severity:\n  duplicate-keys: off\n  \"schema/*\": warning\n")
        try box.write("a.yaml", Plan.clean)
        let r = try box.planlint("check", "--format", "short", "a.yaml")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.lines == [".planlint.yaml:2:3: error: `duplicate-keys` is not a loaded rule or a planlint code [config/unknown-code]"], "\(r.both)")
    }

    @Test func extendsMergesAndDetectsCycles() throws {
        let box = try Sandbox()
        try box.write("config/base.yaml", "severity:\n  duplicate-key: warning\nexclude: [skipped]\n")
        try box.write(".planlint.yaml", "extends: config/base.yaml\nfail-on: error\n")
        try box.write("a.yaml", Plan.duplicate)
        try box.write("skipped/b.yaml", Plan.duplicate)
        let r = try box.planlint("check", "--format", "short", ".")
        #expect(r.status == 0, "\(r.both)")
        #expect(r.lines == ["a.yaml:2:1: warning: duplicate key `name` in mapping [duplicate-key]"], "\(r.both)")

        // The extending file wins over its base.
        try box.write(".planlint.yaml", "extends: config/base.yaml\nseverity:\n  duplicate-key: error\n")
        #expect(try box.planlint("check", "a.yaml").status == 1)

        // A cycle: .planlint.yaml → base → other → base.
        try box.write("config/base.yaml", "extends: other.yaml\n")
        try box.write("config/other.yaml", "extends: base.yaml\n")
        try box.write(".planlint.yaml", "extends: config/base.yaml\n")
        let cycle = try box.planlint("check", "--format", "short", "a.yaml")
        #expect(cycle.status == 2, "\(cycle.both)")
        #expect(cycle.lines == ["config/other.yaml:1:10: error: `extends` makes a cycle: config/base.yaml → config/other.yaml → config/base.yaml [config/extends-cycle]"],
                "\(cycle.both)")

        // A file extending itself.
        try box.write(".planlint.yaml", "extends: [./.planlint.yaml]\n")
        let selfCycle = try box.planlint("check", "--format", "short", "a.yaml")
        #expect(selfCycle.status == 2 && selfCycle.stdout.contains("[config/extends-cycle]"), "\(selfCycle.both)")
    }

    @Test func pathsOutsideTheRepositoryNeedAllowOutsideRoot() throws {
        let outer = try Sandbox(repository: false)
        try outer.write("shared.yaml", "severity:\n  duplicate-key: warning\n")
        try outer.write("repo/.git/HEAD", "ref: refs/heads/main\n")
        try outer.write("repo/.planlint.yaml", "extends: ../shared.yaml\n")
        try outer.write("repo/a.yaml", Plan.duplicate)
        let r = try outer.planlint("check", "--format", "short", "a.yaml", in: "repo")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.lines.count == 1 && r.lines[0].hasPrefix(".planlint.yaml:1:10: error: config file `../shared.yaml` is outside the repository"), "\(r.both)")
        #expect(r.lines[0].hasSuffix("[config/outside-root]"), "\(r.both)")
        let allowed = try outer.planlint("check", "--allow-outside-root", "a.yaml", in: "repo")
        #expect(allowed.status == 0, "\(allowed.both)")

        // A symbolic link inside the repository that points out is caught too.
        try outer.symlink("repo/inside.yaml", to: "../shared.yaml")
        try outer.write("repo/.planlint.yaml", "extends: inside.yaml\n")
        let viaLink = try outer.planlint("check", "--format", "short", "a.yaml", in: "repo")
        #expect(viaLink.status == 2 && viaLink.stdout.contains("through a symbolic link"), "\(viaLink.both)")
    }

    @Test func perPathOverrides() throws {
        let box = try Sandbox()
        try box.write(".planlint.yaml", """
        overrides:
          - files: ["Plans/drafts/**"]
            severity:
              duplicate-key: off
          - files: ["Plans/legacy/*.yaml"]
            severity:
              duplicate-key: warning
        """)
        try box.write("Plans/drafts/a.yaml", Plan.duplicate)
        try box.write("Plans/legacy/b.yaml", Plan.duplicate)
        try box.write("Plans/c.yaml", Plan.duplicate)
        let r = try box.planlint("check", "--format", "short", "Plans")
        #expect(r.status == 1, "\(r.both)")
        #expect(r.lines == [
            "Plans/c.yaml:2:1: error: duplicate key `name` in mapping [duplicate-key]",
            "Plans/legacy/b.yaml:2:1: warning: duplicate key `name` in mapping [duplicate-key]",
        ], "\(r.both)")
    }

    @Test func limitsFromConfigAndFlags() throws {
        let box = try Sandbox()
        try box.write("deep.yaml", "a:\n  b:\n    c:\n      d: 1\n")
        try box.write(".planlint.yaml", "limits:\n  max-depth: 2\n")
        let r = try box.planlint("check", "--format", "short", "deep.yaml")
        #expect(r.status == 1 && r.stdout.contains("[nesting-too-deep]"), "\(r.both)")
        #expect(try box.planlint("check", "--max-depth", "10", "deep.yaml").status == 0)
        let big = try box.planlint("check", "--format", "short", "--max-file-size", "10B", "deep.yaml")
        #expect(big.status == 1 && big.stdout.contains("[input-too-large]"), "\(big.both)")
    }
}
