// swift-tools-version: 6.0
// planlint: checks plan data against declarative policy rules and reports like a compiler.
//
// Modules point one way (each imports only modules listed before it; scripts/check-manifest.py
// checks that every import is declared, every dependency used, and no `@_exported`):
//   CLibYAML, SourceText, Guarded, ExactNumbers, LinearRegex → Diagnostics → YAMLTree
//   → DiagnosticRendering, RuleLanguage, SchemaValidation, PlanFigures → RuleEngine, PlanMigration, HTMLReport → PlanLintKit
//   → LSPProtocol → PlanLintLSP → PlanLintCLI → planlint
// The command line and the server use PlanLintKit (and the document model: SourceText,
// Diagnostics, YAMLTree, DiagnosticRendering), never the engine's modules. Docs/architecture.md
// describes each module.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "planlint",
    // Int128 (exact decimals) needs macOS 15 on Apple platforms; Linux has it everywhere.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PlanLintKit", targets: ["PlanLintKit"]),
        .executable(name: "planlint", targets: ["planlint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libyaml from the system (Debian: libyaml-dev), found through pkg-config.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Source files, byte ranges, line tables, column conversions. No dependencies.
        .target(name: "SourceText", swiftSettings: strict),
        // A pthread-based lock ThreadSanitizer can see (see Sources/Guarded/Guarded.swift).
        .target(name: "Guarded", swiftSettings: strict),
        // Exact decimals and rounding intervals. No dependencies.
        .target(name: "ExactNumbers", swiftSettings: strict),
        // The diagnostic model, the code registry and message catalogues.
        .target(name: "Diagnostics", dependencies: ["SourceText"], swiftSettings: strict),
        // The one regex engine (linear time), for the rule language and JSON Schema; its messages
        // are a catalogue (Diagnostics).
        .target(name: "LinearRegex", dependencies: ["Diagnostics"], swiftSettings: strict),
        // libyaml events → a tree of located nodes; the YAML codes.
        .target(name: "YAMLTree", dependencies: ["CLibYAML", "SourceText", "Diagnostics"], swiftSettings: strict),
        // One renderer per output format.
        .target(name: "DiagnosticRendering", dependencies: ["SourceText", "Diagnostics"], swiftSettings: strict),
        // Expression language: lexer, parser, checker, evaluator, fiscal years.
        .target(name: "RuleLanguage", dependencies: ["SourceText", "ExactNumbers", "LinearRegex", "YAMLTree", "Diagnostics"], swiftSettings: strict),
        // JSON Schema (2020-12) over the located tree.
        .target(name: "SchemaValidation", dependencies: ["SourceText", "ExactNumbers", "LinearRegex", "Guarded", "Diagnostics", "YAMLTree"], swiftSettings: strict),
        // Rule files and configs, running rules, suppressions, baselines.
        .target(name: "RuleEngine", dependencies: ["SourceText", "ExactNumbers", "Guarded", "Diagnostics", "YAMLTree", "RuleLanguage", "SchemaValidation"], swiftSettings: strict),
        // plan@1 → plan@2, keeping the file as written, with a map back to the original.
        .target(name: "PlanMigration", dependencies: ["SourceText", "Diagnostics", "YAMLTree"], swiftSettings: strict),
        // A plan's figures (tables, marks, yearly counts, indicators) read from its declarations.
        .target(name: "PlanFigures", dependencies: ["SourceText", "ExactNumbers", "YAMLTree"], swiftSettings: strict),
        // The HTML report: findings and the plans' figures as one self-contained page.
        .target(name: "HTMLReport", dependencies: ["SourceText", "ExactNumbers", "Diagnostics", "DiagnosticRendering", "PlanFigures"], swiftSettings: strict),
        // The lint frontend shared by the CLI and the server.
        .target(name: "PlanLintKit", dependencies: ["SourceText", "Guarded", "Diagnostics", "YAMLTree", "DiagnosticRendering", "ExactNumbers", "LinearRegex", "RuleLanguage", "SchemaValidation", "RuleEngine", "PlanMigration", "PlanFigures", "HTMLReport"], swiftSettings: strict),
        // Language Server Protocol framing and message types (no linting logic).
        .target(name: "LSPProtocol", dependencies: ["Guarded", "SourceText"], swiftSettings: strict),
        // The language server.
        .target(name: "PlanLintLSP", dependencies: ["SourceText", "Guarded", "Diagnostics", "YAMLTree", "DiagnosticRendering", "LSPProtocol", "PlanLintKit"], swiftSettings: strict),
        // Subcommands; each declares options and hands work to PlanLintKit.
        .target(
            name: "PlanLintCLI",
            dependencies: [
                "SourceText", "Diagnostics", "YAMLTree", "DiagnosticRendering", "PlanLintKit", "PlanLintLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "planlint", dependencies: ["PlanLintCLI", "Guarded"], swiftSettings: strict),
        // Fuzz entry points (scripts/fuzz builds them with -sanitize=fuzzer) and a replay tool.
        .target(name: "FuzzTargets", dependencies: ["SourceText", "ExactNumbers", "Diagnostics", "YAMLTree", "DiagnosticRendering", "RuleLanguage", "RuleEngine", "PlanLintKit", "LSPProtocol"], swiftSettings: strict),
        .executableTarget(name: "planlint-fuzz", dependencies: ["FuzzTargets"], swiftSettings: strict),

        // Finds the external test corpora pinned in Tests/Corpora/manifest.json (tests only).
        .target(name: "CorpusSupport", path: "Tests/CorpusSupport"),
        // Golden files for the tests: compare, re-record with PLANLINT_RECORD=1, diff; and the
        // seeded generator of the property tests.
        .target(name: "GoldenFiles", dependencies: ["SourceText"], path: "Tests/GoldenFiles"),

        .testTarget(name: "SourceTextTests", dependencies: ["SourceText"]),
        .testTarget(name: "ExactNumbersTests", dependencies: ["ExactNumbers"]),
        .testTarget(name: "LinearRegexTests", dependencies: ["LinearRegex", "Diagnostics"]),
        .testTarget(name: "GuardedTests", dependencies: ["Guarded"]),
        .testTarget(name: "YAMLTreeTests", dependencies: ["SourceText", "Diagnostics", "YAMLTree", "CorpusSupport", "GoldenFiles"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["SourceText", "Diagnostics", "YAMLTree", "DiagnosticRendering", "CorpusSupport", "GoldenFiles"], exclude: ["Fixtures"]),
        .testTarget(name: "RuleLanguageTests", dependencies: ["RuleLanguage", "YAMLTree", "ExactNumbers", "SourceText"], exclude: ["Fixtures"]),
        .testTarget(name: "SchemaValidationTests", dependencies: ["SourceText", "ExactNumbers", "Diagnostics", "YAMLTree", "SchemaValidation", "CorpusSupport", "GoldenFiles"], exclude: ["Fixtures"]),
        .testTarget(name: "RuleEngineTests", dependencies: ["SourceText", "Guarded", "Diagnostics", "YAMLTree", "RuleLanguage", "RuleEngine", "GoldenFiles"]),
        .testTarget(name: "CLITests", dependencies: ["SourceText", "Diagnostics", "PlanLintKit", "PlanLintLSP", "PlanLintCLI", "GoldenFiles", "Guarded", "RuleEngine"]),
        .testTarget(name: "ReportTests", dependencies: ["SourceText", "Diagnostics", "YAMLTree", "DiagnosticRendering", "PlanFigures", "HTMLReport"], exclude: ["Fixtures"]),
        .testTarget(name: "LSPTests", dependencies: ["SourceText", "Guarded", "Diagnostics", "PlanLintKit", "LSPProtocol", "PlanLintLSP", "GoldenFiles"], exclude: ["Fixtures", "nvim"]),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["FuzzTargets"]),
    ],
    swiftLanguageModes: [.v6]
)
