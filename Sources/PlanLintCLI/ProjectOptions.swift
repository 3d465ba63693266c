import ArgumentParser
import Diagnostics
import PlanLintKit

/// The options `check` and `report` share: which configuration and rules, and what fails the
/// run. One declaration, so that the two commands take them alike.
struct ProjectOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Use this config file instead of searching for .planlint.yaml.", valueName: "file"))
    var config: String?

    @Flag(help: "Ignore .planlint.yaml files: defaults only.")
    var noConfig = false

    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file or folder to load besides the configured ones (repeatable).", valueName: "path"))
    var rules: [String] = []

    @Option(help: "Lowest severity that fails the run (default: error, or `fail-on` in the config).")
    var failOn: Severity?

    @Flag(help: "Exit 0 even when there are findings (configuration and I/O errors still exit 2).")
    var exitZero = false

    /// The options of a run over `paths` from the current directory.
    func checkOptions(paths: [String]) -> CheckOptions {
        Self.checkOptions(paths: paths, config: config, noConfig: noConfig, rules: rules, failOn: failOn, exitZero: exitZero)
    }

    /// `checkOptions(paths:)` from the options' values (`CheckSettings`).
    static func checkOptions(paths: [String], config: String?, noConfig: Bool, rules: [String], failOn: Severity?,
                             exitZero: Bool) -> CheckOptions {
        var options = CheckOptions(cwd: PathUtil.currentDirectory())
        options.paths = paths
        options.configFile = config
        options.useConfig = !noConfig
        options.extraRules = rules
        options.failOn = failOn
        options.exitZero = exitZero
        return options
    }
}
