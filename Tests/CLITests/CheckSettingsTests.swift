import Foundation
@testable import PlanLintCLI
import Testing

/// `planlint` and `planlint check PATH…` skip swift-argument-parser (`CheckSettings.unparsed`):
/// what they run with must be what the parser would have given, and every other command line
/// must still go to the parser (its options, help, errors and `--`).
@Suite struct CheckSettingsTests {
    static func parsed(_ arguments: [String]) throws -> CheckSettings? {
        (try PlanLintMain.parseAsRoot(PlanLintMain.prepared(arguments)) as? CheckCommand)?.settings
    }

    @Test(arguments: [
        [], ["check"], ["check", "Plans"], ["check", "Plans/miyagi-ict-2014-2016.yaml", "dir with spaces/a.yml"],
        // Words the parser knows elsewhere are paths after `check`.
        ["check", "help", "check", "report", "explain"], ["check", "計画.yaml", "x=y", "@file", "a-b"],
    ])
    func aCommandLineWithNothingToParseGivesWhatTheParserGives(_ arguments: [String]) throws {
        let unparsed = try #require(CheckSettings.unparsed(arguments))
        #expect(unparsed.paths == Array(arguments.dropFirst()))
        #expect(try Self.parsed(arguments) == unparsed)
    }

    /// CI's usual options (`CheckSettings.quickOptions`) are read without the parser too, in
    /// every form the parser takes them, anywhere among the paths.
    @Test(arguments: [
        ["check", "-q"], ["check", "Plans", "--format", "short"], ["check", "--format=short", "Plans"],
        ["check", "--format", "json", "a.yaml", "b.yaml"], ["check", "a.yaml", "--quiet", "b.yaml", "--format", "sarif"],
        ["check", "--exit-zero", "--fail-on", "warning", "Plans"], ["check", "--fail-on=info", "-q", "--format", "github"],
        ["check", "--format", "junit"], ["check", "--format", "human", "--exit-zero"], ["check", "--fail-on", "error", "Plans"],
        // A value is a value, whatever it spells.
        ["check", "--format", "short", "short"], ["check", "Plans", "--fail-on", "warning", "check"],
        // A config of one's own, as the benchmarks give it.
        ["check", "--config", "cfg.yaml", "--allow-outside-root", "--format", "short", "plan.yaml"],
        ["check", "--config=/tmp/x y/c.yaml", "Plans"], ["check", "--allow-outside-root"], ["check", "--config", "check", "Plans"],
    ])
    func commonOptionsGiveWhatTheParserGives(_ arguments: [String]) throws {
        let unparsed = try #require(CheckSettings.unparsed(arguments))
        #expect(try Self.parsed(arguments) == unparsed)
        #expect(unparsed != CheckSettings(paths: unparsed.paths), "an option was read")
    }

    @Test func everyFormatIsReadAsTheParserReadsIt() throws {
        for format in ["human", "short", "json", "sarif", "github", "junit"] {
            for arguments in [["check", "--format", format], ["check", "--format=\(format)", "Plans"]] {
                let unparsed = try #require(CheckSettings.unparsed(arguments), "\(arguments)")
                #expect(unparsed.format.rawValue == format)
                #expect(try Self.parsed(arguments) == unparsed, "\(arguments)")
            }
        }
    }

    @Test(arguments: [
        ["check", "-"], ["check", "--", "Plans"], ["check", "--format", "short", "--", "Plans"], ["check", "-q", "-"],
        ["check", ""], ["check", "-j", "2", "Plans"], ["check", "Plans", "--lang", "ja"], ["check", "--help"],
        ["check", "-q", "-j", "2"], ["check", "Plans", "--format", "short", "--output", "o.txt"],
        // Not a value the parser takes, or not the way it takes one: the parser says so.
        ["check", "--format"], ["check", "Plans", "--format", "nope"], ["check", "--format", "-q"], ["check", "--format="],
        ["check", "--format", ""], ["check", "--Format", "short"], ["check", "-format", "short"], ["check", "--fail-on", "fatal"],
        ["check", "--quiet=yes"], ["check", "-q=1"], ["check", "-qq"], ["check", "--format", "html"],
        // Each once: the parser decides what a repeated option means.
        ["check", "--format", "short", "--format", "json"], ["check", "-q", "--quiet"], ["check", "-q", "-q"],
        ["check", "--config"], ["check", "--config", "-q"], ["check", "--config="], ["check", "--config", "a", "--config", "b"],
        ["check", "--allow-outside-root=1"], ["check", "--allow-outside-root", "--allow-outside-root"],
        ["check", "--config", "c.yaml", "--no-config"],
        ["Plans"], ["report"], ["--version"], ["-q"], ["--format", "short"], ["fix", "Plans"], ["explain", "duplicate-key"],
    ])
    func everyOtherCommandLineGoesToTheParser(_ arguments: [String]) {
        #expect(CheckSettings.unparsed(arguments) == nil)
    }

    @Test func theComparisonSeesEveryOption() throws {
        // An option the parser read makes settings differ from the defaults `unparsed` gives.
        let plain = CheckSettings(paths: ["Plans"])
        for arguments in [["check", "Plans", "-q"], ["check", "Plans", "--format", "json"], ["check", "Plans", "--lang", "ja"],
                          ["check", "Plans", "--rules", "R"], ["check", "Plans", "-j", "1"], ["check", "Plans", "--exit-zero"],
                          ["check", "Plans", "--no-config"], ["check", "Plans", "--fail-on", "warning"],
                          ["check", "Plans", "--max-depth", "5"], ["check", "Plans", "--unsafe-fixes"],
                          ["check", "Plans", "--config", "c.yaml"], ["check", "Plans", "--allow-outside-root"]] {
            #expect(try Self.parsed(arguments) != plain, "\(arguments)")
        }
    }
}

/// The codes' metadata (SARIF's `tool.driver.rules`) is built only for a run with an output
/// that shows it, and every such output still gets it.
@Suite struct RuleMetadataTests {
    @Test func builtWhenAnOutputShowsIt() {
        let showing = [
            CheckSettings(format: .sarif), CheckSettings(format: .sarif, output: "x.sarif"),
            CheckSettings(reports: ["sarif=x.sarif"]), CheckSettings(reports: ["html=r.html"]),
            CheckSettings(format: .json, reports: ["junit=j.xml", "sarif=s.sarif"]),
        ]
        for s in showing { #expect(s.showsRuleMetadata, "\(s)") }
        let hiding = [
            CheckSettings(), CheckSettings(format: .json), CheckSettings(format: .short, output: "o.txt"),
            CheckSettings(reports: ["junit=j.xml", "json=x.json"]), CheckSettings(format: .github),
            CheckSettings(format: .junit, output: "j.xml"),
        ]
        for s in hiding { #expect(!s.showsRuleMetadata, "\(s)") }
    }

    @Test func aSARIFReportBesideTheHumanFormHasTheRules() throws {
        let box = try Sandbox()
        try box.write("b.yaml", Plan.duplicate)
        let r = try box.planlint("check", "--report", "sarif=out.sarif", "b.yaml")
        #expect(r.status == 1, "\(r.both)")
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(try box.read("out.sarif").utf8)) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let rule = try #require(rules.first { $0["id"] as? String == "duplicate-key" })
        #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == "A mapping has the same key twice.")
    }
}
