import DiagnosticRendering
#if canImport(FoundationEssentials)
import FoundationEssentials  // not Foundation: it would link ICU into the binary (Docs/performance.md)
#else
import Foundation
#endif
import PlanLintKit

/// The repository's own configuration (.planlint.yaml: the rule packs in Rules/ and
/// Plans/plan.schema.yaml), loaded once, and a lint of fuzz input as if it were a plan in
/// Plans/.
enum BundledPack {
    /// The repository root: `PLANLINT_FUZZ_ROOT`, else the checkout this file was built from.
    static let root: String = {
        if let env = ProcessInfo.processInfo.environment["PLANLINT_FUZZ_ROOT"] { return env }
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)   // Sources/FuzzTargets/BundledPack.swift
        return parts.joined(separator: "/")
    }()

    /// The linter `planlint check` would build at the root. Loading problems stop the
    /// process: fuzzing without the rules would look clean while testing nothing.
    static let linter: Linter = {
        let loaded = ConfigLoader.load(explicit: root + "/" + ConfigLoader.fileName, cwd: root)
        let checks = ChecksLoader.load(loaded.configuration, options: .init(cwd: root))
        let problems = (loaded.diagnostics + checks.loadDiagnostics).filter { $0.severity == .error }
        if !problems.isEmpty || loaded.configuration.rules.isEmpty || loaded.configuration.schemas.isEmpty {
            let text = problems.map(ShortRenderer.line).joined(separator: "\n")
            fatalError("fuzz: the bundled rules and schema at \(root) did not load (set PLANLINT_FUZZ_ROOT):\n\(text)")
        }
        return Linter(configuration: loaded.configuration, checks: checks)
    }()

    /// Where the input pretends to live: inside Plans/, so the schema binding applies.
    static let target = LintTarget(absolutePath: root + "/Plans/fuzz-input.yaml", displayPath: "Plans/fuzz-input.yaml")

    static let context = RenderContext(rootDirectory: root)

    /// Lints `bytes` with every bundled rule and the schema and renders the findings.
    static func lint(_ bytes: [UInt8]) {
        let diagnostics = linter.lintOne(Linter.Input(target: target, content: bytes))
        _ = HumanRenderer().render(diagnostics.sortedForOutput(), context: context)
    }
}
