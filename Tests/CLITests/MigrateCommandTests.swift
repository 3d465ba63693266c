import Foundation
import Testing

/// `planlint migrate`: plan@1 → plan@2 in place, atomically, only where it is safe.
@Suite struct MigrateCommandTests {
    static let fixture = PlanLintProcess.repositoryRoot.appendingPathComponent("Tests/Fixtures/plan-1/miyagi-ict-2014-2016.yaml")

    static func miyagi() throws -> String { try String(contentsOf: fixture, encoding: .utf8) }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func migratesTheMiyagiPlanInPlaceKeepingItsPermissions() throws {
        let box = try Sandbox()
        let file = try box.write("Plans/miyagi.yaml", try Self.miyagi())
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let printed = try box.planlint("migrate", "--stdout", "Plans/miyagi.yaml")
        #expect(printed.status == 0, "\(printed.both)")
        #expect(try box.read("Plans/miyagi.yaml") == (try Self.miyagi()), "--stdout writes nothing")

        let r = try box.planlint("migrate", "Plans/miyagi.yaml")
        #expect(r.status == 0, "\(r.both)")
        #expect(r.stdout == "Plans/miyagi.yaml: rewritten as planlint/plan@2\n")
        #expect(try box.read("Plans/miyagi.yaml") == printed.stdout)
        #expect(try Self.mode(file.path) == 0o640)
        #expect(try box.contents(of: "Plans") == ["miyagi.yaml"], "no temporary file is left behind")
        // The rewritten file is a valid plan@2 document.
        let check = try box.planlint("check", "--no-config", "--format", "short", "Plans/miyagi.yaml")
        #expect(!check.stdout.contains("[schema/") && !check.stdout.contains("plan-format-deprecated"), "\(check.both)")

        // Again: nothing to do, nothing written.
        let again = try box.planlint("migrate", "Plans/miyagi.yaml")
        #expect(again.status == 0 && again.stdout == "Plans/miyagi.yaml: already planlint/plan@2\n", "\(again.both)")
        #expect(try box.read("Plans/miyagi.yaml") == printed.stdout)
    }

    @Test func checkListsFilesStillInPlan1() throws {
        let box = try Sandbox()
        try box.write("old.yaml", try Self.miyagi())
        try box.write("new.yaml", "format: planlint/plan@2\nplan: {title: x}\n")
        let pending = try box.planlint("migrate", "--check", "old.yaml", "new.yaml")
        #expect(pending.status == 1, "\(pending.both)")
        #expect(pending.stdout == "old.yaml: planlint/plan@1 (run `planlint migrate old.yaml`)\n")
        #expect(try box.read("old.yaml") == (try Self.miyagi()))
        let done = try box.planlint("migrate", "--check", "new.yaml")
        #expect(done.status == 0 && done.stdout.isEmpty, "\(done.both)")
    }

    @Test func refusesWhatItMustNotWrite() throws {
        let box = try Sandbox()
        try box.write("broken.yaml", "format: planlint/plan@1\nplan: [\n")
        try box.mkdir("folder")
        try box.write("other.yaml", "format: something/else\n")
        for (args, wanted) in [(["broken.yaml"], "broken.yaml is not valid YAML"),
                               (["folder"], "folder: is a directory"),
                               (["missing.yaml"], "missing.yaml: no such file"),
                               (["other.yaml"], "the document's format is something/else, not planlint/plan@1"),
                               (["--stdout", "a.yaml", "b.yaml"], "--stdout takes exactly one file")] {
            let r = try box.planlint(arguments: ["migrate"] + args)
            #expect(r.status == 2, "\(args): \(r.both)")
            #expect(r.stderr.contains(wanted), "\(args): \(r.both)")
        }
        #expect(try box.read("broken.yaml") == "format: planlint/plan@1\nplan: [\n")

        // Outside the repository: refused unless asked for.
        let repo = try Sandbox()
        let outside = try Sandbox(repository: false)
        try outside.write("plan.yaml", try Self.miyagi())
        let refused = try repo.planlint("migrate", outside.path + "/plan.yaml")
        #expect(refused.status == 2 && refused.stderr.contains("is outside the repository"), "\(refused.both)")
        #expect(try outside.read("plan.yaml") == (try Self.miyagi()))
        let allowed = try repo.planlint("migrate", "--allow-outside-root", outside.path + "/plan.yaml")
        #expect(allowed.status == 0, "\(allowed.both)")
    }

    @Test func aSymbolicLinkStaysALink() throws {
        let box = try Sandbox()
        try box.write("real/plan.yaml", try Self.miyagi())
        try box.symlink("plan.yaml", to: "real/plan.yaml")
        let r = try box.planlint("migrate", "plan.yaml")
        #expect(r.status == 0, "\(r.both)")
        let attributes = try FileManager.default.attributesOfItem(atPath: box.url("plan.yaml").path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try box.read("real/plan.yaml").contains("format: planlint/plan@2"))
    }
}
