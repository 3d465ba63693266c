import Foundation
import Testing

/// `planlint init`: a skeleton, its schema and a configuration that lint clean at once.
@Suite struct InitCommandTests {
    @Test func writesThreeFilesThatLintCleanAtOnce() throws {
        let box = try Sandbox()
        let r = try box.planlint("init")
        #expect(r.status == 0, "\(r.both)")
        #expect(try box.contents(of: ".") == [".git", ".planlint.yaml", "plan.schema.yaml", "plan.yaml"], "no temporary file is left behind")
        // The schema beside the plan is the built-in one, and the plan's first line names it.
        let schema = try box.planlint("schema", "plan@2")
        #expect(try box.read("plan.schema.yaml") == schema.stdout)
        #expect(try box.read("plan.yaml").hasPrefix("# yaml-language-server: $schema=plan.schema.yaml\n"))
        #expect(try box.read(".planlint.yaml").contains("\nextends: planlint:recommended\n"))
        // Clean: no finding, no warning (not even a rule that matched nothing), exit 0.
        let check = try box.planlint("check", "--format", "short")
        #expect(check.status == 0, "\(check.both)")
        #expect(check.stdout.isEmpty && check.stderr.isEmpty, "\(check.both)")
    }

    @Test func theSkeletonIsCheckedByTheBuiltInRulesAndTheSchema() throws {
        let box = try Sandbox()
        #expect(try box.planlint("init").status == 0)
        let plan = try box.read("plan.yaml")
        // A share changed (rules), and a key misspelt (schema): both reported.
        _ = try box.write("plan.yaml", plan.replacingOccurrences(of: "      - [A, 1, 50.0]", with: "      - [A, 1, 51.0]")
            .replacingOccurrences(of: "  publisher: ", with: "  publsher: "))
        let check = try box.planlint("check", "--format", "short")
        #expect(check.status == 1, "\(check.both)")
        #expect(check.stdout.contains("[table-share]"), "\(check.both)")
        #expect(check.stdout.contains("[schema/additional-properties]"), "\(check.both)")
    }

    @Test func overwritesNothing() throws {
        let box = try Sandbox()
        _ = try box.write("plan.yaml", "mine\n")
        let r = try box.planlint("init")
        #expect(r.status == 2, "\(r.both)")
        #expect(r.stderr.contains("plan.yaml already exists"), "\(r.both)")
        #expect(try box.read("plan.yaml") == "mine\n")
        #expect(try box.contents(of: ".") == [".git", "plan.yaml"], "nothing else was written")
        // A folder that is not there.
        let missing = try box.planlint("init", "no-such-folder")
        #expect(missing.status == 2, "\(missing.both)")
        #expect(missing.stderr.contains("no-such-folder is not a folder"), "\(missing.both)")
        // Into a subfolder.
        try box.mkdir("reviews")
        let sub = try box.planlint("init", "reviews")
        #expect(sub.status == 0, "\(sub.both)")
        #expect(sub.stdout.contains("wrote reviews/plan.yaml\n"), "\(sub.both)")
    }
}
