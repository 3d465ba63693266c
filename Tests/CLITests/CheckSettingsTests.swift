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

    @Test(arguments: [
        ["check", "-q"], ["check", "Plans", "--format", "short"], ["check", "-"], ["check", "--", "Plans"],
        ["check", ""], ["check", "-j", "2", "Plans"], ["check", "Plans", "--lang", "ja"], ["check", "--help"],
        ["Plans"], ["report"], ["--version"], ["-q"], ["fix", "Plans"], ["explain", "duplicate-key"],
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
                          ["check", "Plans", "--max-depth", "5"], ["check", "Plans", "--unsafe-fixes"]] {
            #expect(try Self.parsed(arguments) != plain, "\(arguments)")
        }
    }
}
