#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif
import DiagnosticRendering
import PlanLintKit
import RuleEngine
import RuleLanguage
import YAMLTree

/// The two loaders a pull request feeds directly: `.planlint.yaml` (`config`) and rule files
/// (`rules`). Issue 16 found a config that lifted every limit and rule files whose messages
/// were unmetered; these targets keep the fuzzer on them.
enum LoaderTargets {
    /// A repository for config inputs: a copy of `Rules/` and a small plan, so that a config
    /// naming `Rules`, `Plans` or `*.yaml` finds real files (made once per process).
    static let sandbox: String = {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.path + "/planlint-fuzz-config-\(ProcessInfo.processInfo.processIdentifier)"
        try? fm.removeItem(atPath: dir)
        try? fm.createDirectory(atPath: dir + "/.git", withIntermediateDirectories: true)
        try? fm.createDirectory(atPath: dir + "/Plans", withIntermediateDirectories: true)
        try? fm.copyItem(atPath: BundledPack.root + "/Rules", toPath: dir + "/Rules")
        try? fm.copyItem(atPath: BundledPack.root + "/Plans/plan.schema.yaml", toPath: dir + "/Plans/plan.schema.yaml")
        _ = fm.createFile(atPath: dir + "/Plans/plan.yaml", contents: Data(smallPlan.utf8))
        return dir
    }()

    static let smallPlan = """
        name: fuzz plan
        budgets:
          tables:
            - category: a
              rows:
                - {field: x, years: [{fy: 2014, count: 1, budget: 7, actual: 7}]}
              total: {years: [{fy: 2014, count: 1, budget: 7, actual: 7}]}
        """

    /// bytes → `.planlint.yaml` → configuration (extends, paths, globs, limits, severities)
    /// → the checks it names → a lint of a small plan under it, with the limits it set.
    static func config(_ bytes: [UInt8]) {
        let path = sandbox + "/.planlint.yaml"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
        let loaded = ConfigLoader.load(explicit: path, cwd: sandbox)
        _ = loaded.diagnostics.map(ShortRenderer.line)
        guard !loaded.failed else { return }
        var config = loaded.configuration
        // The fuzzer's own time limit: a config may raise the budget to its ceiling.
        config.limits.costBudget = min(config.limits.costBudget ?? 100_000, 100_000)
        let checks = ChecksLoader.load(config, options: .init(cwd: sandbox))
        let linter = Linter(configuration: config, checks: checks)
        let target = LintTarget(absolutePath: sandbox + "/Plans/plan.yaml", displayPath: "Plans/plan.yaml")
        let found = linter.lintOne(Linter.Input(target: target, content: Array(smallPlan.utf8)))
        _ = HumanRenderer().render(found.sortedForOutput(), context: RenderContext(rootDirectory: sandbox))
    }

    /// bytes → a rule file → the rules that load, run over a small plan and over their own
    /// examples with a small budget, and the findings rendered.
    static func rules(_ bytes: [UInt8]) {
        let limits = YAMLLimits(maxDepth: 200, maxAliasExpansion: 100_000, maxInputBytes: 1 << 20)
        let (file, parsed) = YAMLReader.read(path: "Rules/fuzz.yaml", raw: bytes, limits: limits)
        guard parsed.isComplete || !file.bytes.isEmpty else { return }
        let loaded = RuleLoader.load(sources: [file], options: RuleLoadOptions(expressionLimits: .default, yamlLimits: limits))
        _ = loaded.diagnostics.map(ShortRenderer.line)
        guard !loaded.ruleSet.isEmpty else { return }
        let options = RunOptions(costPolicy: CostPolicy(base: 20_000, perDocumentNode: 10))
        let plan = YAMLReader.parse(smallPlan, path: "Plans/plan.yaml")
        let result = RuleRunner(ruleSet: loaded.ruleSet, options: options).run(on: plan.tree)
        _ = HumanRenderer().render(result.diagnostics.sortedForOutput(), context: RenderContext())
        _ = RuleTester.run(loaded, runOptions: options)
    }
}
