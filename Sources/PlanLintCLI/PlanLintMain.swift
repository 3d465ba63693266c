import ArgumentParser
import PlanLintKit

/// The `planlint` command: subcommands only declare options and hand the work to PlanLintKit.
public struct PlanLintMain: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "planlint",
        abstract: "Check plan data against declarative policy rules, and report like a compiler.",
        version: PlanLintVersion.current,
        subcommands: [CheckCommand.self, ParseCommand.self, TestCommand.self, EvalCommand.self, RulesCommand.self],
        defaultSubcommand: CheckCommand.self
    )
    public init() {}
}
