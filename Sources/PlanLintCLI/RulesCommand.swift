import ArgumentParser
import PlanLintKit
import RuleEngine

/// `planlint rules`: lists the loaded rules.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the loaded rules: id, severity, where each is written, summary.",
        discussion: "Exit status: 0, or 2 when a rule file has an error (the rules that loaded are still listed)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Option(name: .customLong("rules"), help: "A rule file or folder (repeatable; default: Rules/).")
    var rules: [String] = []

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    func run() throws {
        let loaded = RuleLoader.load(paths: try RuleToolIO.rulePaths(rules))
        RuleToolIO.printDiagnostics(loaded.diagnostics)
        switch format {
        case .table: print(RuleListing.table(loaded.ruleSet.rules), terminator: "")
        case .json: print(RuleListing.json(loaded.ruleSet.rules), terminator: "")
        }
        if loaded.hasErrors { throw ExitCode(2) }
    }
}
